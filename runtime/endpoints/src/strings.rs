//! String functions: `substring`, `uriEncode`, `split`, and array indexing for `getAttr`.

/// `substring(input, start, stop, reverse)`: the characters from `start` (inclusive) to `stop`
/// (exclusive), counted from the end with `reverse`. `None` when `start >= stop`, when the
/// input is shorter than `stop`, or when it has a non-ASCII character.
pub fn substring(input: &str, start: usize, stop: usize, reverse: bool) -> Option<String> {
    if start >= stop || input.len() < stop || !input.is_ascii() {
        return None;
    }
    let (from, to) = if reverse { (input.len() - stop, input.len() - start) } else { (start, stop) };
    Some(input[from..to].to_owned())
}

/// `uriEncode(value)`: RFC 3986 percent-encoding of the UTF-8 bytes, with upper-case hex digits;
/// only `A-Z a-z 0-9 - _ . ~` stay as they are.
pub fn uri_encode(value: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xf)] as char);
        }
    }
    out
}

/// `split(value, delimiter, limit)`: the parts of `value` between occurrences of `delimiter`;
/// `limit` 0 splits at every occurrence, `n > 0` gives at most `n` parts (the last one holds
/// the rest). An empty input gives one empty part. An empty delimiter or a negative limit gives
/// no parts (the rule set's type checker rejects both).
pub fn split(value: &str, delimiter: &str, limit: i64) -> Vec<String> {
    if delimiter.is_empty() || limit < 0 {
        return Vec::new();
    }
    if limit == 0 {
        value.split(delimiter).map(str::to_owned).collect()
    } else {
        let n = usize::try_from(limit).unwrap_or(usize::MAX);
        value.splitn(n, delimiter).map(str::to_owned).collect()
    }
}

/// `ite(condition, then, else)`: `then` when `condition` holds, else `else_` (both are already
/// evaluated: rule-set expressions have no side effects).
pub fn ite<T>(condition: bool, then: T, else_: T) -> T {
    if condition {
        then
    } else {
        else_
    }
}

/// `getAttr(array, "[index]")`: the element at `index`, counted from the end when negative
/// (`-1` is the last); `None` when out of range.
pub fn element(array: &[String], index: i64) -> Option<&str> {
    let i = if index < 0 { array.len().checked_sub(usize::try_from(index.unsigned_abs()).ok()?)? } else { usize::try_from(index).ok()? };
    array.get(i).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substrings() {
        assert_eq!(substring("abcdefg", 0, 4, false).as_deref(), Some("abcd"));
        assert_eq!(substring("abcdefg", 0, 4, true).as_deref(), Some("defg"));
        assert_eq!(substring("abc", 1, 1, false), None);
        assert_eq!(substring("abc", 0, 4, false), None);
        assert_eq!(substring("ab\u{e9}c", 0, 2, false), None);
    }

    #[test]
    fn encoding() {
        assert_eq!(uri_encode("a b/c~d*e+f\u{e9}"), "a%20b%2Fc~d%2Ae%2Bf%C3%A9");
    }

    #[test]
    fn splitting() {
        assert_eq!(split("a--b--c", "--", 0), ["a", "b", "c"]);
        assert_eq!(split("a--b--c", "--", 2), ["a", "b--c"]);
        assert_eq!(split("a--b", "--", 1), ["a--b"]);
        assert_eq!(split("", "--", 0), [""]);
        assert_eq!(split("--", "--", 0), ["", ""]);
        assert!(split("a", "", 0).is_empty());
    }

    #[test]
    fn elements() {
        let a = vec!["x".to_owned(), "y".to_owned()];
        assert_eq!(element(&a, 0), Some("x"));
        assert_eq!(element(&a, -1), Some("y"));
        assert_eq!(element(&a, -2), Some("x"));
        assert_eq!(element(&a, -3), None);
        assert_eq!(element(&a, 2), None);
        assert_eq!(element(&a, i64::MIN), None);
    }
}
