//! SigV4 signing with `aws-sigv4`, with the settings the AWS SDK uses: session token signed,
//! signature in headers, and double URI encoding and path normalisation unless the endpoint's
//! auth scheme turns them off (see [`crate::auth`]).

use std::time::SystemTime;

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, PercentEncodingMode, SignableBody, SignableRequest, SigningSettings, UriPathNormalizationMode};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::identity::Identity;

use crate::auth::SigningScope;

/// Signs `request` in place: adds `x-amz-date`, `authorization` and, with a session token,
/// `x-amz-security-token`. The URI must be absolute (the signer reads the host from it).
pub(crate) fn sign_request(
    request: &mut http::Request<Vec<u8>>,
    credentials: Credentials,
    scope: &SigningScope,
    time: SystemTime,
) -> Result<(), BoxError> {
    if request.uri().authority().is_none() {
        return Err("cannot sign a request without a host".into());
    }
    let identity: Identity = credentials.into();
    let mut settings = SigningSettings::default();
    if !scope.double_encode_path {
        settings.percent_encoding_mode = PercentEncodingMode::Single;
    }
    if !scope.normalize_path {
        settings.uri_path_normalization_mode = UriPathNormalizationMode::Disabled;
    }
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(&scope.region)
        .name(&scope.name)
        .time(time)
        .settings(settings)
        .build()?
        .into();
    let uri = request.uri().to_string();
    let mut headers = Vec::with_capacity(request.headers().len());
    for (k, v) in request.headers() {
        // Any UTF-8 value, not only visible ASCII (`HeaderValue::to_str`): a modeled header may
        // carry `é`, and the SDK sends and signs it as its UTF-8 bytes.
        let value = std::str::from_utf8(v.as_bytes()).map_err(|_| format!("header `{k}` is not UTF-8"))?;
        headers.push((k.as_str(), value));
    }
    let signable = SignableRequest::new(
        request.method().as_str(),
        uri.as_str(),
        headers.into_iter(),
        SignableBody::Bytes(request.body()),
    )?;
    let (instructions, _signature) = sign(signable, &params)?.into_parts();
    instructions.apply_to_request_http1x(request);
    Ok(())
}
