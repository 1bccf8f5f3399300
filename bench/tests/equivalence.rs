//! The benchmarks compare like with like: for every benchmark input, the generated code and
//! the serde baseline produce (or accept) the same JSON.

use bench::*;
use connect_api::operation::create_evaluation_form::CreateEvaluationForm;
use connect_api::operation::create_persistent_contact_association::CreatePersistentContactAssociation;
use connect_api::operation::list_contact_flows::ListContactFlows;
use connect_api::operation::list_users::ListUsers;
use connect_api::protocol::FixedToken;
use connect_api::Operation;
use serde_json::Value;

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).expect("valid JSON")
}

#[test]
fn create_persistent_contact_association_request_matches() {
    let ours = CreatePersistentContactAssociation::build_request_with(&cpca_input(), &FixedToken(TOKEN.to_owned())).unwrap();
    let serde_input = serde_cpca_input();
    let (uri, body) = serde_cpca_body_and_uri(&serde_input);
    assert_eq!(ours.uri().to_string(), uri);
    assert_eq!(json(ours.body()), json(&body));
    // Byte for byte, too: same members in the same order.
    assert_eq!(ours.body(), &body);

    let full = serde_cpca_request(&serde_input);
    assert_eq!(ours.method(), full.method());
    assert_eq!(ours.uri(), full.uri());
    assert_eq!(ours.headers(), full.headers());
    assert_eq!(ours.body(), full.body());
}

#[test]
fn create_evaluation_form_body_matches() {
    let ours = CreateEvaluationForm::build_request_with(&evaluation_form_input(LARGE_FORM), &FixedToken(TOKEN.to_owned())).unwrap();
    let serde_body = serde_json::to_vec(&serde_evaluation_form_body(LARGE_FORM)).unwrap();
    let ours_json = json(ours.body());
    assert_eq!(ours_json, json(&serde_body));
    // The same size (one tag, so map order cannot differ), and the size claimed in the docs.
    assert_eq!(ours.body().len(), serde_body.len());
    assert!(ours.body().len() > 100_000, "{}", ours.body().len());
    // The form is as large and as deep as documented: 50 sections, 400 questions.
    let text = String::from_utf8(ours.body().to_vec()).unwrap();
    assert_eq!(text.matches("\"Question\":").count(), 400);
    assert_eq!(text.matches("\"Section\":").count(), 50);
    // And it reads back into the serde structs.
    let back: SerdeCreateEvaluationFormBody = serde_json::from_slice(ours.body()).unwrap();
    assert_eq!(back, serde_evaluation_form_body(LARGE_FORM));
}

#[test]
fn list_users_parses_the_same() {
    let body = list_users_body(LIST_ITEMS);
    let ours = ListUsers::parse_parts(200, &response_headers(), &body).unwrap();
    let theirs: SerdeListUsersOutput = serde_json::from_slice(&body).unwrap();
    let theirs_list = theirs.user_summary_list.as_ref().unwrap();
    assert_eq!(ours.user_summary_list().len(), LIST_ITEMS);
    assert_eq!(theirs_list.len(), LIST_ITEMS);
    assert_eq!(ours.next_token(), theirs.next_token.as_deref());
    for (a, b) in ours.user_summary_list().iter().zip(theirs_list) {
        assert_eq!(a.id(), b.id.as_deref());
        assert_eq!(a.arn(), b.arn.as_deref());
        assert_eq!(a.username(), b.username.as_deref());
        assert_eq!(a.last_modified_region(), b.last_modified_region.as_deref());
        let ours_time = a.last_modified_time().unwrap();
        let theirs_time = b.last_modified_time.unwrap();
        // Ours is exact (seconds + nanoseconds); serde's is the nearest f64.
        assert!((ours_time.as_secs_f64() - theirs_time).abs() < 1e-6, "{ours_time:?} vs {theirs_time}");
        assert_eq!(ours_time.subsec_nanos() % 1_000_000, 0);
    }
}

#[test]
fn list_contact_flows_parses_the_same() {
    let body = list_contact_flows_body(LIST_ITEMS);
    let ours = ListContactFlows::parse_parts(200, &response_headers(), &body).unwrap();
    let theirs: SerdeListContactFlowsOutput = serde_json::from_slice(&body).unwrap();
    let theirs_list = theirs.contact_flow_summary_list.as_ref().unwrap();
    assert_eq!(ours.contact_flow_summary_list().len(), LIST_ITEMS);
    assert_eq!(theirs_list.len(), LIST_ITEMS);
    assert_eq!(ours.next_token(), theirs.next_token.as_deref());
    for (a, b) in ours.contact_flow_summary_list().iter().zip(theirs_list) {
        assert_eq!(a.id(), b.id.as_deref());
        assert_eq!(a.arn(), b.arn.as_deref());
        assert_eq!(a.name(), b.name.as_deref());
        assert!(a.name().unwrap().ends_with(" été"));
        assert_eq!(a.contact_flow_type().map(|v| v.as_str()), b.contact_flow_type.as_deref());
        assert_eq!(a.contact_flow_state().map(|v| v.as_str()), b.contact_flow_state.as_deref());
        assert_eq!(a.contact_flow_status().map(|v| v.as_str()), b.contact_flow_status.as_deref());
        // No enum value fell back to `Unknown`.
        let ty = a.contact_flow_type().unwrap().as_str();
        assert!(connect_api::types::ContactFlowType::values().contains(&ty), "{ty}");
    }
}
