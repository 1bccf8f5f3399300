//! `src/primitives.rs` and `src/error.rs`: which primitive and error types the crate uses.
//!
//! Without the `client` feature they are the crate's own, dependency-free types (copied from
//! `codegen/runtime/` into `src/primitives/standalone.rs` and `src/error/standalone.rs`). With it
//! they are the smithy runtime's own types (`aws-smithy-types`, `aws-smithy-runtime-api`,
//! `aws-types`), exactly as `aws-sdk-*` crates re-export them, so code mixing this crate with the
//! AWS SDK type-checks. Both sets have the same method names, which the copied runtime relies on.

use proc_macro2::TokenStream;
use quote::quote;

/// Own primitives only, or a switch between own and smithy ones (`smithy`: items).
fn own_or_smithy(client: bool, smithy: Vec<TokenStream>) -> TokenStream {
    if client {
        quote! {
            #[cfg(not(feature = "client"))]
            mod standalone;
            #[cfg(not(feature = "client"))]
            pub use self::standalone::*;
            #(#[cfg(feature = "client")] #smithy)*
        }
    } else {
        quote! {
            mod standalone;
            pub use self::standalone::*;
        }
    }
}

/// `src/primitives.rs`.
pub fn primitives_rs(client: bool) -> TokenStream {
    let smithy = vec![quote! {
        pub use ::smithy_codegen_client::deps::aws_smithy_types::{
            base64,
            date_time::{ConversionError, DateTimeFormatError, DateTimeParseError, Format as DateTimeFormat},
            BigDecimal, BigInteger, Blob, DateTime, Document, Number,
        };
    }];
    let switch = own_or_smithy(client, smithy);
    let which = if client {
        "\nWithout the `client` feature these are the crate's own types, which depend on nothing; with it they \
         are `aws-smithy-types`' (the same types the AWS SDK for Rust uses)."
    } else {
        ""
    };
    let doc = format!(
        "Primitive types used by the generated shapes: [`Blob`], [`DateTime`] (with [`DateTimeFormat`]), \
         [`Document`] and [`Number`], [`BigInteger`] and [`BigDecimal`], and [`UnknownVariantValue`], the payload \
         of a string enum's `Unknown` variant.\n{which}"
    );
    let doc = super::ctx::inner_doc_lines(&doc);
    quote! {
        #doc
        #switch
        mod unknown_variant;
        pub use self::unknown_variant::UnknownVariantValue;
        pub(crate) mod decimal;
    }
}

/// `src/error.rs`.
pub fn error_rs(client: bool) -> TokenStream {
    let smithy = vec![
        quote! {
            pub use ::smithy_codegen_client::deps::aws_smithy_types::error::{
                display::DisplayErrorContext,
                metadata::{Builder as ErrorMetadataBuilder, ErrorMetadata, ProvideErrorMetadata},
                operation::{BuildError, SerializationError},
                TryFromNumberError,
            };
        },
        quote!(pub use ::smithy_codegen_client::deps::aws_smithy_runtime_api::box_error::BoxError;),
        quote!(pub use ::smithy_codegen_client::deps::aws_smithy_runtime_api::client::result::ConnectorError;),
        quote!(pub use ::smithy_codegen_client::deps::aws_types::request_id::RequestId;),
        quote! {
            /// The error of a client call: the service's error, or what kept the call from reaching it.
            pub type SdkError<E, R = ::smithy_codegen_client::deps::aws_smithy_runtime_api::client::orchestrator::HttpResponse> =
                ::smithy_codegen_client::deps::aws_smithy_runtime_api::client::result::SdkError<E, R>;
        },
    ];
    let switch = own_or_smithy(client, smithy);
    let which = if client {
        "\nWithout the `client` feature these are the crate's own types; with it, [`ErrorMetadata`], \
         [`ProvideErrorMetadata`], [`BuildError`] and the others are the smithy runtime's, and \
         `SdkError` is the error of client calls."
    } else {
        ""
    };
    let doc = format!(
        "Error types: [`BuildError`] (a builder or serializer rejected its input), [`ErrorMetadata`] and \
         [`ProvideErrorMetadata`] (code, message and request ID of a service error), [`Unhandled`] (the \
         catch-all of every operation error) and [`UnknownVariantError`].\n{which}"
    );
    let doc = super::ctx::inner_doc_lines(&doc);
    quote! {
        #doc
        #switch
        mod unhandled;
        pub use self::unhandled::{Unhandled, UnknownVariantError};
    }
}
