//! `isValidHostLabel` and `aws.isVirtualHostableS3Bucket`.

/// `isValidHostLabel(value, allowSubDomains)`: `value` is one DNS label (1 to 63 ASCII letters,
/// digits and `-`, not starting with `-`), or with `allow_sub_domains` several joined by `.`
/// (no empty label, so no leading, trailing or doubled dot).
pub fn is_valid_host_label(value: &str, allow_sub_domains: bool) -> bool {
    if allow_sub_domains {
        value.split('.').all(is_one_label)
    } else {
        is_one_label(value)
    }
}

fn is_one_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 63
        && bytes[0].is_ascii_alphanumeric()
        && bytes.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-')
}

/// `aws.isVirtualHostableS3Bucket(value, allowSubDomains)`: `value` can be used as the first
/// label(s) of an S3 host name: 3 to 63 characters of `a-z`, `0-9`, `-` (and `.` with
/// `allow_sub_domains`), starting and ending with a letter or digit; with dots, every
/// dot-separated part is a host label, and the name does not look like an IPv4 address.
pub fn is_virtual_hostable_s3_bucket(value: &str, allow_sub_domains: bool) -> bool {
    let bytes = value.as_bytes();
    let lower_alnum = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    if bytes.len() < 3 || bytes.len() > 63 {
        return false;
    }
    if !lower_alnum(&bytes[0]) || !lower_alnum(&bytes[bytes.len() - 1]) {
        return false;
    }
    if !bytes.iter().all(|b| lower_alnum(b) || *b == b'-' || (allow_sub_domains && *b == b'.')) {
        return false;
    }
    if allow_sub_domains {
        if value.contains("..") || value.contains(".-") || value.contains("-.") {
            return false;
        }
        if looks_like_ipv4(value) || !is_valid_host_label(value, true) {
            return false;
        }
    }
    true
}

/// Four dot-separated groups of digits (not range-checked, as the reference implementation).
pub(crate) fn looks_like_ipv4(host: &str) -> bool {
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4 && parts.iter().all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_labels() {
        assert!(is_valid_host_label("a", false));
        assert!(is_valid_host_label("abc-", false));
        assert!(is_valid_host_label(&"a".repeat(63), false));
        assert!(!is_valid_host_label(&"a".repeat(64), false));
        assert!(!is_valid_host_label("", false));
        assert!(!is_valid_host_label("-a", false));
        assert!(!is_valid_host_label("a.b", false));
        assert!(is_valid_host_label("a.b", true));
        for bad in ["a..b", "a.", ".a", "a_b"] {
            assert!(!is_valid_host_label(bad, true), "{bad}");
        }
    }

    #[test]
    fn s3_buckets() {
        assert!(is_virtual_hostable_s3_bucket("bucket-name", false));
        assert!(!is_virtual_hostable_s3_bucket("bucket.name", false));
        assert!(is_virtual_hostable_s3_bucket("bucket.name", true));
        for bad in ["ab", "Bucket", "-bucket", "bucket-", "a..b", "a.-b", "a-.b", "192.168.1.1"] {
            assert!(!is_virtual_hostable_s3_bucket(bad, true), "{bad}");
        }
    }
}
