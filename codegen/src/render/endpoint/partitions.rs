//! The partition data (`partitions.json`, read at generation time) as a Rust `static`.

use proc_macro2::TokenStream;
use quote::quote;
use serde_json::Value;

use super::expr::rt;
use crate::error::{Error, Result};

/// `partitions.rs`: `pub(super) static PARTITIONS: &[PartitionData]`.
pub(super) fn render(data: &Value) -> Result<TokenStream> {
    let rt = rt();
    let list = data.get("partitions").and_then(Value::as_array).ok_or_else(|| Error::msg("partitions.json: `partitions` is missing"))?;
    let mut items = Vec::new();
    for (i, p) in list.iter().enumerate() {
        let at = |m: &str| Error::msg(format!("partitions.json: partition {i}: {m}"));
        let s = |key: &str| p.get(key).and_then(Value::as_str).ok_or_else(|| at(&format!("`{key}` is missing or not a string")));
        let id = s("id")?;
        let regex = s("regionRegex")?;
        let outputs = p.get("outputs").ok_or_else(|| at("`outputs` is missing"))?;
        let outputs = partition(outputs).map_err(|e| at(&e.message))?;
        let mut regions = Vec::new();
        if let Some(rs) = p.get("regions").and_then(Value::as_object) {
            for (name, o) in rs {
                let o = region_override(o).map_err(|e| at(&format!("region `{name}`: {}", e.message)))?;
                regions.push(quote!((#name, #o)));
            }
        }
        items.push(quote! {
            #rt::PartitionData { id: #id, region_regex: #regex, regions: &[#(#regions),*], outputs: #outputs }
        });
    }
    Ok(quote! {
        //! AWS partitions (generated from `partitions.json`): which regions belong to which
        //! partition, and each partition's DNS suffixes and capabilities.

        /// Every partition, in the order of `partitions.json`.
        pub(super) static PARTITIONS: &[#rt::PartitionData] = &[#(#items),*];
    })
}

const STRING_KEYS: [(&str, &str); 4] = [("name", "name"), ("dnsSuffix", "dns_suffix"), ("dualStackDnsSuffix", "dual_stack_dns_suffix"), ("implicitGlobalRegion", "implicit_global_region")];
const BOOL_KEYS: [(&str, &str); 2] = [("supportsFIPS", "supports_fips"), ("supportsDualStack", "supports_dual_stack")];

fn check_keys(o: &serde_json::Map<String, Value>, extra: &[&str]) -> Result<()> {
    for k in o.keys() {
        if !STRING_KEYS.iter().chain(&BOOL_KEYS).any(|(j, _)| j == k) && !extra.contains(&k.as_str()) {
            return Err(Error::msg(format!("unknown key `{k}`")));
        }
    }
    Ok(())
}

fn partition(v: &Value) -> Result<TokenStream> {
    let rt = rt();
    let o = v.as_object().ok_or_else(|| Error::msg("`outputs` is not an object"))?;
    check_keys(o, &[])?;
    let mut fields = Vec::new();
    for (json, rust) in STRING_KEYS {
        let f = quote::format_ident!("{rust}");
        let s = o.get(json).and_then(Value::as_str).ok_or_else(|| Error::msg(format!("`outputs.{json}` is missing")))?;
        fields.push(quote!(#f: #s));
    }
    for (json, rust) in BOOL_KEYS {
        let f = quote::format_ident!("{rust}");
        let b = o.get(json).and_then(Value::as_bool).ok_or_else(|| Error::msg(format!("`outputs.{json}` is missing")))?;
        fields.push(quote!(#f: #b));
    }
    Ok(quote!(#rt::Partition { #(#fields),* }))
}

fn region_override(v: &Value) -> Result<TokenStream> {
    let rt = rt();
    let o = v.as_object().ok_or_else(|| Error::msg("not an object"))?;
    check_keys(o, &["description"])?;
    let mut fields = Vec::new();
    for (json, rust) in STRING_KEYS {
        let f = quote::format_ident!("{rust}");
        match o.get(json) {
            None => fields.push(quote!(#f: None)),
            Some(v) => {
                let s = v.as_str().ok_or_else(|| Error::msg(format!("`{json}` is not a string")))?;
                fields.push(quote!(#f: Some(#s)));
            }
        }
    }
    for (json, rust) in BOOL_KEYS {
        let f = quote::format_ident!("{rust}");
        match o.get(json) {
            None => fields.push(quote!(#f: None)),
            Some(v) => {
                let b = v.as_bool().ok_or_else(|| Error::msg(format!("`{json}` is not a boolean")))?;
                fields.push(quote!(#f: Some(#b)));
            }
        }
    }
    Ok(quote!(#rt::RegionOverride { #(#fields),* }))
}
