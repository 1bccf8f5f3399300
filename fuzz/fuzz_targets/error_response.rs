//! The error path: an error status and an arbitrary `X-Amzn-Errortype` header and body, for
//! operations with many modeled errors (whose members, such as `PropertyList` of
//! `PropertyValidationException`, are parsed too).
#![no_main]
use connect_api::operation::create_evaluation_form::CreateEvaluationForm;
use connect_api::operation::create_persistent_contact_association::CreatePersistentContactAssociation;
use connect_api::operation::create_task_template::CreateTaskTemplate;
use connect_api::operation::start_outbound_voice_contact::StartOutboundVoiceContact;
use connect_api::Operation;
use connect_api_fuzz::{exercise, Input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut input = Input(data);
    let which = input.byte();
    let status = 400 + input.u16() % 200;
    // An error-type header taken from the input (when it is a valid header value), else none.
    let header_len = usize::from(input.byte() % 64);
    let header = input.take(header_len);
    let body = input.rest();
    let mut headers = http::HeaderMap::new();
    if which & 0x80 != 0 {
        if let Ok(value) = http::HeaderValue::from_bytes(header) {
            headers.insert("x-amzn-errortype", value);
        }
    }
    match which % 4 {
        0 => exercise(CreatePersistentContactAssociation::parse_parts(status, &headers, body)),
        1 => exercise(CreateEvaluationForm::parse_parts(status, &headers, body)),
        2 => exercise(CreateTaskTemplate::parse_parts(status, &headers, body)),
        _ => exercise(StartOutboundVoiceContact::parse_parts(status, &headers, body)),
    }
});
