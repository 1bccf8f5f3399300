//! Node values as IDL text: strings (quoted or as text blocks), numbers, arrays, objects.
//!
//! Every string is written quoted (or as a text block), never as an unquoted shape ID, so the
//! loader never has to resolve a value: what is written is what it reads back. Text blocks are
//! only used when tokenising the block gives back exactly the original string.

use serde_json::Value;

use crate::load::idl::lexer::{tokenize, Kind};
use crate::model::shape_id::is_identifier;

/// Lines longer than this are broken (arrays and objects one item per line).
pub(crate) const WIDTH: usize = 100;

/// Strings at least this long that contain a line break are written as text blocks.
const TEXT_BLOCK_MIN: usize = 60;

pub(crate) fn pad(n: usize) -> String {
    " ".repeat(n)
}

/// A quoted string literal with every character that needs it escaped.
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An object key: bare when it is an identifier, quoted otherwise.
pub(crate) fn key(k: &str) -> String {
    if is_identifier(k) {
        k.to_owned()
    } else {
        quote(k)
    }
}

fn wants_text_block(s: &str) -> bool {
    s.len() >= TEXT_BLOCK_MIN && s.contains('\n')
}

/// `s` as a text block whose content is indented by `indent` spaces, if the loader reads it
/// back as exactly `s` (checked by tokenising it).
pub(crate) fn text_block(s: &str, indent: usize) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut body = String::with_capacity(s.len() + 16);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        match c {
            '\n' => body.push('\n'),
            '\\' => body.push_str("\\\\"),
            // A quote next to another quote, or right before the closing delimiter, is escaped,
            // so no run of quotes can close the block early.
            '"' if prev == Some('"') || next == Some('"') || next.is_none() => body.push_str("\\\""),
            // Trailing white space of a line would be removed as incidental: escape it.
            ' ' | '\t' if !matches!(next, Some(n) if n != '\n') => {
                body.push_str(if c == ' ' { "\\u0020" } else { "\\t" })
            }
            '\r' => body.push_str("\\r"),
            c if (c as u32) < 0x20 && c != '\t' || c == '\u{7f}' => body.push_str(&format!("\\u{:04x}", c as u32)),
            c => body.push(c),
        }
    }
    let mut lines: Vec<String> = body.split('\n').map(str::to_owned).collect();
    // The common indentation of the non-blank lines (and the last) is removed as incidental:
    // when every line of the text itself is indented, escape the first indentation character
    // of one line so that only our own indentation is common.
    let last = lines.len() - 1;
    let lead = |l: &str| l.len() - l.trim_start_matches([' ', '\t']).len();
    let counted = |i: usize, l: &str| !l.is_empty() || i == last;
    let min = lines.iter().enumerate().filter(|(i, l)| counted(*i, l)).map(|(_, l)| lead(l)).min().unwrap_or(0);
    if min > 0 {
        if let Some(line) = lines.iter_mut().enumerate().find(|(i, l)| counted(*i, l)).map(|(_, l)| l) {
            let escaped = if line.starts_with('\t') { "\\t" } else { "\\u0020" };
            line.replace_range(0..1, escaped);
        }
    }
    let p = pad(indent);
    let mut out = String::with_capacity(body.len() + lines.len() * (indent + 1) + 8);
    out.push_str("\"\"\"\n");
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if !line.is_empty() || i == last {
            out.push_str(&p);
            out.push_str(line);
        }
    }
    out.push_str("\"\"\"");
    let toks = tokenize(&out);
    let ok = toks.len() == 2
        && toks[0].kind == Kind::TextBlock
        && toks[0].value.as_deref() == Some(s)
        && toks[1].kind == Kind::Eof;
    ok.then_some(out)
}

/// A string value: a text block for long multi-line strings (when exact), else quoted.
pub(crate) fn string(s: &str, indent: usize) -> String {
    if wants_text_block(s) {
        if let Some(t) = text_block(s, indent + 4) {
            return t;
        }
    }
    quote(s)
}

/// The one-line form of a value; `None` when some string in it is better as a text block.
pub(crate) fn inline(v: &Value) -> Option<String> {
    Some(match v {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => {
            if wants_text_block(s) {
                return None;
            }
            quote(s)
        }
        Value::Array(items) => {
            let parts: Option<Vec<String>> = items.iter().map(inline).collect();
            format!("[{}]", parts?.join(", "))
        }
        Value::Object(map) => {
            let parts: Option<Vec<String>> =
                map.iter().map(|(k, v)| inline(v).map(|v| format!("{}: {v}", key(k)))).collect();
            format!("{{{}}}", parts?.join(", "))
        }
    })
}

/// A value starting at column `col` of a line indented by `indent`: on one line when it fits,
/// else arrays and objects one entry per line (no commas: they are whitespace in the IDL).
pub(crate) fn node(v: &Value, indent: usize, col: usize) -> String {
    if let Some(s) = inline(v) {
        let breakable = matches!(v, Value::Array(a) if !a.is_empty()) || matches!(v, Value::Object(o) if !o.is_empty());
        if !breakable || col + s.len() <= WIDTH {
            return s;
        }
    }
    let inner = indent + 4;
    match v {
        Value::Array(items) if !items.is_empty() => {
            let mut out = String::from("[\n");
            for item in items {
                out.push_str(&pad(inner));
                out.push_str(&node(item, inner, inner));
                out.push('\n');
            }
            out.push_str(&pad(indent));
            out.push(']');
            out
        }
        Value::Object(map) if !map.is_empty() => {
            let mut out = String::from("{\n");
            entries(&mut out, map, inner);
            out.push_str(&pad(indent));
            out.push('}');
            out
        }
        Value::String(s) => string(s, indent),
        other => inline(other).unwrap_or_default(),
    }
}

/// `key: value` lines at `indent`, each ending with a line break.
pub(crate) fn entries(out: &mut String, map: &serde_json::Map<String, Value>, indent: usize) {
    for (k, v) in map {
        let k = key(k);
        out.push_str(&pad(indent));
        out.push_str(&k);
        out.push_str(": ");
        out.push_str(&node(v, indent, indent + k.len() + 2));
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_escapes() {
        assert_eq!(quote("a\"b\\c\nd\u{1}"), "\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    #[test]
    fn text_blocks_round_trip_or_are_refused() {
        for s in [
            "line one\nline two\n",
            "  indented\nnot\n\n\nblank lines above",
            "trailing space \nand tab\t\nend",
            "quotes \"\"\" inside\nand at the end\"",
            "\n\nstarts with newlines",
            "back\\slash\nu\\u0041",
            "   \n   ",
            "  a\n  b",
            "\t\tx\n\t\ty\n",
            "\n  \n",
        ] {
            let t = text_block(s, 8).unwrap_or_else(|| panic!("no text block for {s:?}"));
            let toks = tokenize(&t);
            assert_eq!(toks[0].value.as_deref(), Some(s), "{t}");
        }
    }

    /// Every string over an awkward alphabet, up to 6 characters, has an exact text block.
    #[test]
    fn text_blocks_cover_every_short_string() {
        let alphabet = [' ', '\t', '\n', '"', '\\', 'a', '\r'];
        let mut stack = vec![String::new()];
        let mut checked = 0;
        while let Some(s) = stack.pop() {
            if s.chars().count() < 6 {
                for c in alphabet {
                    stack.push(format!("{s}{c}"));
                }
            }
            assert!(text_block(&s, 4).is_some(), "no text block for {s:?}");
            checked += 1;
        }
        assert!(checked > 100_000);
    }
}
