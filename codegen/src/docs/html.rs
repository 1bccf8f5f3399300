//! A small, forgiving HTML reader: tokenizer plus tree builder.
//!
//! Only a fixed set of known tag names is treated as markup. Anything else that
//! merely looks like a tag (`<folder name>`, `<view-id>`, `a < b`) stays literal
//! text, which is what the documentation authors meant. Unclosed and stray tags
//! are tolerated, and nesting depth is bounded so hostile input cannot blow the
//! stack of the (recursive) renderer.

/// What a known element means for the Markdown renderer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Generic block container (`p`, `div`, `section`, ...).
    Block,
    /// `ul` / `ol`.
    List {
        ordered: bool,
    },
    /// `li`.
    Item,
    /// `dl`, `dt`, `dd`.
    DefList,
    Term,
    Def,
    /// `note`, `important`, ... rendered as a labelled block quote.
    Admonition(&'static str),
    Pre,
    Quote,
    Heading,
    Table,
    TableSection,
    Row,
    Cell,
    Caption,
    Br,
    Hr,
    /// Void element without a Markdown rendering (`img`, `wbr`, ...).
    Void,
    Link,
    Code,
    Strong,
    Emph,
    /// Inline element rendered transparently (`span`, `u`, `sup`, ...).
    Inline,
    /// Element whose whole content is dropped (`script`, `style`).
    Drop,
}

impl Kind {
    pub(crate) fn is_inline(self) -> bool {
        matches!(
            self,
            Kind::Br
                | Kind::Void
                | Kind::Link
                | Kind::Code
                | Kind::Strong
                | Kind::Emph
                | Kind::Inline
        )
    }

    fn is_void(self) -> bool {
        matches!(self, Kind::Br | Kind::Hr | Kind::Void)
    }
}

fn lookup(name: &str) -> Option<(&'static str, Kind)> {
    const TABLE: &[(&str, Kind)] = &[
        ("p", Kind::Block),
        ("div", Kind::Block),
        ("section", Kind::Block),
        ("article", Kind::Block),
        ("header", Kind::Block),
        ("footer", Kind::Block),
        ("main", Kind::Block),
        ("nav", Kind::Block),
        ("aside", Kind::Block),
        ("body", Kind::Block),
        ("html", Kind::Block),
        ("head", Kind::Block),
        ("title", Kind::Block),
        ("center", Kind::Block),
        ("figure", Kind::Block),
        ("figcaption", Kind::Block),
        ("details", Kind::Block),
        ("summary", Kind::Block),
        ("address", Kind::Block),
        ("fieldset", Kind::Block),
        ("legend", Kind::Block),
        ("fullname", Kind::Block),
        ("ul", Kind::List { ordered: false }),
        ("ol", Kind::List { ordered: true }),
        ("li", Kind::Item),
        ("dl", Kind::DefList),
        ("dt", Kind::Term),
        ("dd", Kind::Def),
        ("note", Kind::Admonition("Note")),
        ("important", Kind::Admonition("Important")),
        ("warning", Kind::Admonition("Warning")),
        ("pre", Kind::Pre),
        ("blockquote", Kind::Quote),
        ("h1", Kind::Heading),
        ("h2", Kind::Heading),
        ("h3", Kind::Heading),
        ("h4", Kind::Heading),
        ("h5", Kind::Heading),
        ("h6", Kind::Heading),
        ("table", Kind::Table),
        ("thead", Kind::TableSection),
        ("tbody", Kind::TableSection),
        ("tfoot", Kind::TableSection),
        ("tr", Kind::Row),
        ("td", Kind::Cell),
        ("th", Kind::Cell),
        ("caption", Kind::Caption),
        ("br", Kind::Br),
        ("hr", Kind::Hr),
        ("img", Kind::Void),
        ("wbr", Kind::Void),
        ("col", Kind::Void),
        ("a", Kind::Link),
        ("code", Kind::Code),
        ("tt", Kind::Code),
        ("kbd", Kind::Code),
        ("samp", Kind::Code),
        ("b", Kind::Strong),
        ("strong", Kind::Strong),
        ("i", Kind::Emph),
        ("em", Kind::Emph),
        ("cite", Kind::Emph),
        ("dfn", Kind::Emph),
        ("var", Kind::Emph),
        ("span", Kind::Inline),
        ("u", Kind::Inline),
        ("ins", Kind::Inline),
        ("s", Kind::Inline),
        ("del", Kind::Inline),
        ("strike", Kind::Inline),
        ("sup", Kind::Inline),
        ("sub", Kind::Inline),
        ("small", Kind::Inline),
        ("big", Kind::Inline),
        ("font", Kind::Inline),
        ("abbr", Kind::Inline),
        ("acronym", Kind::Inline),
        ("mark", Kind::Inline),
        ("q", Kind::Inline),
        ("label", Kind::Inline),
        ("nobr", Kind::Inline),
        ("script", Kind::Drop),
        ("style", Kind::Drop),
    ];
    if name.is_empty() || name.len() > 10 {
        return None;
    }
    TABLE
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|&(n, k)| (n, k))
}

#[derive(Debug)]
pub(crate) enum Node {
    Text(String),
    Elem(Elem),
}

#[derive(Debug)]
pub(crate) struct Elem {
    pub name: &'static str,
    pub kind: Kind,
    pub href: Option<String>,
    pub start: Option<u64>,
    pub children: Vec<Node>,
}

impl Elem {
    fn new(name: &'static str, kind: Kind) -> Elem {
        Elem {
            name,
            kind,
            href: None,
            start: None,
            children: Vec::new(),
        }
    }
}

/// Maximum element nesting; deeper start tags are ignored (their text is kept).
const MAX_DEPTH: usize = 40;

/// Characters that must never reach a doc attribute: C0/C1 controls other than
/// whitespace, and bidirectional overrides (rustc denies them in literals).
fn keep_char(c: char) -> Option<char> {
    match c {
        '\n' | '\t' | ' ' => Some(c),
        '\r' | '\u{0b}' | '\u{0c}' => Some('\n'),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => None,
        c if c.is_control() => None,
        c => Some(c),
    }
}

fn push_clean(out: &mut String, c: char) {
    if let Some(c) = keep_char(c) {
        out.push(c);
    }
}

struct Builder {
    stack: Vec<Elem>,
    misses: Misses,
}

/// Remembers forward searches that failed: once no `-->` follows some position,
/// none follows any later one. Keeps hostile input (thousands of unterminated
/// `<!--`) linear.
struct Misses([usize; 5]);

impl Misses {
    /// Absolute position of `needle` in `input[from..]`; `slot` identifies the needle.
    fn find(&mut self, input: &str, from: usize, needle: &str, slot: usize) -> Option<usize> {
        if from >= self.0[slot] {
            return None;
        }
        let found = input.get(from..)?.find(needle).map(|p| from + p);
        if found.is_none() {
            self.0[slot] = from;
        }
        found
    }
}

impl Builder {
    fn top(&mut self) -> &mut Elem {
        self.stack.last_mut().expect("root is never popped")
    }

    fn text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        let top = self.top();
        if let Some(Node::Text(t)) = top.children.last_mut() {
            t.push_str(s);
        } else {
            top.children.push(Node::Text(s.to_string()));
        }
    }

    fn pop(&mut self) {
        if self.stack.len() > 1 {
            let e = self.stack.pop().expect("len > 1");
            self.top().children.push(Node::Elem(e));
        }
    }

    /// Pops up to and including the innermost open element accepted by `is_target`,
    /// provided it is found before an element accepted by `is_boundary`.
    fn close_implied(
        &mut self,
        is_target: impl Fn(&Elem) -> bool,
        is_boundary: impl Fn(&Elem) -> bool,
    ) {
        let mut found = None;
        for (i, e) in self.stack.iter().enumerate().skip(1).rev() {
            if is_target(e) {
                found = Some(i);
                break;
            }
            if is_boundary(e) {
                break;
            }
        }
        if let Some(i) = found {
            while self.stack.len() > i {
                self.pop();
            }
        }
    }

    fn start(&mut self, name: &'static str, kind: Kind, attrs: Attrs) {
        match kind {
            Kind::Item => self.close_implied(
                |e| e.kind == Kind::Item,
                |e| matches!(e.kind, Kind::List { .. }),
            ),
            Kind::Term | Kind::Def => self.close_implied(
                |e| matches!(e.kind, Kind::Term | Kind::Def),
                |e| e.kind == Kind::DefList,
            ),
            Kind::Cell => self.close_implied(
                |e| e.kind == Kind::Cell,
                |e| matches!(e.kind, Kind::Row | Kind::Table),
            ),
            Kind::Row => self.close_implied(|e| e.kind == Kind::Row, |e| e.kind == Kind::Table),
            // `<p>` implicitly closes an open paragraph (and inline elements inside it).
            _ if name == "p" => self.close_implied(|e| e.name == "p", |e| !e.kind.is_inline()),
            _ => {}
        }
        let mut e = Elem::new(name, kind);
        e.href = attrs.href;
        e.start = attrs.start;
        if kind.is_void() || attrs.self_closing {
            self.top().children.push(Node::Elem(e));
        } else if self.stack.len() <= MAX_DEPTH {
            self.stack.push(e);
        }
    }

    fn end(&mut self, name: &'static str, kind: Kind) {
        if kind == Kind::Br {
            // `</br>` is treated as `<br>` by browsers.
            self.top()
                .children
                .push(Node::Elem(Elem::new("br", Kind::Br)));
            return;
        }
        if let Some(i) = self.stack.iter().rposition(|e| e.name == name) {
            if i == 0 {
                return;
            }
            while self.stack.len() > i {
                self.pop();
            }
        }
    }
}

#[derive(Default)]
struct Attrs {
    href: Option<String>,
    start: Option<u64>,
    /// XML-style `<x/>`: an empty element.
    self_closing: bool,
}

/// Parses HTML (or plain text) into a tree. The returned element is the root container.
pub(crate) fn parse(input: &str) -> Elem {
    let crlf;
    let input = if input.contains("\r\n") {
        crlf = input.replace("\r\n", "\n");
        crlf.as_str()
    } else {
        input
    };
    let mut b = Builder {
        stack: vec![Elem::new("#root", Kind::Block)],
        misses: Misses([usize::MAX; 5]),
    };
    let bytes = input.as_bytes();
    let mut text = String::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                if let Some(next) = markup(input, i, &mut b, &mut text) {
                    i = next;
                } else {
                    text.push('<');
                    i += 1;
                }
            }
            b'&' => {
                let (c, len) = decode_entity(&input[i..]);
                match c {
                    Some(c) => push_clean(&mut text, c),
                    None => text.push('&'),
                }
                i += len;
            }
            _ => {
                // Copy the run of ordinary characters.
                let end = input[i..].find(['<', '&']).map_or(input.len(), |p| i + p);
                for c in input[i..end].chars() {
                    push_clean(&mut text, c);
                }
                i = end;
            }
        }
    }
    b.text(&text);
    while b.stack.len() > 1 {
        b.pop();
    }
    b.stack.pop().expect("root")
}

/// Tries to interpret the markup starting at `input[i] == '<'`. On success, flushes
/// pending text, applies the token, and returns the index after it.
fn markup(input: &str, i: usize, b: &mut Builder, text: &mut String) -> Option<usize> {
    let rest = &input[i..];
    if rest.starts_with("<!--") {
        let end = b.misses.find(input, i + 4, "-->", 0)?;
        return Some(end + 3);
    }
    if rest.starts_with("<![CDATA[") {
        let end = b.misses.find(input, i + 9, "]]>", 1)?;
        for c in input[i + 9..end].chars() {
            push_clean(text, c);
        }
        return Some(end + 3);
    }
    if rest.starts_with("<!") || rest.starts_with("<?") {
        let end = b.misses.find(input, i + 2, ">", 2)?;
        return Some(end + 1);
    }
    let (closing, name_start) = if rest.starts_with("</") {
        (true, 2)
    } else {
        (false, 1)
    };
    let nb = rest.as_bytes();
    if !nb.get(name_start).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut j = name_start;
    while j < nb.len()
        && j - name_start <= 10
        && (nb[j].is_ascii_alphanumeric() || matches!(nb[j], b'-' | b':' | b'_' | b'.'))
    {
        j += 1;
    }
    let (name, kind) = lookup(&rest[name_start..j])?;
    let (attrs, after) = parse_attrs(input, i, j, &mut b.misses)?;
    b.text(text);
    text.clear();
    if closing {
        b.end(name, kind);
    } else if kind == Kind::Drop {
        if attrs.self_closing {
            return Some(i + after);
        }
        // Skip raw content up to the matching end tag (or to the end of input).
        let body = &input[i + after..];
        let close = body.match_indices("</").map(|(p, _)| p).find(|&p| {
            body.as_bytes()
                .get(p + 2..p + 2 + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
        });
        return Some(match close {
            Some(p) => {
                let q = body[p..].find('>').map_or(body.len(), |q| p + q + 1);
                i + after + q
            }
            None => input.len(),
        });
    } else {
        b.start(name, kind, attrs);
    }
    Some(i + after)
}

/// Parses the attributes of the tag starting at `input[base]`, from offset `j` up to
/// and including `>`; returns the attributes we care about and the offset (from
/// `base`) after `>`. `None` if this is not a well-formed tag.
fn parse_attrs(
    input: &str,
    base: usize,
    mut j: usize,
    misses: &mut Misses,
) -> Option<(Attrs, usize)> {
    let s = &input[base..];
    let b = s.as_bytes();
    let mut attrs = Attrs::default();
    loop {
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        match b.get(j)? {
            b'>' => return Some((attrs, j + 1)),
            b'/' if b.get(j + 1) == Some(&b'>') => {
                attrs.self_closing = true;
                return Some((attrs, j + 2));
            }
            b'/' => {
                j += 1;
                continue;
            }
            b'<' | b'"' | b'\'' | b'=' => return None,
            _ => {}
        }
        let name_start = j;
        while j < b.len()
            && !b[j].is_ascii_whitespace()
            && !matches!(b[j], b'=' | b'>' | b'<' | b'"' | b'\'' | b'/')
        {
            j += 1;
        }
        let name = &s[name_start..j];
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = None;
        if b.get(j) == Some(&b'=') {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            match b.get(j)? {
                &q @ (b'"' | b'\'') => {
                    let quote = if q == b'"' { "\"" } else { "'" };
                    let slot = 3 + usize::from(q == b'"');
                    let end = misses.find(input, base + j + 1, quote, slot)? - base;
                    value = Some(&s[j + 1..end]);
                    j = end + 1;
                }
                _ => {
                    let start = j;
                    while j < b.len()
                        && !b[j].is_ascii_whitespace()
                        && !matches!(b[j], b'>' | b'<' | b'"' | b'\'' | b'`')
                    {
                        j += 1;
                    }
                    value = Some(&s[start..j]);
                }
            }
        }
        if let Some(v) = value {
            if name.eq_ignore_ascii_case("href") {
                attrs.href = Some(decode_all(v));
            } else if name.eq_ignore_ascii_case("start") {
                attrs.start = v.trim().parse().ok();
            }
        }
    }
}

/// Decodes all entities of an attribute value.
fn decode_all(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let end = s[i..].find('&').map_or(s.len(), |p| i + p);
        for c in s[i..end].chars() {
            push_clean(&mut out, c);
        }
        i = end;
        if i < s.len() {
            let (c, len) = decode_entity(&s[i..]);
            match c {
                Some(c) => push_clean(&mut out, c),
                None => out.push('&'),
            }
            i += len;
        }
    }
    out
}

/// Decodes the character reference at the start of `s` (which starts with `&`).
/// Returns the decoded char (None: literal `&`) and the number of bytes consumed.
fn decode_entity(s: &str) -> (Option<char>, usize) {
    let b = s.as_bytes();
    let mut j = 1;
    while j < b.len() && j < 40 && (b[j].is_ascii_alphanumeric() || (j == 1 && b[j] == b'#')) {
        j += 1;
    }
    if j == 1 || b.get(j) != Some(&b';') {
        return (None, 1);
    }
    let name = &s[1..j];
    let c = if let Some(num) = name.strip_prefix('#') {
        let v = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()
        } else {
            num.parse::<u32>().ok()
        };
        match v {
            Some(0) => Some('\u{fffd}'),
            Some(v) => Some(char::from_u32(v).unwrap_or('\u{fffd}')),
            None => None,
        }
    } else {
        named_entity(name)
    };
    match c {
        Some(c) => (Some(c), j + 1),
        None => (None, 1),
    }
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "micro" => 'µ',
        "para" => '¶',
        "sect" => '§',
        "cent" => '¢',
        "pound" => '£',
        "yen" => '¥',
        "euro" => '€',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "harr" => '↔',
        "rArr" => '⇒',
        "lArr" => '⇐',
        "le" => '≤',
        "ge" => '≥',
        "ne" => '≠',
        "asymp" => '≈',
        "infin" => '∞',
        "minus" => '−',
        "sup1" => '¹',
        "sup2" => '²',
        "sup3" => '³',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "prime" => '′',
        "Prime" => '″',
        "dagger" => '†',
        "Dagger" => '‡',
        "permil" => '‰',
        "iexcl" => '¡',
        "iquest" => '¿',
        "shy" => '\u{ad}',
        "zwj" => '\u{200d}',
        "zwnj" => '\u{200c}',
        "check" => '✓',
        _ => return None,
    })
}
