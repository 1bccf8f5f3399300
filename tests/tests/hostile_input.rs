//! Responses built to break the parsers: truncated, corrupted, deeply nested, wrongly typed,
//! enormous, not UTF-8, numbers out of range, odd statuses and headers.
//!
//! The rule under test: `Operation::parse_parts` returns a value — the output, or an error
//! value — for any bytes, and never panics, overflows the stack or runs away with memory.
//! Each result is also used the way a caller would (`Debug`, `Display`, the `source()`
//! chain), so a panic while formatting counts too.
//!
//! The fuzz targets in `fuzz/` explore the same ground at random; these are the cases worth
//! keeping as regression tests.

use aws_sdk_connect::operation::create_persistent_contact_association::CreatePersistentContactAssociation;
use aws_sdk_connect::operation::create_task_template::CreateTaskTemplate;
use aws_sdk_connect::operation::describe_contact::DescribeContact;
use aws_sdk_connect::operation::describe_contact_evaluation::DescribeContactEvaluation;
use aws_sdk_connect::operation::describe_evaluation_form::DescribeEvaluationForm;
use aws_sdk_connect::operation::describe_user::DescribeUser;
use aws_sdk_connect::operation::get_current_metric_data::GetCurrentMetricData;
use aws_sdk_connect::operation::get_metric_data_v2::GetMetricDataV2;
use aws_sdk_connect::operation::list_contact_flows::ListContactFlows;
use aws_sdk_connect::operation::list_users::ListUsers;
use aws_sdk_connect::operation::search_contacts::SearchContacts;
use aws_sdk_connect::Operation;
use http::{HeaderMap, HeaderValue};
use serde_json::{json, Value};
use std::error::Error;
use std::fmt::Debug;

// =============================================================================================
// Helpers
// =============================================================================================

/// Uses a parse result as a caller would and returns it as text: `Ok: {output:?}` or
/// `Err: {error} | {source} | ...`.
fn exercise<T: Debug, E: Error>(result: Result<T, E>) -> Result<String, String> {
    match result {
        Ok(output) => Ok(format!("{output:?}")),
        Err(error) => {
            let mut text = format!("{error}");
            let _ = format!("{error:?}");
            let mut source = error.source();
            let mut depth = 0;
            while let Some(inner) = source {
                text.push_str(" | ");
                text.push_str(&inner.to_string());
                source = inner.source();
                depth += 1;
                assert!(depth < 50, "the error's source chain does not end");
            }
            Err(text)
        }
    }
}

/// Parses with one operation and exercises the result.
fn parse<O: Operation>(status: u16, headers: &HeaderMap, body: &[u8]) -> Result<String, String>
where
    O::Output: Debug,
{
    exercise(O::parse_parts(status, headers, body))
}

/// Parses `body` as each of a sample of operations (large nested outputs, unions, maps,
/// timestamps, numbers), with a success status and with error statuses.
fn parse_everywhere(body: &[u8]) {
    let headers = HeaderMap::new();
    for status in [200, 400, 404, 500] {
        let _ = parse::<DescribeEvaluationForm>(status, &headers, body);
        let _ = parse::<DescribeContactEvaluation>(status, &headers, body);
        let _ = parse::<DescribeContact>(status, &headers, body);
        let _ = parse::<ListUsers>(status, &headers, body);
        let _ = parse::<ListContactFlows>(status, &headers, body);
        let _ = parse::<CreatePersistentContactAssociation>(status, &headers, body);
        let _ = parse::<SearchContacts>(status, &headers, body);
        let _ = parse::<GetMetricDataV2>(status, &headers, body);
        let _ = parse::<GetCurrentMetricData>(status, &headers, body);
        let _ = parse::<DescribeUser>(status, &headers, body);
        let _ = parse::<CreateTaskTemplate>(status, &headers, body);
    }
}

/// A parser for one operation and status, as a plain function.
type Parser = fn(&[u8]) -> Result<String, String>;

fn ok_200<O: Operation>(body: &[u8]) -> Result<String, String>
where
    O::Output: Debug,
{
    parse::<O>(200, &HeaderMap::new(), body)
}

fn error_400<O: Operation>(body: &[u8]) -> Result<String, String>
where
    O::Output: Debug,
{
    let mut headers = HeaderMap::new();
    headers.insert("x-amzn-errortype", HeaderValue::from_static("PropertyValidationException"));
    parse::<O>(400, &headers, body)
}

fn json_bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).unwrap()
}

/// A question of the given type, with properties (a union inside a union).
fn question(i: usize, kind: &str) -> Value {
    let properties = match kind {
        "SINGLESELECT" => json!({"SingleSelect": {
            "Options": [
                {"RefId": format!("o{i}a"), "Text": "Yes", "Score": 10},
                {"RefId": format!("o{i}b"), "Text": "No", "Score": 0, "AutomaticFail": true}
            ],
            "DisplayAs": "RADIO",
            "Automation": {"Options": [{"RuleCategory": {"Category": "c", "Condition": "PRESENT", "OptionRefId": format!("o{i}a")}}],
                           "DefaultOptionRefId": format!("o{i}b")}
        }}),
        "NUMERIC" => json!({"Numeric": {
            "MinValue": 0, "MaxValue": 10,
            "Options": [{"MinValue": 0, "MaxValue": 5, "Score": 1}],
            "Automation": {"PropertyValue": {"Label": "OVERALL_CUSTOMER_SENTIMENT_SCORE"}}
        }}),
        _ => json!({"Text": {"Automation": {"AnswerSource": {"SourceType": "GEN_AI"}}}}),
    };
    json!({"Question": {
        "Title": format!("Q{i} \"quoted\" é"), "Instructions": "line\nbreak", "RefId": format!("q{i}"),
        "NotApplicableEnabled": true, "QuestionType": kind, "QuestionTypeProperties": properties, "Weight": 12.5
    }})
}

fn form_items() -> Value {
    json!([{"Section": {
        "Title": "S1", "RefId": "s1", "Instructions": "i",
        "Items": [question(1, "SINGLESELECT"), question(2, "NUMERIC"),
                  {"Section": {"Title": "S1.1", "RefId": "s11", "Items": [question(3, "TEXT")], "Weight": 50}}],
        "Weight": 100.0
    }}])
}

/// A DescribeEvaluationForm body: recursive sections, unions, floats, timestamps, a map.
fn evaluation_form_body() -> Value {
    json!({"EvaluationForm": {
        "EvaluationFormId": "f-1", "EvaluationFormVersion": 3, "Locked": false,
        "EvaluationFormArn": "arn:aws:connect:us-west-2:123456789012:instance/i/evaluation-form/f-1",
        "Title": "QA", "Description": "d", "Status": "ACTIVE", "Items": form_items(),
        "ScoringStrategy": {"Mode": "QUESTION_ONLY", "Status": "ENABLED"},
        "CreatedTime": 1.700000000123e9, "CreatedBy": "arn:u", "LastModifiedTime": 1700000001,
        "LastModifiedBy": "arn:u", "Tags": {"team": "qa", "k": "v"},
        "Unmodeled": [1, {"a": null}]
    }})
}

/// A DescribeContactEvaluation body: a map of union answers (every variant and an unknown one).
fn contact_evaluation_body() -> Value {
    json!({
        "Evaluation": {
            "EvaluationId": "e-1", "EvaluationArn": "arn:e",
            "Metadata": {"ContactId": "c", "EvaluatorArn": "arn:x", "ContactAgentId": "a",
                         "Score": {"Percentage": 87.5, "NotApplicable": false, "AutomaticFail": false, "AppliedWeight": 10}},
            "Answers": {
                "q1": {"Value": {"StringValue": "o1a"}, "SystemSuggestedValue": {"NumericValue": 3.25}},
                "q2": {"Value": {"NumericValue": 7}},
                "q3": {"Value": {"NotApplicable": true}},
                "q4": {"Value": {"StringValues": ["a", "b"]}},
                "q5": {"Value": {"DateTimeValue": "2024-01-01T00:00:00Z"}},
                "q6": {"Value": {"Mystery": 1}}
            },
            "Notes": {"q1": {"Value": "note"}}, "Status": "COMPLETE",
            "Scores": {"s1": {"Percentage": 100.0}},
            "CreatedTime": 1700000000, "LastModifiedTime": 1.7e9, "EvaluationType": "STANDARD",
            "Tags": {"a": "b"}
        },
        "EvaluationForm": {"EvaluationFormVersion": 1, "EvaluationFormId": "f", "Title": "t", "Items": form_items()}
    })
}

/// A DescribeContact body: many timestamps, integers of both widths, nested maps.
fn contact_body() -> Value {
    json!({"Contact": {
        "Arn": "arn:c", "Id": "c-1", "InitialContactId": "c-0", "InitiationMethod": "INBOUND",
        "Name": "n", "Channel": "VOICE",
        "QueueInfo": {"Id": "q", "EnqueueTimestamp": 1700000000.5},
        "AgentInfo": {"Id": "a", "ConnectedToAgentTimestamp": 1700000001, "AgentPauseDurationInSeconds": 5,
                      "HierarchyGroups": {"Level1": {"Arn": "arn:h"}}, "DeviceInfo": {"PlatformName": "p"}},
        "InitiationTimestamp": 1.7e9, "DisconnectTimestamp": 1_700_000_100.123_456_7_f64,
        "LastUpdateTimestamp": 1700000100, "TotalPauseCount": 2, "TotalPauseDurationInSeconds": 30,
        "QueueTimeAdjustmentSeconds": -5, "QueuePriority": 9223372036854775807_i64,
        "Tags": {"k": "v"}, "Attributes": {"x": "y"},
        "SegmentAttributes": {"connect:Subtype": {"ValueString": "connect:Guide", "ValueMap": {"a": {"ValueInteger": 3}}}},
        "Recordings": [{"StorageType": "S3", "Location": "s3://b/k", "StartTimestamp": 1700000000, "Status": "AVAILABLE"}]
    }})
}

/// A ListUsers body with `n` summaries.
fn list_users_body(n: usize) -> Value {
    let users: Vec<Value> = (0..n)
        .map(|i| json!({"Id": format!("u{i}"), "Arn": format!("arn:aws:connect:::user/u{i}"),
                        "Username": format!("user{i}"), "LastModifiedTime": 1.7e9 + i as f64,
                        "LastModifiedRegion": "us-west-2"}))
        .collect();
    json!({"UserSummaryList": users, "NextToken": "t"})
}

/// A modeled error body with a nested list member.
fn property_validation_error_body() -> Value {
    json!({"Message": "bad", "PropertyList": [{"PropertyPath": "p", "Reason": "INVALID_FORMAT", "Message": "m"}]})
}

/// Every sample: a name, the parser that reads it, and a valid body.
fn samples() -> Vec<(&'static str, Parser, Value)> {
    vec![
        ("DescribeEvaluationForm", ok_200::<DescribeEvaluationForm> as Parser, evaluation_form_body()),
        ("DescribeContactEvaluation", ok_200::<DescribeContactEvaluation>, contact_evaluation_body()),
        ("DescribeContact", ok_200::<DescribeContact>, contact_body()),
        ("ListUsers", ok_200::<ListUsers>, list_users_body(3)),
        ("CreateTaskTemplate error", error_400::<CreateTaskTemplate>, property_validation_error_body()),
    ]
}

// =============================================================================================
// The samples themselves parse
// =============================================================================================

#[test]
fn the_samples_are_valid() {
    for (name, parser, body) in samples() {
        let result = parser(&json_bytes(&body));
        if name.ends_with("error") {
            let text = result.expect_err(name);
            assert!(text.contains("bad"), "{name}: {text}");
        } else {
            let text = result.unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(!text.contains("Unknown") || name == "DescribeContactEvaluation", "{name}: {text}");
        }
    }
}

// =============================================================================================
// Truncation and corruption
// =============================================================================================

#[test]
fn every_prefix_of_a_valid_body_is_an_error_value() {
    for (name, parser, body) in samples() {
        let bytes = json_bytes(&body);
        let full = parser(&bytes);
        for len in 0..bytes.len() {
            let result = parser(&bytes[..len]);
            if name.ends_with("error") {
                assert!(result.is_err(), "{name}: prefix {len}");
            } else if len == 0 {
                // An empty body reads as an output with nothing set.
                assert!(result.is_ok(), "{name}: empty body: {result:?}");
            } else {
                // A strict prefix of a JSON object is never valid JSON.
                let error = result.expect_err(&format!("{name}: prefix of {len} bytes parsed"));
                assert!(!error.is_empty());
            }
        }
        assert_eq!(parser(&bytes).is_ok(), full.is_ok());
    }
}

#[test]
fn every_prefix_under_every_sampled_operation() {
    let bytes = json_bytes(&contact_evaluation_body());
    // Every 7th prefix keeps this quick: the full loop is in the test above.
    for len in (0..=bytes.len()).step_by(7) {
        parse_everywhere(&bytes[..len]);
    }
}

#[test]
fn every_byte_replaced_by_a_troublemaker() {
    // One byte at a time becomes a byte that changes the structure or the encoding.
    const TROUBLE: [u8; 10] = [b'"', b'\\', b'{', b'}', b'[', b']', b',', b':', 0x00, 0xFF];
    for (name, parser, body) in samples() {
        let bytes = json_bytes(&body);
        for at in 0..bytes.len() {
            for byte in TROUBLE {
                let mut corrupted = bytes.clone();
                corrupted[at] = byte;
                let _ = parser(&corrupted);
            }
        }
        let _ = name;
    }
}

// =============================================================================================
// Deep nesting
// =============================================================================================

const DEEP: usize = 100_000;

fn nested(open: &str, middle: &str, close: &str, depth: usize) -> Vec<u8> {
    let mut out = String::with_capacity((open.len() + close.len()) * depth + middle.len());
    for _ in 0..depth {
        out.push_str(open);
    }
    out.push_str(middle);
    for _ in 0..depth {
        out.push_str(close);
    }
    out.into_bytes()
}

fn wrap(prefix: &str, inner: &[u8], suffix: &str) -> Vec<u8> {
    let mut out = prefix.as_bytes().to_vec();
    out.extend_from_slice(inner);
    out.extend_from_slice(suffix.as_bytes());
    out
}

fn assert_depth_error(result: Result<String, String>, what: &str) {
    let error = result.expect_err(what);
    assert!(error.contains("depth"), "{what}: {error}");
}

#[test]
fn deeply_nested_top_level_values() {
    let bodies = [
        "[".repeat(DEEP).into_bytes(),
        nested("[", "", "]", DEEP),
        "{\"a\":".repeat(DEEP).into_bytes(),
        nested("{\"a\":", "1", "}", DEEP),
        nested("{\"a\":[", "", "]}", DEEP),
        wrap("{\"UserSummaryList\":", &"[".repeat(DEEP).into_bytes(), ""),
    ];
    for body in &bodies {
        parse_everywhere(body);
        assert!(ok_200::<ListUsers>(body).is_err());
        assert!(ok_200::<DescribeEvaluationForm>(body).is_err());
    }
    assert_depth_error(ok_200::<DescribeEvaluationForm>(&nested("{\"a\":", "1", "}", DEEP)), "objects");
}

#[test]
fn deeply_nested_inside_known_fields() {
    let deep_object = nested("{\"a\":", "1", "}", DEEP);
    let deep_array = nested("[", "1", "]", DEEP);
    // A string member, a map value, a list element, a union, a number and an unknown member.
    let cases: Vec<(&str, Parser, Vec<u8>)> = vec![
        ("string member", ok_200::<DescribeEvaluationForm>, wrap("{\"EvaluationForm\":{\"Title\":", &deep_object, "}}")),
        ("map value", ok_200::<DescribeEvaluationForm>, wrap("{\"EvaluationForm\":{\"Tags\":{\"k\":", &deep_object, "}}}")),
        ("list element", ok_200::<ListUsers>, wrap("{\"UserSummaryList\":[", &deep_object, "]}")),
        ("union", ok_200::<DescribeContactEvaluation>, wrap("{\"Evaluation\":{\"Answers\":{\"q\":{\"Value\":{\"StringValue\":", &deep_array, "}}}}}")),
        ("unknown union variant", ok_200::<DescribeContactEvaluation>, wrap("{\"Evaluation\":{\"Answers\":{\"q\":{\"Value\":{\"Mystery\":", &deep_array, "}}}}}")),
        ("timestamp", ok_200::<DescribeContact>, wrap("{\"Contact\":{\"InitiationTimestamp\":", &deep_array, "}}")),
        ("unknown member", ok_200::<DescribeContact>, wrap("{\"Contact\":{\"Unmodeled\":", &deep_object, "}}")),
        ("top-level unknown member", ok_200::<ListUsers>, wrap("{\"Unmodeled\":", &deep_array, "}")),
        ("error body", error_400::<CreateTaskTemplate>, wrap("{\"Message\":", &deep_object, "}")),
        ("error body list", error_400::<CreateTaskTemplate>, wrap("{\"PropertyList\":", &deep_array, "}")),
    ];
    for (what, parser, body) in cases {
        assert!(parser(&body).is_err(), "{what}");
        parse_everywhere(&body);
    }
}

#[test]
fn the_recursive_shape_nested_past_the_limit() {
    // Sections inside sections, the way the model allows, far deeper than any real form:
    // the parser recurses per level, so the tokenizer's depth limit is what keeps the stack.
    let open = "{\"Section\":{\"Title\":\"t\",\"RefId\":\"r\",\"Items\":[";
    let close = "]}}";
    let deep = nested(open, "", close, DEEP / 10);
    let body = wrap("{\"EvaluationForm\":{\"Items\":[", &deep, "]}}");
    assert_depth_error(ok_200::<DescribeEvaluationForm>(&body), "recursive sections");
    // Within the limit (128 levels of JSON, three per section), it parses.
    let shallow = nested(open, "", close, 40);
    let body = wrap("{\"EvaluationForm\":{\"Items\":[", &shallow, "]}}");
    let parsed = ok_200::<DescribeEvaluationForm>(&body).expect("40 nested sections");
    assert_eq!(parsed.matches("Section(").count(), 40);
}

#[test]
fn nesting_just_under_the_limit_is_ignorable_content() {
    // Unknown members are skipped however they nest, up to the limit.
    for depth in [1, 50, 120, 126] {
        let body = wrap("{\"Unmodeled\":", &nested("[", "", "]", depth), ",\"NextToken\":\"t\"}");
        let parsed = ok_200::<ListUsers>(&body).unwrap_or_else(|e| panic!("depth {depth}: {e}"));
        assert!(parsed.contains("next_token: Some(\"t\")"), "{parsed}");
    }
    let body = wrap("{\"Unmodeled\":", &nested("[", "", "]", 500), "}");
    assert_depth_error(ok_200::<ListUsers>(&body), "500 levels");
}

// =============================================================================================
// Wrong types in every position
// =============================================================================================

/// Values of every JSON type (and some awkward ones).
fn wrong_values() -> Vec<Value> {
    vec![
        json!("string"),
        json!(""),
        json!(1),
        json!(-1),
        json!(1.5),
        json!(true),
        json!(null),
        json!({}),
        json!([]),
        json!({"a": [1, {"b": null}]}),
        json!([{"a": 1}, "x", 2]),
        json!("NaN"),
        json!("2024-01-01T00:00:00Z"),
        serde_json::from_str::<Value>("18446744073709551616").unwrap(),
        serde_json::from_str::<Value>("-1e400").unwrap_or(json!(0)),
    ]
}

/// Every position of a JSON tree, as paths of object keys and array indexes.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn positions(value: &Value, path: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(path.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                path.push(Step::Key(key.clone()));
                positions(child, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                path.push(Step::Index(index));
                positions(child, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn at_mut<'v>(value: &'v mut Value, path: &[Step]) -> &'v mut Value {
    path.iter().fold(value, |value, step| match step {
        Step::Key(key) => &mut value[key.as_str()],
        Step::Index(index) => &mut value[*index],
    })
}

#[test]
fn wrong_types_in_every_position() {
    let wrong = wrong_values();
    for (name, parser, body) in samples() {
        let mut paths = Vec::new();
        positions(&body, &mut Vec::new(), &mut paths);
        let (mut oks, mut errors) = (0, 0);
        for path in &paths {
            for replacement in &wrong {
                let mut changed = body.clone();
                *at_mut(&mut changed, path) = replacement.clone();
                match parser(&json_bytes(&changed)) {
                    Ok(_) => oks += 1,
                    Err(_) => errors += 1,
                }
            }
        }
        // Most replacements break the shape; some are fine (unknown members, a string where a
        // string goes, null for an optional member). An error response is an error whatever
        // its body.
        if name.ends_with("error") {
            assert_eq!(oks, 0, "{name}");
        } else {
            assert!(errors > oks, "{name}: {oks} ok, {errors} errors");
            assert!(oks > 0, "{name}");
        }
    }
}

#[test]
fn wrong_types_are_errors_where_the_shape_is_known() {
    let form = |member: &str, value: Value| {
        let mut body = evaluation_form_body();
        body["EvaluationForm"][member] = value;
        ok_200::<DescribeEvaluationForm>(&json_bytes(&body))
    };
    for (member, value) in [
        ("EvaluationFormVersion", json!("3")),
        ("EvaluationFormVersion", json!(3.5)),
        ("EvaluationFormVersion", json!(true)),
        ("Locked", json!("false")),
        ("Locked", json!(0)),
        ("Title", json!(1)),
        ("Title", json!(["QA"])),
        ("Items", json!({})),
        ("Items", json!("items")),
        ("Items", json!([null])),
        ("Items", json!([1])),
        ("Tags", json!([])),
        ("Tags", json!({"k": 1})),
        ("Tags", json!({"k": null})),
        ("CreatedTime", json!("2024-01-01T00:00:00Z")),
        ("CreatedTime", json!(true)),
        ("ScoringStrategy", json!([])),
        ("Status", json!(1)),
    ] {
        let result = form(member, value.clone());
        assert!(result.is_err(), "{member} = {value}: {result:?}");
    }
    // Unknown enum values and unknown union variants are kept, not errors.
    assert!(form("Status", json!("SOMETHING_NEW")).unwrap().contains("SOMETHING_NEW"));
    assert!(form("Items", json!([{"NewKindOfItem": {"x": 1}}])).is_ok());
}

#[test]
fn union_values_with_wrong_or_several_variants() {
    let answer = |value: Value| {
        let mut body = contact_evaluation_body();
        body["Evaluation"]["Answers"]["q1"]["Value"] = value;
        ok_200::<DescribeContactEvaluation>(&json_bytes(&body))
    };
    for value in [
        json!({"NumericValue": "7"}),
        json!({"StringValue": 7}),
        json!({"NotApplicable": "yes"}),
        json!({"StringValues": "a"}),
        json!({"StringValues": [1]}),
        json!("StringValue"),
        json!(["StringValue", "x"]),
    ] {
        assert!(answer(value.clone()).is_err(), "{value}");
    }
    // Empty and multi-variant objects must come back as a value either way, never a panic.
    for value in [json!({}), json!({"StringValue": "a", "NumericValue": 1}), json!({"__type": "x"})] {
        let _ = answer(value);
    }
}

// =============================================================================================
// Enormous inputs
// =============================================================================================

const HUGE: usize = 50 * 1024 * 1024;

#[test]
fn a_fifty_megabyte_string() {
    let mut body = b"{\"EvaluationForm\":{\"Title\":\"".to_vec();
    body.resize(body.len() + HUGE, b'a');
    body.extend_from_slice(b"\"}}");
    let output = DescribeEvaluationForm::parse_parts(200, &HeaderMap::new(), &body).unwrap();
    assert_eq!(output.evaluation_form().unwrap().title().len(), HUGE);
    drop(output);
    // The same string with escapes to decode.
    let mut body = b"{\"EvaluationForm\":{\"Title\":\"".to_vec();
    while body.len() < HUGE {
        body.extend_from_slice(b"\\u00e9\\n");
    }
    body.extend_from_slice(b"\"}}");
    assert!(ok_200::<DescribeEvaluationForm>(&body).is_ok());
    // Unterminated: an error value, not a hang or a crash.
    body.truncate(body.len() - 3);
    assert!(ok_200::<DescribeEvaluationForm>(&body).is_err());
}

#[test]
fn fifty_megabytes_of_list_items() {
    let item = br#"{"Id":"u","Arn":"arn:aws:connect:::user/u","Username":"user","LastModifiedTime":1.7E9,"LastModifiedRegion":"us-west-2"}"#;
    let count = HUGE / (item.len() + 1);
    let mut body = b"{\"UserSummaryList\":[".to_vec();
    for i in 0..count {
        if i > 0 {
            body.push(b',');
        }
        body.extend_from_slice(item);
    }
    body.extend_from_slice(b"]}");
    let output = ListUsers::parse_parts(200, &HeaderMap::new(), &body).unwrap();
    assert_eq!(output.user_summary_list().len(), count);
    drop(output);
    // The same list under a member nobody reads is skipped.
    body[2..17].copy_from_slice(b"UnmodeledMember");
    let output = ListUsers::parse_parts(200, &HeaderMap::new(), &body).unwrap();
    assert!(output.user_summary_list.is_none());
}

#[test]
fn fifty_megabytes_of_odd_content() {
    // Whitespace only: an empty body.
    assert!(ok_200::<ListUsers>(&vec![b' '; HUGE]).is_ok());
    // Unbalanced brackets: stops at the depth limit.
    assert!(ok_200::<ListUsers>(&vec![b'['; HUGE]).is_err());
    // One enormous number, as an integer, a float, a timestamp and an unknown member.
    let digits = "9".repeat(HUGE);
    for (parser, prefix, suffix) in enormous_number_cases() {
        let _ = parser(&wrap(prefix, digits.as_bytes(), suffix));
    }
    let body = wrap("{\"Unmodeled\":", digits.as_bytes(), "}");
    assert!(ok_200::<ListUsers>(&body).is_ok());
    // An error body that is one long string.
    let body = wrap("{\"Message\":\"", &vec![b'm'; HUGE], "\"}");
    let error = error_400::<CreateTaskTemplate>(&body).unwrap_err();
    assert!(!error.is_empty());
}

/// An out-of-range number in an `i32`, a timestamp, an `i64` and an `f64` member.
fn enormous_number_cases() -> [(Parser, &'static str, &'static str); 4] {
    [
        (ok_200::<DescribeEvaluationForm> as Parser, "{\"EvaluationForm\":{\"EvaluationFormVersion\":", "}}"),
        (ok_200::<DescribeEvaluationForm>, "{\"EvaluationForm\":{\"CreatedTime\":", "}}"),
        (ok_200::<DescribeContact>, "{\"Contact\":{\"QueuePriority\":", "}}"),
        (ok_200::<DescribeContactEvaluation>, "{\"Evaluation\":{\"Answers\":{\"q\":{\"Value\":{\"NumericValue\":", "}}}}}"),
    ]
}

#[test]
fn error_messages_quote_a_bounded_part_of_the_input() {
    // A 1 MB number is enough to show it; the message should stay short whatever the input.
    let digits = "9".repeat(1 << 20);
    let mut long = Vec::new();
    for (parser, prefix, suffix) in enormous_number_cases() {
        if let Err(error) = parser(&wrap(prefix, digits.as_bytes(), suffix)) {
            if error.len() > 4096 {
                long.push(format!("{prefix}: {} bytes of error text", error.len()));
            }
        }
    }
    assert!(long.is_empty(), "{long:#?}");
}

// =============================================================================================
// Invalid UTF-8
// =============================================================================================

#[test]
fn invalid_utf8_anywhere_is_an_error() {
    let bad_sequences: [&[u8]; 8] = [
        b"\xff",
        b"\xc0\xaf",         // overlong '/'
        b"\xed\xa0\x80",     // a surrogate encoded in UTF-8
        b"\xf4\x90\x80\x80", // above U+10FFFF
        b"\x80",             // a lone continuation byte
        b"\xe2\x82",         // a truncated sequence
        b"\xf0\x9f\x98",     // a truncated emoji
        b"\xfe\xfe",
    ];
    for bad in bad_sequences {
        let cases: Vec<(Parser, Vec<u8>)> = vec![
            (ok_200::<ListUsers>, wrap("{\"NextToken\":\"", bad, "\"}")),
            (ok_200::<ListUsers>, wrap("{\"", bad, "\":1}")),
            (ok_200::<ListUsers>, wrap("{\"Unmodeled\":\"", bad, "\"}")),
            (ok_200::<ListUsers>, wrap("{\"NextToken\":\"t\"}", bad, "")),
            (ok_200::<ListUsers>, wrap("", bad, "{}")),
            (ok_200::<ListUsers>, wrap("{", bad, "}")),
            (ok_200::<DescribeEvaluationForm>, wrap("{\"EvaluationForm\":{\"Tags\":{\"k\":\"", bad, "\"}}}")),
            (error_400::<CreateTaskTemplate>, wrap("{\"Message\":\"", bad, "\"}")),
        ];
        for (parser, body) in cases {
            let result = parser(&body);
            assert!(result.is_err(), "{:?}: {result:?}", String::from_utf8_lossy(&body));
        }
        parse_everywhere(&wrap("{\"Contact\":{\"Name\":\"", bad, "\"}}"));
    }
}

#[test]
fn escaped_surrogates_and_odd_escapes() {
    for escaped in [
        r"\ud800",
        r"\udc00",
        r"\ud800\u0041",
        r"\ud800\ud800",
        r"\udbff\udfff",
        r"\u00",
        r"\u12g4",
        r"\x41",
        r"\",
        r"\u0000",
        r"\U0041",
    ] {
        let body = format!("{{\"NextToken\":\"{escaped}\"}}");
        let result = ok_200::<ListUsers>(body.as_bytes());
        let valid = serde_json::from_str::<Value>(&body).is_ok();
        // serde_json, as the reference, accepts no lone surrogate either.
        if !valid {
            assert!(result.is_err(), "{escaped}: {result:?}");
        }
        parse_everywhere(body.as_bytes());
    }
}

// =============================================================================================
// Numbers out of range
// =============================================================================================

#[test]
fn numbers_out_of_range() {
    let version = |text: &str| {
        ok_200::<DescribeEvaluationForm>(format!("{{\"EvaluationForm\":{{\"EvaluationFormVersion\":{text}}}}}").as_bytes())
    };
    for text in ["2147483648", "-2147483649", "1e10", "1.5", "1e-400", "99999999999999999999999999999999999999999", "1e99999999999999999999", "-1e99999999999999999999"] {
        assert!(version(text).is_err(), "i32 {text}");
    }
    for text in ["2147483647", "-2147483648", "0", "-0", "5e0", "5.0", "50e-1", "0e99999999999999999999"] {
        assert!(version(text).is_ok(), "i32 {text}: {:?}", version(text));
    }

    let priority = |text: &str| ok_200::<DescribeContact>(format!("{{\"Contact\":{{\"QueuePriority\":{text}}}}}").as_bytes());
    for text in ["9223372036854775808", "-9223372036854775809", "1e19", "340282366920938463463374607431768211456"] {
        assert!(priority(text).is_err(), "i64 {text}");
    }
    for text in ["9223372036854775807", "-9223372036854775808"] {
        assert!(priority(text).is_ok(), "i64 {text}");
    }

    let timestamp = |text: &str| ok_200::<DescribeContact>(format!("{{\"Contact\":{{\"InitiationTimestamp\":{text}}}}}").as_bytes());
    for text in ["1e30", "-1e30", "1e99999999999999999999", "170141183460469231731687303715884105728"] {
        assert!(timestamp(text).is_err(), "timestamp {text}: {:?}", timestamp(text));
    }
    for text in ["0", "-1", "1.7e9", "1700000000.123456789", "1700000000.1234567891234", "1e-400", "-0.0"] {
        assert!(timestamp(text).is_ok(), "timestamp {text}: {:?}", timestamp(text));
    }

    // Doubles: huge exponents round to infinity or zero as `str::parse` does; no panic either way.
    let score = |text: &str| {
        ok_200::<DescribeContactEvaluation>(
            format!("{{\"Evaluation\":{{\"Metadata\":{{\"Score\":{{\"Percentage\":{text}}}}}}}}}").as_bytes(),
        )
    };
    for text in ["1e400", "-1e400", "1e-400", "4.9e-324", "1.7976931348623157e308", "\"NaN\"", "\"Infinity\"", "\"-Infinity\""] {
        let _ = score(text);
    }
    for text in ["\"nan\"", "\"inf\"", "\"1.5\"", "0x10", "+1", ".5", "1.", "01", "1e", "--1", "1e+-1"] {
        assert!(score(text).is_err(), "double {text}: {:?}", score(text));
    }
}

// =============================================================================================
// Statuses and headers
// =============================================================================================

#[test]
fn odd_statuses_and_headers() {
    let body = json_bytes(&list_users_body(2));
    for status in [0, 1, 99, 100, 199, 200, 204, 206, 299, 300, 304, 399, 400, 418, 599, 600, 999, 1000, u16::MAX] {
        let mut headers = HeaderMap::new();
        headers.insert("x-amzn-requestid", HeaderValue::from_static("r"));
        let result = parse::<ListUsers>(status, &headers, &body);
        assert_eq!(result.is_ok(), (200..300).contains(&status), "status {status}: {result:?}");
        parse_everywhere(b"");
    }
    let error_types: [&[u8]; 12] = [
        b"",
        b":",
        b"#",
        b"#:",
        b"a#b#c:d:e",
        b"ThrottlingException:",
        b"com.amazonaws.connect#ThrottlingException",
        b"  ThrottlingException  ",
        b"\xff\xfe obs-text",
        b"ResourceNotFoundException,ThrottlingException",
        b"InternalServiceException:http://internal.amazon.com/coral/com.amazon.coral.service/",
        b"PropertyValidationException",
    ];
    for error_type in error_types {
        for body in [&b""[..], b"{}", b"null", b"[]", b"\"x\"", b"{\"Message\":1}", b"{\"message\":[]}", b"<html>", b"{\"PropertyList\":{}}"] {
            let mut headers = HeaderMap::new();
            headers.insert("x-amzn-errortype", HeaderValue::from_bytes(error_type).unwrap());
            headers.append("x-amzn-requestid", HeaderValue::from_static("a"));
            headers.append("x-amzn-requestid", HeaderValue::from_bytes(b"\xff").unwrap());
            headers.insert("x-amz-request-id", HeaderValue::from_bytes(&vec![b'r'; 65536]).unwrap());
            for status in [400, 404, 429, 500, 503] {
                assert!(parse::<CreateTaskTemplate>(status, &headers, body).is_err());
                assert!(parse::<ListUsers>(status, &headers, body).is_err());
                assert!(parse::<CreatePersistentContactAssociation>(status, &headers, body).is_err());
            }
        }
    }
}

#[test]
fn duplicate_members_and_trailing_content() {
    let result = ok_200::<ListUsers>(br#"{"NextToken":"a","NextToken":"b"}"#);
    assert!(result.is_ok(), "{result:?}");
    for body in [&br#"{"NextToken":"a"} {}"#[..], b"{}}", b"{}]", b"{} x", b"{},", b"{}\0", b"\xef\xbb\xbf{}", b"{\"a\":1,}", b"[1,]", b"{,}"] {
        assert!(ok_200::<ListUsers>(body).is_err(), "{:?}", String::from_utf8_lossy(body));
    }
    assert!(ok_200::<ListUsers>(b" \t\r\n{} \t\r\n").is_ok());
    assert!(ok_200::<ListUsers>(b"null").is_err(), "a null body");
}

