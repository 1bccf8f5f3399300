//! DescribeContactEvaluation: maps of unions (`EvaluationAnswerData`: string, number,
//! boolean or list variants), scores, timestamps, from arbitrary body bytes.
#![no_main]
use connect_api::operation::describe_contact_evaluation::DescribeContactEvaluation;
use connect_api::Operation;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let headers = http::HeaderMap::new();
    connect_api_fuzz::exercise(DescribeContactEvaluation::parse_parts(200, &headers, data));
});
