//! `livectl stuck`: what counts as stuck, and fixes that do not move the same items twice.

use serde_json::Value;

use crate::harness::Home;

fn stuck_ids(home: &Home) -> Vec<String> {
    let out = home.cli(&["stuck", "-o", "json", "-q"]).ok();
    let stuck: Vec<Value> = serde_json::from_str(&out).unwrap();
    stuck
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_reassigning_fix_run_twice_moves_nothing_the_second_time() {
    let home = Home::new();
    assert!(!stuck_ids(&home).is_empty(), "the demo has stuck takeovers");
    let first = home.cli(&[
        "stuck", "--fix", "reassign", "--to", "ana", "--to", "dee", "--yes", "-o", "json", "-q",
    ]);
    let summary: Value = serde_json::from_str(&first.ok()).unwrap();
    assert!(summary["done"].as_u64().unwrap() > 0);
    // The users who waited for their former owner are not the new owners' delay.
    assert_eq!(
        stuck_ids(&home),
        Vec::<String>::new(),
        "nothing is stuck any more"
    );
    let second = home.cli(&[
        "stuck", "--fix", "reassign", "--to", "ana", "--to", "dee", "--yes", "-q",
    ]);
    assert_eq!(second.code, 0, "{}", second.stderr);
}
