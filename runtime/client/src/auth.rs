//! Which SigV4 scope and settings sign a request: the model's signing name and the configured
//! region, unless the resolved endpoint's `authSchemes` property says otherwise.
//!
//! A rule set may return `authSchemes`, a list in order of preference; each entry names a
//! scheme (`sigv4`, `sigv4a`, ...) and may carry `signingName`, `signingRegion`,
//! `signingRegionSet` (SigV4a), `disableDoubleEncoding` and `disableNormalizePath`. The first
//! scheme this client supports wins; only `sigv4` is supported, so an endpoint that lists only
//! others is an error value rather than a request signed the wrong way.

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_types::endpoint::Endpoint;
use aws_smithy_types::Document;

/// The SigV4 scope and signing switches for one call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SigningScope {
    /// The region in the credential scope.
    pub region: String,
    /// The service name in the credential scope.
    pub name: String,
    /// Percent-encode the path a second time (every AWS service but S3).
    pub double_encode_path: bool,
    /// Normalise the path (`.`/`..` segments, repeated `/`) before signing.
    pub normalize_path: bool,
}

/// The scope to sign with: `None` when the service is not signed (no `aws.auth#sigv4`).
pub(crate) fn signing_scope(
    signing_name: Option<&str>,
    region: Option<&str>,
    endpoint: &Endpoint,
) -> Result<Option<SigningScope>, BoxError> {
    let Some(name) = signing_name else { return Ok(None) };
    let mut scope = SigningScope {
        region: region.unwrap_or_default().to_owned(),
        name: name.to_owned(),
        double_encode_path: true,
        normalize_path: true,
    };
    if let Some(schemes) = endpoint.properties().get("authSchemes") {
        let Document::Array(schemes) = schemes else {
            return Err("the endpoint's `authSchemes` property is not a list".into());
        };
        let objects = schemes.iter().filter_map(Document::as_object);
        let name_of = |s: &std::collections::HashMap<String, Document>| s.get("name").and_then(Document::as_string).map(str::to_owned);
        let Some(sigv4) = objects.clone().find(|s| name_of(s).as_deref() == Some("sigv4")) else {
            let names: Vec<String> = objects.filter_map(name_of).collect();
            return Err(format!("the endpoint asks for auth schemes {names:?}; this client signs with `sigv4` only").into());
        };
        if let Some(r) = sigv4.get("signingRegion").and_then(Document::as_string) {
            scope.region = r.to_owned();
        }
        if let Some(n) = sigv4.get("signingName").and_then(Document::as_string) {
            scope.name = n.to_owned();
        }
        if let Some(true) = sigv4.get("disableDoubleEncoding").and_then(Document::as_bool) {
            scope.double_encode_path = false;
        }
        if let Some(true) = sigv4.get("disableNormalizePath").and_then(Document::as_bool) {
            scope.normalize_path = false;
        }
    }
    if scope.region.is_empty() {
        return Err("no region is configured: set one in the SdkConfig or Config (signing needs it)".into());
    }
    Ok(Some(scope))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn endpoint_with(schemes: Vec<Document>) -> Endpoint {
        Endpoint::builder().url("https://x.example.com").property("authSchemes", Document::Array(schemes)).build()
    }

    fn scheme(pairs: &[(&str, Document)]) -> Document {
        Document::Object(pairs.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect::<HashMap<_, _>>())
    }

    #[test]
    fn without_auth_schemes_the_model_and_config_decide() {
        let ep = Endpoint::builder().url("https://x.example.com").build();
        let s = signing_scope(Some("connect"), Some("us-east-1"), &ep).unwrap().unwrap();
        assert_eq!((s.region.as_str(), s.name.as_str(), s.double_encode_path, s.normalize_path), ("us-east-1", "connect", true, true));
        assert_eq!(signing_scope(None, Some("us-east-1"), &ep).unwrap(), None);
        assert!(signing_scope(Some("connect"), None, &ep).is_err());
    }

    #[test]
    fn the_first_sigv4_scheme_overrides_name_region_and_encoding() {
        let ep = endpoint_with(vec![
            scheme(&[("name", Document::from("sigv4a")), ("signingRegionSet", Document::Array(vec![Document::from("*")]))]),
            scheme(&[
                ("name", Document::from("sigv4")),
                ("signingName", Document::from("s3-outposts")),
                ("signingRegion", Document::from("us-west-2")),
                ("disableDoubleEncoding", Document::Bool(true)),
                ("disableNormalizePath", Document::Bool(true)),
            ]),
        ]);
        let s = signing_scope(Some("s3"), Some("us-east-1"), &ep).unwrap().unwrap();
        assert_eq!(
            s,
            SigningScope { region: "us-west-2".into(), name: "s3-outposts".into(), double_encode_path: false, normalize_path: false }
        );
    }

    #[test]
    fn only_unsupported_schemes_is_an_error() {
        let ep = endpoint_with(vec![scheme(&[("name", Document::from("sigv4a"))])]);
        let e = signing_scope(Some("svc"), Some("us-east-1"), &ep).unwrap_err();
        assert!(e.to_string().contains("sigv4a"), "{e}");
    }
}
