//! The user agent, in the AWS SDK for Rust's format:
//! `aws-sdk-rust/{version} ua/2.1 api/{service}/{crate-version} os/{os} lang/rust/{rustc} [app/{name}]`.
//!
//! This crate is not the AWS SDK, so it names itself in a `lib/` element; the grammar is the
//! SDK's, so services and logs parse it the same way.

use aws_types::app_name::AppName;
use aws_types::build_metadata::{OsFamily, BUILD_METADATA};

/// Builds the `x-amz-user-agent` value (also sent as `user-agent`).
pub fn user_agent(service_id: &str, crate_version: &str, app_name: Option<&AppName>) -> String {
    let mut ua = format!(
        "aws-sdk-rust/{core} ua/2.1 api/{service}/{crate_version} os/{os} lang/rust/{rustc} lib/smithy-codegen-client/{lib}",
        core = BUILD_METADATA.core_pkg_version,
        service = token(service_id),
        os = os_family(),
        rustc = token(BUILD_METADATA.rust_version),
        lib = env!("CARGO_PKG_VERSION"),
    );
    if let Some(app) = app_name {
        ua.push_str(" app/");
        ua.push_str(&token(app.as_ref()));
    }
    ua
}

/// The OS family names the SDK uses.
fn os_family() -> &'static str {
    match BUILD_METADATA.os_family {
        OsFamily::Linux => "linux",
        OsFamily::Macos => "macos",
        OsFamily::Windows => "windows",
        OsFamily::Ios => "ios",
        OsFamily::Android => "android",
        OsFamily::Other => "other",
    }
}

/// Replaces characters the user-agent grammar does not allow in a token with `-`.
fn token(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c) { c } else { '-' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_follows_the_sdk_grammar() {
        let ua = user_agent("connect", "0.1.0", Some(&AppName::new("my-app").unwrap()));
        let parts: Vec<&str> = ua.split(' ').collect();
        assert_eq!(parts[0], format!("aws-sdk-rust/{}", BUILD_METADATA.core_pkg_version));
        assert_eq!(parts[1], "ua/2.1");
        assert_eq!(parts[2], "api/connect/0.1.0");
        assert!(parts[3].starts_with("os/"));
        assert_eq!(parts[4], format!("lang/rust/{}", BUILD_METADATA.rust_version));
        assert!(parts[5].starts_with("lib/smithy-codegen-client/"));
        assert_eq!(parts[6], "app/my-app");
        assert_eq!(parts.len(), 7);
    }

    #[test]
    fn bad_characters_are_replaced() {
        assert_eq!(token("a b/c"), "a-b-c");
    }
}
