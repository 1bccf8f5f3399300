//! Hand-checked facts about the `serde` feature of the generated Connect crate; the exhaustive
//! check on random values is the oracle in `difftest` (`cargo test -p difftest --test serde`).

use aws_sdk_connect::operation::create_persistent_contact_association::{
    CreatePersistentContactAssociation, CreatePersistentContactAssociationInput,
};
use aws_sdk_connect::primitives::DateTime;
use aws_sdk_connect::types::builders::AttributeConditionBuilder;
use aws_sdk_connect::types::{AttributeCondition, RehydrationType, Vocabulary, VocabularyLanguageCode, VocabularyState};
use aws_sdk_connect::Operation;

fn input() -> CreatePersistentContactAssociationInput {
    CreatePersistentContactAssociationInput::builder()
        .instance_id("instance-1")
        .initial_contact_id("contact-1")
        .rehydration_type(RehydrationType::FromSegment)
        .source_contact_id("contact-0")
        .client_token("token")
        .build()
        .unwrap()
}

#[test]
fn input_keeps_http_members_and_its_body_is_the_request_body() {
    let json = serde_json::to_string(&input()).unwrap();
    assert_eq!(
        json,
        r#"{"ClientToken":"token","InitialContactId":"contact-1","InstanceId":"instance-1","RehydrationType":"FROM_SEGMENT","SourceContactId":"contact-0"}"#
    );
    let request = CreatePersistentContactAssociation::build_request(&input()).unwrap();
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        r#"{"ClientToken":"token","RehydrationType":"FROM_SEGMENT","SourceContactId":"contact-0"}"#
    );
    let back: CreatePersistentContactAssociationInput = serde_json::from_str(&json).unwrap();
    assert_eq!(back, input());
}

#[test]
fn unknown_enum_values_and_unknown_keys() {
    let json = r#"{"RehydrationType":"SOMETHING_NEW","Extra":{"a":[1,null]},"SourceContactId":null}"#;
    let value: CreatePersistentContactAssociationInput = serde_json::from_str(json).unwrap();
    assert_eq!(value.rehydration_type().map(|r| r.as_str()), Some("SOMETHING_NEW"));
    assert_eq!(value.source_contact_id(), None);
    assert_eq!(serde_json::to_string(&value).unwrap(), r#"{"RehydrationType":"SOMETHING_NEW"}"#);
}

#[test]
fn floats_are_widened_and_non_finite_values_are_strings() {
    let value = AttributeCondition::builder().proficiency_level(0.1).build();
    assert_eq!(serde_json::to_string(&value).unwrap(), r#"{"ProficiencyLevel":0.10000000149011612}"#);
    let nan = AttributeCondition::builder().proficiency_level(f32::NEG_INFINITY).build();
    let json = serde_json::to_string(&nan).unwrap();
    assert_eq!(json, r#"{"ProficiencyLevel":"-Infinity"}"#);
    let back: AttributeCondition = serde_json::from_str(&json).unwrap();
    assert_eq!(back.proficiency_level(), Some(f32::NEG_INFINITY));
}

#[test]
fn timestamps_are_epoch_seconds_and_required_members_are_corrected() {
    let vocabulary = Vocabulary::builder()
        .name("n")
        .id("i")
        .arn("a")
        .language_code(VocabularyLanguageCode::EnUs)
        .state(VocabularyState::Active)
        .last_modified_time(DateTime::from_secs_and_nanos(1_576_540_098, 520_000_000))
        .build()
        .unwrap();
    let json = serde_json::to_string(&vocabulary).unwrap();
    assert_eq!(json, r#"{"Name":"n","Id":"i","Arn":"a","LanguageCode":"en-US","State":"ACTIVE","LastModifiedTime":1576540098.52}"#);
    assert_eq!(serde_json::from_str::<Vocabulary>(&json).unwrap(), vocabulary);
    // Missing required members read as the response parsers read them.
    let empty: Vocabulary = serde_json::from_str("{}").unwrap();
    assert_eq!((empty.name(), empty.last_modified_time()), ("", &DateTime::from_secs(0)));
}

#[test]
fn builders_round_trip_partly_built_values() {
    let builder = AttributeCondition::builder().name("skill");
    let json = serde_json::to_string(&builder).unwrap();
    assert_eq!(json, r#"{"Name":"skill"}"#);
    let back: AttributeConditionBuilder = serde_json::from_str(&json).unwrap();
    assert_eq!(back, builder);
}

#[test]
fn cbor_round_trip() {
    let mut bytes = Vec::new();
    ciborium::into_writer(&input(), &mut bytes).unwrap();
    let back: CreatePersistentContactAssociationInput = ciborium::from_reader(bytes.as_slice()).unwrap();
    assert_eq!(back, input());
}
