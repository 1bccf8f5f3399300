//! The generated restJson1 code against `serde_json` derive on equivalent structs.
//!
//! Run with `cargo bench -p bench` (add `-- --quick` or a filter such as `-- parse` for a
//! shorter run). Each group has an `ours` and a `serde` function over the same data; see
//! `src/lib.rs` for the inputs and `tests/equivalence.rs` for the check that both sides agree.
//!
//! On a busy shared machine wall times drift between the `ours` and `serde` runs of a group;
//! `bench/compare.sh --callgrind` interleaves the cases, keeps the best time of several runs
//! and also counts instructions, which the load does not change.

use bench::*;
use connect_api::operation::create_evaluation_form::CreateEvaluationForm;
use connect_api::operation::create_persistent_contact_association::CreatePersistentContactAssociation;
use connect_api::operation::list_contact_flows::ListContactFlows;
use connect_api::operation::list_users::ListUsers;
use connect_api::protocol::FixedToken;
use connect_api::Operation;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

fn build_cpca(c: &mut Criterion) {
    let mut group = c.benchmark_group("build_request/CreatePersistentContactAssociation");
    let input = cpca_input();
    let token = FixedToken(TOKEN.to_owned());
    group.bench_function("ours", |b| {
        b.iter(|| CreatePersistentContactAssociation::build_request_with(black_box(&input), &token).unwrap())
    });
    let serde_input = serde_cpca_input();
    group.bench_function("serde_body_and_uri", |b| {
        b.iter(|| serde_cpca_body_and_uri(black_box(&serde_input)))
    });
    group.bench_function("serde_http_request", |b| {
        b.iter(|| serde_cpca_request(black_box(&serde_input)))
    });
    group.finish();
}

fn serialize_evaluation_form(c: &mut Criterion) {
    let mut group = c.benchmark_group("serialize/CreateEvaluationForm");
    let input = evaluation_form_input(LARGE_FORM);
    let token = FixedToken(TOKEN.to_owned());
    let bytes = CreateEvaluationForm::build_request_with(&input, &token).unwrap().body().len();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("ours", |b| {
        b.iter(|| CreateEvaluationForm::build_request_with(black_box(&input), &token).unwrap())
    });
    let body = serde_evaluation_form_body(LARGE_FORM);
    group.bench_function("serde", |b| b.iter(|| serde_json::to_vec(black_box(&body)).unwrap()));
    group.finish();
}

fn parse_lists(c: &mut Criterion) {
    let headers = response_headers();

    let body = list_users_body(LIST_ITEMS);
    let mut group = c.benchmark_group("parse/ListUsers");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_with_input(BenchmarkId::new("ours", LIST_ITEMS), &body, |b, body| {
        b.iter(|| ListUsers::parse_parts(200, &headers, black_box(body)).unwrap())
    });
    group.bench_with_input(BenchmarkId::new("serde", LIST_ITEMS), &body, |b, body| {
        b.iter(|| serde_json::from_slice::<SerdeListUsersOutput>(black_box(body)).unwrap())
    });
    group.finish();

    let body = list_contact_flows_body(LIST_ITEMS);
    let mut group = c.benchmark_group("parse/ListContactFlows");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_with_input(BenchmarkId::new("ours", LIST_ITEMS), &body, |b, body| {
        b.iter(|| ListContactFlows::parse_parts(200, &headers, black_box(body)).unwrap())
    });
    group.bench_with_input(BenchmarkId::new("serde", LIST_ITEMS), &body, |b, body| {
        b.iter(|| serde_json::from_slice::<SerdeListContactFlowsOutput>(black_box(body)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, build_cpca, serialize_evaluation_form, parse_lists);
criterion_main!(benches);
