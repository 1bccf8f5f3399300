//! Runs one benchmark case in a loop, for a profiler or an instruction counter:
//! `valgrind --tool=callgrind target/release/wire_profile CASE [ITERATIONS]`.
//!
//! Instruction counts do not depend on the machine's load, which makes them a steadier
//! comparison than wall time on a shared machine. Cases: `cpca-ours`, `cpca-serde-body-uri`,
//! `cpca-serde-request`, `form-ours`, `form-serde`, `users-ours`, `users-serde`, `flows-ours`,
//! `flows-serde`.

use bench::*;
use connect_api::operation::create_evaluation_form::CreateEvaluationForm;
use connect_api::operation::create_persistent_contact_association::CreatePersistentContactAssociation;
use connect_api::operation::list_contact_flows::ListContactFlows;
use connect_api::operation::list_users::ListUsers;
use connect_api::protocol::FixedToken;
use connect_api::Operation;
use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let case = args.next().unwrap_or_default();
    let iterations: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100);
    let token = FixedToken(TOKEN.to_owned());
    let headers = response_headers();
    let cpca = cpca_input();
    let serde_cpca = serde_cpca_input();
    let form = evaluation_form_input(LARGE_FORM);
    let serde_form = serde_evaluation_form_body(LARGE_FORM);
    let users = list_users_body(LIST_ITEMS);
    let flows = list_contact_flows_body(LIST_ITEMS);
    for _ in 0..iterations {
        match case.as_str() {
            "cpca-ours" => drop(black_box(CreatePersistentContactAssociation::build_request_with(black_box(&cpca), &token))),
            "cpca-serde-body-uri" => drop(black_box(serde_cpca_body_and_uri(black_box(&serde_cpca)))),
            "cpca-serde-request" => drop(black_box(serde_cpca_request(black_box(&serde_cpca)))),
            "form-ours" => drop(black_box(CreateEvaluationForm::build_request_with(black_box(&form), &token))),
            "form-serde" => drop(black_box(serde_json::to_vec(black_box(&serde_form)))),
            "users-ours" => drop(black_box(ListUsers::parse_parts(200, &headers, black_box(&users)))),
            "users-serde" => drop(black_box(serde_json::from_slice::<SerdeListUsersOutput>(black_box(&users)))),
            "flows-ours" => drop(black_box(ListContactFlows::parse_parts(200, &headers, black_box(&flows)))),
            "flows-serde" => drop(black_box(serde_json::from_slice::<SerdeListContactFlowsOutput>(black_box(&flows)))),
            "none" => {}
            other => {
                eprintln!("unknown case `{other}`");
                std::process::exit(2);
            }
        }
    }
}
