//! `aws.parseArn`.

/// An ARN's parts: `arn:partition:service:region:account-id:resource`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arn {
    partition: String,
    service: String,
    region: String,
    account_id: String,
    resource_id: Vec<String>,
}

impl Arn {
    /// The partition, e.g. `aws`.
    pub fn partition(&self) -> &str {
        &self.partition
    }

    /// The service namespace, e.g. `s3`.
    pub fn service(&self) -> &str {
        &self.service
    }

    /// The region (may be empty).
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The account ID (may be empty).
    pub fn account_id(&self) -> &str {
        &self.account_id
    }

    /// The resource, split at every `:` and `/` (`vpc/vpc-1` gives `["vpc", "vpc-1"]`).
    pub fn resource_id(&self) -> &[String] {
        &self.resource_id
    }
}

/// `aws.parseArn(value)`: `None` unless `value` has the form
/// `arn:partition:service:region:account-id:resource` with a non-empty partition, service and
/// resource (everything after the fifth `:` is the resource).
pub fn parse_arn(value: &str) -> Option<Arn> {
    let mut parts = value.splitn(6, ':');
    if parts.next()? != "arn" {
        return None;
    }
    let (partition, service, region, account_id, resource) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    if partition.is_empty() || service.is_empty() || resource.is_empty() {
        return None;
    }
    Some(Arn {
        partition: partition.to_owned(),
        service: service.to_owned(),
        region: region.to_owned(),
        account_id: account_id.to_owned(),
        resource_id: resource.split([':', '/']).map(str::to_owned).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses() {
        let a = parse_arn("arn:aws:ec2::123:vpc/vpc-1:x").unwrap();
        assert_eq!((a.partition(), a.service(), a.region(), a.account_id()), ("aws", "ec2", "", "123"));
        assert_eq!(a.resource_id(), ["vpc", "vpc-1", "x"]);
    }

    #[test]
    fn rejects() {
        for bad in ["arn:aws:s3:us-east-1:123", "arn::s3:::r", "arn:aws::::r", "arn:aws:s3:::", "urn:aws:s3:::r"] {
            assert_eq!(parse_arn(bad), None, "{bad}");
        }
    }
}
