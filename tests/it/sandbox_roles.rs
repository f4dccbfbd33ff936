//! Who may move an intervention: agents act on their own, admins on anyone's.

use serde_json::json;

use crate::harness::{Sandbox, Workspace};

#[test]
fn agents_assign_to_themselves_and_act_only_on_what_they_own() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.api();
    let w = Workspace::new(&admin);
    let bo = admin.with_token(&sandbox.home.token(Some("bo@example.com")));
    let cy = admin.with_token(&sandbox.home.token(Some("cy")));
    assert_eq!(bo.get("/v1/me").expect(200)["id"], w.bo.as_str());

    // assign: to yourself yes, to someone else no.
    let queued = w.queued();
    let refused = bo.post(
        &format!("/v1/interventions/{queued}/assign"),
        json!({"agent": w.cy}),
    );
    assert!(refused.problem(403, "forbidden").contains("themself"));
    let mine = bo
        .post(
            &format!("/v1/interventions/{queued}/assign"),
            json!({"agent": w.bo}),
        )
        .expect(200);
    assert_eq!(mine["owner"], w.bo.as_str());

    // Someone else's intervention: no reassign, return, cancel or complete.
    for (action, body) in [
        ("reassign", json!({"agent": w.cy})),
        ("return", json!({})),
        ("cancel", json!({})),
        ("complete", json!({"topic": w.topic, "outcome": w.outcome})),
    ] {
        let r = cy.post(&format!("/v1/interventions/{queued}/{action}"), body);
        assert!(
            r.problem(403, "forbidden").contains(&w.bo),
            "{action}: the owner is named"
        );
    }
    // A queued intervention has no owner: only an admin may cancel it.
    let other = w.queued();
    cy.post(&format!("/v1/interventions/{other}/cancel"), json!({}))
        .problem(403, "forbidden");
    admin
        .post(&format!("/v1/interventions/{other}/cancel"), json!({}))
        .expect(200);

    // The owner may reassign, and the new owner may complete.
    bo.post(
        &format!("/v1/interventions/{queued}/reassign"),
        json!({"agent": w.cy}),
    )
    .expect(200);
    bo.post(&format!("/v1/interventions/{queued}/return"), json!({}))
        .problem(403, "forbidden");
    let done = cy
        .post(
            &format!("/v1/interventions/{queued}/complete"),
            json!({"topic": w.topic, "outcome": w.outcome}),
        )
        .expect(200);
    assert_eq!(done["completion"]["completed_by"], w.cy.as_str());
    let actors: Vec<_> = admin
        .events_of(&queued)
        .iter()
        .map(|e| e["actor"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(actors[1..], [w.bo.clone(), w.bo.clone(), w.cy.clone()]);

    // An admin agent (Ana) acts on anyone's and assigns to anyone.
    let ana = admin.with_token(&sandbox.home.token(Some(&w.ana)));
    let theirs = w.in_state("assigned");
    ana.post(&format!("/v1/interventions/{theirs}/return"), json!({}))
        .expect(200);
    let given = ana
        .post(
            &format!("/v1/interventions/{theirs}/assign"),
            json!({"agent": w.cy}),
        )
        .expect(200);
    assert_eq!(given["owner"], w.cy.as_str());
    ana.post(
        &format!("/v1/interventions/{theirs}/cancel"),
        json!({"reason": "duplicate"}),
    )
    .expect(200);
    assert_eq!(
        admin.events_of(&theirs).last().unwrap()["actor"],
        w.ana.as_str()
    );
}

#[test]
fn only_admins_create_and_only_known_tokens_read() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.api();
    let w = Workspace::new(&admin);
    let bo = admin.with_token(&sandbox.home.token(Some(&w.bo)));
    for (path, body) in [
        (
            "/v1/agents",
            json!({"key": "x", "name": "X", "email": "x@example.com"}),
        ),
        ("/v1/departments", json!({"key": "x", "name": "X"})),
        ("/v1/topics", json!({"key": "x", "name": "X"})),
        ("/v1/outcomes", json!({"key": "x", "name": "X"})),
        ("/v1/blocks", json!({"key": "x", "name": "X"})),
        (
            "/v1/conversations",
            json!({"key": "x", "user": {"key": "u", "name": "U", "channel": "sms"}}),
        ),
    ] {
        bo.post(path, body).problem(403, "forbidden");
    }
    assert_eq!(
        admin.all("/v1/agents").len(),
        5,
        "nothing was created by the refused calls"
    );

    let nobody = admin.with_token("lvs_not-a-token");
    for path in [
        "/v1/me",
        "/v1/interventions",
        "/v1/queues",
        "/v1/audit",
        "/v1/events",
    ] {
        nobody.get(path).problem(401, "unauthorized");
        let bare = admin.send(admin.http.get(format!("{}{path}", admin.base)));
        bare.problem(401, "unauthorized");
    }
    let basic = admin.send(
        admin
            .http
            .get(format!("{}/v1/me", admin.base))
            .header("authorization", "Basic YTpi"),
    );
    assert!(basic.problem(401, "unauthorized").contains("Bearer"));
}

#[test]
fn tokens_are_stored_hashed() {
    let sandbox = Sandbox::start(&[]);
    let token = sandbox.home.token(None);
    sandbox.api().with_token(&token).get("/v1/me").expect(200);
    let db = std::fs::read(sandbox.home.db()).unwrap();
    let wal = std::fs::read(sandbox.home.db().with_extension("db-wal")).unwrap_or_default();
    for bytes in [db, wal] {
        assert!(
            !bytes.windows(token.len()).any(|w| w == token.as_bytes()),
            "the token itself must not be in the database"
        );
    }
}

#[test]
fn token_command_rejects_unknown_agents_and_missing_databases() {
    let sandbox = Sandbox::start(&[]);
    let db = sandbox.home.db();
    let out = sandbox.home.run(&[
        "sandbox",
        "token",
        "--db",
        db.to_str().unwrap(),
        "--agent",
        "nobody@example.com",
    ]);
    assert_eq!(out.status.code(), Some(5));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("nobody@example.com") && stderr.contains("livectl agents"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());

    let missing = sandbox.home.path().join("nope.db");
    let out = sandbox
        .home
        .run(&["sandbox", "token", "--db", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no sandbox database"));
    assert!(
        !missing.exists(),
        "no database is created by asking for a token"
    );
}
