//! DescribeEvaluationForm: a large nested output (recursive sections, unions of question
//! types, floats, timestamps, maps), from arbitrary body bytes with a 200 status.
#![no_main]
use connect_api::operation::describe_evaluation_form::DescribeEvaluationForm;
use connect_api::Operation;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let headers = http::HeaderMap::new();
    connect_api_fuzz::exercise(DescribeEvaluationForm::parse_parts(200, &headers, data));
});
