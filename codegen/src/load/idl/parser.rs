//! The IDL parser: tokens in, an [`IdlFile`] out (grammar: `idl.rst`, "Smithy IDL ABNF").
//!
//! Recursive descent over the token list. Node values nest, so their depth is bounded
//! ([`MAX_NODE_DEPTH`]); nothing else recurses. Every error names the position and says what was
//! expected and what was found.

use std::collections::HashMap;

use super::ast::*;
use super::lexer::{tokenize, Kind, Token};

/// Node values nested deeper than this are rejected (the stack stays small, and every later
/// recursive walk over the value is bounded too).
pub(crate) const MAX_NODE_DEPTH: usize = 100;

/// A syntax error at a position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub pos: Pos,
    pub message: String,
}

type PResult<T> = Result<T, SyntaxError>;

/// Parses one IDL file.
pub(crate) fn parse(text: &str) -> PResult<IdlFile> {
    let mut p = Parser {
        text,
        toks: tokenize(text),
        i: 0,
        version: Version::V1,
        input_suffix: "Input".to_owned(),
        output_suffix: "Output".to_owned(),
        file: IdlFile {
            version: Version::V1,
            namespace: None,
            uses: Vec::new(),
            metadata: Vec::new(),
            shapes: Vec::new(),
            applies: Vec::new(),
        },
        names: HashMap::new(),
    };
    p.parse_file()?;
    p.file.version = p.version;
    Ok(p.file)
}

const SHAPE_TYPES: &str = "`structure`, `union`, `list`, `map`, `enum`, `intEnum`, `string`, `blob`, `boolean`, \
    `byte`, `short`, `integer`, `long`, `float`, `double`, `bigInteger`, `bigDecimal`, `timestamp`, `document`, \
    `service`, `resource` or `operation`";

struct Parser<'a> {
    text: &'a str,
    toks: Vec<Token>,
    i: usize,
    version: Version,
    input_suffix: String,
    output_suffix: String,
    file: IdlFile,
    /// Shape names defined so far (lower case, for the case-insensitive conflict check).
    names: HashMap<String, Pos>,
}

fn pos_of(t: &Token) -> Pos {
    Pos { line: t.line, col: t.col }
}

impl<'a> Parser<'a> {
    // -----------------------------------------------------------------------------------------
    // Token access and errors
    // -----------------------------------------------------------------------------------------

    fn tok(&self) -> &Token {
        &self.toks[self.i]
    }

    fn kind(&self) -> Kind {
        self.toks[self.i].kind
    }

    fn advance(&mut self) -> usize {
        let i = self.i;
        if self.toks[i].kind != Kind::Eof && self.toks[i].kind != Kind::Error {
            self.i += 1;
        }
        i
    }

    fn slice(&self, t: &Token) -> &'a str {
        &self.text[t.start..t.end]
    }

    fn is_word(&self, word: &str) -> bool {
        self.kind() == Kind::Ident && self.slice(self.tok()) == word
    }

    fn pos(&self) -> Pos {
        pos_of(self.tok())
    }

    /// Where the previous token ends (for "expected X on the same line" errors).
    fn prev_end(&self) -> Pos {
        match self.i.checked_sub(1) {
            Some(j) => Pos { line: self.toks[j].end_line, col: self.toks[j].end_col },
            None => Pos { line: 1, col: 1 },
        }
    }

    /// A human description of the current token.
    fn describe(&self) -> String {
        let t = self.tok();
        match t.kind {
            Kind::Eof => "the end of the file".to_owned(),
            Kind::Error => "an invalid token".to_owned(),
            Kind::Ident => format!("`{}`", self.slice(t)),
            Kind::Number => format!("the number `{}`", self.slice(t)),
            Kind::Str => {
                let s = self.slice(t);
                if s.chars().count() > 40 {
                    format!("the string `{}...`", s.chars().take(37).collect::<String>())
                } else {
                    format!("the string `{s}`")
                }
            }
            Kind::TextBlock => "a text block".to_owned(),
            _ => format!("`{}`", self.slice(t)),
        }
    }

    fn error_at(&self, pos: Pos, message: impl Into<String>) -> SyntaxError {
        SyntaxError { pos, message: message.into() }
    }

    /// "expected {what}, found {current token}" at the current token (or its lexing error).
    fn expected(&self, what: &str) -> SyntaxError {
        let t = self.tok();
        if t.kind == Kind::Error {
            return self.error_at(self.pos(), t.value.clone().unwrap_or_default());
        }
        self.error_at(self.pos(), format!("expected {what}, found {}", self.describe()))
    }

    /// Like [`Self::expected`], for something that must follow the previous token directly:
    /// whitespace in between is what is reported, where it starts.
    fn expected_adjacent(&self, what: &str) -> SyntaxError {
        let t = self.tok();
        if t.kind != Kind::Error && t.gap.any {
            let found = if t.gap.newline { "a line break" } else { "whitespace" };
            return self.error_at(self.prev_end(), format!("expected {what}, found {found}"));
        }
        self.expected(what)
    }

    fn expect(&mut self, kind: Kind, what: &str) -> PResult<usize> {
        if self.kind() == kind {
            Ok(self.advance())
        } else {
            Err(self.expected(what))
        }
    }

    /// `BR`: the next token must start on a new line (or be the end of the file).
    fn expect_br(&self, after: &str) -> PResult<()> {
        let t = self.tok();
        if t.kind == Kind::Eof || t.gap.newline {
            Ok(())
        } else {
            Err(self.expected(&format!("a line break after {after}")))
        }
    }

    /// `SP` before the current token: spaces on the same line.
    fn expect_space(&self, what: &str) -> PResult<()> {
        let t = self.tok();
        if t.kind == Kind::Error {
            return Err(self.expected(what));
        }
        if t.gap.is_spaces() {
            return Ok(());
        }
        let found = if t.gap.newline {
            "a line break".to_owned()
        } else if t.gap.any {
            "a comma".to_owned()
        } else {
            self.describe()
        };
        Err(self.error_at(self.prev_end(), format!("expected a space and then {what} on the same line, found {found}")))
    }

    /// `[SP]` before the current token: no line break allowed.
    fn expect_same_line(&self, what: &str) -> PResult<()> {
        if self.tok().gap.newline {
            Err(self.error_at(self.prev_end(), format!("expected {what} on the same line, found a line break")))
        } else {
            Ok(())
        }
    }

    fn v2_only(&self, pos: Pos, feature: &str) -> PResult<()> {
        if self.version == Version::V1 {
            Err(self.error_at(
                pos,
                format!(
                    "{feature} can only be used in Smithy IDL version 2 or later, but this file is version 1.0 \
                     (add `$version: \"2\"` at the top of the file)"
                ),
            ))
        } else {
            Ok(())
        }
    }

    // -----------------------------------------------------------------------------------------
    // File structure
    // -----------------------------------------------------------------------------------------

    fn parse_file(&mut self) -> PResult<()> {
        self.control_section()?;
        self.metadata_section()?;
        if self.kind() == Kind::Eof {
            return Ok(());
        }
        if !self.is_word("namespace") {
            if self.kind() == Kind::Dollar {
                return Err(self.error_at(
                    self.pos(),
                    "control statements (`$name: value`) must come before metadata and the namespace",
                ));
            }
            return Err(self.expected("a `namespace` statement before any shape, trait or `use` statement"));
        }
        self.advance();
        self.expect_space("the namespace")?;
        let ns = self.namespace()?;
        self.expect_br("the namespace statement")?;
        self.file.namespace = Some(ns);
        while self.is_word("use") {
            self.use_statement()?;
        }
        while self.kind() != Kind::Eof {
            self.shape_or_apply()?;
        }
        Ok(())
    }

    fn control_section(&mut self) -> PResult<()> {
        let mut seen: HashMap<String, Pos> = HashMap::new();
        let mut version = None;
        while self.kind() == Kind::Dollar {
            self.advance();
            let key_pos = self.pos();
            let key = match self.kind() {
                Kind::Ident | Kind::Str if !self.tok().gap.any => self.key_text(),
                _ => return Err(self.expected_adjacent("a control statement name right after `$`")),
            };
            self.advance();
            self.expect_same_line(&format!("`:` after `${key}`"))?;
            if self.kind() == Kind::Walrus {
                return Err(self.expected(&format!("`:` after `${key}`")));
            }
            self.expect(Kind::Colon, &format!("`:` after `${key}`"))?;
            self.expect_same_line(&format!("the value of `${key}`"))?;
            let value_pos = self.pos();
            let value = self.node(0)?;
            self.expect_br("the control statement")?;
            if seen.insert(key.clone(), key_pos).is_some() {
                return Err(self.error_at(key_pos, format!("duplicate control statement `${key}`")));
            }
            let as_string = |what: &str| match &value {
                Node::Str(s) => Ok(s.clone()),
                _ => Err(SyntaxError {
                    pos: value_pos,
                    message: format!("the `${what}` control statement needs a string value"),
                }),
            };
            match key.as_str() {
                "version" => {
                    let v = as_string("version")?;
                    version = Some(match v.as_str() {
                        "1" | "1.0" => Version::V1,
                        "2" | "2.0" => Version::V2,
                        _ => {
                            return Err(self.error_at(
                                value_pos,
                                format!("unsupported Smithy IDL version `{v}` (supported: \"1.0\", \"2\", \"2.0\")"),
                            ))
                        }
                    });
                }
                "operationInputSuffix" => self.input_suffix = suffix(as_string("operationInputSuffix")?, value_pos)?,
                "operationOutputSuffix" => self.output_suffix = suffix(as_string("operationOutputSuffix")?, value_pos)?,
                // The spec says unknown control statements are ignored.
                _ => {}
            }
        }
        self.version = version.unwrap_or(Version::V1);
        Ok(())
    }

    fn metadata_section(&mut self) -> PResult<()> {
        while self.is_word("metadata") {
            self.advance();
            self.expect_space("the metadata key")?;
            let key_pos = self.pos();
            let key = match self.kind() {
                Kind::Ident | Kind::Str => self.key_text(),
                _ => return Err(self.expected("a metadata key (an identifier or a quoted string)")),
            };
            self.advance();
            self.expect_same_line("`=` after the metadata key")?;
            self.expect(Kind::Eq, &format!("`=` after the metadata key `{key}`"))?;
            self.expect_same_line("the metadata value after `=`")?;
            let value = self.node(0)?;
            self.expect_br("the metadata statement")?;
            self.file.metadata.push((Key { name: key, pos: key_pos }, value));
        }
        Ok(())
    }

    /// `Namespace = Identifier *("." Identifier)`, without spaces.
    fn namespace(&mut self) -> PResult<String> {
        let mut ns = String::new();
        loop {
            if self.kind() != Kind::Ident || (!ns.is_empty() && self.tok().gap.any) {
                return Err(if ns.is_empty() {
                    self.expected("a namespace")
                } else {
                    self.expected_adjacent("an identifier after `.`")
                });
            }
            ns.push_str(self.slice(self.tok()));
            self.advance();
            if self.kind() == Kind::Dot && !self.tok().gap.any {
                self.advance();
                ns.push('.');
            } else {
                return Ok(ns);
            }
        }
    }

    fn use_statement(&mut self) -> PResult<()> {
        self.advance();
        self.expect_space("the shape ID to import")?;
        let id = self.shape_id()?;
        if !id.text.contains('#') {
            return Err(self.error_at(
                id.pos,
                format!("`use` needs an absolute shape ID (`namespace#Name`), found `{}`", id.text),
            ));
        }
        if id.text.contains('$') {
            return Err(self
                .error_at(id.pos, format!("`use` cannot import a member (`{}`): import the shape instead", id.text)));
        }
        self.expect_br("the use statement")?;
        let name = id.text.rsplit('#').next().unwrap_or_default().to_owned();
        if let Some(prev) = self.file.uses.iter().find(|u| u.text.rsplit('#').next() == Some(name.as_str())) {
            if prev.text != id.text {
                return Err(self.error_at(
                    id.pos,
                    format!("cannot use `{}`: the name `{name}` is already imported as `{}`", id.text, prev.text),
                ));
            }
        }
        self.file.uses.push(id);
        Ok(())
    }

    // -----------------------------------------------------------------------------------------
    // Shapes
    // -----------------------------------------------------------------------------------------

    /// The documentation comment attached to the current token.
    fn docs_here(&self) -> Option<String> {
        self.tok().doc.clone()
    }

    fn shape_or_apply(&mut self) -> PResult<()> {
        let docs = self.docs_here();
        let traits = self.traits()?;
        if self.kind() == Kind::Eof {
            if traits.is_empty() {
                return Ok(());
            }
            return Err(self.expected("a shape definition after the traits"));
        }
        if self.kind() == Kind::Dollar && traits.is_empty() {
            return Err(self.error_at(
                self.pos(),
                "control statements (`$name: value`) must come before metadata and the namespace",
            ));
        }
        if self.kind() != Kind::Ident {
            return Err(self.expected("a shape definition or an `apply` statement"));
        }
        let kw_pos = self.pos();
        let kw = self.slice(self.tok());
        if kw == "apply" {
            if !traits.is_empty() {
                return Err(self.error_at(
                    kw_pos,
                    "traits cannot be applied to an `apply` statement (write `apply Target @trait` instead)",
                ));
            }
            return self.apply();
        }
        let ty: &'static str = match kw {
            "blob" => "blob",
            "boolean" => "boolean",
            "document" => "document",
            "string" => "string",
            "byte" => "byte",
            "short" => "short",
            "integer" => "integer",
            "long" => "long",
            "float" => "float",
            "double" => "double",
            "bigInteger" => "bigInteger",
            "bigDecimal" => "bigDecimal",
            "timestamp" => "timestamp",
            "enum" => "enum",
            "intEnum" => "intEnum",
            "list" => "list",
            "set" => "set",
            "map" => "map",
            "structure" => "structure",
            "union" => "union",
            "service" => "service",
            "resource" => "resource",
            "operation" => "operation",
            other => {
                return Err(
                    self.error_at(kw_pos, format!("unknown shape type `{other}`: expected {SHAPE_TYPES}, or `apply`"))
                )
            }
        };
        match ty {
            "enum" | "intEnum" => self.v2_only(kw_pos, &format!("`{ty}` shapes"))?,
            "set" if self.version == Version::V2 => {
                return Err(self.error_at(
                    kw_pos,
                    "`set` shapes cannot be used in Smithy IDL version 2: use a `list` with the `@uniqueItems` trait",
                ))
            }
            _ => {}
        }
        self.advance();
        if self.kind() == Kind::Ident || !self.tok().gap.is_spaces() {
            self.expect_space(&format!("the shape name after `{kw}`"))?;
        }
        if self.kind() != Kind::Ident {
            return Err(self.expected(&format!("a shape name after `{kw}`")));
        }
        let pos = self.pos();
        let name = self.slice(self.tok()).to_owned();
        self.advance();
        self.define_name(&name, pos)?;
        let mut shape = ShapeDef {
            name: name.clone(),
            pos,
            ty,
            docs,
            traits,
            mixins: Vec::new(),
            for_resource: None,
            body: Body::None,
            implied_trait: None,
        };
        let mut inline = Vec::new();
        match ty {
            "enum" | "intEnum" => {
                shape.mixins = self.mixins(false)?;
                shape.body = Body::Members(self.enum_members(&name)?);
            }
            "list" | "set" | "map" | "structure" | "union" => {
                shape.for_resource = self.for_resource(false)?;
                shape.mixins = self.mixins(false)?;
                shape.body = Body::Members(self.members(&name)?);
            }
            "service" | "resource" => {
                shape.mixins = self.mixins(false)?;
                if self.kind() != Kind::LBrace {
                    return Err(self.expected(&format!("`{{` to open the properties of `{name}`")));
                }
                match self.node(0)? {
                    Node::Obj(entries) => shape.body = Body::Entity(entries),
                    _ => unreachable!("a `{{` always starts an object"),
                }
            }
            "operation" => {
                shape.mixins = self.mixins(false)?;
                let body = self.operation_body(&name, &mut inline)?;
                shape.body = Body::Operation(body);
            }
            _ => {
                shape.mixins = self.mixins(false)?;
            }
        }
        self.expect_br(&format!("the definition of `{name}`"))?;
        self.file.shapes.push(shape);
        self.file.shapes.extend(inline);
        Ok(())
    }

    /// Records a shape name, rejecting duplicates and names taken by `use`.
    fn define_name(&mut self, name: &str, pos: Pos) -> PResult<()> {
        if let Some(u) = self.file.uses.iter().find(|u| u.text.rsplit('#').next() == Some(name)) {
            return Err(
                self.error_at(pos, format!("the shape name `{name}` conflicts with the imported shape `{}`", u.text))
            );
        }
        if let Some(prev) = self.names.insert(name.to_ascii_lowercase(), pos) {
            return Err(self.error_at(
                pos,
                format!("the shape `{name}` conflicts with the shape defined at {prev} (shape names are case-insensitively unique)"),
            ));
        }
        Ok(())
    }

    /// `[SP] with [WS] "[" ids "]"`; `inline` relaxes the same-line rule (after `:=`).
    fn mixins(&mut self, inline: bool) -> PResult<Vec<IdRef>> {
        if !self.is_word("with") || (!inline && self.tok().gap.newline) {
            return Ok(Vec::new());
        }
        self.v2_only(self.pos(), "mixins (`with [...]`)")?;
        self.advance();
        self.expect(Kind::LBracket, "`[` after `with`")?;
        let mut ids = Vec::new();
        loop {
            if self.kind() == Kind::RBracket {
                if ids.is_empty() {
                    return Err(self.expected("a mixin shape ID"));
                }
                self.advance();
                return Ok(ids);
            }
            if self.kind() != Kind::Ident {
                return Err(self.expected("a mixin shape ID or `]`"));
            }
            ids.push(self.shape_id()?);
        }
    }

    /// `SP for SP ShapeId`.
    fn for_resource(&mut self, inline: bool) -> PResult<Option<IdRef>> {
        if !self.is_word("for") || (!inline && self.tok().gap.newline) {
            return Ok(None);
        }
        self.v2_only(self.pos(), "binding a structure to a resource (`for`)")?;
        self.advance();
        self.expect_space("the resource shape ID after `for`")?;
        Ok(Some(self.shape_id()?))
    }

    /// `{ members }` of structures, unions, lists and maps.
    fn members(&mut self, owner: &str) -> PResult<Vec<MemberDef>> {
        self.expect(Kind::LBrace, &format!("`{{` to open the members of `{owner}`"))?;
        let mut out: Vec<MemberDef> = Vec::new();
        loop {
            if self.kind() == Kind::RBrace {
                self.advance();
                return Ok(out);
            }
            let docs = self.docs_here();
            let traits = self.traits()?;
            let pos = self.pos();
            let (name, elided, target) = match self.kind() {
                Kind::Dollar => {
                    self.v2_only(pos, "target elision (`$member`)")?;
                    self.advance();
                    if self.kind() != Kind::Ident || self.tok().gap.any {
                        return Err(self.expected_adjacent("a member name right after `$`"));
                    }
                    let name = self.slice(self.tok()).to_owned();
                    self.advance();
                    (name, true, None)
                }
                Kind::Ident => {
                    let name = self.slice(self.tok()).to_owned();
                    self.advance();
                    if self.kind() == Kind::Walrus {
                        return Err(self.expected(&format!("`:` after the member name `{name}`")));
                    }
                    self.expect(Kind::Colon, &format!("`:` after the member name `{name}`"))?;
                    let target = self.shape_id_or(&format!("the target shape of `{name}`"))?;
                    (name, false, Some(target))
                }
                _ if !traits.is_empty() => return Err(self.expected("a member definition after the traits")),
                _ => return Err(self.expected(&format!("a member definition or `}}` to close `{owner}`"))),
            };
            let value = self.value_assignment("default values (`= value`)")?;
            check_member_name(&out, &name, pos, owner)?;
            out.push(MemberDef { name, pos, elided, target, docs, traits, value });
        }
    }

    fn enum_members(&mut self, owner: &str) -> PResult<Vec<MemberDef>> {
        self.expect(Kind::LBrace, &format!("`{{` to open the members of `{owner}`"))?;
        let mut out: Vec<MemberDef> = Vec::new();
        loop {
            if self.kind() == Kind::RBrace {
                if out.is_empty() {
                    return Err(self.error_at(self.pos(), format!("the enum `{owner}` needs at least one member")));
                }
                self.advance();
                return Ok(out);
            }
            let docs = self.docs_here();
            let traits = self.traits()?;
            let pos = self.pos();
            if self.kind() != Kind::Ident {
                return Err(self.expected(if traits.is_empty() {
                    "an enum member name or `}`"
                } else {
                    "an enum member name after the traits"
                }));
            }
            let name = self.slice(self.tok()).to_owned();
            self.advance();
            let value = self.value_assignment("enum values (`= value`)")?;
            check_member_name(&out, &name, pos, owner)?;
            out.push(MemberDef { name, pos, elided: false, target: None, docs, traits, value });
        }
    }

    /// `[SP] "=" [SP] NodeValue BR`, if the current token is `=` on the same line.
    fn value_assignment(&mut self, feature: &str) -> PResult<Option<Node>> {
        if self.kind() != Kind::Eq || self.tok().gap.newline {
            return Ok(None);
        }
        self.v2_only(self.pos(), feature)?;
        self.advance();
        self.expect_same_line("the value after `=`")?;
        let value = self.node(0)?;
        self.expect_br("the assigned value")?;
        Ok(Some(value))
    }

    fn operation_body(&mut self, op: &str, inline: &mut Vec<ShapeDef>) -> PResult<OperationBody> {
        self.expect(Kind::LBrace, &format!("`{{` to open the operation `{op}`"))?;
        let mut body = OperationBody::default();
        loop {
            match self.kind() {
                Kind::RBrace => {
                    self.advance();
                    return Ok(body);
                }
                Kind::Ident => {}
                _ => return Err(self.expected("an operation property (`input`, `output`, `errors`) or `}`")),
            }
            let pos = self.pos();
            let prop = self.slice(self.tok());
            let duplicate = match prop {
                "input" => body.input.is_some(),
                "output" => body.output.is_some(),
                "errors" => body.errors.is_some(),
                other => {
                    return Err(self.error_at(
                        pos,
                        format!(
                            "unknown operation property `{other}` in `{op}`: expected `input`, `output` or `errors`"
                        ),
                    ))
                }
            };
            if duplicate {
                return Err(self.error_at(pos, format!("the operation `{op}` defines `{prop}` twice")));
            }
            self.advance();
            match prop {
                "errors" => {
                    if self.kind() == Kind::Walrus {
                        return Err(self.expected("`:` after `errors`"));
                    }
                    self.expect(Kind::Colon, "`:` after `errors`")?;
                    self.expect(Kind::LBracket, "`[` to open the error list")?;
                    let mut ids = Vec::new();
                    while self.kind() != Kind::RBracket {
                        if self.kind() != Kind::Ident {
                            return Err(self.expected("an error shape ID or `]`"));
                        }
                        ids.push(self.shape_id()?);
                    }
                    self.advance();
                    body.errors = Some(ids);
                }
                _ => {
                    let is_input = prop == "input";
                    let io = match self.kind() {
                        Kind::Colon => {
                            self.advance();
                            IoRef::Id(self.shape_id_or(&format!("the {prop} shape ID"))?)
                        }
                        Kind::Walrus => {
                            self.v2_only(self.pos(), "inline operation input and output (`:=`)")?;
                            self.advance();
                            let suffix = if is_input { &self.input_suffix } else { &self.output_suffix };
                            let name = format!("{op}{suffix}");
                            let def = self.inline_structure(name.clone(), is_input)?;
                            inline.push(def);
                            IoRef::Inline(name)
                        }
                        _ => return Err(self.expected(&format!("`:` or `:=` after `{prop}`"))),
                    };
                    if is_input {
                        body.input = Some(io);
                    } else {
                        body.output = Some(io);
                    }
                }
            }
        }
    }

    /// `:= [traits] [for R] [with [...]] { members }`.
    fn inline_structure(&mut self, name: String, is_input: bool) -> PResult<ShapeDef> {
        let pos = self.pos();
        let docs = self.docs_here();
        let traits = self.traits()?;
        let for_resource = self.for_resource(true)?;
        let mixins = self.mixins(true)?;
        self.define_name(&name, pos)?;
        let members = self.members(&name)?;
        Ok(ShapeDef {
            name,
            pos,
            ty: "structure",
            docs,
            traits,
            mixins,
            for_resource,
            body: Body::Members(members),
            implied_trait: Some(if is_input { "smithy.api#input" } else { "smithy.api#output" }),
        })
    }

    fn apply(&mut self) -> PResult<()> {
        self.advance();
        self.expect_space("the target shape ID after `apply`")?;
        let target = self.shape_id()?;
        if !self.tok().gap.any && self.kind() != Kind::Eof {
            return Err(self.expected("whitespace after the shape ID of `apply`"));
        }
        let traits = match self.kind() {
            Kind::At => vec![self.trait_app()?],
            Kind::LBrace => {
                self.advance();
                let traits = self.traits()?;
                self.expect(Kind::RBrace, "a trait or `}` to close the apply block")?;
                traits
            }
            _ => return Err(self.expected(&format!("a trait (`@name`) or `{{` after `apply {}`", target.text))),
        };
        self.expect_br("the apply statement")?;
        self.file.applies.push(Apply { target, traits });
        Ok(())
    }

    // -----------------------------------------------------------------------------------------
    // Traits
    // -----------------------------------------------------------------------------------------

    fn traits(&mut self) -> PResult<Vec<TraitApp>> {
        let mut out = Vec::new();
        while self.kind() == Kind::At {
            out.push(self.trait_app()?);
        }
        Ok(out)
    }

    fn trait_app(&mut self) -> PResult<TraitApp> {
        self.advance();
        if self.kind() != Kind::Ident || self.tok().gap.any {
            return Err(self.expected_adjacent("a trait name right after `@`"));
        }
        let id = self.shape_id()?;
        if self.kind() != Kind::LParen || self.tok().gap.any {
            return Ok(TraitApp { id, value: None });
        }
        self.advance();
        let value = match self.kind() {
            Kind::RParen => None,
            Kind::Str => {
                let key_pos = self.pos();
                let s = self.take_value();
                self.advance();
                if self.kind() == Kind::Colon {
                    self.advance();
                    Some(self.structured_trait(Key { name: s, pos: key_pos })?)
                } else {
                    Some(Node::Str(s))
                }
            }
            Kind::Ident => {
                let id = self.shape_id()?;
                let plain = !id.text.contains(['.', '#', '$']);
                if self.kind() == Kind::RParen || !plain {
                    Some(keyword_or_id(id))
                } else {
                    if self.kind() == Kind::Walrus {
                        return Err(self.expected(&format!("`:` after `{}`", id.text)));
                    }
                    self.expect(Kind::Colon, &format!("`)` or `:` after `{}`", id.text))?;
                    Some(self.structured_trait(Key { name: id.text, pos: id.pos })?)
                }
            }
            Kind::LBrace | Kind::LBracket | Kind::Number | Kind::TextBlock => Some(self.node(0)?),
            _ => return Err(self.expected("a trait value or `)`")),
        };
        self.expect(Kind::RParen, "`)` to close the trait value")?;
        Ok(TraitApp { id, value })
    }

    /// `key: value, key: value` inside trait parentheses; the first key is already read.
    fn structured_trait(&mut self, first: Key) -> PResult<Node> {
        let mut entries = vec![(first, self.node(1)?)];
        while self.kind() != Kind::RParen {
            let key_pos = self.pos();
            let key = match self.kind() {
                Kind::Ident | Kind::Str => self.key_text(),
                Kind::TextBlock => return Err(self.expected("a key (an identifier or a quoted string)")),
                _ => return Err(self.expected("a key or `)`")),
            };
            self.advance();
            if self.kind() == Kind::Walrus {
                return Err(self.expected(&format!("`:` after the key `{key}`")));
            }
            self.expect(Kind::Colon, &format!("`:` after the key `{key}`"))?;
            let value = self.node(1)?;
            if entries.iter().any(|(k, _)| k.name == key) {
                return Err(self.error_at(key_pos, format!("duplicate key `{key}` in the trait value")));
            }
            entries.push((Key { name: key, pos: key_pos }, value));
        }
        Ok(Node::Obj(entries))
    }

    // -----------------------------------------------------------------------------------------
    // Shape IDs and node values
    // -----------------------------------------------------------------------------------------

    /// The text of an identifier or the value of a string token (object keys).
    fn key_text(&mut self) -> String {
        match self.kind() {
            Kind::Str => self.take_value(),
            _ => self.slice(self.tok()).to_owned(),
        }
    }

    /// The decoded value of the current string token (taken: each token is read once).
    fn take_value(&mut self) -> String {
        self.toks[self.i].value.take().unwrap_or_default()
    }

    fn shape_id_or(&mut self, what: &str) -> PResult<IdRef> {
        if self.kind() != Kind::Ident {
            return Err(self.expected(what));
        }
        self.shape_id()
    }

    /// `[Namespace "#"] Identifier ["$" Identifier]`, with no whitespace inside.
    fn shape_id(&mut self) -> PResult<IdRef> {
        let pos = self.pos();
        if self.kind() != Kind::Ident {
            return Err(self.expected("a shape ID"));
        }
        let mut text = self.slice(self.tok()).to_owned();
        self.advance();
        let adjacent = |p: &Self, k: Kind| p.kind() == k && !p.tok().gap.any;
        let mut dotted = false;
        while adjacent(self, Kind::Dot) {
            self.advance();
            if !adjacent(self, Kind::Ident) {
                return Err(self.expected_adjacent("an identifier after `.` in the namespace"));
            }
            text.push('.');
            text.push_str(self.slice(self.tok()));
            self.advance();
            dotted = true;
        }
        if adjacent(self, Kind::Pound) {
            self.advance();
            if !adjacent(self, Kind::Ident) {
                return Err(self.expected_adjacent("a shape name right after `#`"));
            }
            text.push('#');
            text.push_str(self.slice(self.tok()));
            self.advance();
        } else if dotted {
            return Err(self.expected_adjacent(&format!("`#` and a shape name after the namespace `{text}`")));
        }
        if adjacent(self, Kind::Dollar) {
            self.advance();
            if !adjacent(self, Kind::Ident) {
                return Err(self.expected_adjacent("a member name right after `$`"));
            }
            text.push('$');
            text.push_str(self.slice(self.tok()));
            self.advance();
        }
        Ok(IdRef { text, pos })
    }

    fn node(&mut self, depth: usize) -> PResult<Node> {
        if depth > MAX_NODE_DEPTH {
            return Err(
                self.error_at(self.pos(), format!("node values are nested more than {MAX_NODE_DEPTH} levels deep"))
            );
        }
        match self.kind() {
            Kind::LBrace => {
                self.advance();
                let mut entries: Vec<(Key, Node)> = Vec::new();
                loop {
                    let key_pos = self.pos();
                    let key = match self.kind() {
                        Kind::RBrace => {
                            self.advance();
                            return Ok(Node::Obj(entries));
                        }
                        Kind::Ident | Kind::Str => self.key_text(),
                        Kind::TextBlock => {
                            return Err(self.expected("an object key (an identifier or a quoted string)"))
                        }
                        _ => return Err(self.expected("an object key or `}`")),
                    };
                    self.advance();
                    if self.kind() == Kind::Walrus {
                        return Err(self.expected(&format!("`:` after the key `{key}`")));
                    }
                    self.expect(Kind::Colon, &format!("`:` after the key `{key}`"))?;
                    let value = self.node(depth + 1)?;
                    if entries.iter().any(|(k, _)| k.name == key) {
                        return Err(self.error_at(key_pos, format!("duplicate key `{key}` in the object")));
                    }
                    entries.push((Key { name: key, pos: key_pos }, value));
                }
            }
            Kind::LBracket => {
                self.advance();
                let mut items = Vec::new();
                loop {
                    if self.kind() == Kind::RBracket {
                        self.advance();
                        return Ok(Node::Arr(items));
                    }
                    if matches!(self.kind(), Kind::Eof | Kind::Error) {
                        return Err(self.expected("a value or `]`"));
                    }
                    items.push(self.node(depth + 1)?);
                }
            }
            Kind::Number => {
                let t = self.tok();
                let n = parse_number(self.slice(t)).map_err(|m| self.error_at(pos_of(t), m))?;
                self.advance();
                Ok(Node::Num(n))
            }
            Kind::Str | Kind::TextBlock => {
                let s = self.take_value();
                self.advance();
                Ok(Node::Str(s))
            }
            Kind::Ident => {
                let id = self.shape_id()?;
                Ok(keyword_or_id(id))
            }
            _ => Err(self
                .expected("a value (a string, text block, number, `{`, `[`, `true`, `false`, `null` or a shape ID)")),
        }
    }
}

fn keyword_or_id(id: IdRef) -> Node {
    match id.text.as_str() {
        "true" => Node::Bool(true),
        "false" => Node::Bool(false),
        "null" => Node::Null,
        _ => Node::Id(id),
    }
}

fn suffix(s: String, pos: Pos) -> PResult<String> {
    let ok = !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if ok {
        Ok(s)
    } else {
        Err(SyntaxError { pos, message: format!("`{s}` is not a valid shape name suffix") })
    }
}

/// Members are unique, case-insensitively.
fn check_member_name(existing: &[MemberDef], name: &str, pos: Pos, owner: &str) -> PResult<()> {
    if let Some(prev) = existing.iter().find(|m| m.name.eq_ignore_ascii_case(name)) {
        let how =
            if prev.name == name { "is defined twice" } else { "conflicts (case-insensitively) with another member" };
        return Err(SyntaxError {
            pos,
            message: format!("the member `{name}` of `{owner}` {how} (first at {})", prev.pos),
        });
    }
    Ok(())
}

/// A number literal (already checked by the lexer) as a JSON number: integers stay integers
/// when they fit 64 bits; everything else is a double.
pub(crate) fn parse_number(text: &str) -> Result<serde_json::Number, String> {
    let is_float = text.contains(['.', 'e', 'E']);
    if !is_float {
        if let Ok(v) = text.parse::<i64>() {
            return Ok(v.into());
        }
        if let Ok(v) = text.parse::<u64>() {
            return Ok(v.into());
        }
    }
    let f: f64 = text.parse().map_err(|_| format!("invalid number `{text}`"))?;
    serde_json::Number::from_f64(f)
        .ok_or_else(|| format!("the number `{text}` is out of range (it does not fit a 64-bit float)"))
}
