//! Our client and aws-sdk-connect 1.172.0 against `winterbaume-connect`, a stateful Amazon
//! Connect emulator written by others (crates.io), in process through its smithy `HttpClient`.
//!
//! The same scenario (one source text, expanded for each crate by a macro, which also shows
//! that code written for the SDK compiles against ours) creates two instances, describes one,
//! lists them with the paginator, tags one, deletes it and sees `ResourceNotFoundException`.
//! Both runs must observe the same things (IDs and ARNs are random, so they are described by
//! shape, not value).

use winterbaume_connect::ConnectService;
use winterbaume_core::MockAws;

macro_rules! scenario {
    ($sdk:ident, $client:expr) => {{
        use $sdk::types::{DirectoryType, InstanceStatus};
        let client = $client;
        let mut seen: Vec<String> = Vec::new();
        let mut ids = Vec::new();
        for alias in ["alias-one", "alias-two"] {
            let created = client
                .create_instance()
                .identity_management_type(DirectoryType::ConnectManaged)
                .instance_alias(alias)
                .inbound_calls_enabled(true)
                .outbound_calls_enabled(false)
                .send()
                .await
                .expect("create_instance");
            let id = created.id().expect("an instance ID").to_owned();
            seen.push(format!("created: id set {}, arn ends with id {}", !id.is_empty(), created.arn().unwrap_or_default().ends_with(&id)));
            ids.push((id, created.arn().unwrap_or_default().to_owned()));
        }
        let described = client.describe_instance().instance_id(&ids[0].0).send().await.expect("describe_instance");
        let instance = described.instance().expect("an instance");
        seen.push(format!(
            "described: alias {:?}, inbound {:?}, outbound {:?}, active or creating {}, created time set {}",
            instance.instance_alias(),
            instance.inbound_calls_enabled(),
            instance.outbound_calls_enabled(),
            matches!(instance.instance_status(), Some(InstanceStatus::Active) | Some(InstanceStatus::CreationInProgress)),
            instance.created_time().is_some(),
        ));
        let mut pages = client.list_instances().max_results(1).into_paginator().send();
        let mut aliases = Vec::new();
        let mut page_count = 0;
        while let Some(page) = pages.next().await {
            page_count += 1;
            for summary in page.expect("list_instances page").instance_summary_list() {
                aliases.push(summary.instance_alias().unwrap_or_default().to_owned());
            }
        }
        aliases.sort();
        seen.push(format!("listed: {aliases:?} in {} pages", if page_count >= 2 { "several" } else { "one" }));
        let items: Vec<_> = client.list_instances().into_paginator().items().send().collect::<Result<Vec<_>, _>>().await.expect("items");
        seen.push(format!("items: {}", items.len()));
        client
            .tag_resource()
            .resource_arn(&ids[0].1)
            .tags("team", "blue")
            .tags("env", "test")
            .send()
            .await
            .expect("tag_resource");
        let tags = client.list_tags_for_resource().resource_arn(&ids[0].1).send().await.expect("list_tags_for_resource");
        let mut tags: Vec<_> = tags.tags().cloned().unwrap_or_default().into_iter().collect();
        tags.sort();
        seen.push(format!("tags: {tags:?}"));
        client.delete_instance().instance_id(&ids[0].0).send().await.expect("delete_instance");
        match client.describe_instance().instance_id(&ids[0].0).send().await {
            Err($sdk::error::SdkError::ServiceError(e)) => {
                use $sdk::error::ProvideErrorMetadata;
                seen.push(format!("after delete: not found {}, code {:?}", e.err().is_resource_not_found_exception(), e.err().code()));
            }
            Err(e) => seen.push(format!("after delete: other error {e}")),
            Ok(_) => seen.push("after delete: still there".to_owned()),
        }
        seen
    }};
}

fn mock() -> MockAws {
    MockAws::builder().with_service(ConnectService::new()).build()
}

#[tokio::test]
async fn same_observations_as_the_sdk() {
    let m = mock();
    let sdk_conf = aws_sdk_connect::Config::builder()
        .behavior_version(aws_sdk_connect::config::BehaviorVersion::latest())
        .region(aws_sdk_connect::config::Region::new("us-east-1"))
        .credentials_provider(m.credentials_provider())
        .http_client(m.http_client())
        .build();
    let theirs = scenario!(aws_sdk_connect, aws_sdk_connect::Client::from_conf(sdk_conf));

    let m = mock();
    let our_conf = connect_api::Config::builder()
        .region(connect_api::config::Region::new("us-east-1"))
        .credentials_provider(m.credentials_provider())
        .http_client(m.http_client())
        .build();
    let ours = scenario!(connect_api, connect_api::Client::from_conf(our_conf));

    for line in &ours {
        println!("ours:   {line}");
    }
    for line in &theirs {
        println!("theirs: {line}");
    }
    assert_eq!(ours, theirs);
    assert!(ours.last().is_some_and(|l| l.contains("not found true")), "{ours:?}");
}
