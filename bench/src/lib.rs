//! Inputs for the wire benchmarks, and the `serde_json` baseline they are compared with.
//!
//! Each benchmark runs the generated code (`connect_api`) next to `serde_json` with
//! `#[derive(Serialize, Deserialize)]` on hand-written structs that have the same JSON keys,
//! the same optional-member elision and the same field order as the generated serializers
//! (which write members in the model's order: alphabetical at the top level of an input body).
//! `tests/equivalence.rs` checks that both sides produce or accept the same JSON.
//!
//! The builders here are deterministic, so every run measures the same bytes.

use connect_api::operation::create_evaluation_form::CreateEvaluationFormInput;
use connect_api::operation::create_persistent_contact_association::CreatePersistentContactAssociationInput;
use connect_api::types::{
    EvaluationFormItem, EvaluationFormNumericQuestionOption, EvaluationFormNumericQuestionProperties,
    EvaluationFormQuestion, EvaluationFormQuestionType, EvaluationFormQuestionTypeProperties,
    EvaluationFormScoringMode, EvaluationFormScoringStatus, EvaluationFormScoringStrategy,
    EvaluationFormSection, EvaluationFormSingleSelectQuestionDisplayMode,
    EvaluationFormSingleSelectQuestionOption, EvaluationFormSingleSelectQuestionProperties,
    EvaluationFormTextQuestionProperties, RehydrationType,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt::Write as _;

/// The idempotency token both sides use.
pub const TOKEN: &str = "6f1c2d3e-4b5a-4987-8c6d-5e4f3a2b1c0d";

// =============================================================================================
// Percent-encoding, as restJson1 does for labels (the same rule as the generated code).
// =============================================================================================

/// Percent-encodes `value` onto `out`: all but `A-Za-z0-9-._~` as `%XX`.
pub fn percent_encode(out: &mut String, value: &str) {
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
}

// =============================================================================================
// 1. CreatePersistentContactAssociation
// =============================================================================================

/// The CreatePersistentContactAssociation input the benchmark sends.
pub fn cpca_input() -> CreatePersistentContactAssociationInput {
    CreatePersistentContactAssociationInput::builder()
        .instance_id("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111")
        .initial_contact_id("c0ffee00-1234-4abc-9def-0123456789ab")
        .rehydration_type(RehydrationType::EntirePastSession)
        .source_contact_id("deadbeef-0000-4111-8222-333344445555")
        .client_token(TOKEN)
        .build()
        .expect("valid input")
}

/// `RehydrationType`, as serde sees it.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum SerdeRehydrationType {
    #[serde(rename = "ENTIRE_PAST_SESSION")]
    EntirePastSession,
    #[serde(rename = "FROM_SEGMENT")]
    FromSegment,
}

/// The request body of CreatePersistentContactAssociation (labels are in the URI).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct SerdeCpcaBody {
    #[serde(rename = "ClientToken", skip_serializing_if = "Option::is_none")]
    pub client_token: Option<String>,
    #[serde(rename = "RehydrationType", skip_serializing_if = "Option::is_none")]
    pub rehydration_type: Option<SerdeRehydrationType>,
    #[serde(rename = "SourceContactId", skip_serializing_if = "Option::is_none")]
    pub source_contact_id: Option<String>,
}

/// The serde side's whole input: labels plus body.
#[derive(Debug, Clone, PartialEq)]
pub struct SerdeCpcaInput {
    pub instance_id: String,
    pub initial_contact_id: String,
    pub body: SerdeCpcaBody,
}

/// The same input as [`cpca_input`], for serde.
pub fn serde_cpca_input() -> SerdeCpcaInput {
    SerdeCpcaInput {
        instance_id: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111".to_owned(),
        initial_contact_id: "c0ffee00-1234-4abc-9def-0123456789ab".to_owned(),
        body: SerdeCpcaBody {
            client_token: Some(TOKEN.to_owned()),
            rehydration_type: Some(SerdeRehydrationType::EntirePastSession),
            source_contact_id: Some("deadbeef-0000-4111-8222-333344445555".to_owned()),
        },
    }
}

/// The serde baseline as the brief defines it: the body with `serde_json::to_vec` and the
/// URI formatted like the generated code does.
pub fn serde_cpca_body_and_uri(input: &SerdeCpcaInput) -> (String, Vec<u8>) {
    let mut uri = String::with_capacity(103);
    uri.push_str("/contact/persistent-contact-association/");
    percent_encode(&mut uri, &input.instance_id);
    uri.push('/');
    percent_encode(&mut uri, &input.initial_contact_id);
    let body = serde_json::to_vec(&input.body).expect("serializable");
    (uri, body)
}

/// The serde baseline carried through to the same `http::Request` the generated code returns
/// (URI parsed by `http`, method, `Content-Type` and `Content-Length` headers), for a
/// like-for-like comparison.
pub fn serde_cpca_request(input: &SerdeCpcaInput) -> http::Request<Vec<u8>> {
    let (uri, body) = serde_cpca_body_and_uri(input);
    let length = body.len();
    let mut request = http::Request::new(body);
    *request.method_mut() = http::Method::POST;
    *request.uri_mut() = http::Uri::try_from(uri).expect("valid URI");
    let headers = request.headers_mut();
    headers.insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json"),
    );
    headers.insert(http::header::CONTENT_LENGTH, http::HeaderValue::from(length));
    request
}

// =============================================================================================
// 2. CreateEvaluationForm: a large nested input (sections in sections, unions, lists)
// =============================================================================================

/// The shape of the generated form.
#[derive(Debug, Clone, Copy)]
pub struct FormSize {
    /// Top-level sections.
    pub sections: usize,
    /// Subsections in each top-level section.
    pub subsections: usize,
    /// Questions in each subsection.
    pub questions: usize,
}

/// 10 × 4 × 10: 50 sections and 400 questions (≈ 160 KB of JSON), three levels of `Items`.
pub const LARGE_FORM: FormSize = FormSize {
    sections: 10,
    subsections: 4,
    questions: 10,
};

/// What a question looks like, decided by its position, so both sides build the same form.
enum QuestionKind {
    SingleSelect,
    Numeric,
    Text,
}

fn question_kind(index: usize) -> QuestionKind {
    match index % 3 {
        0 => QuestionKind::SingleSelect,
        1 => QuestionKind::Numeric,
        _ => QuestionKind::Text,
    }
}

fn question_title(s: usize, u: usize, q: usize) -> String {
    format!("Did the agent follow step {s}.{u}.{q} of the \"greeting\" script?")
}

fn question_instructions(q: usize) -> Option<String> {
    // Every other question has instructions with characters that need escaping.
    (q & 1 == 0).then(|| {
        format!("Listen for the phrase:\n\t\"Thank you for calling\" — score {q} if heard; otherwise 0.\\")
    })
}

const SINGLE_SELECT_OPTIONS: [(&str, i32, bool); 4] = [
    ("Yes, fully", 10, false),
    ("Partially", 5, false),
    ("No", 0, false),
    ("Refused / rude", 0, true),
];

const NUMERIC_OPTIONS: [(i32, i32, i32, bool); 3] = [(0, 3, 0, true), (4, 7, 5, false), (8, 10, 10, false)];

/// The CreateEvaluationForm input of the given size.
pub fn evaluation_form_input(size: FormSize) -> CreateEvaluationFormInput {
    let mut items = Vec::with_capacity(size.sections);
    for s in 0..size.sections {
        let mut section_items = Vec::with_capacity(size.subsections);
        for u in 0..size.subsections {
            let mut questions = Vec::with_capacity(size.questions);
            for q in 0..size.questions {
                let ref_id = format!("q-{s}-{u}-{q}");
                let (question_type, properties) = match question_kind(q) {
                    QuestionKind::SingleSelect => {
                        let mut props = EvaluationFormSingleSelectQuestionProperties::builder()
                            .display_as(EvaluationFormSingleSelectQuestionDisplayMode::Radio);
                        for (i, (text, score, fail)) in SINGLE_SELECT_OPTIONS.iter().enumerate() {
                            props = props.options(
                                EvaluationFormSingleSelectQuestionOption::builder()
                                    .ref_id(format!("{ref_id}-o{i}"))
                                    .text(*text)
                                    .score(*score)
                                    .automatic_fail(*fail)
                                    .build()
                                    .expect("valid option"),
                            );
                        }
                        (
                            EvaluationFormQuestionType::Singleselect,
                            EvaluationFormQuestionTypeProperties::SingleSelect(
                                props.build().expect("valid properties"),
                            ),
                        )
                    }
                    QuestionKind::Numeric => {
                        let mut props = EvaluationFormNumericQuestionProperties::builder()
                            .min_value(0)
                            .max_value(10);
                        for (min, max, score, fail) in NUMERIC_OPTIONS {
                            props = props.options(
                                EvaluationFormNumericQuestionOption::builder()
                                    .min_value(min)
                                    .max_value(max)
                                    .score(score)
                                    .automatic_fail(fail)
                                    .build(),
                            );
                        }
                        (
                            EvaluationFormQuestionType::Numeric,
                            EvaluationFormQuestionTypeProperties::Numeric(
                                props.build(),
                            ),
                        )
                    }
                    QuestionKind::Text => (
                        EvaluationFormQuestionType::Text,
                        EvaluationFormQuestionTypeProperties::Text(
                            EvaluationFormTextQuestionProperties::builder().build(),
                        ),
                    ),
                };
                let question = EvaluationFormQuestion::builder()
                    .title(question_title(s, u, q))
                    .set_instructions(question_instructions(q))
                    .ref_id(ref_id)
                    .not_applicable_enabled(q % 4 == 1)
                    .question_type(question_type)
                    .question_type_properties(properties)
                    .weight(question_weight(q))
                    .build()
                    .expect("valid question");
                questions.push(EvaluationFormItem::Question(question));
            }
            let subsection = EvaluationFormSection::builder()
                .title(format!("Subsection {s}.{u}"))
                .ref_id(format!("s-{s}-{u}"))
                .set_instructions((u % 2 == 1).then(|| format!("Score subsection {s}.{u} — überall")))
                .set_items(Some(questions))
                .weight(25.0)
                .build()
                .expect("valid section");
            section_items.push(EvaluationFormItem::Section(subsection));
        }
        let section = EvaluationFormSection::builder()
            .title(format!("Section {s}: call handling"))
            .ref_id(format!("s-{s}"))
            .set_items(Some(section_items))
            .weight(10.0)
            .build()
            .expect("valid section");
        items.push(EvaluationFormItem::Section(section));
    }
    CreateEvaluationFormInput::builder()
        .instance_id("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111")
        .title("Quality assurance — inbound calls")
        .description("Evaluates greeting, verification, resolution and closing.")
        .set_items(Some(items))
        .scoring_strategy(
            EvaluationFormScoringStrategy::builder()
                .mode(EvaluationFormScoringMode::SectionOnly)
                .status(EvaluationFormScoringStatus::Enabled)
                .build()
                .expect("valid strategy"),
        )
        .client_token(TOKEN)
        .as_draft(true)
        .tags("team", "quality")
        .build()
        .expect("valid input")
}

fn question_weight(q: usize) -> f64 {
    // Weights with fractions, and some zero (which both sides leave out).
    [10.0, 12.5, 0.0, 7.25, 33.3][q % 5]
}

fn is_zero(value: &f64) -> bool {
    *value == 0.0
}

fn is_false(value: &bool) -> bool {
    !*value
}

fn is_zero_i32(value: &i32) -> bool {
    *value == 0
}

/// The request body of CreateEvaluationForm, for serde (members in the generated order).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct SerdeCreateEvaluationFormBody {
    #[serde(rename = "AsDraft", skip_serializing_if = "Option::is_none")]
    pub as_draft: Option<bool>,
    #[serde(rename = "ClientToken", skip_serializing_if = "Option::is_none")]
    pub client_token: Option<String>,
    #[serde(rename = "Description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(rename = "Items", skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<SerdeEvaluationFormItem>>,
    #[serde(rename = "ScoringStrategy", skip_serializing_if = "Option::is_none")]
    pub scoring_strategy: Option<SerdeScoringStrategy>,
    #[serde(rename = "Tags", skip_serializing_if = "Option::is_none")]
    pub tags: Option<HashMap<String, String>>,
    #[serde(rename = "Title", skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// `EvaluationFormItem`: an externally tagged union, as restJson1 writes unions.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub enum SerdeEvaluationFormItem {
    Section(SerdeEvaluationFormSection),
    Question(SerdeEvaluationFormQuestion),
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct SerdeEvaluationFormSection {
    #[serde(rename = "Title")]
    pub title: String,
    #[serde(rename = "RefId")]
    pub ref_id: String,
    #[serde(rename = "Instructions", skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    #[serde(rename = "Items")]
    pub items: Vec<SerdeEvaluationFormItem>,
    #[serde(rename = "Weight", default, skip_serializing_if = "is_zero")]
    pub weight: f64,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum SerdeQuestionType {
    #[serde(rename = "SINGLESELECT")]
    SingleSelect,
    #[serde(rename = "NUMERIC")]
    Numeric,
    #[serde(rename = "TEXT")]
    Text,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct SerdeEvaluationFormQuestion {
    #[serde(rename = "Title")]
    pub title: String,
    #[serde(rename = "Instructions", skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    #[serde(rename = "RefId")]
    pub ref_id: String,
    #[serde(rename = "NotApplicableEnabled", default, skip_serializing_if = "is_false")]
    pub not_applicable_enabled: bool,
    #[serde(rename = "QuestionType")]
    pub question_type: SerdeQuestionType,
    #[serde(rename = "QuestionTypeProperties", skip_serializing_if = "Option::is_none")]
    pub question_type_properties: Option<SerdeQuestionTypeProperties>,
    #[serde(rename = "Weight", default, skip_serializing_if = "is_zero")]
    pub weight: f64,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub enum SerdeQuestionTypeProperties {
    Numeric(SerdeNumericProperties),
    SingleSelect(SerdeSingleSelectProperties),
    Text(SerdeTextProperties),
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct SerdeNumericProperties {
    #[serde(rename = "MinValue")]
    pub min_value: i32,
    #[serde(rename = "MaxValue")]
    pub max_value: i32,
    #[serde(rename = "Options", skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<SerdeNumericOption>>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct SerdeNumericOption {
    #[serde(rename = "MinValue")]
    pub min_value: i32,
    #[serde(rename = "MaxValue")]
    pub max_value: i32,
    #[serde(rename = "Score", default, skip_serializing_if = "is_zero_i32")]
    pub score: i32,
    #[serde(rename = "AutomaticFail", default, skip_serializing_if = "is_false")]
    pub automatic_fail: bool,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct SerdeSingleSelectProperties {
    #[serde(rename = "Options")]
    pub options: Vec<SerdeSingleSelectOption>,
    #[serde(rename = "DisplayAs", skip_serializing_if = "Option::is_none")]
    pub display_as: Option<SerdeDisplayMode>,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum SerdeDisplayMode {
    #[serde(rename = "DROPDOWN")]
    Dropdown,
    #[serde(rename = "RADIO")]
    Radio,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct SerdeSingleSelectOption {
    #[serde(rename = "RefId")]
    pub ref_id: String,
    #[serde(rename = "Text")]
    pub text: String,
    #[serde(rename = "Score", default, skip_serializing_if = "is_zero_i32")]
    pub score: i32,
    #[serde(rename = "AutomaticFail", default, skip_serializing_if = "is_false")]
    pub automatic_fail: bool,
}

/// `EvaluationFormTextQuestionProperties` with no automation: `{}`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct SerdeTextProperties {}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct SerdeScoringStrategy {
    #[serde(rename = "Mode")]
    pub mode: String,
    #[serde(rename = "Status")]
    pub status: String,
}

/// The same form as [`evaluation_form_input`], for serde.
pub fn serde_evaluation_form_body(size: FormSize) -> SerdeCreateEvaluationFormBody {
    let mut items = Vec::with_capacity(size.sections);
    for s in 0..size.sections {
        let mut section_items = Vec::with_capacity(size.subsections);
        for u in 0..size.subsections {
            let mut questions = Vec::with_capacity(size.questions);
            for q in 0..size.questions {
                let ref_id = format!("q-{s}-{u}-{q}");
                let (question_type, properties) = match question_kind(q) {
                    QuestionKind::SingleSelect => (
                        SerdeQuestionType::SingleSelect,
                        SerdeQuestionTypeProperties::SingleSelect(SerdeSingleSelectProperties {
                            options: SINGLE_SELECT_OPTIONS
                                .iter()
                                .enumerate()
                                .map(|(i, (text, score, fail))| SerdeSingleSelectOption {
                                    ref_id: format!("{ref_id}-o{i}"),
                                    text: (*text).to_owned(),
                                    score: *score,
                                    automatic_fail: *fail,
                                })
                                .collect(),
                            display_as: Some(SerdeDisplayMode::Radio),
                        }),
                    ),
                    QuestionKind::Numeric => (
                        SerdeQuestionType::Numeric,
                        SerdeQuestionTypeProperties::Numeric(SerdeNumericProperties {
                            min_value: 0,
                            max_value: 10,
                            options: Some(
                                NUMERIC_OPTIONS
                                    .iter()
                                    .map(|&(min_value, max_value, score, automatic_fail)| SerdeNumericOption {
                                        min_value,
                                        max_value,
                                        score,
                                        automatic_fail,
                                    })
                                    .collect(),
                            ),
                        }),
                    ),
                    QuestionKind::Text => (
                        SerdeQuestionType::Text,
                        SerdeQuestionTypeProperties::Text(SerdeTextProperties {}),
                    ),
                };
                questions.push(SerdeEvaluationFormItem::Question(SerdeEvaluationFormQuestion {
                    title: question_title(s, u, q),
                    instructions: question_instructions(q),
                    ref_id,
                    not_applicable_enabled: q % 4 == 1,
                    question_type,
                    question_type_properties: Some(properties),
                    weight: question_weight(q),
                }));
            }
            section_items.push(SerdeEvaluationFormItem::Section(SerdeEvaluationFormSection {
                title: format!("Subsection {s}.{u}"),
                ref_id: format!("s-{s}-{u}"),
                instructions: (u % 2 == 1).then(|| format!("Score subsection {s}.{u} — überall")),
                items: questions,
                weight: 25.0,
            }));
        }
        items.push(SerdeEvaluationFormItem::Section(SerdeEvaluationFormSection {
            title: format!("Section {s}: call handling"),
            ref_id: format!("s-{s}"),
            instructions: None,
            items: section_items,
            weight: 10.0,
        }));
    }
    SerdeCreateEvaluationFormBody {
        as_draft: Some(true),
        client_token: Some(TOKEN.to_owned()),
        description: Some("Evaluates greeting, verification, resolution and closing.".to_owned()),
        items: Some(items),
        scoring_strategy: Some(SerdeScoringStrategy {
            mode: "SECTION_ONLY".to_owned(),
            status: "ENABLED".to_owned(),
        }),
        tags: Some(HashMap::from([("team".to_owned(), "quality".to_owned())])),
        title: Some("Quality assurance — inbound calls".to_owned()),
    }
}

// =============================================================================================
// 3. Large list responses: ListUsers and ListContactFlows with ~1,000 summaries
// =============================================================================================

/// Items in the list responses.
pub const LIST_ITEMS: usize = 1000;

/// A ListUsers response body with `n` user summaries (timestamps as fractional epoch seconds,
/// as the service sends them).
pub fn list_users_body(n: usize) -> Vec<u8> {
    let mut out = String::with_capacity(n * 330 + 64);
    out.push_str("{\"UserSummaryList\":[");
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            "{{\"Id\":\"{id}\",\"Arn\":\"arn:aws:connect:us-west-2:123456789012:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/agent/{id}\",\"Username\":\"agent.{i}@example.com\",\"LastModifiedTime\":{secs}.{millis:03},\"LastModifiedRegion\":\"us-west-2\"}}",
            id = format_args!("{:08x}-1234-4abc-9def-{:012x}", i * 7919, i),
            secs = 1_700_000_000 + i * 37,
            millis = (i * 131) % 1000,
        );
    }
    out.push_str("],\"NextToken\":\"AAIAAQEBAgIDAwQEBQUGBgcHCAgJCQoKCwsMDA0NDg4PDw==\"}");
    out.into_bytes()
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct SerdeListUsersOutput {
    #[serde(rename = "UserSummaryList", default)]
    pub user_summary_list: Option<Vec<SerdeUserSummary>>,
    #[serde(rename = "NextToken", default)]
    pub next_token: Option<String>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct SerdeUserSummary {
    #[serde(rename = "Id", default)]
    pub id: Option<String>,
    #[serde(rename = "Arn", default)]
    pub arn: Option<String>,
    #[serde(rename = "Username", default)]
    pub username: Option<String>,
    /// Epoch seconds; serde reads the number as an `f64`.
    #[serde(rename = "LastModifiedTime", default)]
    pub last_modified_time: Option<f64>,
    #[serde(rename = "LastModifiedRegion", default)]
    pub last_modified_region: Option<String>,
}

const FLOW_TYPES: [&str; 4] = ["CONTACT_FLOW", "CUSTOMER_QUEUE", "AGENT_WHISPER", "OUTBOUND_WHISPER"];

/// A ListContactFlows response body with `n` summaries (three enum members each).
pub fn list_contact_flows_body(n: usize) -> Vec<u8> {
    let mut out = String::with_capacity(n * 300 + 64);
    out.push_str("{\"ContactFlowSummaryList\":[");
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            "{{\"Id\":\"{id}\",\"Arn\":\"arn:aws:connect:us-west-2:123456789012:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/contact-flow/{id}\",\"Name\":\"Flow {i} \\u00e9t\\u00e9\",\"ContactFlowType\":\"{ty}\",\"ContactFlowState\":\"{state}\",\"ContactFlowStatus\":\"{status}\"}}",
            id = format_args!("{:08x}-4321-4abc-9def-{:012x}", i * 104729, i),
            ty = FLOW_TYPES[i % FLOW_TYPES.len()],
            state = if i % 7 == 0 { "ARCHIVED" } else { "ACTIVE" },
            status = if i % 3 == 0 { "SAVED" } else { "PUBLISHED" },
        );
    }
    out.push_str("],\"NextToken\":\"AAIAAQEBAgIDAwQEBQUGBgcHCAgJCQoKCwsMDA0NDg4PDw==\"}");
    out.into_bytes()
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct SerdeListContactFlowsOutput {
    #[serde(rename = "ContactFlowSummaryList", default)]
    pub contact_flow_summary_list: Option<Vec<SerdeContactFlowSummary>>,
    #[serde(rename = "NextToken", default)]
    pub next_token: Option<String>,
}

/// Enum members are kept as strings here, as an SDK with open enums must (unknown values are
/// kept, not rejected).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct SerdeContactFlowSummary {
    #[serde(rename = "Id", default)]
    pub id: Option<String>,
    #[serde(rename = "Arn", default)]
    pub arn: Option<String>,
    #[serde(rename = "Name", default)]
    pub name: Option<String>,
    #[serde(rename = "ContactFlowType", default)]
    pub contact_flow_type: Option<String>,
    #[serde(rename = "ContactFlowState", default)]
    pub contact_flow_state: Option<String>,
    #[serde(rename = "ContactFlowStatus", default)]
    pub contact_flow_status: Option<String>,
}

/// Response headers both sides see (ours reads the request ID from them).
pub fn response_headers() -> http::HeaderMap {
    let mut headers = http::HeaderMap::new();
    headers.insert("x-amzn-requestid", http::HeaderValue::from_static("0f4e3a6c-6f1e-4c1e-9b0e-3d7b0c9e1a22"));
    headers.insert(http::header::CONTENT_TYPE, http::HeaderValue::from_static("application/json"));
    headers
}
