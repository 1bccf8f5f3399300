//! DescribeContact: many epoch-seconds timestamps, integers, nested structures and maps,
//! with a request-ID header, from arbitrary body bytes.
#![no_main]
use connect_api::operation::describe_contact::DescribeContact;
use connect_api::Operation;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut headers = http::HeaderMap::new();
    headers.insert("x-amzn-requestid", http::HeaderValue::from_static("fuzz-request"));
    connect_api_fuzz::exercise(DescribeContact::parse_parts(200, &headers, data));
});
