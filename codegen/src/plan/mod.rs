//! Planning: every decision about the Rust side of the crate, made once, before rendering.
//!
//! Names (all of them come from [`naming`]), module placement, optionality, boxing and the shape
//! closure live here. Renderers only read a [`Plan`]; they never decide a name themselves.

pub mod endpoint;
pub mod naming;
mod closure;
pub mod constraints;
mod rust_type;

use std::collections::{BTreeMap, BTreeSet};

use crate::error::{Error, Result};
use crate::model::traits::ids;
use crate::model::{Member, Model, Shape, ShapeId, ShapeKind};

pub use closure::operation_closure;
pub use rust_type::RustType;

/// Which generated type a shape becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeKind {
    /// A structure in `types`.
    Structure,
    /// An `@error` structure in `types::error`.
    Error,
    /// A union in `types`.
    Union,
    /// A string enum in `types`.
    Enum,
}

/// A named type of the crate (structures, errors, unions, enums).
#[derive(Debug, Clone)]
pub struct TypePlan {
    /// The shape it comes from.
    pub id: ShapeId,
    /// Its Rust name.
    pub name: String,
    /// Its private module (file stem), e.g. `_rehydration_type`.
    pub module: String,
    /// What it is.
    pub kind: TypeKind,
}

impl TypePlan {
    /// The absolute path of the type, e.g. `crate::types::Foo`.
    pub fn path(&self) -> String {
        match self.kind {
            TypeKind::Error => format!("crate::types::error::{}", self.name),
            _ => format!("crate::types::{}", self.name),
        }
    }

    /// The absolute path of its builder.
    pub fn builder_path(&self) -> String {
        match self.kind {
            TypeKind::Error => format!("crate::types::error::builders::{}Builder", self.name),
            _ => format!("crate::types::builders::{}Builder", self.name),
        }
    }
}

/// An operation and the names of everything generated for it.
#[derive(Debug, Clone)]
pub struct OperationPlan {
    /// The operation shape.
    pub id: ShapeId,
    /// The unit struct's name (raw name, first letter uppercased).
    pub name: String,
    /// Module under `operation`, e.g. `create_persistent_contact_association`.
    pub module: String,
    /// Input structure shape (`smithy.api#Unit` when absent).
    pub input: ShapeId,
    /// Output structure shape.
    pub output: ShapeId,
    /// `<Op>Input`.
    pub input_name: String,
    /// `<Op>Output`.
    pub output_name: String,
    /// `<Op>Error`.
    pub error_name: String,
    /// Modeled errors: the operation's own, then the service's, without repeats.
    pub errors: Vec<ShapeId>,
}

/// Facts about the service that name the crate.
#[derive(Debug, Clone)]
pub struct ServiceInfo {
    /// The service shape.
    pub id: ShapeId,
    /// Cargo package name, e.g. `connect-api`.
    pub crate_name: String,
    /// Human title (`@title`, else the sdkId, else the shape name).
    pub title: String,
    /// The service's API version.
    pub version: Option<String>,
}

/// Everything the renderers need to know.
pub struct Plan<'m> {
    /// The validated model.
    pub model: &'m Model,
    /// The service being generated.
    pub service: ServiceInfo,
    /// Types by shape ID.
    pub types: BTreeMap<ShapeId, TypePlan>,
    /// Operations in module-name order.
    pub operations: Vec<OperationPlan>,
    /// Member IDs whose field is boxed to break a recursive cycle.
    pub boxed: BTreeSet<ShapeId>,
    /// The endpoint rule set and its tests, when the service has one.
    pub endpoint: Option<endpoint::EndpointPlan>,
    /// Shapes whose values `validate()` checks ([`constraints`]).
    pub constrained: BTreeSet<ShapeId>,
}

/// Options that change the plan.
#[derive(Debug, Clone, Default)]
pub struct PlanOptions {
    /// The service to generate; required when the model has several.
    pub service: Option<ShapeId>,
    /// Cargo package name; derived from the service when absent.
    pub crate_name: Option<String>,
    /// Only these operations (by shape name), and the shapes they need.
    pub operations: Option<Vec<String>>,
    /// The AWS partition data (`endpoints/partitions.json` of the shared directory), needed
    /// when the service's endpoint rule set calls `aws.partition`.
    pub partitions: Option<serde_json::Value>,
}

/// The fields of one structure as the renderers see them.
#[derive(Debug, Clone)]
pub struct FieldPlan<'m> {
    /// The model member.
    pub member: &'m Member,
    /// The member's target shape.
    pub target: &'m Shape,
    /// Field, accessor and builder-method name (may be `r#type`).
    pub field: String,
    /// `set_<raw>`.
    pub setter: String,
    /// `get_<raw>`.
    pub getter: String,
    /// Whether the field is an `Option`.
    pub optional: bool,
    /// The field's type without the outer `Option`.
    pub ty: RustType,
    /// The member's non-null `@default`, if it has one.
    pub default: Option<&'m serde_json::Value>,
}

impl<'m> Plan<'m> {
    /// Builds the plan for the (only, or chosen) service of a validated model.
    pub fn new(model: &'m Model, options: &PlanOptions) -> Result<Plan<'m>> {
        let service = pick_service(model, options.service.as_ref())?;
        let ShapeKind::Service(svc) = &service.kind else { unreachable!("picked a service") };
        let info = service_info(service, options.crate_name.as_deref())?;

        let mut all_ops = closure::service_operations(model, &service.id);
        if let Some(only) = &options.operations {
            let wanted: BTreeSet<&str> = only.iter().map(String::as_str).collect();
            for w in &wanted {
                if !all_ops.iter().any(|o| o.name() == *w) {
                    return Err(Error::shape(service.id.to_string(), format!("the service has no operation named `{w}`")));
                }
            }
            all_ops.retain(|o| wanted.contains(o.name()));
        }

        let mut operations = Vec::new();
        for op_id in &all_ops {
            let ShapeKind::Operation(op) = &model.expect(op_id).kind else { continue };
            let name = naming::operation_type_name(op_id.name());
            let mut errors = op.errors.clone();
            for e in &svc.errors {
                if !errors.contains(e) {
                    errors.push(e.clone());
                }
            }
            operations.push(OperationPlan {
                id: op_id.clone(),
                module: naming::operation_module(op_id.name()),
                input: op.input.clone(),
                output: op.output.clone(),
                input_name: naming::operation_input_type_name(op_id.name()),
                output_name: naming::operation_output_type_name(op_id.name()),
                error_name: naming::operation_error_type_name(op_id.name()),
                errors,
                name,
            });
        }
        operations.sort_by(|a, b| a.module.cmp(&b.module));
        for pair in operations.windows(2) {
            if pair[0].module == pair[1].module {
                return Err(Error::shape(
                    pair[1].id.to_string(),
                    format!("operations `{}` and `{}` both map to module `{}`", pair[0].id, pair[1].id, pair[1].module),
                ));
            }
        }

        let type_ids = closure::type_closure(model, &all_ops, &svc.errors);
        let mut types = BTreeMap::new();
        let mut by_name: BTreeMap<String, ShapeId> = BTreeMap::new();
        let mut by_module: BTreeMap<(bool, String), ShapeId> = BTreeMap::new();
        for id in type_ids {
            let shape = model.expect(&id);
            let kind = match &shape.kind {
                ShapeKind::Structure(_) if shape.traits.has(ids::ERROR) => TypeKind::Error,
                ShapeKind::Structure(_) => TypeKind::Structure,
                ShapeKind::Union(_) => TypeKind::Union,
                ShapeKind::Enum(_) => TypeKind::Enum,
                _ => continue,
            };
            let raw = svc.rename.get(&id).map(String::as_str).unwrap_or(id.name());
            let name = naming::type_name(raw);
            if let Some(other) = by_name.insert(name.clone(), id.clone()) {
                return Err(Error::shape(
                    id.to_string(),
                    format!("`{other}` and `{id}` would both be named `{name}` in Rust; add a `rename` to the service"),
                ));
            }
            let module = naming::type_module_name(&name);
            if let Some(other) = by_module.insert((kind == TypeKind::Error, module.clone()), id.clone()) {
                return Err(Error::shape(id.to_string(), format!("`{other}` and `{id}` would both live in module `{module}`")));
            }
            types.insert(id.clone(), TypePlan { id, name, module, kind });
        }
        let boxed = closure::boxed_members(model, &types);
        let endpoint = endpoint::EndpointPlan::for_service(service, options.partitions.as_ref())?;
        let mut plan = Plan { model, service: info, types, operations, boxed, endpoint, constrained: BTreeSet::new() };
        let constrained = constraints::constrained_shapes(model, |_, m| plan.is_optional(m, false));
        plan.constrained = constrained;
        plan.check_member_names()?;
        Ok(plan)
    }

    /// The plan of a named type.
    pub fn type_of(&self, id: &ShapeId) -> Option<&TypePlan> {
        self.types.get(id)
    }

    /// The fields of a structure, in model order. `input` makes every field optional.
    pub fn fields(&self, shape: &'m Shape, input: bool) -> Vec<FieldPlan<'m>> {
        let ShapeKind::Structure(members) = &shape.kind else { return Vec::new() };
        members.iter().map(|m| self.field(shape, m, input)).collect()
    }

    fn field(&self, container: &'m Shape, member: &'m Member, input: bool) -> FieldPlan<'m> {
        let target = self.model.expect(&member.target);
        let default = member.traits.default_value().filter(|v| !v.is_null());
        let optional = self.is_optional(member, input);
        let mut ty = self.member_type(member);
        if self.boxed.contains(&container.id.with_member(&member.name)) {
            ty = RustType::Boxed(Box::new(ty));
        }
        FieldPlan {
            member,
            target,
            field: naming::field_name(&member.name),
            setter: naming::setter_name(&member.name),
            getter: naming::getter_name(&member.name),
            optional,
            ty,
            default,
        }
    }

    /// Whether a structure member's field is an `Option`. `input` makes every field optional.
    pub fn is_optional(&self, member: &Member, input: bool) -> bool {
        let target = self.model.expect(&member.target);
        let default = member.traits.default_value().filter(|v| !v.is_null());
        let aggregate = matches!(target.kind, ShapeKind::Structure(_) | ShapeKind::Union(_));
        input || aggregate || member.traits.client_optional() || !(member.traits.required() || default.is_some())
    }

    /// The Rust type of a member's target (no outer `Option`, no boxing).
    pub fn member_type(&self, member: &Member) -> RustType {
        self.shape_type(&member.target)
    }

    /// The Rust type that stands for a shape.
    pub fn shape_type(&self, id: &ShapeId) -> RustType {
        let shape = self.model.expect(id);
        match &shape.kind {
            ShapeKind::Blob => RustType::Blob,
            ShapeKind::Boolean => RustType::Bool,
            ShapeKind::String => RustType::String,
            ShapeKind::Byte => RustType::I8,
            ShapeKind::Short => RustType::I16,
            ShapeKind::Integer | ShapeKind::IntEnum(_) => RustType::I32,
            ShapeKind::Long => RustType::I64,
            ShapeKind::Float => RustType::F32,
            ShapeKind::Double => RustType::F64,
            ShapeKind::BigInteger => RustType::BigInteger,
            ShapeKind::BigDecimal => RustType::BigDecimal,
            ShapeKind::Timestamp => RustType::DateTime,
            ShapeKind::Document => RustType::Document,
            ShapeKind::List(m) => {
                let inner = self.member_type(m);
                let inner = if shape.traits.sparse() { RustType::Option(Box::new(inner)) } else { inner };
                RustType::Vec(Box::new(inner))
            }
            ShapeKind::Map { key, value } => {
                let v = self.member_type(value);
                let v = if shape.traits.sparse() { RustType::Option(Box::new(v)) } else { v };
                RustType::Map(Box::new(self.member_type(key)), Box::new(v))
            }
            ShapeKind::Enum(_) | ShapeKind::Structure(_) | ShapeKind::Union(_) => match self.types.get(id) {
                Some(t) => RustType::Named(t.path()),
                // Only reachable for shapes outside the closure, which nothing renders.
                None => RustType::Unit,
            },
            ShapeKind::Service(_) | ShapeKind::Operation(_) | ShapeKind::Resource(_) => RustType::Unit,
        }
    }

    /// Two members of one shape that get the same Rust name would not compile: refuse them here.
    /// Builder setters and getters count too (`setFoo` beside `foo`), as do the names the
    /// generator itself adds (`meta` on errors, `Unhandled` in error enums).
    fn check_member_names(&self) -> Result<()> {
        for t in self.types.values().filter(|t| t.kind == TypeKind::Error) {
            if t.name == "Unhandled" {
                return Err(Error::shape(
                    t.id.to_string(),
                    "an error named `Unhandled` would clash with the catch-all variant of error enums; add a `rename` to the service",
                ));
            }
        }
        let mut shapes: Vec<&Shape> = self.types.keys().map(|id| self.model.expect(id)).collect();
        for op in &self.operations {
            shapes.push(self.model.expect(&op.input));
            shapes.push(self.model.expect(&op.output));
        }
        for shape in shapes {
            let mut seen: BTreeMap<String, &str> = BTreeMap::new();
            if shape.traits.has(ids::ERROR) {
                for reserved in ["meta", "set_meta"] {
                    seen.insert(reserved.to_owned(), "(error metadata)");
                }
            }
            for m in shape.kind.members() {
                let names = match shape.kind {
                    ShapeKind::Enum(_) => vec![naming::enum_variant_name(&m.name)],
                    ShapeKind::Union(_) => {
                        let v = naming::union_variant_name(&m.name);
                        let suffix = naming::union_variant_method_suffix(&v);
                        vec![v, format!("as_{suffix}"), format!("is_{suffix}")]
                    }
                    ShapeKind::IntEnum(_) => Vec::new(),
                    _ => vec![naming::field_name(&m.name), naming::setter_name(&m.name), naming::getter_name(&m.name)],
                };
                for name in names {
                    if let Some(other) = seen.insert(name.clone(), &m.name) {
                        if other != m.name {
                            return Err(Error::shape(
                                shape.id.to_string(),
                                format!("members `{other}` and `{}` would both be named `{name}` in Rust", m.name),
                            ));
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

fn pick_service<'m>(model: &'m Model, wanted: Option<&ShapeId>) -> Result<&'m Shape> {
    if let Some(id) = wanted {
        return match model.shape(id) {
            Some(s) if matches!(s.kind, ShapeKind::Service(_)) => Ok(s),
            _ => Err(Error::shape(id.to_string(), "no such service in the model")),
        };
    }
    let services: Vec<&Shape> = model.services().collect();
    match services.as_slice() {
        [one] => Ok(one),
        [] => Err(Error::msg("the model has no service shape")),
        many => Err(Error::msg(format!(
            "the model has {} services ({}); choose one with --service",
            many.len(),
            many.iter().map(|s| s.id.to_string()).collect::<Vec<_>>().join(", ")
        ))),
    }
}

fn service_info(service: &Shape, crate_name: Option<&str>) -> Result<ServiceInfo> {
    let sdk_id = service.traits.get(ids::AWS_SERVICE).and_then(|v| v.get("sdkId")).and_then(|v| v.as_str());
    let base = sdk_id.unwrap_or(service.id.name());
    let crate_name = match crate_name {
        Some(n) => n.to_owned(),
        None => format!("{}-api", naming::snake_case(base).replace('_', "-")),
    };
    let valid = !crate_name.is_empty()
        && crate_name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && crate_name.as_bytes()[0].is_ascii_alphabetic();
    if !valid {
        return Err(Error::shape(service.id.to_string(), format!("`{crate_name}` is not a valid crate name")));
    }
    let title = service.traits.title().map(str::to_owned).unwrap_or_else(|| base.to_owned());
    let ShapeKind::Service(svc) = &service.kind else { unreachable!() };
    Ok(ServiceInfo { id: service.id.clone(), crate_name, title, version: svc.version.clone() })
}
