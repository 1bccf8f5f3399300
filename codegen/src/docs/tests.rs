use super::*;

#[test]
fn smoke() {
    assert_eq!(html_to_markdown("<p>Hello</p>"), "Hello");
}
