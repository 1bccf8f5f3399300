//! Every operation: the input picks the operation, the status and the headers as well as
//! the body (see `connect_api_fuzz::response_parts`).
#![no_main]
use connect_api_fuzz::{parse_as, response_parts, Input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut input = Input(data);
    let operation = usize::from(input.u16());
    let (status, headers, body) = response_parts(input.rest());
    parse_as(operation, status, &headers, body);
});
