//! The Smithy IDL 2.0 writer: a loaded [`Model`] back out as `.smithy` text, one document per
//! namespace (an IDL file has exactly one `namespace`), for people to read.
//!
//! What is written reads back as the same [`Model`] (the round-trip test checks it on every
//! shared model):
//!
//! * shapes of the `smithy.api` prelude are left out; the model's metadata goes into the first
//!   document only (metadata arrays concatenate when files are merged);
//! * references are as short as the IDL's resolution rules allow: local names bare, prelude
//!   names bare unless a local shape or an import shadows them, other namespaces through `use`
//!   when the name is unambiguous, absolute IDs otherwise;
//! * `@documentation` becomes `///` comments when the lines give back exactly the same text
//!   (a doc comment cannot hold a carriage return), else `@documentation("...")`;
//! * `@default` and `@enumValue` on members become `= value`; an annotation trait whose value is
//!   `{}` is written bare (`@required`) when the loader gives a bare trait `{}` again;
//! * strings are always quoted (or text blocks, for long multi-line strings, when exact), so no
//!   value is ever re-read as a shape ID;
//! * an operation's input or output structure is written inline (`input := { ... }`) when it is
//!   only used there, carries no trait but `@input`/`@output`, and its name is the operation's
//!   name plus the file's suffix (`$operationInputSuffix`/`$operationOutputSuffix`);
//! * mixins were flattened by the loader and resource lifecycle bindings (`create`, `read`, ...)
//!   are not kept by the model, so they come out as plain members and `operations`.

mod node;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::Value;

use crate::error::{Error, Result};
use crate::load::idl::prelude_names;
use crate::model::traits::ids;
use crate::model::{Member, Model, Shape, ShapeId, ShapeKind};

use node::{pad, WIDTH};

const PRELUDE: &str = "smithy.api";

/// Writes the model as IDL: `(namespace, document)` for every namespace except the prelude (or
/// only `namespace_filter`), in namespace order. A model with metadata but no shapes gives one
/// document with an empty namespace name.
pub fn write_idl(model: &Model, namespace_filter: Option<&str>) -> Result<Vec<(String, String)>> {
    let mut by_ns: BTreeMap<&str, Vec<&Shape>> = BTreeMap::new();
    for shape in model.shapes.values() {
        let ns = shape.id.namespace();
        if ns != PRELUDE {
            by_ns.entry(ns).or_default().push(shape);
        }
    }
    if let Some(filter) = namespace_filter {
        if !by_ns.contains_key(filter) {
            let known: Vec<&str> = by_ns.keys().copied().collect();
            return Err(Error::msg(format!(
                "the model has no shapes in the namespace `{filter}` (namespaces: {})",
                if known.is_empty() { "none".to_owned() } else { known.join(", ") }
            )));
        }
        by_ns.retain(|ns, _| *ns == filter);
    }
    let refs = reference_counts(model);
    let mut docs = Vec::new();
    for (ns, shapes) in by_ns {
        let metadata = docs.is_empty();
        let text = Writer::new(model, ns, &refs).document(&shapes, metadata)?;
        docs.push((ns.to_owned(), text));
    }
    if docs.is_empty() && !model.metadata.is_empty() {
        let mut out = String::from("$version: \"2\"\n");
        write_metadata(&mut out, model);
        docs.push((String::new(), out));
    }
    Ok(docs)
}

fn write_metadata(out: &mut String, model: &Model) {
    if model.metadata.is_empty() {
        return;
    }
    out.push('\n');
    for (k, v) in &model.metadata {
        let head = format!("metadata {} = ", node::key(k));
        let value = node::node(v, 0, head.len());
        out.push_str(&head);
        out.push_str(&value);
        out.push('\n');
    }
}

/// How often each shape is referenced by another shape (members, operations, services,
/// resources): an inline input/output structure must be referenced only by its operation.
fn reference_counts(model: &Model) -> HashMap<&ShapeId, usize> {
    let mut counts: HashMap<&ShapeId, usize> = HashMap::new();
    for shape in model.shapes.values() {
        for id in shape_refs(shape) {
            *counts.entry(id).or_default() += 1;
        }
    }
    counts
}

/// Every shape ID a shape refers to (not counting traits).
fn shape_refs(shape: &Shape) -> Vec<&ShapeId> {
    let mut out: Vec<&ShapeId> = shape.kind.members().into_iter().map(|m| &m.target).collect();
    match &shape.kind {
        ShapeKind::Service(s) => {
            out.extend(&s.operations);
            out.extend(&s.resources);
            out.extend(&s.errors);
        }
        ShapeKind::Operation(o) => {
            out.push(&o.input);
            out.push(&o.output);
            out.extend(&o.errors);
        }
        ShapeKind::Resource(r) => {
            out.extend(r.identifiers.values());
            out.extend(r.properties.values());
            out.extend(&r.operations);
            out.extend(&r.resources);
        }
        _ => {}
    }
    out
}

/// Input or output of an operation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Io {
    Input,
    Output,
}

impl Io {
    fn trait_id(self) -> &'static str {
        match self {
            Io::Input => ids::INPUT,
            Io::Output => ids::OUTPUT,
        }
    }
}

/// Writes one namespace.
struct Writer<'m> {
    model: &'m Model,
    ns: &'m str,
    refs: &'m HashMap<&'m ShapeId, usize>,
    /// Imported names (`use`): name to absolute ID.
    uses: BTreeMap<String, ShapeId>,
    input_suffix: String,
    output_suffix: String,
    out: String,
}

impl<'m> Writer<'m> {
    fn new(model: &'m Model, ns: &'m str, refs: &'m HashMap<&'m ShapeId, usize>) -> Self {
        Writer {
            model,
            ns,
            refs,
            uses: BTreeMap::new(),
            input_suffix: "Input".to_owned(),
            output_suffix: "Output".to_owned(),
            out: String::new(),
        }
    }

    fn document(mut self, shapes: &[&'m Shape], metadata: bool) -> Result<String> {
        self.choose_uses(shapes);
        self.choose_suffixes(shapes);
        self.out.push_str("$version: \"2\"\n");
        if self.input_suffix != "Input" {
            self.out.push_str(&format!("$operationInputSuffix: {}\n", node::quote(&self.input_suffix)));
        }
        if self.output_suffix != "Output" {
            self.out.push_str(&format!("$operationOutputSuffix: {}\n", node::quote(&self.output_suffix)));
        }
        if metadata {
            write_metadata(&mut self.out, self.model);
        }
        self.out.push_str(&format!("\nnamespace {}\n", self.ns));
        if !self.uses.is_empty() {
            self.out.push('\n');
            let mut imports: Vec<&ShapeId> = self.uses.values().collect();
            imports.sort();
            for id in imports {
                self.out.push_str(&format!("use {id}\n"));
            }
        }
        // Services, resources, then operations each followed by their input and output, then
        // everything else; by name within each group.
        let rank = |s: &Shape| match s.kind {
            ShapeKind::Service(_) => 0,
            ShapeKind::Resource(_) => 1,
            ShapeKind::Operation(_) => 2,
            _ => 3,
        };
        let mut ordered: Vec<&Shape> = shapes.to_vec();
        ordered.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.id.cmp(&b.id)));
        let mut written: BTreeSet<&ShapeId> = BTreeSet::new();
        for shape in ordered {
            if written.contains(&shape.id) {
                continue;
            }
            written.insert(&shape.id);
            self.shape(shape)?;
            if let ShapeKind::Operation(op) = &shape.kind {
                for (io, id) in [(Io::Input, &op.input), (Io::Output, &op.output)] {
                    if id.namespace() != self.ns || written.contains(id) {
                        continue;
                    }
                    let Some(s) = self.model.shape(id) else { continue };
                    if self.inline_io(shape, io).is_some() {
                        written.insert(id);
                    } else if s.traits.has(io.trait_id()) {
                        written.insert(id);
                        self.shape(s)?;
                    }
                }
            }
        }
        Ok(self.out)
    }

    // -----------------------------------------------------------------------------------------
    // Names
    // -----------------------------------------------------------------------------------------

    /// Imports the names of other namespaces that are unambiguous here.
    fn choose_uses(&mut self, shapes: &[&Shape]) {
        let mut foreign: BTreeMap<&str, BTreeSet<&ShapeId>> = BTreeMap::new();
        let mut trait_ids: Vec<ShapeId> = Vec::new();
        for shape in shapes {
            for id in shape_refs(shape) {
                if id.namespace() != self.ns && id.namespace() != PRELUDE {
                    foreign.entry(id.name()).or_default().insert(id);
                }
            }
            let members = shape.kind.members();
            for t in shape.traits.0.keys().chain(members.iter().flat_map(|m| m.traits.0.keys())) {
                if let Ok(id) = ShapeId::parse(t) {
                    if id.namespace() != self.ns && id.namespace() != PRELUDE {
                        trait_ids.push(id);
                    }
                }
            }
        }
        for id in &trait_ids {
            foreign.entry(id.name()).or_default().insert(id);
        }
        for (name, ids) in foreign {
            let local = ShapeId::from_parts(self.ns, name);
            let shadows_prelude = prelude_names::lookup(name).is_some_and(|(_, public)| public);
            if ids.len() == 1 && !self.model.shapes.contains_key(&local) && !shadows_prelude && !is_keyword(name) {
                let id = ids.into_iter().next().expect("one");
                self.uses.insert(name.to_owned(), id.clone());
            }
        }
    }

    /// The shortest text that resolves back to `id` in this file.
    fn short(&self, id: &ShapeId) -> String {
        let name = id.name();
        let bare_ok = if id.member().is_some() || is_keyword(name) {
            false
        } else if id.namespace() == self.ns {
            // A local name wins over the prelude only when the shape exists.
            self.model.shapes.contains_key(id)
                || (!self.uses.contains_key(name) && !prelude_names::lookup(name).is_some_and(|(_, p)| p))
        } else if id.namespace() == PRELUDE {
            !self.uses.contains_key(name)
                && !self.model.shapes.contains_key(&ShapeId::from_parts(self.ns, name))
                && prelude_names::lookup(name).is_some_and(|(_, public)| public)
        } else {
            self.uses.get(name) == Some(id)
        };
        if bare_ok {
            name.to_owned()
        } else {
            id.to_string()
        }
    }

    fn short_str(&self, id: &str) -> String {
        match ShapeId::parse(id) {
            Ok(id) => self.short(&id),
            Err(_) => id.to_owned(),
        }
    }

    /// Whether a bare `@trait` reads back as `{}` (the loader gives a bare trait `{}` when its
    /// shape is a structure or map, or unknown).
    fn bare_is_empty_object(&self, trait_id: &str) -> bool {
        let Ok(id) = ShapeId::parse(trait_id) else { return false };
        if id.namespace() == PRELUDE {
            return match prelude_names::lookup(id.name()) {
                Some((ty, _)) => matches!(ty, "structure" | "map"),
                None => true,
            };
        }
        match self.model.shape(&id) {
            Some(s) => matches!(s.kind, ShapeKind::Structure(_) | ShapeKind::Map { .. }),
            None => true,
        }
    }

    // -----------------------------------------------------------------------------------------
    // Inline operation input and output
    // -----------------------------------------------------------------------------------------

    /// Picks the `$operationInputSuffix` / `$operationOutputSuffix` that lets the most
    /// operations write their input or output inline.
    fn choose_suffixes(&mut self, shapes: &[&Shape]) {
        for io in [Io::Input, Io::Output] {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for shape in shapes {
                if let Some(suffix) = self.inline_candidate(shape, io) {
                    *counts.entry(suffix).or_default() += 1;
                }
            }
            let default = match io {
                Io::Input => "Input",
                Io::Output => "Output",
            };
            // Most used wins; the default on a tie, then the first by name.
            let best = counts
                .iter()
                .max_by_key(|(s, n)| (**n, s.as_str() == default, std::cmp::Reverse(s.as_str())))
                .map(|(s, _)| s.clone());
            if let Some(best) = best {
                match io {
                    Io::Input => self.input_suffix = best,
                    Io::Output => self.output_suffix = best,
                }
            }
        }
    }

    /// The suffix under which this operation's input (or output) could be written inline.
    fn inline_candidate(&self, op_shape: &Shape, io: Io) -> Option<String> {
        let ShapeKind::Operation(op) = &op_shape.kind else { return None };
        let id = match io {
            Io::Input => &op.input,
            Io::Output => &op.output,
        };
        if id.namespace() != self.ns || self.refs.get(id).copied() != Some(1) {
            return None;
        }
        let s = self.model.shape(id)?;
        if !matches!(s.kind, ShapeKind::Structure(_)) {
            return None;
        }
        let only_io_trait =
            s.traits.0.len() == 1 && s.traits.get(io.trait_id()) == Some(&Value::Object(Default::default()));
        if !only_io_trait {
            return None;
        }
        let suffix = id.name().strip_prefix(op_shape.id.name())?;
        let valid = !suffix.is_empty() && suffix.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        valid.then(|| suffix.to_owned())
    }

    /// The structure to write inline as this operation's input (or output), if any.
    fn inline_io(&self, op_shape: &Shape, io: Io) -> Option<&'m Shape> {
        let suffix = self.inline_candidate(op_shape, io)?;
        let wanted = match io {
            Io::Input => &self.input_suffix,
            Io::Output => &self.output_suffix,
        };
        if &suffix != wanted {
            return None;
        }
        let ShapeKind::Operation(op) = &op_shape.kind else { return None };
        self.model.shape(match io {
            Io::Input => &op.input,
            Io::Output => &op.output,
        })
    }

    // -----------------------------------------------------------------------------------------
    // Shapes
    // -----------------------------------------------------------------------------------------

    /// Docs and traits of a shape or member, each on its own line at `indent`. `skip` names
    /// traits written some other way (`= value`, implied by `:=`).
    fn traits(&mut self, traits: &crate::model::Traits, indent: usize, skip: &[&str]) {
        let doc_comment = match traits.get(ids::DOCUMENTATION) {
            Some(Value::String(doc)) if !doc.contains('\r') => {
                for line in doc.split('\n') {
                    self.out.push_str(&pad(indent));
                    if line.is_empty() {
                        self.out.push_str("///\n");
                    } else {
                        self.out.push_str("/// ");
                        self.out.push_str(line);
                        self.out.push('\n');
                    }
                }
                true
            }
            _ => false,
        };
        let mut list: Vec<(String, &str, &Value)> = traits
            .0
            .iter()
            .filter(|(id, _)| !(skip.contains(&id.as_str()) || doc_comment && id.as_str() == ids::DOCUMENTATION))
            .map(|(id, v)| (self.short_str(id), id.as_str(), v))
            .collect();
        list.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, id, value) in list {
            self.out.push_str(&pad(indent));
            let text = self.trait_text(&name, id, value, indent);
            self.out.push_str(&text);
            self.out.push('\n');
        }
    }

    fn trait_text(&self, name: &str, id: &str, value: &Value, indent: usize) -> String {
        let head = format!("@{name}");
        match value {
            Value::Object(map) if map.is_empty() => {
                if self.bare_is_empty_object(id) {
                    head
                } else {
                    format!("{head}({{}})")
                }
            }
            Value::Object(map) => {
                // Structured form: `@trait(key: value, ...)`.
                let parts: Option<Vec<String>> =
                    map.iter().map(|(k, v)| node::inline(v).map(|v| format!("{}: {v}", node::key(k)))).collect();
                if let Some(parts) = parts {
                    let line = format!("{head}({})", parts.join(", "));
                    if indent + line.len() <= WIDTH {
                        return line;
                    }
                }
                let mut out = format!("{head}(\n");
                node::entries(&mut out, map, indent + 4);
                out.push_str(&pad(indent));
                out.push(')');
                out
            }
            other => format!("{head}({})", node::node(other, indent, indent + head.len() + 1)),
        }
    }

    fn shape(&mut self, shape: &Shape) -> Result<()> {
        self.out.push('\n');
        self.traits(&shape.traits, 0, &[]);
        let name = shape.id.name();
        let kw = shape.kind.type_name();
        match &shape.kind {
            ShapeKind::Enum(members) | ShapeKind::IntEnum(members) => {
                if members.is_empty() {
                    return Err(Error::shape(shape.id.to_string(), "an enum without members cannot be written as IDL"));
                }
                self.out.push_str(&format!("{kw} {name} {{\n"));
                self.members(members, true, 4);
                self.out.push_str("}\n");
            }
            ShapeKind::Structure(members) | ShapeKind::Union(members) => {
                self.out.push_str(&format!("{kw} {name} {{"));
                if members.is_empty() {
                    self.out.push_str("}\n");
                } else {
                    self.out.push('\n');
                    self.members(members, false, 4);
                    self.out.push_str("}\n");
                }
            }
            ShapeKind::List(member) => {
                self.out.push_str(&format!("{kw} {name} {{\n"));
                self.members(std::slice::from_ref(member), false, 4);
                self.out.push_str("}\n");
            }
            ShapeKind::Map { key, value } => {
                self.out.push_str(&format!("{kw} {name} {{\n"));
                self.members(&[key.clone(), value.clone()], false, 4);
                self.out.push_str("}\n");
            }
            ShapeKind::Service(s) => {
                self.out.push_str(&format!("{kw} {name} {{\n"));
                if let Some(v) = &s.version {
                    self.out.push_str(&format!("    version: {}\n", node::quote(v)));
                }
                self.ref_list("operations", &s.operations);
                self.ref_list("resources", &s.resources);
                self.ref_list("errors", &s.errors);
                if !s.rename.is_empty() {
                    self.out.push_str("    rename: {\n");
                    for (from, to) in &s.rename {
                        self.out.push_str(&format!("        {}: {}\n", node::quote(from.as_str()), node::quote(to)));
                    }
                    self.out.push_str("    }\n");
                }
                self.out.push_str("}\n");
            }
            ShapeKind::Operation(op) => {
                self.out.push_str(&format!("{kw} {name} {{"));
                let unit = ShapeId::from_parts(PRELUDE, "Unit");
                let mut body = String::new();
                for (io, label, id) in [(Io::Input, "input", &op.input), (Io::Output, "output", &op.output)] {
                    if let Some(s) = self.inline_io(shape, io) {
                        let ShapeKind::Structure(members) = &s.kind else { continue };
                        let saved = std::mem::take(&mut self.out);
                        if members.is_empty() {
                            self.out.push_str(&format!("    {label} := {{}}\n"));
                        } else {
                            self.out.push_str(&format!("    {label} := {{\n"));
                            self.members(members, false, 8);
                            self.out.push_str("    }\n");
                        }
                        body.push_str(&std::mem::replace(&mut self.out, saved));
                    } else if *id != unit {
                        body.push_str(&format!("    {label}: {}\n", self.short(id)));
                    }
                }
                let saved = std::mem::take(&mut self.out);
                self.ref_list("errors", &op.errors);
                body.push_str(&std::mem::replace(&mut self.out, saved));
                if body.is_empty() {
                    self.out.push_str("}\n");
                } else {
                    self.out.push('\n');
                    self.out.push_str(&body);
                    self.out.push_str("}\n");
                }
            }
            ShapeKind::Resource(r) => {
                self.out.push_str(&format!("{kw} {name} {{"));
                let saved = std::mem::take(&mut self.out);
                self.ref_map("identifiers", &r.identifiers);
                self.ref_map("properties", &r.properties);
                self.ref_list("operations", &r.operations);
                self.ref_list("resources", &r.resources);
                let body = std::mem::replace(&mut self.out, saved);
                if body.is_empty() {
                    self.out.push_str("}\n");
                } else {
                    self.out.push('\n');
                    self.out.push_str(&body);
                    self.out.push_str("}\n");
                }
            }
            _ => {
                self.out.push_str(&format!("{kw} {name}\n"));
            }
        }
        Ok(())
    }

    /// Members at `indent`; a blank line sets apart members that carry docs or traits.
    fn members(&mut self, members: &[Member], is_enum: bool, indent: usize) {
        let assigned = if is_enum { ids::ENUM_VALUE } else { ids::DEFAULT };
        let decorated = |m: &Member| m.traits.0.keys().any(|k| k != assigned);
        for (i, m) in members.iter().enumerate() {
            let value = m.traits.get(assigned);
            if i > 0 && (decorated(m) || decorated(&members[i - 1])) {
                self.out.push('\n');
            }
            self.traits(&m.traits, indent, &[assigned]);
            let mut line = format!("{}{}", pad(indent), m.name);
            if !is_enum {
                line.push_str(": ");
                line.push_str(&self.short(&m.target));
            }
            if let Some(v) = value {
                line.push_str(" = ");
                let col = line.len();
                line.push_str(&node::node(v, indent, col));
            }
            self.out.push_str(&line);
            self.out.push('\n');
        }
    }

    /// `    key: [A, B]` (one per line when long); nothing for an empty list.
    fn ref_list(&mut self, key: &str, ids: &[ShapeId]) {
        if ids.is_empty() {
            return;
        }
        let names: Vec<String> = ids.iter().map(|id| self.short(id)).collect();
        let line = format!("    {key}: [{}]", names.join(", "));
        if line.len() <= WIDTH {
            self.out.push_str(&line);
            self.out.push('\n');
            return;
        }
        self.out.push_str(&format!("    {key}: [\n"));
        for n in names {
            self.out.push_str(&format!("        {n}\n"));
        }
        self.out.push_str("    ]\n");
    }

    /// `    key: { name: Target }`; nothing for an empty map.
    fn ref_map(&mut self, key: &str, map: &BTreeMap<String, ShapeId>) {
        if map.is_empty() {
            return;
        }
        let parts: Vec<String> = map.iter().map(|(k, id)| format!("{}: {}", node::key(k), self.short(id))).collect();
        let line = format!("    {key}: {{ {} }}", parts.join(", "));
        if line.len() <= WIDTH {
            self.out.push_str(&line);
            self.out.push('\n');
            return;
        }
        self.out.push_str(&format!("    {key}: {{\n"));
        for p in parts {
            self.out.push_str(&format!("        {p}\n"));
        }
        self.out.push_str("    }\n");
    }
}

/// Names an unquoted node value would read as a keyword, not a shape ID.
fn is_keyword(name: &str) -> bool {
    matches!(name, "true" | "false" | "null")
}
