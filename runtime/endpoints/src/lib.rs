//! Runtime of the endpoint resolvers that `smithy-codegen` generates from a service's
//! `smithy.rules#endpointRuleSet`.
//!
//! A generated resolver is plain Rust code (one `if` per rule condition); what it cannot write
//! inline lives here:
//!
//! - the value types of a resolved endpoint: [`Endpoint`] and its property [`Value`]s, the
//!   errors [`ResolveError`] (the rule set's own error messages) and [`InvalidParams`];
//! - the rules-engine library functions whose behaviour is more than an expression:
//!   [`is_valid_host_label`], [`parse_url`], [`substring`], [`uri_encode`], [`split`],
//!   [`element`] (indexing for `getAttr`), [`ite`], and the AWS ones: [`PartitionResolver`]
//!   (`aws.partition`), [`parse_arn`] (`aws.parseArn`), [`is_virtual_hostable_s3_bucket`].
//!
//! Every function returns a value, never panics: a string that is not a URL or an ARN gives
//! `None`, which the rule set treats as a failed condition.

#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod arn;
mod endpoint;
mod error;
mod host;
mod partition;
mod strings;
mod url;
mod value;

pub use arn::{parse_arn, Arn};
pub use endpoint::Endpoint;
pub use error::{InvalidParams, ResolveError};
pub use host::{is_valid_host_label, is_virtual_hostable_s3_bucket};
pub use partition::{Partition, PartitionData, PartitionResolver, RegionOverride};
pub use strings::{element, ite, split, substring, uri_encode};
pub use url::{parse_url, Url};
pub use value::Value;
