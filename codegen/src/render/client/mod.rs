//! The `client` feature of a generated crate: `Client`, `Config`, one fluent builder per
//! operation, paginators, and the endpoint glue. All of it sits behind
//! `#[cfg(feature = "client")]` and runs on the `smithy-codegen-client` runtime crate.
//!
//! - `client_rs.rs`: `src/client.rs` (the `Client` and the one generic `send` every call uses)
//! - `config_rs.rs`: `src/config/client.rs` (`Config`, its builder, the SDK's re-exports, the
//!   bridge from the generated endpoint resolver to the smithy `ResolveEndpoint` trait)
//! - `fluent.rs`: `<Op>FluentBuilder` in each operation's `builders` module
//! - `paginator.rs`: `<Op>Paginator` / `<Op>PaginatorItems` for `@paginated` operations
//!
//! The client resolves endpoints with the generated `config::endpoint::DefaultResolver`, so the
//! feature `client` turns on the feature `endpoint`.

mod client_rs;
mod config_rs;
mod fluent;
mod paginator;

use proc_macro2::TokenStream;
use quote::quote;

use super::ctx::Ctx;
use crate::plan::{OperationPlan, Plan};

pub use client_rs::client_rs;
pub use config_rs::config_rs;

/// The cargo feature that turns the client on.
pub const FEATURE: &str = "client";

/// The client runtime crate's package name.
pub const RUNTIME_PACKAGE: &str = "smithy-codegen-client";

/// What the client needs to know about the service, from its traits.
pub(crate) struct ServiceFacts {
    /// `aws.api#service` `sdkId` in lower case with `-` for spaces (user agent, retry partition);
    /// the service shape's name when absent.
    pub service_id: String,
    /// `aws.auth#sigv4` `name`: requests are signed when present.
    pub signing_name: Option<String>,
}

pub(crate) fn facts(plan: &Plan) -> ServiceFacts {
    let service = plan.model.expect(&plan.service.id);
    let aws = service.traits.get("aws.api#service");
    let sdk_id = aws
        .and_then(|v| v.get("sdkId"))
        .and_then(|v| v.as_str())
        .unwrap_or(plan.service.id.name());
    let service_id = sdk_id.to_lowercase().replace(' ', "-");
    let signing_name = service.traits.get("aws.auth#sigv4").and_then(|v| v.get("name")).and_then(|v| v.as_str()).map(str::to_owned);
    ServiceFacts { service_id, signing_name }
}

/// Items of `lib.rs` for the client.
pub fn lib_items() -> TokenStream {
    quote! {
        #[cfg(feature = "client")]
        pub mod client;
        #[cfg(feature = "client")]
        pub use client::Client;
        #[cfg(feature = "client")]
        pub use config::Config;
    }
}

/// Client items that go into an operation's `builders` module.
pub fn builders_items(ctx: &Ctx, op: &OperationPlan) -> TokenStream {
    fluent::render(ctx, op)
}

/// Client items at the top of an operation's module (its paginator, when it has one).
pub fn operation_items(ctx: &Ctx, op: &OperationPlan) -> TokenStream {
    paginator::render(ctx, op)
}

/// `<op>` as a method name of the client.
pub(crate) fn method_name(op: &OperationPlan) -> proc_macro2::Ident {
    super::ctx::ident(&op.module)
}

/// The path of the runtime crate in generated code.
pub(crate) fn rt() -> TokenStream {
    quote!(::smithy_codegen_client)
}
