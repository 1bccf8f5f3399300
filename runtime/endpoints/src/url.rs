//! `parseURL`.

/// The parts of a URL, as `parseURL` gives them to the rule set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    scheme: String,
    authority: String,
    path: String,
    normalized_path: String,
    is_ip: bool,
}

impl Url {
    /// `http` or `https`, lower-case.
    pub fn scheme(&self) -> &str {
        &self.scheme
    }

    /// `host[:port]` as written.
    pub fn authority(&self) -> &str {
        &self.authority
    }

    /// The path as written: `""` for `https://a.com`, `"/"` for `https://a.com/`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The path starting and ending with `/` (`/a/b` gives `/a/b/`, no path gives `/`).
    pub fn normalized_path(&self) -> &str {
        &self.normalized_path
    }

    /// Whether the host is an IP address (a dotted quad or a bracketed IPv6 address).
    pub fn is_ip(&self) -> bool {
        self.is_ip
    }
}

/// `parseURL(value)`: `None` unless `value` is an absolute `http`/`https` URL with a host,
/// an optional numeric port, an optional path and no query or fragment.
pub fn parse_url(value: &str) -> Option<Url> {
    let (scheme, rest) = value.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    if rest.contains(['?', '#']) || rest.contains(|c: char| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let (authority, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let (host, port, bracketed) = if let Some(v6) = authority.strip_prefix('[') {
        let (inside, after) = v6.split_once(']')?;
        if inside.is_empty() || !inside.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.') {
            return None;
        }
        let port = if after.is_empty() { None } else { Some(after.strip_prefix(':')?) };
        (inside, port, true)
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p), false),
            None => (authority, None, false),
        }
    };
    if host.is_empty() || host.contains(['@', '[', ']']) {
        return None;
    }
    if let Some(p) = port {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    let is_ip = bracketed || crate::host::looks_like_ipv4(host);
    let mut normalized_path = String::with_capacity(path.len() + 2);
    if !path.starts_with('/') {
        normalized_path.push('/');
    }
    normalized_path.push_str(path);
    if !normalized_path.ends_with('/') {
        normalized_path.push('/');
    }
    Some(Url { scheme, authority: authority.to_owned(), path: path.to_owned(), normalized_path, is_ip })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses() {
        let u = parse_url("https://example.com:8443/a/b").unwrap();
        assert_eq!((u.scheme(), u.authority(), u.path(), u.normalized_path(), u.is_ip()), ("https", "example.com:8443", "/a/b", "/a/b/", false));
        let u = parse_url("http://example.com").unwrap();
        assert_eq!((u.path(), u.normalized_path()), ("", "/"));
        assert!(parse_url("http://192.168.1.1/x").unwrap().is_ip());
        assert!(parse_url("https://[2001:db8::1]:443").unwrap().is_ip());
    }

    #[test]
    fn rejects() {
        for bad in ["example.com", "ftp://a.com", "https://a.com/p?q=1", "http://abc.com:a/foo", "https://", "https://a.com:", "https://[::1]x"] {
            assert_eq!(parse_url(bad), None, "{bad}");
        }
    }
}
