//! `validate()` on the generated Connect crate (feature `validate`): several violations in one
//! message, nested paths, map keys, patterns that need the ECMA engine (lookahead), and open
//! versus closed enums. Smithy's own cases are in `compliance-validation/`.

use aws_sdk_connect::operation::create_contact_flow::CreateContactFlowInput;
use aws_sdk_connect::types::ContactFlowType;
use aws_sdk_connect::validation::ValidationOptions;

fn valid() -> aws_sdk_connect::operation::create_contact_flow::builders::CreateContactFlowInputBuilder {
    CreateContactFlowInput::builder()
        .instance_id("instance-1")
        .name("flow")
        .r#type(ContactFlowType::ContactFlow)
        .content("{}")
        .tags("team", "support")
}

#[test]
fn a_valid_input_passes() {
    let input = valid().build().unwrap();
    assert_eq!(input.validate(), Ok(()));
    assert_eq!(input.validate_with(&ValidationOptions::new().closed_enums(true)), Ok(()));
}

#[test]
fn every_missing_required_member_is_reported_in_model_order() {
    let err = CreateContactFlowInput::builder().build().unwrap().validate().unwrap_err();
    let paths: Vec<&str> = err.violations().iter().map(|v| v.path()).collect();
    assert_eq!(paths, ["/InstanceId", "/Name", "/Type", "/Content"]);
    assert_eq!(
        err.to_string(),
        "4 validation errors detected. Value at '/InstanceId' failed to satisfy constraint: Member must not be null; \
         Value at '/Name' failed to satisfy constraint: Member must not be null; \
         Value at '/Type' failed to satisfy constraint: Member must not be null; \
         Value at '/Content' failed to satisfy constraint: Member must not be null"
    );
}

#[test]
fn map_keys_are_checked_at_the_map_and_values_under_their_key() {
    // Tag keys must not start with `aws:` (a lookahead, run by the ECMA engine); values are at
    // most 256 characters, counted as Unicode scalar values.
    let long = "é".repeat(257);
    let input = valid().tags("aws:reserved", "x").tags("a/b", long).build().unwrap();
    let err = input.validate().unwrap_err();
    let got: Vec<(&str, &str)> = err.violations().iter().map(|v| (v.path(), v.message())).collect();
    assert_eq!(
        got,
        [
            ("/Tags/a~1b", "Value with length 257 at '/Tags/a~1b' failed to satisfy constraint: Member must have length between 0 and 256, inclusive"),
            (
                "/Tags",
                "Value at '/Tags' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?!aws:)[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$"
            ),
        ]
    );
    // 256 two-byte characters are within the bound: length is not bytes.
    let input = valid().tags("team", "é".repeat(256)).build().unwrap();
    assert_eq!(input.validate(), Ok(()));
}

#[test]
fn unknown_enum_values_pass_unless_enums_are_closed() {
    let input = valid().r#type(ContactFlowType::from("NEW_FLOW_TYPE")).build().unwrap();
    assert_eq!(input.validate(), Ok(()), "enums are open by default");
    let err = input.validate_with(&ValidationOptions::new().closed_enums(true)).unwrap_err();
    assert_eq!(err.violations().len(), 1);
    // The values in model order (`values()` is sorted).
    assert_eq!(
        err.violations()[0].message(),
        "Value at '/Type' failed to satisfy constraint: Member must satisfy enum value set: [CONTACT_FLOW, \
         CUSTOMER_QUEUE, CUSTOMER_HOLD, CUSTOMER_WHISPER, AGENT_HOLD, AGENT_WHISPER, OUTBOUND_WHISPER, \
         AGENT_TRANSFER, QUEUE_TRANSFER, CAMPAIGN]"
    );
}
