//! Differential test of `dynamodb-api`'s awsJson1_0 wire code against `aws-sdk-dynamodb`
//! 1.110.0, the smithy-rs SDK generated from the same model (`models/aws-json/dynamodb-2012-08-10.json`
//! of the shared directory: same 57 operations, types and enum values; 1.100.0 lacks
//! `GlobalTableSettingsReplicationMode`, 1.120.0 adds the vector index types).
//!
//! The driver, the traits and the value helpers are `difftest`'s (its files are included here,
//! not copied: they name the two crates `crate::ours` and `crate::sdk`); the glue in [`glue`] is
//! generated from the DynamoDB model by `cargo xtask codegen`. DynamoDB covers awsJson1_0 with
//! the document-like `AttributeValue` union (sets, nested maps and lists, blobs), big inputs
//! (transactions, batches) and many error shapes.

pub use aws_sdk_dynamodb as sdk;
pub use dynamodb_api as ours;

#[path = "../../difftest/src/diff_op.rs"]
mod diff_op;
pub mod glue;
#[path = "../../difftest/src/run.rs"]
pub mod run;
#[path = "../../difftest/src/support.rs"]
pub mod support;

pub use diff_op::*;
pub use run::{run, Options, Report};
