//! The module tree of `src/serde_impls/`: one file per named type and per operation, beside
//! module files that declare them (private: the impls are all there is).

use proc_macro2::TokenStream;
use quote::quote;

use crate::plan::{OperationPlan, Plan, TypeKind, TypePlan};
use crate::render::ctx::ident;

/// The module files, in the order [`module_file`] knows them.
pub const MODULE_FILES: &[&str] =
    &["src/serde_impls.rs", "src/serde_impls/types.rs", "src/serde_impls/types/error.rs", "src/serde_impls/operation.rs"];

/// One of the [`MODULE_FILES`].
pub fn module_file(plan: &Plan, path: &str) -> TokenStream {
    let mods = |kind_is_error: bool| {
        plan.types.values().filter(move |t| (t.kind == TypeKind::Error) == kind_is_error).map(|t| {
            let m = ident(&t.module);
            quote!(mod #m;)
        })
    };
    let (types, errors) = (mods(false), mods(true));
    let ops = plan.operations.iter().map(|op| {
        let m = ident(&op.module);
        quote!(mod #m;)
    });
    match path {
        "src/serde_impls.rs" => quote! {
            //! `Serialize` and `Deserialize` for every type of the crate (feature `serde`), in the
            //! service's JSON wire format. The codecs they use are in `serde_wire`.
            mod operation;
            mod types;
        },
        "src/serde_impls/types.rs" => quote!(mod error; #(#types)*),
        "src/serde_impls/types/error.rs" => quote!(#(#errors)*),
        _ => quote!(#(#ops)*),
    }
}

/// The file of one named type's impls.
pub fn type_file(t: &TypePlan) -> String {
    match t.kind {
        TypeKind::Error => format!("src/serde_impls/types/error/{}.rs", t.module),
        _ => format!("src/serde_impls/types/{}.rs", t.module),
    }
}

/// The file of one operation's impls.
pub fn operation_file(op: &OperationPlan) -> String {
    format!("src/serde_impls/operation/{}.rs", op.module)
}
