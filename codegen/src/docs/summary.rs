//! First-sentence extraction from Markdown produced by `html_to_markdown`.

/// The first sentence of a Markdown text produced by `html_to_markdown`, as one line of Markdown (for short summaries on accessors and builder methods). Must stay valid Markdown on its own (balanced backticks/emphasis, no dangling link syntax).
///
/// The text is cut only at a point where no code span, link or emphasis is
/// open, so the result is as well-formed as the input paragraph.
pub fn summary(markdown: &str) -> String {
    let para = first_paragraph(markdown);
    first_sentence(&para).trim().to_string()
}

/// Strips block quote and list markers from the start of a line.
fn strip_markers(mut t: &str) -> &str {
    loop {
        t = t.trim_start();
        if let Some(rest) = t.strip_prefix('>') {
            t = rest;
            continue;
        }
        if let Some(rest) = list_marker(t) {
            t = rest;
            continue;
        }
        return t;
    }
}

/// If `t` starts with a list marker, the text after it.
fn list_marker(t: &str) -> Option<&str> {
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = if digits == 0 {
        t.strip_prefix(['-', '*', '+'])?
    } else if digits <= 9 {
        t[digits..].strip_prefix(['.', ')'])?
    } else {
        return None;
    };
    if after.is_empty() {
        Some(after)
    } else if after.starts_with([' ', '\t']) {
        Some(after.trim_start())
    } else {
        None
    }
}

fn fence_open(t: &str) -> Option<(char, usize)> {
    let c = t.chars().next().filter(|&c| c == '`' || c == '~')?;
    let n = t.len() - t.trim_start_matches(c).len();
    (n >= 3).then_some((c, n))
}

fn is_delimiter_row(t: &str) -> bool {
    t.contains('-')
        && t.contains('|')
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// The first paragraph (skipping fenced code), as a single line.
fn first_paragraph(md: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    for raw in md.lines() {
        // Block quote continuation markers.
        let mut line = raw.trim();
        while let Some(rest) = line.strip_prefix('>') {
            line = rest.trim_start();
        }
        if let Some((c, n)) = fence {
            if fence_open(line).is_some_and(|(c2, n2)| c2 == c && n2 >= n)
                && line.trim_start_matches(c).trim().is_empty()
            {
                fence = None;
            }
            continue;
        }
        if out.is_empty() {
            let t = strip_markers(line);
            if let Some(f) = fence_open(t) {
                fence = Some(f);
                continue;
            }
            if !t.is_empty() {
                out.push(t);
            }
        } else {
            if line.is_empty()
                || list_marker(line).is_some()
                || fence_open(line).is_some()
                || is_delimiter_row(line)
            {
                break;
            }
            out.push(line);
        }
    }
    let mut text = String::new();
    for l in out {
        // A trailing odd run of backslashes is a hard line break.
        let backslashes = l.len() - l.trim_end_matches('\\').len();
        let l = if backslashes % 2 == 1 {
            &l[..l.len() - 1]
        } else {
            l
        };
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(l.trim_end());
    }
    text
}

fn is_ws(c: char) -> bool {
    c.is_whitespace()
}

fn is_punct(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

const ABBREVIATIONS: &[&str] = &[
    "e.g.", "i.e.", "eg.", "ie.", "vs.", "cf.", "approx.", "no.", "esp.",
];

/// Whether the text before byte `pos` ends a sentence.
fn ends_sentence(s: &str, pos: usize) -> bool {
    let before = s[..pos].trim_end_matches(['*', '_', ')', '"', '\'', '’', '”']);
    let Some(last) = before.chars().next_back() else {
        return false;
    };
    if !matches!(last, '.' | '!' | '?') {
        return false;
    }
    let head = &before[..before.len() - 1];
    let escapes = head.len() - head.trim_end_matches('\\').len();
    if escapes % 2 == 1 {
        return false; // escaped punctuation, e.g. `1\.`
    }
    let word = before.rsplit(char::is_whitespace).next().unwrap_or(before);
    let word = word
        .trim_start_matches(['(', '*', '_', '"', '\''])
        .to_ascii_lowercase();
    if ABBREVIATIONS.contains(&word.as_str()) {
        return false;
    }
    // A following lowercase word means this was not the end of the sentence.
    !s[pos..]
        .trim_start()
        .starts_with(|c: char| c.is_ascii_lowercase())
}

/// Length of an autolink (`<scheme:...>`) at the start of `s`, if any.
fn autolink_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.first() != Some(&b'<') || !b.get(1).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    // Scheme: 2 to 32 characters, then `:`; scanning is bounded.
    let mut j = 1;
    while j < b.len()
        && j <= 33
        && (b[j].is_ascii_alphanumeric() || matches!(b[j], b'+' | b'.' | b'-'))
    {
        j += 1;
    }
    if !(3..=33).contains(&j) || b.get(j) != Some(&b':') {
        return None;
    }
    let rest = &s[j + 1..];
    let end = rest.find(|c: char| c == '>' || c == '<' || c.is_whitespace())?;
    (rest.as_bytes()[end] == b'>').then_some(j + 1 + end + 1)
}

/// The first sentence of a one-line Markdown paragraph.
fn first_sentence(s: &str) -> &str {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let index_of_byte = |b: usize, from: usize| {
        (from..chars.len())
            .find(|&k| chars[k].0 >= b)
            .unwrap_or(chars.len())
    };
    let mut emphasis: Vec<(char, usize)> = Vec::new();
    // Start indices of every maximal backtick run, by length (code spans close
    // on a run of the same length; backslashes do not escape inside them).
    let mut runs_by_len: std::collections::HashMap<usize, Vec<usize>> = Default::default();
    let mut k = 0;
    while k < chars.len() {
        if chars[k].1 == '`' {
            let st = k;
            while k < chars.len() && chars[k].1 == '`' {
                k += 1;
            }
            runs_by_len.entry(k - st).or_default().push(st);
        } else {
            k += 1;
        }
    }
    let mut brackets = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        match c {
            '\\' => {
                i += if at(i + 1).is_some_and(|n| n.is_ascii_punctuation()) {
                    2
                } else {
                    1
                };
                continue;
            }
            '`' => {
                let mut n = 0;
                while at(i + n) == Some('`') {
                    n += 1;
                }
                // The closing run: the next raw run of exactly n backticks.
                let close = runs_by_len.get(&n).and_then(|starts| {
                    let k = starts.partition_point(|&st| st < i + n);
                    starts.get(k).map(|&st| st + n)
                });
                i = close.unwrap_or(i + n);
                continue;
            }
            '<' => {
                if let Some(len) = autolink_len(&s[pos..]) {
                    i = index_of_byte(pos + len, i);
                    continue;
                }
            }
            '[' => brackets += 1,
            ']' if brackets > 0 => {
                brackets -= 1;
                if at(i + 1) == Some('(') {
                    // Skip the destination, honouring escapes and nested parentheses.
                    let mut depth = 0usize;
                    let mut j = i + 1;
                    while j < chars.len() {
                        match chars[j].1 {
                            '\\' => j += 1,
                            '(' => depth += 1,
                            ')' => {
                                depth -= 1;
                                if depth == 0 {
                                    break;
                                }
                            }
                            _ => {}
                        }
                        j += 1;
                    }
                    i = j + 1;
                    continue;
                }
            }
            '*' | '_' => {
                let mut n = 0;
                while at(i + n) == Some(c) {
                    n += 1;
                }
                let prev = if i == 0 { ' ' } else { chars[i - 1].1 };
                let next = at(i + n).unwrap_or(' ');
                let left = !is_ws(next) && (!is_punct(next) || is_ws(prev) || is_punct(prev));
                let right = !is_ws(prev) && (!is_punct(prev) || is_ws(next) || is_punct(next));
                let (can_open, can_close) = if c == '_' {
                    (
                        left && (!right || is_punct(prev)),
                        right && (!left || is_punct(next)),
                    )
                } else {
                    (left, right)
                };
                let mut remaining = n;
                if can_close {
                    while remaining > 0 {
                        match emphasis.last_mut() {
                            Some(top) if top.0 == c => {
                                let take = top.1.min(remaining);
                                top.1 -= take;
                                remaining -= take;
                                if top.1 == 0 {
                                    emphasis.pop();
                                }
                            }
                            _ => break,
                        }
                    }
                }
                if can_open && remaining > 0 {
                    emphasis.push((c, remaining));
                }
                i += n;
                continue;
            }
            c if c.is_whitespace()
                && emphasis.is_empty()
                && brackets == 0
                && ends_sentence(s, pos) =>
            {
                return &s[..pos];
            }
            _ => {}
        }
        i += 1;
    }
    s
}
