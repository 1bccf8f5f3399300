//! Glue for the differential test against smithy-rs crates (being written).
