//! The one place where Smithy names become Rust names.
//!
//! Everything here exists to reproduce, name for name, what smithy-rs emits
//! for `aws-sdk-connect`, so that the generated crate is API-compatible with
//! the published one. Two different case converters are involved and they are
//! deliberately *not* interchangeable:
//!
//! * [`pascal_case`] is Smithy's `CaseUtils` (regex snake-case, then Pascal).
//!   smithy-rs uses it for type names, enum variants and union variants.
//!   It collapses acronyms: `GenAI` becomes `GenAi`.
//! * [`snake_case`] is smithy-rs's own word splitter. It is used for fields,
//!   methods and modules and knows about acronyms (`DBProxy` -> `db_proxy`),
//!   plurals of acronyms (`ARNs` -> `arns`) and a few fixed words (`IPv4`).
//!
//! On top of the converters sit the escaping rules: Rust keywords, the
//! identifiers that cannot be raw (`self`, `Self`, `crate`, `super`), the
//! struct member names that would clash with generated methods, and the
//! `Unknown` variant that generated enums and unions reserve for themselves.
//!
//! All functions return plain `String`s; a raw identifier is returned with its
//! `r#` prefix (e.g. `"r#type"`), ready to be pasted into source.

/// Words that smithy-rs never splits, however they are cased (`IPv4`, `MiB`,
/// `TtL`): splitting them would yield `i_pv4` or `mi_b`.
const COMPLETE_WORDS: [&str; 7] = ["ipv4", "ipv6", "sigv4", "mib", "gib", "kib", "ttl"];

/// Struct member names that would collide with methods smithy-rs generates
/// on every structure (`builder()`, `build()`) or that are awkward in Rust
/// (`default`), plus the client SDK's own reservations (`send`, `customize`,
/// `meta` on errors, ...). The published `aws-sdk-connect` is a *client* SDK,
/// so its structures follow the client list; none of the client-only names
/// occur in Connect, but keeping them keeps us compatible if the model grows.
const STRUCT_MEMBER_RENAMES: [(&str, &str); 8] = [
    ("build", "build_value"),
    ("builder", "builder_value"),
    ("default", "default_value"),
    ("send", "send_value"),
    ("make_operation", "make_operation_value"),
    ("presigned", "presigned_value"),
    ("customize", "customize_value"),
    ("meta", "meta_value"),
];

/// Rust strict and reserved keywords (2018/2021 editions, incl. `try`), plus
/// `gen` which is reserved from the 2024 edition on. Order: 2015 strict,
/// 2018 strict (`async`, `await`, `dyn`), reserved, 2024 reserved (`gen`).
const RUST_KEYWORDS: [&str; 52] = [
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

// ---------------------------------------------------------------------------
// Case converters
// ---------------------------------------------------------------------------

/// PascalCase exactly as smithy-rs computes it for types and variants: Smithy
/// `CaseUtils.toSnakeCase` followed by `CaseUtils.toPascalCase`. Because every
/// word is re-capitalised after lowercasing, acronyms collapse
/// (`EvaluationGenAIAnswerAnalysisDetails` -> `EvaluationGenAiAnswerAnalysisDetails`,
/// `EN_US`/`EnUS`/`en-US` -> `EnUs`). This is the raw converter: it neither
/// escapes keywords nor removes characters other than `_`, `-` and whitespace.
pub fn pascal_case(s: &str) -> String {
    smithy_pascal_from_snake(&smithy_snake_case(s))
}

/// Smithy `CaseUtils.toSnakeCase`: two regex passes insert `_` (1) before the
/// last capital of a capital run that is followed by a lowercase letter, and
/// (2) between a lowercase letter or digit and a capital; then whitespace and
/// `-` become `_` and everything is lowercased. Only used as the first half of
/// [`pascal_case`]; field names use smithy-rs's own [`snake_case`] instead.
fn smithy_snake_case(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 && c.is_ascii_uppercase() {
            let prev = chars[i - 1];
            let next = chars.get(i + 1).copied();
            // `([A-Z]+)([A-Z][a-z])`: regex matches never overlap here because
            // each ends on a lowercase letter and the next must start on a capital,
            // so a purely local test finds exactly the same boundaries.
            let end_of_capital_run =
                prev.is_ascii_uppercase() && next.is_some_and(|n| n.is_ascii_lowercase());
            // `([a-z\d])([A-Z])`
            let after_lower_or_digit = prev.is_ascii_lowercase() || prev.is_ascii_digit();
            if end_of_capital_run || after_lower_or_digit {
                out.push('_');
            }
        }
        // Java's `\s` is ASCII whitespace (incl. vertical tab).
        if c == '-' || matches!(c, ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r') {
            out.push('_');
        } else {
            out.push(c);
        }
    }
    out.to_lowercase()
}

/// Smithy `CaseUtils.toPascalCase`: lowercase, drop the delimiters `_`, `-` and
/// space, and capitalise the first character and every character that follows
/// a delimiter. A string made only of delimiters is returned lowercased.
fn smithy_pascal_from_snake(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut capitalize_next = true;
    for c in lower.chars() {
        if matches!(c, '_' | '-' | ' ') {
            capitalize_next = true;
        } else if capitalize_next || out.is_empty() {
            out.push(title_case(c));
            capitalize_next = false;
        } else {
            out.push(c);
        }
    }
    if out.is_empty() {
        lower
    } else {
        out
    }
}

/// Java's `Character.toTitleCase` maps one code point to one code point;
/// where Rust's uppercase mapping would expand (`ß` -> `SS`) keep the char.
fn title_case(c: char) -> char {
    let mut up = c.to_uppercase();
    match (up.next(), up.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// snake_case as smithy-rs's `toSnakeCase` computes it for fields, methods
/// and modules. Unlike Smithy's regex version it keeps acronyms together
/// (`AgentStatusARN` -> `agent_status_arn`, `DBProxy` -> `db_proxy`), leaves
/// plural acronyms alone (`ARNs` -> `arns`), splits a lowercase letter off a
/// digit only in all-lowercase names (`s3key` -> `s3_key` but `S3key` ->
/// `s3key`), and never splits `ipv4`, `ipv6`, `sigv4`, `mib`, `gib`, `kib` or
/// `ttl`. Any non-alphanumeric character is a separator and is dropped. This
/// is the raw converter: no keyword escaping.
pub fn snake_case(s: &str) -> String {
    split_words(s).join("_")
}

/// The word splitter behind [`snake_case`]; returns lowercased words.
fn split_words(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let all_lowercase = s.to_lowercase() == s;
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();

    for (i, &c) in chars.iter().enumerate() {
        let peek = chars.get(i + 1).copied();
        let double_peek = chars.get(i + 2).copied();

        if !c.is_alphanumeric() {
            // A separator ends the word and is itself dropped.
            if !current.is_empty() {
                words.push(current.to_lowercase());
            }
            current.clear();
            continue;
        }
        if current.is_empty() {
            current.push(c);
            continue;
        }
        let last = current.chars().last().expect("current is not empty");
        let in_complete_word = complete_word_in_progress(&current, &chars[i..]);

        let boundary =
            (!in_complete_word && c.is_uppercase() && (last.is_lowercase() || last.is_numeric()))
                || (!in_complete_word && all_lowercase && last.is_numeric() && c.is_lowercase())
                || end_of_acronym(last, c, peek, double_peek);
        if boundary {
            words.push(current.to_lowercase());
            current.clear();
        }
        current.push(c);
    }
    if !current.is_empty() {
        words.push(current.to_lowercase());
    }
    words
}

/// True when the word being built plus the rest of the input starts with one
/// of [`COMPLETE_WORDS`] that has not been completed yet, i.e. we are in the
/// middle of `IPv4` and must not split before the `v`.
fn complete_word_in_progress(current: &str, rest: &[char]) -> bool {
    let current_lower = current.to_lowercase();
    if COMPLETE_WORDS.contains(&current_lower.as_str()) {
        return false;
    }
    let mut joined = current_lower;
    // The longest complete word is 5 characters, so a few characters suffice.
    joined.extend(rest.iter().take(8).flat_map(|c| c.to_lowercase()));
    COMPLETE_WORDS.iter().any(|w| joined.starts_with(w))
}

/// An acronym ends before a capital that is followed by a lowercase letter
/// (`DB|Proxy`, `IAM|User`), except for plural acronyms (`AC[L]s` when the
/// `s` ends the word) and versioned names (`DynamoD[B]v2`).
fn end_of_acronym(last: char, c: char, peek: Option<char>, double_peek: Option<char>) -> bool {
    if !last.is_uppercase() || !c.is_uppercase() {
        return false;
    }
    let Some(peek) = peek.filter(|p| p.is_lowercase()) else {
        return false;
    };
    if peek == 's' && !double_peek.is_some_and(|d| d.is_lowercase()) {
        return false;
    }
    if peek == 'v' && double_peek.is_some_and(|d| d.is_ascii_digit()) {
        return false;
    }
    true
}

// ---------------------------------------------------------------------------
// Keywords and escaping helpers
// ---------------------------------------------------------------------------

/// Whether `s` cannot be used as a plain identifier: Rust strict and reserved
/// keywords of the 2018/2021 editions (including `try`), plus `gen` (reserved
/// in 2024; escaping it is harmless in 2021 since `r#gen` and `gen` name the
/// same item). Weak keywords such as `union` are usable and not listed.
pub fn is_rust_keyword(s: &str) -> bool {
    RUST_KEYWORDS.contains(&s)
}

/// `self`, `Self`, `crate` and `super` cannot be raw identifiers, so smithy-rs
/// gives them fixed replacements; `SelfValue` is bumped too so that it cannot
/// collide with a renamed `Self`.
fn non_raw_replacement(s: &str) -> Option<&'static str> {
    match s {
        "self" => Some("self_"),
        "crate" => Some("crate_"),
        "super" => Some("super_"),
        "Self" => Some("SelfValue"),
        "SelfValue" => Some("SelfValue_"),
        _ => None,
    }
}

/// Escapes an identifier used as a field, method or variant: a fixed
/// replacement for the words that cannot be raw, `r#` for other keywords.
fn escape_identifier(s: &str) -> String {
    if let Some(rep) = non_raw_replacement(s) {
        rep.to_string()
    } else if is_rust_keyword(s) {
        format!("r#{s}")
    } else {
        s.to_string()
    }
}

/// smithy-rs prefixes member-derived identifiers that start with a digit
/// (after any leading underscores) with `_`, since `1abc` is not an identifier.
fn prefix_leading_digit(s: String) -> String {
    let first_non_underscore = s.chars().find(|c| *c != '_');
    if first_non_underscore.is_some_and(|c| c.is_ascii_digit()) {
        format!("_{s}")
    } else {
        s
    }
}

/// Before Pascal-casing something that must become an identifier, turn any
/// character `CaseUtils` would keep but Rust rejects (`.`, `/`, ...) into a
/// word break. Smithy identifiers never contain such characters, so this only
/// matters for hand-written or synthetic inputs.
fn identifier_safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Types and operations
// ---------------------------------------------------------------------------

/// Name of the Rust type generated for a structure, union, enum or error
/// shape. smithy-rs Pascal-cases the shape name (errors keep their
/// `Exception` suffix in the AWS SDK). `Self` cannot be a type name, so it
/// becomes `SelfValue` (and a real `SelfValue` becomes `SelfValue_`).
pub fn type_name(shape_name: &str) -> String {
    let pascal = pascal_case(&identifier_safe(shape_name));
    match non_raw_replacement(&pascal) {
        Some(rep) => rep.to_string(),
        None => prefix_leading_digit(pascal),
    }
}

/// Name of the operation struct (and the stem of `<Op>Error`,
/// `<Op>FluentBuilder`, `<Op>Paginator`). smithy-rs only uppercases the first
/// letter of the raw operation name here, so acronyms survive
/// (`StartWebRTCContact`), unlike the `<Op>Input`/`<Op>Output` shapes.
pub fn operation_type_name(op_name: &str) -> String {
    let mut chars = op_name.chars();
    let name = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
        None => String::new(),
    };
    match non_raw_replacement(&name) {
        Some(rep) => rep.to_string(),
        None => name,
    }
}

/// Name of the per-operation error enum: `<Op>Error`, built from the raw
/// operation type name (`StartWebRTCContactError`).
pub fn operation_error_type_name(op_name: &str) -> String {
    format!("{}Error", operation_type_name(op_name))
}

/// Name of an operation's input struct. smithy-rs synthesises a shape named
/// `<Op>Input` and Pascal-cases the whole name, so acronyms collapse
/// (`StartWebRtcContactInput`), unlike [`operation_type_name`].
pub fn operation_input_type_name(op_name: &str) -> String {
    type_name(&format!("{op_name}Input"))
}

/// Name of an operation's output struct; see [`operation_input_type_name`].
pub fn operation_output_type_name(op_name: &str) -> String {
    type_name(&format!("{op_name}Output"))
}

/// Name of the public per-operation module (`crate::operation::<module>`),
/// which is also the client method name: the snake form of the operation
/// name, with keywords made usable by a trailing `_`.
pub fn operation_module(op_name: &str) -> String {
    module_name(&snake_case(op_name))
}

/// Turns an already snake-cased name into a module name. Module names cannot
/// be raw identifiers in `mod` paths smithy-rs writes, so keywords (and
/// `self`/`crate`/`super`) get a trailing `_` instead: `type` -> `type_`.
pub fn module_name(snake: &str) -> String {
    if is_rust_keyword(snake) {
        format!("{snake}_")
    } else {
        snake.to_string()
    }
}

/// Name of the private module that holds a generated type, e.g.
/// `types/_access_type.rs` for `AccessType`: `_` plus the module-escaped
/// snake form of the Rust type name.
pub fn type_module_name(type_name: &str) -> String {
    // `SelfValue_` (the escape of a shape named `SelfValue`) keeps its `_` so that it does not
    // share a module with `SelfValue` (the escape of `Self`).
    let suffix = if type_name.ends_with('_') { "_" } else { "" };
    format!("_{}{suffix}", module_name(&snake_case(type_name)))
}

// ---------------------------------------------------------------------------
// Members
// ---------------------------------------------------------------------------

/// Name of a structure member's field, accessor and builder method. smithy-rs
/// snake-cases the raw member name, then renames members that would clash
/// with generated methods (`build`, `builder`, `default` -> `*_value`, plus
/// the client SDK's `send`, `make_operation`, `presigned`, `customize`,
/// `meta`), escapes keywords as raw identifiers (`r#type`) and maps the words
/// that cannot be raw (`self` -> `self_`, `crate_`, `super_`).
pub fn field_name(member_name: &str) -> String {
    let snake = snake_case(member_name);
    if let Some((_, renamed)) = STRUCT_MEMBER_RENAMES
        .iter()
        .find(|(from, _)| *from == snake)
    {
        return (*renamed).to_string();
    }
    prefix_leading_digit(escape_identifier(&snake))
}

/// Whether [`field_name`] renamed the member (as opposed to leaving it alone
/// or merely `r#`-escaping it). smithy-rs documents such members with
/// "_Note: This member has been renamed from `<snake>`._".
pub fn field_renamed_from(member_name: &str) -> Option<String> {
    let snake = snake_case(member_name);
    let field = field_name(member_name);
    (field != snake && !field.starts_with("r#")).then_some(snake)
}

/// Name of the builder's `set_*` method. smithy-rs builds it from the *raw*
/// member name and never escapes it, so `type` gives `set_type` and
/// `Default` gives `set_default` even though the field is `default_value`.
pub fn setter_name(member_name: &str) -> String {
    format!("set_{}", snake_case(member_name))
}

/// Name of the builder's `get_*` method; same rule as [`setter_name`]
/// (`get_type`, `get_default`).
pub fn getter_name(member_name: &str) -> String {
    format!("get_{}", snake_case(member_name))
}

/// Variant name for a string-enum member. smithy-rs Pascal-cases the member
/// name twice (once to name the variant, once more when it resolves that
/// name through its member-name provider), which only matters for names with
/// one-letter words (`A_B` -> `AB` -> `Ab`). `Unknown` is taken by the
/// catch-all variant, so it becomes `UnknownValue`; `Self` becomes
/// `SelfValue`. Both targets are bumped with `_` if they occur for real.
pub fn enum_variant_name(member_name: &str) -> String {
    let once = pascal_case(&identifier_safe(member_name));
    variant_escape(pascal_case(&once))
}

/// Variant name for a union member: Pascal case (once), `Unknown` ->
/// `UnknownValue` because generated unions have their own data-less
/// `Unknown` variant, and `Self` -> `SelfValue`.
pub fn union_variant_name(member_name: &str) -> String {
    variant_escape(pascal_case(&identifier_safe(member_name)))
}

/// Shared tail of the enum and union variant rules.
fn variant_escape(pascal: String) -> String {
    match pascal.as_str() {
        "Unknown" => "UnknownValue".to_string(),
        "UnknownValue" => "UnknownValue_".to_string(),
        _ => match non_raw_replacement(&pascal) {
            Some(rep) => rep.to_string(),
            None => prefix_leading_digit(pascal),
        },
    }
}

/// The `x` in a union's `as_x()` / `is_x()` methods. smithy-rs snake-cases
/// the (already escaped) *variant* name, so a renamed `Unknown` member gets
/// `as_unknown_value` and does not clash with `is_unknown()`; the prefix makes
/// keyword escaping unnecessary.
pub fn union_variant_method_suffix(variant_name: &str) -> String {
    let suffix = if variant_name.ends_with('_') { "_" } else { "" };
    format!("{}{suffix}", snake_case(variant_name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(f: fn(&str) -> String, cases: &[(&str, &str)]) {
        for (input, expected) in cases {
            assert_eq!(f(input), *expected, "input {input:?}");
        }
    }

    #[test]
    fn pascal_case_collapses_acronyms() {
        check(
            pascal_case,
            &[
                (
                    "EvaluationGenAIAnswerAnalysisDetails",
                    "EvaluationGenAiAnswerAnalysisDetails",
                ),
                ("AWSIdentityArn", "AwsIdentityArn"),
                ("GenAI", "GenAi"),
                ("LexV2Bot", "LexV2Bot"),
                ("StartWebRTCContactInput", "StartWebRtcContactInput"),
                ("ARNs", "ArNs"),
                ("Level5", "Level5"),
                ("L1Ids", "L1Ids"),
                ("FlowContentSha256", "FlowContentSha256"),
                ("ABCDef", "AbcDef"),
                ("A", "A"),
                ("a", "A"),
                ("", ""),
            ],
        );
    }

    #[test]
    fn pascal_case_of_enum_style_names() {
        check(
            pascal_case,
            &[
                ("EN_US", "EnUs"),
                ("EnUS", "EnUs"),
                ("en-US", "EnUs"),
                ("en_US", "EnUs"),
                ("Q_MESSAGE_TEMPLATES", "QMessageTemplates"),
                ("IPV4", "Ipv4"),
                ("AS", "As"),
                ("SEND", "Send"),
                ("hello world", "HelloWorld"),
                ("__leading", "Leading"),
                ("trailing__", "Trailing"),
                ("a.b", "A.b"),
                ("___", "___"),
                ("1ABC", "1Abc"),
            ],
        );
    }

    #[test]
    fn snake_case_keeps_acronyms_together() {
        check(
            snake_case,
            &[
                ("AgentStatusARN", "agent_status_arn"),
                ("ARNs", "arns"),
                ("ACLs", "acls"),
                ("ACLsFoo", "acls_foo"),
                ("ACLsfoo", "ac_lsfoo"),
                ("S3Config", "s3_config"),
                ("s3key", "s3_key"),
                ("S3key", "s3key"),
                ("DBProxy", "db_proxy"),
                ("IAMUser", "iam_user"),
                ("StartWebRTCContact", "start_web_rtc_contact"),
                ("AWSIdentityArn", "aws_identity_arn"),
                ("L1Ids", "l1_ids"),
                ("Level5", "level5"),
                ("FlowContentSha256", "flow_content_sha256"),
                ("GenAI", "gen_ai"),
                ("GenAi", "gen_ai"),
                ("tagKeys", "tag_keys"),
                ("resourceArn", "resource_arn"),
                ("LexV2Bot", "lex_v2_bot"),
                ("DynamoDBv2", "dynamo_dbv2"),
                (
                    "EvaluationGenAIAnswerAnalysisDetails",
                    "evaluation_gen_ai_answer_analysis_details",
                ),
            ],
        );
    }

    #[test]
    fn snake_case_never_splits_complete_words() {
        check(
            snake_case,
            &[
                ("IPv4Address", "ipv4_address"),
                ("Ipv6Cidr", "ipv6_cidr"),
                ("SigV4Auth", "sigv4_auth"),
                ("sizeInMiB", "size_in_mib"),
                ("SizeGiB", "size_gib"),
                ("KiB", "kib"),
                ("TtL", "ttl"),
                ("DnsTTL", "dns_ttl"),
                ("ipv4address", "ipv4_address"),
            ],
        );
    }

    #[test]
    fn snake_case_separators_and_odd_inputs() {
        check(
            snake_case,
            &[
                ("Q_MESSAGE_TEMPLATES", "q_message_templates"),
                ("en-US", "en_us"),
                ("a.b", "a_b"),
                ("hello world", "hello_world"),
                ("__x__", "x"),
                ("A", "a"),
                ("a", "a"),
                ("ABC", "abc"),
                ("MAX_RESULTS", "max_results"),
                ("1abc", "1_abc"),
                ("1Abc", "1_abc"),
                ("", ""),
                ("type", "type"),
                ("Self", "self"),
            ],
        );
    }

    #[test]
    fn type_names() {
        check(
            type_name,
            &[
                (
                    "EvaluationGenAIAnswerAnalysisDetails",
                    "EvaluationGenAiAnswerAnalysisDetails",
                ),
                ("AccessDeniedException", "AccessDeniedException"),
                ("Self", "SelfValue"),
                ("SelfValue", "SelfValue_"),
                ("Option", "Option"),
                ("Type", "Type"),
                ("type", "Type"),
                ("_1Foo", "_1Foo"),
                ("a.b", "AB"),
            ],
        );
    }

    #[test]
    fn operation_names_are_deliberately_inconsistent() {
        check(
            operation_type_name,
            &[
                ("StartWebRTCContact", "StartWebRTCContact"),
                ("listThings", "ListThings"),
                ("Self", "SelfValue"),
            ],
        );
        check(
            operation_error_type_name,
            &[("StartWebRTCContact", "StartWebRTCContactError")],
        );
        check(
            operation_input_type_name,
            &[
                ("StartWebRTCContact", "StartWebRtcContactInput"),
                ("GetMetricDataV2", "GetMetricDataV2Input"),
            ],
        );
        check(
            operation_output_type_name,
            &[("StartWebRTCContact", "StartWebRtcContactOutput")],
        );
        check(
            operation_module,
            &[
                ("StartWebRTCContact", "start_web_rtc_contact"),
                ("GetMetricDataV2", "get_metric_data_v2"),
                ("Type", "type_"),
                ("Self", "self_"),
            ],
        );
    }

    #[test]
    fn module_names_escape_with_trailing_underscore() {
        check(
            module_name,
            &[
                ("type", "type_"),
                ("self", "self_"),
                ("crate", "crate_"),
                ("super", "super_"),
                ("try", "try_"),
                ("gen", "gen_"),
                ("foo", "foo"),
            ],
        );
        check(
            type_module_name,
            &[
                ("AccessType", "_access_type"),
                ("Type", "_type_"),
                (
                    "EvaluationGenAiAnswerAnalysisDetails",
                    "_evaluation_gen_ai_answer_analysis_details",
                ),
            ],
        );
    }

    #[test]
    fn field_names_escape_and_rename() {
        check(
            field_name,
            &[
                ("Type", "r#type"),
                ("type", "r#type"),
                ("Enum", "r#enum"),
                ("Self", "self_"),
                ("self", "self_"),
                ("crate", "crate_"),
                ("super", "super_"),
                ("Default", "default_value"),
                ("build", "build_value"),
                ("Builder", "builder_value"),
                ("send", "send_value"),
                ("Meta", "meta_value"),
                ("try", "r#try"),
                ("Async", "r#async"),
                ("gen", "r#gen"),
                ("union", "union"),
                ("Unknown", "unknown"),
                ("AgentStatusARN", "agent_status_arn"),
                ("tagKeys", "tag_keys"),
                ("L1Ids", "l1_ids"),
                ("Level5", "level5"),
                ("_1abc", "_1_abc"),
                ("X", "x"),
            ],
        );
    }

    #[test]
    fn renamed_members_are_reported() {
        assert_eq!(field_renamed_from("Default"), Some("default".to_string()));
        assert_eq!(field_renamed_from("Self"), Some("self".to_string()));
        assert_eq!(field_renamed_from("Type"), None);
        assert_eq!(field_renamed_from("Name"), None);
    }

    #[test]
    fn setters_and_getters_use_the_raw_name() {
        check(
            setter_name,
            &[
                ("Type", "set_type"),
                ("Default", "set_default"),
                ("Self", "set_self"),
                ("AgentStatusARN", "set_agent_status_arn"),
            ],
        );
        check(
            getter_name,
            &[
                ("Type", "get_type"),
                ("Default", "get_default"),
                ("build", "get_build"),
            ],
        );
    }

    #[test]
    fn enum_variants() {
        check(
            enum_variant_name,
            &[
                ("EN_US", "EnUs"),
                ("EnUS", "EnUs"),
                ("en-US", "EnUs"),
                ("Q_MESSAGE_TEMPLATES", "QMessageTemplates"),
                ("Unknown", "UnknownValue"),
                ("UNKNOWN", "UnknownValue"),
                ("UnknownValue", "UnknownValue_"),
                ("Self", "SelfValue"),
                ("SelfValue", "SelfValue_"),
                ("Enum", "Enum"),
                ("AS", "As"),
                ("A_B", "Ab"),
                ("IPV6", "Ipv6"),
                ("_1X", "_1X"),
            ],
        );
    }

    #[test]
    fn union_variants() {
        check(
            union_variant_name,
            &[
                ("AWSIdentityArn", "AwsIdentityArn"),
                ("GenAI", "GenAi"),
                ("Unknown", "UnknownValue"),
                ("UnknownValue", "UnknownValue_"),
                ("Self", "SelfValue"),
                ("String", "String"),
                ("A_B", "AB"),
            ],
        );
        check(
            union_variant_method_suffix,
            &[
                ("GenAi", "gen_ai"),
                ("AwsIdentityArn", "aws_identity_arn"),
                ("UnknownValue", "unknown_value"),
                ("SelfValue", "self_value"),
                ("String", "string"),
            ],
        );
    }

    #[test]
    fn keywords() {
        for kw in [
            "type", "enum", "try", "gen", "async", "await", "dyn", "yield", "self", "Self",
            "crate", "super", "abstract", "macro",
        ] {
            assert!(is_rust_keyword(kw), "{kw}");
        }
        for word in [
            "union",
            "SelfValue",
            "Type",
            "default",
            "build",
            "raw",
            "safe",
            "static_",
        ] {
            assert!(!is_rust_keyword(word), "{word}");
        }
    }
}
