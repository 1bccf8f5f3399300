//! The IDL lexer: source text in, tokens out.
//!
//! The Smithy IDL is whitespace sensitive (some productions need a space, some a line break, some
//! forbid a line break), so whitespace is not a token of its own: every token records what lay
//! between it and the previous token in a [`Gap`]. Documentation comments (`///` as the first
//! thing on a line) are collected into the gap too and travel with the next token, which is how
//! the parser knows which shape or member they document. Strings and text blocks are decoded
//! here (escapes, newline normalisation, incidental whitespace removal).
//!
//! Lexing stops at the first malformed token, which becomes an [`Kind::Error`] token carrying the
//! message; the parser reports it when it reaches it, so errors come out in source order.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Ident,
    Number,
    Str,
    TextBlock,
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    LParen,
    RParen,
    Colon,
    Walrus,
    Eq,
    At,
    Dollar,
    Pound,
    Dot,
    /// A lexing error; the message is in [`Token::value`].
    Error,
    Eof,
}

/// The whitespace between a token and the one before it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Gap {
    /// Anything at all (spaces, tabs, commas, newlines, comments).
    pub any: bool,
    /// A line break or a comment (a comment always runs to the end of its line).
    pub newline: bool,
    /// A comma.
    pub comma: bool,
}

impl Gap {
    /// The `SP` production: one or more spaces or tabs and nothing else.
    pub fn is_spaces(&self) -> bool {
        self.any && !self.newline && !self.comma
    }
}

/// A token with its position (1-based line and column, columns counted in characters).
#[derive(Clone, Debug)]
pub(crate) struct Token {
    pub kind: Kind,
    /// Byte range in the source.
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub col: u32,
    /// Where the token ends (the position just after its last character).
    pub end_line: u32,
    pub end_col: u32,
    pub gap: Gap,
    /// The documentation comment lines right before this token, joined with `\n`.
    pub doc: Option<String>,
    /// The decoded value of a string or text block; the message of an error token.
    pub value: Option<String>,
}

struct Lexer<'a> {
    text: &'a str,
    src: &'a [u8],
    pos: usize,
    line: u32,
    col: u32,
    /// Whether a token already appeared on the current line (then `///` is a plain comment).
    line_has_token: bool,
}

/// A lexing error: message and position.
struct LexError {
    message: String,
    line: u32,
    col: u32,
}

/// Splits `text` into tokens; the last token is always [`Kind::Eof`] (preceded by at most one
/// [`Kind::Error`]).
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut lx = Lexer { text, src: text.as_bytes(), pos: 0, line: 1, col: 1, line_has_token: false };
    // Skip a UTF-8 byte order mark.
    if lx.src.starts_with(&[0xEF, 0xBB, 0xBF]) {
        lx.pos = 3;
    }
    let mut out = Vec::with_capacity(text.len() / 5 + 4);
    loop {
        let (gap, doc) = lx.skip_whitespace();
        let (start, line, col) = (lx.pos, lx.line, lx.col);
        if lx.pos >= lx.src.len() {
            out.push(Token {
                kind: Kind::Eof,
                start,
                end: start,
                line,
                col,
                end_line: line,
                end_col: col,
                gap,
                doc,
                value: None,
            });
            return out;
        }
        match lx.token() {
            Ok((kind, value)) => {
                lx.line_has_token = true;
                out.push(Token {
                    kind,
                    start,
                    end: lx.pos,
                    line,
                    col,
                    end_line: lx.line,
                    end_col: lx.col,
                    gap,
                    doc,
                    value,
                });
            }
            Err(e) => {
                out.push(Token {
                    kind: Kind::Error,
                    start,
                    end: start,
                    line: e.line,
                    col: e.col,
                    end_line: e.line,
                    end_col: e.col,
                    gap,
                    doc: None,
                    value: Some(e.message),
                });
                let end = lx.src.len();
                out.push(Token {
                    kind: Kind::Eof,
                    start: end,
                    end,
                    line: e.line,
                    col: e.col,
                    end_line: e.line,
                    end_col: e.col,
                    gap: Gap::default(),
                    doc: None,
                    value: None,
                });
                return out;
            }
        }
    }
}

impl<'a> Lexer<'a> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn peek_at(&self, n: usize) -> Option<u8> {
        self.src.get(self.pos + n).copied()
    }

    /// Advances one byte, keeping line and (character) column up to date.
    fn bump(&mut self) {
        let b = self.src[self.pos];
        self.pos += 1;
        if b == b'\n' {
            self.line += 1;
            self.col = 1;
        } else if b & 0xC0 != 0x80 {
            self.col += 1;
        }
    }

    fn error(&self, message: impl Into<String>) -> LexError {
        LexError { message: message.into(), line: self.line, col: self.col }
    }

    /// The character at the current position, for messages.
    fn current_char(&self) -> char {
        self.text[self.pos..].chars().next().unwrap_or(' ')
    }

    fn skip_whitespace(&mut self) -> (Gap, Option<String>) {
        let mut gap = Gap::default();
        let mut docs: Vec<&'a str> = Vec::new();
        while let Some(b) = self.peek() {
            match b {
                b' ' | b'\t' | b'\r' => {
                    gap.any = true;
                    self.bump();
                }
                b'\n' => {
                    gap.any = true;
                    gap.newline = true;
                    self.line_has_token = false;
                    self.bump();
                }
                b',' => {
                    gap.any = true;
                    gap.comma = true;
                    self.bump();
                }
                b'/' if self.peek_at(1) == Some(b'/') => {
                    gap.any = true;
                    gap.newline = true;
                    let is_doc = self.peek_at(2) == Some(b'/') && !self.line_has_token;
                    let start = self.pos;
                    while let Some(c) = self.peek() {
                        if c == b'\n' {
                            break;
                        }
                        self.bump();
                    }
                    if is_doc {
                        let mut line = &self.text[start + 3..self.pos];
                        line = line.strip_suffix('\r').unwrap_or(line);
                        line = line.strip_prefix(' ').unwrap_or(line);
                        docs.push(line);
                    }
                }
                _ => break,
            }
        }
        let doc = if docs.is_empty() { None } else { Some(docs.join("\n")) };
        (gap, doc)
    }

    fn token(&mut self) -> Result<(Kind, Option<String>), LexError> {
        let b = self.src[self.pos];
        let single = |k: Kind| Ok((k, None));
        let kind = match b {
            b'{' => Kind::LBrace,
            b'}' => Kind::RBrace,
            b'[' => Kind::LBracket,
            b']' => Kind::RBracket,
            b'(' => Kind::LParen,
            b')' => Kind::RParen,
            b'=' => Kind::Eq,
            b'@' => Kind::At,
            b'$' => Kind::Dollar,
            b'#' => Kind::Pound,
            b'.' => Kind::Dot,
            b':' => {
                self.bump();
                if self.peek() == Some(b'=') {
                    self.bump();
                    return single(Kind::Walrus);
                }
                return single(Kind::Colon);
            }
            b'"' => return self.string(),
            b'-' | b'0'..=b'9' => return self.number().map(|()| (Kind::Number, None)),
            b'_' | b'a'..=b'z' | b'A'..=b'Z' => return self.identifier().map(|()| (Kind::Ident, None)),
            _ => {
                let c = self.current_char();
                let shown = if c.is_control() { format!("{:?}", c) } else { format!("`{c}`") };
                return Err(self.error(format!("unexpected character {shown}")));
            }
        };
        self.bump();
        single(kind)
    }

    /// `Identifier = (1*"_" (ALPHA / DIGIT)) / ALPHA, then *(ALPHA / DIGIT / "_")`.
    fn identifier(&mut self) -> Result<(), LexError> {
        let mut underscores = false;
        while self.peek() == Some(b'_') {
            underscores = true;
            self.bump();
        }
        if underscores && !self.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
            let found = match self.peek() {
                None => "the end of the file".to_owned(),
                Some(_) => format!("{:?}", self.current_char()),
            };
            return Err(self.error(format!(
                "an identifier cannot be only underscores: expected a letter or digit after `_`, found {found}"
            )));
        }
        while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_') {
            self.bump();
        }
        Ok(())
    }

    /// `Number = [-] Int [Frac] [Exp]`, checked here so the error points at the number.
    fn number(&mut self) -> Result<(), LexError> {
        let (line, col, start) = (self.line, self.col, self.pos);
        let fail = |lx: &Lexer, why: &str| LexError {
            message: format!("invalid number `{}`: {why}", &lx.text[start..lx.pos]),
            line,
            col,
        };
        if self.peek() == Some(b'-') {
            self.bump();
        }
        match self.peek() {
            Some(b'0') => {
                self.bump();
                if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.bump();
                    return Err(fail(self, "a number cannot start with `0` followed by a digit"));
                }
            }
            Some(b'1'..=b'9') => {
                while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.bump();
                }
            }
            _ => return Err(fail(self, "`-` must be followed by a digit")),
        }
        if self.peek() == Some(b'.') {
            self.bump();
            if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                return Err(fail(self, "`.` must be followed by a digit"));
            }
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.bump();
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.bump();
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.bump();
            }
            if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                return Err(fail(self, "an exponent (`e`, `+`, `-`) must be followed by a digit"));
            }
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.bump();
            }
        }
        if self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.') {
            self.bump();
            return Err(fail(self, "a number must be followed by whitespace or punctuation"));
        }
        Ok(())
    }

    /// A quoted string or a text block, decoded.
    fn string(&mut self) -> Result<(Kind, Option<String>), LexError> {
        let (line, col) = (self.line, self.col);
        let at_start = |message: String| LexError { message, line, col };
        if self.src[self.pos..].starts_with(b"\"\"\"") {
            return self.text_block();
        }
        self.bump();
        let body = self.pos;
        loop {
            match self.peek() {
                None => {
                    return Err(at_start(
                        "this string is never closed: expected a closing `\"` before the end of the file".to_owned(),
                    ))
                }
                Some(b'"') => break,
                Some(b'\\') => {
                    self.bump();
                    if self.peek().is_some() {
                        self.bump();
                    }
                }
                Some(_) => self.bump(),
            }
        }
        let raw = &self.text[body..self.pos];
        self.bump();
        let value = unescape(&normalize_newlines(raw)).map_err(|m| at_start(format!("invalid string: {m}")))?;
        Ok((Kind::Str, Some(value)))
    }

    fn text_block(&mut self) -> Result<(Kind, Option<String>), LexError> {
        let (line, col) = (self.line, self.col);
        let at_start = |message: String| LexError { message, line, col };
        for _ in 0..3 {
            self.bump();
        }
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.bump();
        }
        match (self.peek(), self.peek_at(1)) {
            (Some(b'\n'), _) => self.bump(),
            (Some(b'\r'), Some(b'\n')) => {
                self.bump();
                self.bump();
            }
            _ => {
                return Err(at_start(
                    "invalid text block: the opening `\"\"\"` must be followed by a line break".to_owned(),
                ))
            }
        }
        let body = self.pos;
        let body_end;
        loop {
            match self.peek() {
                None => {
                    return Err(at_start(
                        "this text block is never closed: expected a closing `\"\"\"` before the end of the file"
                            .to_owned(),
                    ))
                }
                Some(b'\\') => {
                    self.bump();
                    if self.peek().is_some() {
                        self.bump();
                    }
                }
                Some(b'"') => {
                    let mut run = 0;
                    while self.peek() == Some(b'"') {
                        self.bump();
                        run += 1;
                    }
                    if run >= 3 {
                        // In a run of more than three quotes, the last three close the block.
                        body_end = self.pos - 3;
                        break;
                    }
                }
                Some(_) => self.bump(),
            }
        }
        let raw = normalize_newlines(&self.text[body..body_end]);
        let value =
            unescape(&strip_incidental_whitespace(&raw)).map_err(|m| at_start(format!("invalid text block: {m}")))?;
        Ok((Kind::TextBlock, Some(value)))
    }
}

/// CR LF and lone CR become LF.
fn normalize_newlines(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('\r') {
        std::borrow::Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// The incidental whitespace removal of text blocks (spec: `idl.rst`, "Incidental white space
/// removal"): the common indentation of the non-blank lines, and of the closing line, goes, and
/// so does trailing whitespace on every line.
pub(crate) fn strip_incidental_whitespace(raw: &str) -> String {
    let lines: Vec<&str> = raw.split('\n').collect();
    let last = lines.len() - 1;
    let mut common = usize::MAX;
    for (i, line) in lines.iter().enumerate() {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let blank = indent == line.len();
        if blank && i != last {
            continue;
        }
        common = common.min(indent);
    }
    let common = if common == usize::MAX { 0 } else { common };
    let mut out = String::with_capacity(raw.len());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // The first `common` bytes of a line are ASCII whitespace or the line is blank.
        let rest = line.get(common..).unwrap_or("");
        out.push_str(rest.trim_end_matches([' ', '\t']));
    }
    out
}

/// Expands the escapes of a string (spec: "String escape characters").
pub(crate) fn unescape(s: &str) -> Result<String, String> {
    if !s.contains('\\') {
        return Ok(s.to_owned());
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            None => return Err("a `\\` at the end of the string escapes nothing".to_owned()),
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            Some('/') => out.push('/'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('\n') => {}
            Some('u') => {
                let unit = hex4(&mut chars)?;
                let c = match unit {
                    0xD800..=0xDBFF => {
                        // A high surrogate must be followed by an escaped low surrogate.
                        let mut rest = chars.clone();
                        if rest.next() != Some('\\') || rest.next() != Some('u') {
                            return Err(format!("the unicode escape `\\u{unit:04X}` is an unpaired surrogate"));
                        }
                        let low = hex4(&mut rest)?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(format!("the unicode escape `\\u{unit:04X}` is an unpaired surrogate"));
                        }
                        chars = rest;
                        char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    }
                    0xDC00..=0xDFFF => None,
                    _ => char::from_u32(unit),
                };
                match c {
                    Some(c) => out.push(c),
                    None => return Err(format!("the unicode escape `\\u{unit:04X}` is an unpaired surrogate")),
                }
            }
            Some(other) => {
                let shown = if other.is_whitespace() { format!("{other:?}") } else { other.to_string() };
                return Err(format!("invalid escape `\\{shown}` (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"));
            }
        }
    }
    Ok(out)
}

fn hex4(chars: &mut std::str::Chars<'_>) -> Result<u32, String> {
    let mut v = 0u32;
    for _ in 0..4 {
        match chars.next() {
            Some(h) if h.is_ascii_hexdigit() => v = v * 16 + h.to_digit(16).unwrap_or(0),
            Some('"') | None => return Err("unclosed unicode escape: `\\u` needs four hex digits".to_owned()),
            Some(other) => {
                return Err(format!("invalid character `{other}` in a unicode escape (four hex digits expected)"))
            }
        }
    }
    Ok(v)
}
