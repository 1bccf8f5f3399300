//! `aws.partition`: which AWS partition a region belongs to.
//!
//! The data (`partitions.json`) is read by the generator and emitted into each generated crate as
//! a `static` slice of [`PartitionData`]; [`PartitionResolver`] matches regions against it.

/// What `aws.partition` returns: the partition's outputs, with the region's overrides applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Partition {
    /// The partition's name, e.g. `aws-cn`.
    pub name: &'static str,
    /// DNS suffix of its endpoints, e.g. `amazonaws.com`.
    pub dns_suffix: &'static str,
    /// DNS suffix of its dual-stack endpoints, e.g. `api.aws`.
    pub dual_stack_dns_suffix: &'static str,
    /// Whether it has FIPS endpoints.
    pub supports_fips: bool,
    /// Whether it has dual-stack endpoints.
    pub supports_dual_stack: bool,
    /// The region global services of the partition live in.
    pub implicit_global_region: &'static str,
}

/// A region's overrides of its partition's outputs (`None`: the partition's value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RegionOverride {
    /// Overrides [`Partition::name`].
    pub name: Option<&'static str>,
    /// Overrides [`Partition::dns_suffix`].
    pub dns_suffix: Option<&'static str>,
    /// Overrides [`Partition::dual_stack_dns_suffix`].
    pub dual_stack_dns_suffix: Option<&'static str>,
    /// Overrides [`Partition::supports_fips`].
    pub supports_fips: Option<bool>,
    /// Overrides [`Partition::supports_dual_stack`].
    pub supports_dual_stack: Option<bool>,
    /// Overrides [`Partition::implicit_global_region`].
    pub implicit_global_region: Option<&'static str>,
}

/// One partition of `partitions.json`.
#[derive(Debug, Clone, Copy)]
pub struct PartitionData {
    /// Its ID, e.g. `aws`.
    pub id: &'static str,
    /// The pattern of region names it owns (used when no partition lists the region).
    pub region_regex: &'static str,
    /// The regions it lists, with their overrides.
    pub regions: &'static [(&'static str, RegionOverride)],
    /// Its outputs.
    pub outputs: Partition,
}

/// Resolves regions to partitions: a region listed by a partition gets that partition (with the
/// region's overrides); otherwise the first partition whose `regionRegex` matches; otherwise
/// the partition `aws`. Regions never match across partitions in the data, so order matters only
/// for data that is ambiguous.
#[derive(Debug, Clone)]
pub struct PartitionResolver {
    partitions: &'static [PartitionData],
    // Compiled once; a pattern the regex engine rejects never matches.
    patterns: Vec<Option<regex_lite::Regex>>,
}

impl PartitionResolver {
    /// A resolver over `partitions` (compiles their region patterns).
    pub fn new(partitions: &'static [PartitionData]) -> Self {
        let patterns = partitions.iter().map(|p| regex_lite::Regex::new(p.region_regex).ok()).collect();
        PartitionResolver { partitions, patterns }
    }

    /// `aws.partition(region)`; `None` only when nothing matches and there is no `aws` partition.
    pub fn resolve(&self, region: &str) -> Option<Partition> {
        for p in self.partitions {
            if let Some((_, o)) = p.regions.iter().find(|(name, _)| *name == region) {
                return Some(apply(p.outputs, o));
            }
        }
        let by_pattern = self.partitions.iter().zip(&self.patterns).find(|(_, re)| re.as_ref().is_some_and(|re| re.is_match(region)));
        if let Some((p, _)) = by_pattern {
            return Some(p.outputs);
        }
        self.partitions.iter().find(|p| p.id == "aws").map(|p| p.outputs)
    }
}

fn apply(base: Partition, o: &RegionOverride) -> Partition {
    Partition {
        name: o.name.unwrap_or(base.name),
        dns_suffix: o.dns_suffix.unwrap_or(base.dns_suffix),
        dual_stack_dns_suffix: o.dual_stack_dns_suffix.unwrap_or(base.dual_stack_dns_suffix),
        supports_fips: o.supports_fips.unwrap_or(base.supports_fips),
        supports_dual_stack: o.supports_dual_stack.unwrap_or(base.supports_dual_stack),
        implicit_global_region: o.implicit_global_region.unwrap_or(base.implicit_global_region),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn outputs(name: &'static str, dns: &'static str) -> Partition {
        Partition { name, dns_suffix: dns, dual_stack_dns_suffix: "ds", supports_fips: true, supports_dual_stack: true, implicit_global_region: "g" }
    }

    static DATA: &[PartitionData] = &[
        PartitionData {
            id: "aws",
            region_regex: r"^(us|eu)\-\w+\-\d+$",
            regions: &[("aws-global", RegionOverride { dns_suffix: Some("override"), ..NONE })],
            outputs: outputs("aws", "amazonaws.com"),
        },
        PartitionData { id: "aws-cn", region_regex: r"^cn\-\w+\-\d+$", regions: &[], outputs: outputs("aws-cn", "amazonaws.com.cn") },
    ];

    const NONE: RegionOverride =
        RegionOverride { name: None, dns_suffix: None, dual_stack_dns_suffix: None, supports_fips: None, supports_dual_stack: None, implicit_global_region: None };

    #[test]
    fn matching_order() {
        let r = PartitionResolver::new(DATA);
        assert_eq!(r.resolve("cn-north-1").unwrap().name, "aws-cn");
        assert_eq!(r.resolve("us-east-1").unwrap().name, "aws");
        assert_eq!(r.resolve("xx-foo-9").unwrap().name, "aws");
        assert_eq!(r.resolve("aws-global").unwrap().dns_suffix, "override");
        assert_eq!(r.resolve("aws-global").unwrap().name, "aws");
    }
}
