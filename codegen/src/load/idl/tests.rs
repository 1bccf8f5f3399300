//! Unit tests of the IDL reader: lexer and parser edge cases, resolution, and the load path.

use std::path::Path;

use serde_json::{json, Value};

use super::lexer::{strip_incidental_whitespace, tokenize, unescape, Kind};
use super::{check_syntax, to_json_ast};
use crate::load::load_sources;
use crate::model::{ShapeId, ShapeKind};

const FILE: &str = "model.smithy";

/// The JSON AST of one IDL file.
fn doc(text: &str) -> Value {
    to_json_ast(&[(Path::new(FILE), text)]).unwrap_or_else(|e| panic!("{e}")).remove(0)
}

/// The error (as displayed) of one IDL file.
fn err(text: &str) -> String {
    match to_json_ast(&[(Path::new(FILE), text)]) {
        Ok(d) => panic!("expected an error, got {d:?}"),
        Err(e) => e.to_string(),
    }
}

fn shape(d: &Value, id: &str) -> Value {
    d["shapes"].get(id).cloned().unwrap_or_else(|| panic!("no shape {id} in {d}"))
}

/// The documentation of `ex#Name` (or of a member, `Name$member`).
fn trait_of(d: &Value, id: &str, t: &str) -> Value {
    let (root, member) = match id.split_once('$') {
        Some((r, m)) => (r, Some(m)),
        None => (id, None),
    };
    let s = shape(d, &format!("ex#{root}"));
    let slot = match member {
        None => s,
        Some(m) => s["members"].get(m).or_else(|| s.get(m)).cloned().unwrap_or(Value::Null),
    };
    slot["traits"].get(t).cloned().unwrap_or(Value::Null)
}

fn docs_of(d: &Value, id: &str) -> Value {
    trait_of(d, id, "smithy.api#documentation")
}

fn v2(body: &str) -> String {
    format!("$version: \"2\"\nnamespace ex\n{body}")
}

// ---------------------------------------------------------------------------------------------
// Lexer: strings, text blocks, escapes, comments, numbers
// ---------------------------------------------------------------------------------------------

#[test]
fn text_blocks_follow_the_spec_examples() {
    let cases = [
        // Closing delimiter on its own line: trailing newline, common indentation removed.
        ("    <div>\n        <p>Hello!</p>\n    </div>\n    ", "<div>\n    <p>Hello!</p>\n</div>\n"),
        // Closing delimiter on the last content line: no trailing newline.
        ("    <div>\n        <p>Hello!</p>\n    </div>", "<div>\n    <p>Hello!</p>\n</div>"),
        // Closing delimiter at the margin: it sets the indentation to remove (none).
        ("    Foo\n        Baz\n    Bar\n", "    Foo\n        Baz\n    Bar\n"),
        // Closing delimiter to the right of the content: no bearing; trailing spaces trimmed.
        ("    Foo\n        Baz\n    Bar\n            ", "Foo\n    Baz\nBar\n"),
        // Blank and whitespace-only lines do not count.
        ("    Foo\n        Baz\n\n  \n    Bar\n    ", "Foo\n    Baz\n\n\nBar\n"),
    ];
    for (raw, want) in cases {
        assert_eq!(strip_incidental_whitespace(raw), want, "for {raw:?}");
    }
    let d = doc(&v2(concat!(
        "@documentation(\"\"\"\n  <div>\n    <p>Hi\\n    bar</p>\n  </div>\n  \"\"\")\nstring A\n",
        "@documentation(\"\"\"\n    Foo \\\n    Baz \\\n    Bam\"\"\")\nstring B\n",
        "@documentation(\"\"\"\n    foo \\\"\"\"\n    baz\"\"\")\nstring C\n",
        "@documentation(\"\"\"\n    \"hello!\"\n    \"\"\")\nstring D\n",
        "@documentation(\"\"\"   \r\n    crlf\r\n    text\r\n    \"\"\")\nstring E\n",
        "@documentation(\"\"\"\n    \"\"\")\nstring F\n",
    )));
    assert_eq!(docs_of(&d, "A"), json!("<div>\n  <p>Hi\n    bar</p>\n</div>\n"), "escapes expand after dedenting");
    assert_eq!(docs_of(&d, "B"), json!("Foo Baz Bam"), "escaped newlines vanish");
    assert_eq!(docs_of(&d, "C"), json!("foo \"\"\"\nbaz"), "an escaped quote does not close");
    assert_eq!(docs_of(&d, "D"), json!("\"hello!\"\n"), "quotes need no escape");
    assert_eq!(docs_of(&d, "E"), json!("crlf\ntext\n"), "CR LF becomes LF; spaces after the opening are fine");
    assert_eq!(docs_of(&d, "F"), json!(""));
}

#[test]
fn malformed_text_blocks_are_errors() {
    for (text, want) in [
        (
            "@documentation(\"\"\"foo\"\"\")\nstring A\n",
            "3:16: invalid text block: the opening `\"\"\"` must be followed by a line break",
        ),
        ("@documentation(\"\"\"\"\"\")\nstring A\n", "3:16: invalid text block"),
        ("@documentation(\"\"\"\n  foo\")\nstring A\n", "3:16: this text block is never closed"),
        ("@documentation(\"\"\"\n  \\ua\"\"\")\nstring A\n", "3:16: invalid text block: unclosed unicode escape"),
    ] {
        let e = err(&v2(text));
        assert!(e.contains(want), "{e}\nshould contain {want}");
    }
}

#[test]
fn string_escapes() {
    assert_eq!(unescape(r#"\" \\ \/ \b \f \n \r \t"#).unwrap(), "\" \\ / \u{8} \u{c} \n \r \t");
    assert_eq!(unescape(r"\u00e9\u20AC").unwrap(), "é€");
    assert_eq!(unescape(r"\uD83D\uDE00").unwrap(), "😀", "surrogate pairs combine");
    assert_eq!(unescape("a\\\nb").unwrap(), "ab", "an escaped newline expands to nothing");
    for bad in [r"\a", r"\'", r"\ ", r"\u12", r"\u12G4", r"\uD800", r"\uDC00", r"\uD800\u0041"] {
        assert!(unescape(bad).is_err(), "{bad} must be rejected");
    }
    let d = doc(&v2("@documentation(\"line1\r\nline2\\\r\n  cont \\u0041\")\nstring A\n"));
    assert_eq!(docs_of(&d, "A"), json!("line1\nline2  cont A"), "CR LF normalised, escaped CR LF removed");
    let e = err(&v2("@documentation(\"bad \\q\")\nstring A\n"));
    assert!(e.contains("3:16: invalid string: invalid escape `\\q`"), "{e}");
    let e = err(&v2("@documentation(\"never closed)\nstring A\n"));
    assert!(e.contains("3:16: this string is never closed"), "{e}");
}

#[test]
fn comments_and_commas_are_whitespace() {
    let d = doc(&v2(concat!(
        ",,, // a comment\n",
        "@tags([\"a\",,, \"b\" // comment inside a value\n , ])\n",
        "structure A {,,, a: String,,, // trailing\n b: Integer,,,}\n",
        "map M { key: String, value: String, }\n",
        "@paginated(inputToken: \"a\" outputToken: \"b\",)\n",
        "operation O { input: A, errors: [E,,,] }\n",
        "@error(\"client\") structure E {}\n",
    )));
    assert_eq!(trait_of(&d, "A", "smithy.api#tags"), json!(["a", "b"]));
    assert_eq!(shape(&d, "ex#A")["members"].as_object().map(|m| m.len()), Some(2));
    assert_eq!(trait_of(&d, "O", "smithy.api#paginated"), json!({"inputToken": "a", "outputToken": "b"}));
    assert_eq!(shape(&d, "ex#O")["errors"], json!([{ "target": "ex#E" }]));
    // A comma is not the `SP` some productions need.
    assert!(err(&v2("string,A\n"))
        .contains("3:7: expected a space and then the shape name after `string` on the same line, found a comma"));
}

#[test]
fn doc_comments_attach_only_right_before_a_shape_or_member() {
    let d = doc(&v2(concat!(
        "/// First line.\n",
        "///   Indented second line.\n",
        "// a plain comment between doc lines\n",
        "///\n",
        "/// After an empty doc line.\n",
        "@deprecated\n",
        "/// Ignored: after the traits.\n",
        "structure A {\n",
        "    /// Member docs.\n",
        "    @required\n",
        "    /// Ignored too.\n",
        "    a: String\n",
        "\n",
        "    b: String /// not a doc comment: it follows a token on its line\n",
        "    c: String\n",
        "}\n",
        "string B /// trailing, ignored\n",
        "string C\n",
        "/// Ignored: documents an apply statement.\n",
        "apply C @sensitive\n",
        "operation O {\n",
        "    input /// ignored: before `:=`\n",
        "    := {}\n",
        "    output :=\n",
        "        /// Output docs.\n",
        "        {}\n",
        "}\n",
        "/// Dangling at the end of the file.\n",
    )));
    assert_eq!(docs_of(&d, "A"), json!("First line.\n  Indented second line.\n\nAfter an empty doc line."));
    assert_eq!(docs_of(&d, "A$a"), json!("Member docs."));
    assert_eq!(docs_of(&d, "A$b"), Value::Null);
    assert_eq!(docs_of(&d, "A$c"), Value::Null);
    assert_eq!(docs_of(&d, "B"), Value::Null);
    assert_eq!(docs_of(&d, "C"), Value::Null);
    assert_eq!(trait_of(&d, "C", "smithy.api#sensitive"), json!({}));
    assert_eq!(docs_of(&d, "OInput"), Value::Null);
    assert_eq!(docs_of(&d, "OOutput"), json!("Output docs."));
    // An explicit @documentation wins over a doc comment.
    let d = doc(&v2("/// comment\n@documentation(\"explicit\")\nstring A\n"));
    assert_eq!(docs_of(&d, "A"), json!("explicit"));
}

#[test]
fn numbers() {
    let d = doc(concat!(
        "metadata n = [0, -0, 7, -12, 1.5, -2.5e3, 1E2, 1e-2, 9223372036854775807, -9223372036854775808,\n",
        "    18446744073709551615, 18446744073709551616]\n",
    ));
    let n = &d["metadata"]["n"];
    assert_eq!(n[0], json!(0));
    assert_eq!(n[2], json!(7));
    assert_eq!(n[3], json!(-12));
    assert_eq!(n[4], json!(1.5));
    assert_eq!(n[5], json!(-2500.0));
    assert_eq!(n[6], json!(100.0));
    assert_eq!(n[7], json!(0.01));
    assert_eq!(n[8], json!(i64::MAX));
    assert_eq!(n[9], json!(i64::MIN));
    assert_eq!(n[10], json!(u64::MAX));
    assert_eq!(n[11], json!(18446744073709551616.0), "beyond 64 bits: a double");
    for (bad, want) in [
        ("metadata n = 1.", "1:14: invalid number `1.`: `.` must be followed by a digit"),
        ("metadata n = 1e", "1:14: invalid number `1e`: an exponent"),
        ("metadata n = 1.0e+", "1:14: invalid number `1.0e+`: an exponent"),
        ("metadata n = -", "1:14: invalid number `-`: `-` must be followed by a digit"),
        ("metadata n = .5", "1:14: expected a value"),
        ("metadata n = 1e999", "1:14: the number `1e999` is out of range"),
        ("metadata n = [01]", "1:15: invalid number `01`: a number cannot start with `0` followed by a digit"),
        ("metadata n = [1a]", "1:15: invalid number `1a`: a number must be followed by whitespace or punctuation"),
    ] {
        let e = err(bad);
        assert!(e.contains(want), "{bad}: {e}\nshould contain {want}");
    }
}

#[test]
fn tokens_know_their_positions_and_gaps() {
    let toks = tokenize("a  b\n  /// doc\n  c,d é\"x\"");
    let kinds: Vec<Kind> = toks.iter().map(|t| t.kind).collect();
    assert_eq!(kinds, [Kind::Ident, Kind::Ident, Kind::Ident, Kind::Ident, Kind::Error, Kind::Eof]);
    assert_eq!((toks[1].line, toks[1].col), (1, 4));
    assert!(toks[1].gap.is_spaces());
    assert_eq!((toks[2].line, toks[2].col, toks[2].doc.as_deref()), (3, 3, Some("doc")));
    assert!(toks[2].gap.newline);
    assert!(toks[3].gap.comma && !toks[3].gap.is_spaces());
    assert_eq!((toks[4].line, toks[4].col), (3, 7), "columns count characters");
    assert_eq!(toks[4].value.as_deref(), Some("unexpected character `é`"));
}

// ---------------------------------------------------------------------------------------------
// Parser: node values, traits, statements, errors
// ---------------------------------------------------------------------------------------------

#[test]
fn nested_node_values() {
    let d = doc(&v2(concat!(
        "@trait structure meta {}\n",
        "@meta({\n",
        "    unquoted: [1, \"two\", true, false, null, {deep: [[[]]]}],\n",
        "    \"quoted key\": {a: {b: {c: \"d\"}}},\n",
        "    shapeRef: A,\n",
        "    memberRef: A$a,\n",
        "    absolute: smithy.api#String,\n",
        "    text: \"\"\"\n        block\n        \"\"\",\n",
        "})\n",
        "structure A { a: String }\n",
    )));
    assert_eq!(
        trait_of(&d, "A", "ex#meta"),
        json!({
            "unquoted": [1, "two", true, false, null, {"deep": [[[]]]}],
            "quoted key": {"a": {"b": {"c": "d"}}},
            "shapeRef": "ex#A",
            "memberRef": "ex#A$a",
            "absolute": "smithy.api#String",
            "text": "block\n",
        })
    );
    let deep = |n: usize| format!("metadata m = {}{}\n", "[".repeat(n), "]".repeat(n));
    assert!(to_json_ast(&[(Path::new(FILE), deep(101).as_str())]).is_ok());
    assert!(err(&deep(102)).contains("1:115: node values are nested more than 100 levels deep"));
    // Far deeper than any stack could recurse: an error, not an overflow.
    let e = err(&format!("metadata m = {}", "[{a:".repeat(200_000)));
    assert!(e.contains("nested more than 100 levels deep"), "{e}");
    assert!(err("metadata m = {a: 1, a: 2}").contains("1:21: duplicate key `a`"));
}

#[test]
fn trait_value_forms() {
    let d = doc(&v2(concat!(
        "@trait structure obj {}\n@trait list lst { member: String }\n@trait string str\n",
        "@obj @lst @str @sensitive @tags @deprecated() @unknown.ns#thing\n",
        "string A\n",
        "@str(\"s\") @obj(a: 1, \"b\": A) @lst([\"x\"]) @documentation(\"\"\"\n    text\"\"\")\n",
        "@range(min: 1) @ex#lst([\"y\"]) @since(A)\n",
        "string B\n",
    )));
    assert_eq!(trait_of(&d, "A", "ex#obj"), json!({}), "structure trait: {{}}");
    assert_eq!(trait_of(&d, "A", "ex#lst"), json!([]), "list trait: []");
    assert_eq!(shape(&d, "ex#A")["traits"]["ex#str"], Value::Null, "other traits: null");
    assert_eq!(trait_of(&d, "A", "smithy.api#tags"), json!([]), "prelude list trait");
    assert_eq!(trait_of(&d, "A", "smithy.api#deprecated"), json!({}));
    assert_eq!(trait_of(&d, "A", "unknown.ns#thing"), json!({}), "undefined trait: assumed a structure");
    assert_eq!(trait_of(&d, "B", "ex#str"), json!("s"));
    assert_eq!(trait_of(&d, "B", "ex#obj"), json!({"a": 1, "b": "ex#A"}));
    assert_eq!(trait_of(&d, "B", "ex#lst"), json!(["x", "y"]), "a list trait given twice concatenates");
    assert_eq!(trait_of(&d, "B", "smithy.api#documentation"), json!("text"));
    assert_eq!(trait_of(&d, "B", "smithy.api#range"), json!({"min": 1}));
    assert_eq!(trait_of(&d, "B", "smithy.api#since"), json!("ex#A"), "an unquoted value is a shape ID");
    // A word that names no shape is almost always a forgotten pair of quotes.
    let e = err(&v2("@error(client)\nstructure E {}\n"));
    assert!(e.contains("3:8: the unquoted value `client` is a shape ID, but `ex#client` does not exist"), "{e}");
}

#[test]
fn apply_statements_fold_into_local_shapes() {
    let d = doc(&v2(concat!(
        "@tags([\"a\"]) @length(min: 1)\nstring A\n",
        "apply A @tags([\"b\"])\n",
        "apply A {\n    @length(min: 1)\n    @documentation(\"doc\")\n}\n",
        "structure S { m: String }\n",
        "apply S$m @required\n",
        "apply other#Shape @sensitive\n",
        "apply S$m {}\n",
    )));
    assert_eq!(trait_of(&d, "A", "smithy.api#tags"), json!(["a", "b"]), "list traits concatenate");
    assert_eq!(trait_of(&d, "A", "smithy.api#length"), json!({"min": 1}), "equal values are fine");
    assert_eq!(docs_of(&d, "A"), json!("doc"));
    assert_eq!(trait_of(&d, "S$m", "smithy.api#required"), json!({}));
    assert_eq!(shape(&d, "other#Shape"), json!({"type": "apply", "traits": {"smithy.api#sensitive": {}}}));
    let e = err(&v2("@length(min: 1)\nstring A\napply A @length(min: 2)\n"));
    assert!(e.contains("5:10:") && e.contains("`smithy.api#length` is applied twice with different values"), "{e}");
}

#[test]
fn syntax_errors_say_where_and_what() {
    let cases: &[(&str, &str)] = &[
        ("structure A {\n    a: String\n    b\n}\n", "model.smithy: 6:1: expected `:` after the member name `b`, found `}`"),
        ("structure A { a: String } structure B {}\n", "model.smithy: 3:27: expected a line break after the definition of `A`, found `structure`"),
        ("structure A {\n    a: String\n", "model.smithy: 5:1: expected a member definition or `}` to close `A`, found the end of the file"),
        ("strucutre A {}\n", "model.smithy: 3:1: unknown shape type `strucutre`"),
        ("string\nA\n", "model.smithy: 3:7: expected a space and then the shape name after `string` on the same line, found a line break"),
        ("@foo(\nstring A\n", "model.smithy: 4:8: expected `)` or `:` after `string`, found `A`"),
        ("use a.b\n", "model.smithy: 3:8: expected `#` and a shape name after the namespace `a.b`, found a line break"),
        ("structure A for\n", "model.smithy: 3:16: expected a space and then the resource shape ID after `for` on the same line, found a line break"),
        ("apply A\n@deprecated @deprecated\n", "model.smithy: 4:13: expected a line break after the apply statement, found `@`"),
        ("structure A { a: String, A: Integer }\n", "model.smithy: 3:26: the member `A` of `A` conflicts (case-insensitively) with another member"),
        ("string A\nstring A\n", "model.smithy: 4:8: the shape `A` conflicts with the shape defined at 3:8"),
        ("operation O { input: I, input: I }\n", "model.smithy: 3:25: the operation `O` defines `input` twice"),
        ("service S { version: 1 }\n", "model.smithy: 3:13: the service `version` must be a string"),
        ("resource R { read: [A] }\n", "model.smithy: 3:14: `read` must be a shape ID"),
    ];
    for (body, want) in cases {
        let e = err(&v2(body));
        assert!(e.starts_with(want), "for {body:?}:\n got  {e}\n want {want}");
    }
    let e = err("namespace ex\n$version: \"2\"\n");
    assert!(e.contains("2:1: control statements (`$name: value`) must come before metadata and the namespace"), "{e}");
    let e = check_syntax(Path::new("x.smithy"), "$version: \"3\"\n").unwrap_err().to_string();
    assert_eq!(e, "x.smithy: 1:11: unsupported Smithy IDL version `3` (supported: \"1.0\", \"2\", \"2.0\")");
}

#[test]
fn garbage_and_truncated_input_never_panics() {
    let sample = v2(concat!(
        "use smithy.api#String\n",
        "/// Docs\n@tags([\"a\", \"b\"]) @range(min: 1, max: 10)\ninteger N\n",
        "@mixin structure M { @required id: String }\n",
        "resource R { identifiers: { id: String }, properties: { p: String }, read: Get }\n",
        "structure S for R with [M] { $id\n  $p\n  x: N = 1\n  @documentation(\"\"\"\n    t \\u0041\n    \"\"\")\n  y: String }\n",
        "@readonly operation Get { input := for R { @required $id } output := with [M] {} errors: [E] }\n",
        "@error(\"client\") structure E { message: String }\n",
        "enum En { A = \"a\"\n B }\nintEnum IE { ONE = 1\n}\n",
        "list L { member: S }\nmap Mp { key: String, value: L }\n",
        "union U { a: S, b: Unit }\n",
        "apply S$x @sensitive\napply E { @deprecated(since: \"1\") }\n",
        "service Svc { version: \"1\", operations: [Get], rename: { \"ex#S\": \"T\" } }\n",
    ));
    if let Err(e) = load_sources(&[(Path::new(FILE), sample.as_str())]) {
        panic!("the sample must load: {e}");
    }
    let chars: Vec<(usize, char)> = sample.char_indices().collect();
    for (i, _) in &chars {
        let prefix = &sample[..*i];
        let _ = to_json_ast(&[(Path::new(FILE), prefix)]);
        let _ = load_sources(&[(Path::new(FILE), prefix)]);
    }
    // Some bytes swapped for others.
    for (i, _) in chars.iter().step_by(3) {
        for c in ["\"", "{", "}", "@", "$", "#", "\n", "(", ")", "\\", "é", ":", "="] {
            let mut text = sample.clone();
            let end = sample[*i..].chars().next().map_or(*i, |ch| *i + ch.len_utf8());
            text.replace_range(*i..end, c);
            let _ = load_sources(&[(Path::new(FILE), text.as_str())]);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------------------------

#[test]
fn relative_ids_resolve_by_use_then_namespace_then_prelude() {
    let other = "$version: \"2\"\nnamespace ex\nstring Later\n";
    let json =
        r#"{"smithy": "2.0", "shapes": {"ex#FromJson": {"type": "string"}, "imp#Integer": {"type": "integer"}}}"#;
    let main = v2(concat!(
        "use imp#Integer\n",
        "string String\n",
        "structure A {\n",
        "    a: String\n",         // the namespace wins over the prelude
        "    b: Integer\n",        // `use` wins over everything
        "    c: Boolean\n",        // the prelude
        "    d: Later\n",          // defined in another IDL file
        "    e: FromJson\n",       // defined in a JSON file
        "    f: Missing\n",        // nowhere: the namespace (validation reports it)
        "    g: NonEmptyString\n", // a private prelude shape is not in scope
        "    h: smithy.api#String\n",
        "}\n",
    ));
    let docs = to_json_ast(&[
        (Path::new("main.smithy"), main.as_str()),
        (Path::new("other.smithy"), other),
        (Path::new("other.json"), json),
    ])
    .unwrap();
    let members = &docs[0]["shapes"]["ex#A"]["members"];
    let target = |m: &str| members[m]["target"].as_str().unwrap_or_default().to_owned();
    assert_eq!(target("a"), "ex#String");
    assert_eq!(target("b"), "imp#Integer");
    assert_eq!(target("c"), "smithy.api#Boolean");
    assert_eq!(target("d"), "ex#Later");
    assert_eq!(target("e"), "ex#FromJson");
    assert_eq!(target("f"), "ex#Missing");
    assert_eq!(target("g"), "ex#NonEmptyString");
    assert_eq!(target("h"), "smithy.api#String");
    assert_eq!(docs[2]["shapes"]["ex#FromJson"]["type"], "string", "JSON documents pass through");
    let e = err(&v2("use a#X\nuse b#X\n"));
    assert!(e.contains("4:5: cannot use `b#X`: the name `X` is already imported as `a#X`"), "{e}");
    let e = err(&v2("use a#X\nstring X\n"));
    assert!(e.contains("4:8: the shape name `X` conflicts with the imported shape `a#X`"), "{e}");
}

#[test]
fn metadata_ids_resolve_to_the_prelude_and_values_merge() {
    let d = doc("metadata a = [String]\nmetadata a = [\"x\"]\nmetadata b = {String: required}\nnamespace ex\n");
    assert_eq!(d["metadata"]["a"], json!(["smithy.api#String", "x"]));
    assert_eq!(d["metadata"]["b"], json!({"String": "smithy.api#required"}), "keys are not shape IDs");
    assert!(err("metadata a = 1\nmetadata a = 2\n").contains("2:10: conflicting values for the metadata key `a`"));
}

#[test]
fn inline_io_enums_defaults_and_elision() {
    let d = doc(concat!(
        "$version: \"2.0\"\n$operationInputSuffix: \"Request\"\nnamespace ex\n",
        "operation Op {\n    input := @sensitive {\n        a: String = \"x\"\n    }\n    output := @output {}\n}\n",
        "enum E { A\n B = \"b\"\n}\n",
        "intEnum I {\n    ONE = 1\n}\n",
        "resource R { identifiers: { id: String } }\n",
        "@mixin structure M { tag: Integer }\n",
        "structure S for R with [M] {\n    $id\n    @required\n    $tag\n}\n",
    ));
    assert_eq!(shape(&d, "ex#Op")["input"], json!({"target": "ex#OpRequest"}));
    assert_eq!(shape(&d, "ex#Op")["output"], json!({"target": "ex#OpOutput"}));
    assert_eq!(shape(&d, "ex#OpRequest")["traits"], json!({"smithy.api#sensitive": {}, "smithy.api#input": {}}));
    assert_eq!(shape(&d, "ex#OpOutput")["traits"], json!({"smithy.api#output": {}}));
    assert_eq!(trait_of(&d, "OpRequest$a", "smithy.api#default"), json!("x"));
    assert_eq!(trait_of(&d, "E$A", "smithy.api#enumValue"), json!("A"), "a member without value is its name");
    assert_eq!(trait_of(&d, "E$B", "smithy.api#enumValue"), json!("b"));
    assert_eq!(shape(&d, "ex#E")["members"]["A"]["target"], json!("smithy.api#Unit"));
    assert_eq!(trait_of(&d, "I$ONE", "smithy.api#enumValue"), json!(1));
    assert_eq!(shape(&d, "ex#S")["members"], json!({"id": {"target": "smithy.api#String"}}), "from the resource");
    assert_eq!(shape(&d, "ex#S$tag"), json!({"type": "apply", "traits": {"smithy.api#required": {}}}), "inherited");
    let e = err(&v2("resource R {}\nstructure S for R { $nope }\n"));
    assert!(e.contains("4:21: `ex#S$nope`: the member elides its target"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// The load path: IDL and JSON into one model
// ---------------------------------------------------------------------------------------------

#[test]
fn idl_and_json_files_load_into_one_model() {
    let json = r#"{"smithy": "2.0", "shapes": {
        "ex#FromJson": {"type": "structure", "members": {"n": {"target": "smithy.api#Integer"}}},
        "ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Get"}]}
    }}"#;
    let idl = v2(concat!(
        "@readonly @http(method: \"GET\", uri: \"/x\")\n",
        "operation Get { input := { thing: FromJson } output := { @required name: String } }\n",
        "@mixin structure Base { @documentation(\"base\") id: String }\n",
        "structure Child with [Base] { other: String }\n",
        "apply Child$id @required\n",
        "apply FromJson$n @documentation(\"from IDL\")\n",
        "@mixin list BaseList { member: String }\n",
        "list Strings with [BaseList] {}\n",
    ));
    let tests = v2("apply Get @examples([{title: \"one\"}])\n");
    let more = v2("apply Get @examples([{title: \"two\"}])\n");
    let model = load_sources(&[
        (Path::new("a.json"), json),
        (Path::new("b.smithy"), idl.as_str()),
        (Path::new("c.smithy"), tests.as_str()),
        (Path::new("d.smithy"), more.as_str()),
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    let get = model.shape(&ShapeId::parse("ex#Get").unwrap()).unwrap();
    let ShapeKind::Operation(op) = &get.kind else { panic!("not an operation") };
    assert_eq!(op.input.as_str(), "ex#GetInput");
    assert_eq!(get.traits.get("smithy.api#examples"), Some(&json!([{"title": "one"}, {"title": "two"}])));
    let child = model.shape(&ShapeId::parse("ex#Child").unwrap()).unwrap();
    let id = child.kind.members().into_iter().find(|m| m.name == "id").expect("inherited member");
    assert!(id.traits.has("smithy.api#required"), "apply to an inherited member");
    assert_eq!(id.traits.get("smithy.api#documentation"), Some(&json!("base")));
    let from_json = model.shape(&ShapeId::parse("ex#FromJson").unwrap()).unwrap();
    assert_eq!(from_json.kind.members()[0].traits.get("smithy.api#documentation"), Some(&json!("from IDL")));
    let strings = model.shape(&ShapeId::parse("ex#Strings").unwrap()).unwrap();
    assert!(matches!(&strings.kind, ShapeKind::List(m) if m.target.as_str() == "smithy.api#String"));
}

#[test]
fn idl_1_0_files_are_upgraded() {
    let v1 = concat!(
        "namespace ex\n",
        "integer Count\n@box integer MaybeCount\n",
        "structure S {\n  a: PrimitiveInteger\n  b: Integer\n  c: Count\n  d: MaybeCount\n  @required e: Count\n  f: PrimitiveBoolean\n}\n",
        "set Names { member: String }\n",
    );
    let model = load_sources(&[(Path::new("v1.smithy"), v1)]).unwrap_or_else(|e| panic!("{e}"));
    let s = model.shape(&ShapeId::parse("ex#S").unwrap()).unwrap();
    let member = |n: &str| s.kind.members().into_iter().find(|m| m.name == n).cloned().unwrap();
    assert_eq!(member("a").target.as_str(), "smithy.api#Integer");
    assert_eq!(member("a").traits.get("smithy.api#default"), Some(&json!(0)));
    assert_eq!(member("b").traits.get("smithy.api#default"), None, "the prelude Integer was boxed");
    assert_eq!(member("c").traits.get("smithy.api#default"), Some(&json!(0)));
    assert_eq!(member("d").traits.get("smithy.api#default"), None, "a boxed target");
    assert_eq!(member("e").traits.get("smithy.api#default"), None, "a required member");
    assert_eq!(member("f").target.as_str(), "smithy.api#Boolean");
    assert_eq!(member("f").traits.get("smithy.api#default"), Some(&json!(false)));
    assert!(model.shape(&ShapeId::parse("ex#Names").unwrap()).is_some());
}

#[test]
fn load_errors_name_file_line_and_column() {
    let e = load_sources(&[(
        Path::new("m.smithy"),
        "$version: \"2\"\nnamespace ex\nstructure A {\n  a: String\n  b String\n}\n",
    )])
    .unwrap_err();
    assert_eq!(e.file.as_deref(), Some(Path::new("m.smithy")));
    assert_eq!(e.to_string(), "m.smithy: 5:5: expected `:` after the member name `b`, found `String`");
    let e = load_sources(&[(Path::new("m.smithy"), "$version: \"2\"\nnamespace ex\nstructure A { a: Nope }\n")])
        .unwrap_err();
    assert!(e.to_string().contains("ex#A$a") && e.to_string().contains("ex#Nope"), "validation names the shape: {e}");
}
