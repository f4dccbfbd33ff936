//! What was acknowledged survives kill -9, and concurrent writers never see `database is locked`.

use std::sync::{Arc, Barrier};

use serde_json::json;

use crate::harness::{Sandbox, Workspace};

#[test]
fn acknowledged_actions_survive_kill_9() {
    let mut sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..40).map(|_| w.queued()).collect();
    let mut acknowledged = Vec::new();
    for id in &ids {
        let r = api.post(
            &format!("/v1/interventions/{id}/assign"),
            json!({"agent": w.cy}),
        );
        assert_eq!(r.status, 200);
        acknowledged.push(r.body);
    }
    sandbox.kill();
    let restarted = Sandbox::start_in(sandbox.home.clone(), &[]);
    let api = restarted.api();
    for ack in &acknowledged {
        assert_eq!(&api.intervention(ack["id"].as_str().unwrap()), ack);
    }
    assert_eq!(api.all("/v1/audit?action=assigned").len(), 40);
}

#[test]
fn many_clients_and_two_processes_write_without_lock_errors() {
    let first = Sandbox::start(&[]);
    let second = Sandbox::start_in(first.home.clone(), &[]);
    let w = Workspace::new(&first.api());
    let ids: Vec<String> = (0..160).map(|_| w.queued()).collect();
    let apis = [first.api(), second.api()];
    let threads = 16;
    let barrier = Arc::new(Barrier::new(threads));
    let handles: Vec<_> = (0..threads)
        .map(|t| {
            let api = apis[t % 2].clone();
            let mine: Vec<String> = ids.iter().skip(t).step_by(threads).cloned().collect();
            let (barrier, bo, cy) = (barrier.clone(), w.bo.clone(), w.cy.clone());
            std::thread::spawn(move || {
                barrier.wait();
                let mut statuses = Vec::new();
                for id in mine {
                    statuses.push(
                        api.post(
                            &format!("/v1/interventions/{id}/assign"),
                            json!({"agent": bo}),
                        )
                        .status,
                    );
                    statuses.push(
                        api.post(
                            &format!("/v1/interventions/{id}/reassign"),
                            json!({"agent": cy}),
                        )
                        .status,
                    );
                    statuses.push(api.get("/v1/queues").status);
                }
                statuses
            })
        })
        .collect();
    for h in handles {
        let statuses = h.join().unwrap();
        assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    }
    assert_eq!(first.api().all("/v1/audit?action=reassigned").len(), 160);
}
