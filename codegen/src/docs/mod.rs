//! Conversion of Smithy `@documentation` strings (HTML, sometimes plain text) into
//! rustdoc Markdown.
//!
//! The output is meant to be emitted line by line as `#[doc = " line"]` attributes
//! and is built to be warning-free under `RUSTDOCFLAGS=-Dwarnings`:
//!
//! * literal Markdown punctuation in text (`[`, `]`, `*`, `_`, `` ` ``, `~`, ...)
//!   is backslash-escaped and `<` is written `&lt;`, so text can neither start a
//!   broken intra-doc link, nor emphasis, nor something that looks like an HTML tag;
//! * `<code>` becomes a code span, `<a href>` a Markdown link (autolink when the
//!   text is empty), `<b>`/`<i>` emphasis (dropped when CommonMark could not parse
//!   it back), `<ul>`/`<ol>`/`<dl>` lists, `<note>`/`<important>` block quotes
//!   starting with **Note:** / **Important:**, headings bold paragraphs, `<br>`
//!   hard line breaks, `<pre>` fenced `text` blocks, `<table>` GFM tables;
//! * bare `http(s)://` URLs become autolinks (`<https://...>`);
//! * no line is indented by four spaces outside a list item, and every code
//!   block is fenced with the `text` language so rustdoc never runs it as a
//!   doctest;
//! * no raw HTML is ever emitted.
//!
//! Text that is not HTML (plain text, or CommonMark) is treated as plain text:
//! escaped the same way, with blank lines separating paragraphs.
//!
//! The converter never panics: unknown "tags" such as `<folder name>` are kept
//! as literal text, unclosed or stray tags are tolerated and nesting depth is
//! bounded. Control characters and bidirectional overrides (which rustc rejects
//! in string literals) are removed.

mod html;
mod summary;
#[cfg(test)]
mod tests;

use html::{Elem, Kind, Node};

pub use summary::summary;

/// Converts a Smithy `@documentation` string (usually HTML, sometimes plain text or CommonMark) to rustdoc Markdown.
pub fn html_to_markdown(html: &str) -> String {
    if html.trim().is_empty() {
        return String::new();
    }
    let root = html::parse(html);
    let nodes: Vec<&Node> = root.children.iter().collect();
    let mut blocks = Vec::new();
    render_blocks(&nodes, true, &mut blocks);
    finish(join_blocks(&blocks, false))
}

/// Trims trailing whitespace, collapses blank-line runs and strips leading and
/// trailing blank lines.
fn finish(lines: Vec<String>) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in &lines {
        let line = line.trim_end();
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank {
                out.push('\n');
            }
        }
        blank = false;
        out.push_str(line);
    }
    out
}

// ---------------------------------------------------------------------------
// Block level
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BlockKind {
    Para,
    /// A list; `interrupts` tells whether it may directly follow a paragraph line.
    List {
        ordered: bool,
        marker: char,
        interrupts: bool,
    },
    Other,
}

#[derive(Debug)]
struct Block {
    kind: BlockKind,
    /// Non-empty; the first line is never blank.
    lines: Vec<String>,
}

/// Joins blocks with blank lines. Inside list items a list directly following a
/// paragraph is attached without a blank line, which keeps nested lists tight.
fn join_blocks(blocks: &[Block], in_item: bool) -> Vec<String> {
    let mut out = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if i > 0 {
            let tight = in_item
                && blocks[i - 1].kind == BlockKind::Para
                && matches!(
                    b.kind,
                    BlockKind::List {
                        interrupts: true,
                        ..
                    }
                );
            if !tight {
                out.push(String::new());
            }
        }
        out.extend(b.lines.iter().cloned());
    }
    out
}

fn is_blank_text(n: &Node) -> bool {
    matches!(n, Node::Text(t) if t.trim_matches(|c: char| c.is_ascii_whitespace()).is_empty())
}

/// Whether an element has a block-level descendant (used to decide whether an
/// inline element — typically an unclosed `<b>` — must be treated as a container).
fn has_block(e: &Elem) -> bool {
    e.children.iter().any(|n| match n {
        Node::Elem(c) => {
            (!c.kind.is_inline() && !matches!(c.kind, Kind::Drop | Kind::Hr)) || has_block(c)
        }
        Node::Text(_) => false,
    })
}

/// Renders a sequence of sibling nodes as blocks. `root` enables blank lines in
/// text as paragraph separators (for plain-text documentation).
fn render_blocks(nodes: &[&Node], root: bool, out: &mut Vec<Block>) {
    let mut run: Vec<&Node> = Vec::new();
    let mut i = 0;
    while i < nodes.len() {
        let node = nodes[i];
        i += 1;
        let e = match node {
            Node::Text(_) => {
                run.push(node);
                continue;
            }
            Node::Elem(e) => e,
        };
        match e.kind {
            Kind::Strong | Kind::Emph | Kind::Inline if has_block(e) => {
                flush_paragraph(&mut run, root, out);
                let children: Vec<&Node> = e.children.iter().collect();
                render_blocks(&children, false, out);
            }
            k if k.is_inline() => run.push(node),
            Kind::Item | Kind::Term | Kind::Def => {
                // Stray list items / definition parts outside their list.
                flush_paragraph(&mut run, root, out);
                let group = |k: Kind| {
                    if e.kind == Kind::Item {
                        k == Kind::Item
                    } else {
                        matches!(k, Kind::Term | Kind::Def)
                    }
                };
                let mut members = vec![node];
                while i < nodes.len() {
                    match nodes[i] {
                        Node::Elem(x) if group(x.kind) => members.push(nodes[i]),
                        n if is_blank_text(n) => {}
                        _ => break,
                    }
                    i += 1;
                }
                if e.kind == Kind::Item {
                    render_list(list_items(&members), false, 1, out);
                } else {
                    render_deflist(&members, out);
                }
            }
            _ => {
                flush_paragraph(&mut run, root, out);
                render_block(e, out);
            }
        }
    }
    flush_paragraph(&mut run, root, out);
}

fn flush_paragraph(run: &mut Vec<&Node>, root: bool, out: &mut Vec<Block>) {
    if run.is_empty() {
        return;
    }
    let ctx = ICtx {
        para_breaks: root,
        ..ICtx::default()
    };
    let mut pieces = Vec::new();
    for n in run.iter() {
        inline(n, ctx, &mut pieces);
    }
    run.clear();
    push_paragraphs(pieces, out);
}

fn push_paragraphs(pieces: Vec<Piece>, out: &mut Vec<Block>) {
    for lines in finalize(pieces) {
        out.push(Block {
            kind: BlockKind::Para,
            lines,
        });
    }
}

fn render_block(e: &Elem, out: &mut Vec<Block>) {
    let children: Vec<&Node> = e.children.iter().collect();
    match e.kind {
        Kind::List { ordered } => {
            render_list(list_items(&children), ordered, e.start.unwrap_or(1), out)
        }
        Kind::DefList => render_deflist(&children, out),
        Kind::Admonition(label) => {
            let mut inner = Vec::new();
            render_blocks(&children, false, &mut inner);
            if inner.is_empty() {
                return;
            }
            let label = format!("**{label}:**");
            let lines = if inner[0].kind == BlockKind::Para {
                inner[0].lines[0] = format!("{label} {}", inner[0].lines[0]);
                join_blocks(&inner, false)
            } else {
                let mut lines = vec![label, String::new()];
                lines.extend(join_blocks(&inner, false));
                lines
            };
            out.push(Block {
                kind: BlockKind::Other,
                lines: quote(lines),
            });
        }
        Kind::Quote => {
            let mut inner = Vec::new();
            render_blocks(&children, false, &mut inner);
            if !inner.is_empty() {
                out.push(Block {
                    kind: BlockKind::Other,
                    lines: quote(join_blocks(&inner, false)),
                });
            }
        }
        Kind::Pre => {
            let mut text = String::new();
            raw_text(&children, &mut text);
            if let Some(lines) = fenced(&text) {
                out.push(Block {
                    kind: BlockKind::Other,
                    lines,
                });
            }
        }
        Kind::Heading => {
            let mut pieces = vec![Piece::Open(Emph::Strong)];
            let ctx = ICtx {
                bold: true,
                ..ICtx::default()
            };
            for n in &children {
                inline(n, ctx, &mut pieces);
            }
            pieces.push(Piece::Close(Emph::Strong));
            push_paragraphs(pieces, out);
        }
        Kind::Table => render_table(e, out),
        Kind::Hr | Kind::Drop | Kind::Void | Kind::Br => {}
        // Generic containers (and table parts found outside a table).
        _ => render_blocks(&children, false, out),
    }
}

fn quote(lines: Vec<String>) -> Vec<String> {
    lines
        .into_iter()
        .map(|l| {
            if l.is_empty() {
                ">".to_string()
            } else {
                format!("> {l}")
            }
        })
        .collect()
}

/// Groups the children of a list into items; stray content joins the previous item.
fn list_items<'a>(children: &[&'a Node]) -> Vec<Vec<&'a Node>> {
    let mut items: Vec<Vec<&Node>> = Vec::new();
    for &n in children {
        match n {
            Node::Elem(e) if e.kind == Kind::Item => items.push(e.children.iter().collect()),
            n if is_blank_text(n) => {}
            n => match items.last_mut() {
                Some(item) => item.push(n),
                None => items.push(vec![n]),
            },
        }
    }
    items
}

fn render_list(items: Vec<Vec<&Node>>, ordered: bool, start: u64, out: &mut Vec<Block>) {
    let items: Vec<Vec<String>> = items
        .iter()
        .map(|nodes| {
            let mut blocks = Vec::new();
            render_blocks(nodes, false, &mut blocks);
            join_blocks(&blocks, true)
        })
        .filter(|lines| !lines.is_empty())
        .collect();
    emit_list(items, ordered, start, out);
}

fn emit_list(items: Vec<Vec<String>>, ordered: bool, start: u64, out: &mut Vec<Block>) {
    if items.is_empty() {
        return;
    }
    // Two adjacent lists with the same marker would merge into one: alternate markers.
    let prev = match out.last() {
        Some(Block {
            kind: BlockKind::List {
                ordered: o, marker, ..
            },
            ..
        }) if *o == ordered => Some(*marker),
        _ => None,
    };
    let marker = match (ordered, prev) {
        (true, Some('.')) => ')',
        (true, _) => '.',
        (false, Some('-')) => '*',
        (false, _) => '-',
    };
    // CommonMark allows at most 9 digits in an ordered list marker.
    let start = start.min(999_999_999 - items.len() as u64);
    let loose = items.iter().any(|item| item.iter().any(|l| l.is_empty()));
    let mut lines = Vec::new();
    for (n, item) in items.iter().enumerate() {
        if n > 0 && loose {
            lines.push(String::new());
        }
        let bullet = if ordered {
            format!("{}{marker} ", start + n as u64)
        } else {
            format!("{marker} ")
        };
        let indent = " ".repeat(bullet.len());
        for (k, l) in item.iter().enumerate() {
            lines.push(if k == 0 {
                format!("{bullet}{l}")
            } else if l.is_empty() {
                String::new()
            } else {
                format!("{indent}{l}")
            });
        }
    }
    out.push(Block {
        kind: BlockKind::List {
            ordered,
            marker,
            interrupts: !ordered || start == 1,
        },
        lines,
    });
}

/// `<dl>`: each term becomes a list item whose first paragraph is the bold term,
/// followed by the definition blocks.
fn render_deflist(children: &[&Node], out: &mut Vec<Block>) {
    let mut items: Vec<Vec<Block>> = Vec::new();
    for &n in children {
        match n {
            Node::Elem(e) if e.kind == Kind::Term => {
                let mut pieces = vec![Piece::Open(Emph::Strong)];
                let ctx = ICtx {
                    bold: true,
                    ..ICtx::default()
                };
                for c in &e.children {
                    inline(c, ctx, &mut pieces);
                }
                pieces.push(Piece::Close(Emph::Strong));
                let mut blocks = Vec::new();
                push_paragraphs(pieces, &mut blocks);
                items.push(blocks);
            }
            n if is_blank_text(n) => {}
            n => {
                let mut blocks = Vec::new();
                match n {
                    Node::Elem(e) if e.kind == Kind::Def => {
                        let c: Vec<&Node> = e.children.iter().collect();
                        render_blocks(&c, false, &mut blocks);
                    }
                    n => render_blocks(&[n], false, &mut blocks),
                }
                match items.last_mut() {
                    Some(item) => item.extend(blocks),
                    None => items.push(blocks),
                }
            }
        }
    }
    let items = items
        .iter()
        .map(|b| join_blocks(b, true))
        .filter(|l| !l.is_empty())
        .collect();
    emit_list(items, false, 1, out);
}

/// Text of a `<pre>` element, whitespace preserved.
fn raw_text(nodes: &[&Node], out: &mut String) {
    for n in nodes {
        match n {
            Node::Text(t) => out.push_str(t),
            Node::Elem(e) => match e.kind {
                Kind::Br => out.push('\n'),
                Kind::Drop | Kind::Void | Kind::Hr => {}
                k => {
                    let block = !k.is_inline();
                    if block && !out.is_empty() && !out.ends_with('\n') {
                        out.push('\n');
                    }
                    let c: Vec<&Node> = e.children.iter().collect();
                    raw_text(&c, out);
                    if block && !out.ends_with('\n') {
                        out.push('\n');
                    }
                }
            },
        }
    }
}

/// A fenced `text` code block (never compiled as a doctest), or None if empty.
fn fenced(text: &str) -> Option<Vec<String>> {
    let mut lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    while lines.first().is_some_and(|l| l.is_empty()) {
        lines.remove(0);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    if lines.is_empty() {
        return None;
    }
    let indent = lines
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
    let mut out = vec![format!("{fence}text")];
    // Every non-empty line has at least `indent` leading ASCII blanks, so slicing is safe.
    out.extend(lines.iter().map(|l| {
        if l.is_empty() {
            String::new()
        } else {
            l[indent..].to_string()
        }
    }));
    out.push(fence);
    Some(out)
}

fn longest_run(s: &str, ch: char) -> usize {
    let (mut best, mut cur) = (0, 0);
    for c in s.chars() {
        if c == ch {
            cur += 1;
            best = best.max(cur);
        } else {
            cur = 0;
        }
    }
    best
}

fn render_table(e: &Elem, out: &mut Vec<Block>) {
    fn collect<'a>(
        nodes: &'a [Node],
        rows: &mut Vec<Vec<&'a Elem>>,
        captions: &mut Vec<&'a Elem>,
        loose: &mut bool,
    ) {
        for n in nodes {
            let Node::Elem(e) = n else { continue };
            match e.kind {
                Kind::Row => {
                    rows.push(
                        e.children
                            .iter()
                            .filter_map(|c| match c {
                                Node::Elem(c) if c.kind == Kind::Cell => Some(c),
                                _ => None,
                            })
                            .collect(),
                    );
                    *loose = false;
                }
                Kind::Cell => {
                    if !*loose {
                        rows.push(Vec::new());
                        *loose = true;
                    }
                    rows.last_mut().expect("just pushed").push(e);
                }
                Kind::Caption => captions.push(e),
                Kind::TableSection => collect(&e.children, rows, captions, loose),
                _ => {}
            }
        }
    }
    let (mut rows, mut captions, mut loose) = (Vec::new(), Vec::new(), false);
    collect(&e.children, &mut rows, &mut captions, &mut loose);
    for c in captions {
        let children: Vec<&Node> = c.children.iter().collect();
        render_blocks(&children, false, out);
    }
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cell_text(c)).collect())
        .collect();
    let ncols = rows.iter().map(Vec::len).max().unwrap_or(0);
    if ncols == 0 {
        return;
    }
    let line = |cells: &[String]| {
        let mut s = String::from("|");
        for i in 0..ncols {
            s.push(' ');
            s.push_str(cells.get(i).map_or("", String::as_str));
            s.push_str(" |");
        }
        s
    };
    let mut lines = vec![line(&rows[0])];
    lines.push(line(&vec!["---".to_string(); ncols]));
    lines.extend(rows[1..].iter().map(|r| line(r)));
    out.push(Block {
        kind: BlockKind::Other,
        lines,
    });
}

fn cell_text(cell: &Elem) -> String {
    let ctx = ICtx {
        flat: true,
        ..ICtx::default()
    };
    let mut pieces = Vec::new();
    for n in &cell.children {
        inline(n, ctx, &mut pieces);
    }
    let text: Vec<String> = finalize(pieces).into_iter().flatten().collect();
    text.join(" ").replace('|', "\\|")
}

// ---------------------------------------------------------------------------
// Inline level
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Emph {
    Strong,
    Em,
}

impl Emph {
    fn delim(self) -> &'static str {
        match self {
            Emph::Strong => "**",
            Emph::Em => "*",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    /// Finished Markdown that neither starts nor ends with ASCII whitespace.
    Text(String),
    /// Raw content of a code span (adjacent spans are merged, so that their
    /// backtick fences cannot run together).
    Code(String),
    Space,
    /// `<br>`: a hard line break.
    Break,
    /// A blank line in plain text: a paragraph break.
    ParaBreak,
    Open(Emph),
    Close(Emph),
}

impl Piece {
    fn is_space(&self) -> bool {
        matches!(self, Piece::Space | Piece::Break | Piece::ParaBreak)
    }
    fn is_delim(&self) -> bool {
        matches!(self, Piece::Open(_) | Piece::Close(_))
    }
}

#[derive(Clone, Copy, Default)]
struct ICtx {
    /// Inside link text: no autolinks, no nested links, no line breaks.
    link: bool,
    bold: bool,
    italic: bool,
    /// Blank lines in text are paragraph breaks.
    para_breaks: bool,
    /// Table cell: everything on one line.
    flat: bool,
}

fn inline(node: &Node, c: ICtx, out: &mut Vec<Piece>) {
    let e = match node {
        Node::Text(t) => return text_pieces(t, c, out),
        Node::Elem(e) => e,
    };
    let children = |c: ICtx, out: &mut Vec<Piece>| {
        for n in &e.children {
            inline(n, c, out);
        }
    };
    match e.kind {
        Kind::Br => out.push(if c.link || c.flat {
            Piece::Space
        } else {
            Piece::Break
        }),
        Kind::Strong if !c.bold => {
            out.push(Piece::Open(Emph::Strong));
            children(ICtx { bold: true, ..c }, out);
            out.push(Piece::Close(Emph::Strong));
        }
        Kind::Emph if !c.italic => {
            out.push(Piece::Open(Emph::Em));
            children(ICtx { italic: true, ..c }, out);
            out.push(Piece::Close(Emph::Em));
        }
        Kind::Strong | Kind::Emph | Kind::Inline => children(c, out),
        Kind::Code => code(e, c, out),
        Kind::Link => link(e, c, out),
        Kind::Void | Kind::Drop => {}
        Kind::Hr => out.push(Piece::Space),
        // Block content inside inline content: flatten it, separated by spaces.
        _ => {
            out.push(Piece::Space);
            children(
                ICtx {
                    para_breaks: false,
                    ..c
                },
                out,
            );
            out.push(Piece::Space);
        }
    }
}

fn text_pieces(t: &str, c: ICtx, out: &mut Vec<Piece>) {
    let mut rest = t;
    while !rest.is_empty() {
        let ws = rest.len()
            - rest
                .trim_start_matches(|ch: char| ch.is_ascii_whitespace())
                .len();
        if ws > 0 {
            let newlines = rest[..ws].bytes().filter(|&b| b == b'\n').count();
            out.push(if c.para_breaks && newlines >= 2 {
                Piece::ParaBreak
            } else {
                Piece::Space
            });
            rest = &rest[ws..];
            continue;
        }
        let len = rest
            .find(|ch: char| ch.is_ascii_whitespace())
            .unwrap_or(rest.len());
        out.push(Piece::Text(escape_word(&rest[..len], c.link)));
        rest = &rest[len..];
    }
}

/// Plain text content of an element, whitespace collapsed.
fn flat_text(e: &Elem) -> String {
    fn walk(nodes: &[Node], out: &mut String) {
        for n in nodes {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Elem(e) => match e.kind {
                    Kind::Drop | Kind::Void => {}
                    k if k.is_inline() && k != Kind::Br => walk(&e.children, out),
                    _ => {
                        out.push(' ');
                        walk(&e.children, out);
                        out.push(' ');
                    }
                },
            }
        }
    }
    let mut s = String::new();
    walk(&e.children, &mut s);
    s.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// An inline code span whose fence works whatever backticks the code contains.
fn code_span(s: &str) -> String {
    let fence = "`".repeat(longest_run(s, '`') + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

fn code(e: &Elem, c: ICtx, out: &mut Vec<Piece>) {
    // `<code><a href="...">X</a></code>`: a link whose text is code.
    if !c.link {
        let mut elems = e.children.iter().filter(|n| !is_blank_text(n));
        if let (Some(Node::Elem(a)), None) = (elems.next(), elems.next()) {
            if a.kind == Kind::Link {
                if let Some(dest) = a.href.as_deref().and_then(link_dest) {
                    let text = flat_text(a);
                    if !text.is_empty() {
                        out.push(Piece::Text(format!("[{}]({dest})", code_span(&text))));
                        return;
                    }
                }
            }
        }
    }
    let text = flat_text(e);
    if !text.is_empty() {
        out.push(Piece::Code(text));
    }
}

fn link(e: &Elem, c: ICtx, out: &mut Vec<Piece>) {
    if c.link {
        // Links cannot nest: keep the inner text only.
        for n in &e.children {
            inline(n, c, out);
        }
        return;
    }
    let href = e.href.as_deref().map(str::trim).filter(|h| !h.is_empty());
    let Some(href) = href else {
        // An anchor without a target names an API member: render it as code.
        let text = flat_text(e);
        if !text.is_empty() {
            out.push(Piece::Code(text));
        }
        return;
    };
    let Some(dest) = link_dest(href) else {
        // Relative or unsupported target: keep the text only.
        for n in &e.children {
            inline(n, c, out);
        }
        return;
    };
    let mut inner = Vec::new();
    for n in &e.children {
        inline(n, ICtx { link: true, ..c }, &mut inner);
    }
    let first = inner.iter().position(|p| !p.is_space());
    let Some(first) = first else {
        out.extend(inner);
        out.push(Piece::Text(format!("<{dest}>")));
        return;
    };
    let last = inner
        .iter()
        .rposition(|p| !p.is_space())
        .expect("first exists");
    let has_text = inner[first..=last]
        .iter()
        .any(|p| matches!(p, Piece::Text(_) | Piece::Code(_)));
    let trailing: Vec<Piece> = inner.drain(last + 1..).collect();
    let body: Vec<Piece> = inner.drain(first..).collect();
    out.extend(inner); // leading whitespace
    if !has_text || flat_text(e) == href {
        // No text, or the URL itself as text: an autolink.
        out.push(Piece::Text(format!("<{dest}>")));
    } else {
        out.push(Piece::Text("[".to_string()));
        out.extend(body);
        out.push(Piece::Text(format!("]({dest})")));
    }
    out.extend(trailing);
}

/// The Markdown destination for an `href`, or None when it should not be a link
/// (relative targets would be taken for intra-doc links by rustdoc).
fn link_dest(href: &str) -> Option<String> {
    let href = href.trim();
    let colon = href.find(':')?;
    let scheme = &href[..colon];
    let valid_scheme = scheme.len() >= 2
        && scheme.len() <= 32
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'));
    if !valid_scheme {
        return None;
    }
    let rest = &href[colon + 1..];
    let lower = scheme.to_ascii_lowercase();
    let ok = match lower.as_str() {
        "mailto" => rest.contains('@') && rest.contains('.'),
        "javascript" | "vbscript" | "data" | "file" => false,
        _ => rest.starts_with("//") && rest.len() > 2,
    };
    if !ok {
        return None;
    }
    let mut out = String::with_capacity(href.len());
    for ch in href.chars() {
        match ch {
            ' ' => out.push_str("%20"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '\\' => out.push_str("%5C"),
            '`' => out.push_str("%60"),
            '"' => out.push_str("%22"),
            c if c.is_whitespace() || c.is_control() => out.push_str("%20"),
            c => out.push(c),
        }
    }
    Some(out)
}

/// Escapes one whitespace-free word of text; bare URLs become autolinks.
fn escape_word(word: &str, in_link: bool) -> String {
    let mut out = String::with_capacity(word.len() + 8);
    let mut rest = word;
    if !in_link && word.contains(':') {
        while let Some((start, end)) = find_url(rest) {
            escape_plain(&rest[..start], &mut out);
            out.push('<');
            out.push_str(&rest[start..end]);
            out.push('>');
            rest = &rest[end..];
        }
    }
    escape_plain(rest, &mut out);
    out
}

/// Finds a bare `http(s)://` URL in a word; returns its byte range.
fn find_url(s: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(p) = s[from..].find("http") {
        let start = from + p;
        from = start + 4;
        let after = &s[start..];
        let scheme = if after.starts_with("https://") {
            8
        } else if after.starts_with("http://") {
            7
        } else {
            continue;
        };
        if s[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let body = &s[start + scheme..];
        let stop = body
            .find(|c: char| {
                matches!(c, '<' | '>' | '"' | '`' | '\\') || c.is_whitespace() || c.is_control()
            })
            .unwrap_or(body.len());
        let mut url = &s[start..start + scheme + stop];
        // Unbalanced closing brackets at the end belong to the surrounding text.
        let mut balance = [0isize; 3];
        for c in url.chars() {
            match c {
                '(' => balance[0] += 1,
                ')' => balance[0] -= 1,
                '[' => balance[1] += 1,
                ']' => balance[1] -= 1,
                '{' => balance[2] += 1,
                '}' => balance[2] -= 1,
                _ => {}
            }
        }
        while let Some(last) = url.chars().next_back() {
            let bracket = match last {
                ')' => Some(0),
                ']' => Some(1),
                '}' => Some(2),
                _ => None,
            };
            let strip = match bracket {
                Some(k) if balance[k] < 0 => {
                    balance[k] += 1;
                    true
                }
                Some(_) => false,
                None => matches!(
                    last,
                    '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' | '_' | '~'
                ),
            };
            if !strip {
                break;
            }
            url = &url[..url.len() - last.len_utf8()];
        }
        if url[scheme..].starts_with(|c: char| c.is_alphanumeric()) {
            return Some((start, start + url.len()));
        }
    }
    None
}

/// Backslash-escapes text so that it renders literally.
fn escape_plain(s: &str, out: &mut String) {
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        match c {
            // `&lt;` rather than `\<`, so that no `<tag>`-looking text survives.
            '<' => {
                out.push_str("&lt;");
                prev = Some(c);
                continue;
            }
            '\\' | '`' | '*' | '[' | ']' | '~' => out.push('\\'),
            '_' => {
                // Intra-word underscores can never delimit emphasis.
                let next = s[i + 1..].chars().next();
                if !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
                {
                    out.push('\\');
                }
            }
            '&' if looks_like_entity(&s[i + 1..]) => out.push('\\'),
            _ => {}
        }
        out.push(c);
        prev = Some(c);
    }
}

fn looks_like_entity(s: &str) -> bool {
    let b = s.as_bytes();
    let mut j = usize::from(b.first() == Some(&b'#'));
    let start = j;
    while j < b.len() && b[j].is_ascii_alphanumeric() {
        j += 1;
    }
    j > start && b.get(j) == Some(&b';')
}

fn is_ws(c: char) -> bool {
    c.is_whitespace()
}

fn is_punct(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

/// Turns inline pieces into paragraphs of finished Markdown lines.
fn finalize(pieces: Vec<Piece>) -> Vec<Vec<String>> {
    let pieces = normalize(pieces);
    let keep = validate_emphasis(&pieces);
    emit(&pieces, &keep)
}

/// Moves whitespace out of emphasis, merges `**a****b**` into `**ab**` and drops
/// empty emphasis.
fn normalize(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for p in pieces {
        match p {
            Piece::Open(k) => {
                if out.last() == Some(&Piece::Close(k)) {
                    out.pop();
                } else {
                    out.push(p);
                }
            }
            Piece::Close(k) => {
                let mut ws = Vec::new();
                while out.last().is_some_and(Piece::is_space) {
                    ws.push(out.pop().expect("checked"));
                }
                if out.last() == Some(&Piece::Open(k)) {
                    out.pop();
                } else {
                    out.push(p);
                }
                out.extend(ws.into_iter().rev());
            }
            Piece::Space | Piece::Break | Piece::ParaBreak => {
                let mut opens = Vec::new();
                while matches!(out.last(), Some(Piece::Open(_))) {
                    opens.push(out.pop().expect("checked"));
                }
                out.push(p);
                out.extend(opens.into_iter().rev());
            }
            Piece::Code(ref code) => {
                if let Some(Piece::Code(prev)) = out.last_mut() {
                    prev.push_str(code);
                } else {
                    out.push(p);
                }
            }
            Piece::Text(_) => out.push(p),
        }
    }
    out
}

/// Decides which emphasis delimiters are kept: each pair must be matched and its
/// delimiter runs must be unambiguous openers / closers under CommonMark's
/// flanking rules, otherwise the pair is dropped (its text stays).
fn validate_emphasis(p: &[Piece]) -> Vec<bool> {
    let n = p.len();
    let mut keep = vec![false; n];
    let mut partner = vec![usize::MAX; n];
    let mut stack: Vec<usize> = Vec::new();
    for (i, piece) in p.iter().enumerate() {
        match piece {
            Piece::Open(_) => stack.push(i),
            Piece::Close(k) => {
                if let Some(&o) = stack.last() {
                    if p[o] == Piece::Open(*k) {
                        stack.pop();
                        partner[o] = i;
                        partner[i] = o;
                        keep[o] = true;
                        keep[i] = true;
                    }
                }
            }
            _ => {}
        }
    }
    let edge_char = |i: Option<usize>| -> char {
        match i.map(|i| &p[i]) {
            Some(Piece::Text(t)) => t.chars().next().unwrap_or(' '),
            Some(Piece::Code(_)) => '`',
            _ => ' ',
        }
    };
    let last_char = |i: Option<usize>| -> char {
        match i.map(|i| &p[i]) {
            Some(Piece::Text(t)) => t.chars().next_back().unwrap_or(' '),
            Some(Piece::Code(_)) => '`',
            _ => ' ',
        }
    };
    for round in 0.. {
        if round >= 32 {
            keep.iter_mut().for_each(|k| *k = false);
            break;
        }
        let mut drop = Vec::new();
        // Runs of kept delimiters, as (first piece, last piece, kept members).
        let mut runs: Vec<(usize, usize, Vec<usize>)> = Vec::new();
        let mut i = 0;
        while i < n {
            if !p[i].is_delim() {
                i += 1;
                continue;
            }
            let start = i;
            while i + 1 < n && p[i + 1].is_delim() {
                i += 1;
            }
            let kept: Vec<usize> = (start..=i).filter(|&j| keep[j]).collect();
            if !kept.is_empty() {
                runs.push((start, i, kept));
            }
            i += 1;
        }
        let mut run_index = vec![usize::MAX; n];
        for (r, (start, end, _)) in runs.iter().enumerate() {
            run_index[*start..=*end].iter_mut().for_each(|x| *x = r);
        }
        let run_of = |j: usize| runs.get(*run_index.get(j)?);
        let mut depth = 0usize;
        for (start, end, run) in &runs {
            let depth_before = depth;
            for &j in run {
                match p[j] {
                    Piece::Open(_) => depth += 1,
                    _ => depth = depth.saturating_sub(1),
                }
            }
            let prev = last_char(start.checked_sub(1));
            let next = edge_char(if end + 1 < n { Some(end + 1) } else { None });
            let left = !is_ws(next) && (!is_punct(next) || is_ws(prev) || is_punct(prev));
            let right = !is_ws(prev) && (!is_punct(prev) || is_ws(next) || is_punct(next));
            // A run that can both open and close is only safe when it is a lone
            // delimiter whose partner is a lone delimiter too (so CommonMark's
            // "multiple of 3" rule cannot interfere), and, for an opener, when no
            // outer emphasis is open that it could close instead.
            let simple = run.len() == 1 && run_of(partner[run[0]]).is_some_and(|r| r.2.len() == 1);
            let opens = run
                .iter()
                .filter(|&&j| matches!(p[j], Piece::Open(_)))
                .count();
            if opens == run.len() {
                if !(left && (!right || (simple && depth_before == 0))) {
                    drop.extend(run.iter().copied());
                }
            } else if opens == 0 {
                if !(right && (!left || simple)) {
                    drop.extend(run.iter().copied());
                }
            } else {
                drop.extend(
                    run.iter()
                        .copied()
                        .filter(|&j| matches!(p[j], Piece::Open(_))),
                );
            }
        }
        if drop.is_empty() {
            break;
        }
        for j in drop {
            keep[j] = false;
            if partner[j] != usize::MAX {
                keep[partner[j]] = false;
            }
        }
    }
    keep
}

fn emit(p: &[Piece], keep: &[bool]) -> Vec<Vec<String>> {
    let mut paras: Vec<Vec<String>> = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut depth = 0usize;
    let mut space = false;
    let mut breaks = 0;
    fn end_para(lines: &mut Vec<String>, paras: &mut Vec<Vec<String>>) {
        if lines.is_empty() {
            return;
        }
        let n = lines.len();
        let done = lines
            .drain(..)
            .enumerate()
            .map(|(i, l)| {
                let mut l = escape_line_start(&l);
                if i + 1 < n {
                    l.push('\\');
                }
                l
            })
            .collect();
        paras.push(done);
    }
    for (i, piece) in p.iter().enumerate() {
        let code;
        let s = match piece {
            Piece::Code(c) => {
                code = code_span(c);
                code.as_str()
            }
            Piece::Space => {
                space = true;
                continue;
            }
            Piece::Break => {
                breaks += 1;
                continue;
            }
            Piece::ParaBreak => {
                breaks += 2;
                continue;
            }
            Piece::Open(k) | Piece::Close(k) if keep[i] => k.delim(),
            Piece::Open(_) | Piece::Close(_) => continue,
            Piece::Text(t) => t.as_str(),
        };
        if breaks > 0 && !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
            if breaks >= 2 && depth == 0 {
                end_para(&mut lines, &mut paras);
            }
        } else if space && !cur.is_empty() {
            cur.push(' ');
        }
        breaks = 0;
        space = false;
        cur.push_str(s);
        match piece {
            Piece::Open(_) => depth += 1,
            Piece::Close(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    end_para(&mut lines, &mut paras);
    paras.retain(|l| l.iter().any(|l| !l.trim().is_empty()));
    paras
}

/// Escapes what would otherwise start a block construct at the beginning of a
/// line: list markers, headings, block quotes, setext underlines, thematic breaks
/// and table delimiter rows.
fn escape_line_start(line: &str) -> String {
    let only = |set: &[char]| line.chars().all(|c| set.contains(&c));
    let first = line.chars().next();
    let second = line.chars().nth(1);
    let blank_after = |c: Option<char>| matches!(c, None | Some(' ' | '\t'));
    let needs = match first {
        Some('>') => true,
        Some('-' | '+') => blank_after(second) || only(&['-', ' ', '\t']),
        Some('=') => only(&['=', ' ', '\t']),
        Some('#') => {
            let hashes = line.len() - line.trim_start_matches('#').len();
            hashes <= 6 && blank_after(line[hashes..].chars().next())
        }
        _ => false,
    } || (line.contains('-') && only(&['|', '-', ':', ' ', '\t']));
    if needs {
        return format!("\\{line}");
    }
    // Ordered list marker: up to 9 digits followed by `.` or `)` and a blank.
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=9).contains(&digits) {
        let rest = &line[digits..];
        if (rest.starts_with('.') || rest.starts_with(')')) && blank_after(rest[1..].chars().next())
        {
            return format!("{}\\{}", &line[..digits], rest);
        }
    }
    line.to_string()
}
