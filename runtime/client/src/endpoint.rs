//! The generated resolver's endpoint, as the smithy runtime's type.
//!
//! Generated crates resolve with their own `config::endpoint::DefaultResolver`, which returns
//! `smithy_codegen_endpoints::Endpoint`; the smithy `ResolveEndpoint` trait (what the
//! [`Runtime`](crate::Runtime) and user-supplied resolvers speak) wants
//! `aws_smithy_types::endpoint::Endpoint`. Properties become `Document`s, so the `authSchemes`
//! the signer reads (see [`crate::auth`]) look the same whichever resolver produced them.

use std::collections::HashMap;

use aws_smithy_types::endpoint::Endpoint as SmithyEndpoint;
use aws_smithy_types::{Document, Number};
use smithy_codegen_endpoints::{Endpoint, Value};

/// `endpoint` as the smithy runtime's endpoint: URL, headers (in order) and properties.
pub fn to_smithy(endpoint: &Endpoint) -> SmithyEndpoint {
    let mut out = SmithyEndpoint::builder().url(endpoint.url().to_owned());
    for (name, values) in endpoint.headers() {
        for value in values {
            out = out.header(name.clone(), value.clone());
        }
    }
    for (name, value) in endpoint.properties() {
        out = out.property(name.clone(), to_document(value));
    }
    out.build()
}

/// A property value as a `Document` (objects as maps; integers as `PosInt` or `NegInt`, as the
/// smithy JSON reader makes them).
pub fn to_document(value: &Value) -> Document {
    match value {
        Value::String(s) => Document::String(s.clone()),
        Value::Bool(b) => Document::Bool(*b),
        Value::Integer(i) => Document::Number(match u64::try_from(*i) {
            Ok(u) => Number::PosInt(u),
            Err(_) => Number::NegInt(*i),
        }),
        Value::Array(items) => Document::Array(items.iter().map(to_document).collect()),
        Value::Object(map) => {
            Document::Object(map.iter().map(|(k, v)| (k.clone(), to_document(v))).collect::<HashMap<_, _>>())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn url_headers_and_auth_schemes_carry_over() {
        let scheme = Value::Object(BTreeMap::from([
            ("name".to_owned(), Value::String("sigv4".to_owned())),
            ("signingName".to_owned(), Value::String("svc".to_owned())),
            ("disableDoubleEncoding".to_owned(), Value::Bool(true)),
        ]));
        let ep = Endpoint::new("https://svc.example.com")
            .with_header("x-a", "1")
            .with_header("x-a", "2")
            .with_property("authSchemes", Value::Array(vec![scheme]));
        let smithy = to_smithy(&ep);
        assert_eq!(smithy.url(), "https://svc.example.com");
        let headers: Vec<_> = smithy.headers().flat_map(|(k, vs)| vs.map(move |v| (k.to_owned(), v.to_owned()))).collect();
        assert_eq!(headers, vec![("x-a".to_owned(), "1".to_owned()), ("x-a".to_owned(), "2".to_owned())]);
        let Some(Document::Array(schemes)) = smithy.properties().get("authSchemes") else { panic!("no authSchemes") };
        let scheme = schemes[0].as_object().expect("an object");
        assert_eq!(scheme.get("signingName").and_then(Document::as_string), Some("svc"));
        assert_eq!(scheme.get("disableDoubleEncoding").and_then(Document::as_bool), Some(true));
    }
}
