//! A small flag parser: `--name value`, `--name=value` and boolean `--flag`.

use std::collections::BTreeMap;

/// Parsed flags of one command.
pub struct Args {
    values: BTreeMap<String, Vec<String>>,
    flags: Vec<String>,
}

impl Args {
    /// Parses `args`, accepting the value flags in `with_value` and the boolean flags in `switches`.
    pub fn parse(args: &[String], with_value: &[&str], switches: &[&str]) -> Result<Args, String> {
        let mut values: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut flags = Vec::new();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let (name, inline) = match a.split_once('=') {
                Some((n, v)) => (n, Some(v.to_owned())),
                None => (a.as_str(), None),
            };
            let bare = name.trim_start_matches("--");
            if !name.starts_with("--") {
                return Err(format!("unexpected argument `{a}`"));
            }
            if with_value.contains(&bare) {
                let v = match inline {
                    Some(v) => v,
                    None => it.next().cloned().ok_or_else(|| format!("`--{bare}` needs a value"))?,
                };
                values.entry(bare.to_owned()).or_default().push(v);
            } else if switches.contains(&bare) && inline.is_none() {
                flags.push(bare.to_owned());
            } else {
                return Err(format!("unknown option `{a}`"));
            }
        }
        Ok(Args { values, flags })
    }

    /// The last value of a flag.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values.get(name).and_then(|v| v.last()).map(String::as_str)
    }

    /// Every value of a repeatable flag.
    pub fn values(&self, name: &str) -> Vec<String> {
        self.values.get(name).cloned().unwrap_or_default()
    }

    /// Whether a boolean flag was given.
    pub fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }
}
