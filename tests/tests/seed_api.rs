//! The seed of the project: code written against aws-sdk-connect's
//! `CreatePersistentContactAssociationInput` (as shown on docs.rs) compiles and behaves the same
//! against our crate, with only the crate renamed in Cargo.toml.

use aws_sdk_connect::operation::create_persistent_contact_association::builders::CreatePersistentContactAssociationInputBuilder;
use aws_sdk_connect::operation::create_persistent_contact_association::{
    CreatePersistentContactAssociation, CreatePersistentContactAssociationError, CreatePersistentContactAssociationInput,
    CreatePersistentContactAssociationOutput,
};
use aws_sdk_connect::types::RehydrationType;

#[test]
fn builder_accessors_and_pub_fields() {
    let input: CreatePersistentContactAssociationInput = CreatePersistentContactAssociationInput::builder()
        .instance_id("instance-1")
        .initial_contact_id("contact-1")
        .rehydration_type(RehydrationType::EntirePastSession)
        .source_contact_id("contact-0")
        .build()
        .expect("input builders never fail for optional members");

    // Accessors, with the signatures of aws-sdk-connect.
    let id: Option<&str> = input.instance_id();
    assert_eq!(id, Some("instance-1"));
    assert_eq!(input.initial_contact_id(), Some("contact-1"));
    let rt: Option<&RehydrationType> = input.rehydration_type();
    assert_eq!(rt, Some(&RehydrationType::EntirePastSession));
    assert_eq!(input.source_contact_id(), Some("contact-0"));
    // The member has no @idempotencyToken trait in this model, so nothing fills it in.
    assert_eq!(input.client_token(), None);

    // Public fields.
    let field: &Option<String> = &input.instance_id;
    assert_eq!(field.as_deref(), Some("instance-1"));
    assert_eq!(input.rehydration_type, Some(RehydrationType::EntirePastSession));

    // Derives: Clone, PartialEq, Debug.
    let copy = input.clone();
    assert_eq!(copy, input);
    assert!(format!("{input:?}").contains("instance-1"));
}

#[test]
fn builder_setters_and_getters() {
    let builder: CreatePersistentContactAssociationInputBuilder = CreatePersistentContactAssociationInput::builder()
        .set_instance_id(Some("a".to_owned()))
        .set_rehydration_type(None)
        .client_token("token");
    assert_eq!(builder.get_instance_id(), &Some("a".to_owned()));
    assert_eq!(builder.get_rehydration_type(), &None);
    assert_eq!(builder.get_client_token().as_deref(), Some("token"));
    let input = builder.build().unwrap();
    assert_eq!(input.client_token(), Some("token"));
}

#[test]
fn enum_api() {
    assert_eq!(RehydrationType::from("FROM_SEGMENT"), RehydrationType::FromSegment);
    assert_eq!(RehydrationType::FromSegment.as_str(), "FROM_SEGMENT");
    assert_eq!(RehydrationType::values(), &["ENTIRE_PAST_SESSION", "FROM_SEGMENT"]);
    let unknown = RehydrationType::from("SOMETHING_NEW");
    assert_eq!(unknown.as_str(), "SOMETHING_NEW");
    assert!(RehydrationType::try_parse("SOMETHING_NEW").is_err());
    assert_eq!(RehydrationType::try_parse("ENTIRE_PAST_SESSION").unwrap(), RehydrationType::EntirePastSession);
    let parsed: RehydrationType = "FROM_SEGMENT".parse().unwrap();
    assert_eq!(parsed.to_string(), "FROM_SEGMENT");
}

#[test]
fn operation_output_and_error_types() {
    let _op = CreatePersistentContactAssociation::new();
    let out = CreatePersistentContactAssociationOutput::builder().continued_from_contact_id("c2").build();
    assert_eq!(out.continued_from_contact_id(), Some("c2"));
    let err = CreatePersistentContactAssociationError::generic(
        aws_sdk_connect::error::ErrorMetadata::builder().code("Boom").message("it broke").build(),
    );
    assert_eq!(err.meta().code(), Some("Boom"));
    assert!(!err.is_throttling_exception());
    let top: aws_sdk_connect::Error = err.into();
    assert!(top.to_string().contains("Boom"));
}
