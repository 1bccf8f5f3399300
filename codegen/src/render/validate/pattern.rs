//! `@pattern`: which regex engine checks a pattern, and the pattern in that engine's syntax.
//!
//! Smithy patterns are ECMA 262 regular expressions. Most of them use only the part of the
//! language that a finite-automaton engine can run, and those are translated to the syntax of
//! the `regex` crate, which matches in linear time: a client that checks untrusted strings
//! cannot be stalled by a pattern with nested quantifiers (Smithy's own
//! `RestJsonMalformedPatternReDOSString` case). The translation keeps ECMA's meaning where the
//! two dialects differ: `\d`, `\w` and `\b` are ASCII-only, `\s` is ECMA's whitespace set, `.`
//! excludes every ECMA line terminator, `[` inside a class and a `{` that starts no quantifier
//! are literals. Patterns that need backtracking (lookaround, backreferences) or that the
//! translation does not cover are run by `regress`, an ECMA 262 engine, unchanged.
//! `\p{..}` is read as a Unicode property (as model authors mean it), so `regress` gets the
//! `u` flag when the pattern compiles with it. A pattern that is not ECMA 262 at all but that
//! `regex` reads as written (Java's inline `(?s)` appears in AWS models) runs in `regex`, as in
//! smithy-rs servers; one that no engine reads is a model error.

/// How a pattern is run by generated code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Engine {
    /// `regex::Regex::new(translated)`.
    Linear(String),
    /// `regress::Regex::with_flags(source, flags)`.
    Ecma(&'static str),
}

/// Chooses the engine for a pattern; `Err` when no engine accepts it.
pub fn engine(source: &str) -> Result<Engine, String> {
    if let Some(t) = to_linear(source) {
        if regex::Regex::new(&t).is_ok() {
            return Ok(Engine::Linear(t));
        }
    }
    for flags in ["u", ""] {
        if regress::Regex::with_flags(source, flags).is_ok() {
            return Ok(Engine::Ecma(flags));
        }
    }
    // Not ECMA 262, but what the `regex` crate reads as written (e.g. Java's inline `(?s)`):
    // run it as smithy-rs servers do.
    if regex::Regex::new(source).is_ok() {
        return Ok(Engine::Linear(source.to_owned()));
    }
    match regress::Regex::new(source) {
        Ok(_) => Ok(Engine::Ecma("")),
        Err(e) => Err(format!("`{source}` is not a valid ECMA 262 regular expression: {}", e.text)),
    }
}

/// ECMA's `\s`: WhiteSpace and LineTerminator code points, as class items.
const ECMA_SPACE: &str = r"\t\n\x0B\x0C\r \xA0\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}";
const DIGIT: &str = "0-9";
const WORD: &str = "0-9A-Za-z_";

/// The pattern in `regex` syntax with ECMA's meaning, or `None` when it needs an ECMA engine.
pub fn to_linear(source: &str) -> Option<String> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len() + 8);
    let mut i = 0;
    let mut in_class = false;
    let mut class_start = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                let (text, used) = escape(&chars[i + 1..], in_class)?;
                out.push_str(&text);
                i += 1 + used;
                continue;
            }
            '[' if !in_class => {
                // `[]` and `[^]` mean something else in each dialect.
                match (chars.get(i + 1), chars.get(i + 2)) {
                    (Some(']'), _) | (Some('^'), Some(']')) => return None,
                    _ => {}
                }
                in_class = true;
                out.push('[');
                if chars.get(i + 1) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                class_start = out.len();
            }
            ']' if in_class => {
                in_class = false;
                out.push(']');
            }
            // Literal in an ECMA class; nesting or set operators in `regex`.
            '[' | '&' | '~' if in_class => {
                out.push('\\');
                out.push(c);
            }
            '-' if in_class => {
                // `--` is class difference in `regex`.
                if out.len() > class_start && out.ends_with('-') && !out.ends_with("\\-") {
                    out.push_str("\\-");
                } else {
                    out.push('-');
                }
            }
            '^' if in_class => out.push_str("\\^"),
            '.' if !in_class => out.push_str(r"[^\n\r\x{2028}\x{2029}]"),
            '(' if !in_class => {
                if chars.get(i + 1) == Some(&'?') {
                    match (chars.get(i + 2), chars.get(i + 3)) {
                        (Some(':'), _) => {}
                        (Some('<'), Some(n)) if *n != '=' && *n != '!' => {}
                        // Lookahead and lookbehind.
                        _ => return None,
                    }
                }
                out.push('(');
            }
            '{' if !in_class => {
                let end = quantifier_end(&chars[i..]);
                match end {
                    Some(len) => {
                        out.extend(&chars[i..i + len]);
                        i += len;
                        continue;
                    }
                    None => out.push_str("\\{"),
                }
            }
            '}' if !in_class => out.push_str("\\}"),
            // Space and `#` mean nothing special in either dialect without flags.
            c => out.push(c),
        }
        i += 1;
    }
    if in_class {
        return None;
    }
    Some(out)
}

/// The length of a `{n}`, `{n,}` or `{n,m}` quantifier at the start of `rest`.
fn quantifier_end(rest: &[char]) -> Option<usize> {
    let close = rest.iter().position(|c| *c == '}')?;
    let body: String = rest[1..close].iter().collect();
    let (a, b) = body.split_once(',').unwrap_or((&body, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(a) && (b.is_empty() || digits(b))).then_some(close + 1)
}

/// One escape (after the backslash): its translation and how many characters it used.
fn escape(rest: &[char], in_class: bool) -> Option<(String, usize)> {
    let c = *rest.first()?;
    let class = |items: &str, negated: bool| {
        let neg = if negated { "^" } else { "" };
        if in_class && !negated {
            items.to_owned()
        } else {
            format!("[{neg}{items}]")
        }
    };
    Some(match c {
        'd' | 'D' => (class(DIGIT, c == 'D'), 1),
        'w' | 'W' => (class(WORD, c == 'W'), 1),
        's' | 'S' => (class(ECMA_SPACE, c == 'S'), 1),
        'b' if in_class => (r"\x08".to_owned(), 1),
        'b' => (r"(?-u:\b)".to_owned(), 1),
        'B' if !in_class => (r"(?-u:\B)".to_owned(), 1),
        'n' => (r"\n".to_owned(), 1),
        'r' => (r"\r".to_owned(), 1),
        't' => (r"\t".to_owned(), 1),
        'f' => (r"\x0C".to_owned(), 1),
        'v' => (r"\x0B".to_owned(), 1),
        '0' if !rest.get(1).is_some_and(char::is_ascii_digit) => (r"\x00".to_owned(), 1),
        // Backreferences (and octal escapes, which only an ECMA engine reads the same way).
        '0'..='9' | 'k' => return None,
        'x' => {
            let hex: String = rest.get(1..3)?.iter().collect();
            u32::from_str_radix(&hex, 16).ok()?;
            (format!(r"\x{{{hex}}}"), 3)
        }
        'u' => {
            let unit = |at: usize| -> Option<u32> {
                let hex: String = rest.get(at..at + 4)?.iter().collect();
                if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                u32::from_str_radix(&hex, 16).ok()
            };
            let first = unit(1)?;
            if (0xD800..0xDC00).contains(&first) {
                // A surrogate pair written as two escapes.
                if rest.get(5) != Some(&'\\') || rest.get(6) != Some(&'u') {
                    return None;
                }
                let second = unit(7)?;
                if !(0xDC00..0xE000).contains(&second) {
                    return None;
                }
                let cp = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                (format!(r"\x{{{cp:X}}}"), 11)
            } else if (0xDC00..0xE000).contains(&first) {
                return None;
            } else {
                (format!(r"\x{{{first:X}}}"), 5)
            }
        }
        'c' => {
            let letter = rest.get(1).filter(|l| l.is_ascii_alphabetic())?;
            (format!(r"\x{{{:X}}}", (*letter as u32) % 32), 2)
        }
        'p' | 'P' if rest.get(1) == Some(&'{') => {
            let close = rest.iter().position(|c| *c == '}')?;
            let name: String = rest[2..close].iter().collect();
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '=') {
                return None;
            }
            (format!(r"\{c}{{{name}}}"), close + 1)
        }
        // Identity escapes: the character itself.
        c if c.is_ascii_punctuation() => (format!(r"\{c}"), 1),
        c if c.is_ascii_alphanumeric() => (c.to_string(), 1),
        c => (c.to_string(), 1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_keep_ecma_meaning() {
        assert_eq!(to_linear("^[a-m]+$").as_deref(), Some("^[a-m]+$"));
        assert_eq!(to_linear(r"^\d+$").as_deref(), Some("^[0-9]+$"));
        assert_eq!(to_linear(r"^[\w\-.]*$").as_deref(), Some(r"^[0-9A-Za-z_\-.]*$"));
        assert_eq!(to_linear("a.b").as_deref(), Some(r"a[^\n\r\x{2028}\x{2029}]b"));
        assert_eq!(to_linear("a{x}").as_deref(), Some(r"a\{x\}"));
        assert_eq!(to_linear("a{2,3}").as_deref(), Some("a{2,3}"));
        assert_eq!(to_linear(r"\uD83D\uDC4D").as_deref(), Some(r"\x{1F44D}"));
        assert_eq!(to_linear("[[]").as_deref(), Some(r"[\[]"));
        assert_eq!(to_linear("^(?!aws:).*$"), None);
        assert_eq!(to_linear(r"(a)\1"), None);
    }

    #[test]
    fn engines() {
        assert_eq!(engine("^([0-9]+)+$"), Ok(Engine::Linear("^([0-9]+)+$".to_owned())));
        assert_eq!(engine("^(?!aws:)[a-z]+$"), Ok(Engine::Ecma("u")));
        assert_eq!(engine("^(?s).*$"), Ok(Engine::Linear("^(?s).*$".to_owned())));
        assert!(engine("[").is_err());
    }

    /// The translation and the ECMA engine agree on strings made to probe the dialects'
    /// differences, for patterns in the style of AWS models.
    #[test]
    fn translated_patterns_match_like_ecma() {
        let patterns = [
            r"^[a-zA-Z0-9_\-\.]+$",
            r"^\d{3}-\d{4}$",
            r"^\w+$",
            r"^\s*$",
            r"^\S+$",
            r"^.+$",
            r"\bword\b",
            r"^[^\s]+$",
            r"^[\p{L}\p{N}\s]*$",
            r"^arn:aws[a-z\-]*:connect:[a-z]{2}-[a-z]+-\d{1}:\d{12}:instance/[-a-zA-Z0-9]*$",
            r"^[\u0020-\u007E]+$",
            r"^[+-=]+$",
            r"^(a|b)?c{1,}$",
            r"x{,2}",
            r"^\x41\cJ$",
        ];
        let probes = [
            "", "a", "abc", "ABC_1-.", "123-4567", "١٢٣", "é", "ñandú", " ", "\t", "\u{a0}", "\u{85}", "\u{feff}", "\u{2028}",
            "a\nb", "\r", "word", "a word here", "wordy", "éword", "+=,", "ac", "bccc", "x{,2}", "A\n",
            "arn:aws:connect:us-east-1:123456789012:instance/abc-123", "~", "\u{1F44D}",
        ];
        for p in patterns {
            let linear = to_linear(p).unwrap_or_else(|| panic!("{p} translates"));
            let ours = regex::Regex::new(&linear).unwrap_or_else(|e| panic!("{p} -> {linear}: {e}"));
            let ecma = regress::Regex::with_flags(p, "u").or_else(|_| regress::Regex::with_flags(p, "")).expect("valid ECMA");
            for s in probes {
                assert_eq!(ours.is_match(s), ecma.find(s).is_some(), "pattern {p} (as {linear}) on {s:?}");
            }
        }
    }
}
