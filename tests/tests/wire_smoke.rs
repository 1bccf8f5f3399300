//! The README's wire example for the seed operation, checked end to end.

use aws_sdk_connect::operation::create_persistent_contact_association::{
    CreatePersistentContactAssociation, CreatePersistentContactAssociationError, CreatePersistentContactAssociationInput,
};
use aws_sdk_connect::protocol::FixedToken;
use aws_sdk_connect::types::RehydrationType;
use aws_sdk_connect::Operation;

#[test]
fn request_and_response_of_the_seed_operation() {
    let input = CreatePersistentContactAssociationInput::builder()
        .instance_id("inst 1")
        .initial_contact_id("c/1")
        .rehydration_type(RehydrationType::FromSegment)
        .source_contact_id("c0")
        .build()
        .unwrap();
    let request = CreatePersistentContactAssociation::build_request_with(&input, &FixedToken("t".into())).unwrap();
    assert_eq!(request.method(), http::Method::POST);
    assert_eq!(request.uri().to_string(), "/contact/persistent-contact-association/inst%201/c%2F1");
    assert_eq!(request.headers()["content-type"], "application/json");
    let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(body, serde_json::json!({"RehydrationType": "FROM_SEGMENT", "SourceContactId": "c0"}));

    let response = http::Response::builder()
        .status(200)
        .header("x-amzn-requestid", "req-1")
        .body(br#"{"ContinuedFromContactId":"c9","Unknown":[1,2,{"a":null}]}"#.to_vec())
        .unwrap();
    let output = CreatePersistentContactAssociation::parse_response(&response).unwrap();
    assert_eq!(output.continued_from_contact_id(), Some("c9"));
    assert_eq!(aws_sdk_connect::error::RequestId::request_id(&output), Some("req-1"));

    let response = http::Response::builder()
        .status(404)
        .header("x-amzn-errortype", "ResourceNotFoundException:http://internal")
        .body(br#"{"Message":"no such contact"}"#.to_vec())
        .unwrap();
    match CreatePersistentContactAssociation::parse_response(&response) {
        Err(CreatePersistentContactAssociationError::ResourceNotFoundException(e)) => {
            assert_eq!(e.message(), Some("no such contact"))
        }
        other => panic!("expected ResourceNotFoundException, got {other:?}"),
    }
    let response = http::Response::builder().status(500).body(b"<html>oops".to_vec()).unwrap();
    let err = CreatePersistentContactAssociation::parse_response(&response).unwrap_err();
    assert!(err.to_string().contains("HTTP 500"), "{err}");
}

#[test]
fn missing_label_is_an_error_not_a_panic() {
    let input = CreatePersistentContactAssociationInput::builder().instance_id("").build().unwrap();
    let err = CreatePersistentContactAssociation::build_request(&input).unwrap_err();
    assert!(err.to_string().contains("instance_id"), "{err}");
}
