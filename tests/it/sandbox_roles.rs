//! Who may do what (docs/contract.md, "Roles"): one table of every route the router serves, as
//! an admin, an agent and a wrong token; agents act on their own and see only what they may.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::harness::{Api, Sandbox, Workspace};
use crate::sandbox_events::Stream;

/// One request and what each caller gets: (method, the router's route, the path sent, the body,
/// admin, agent, wrong token). In paths and bodies, `<name>` is a fixture made afresh for each
/// caller, so one caller's action never changes what the next one meets: `<queued>`, `<mine>`
/// (assigned to the agent, Bo), `<mine_done>` (completed, Bo its last owner), `<theirs>`
/// (assigned to Cy), `<cancelled>` (cancelled from the queue), `<user:X>` and `<conv:X>` (the
/// user and conversation of such an intervention), `<me>` (the caller), `<key>` (a new key),
/// and the workspace's `<bo>`, `<cy>`, `<support>`, `<topic>`, `<outcome>`, `<block>`.
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    u16,
    u16,
    u16,
);

#[rustfmt::skip]
const ROWS: &[Row] = &[
    ("GET", "/openapi.json", "/openapi.json", "", 200, 200, 200),
    ("GET", "/healthz", "/healthz", "", 200, 200, 200),
    ("GET", "/v1/me", "/v1/me", "", 200, 200, 401),
    ("GET", "/v1/agents", "/v1/agents", "", 200, 200, 401),
    ("GET", "/v1/agents/{id}", "/v1/agents/<cy>", "", 200, 200, 401),
    ("GET", "/v1/agents/{id}", "/v1/agents/ag_999999", "", 404, 404, 401),
    ("POST", "/v1/agents", "/v1/agents", r#"{"key": "<key>", "name": "N", "email": "<key>@example.com"}"#, 201, 403, 401),
    ("POST", "/v1/agents/{id}/status", "/v1/agents/<me>/status", r#"{"status": "away"}"#, 200, 200, 401),
    ("POST", "/v1/agents/{id}/status", "/v1/agents/<cy>/status", r#"{"status": "away"}"#, 200, 403, 401),
    ("GET", "/v1/departments", "/v1/departments", "", 200, 200, 401),
    ("GET", "/v1/departments/{id}", "/v1/departments/<support>", "", 200, 200, 401),
    ("POST", "/v1/departments", "/v1/departments", r#"{"key": "<key>", "name": "N"}"#, 201, 403, 401),
    ("GET", "/v1/topics", "/v1/topics", "", 200, 200, 401),
    ("GET", "/v1/topics/{id}", "/v1/topics/<topic>", "", 200, 200, 401),
    ("POST", "/v1/topics", "/v1/topics", r#"{"key": "<key>", "name": "N"}"#, 201, 403, 401),
    ("GET", "/v1/outcomes", "/v1/outcomes", "", 200, 200, 401),
    ("GET", "/v1/outcomes/{id}", "/v1/outcomes/<outcome>", "", 200, 200, 401),
    ("POST", "/v1/outcomes", "/v1/outcomes", r#"{"key": "<key>", "name": "N"}"#, 201, 403, 401),
    ("GET", "/v1/blocks", "/v1/blocks", "", 200, 200, 401),
    ("GET", "/v1/blocks/{id}", "/v1/blocks/<block>", "", 200, 200, 401),
    ("POST", "/v1/blocks", "/v1/blocks", r#"{"key": "<key>", "name": "N"}"#, 201, 403, 401),
    ("GET", "/v1/users", "/v1/users", "", 200, 403, 401),
    ("GET", "/v1/users/{id}", "/v1/users/<user:queued>", "", 200, 200, 401),
    ("GET", "/v1/users/{id}", "/v1/users/<user:mine>", "", 200, 200, 401),
    ("GET", "/v1/users/{id}", "/v1/users/<user:theirs>", "", 200, 403, 401),
    ("GET", "/v1/users/{id}", "/v1/users/us_999999", "", 404, 404, 401),
    ("GET", "/v1/users/{id}/history", "/v1/users/<user:queued>/history", "", 200, 200, 401),
    ("GET", "/v1/users/{id}/history", "/v1/users/<user:mine_done>/history", "", 200, 200, 401),
    ("GET", "/v1/users/{id}/history", "/v1/users/<user:theirs>/history", "", 200, 403, 401),
    ("GET", "/v1/users/{id}/history", "/v1/users/us_999999/history", "", 404, 404, 401),
    ("GET", "/v1/history", "/v1/history", "", 200, 403, 401),
    ("GET", "/v1/conversations", "/v1/conversations", "", 200, 403, 401),
    ("POST", "/v1/conversations", "/v1/conversations", r#"{"key": "<key>", "user": {"key": "<key>", "name": "U", "channel": "sms"}}"#, 201, 403, 401),
    ("GET", "/v1/conversations/{id}", "/v1/conversations/<conv:queued>", "", 200, 200, 401),
    ("GET", "/v1/conversations/{id}", "/v1/conversations/<conv:mine>", "", 200, 200, 401),
    ("GET", "/v1/conversations/{id}", "/v1/conversations/<conv:theirs>", "", 200, 403, 401),
    ("GET", "/v1/conversations/{id}", "/v1/conversations/cv_999999", "", 404, 404, 401),
    ("GET", "/v1/interventions", "/v1/interventions", "", 200, 200, 401),
    ("GET", "/v1/interventions", "/v1/interventions?owner=<cy>", "", 200, 200, 401),
    ("GET", "/v1/interventions/refs", "/v1/interventions/refs", "", 200, 200, 401),
    ("GET", "/v1/interventions/refs", "/v1/interventions/refs?owner=<cy>", "", 200, 200, 401),
    ("GET", "/v1/interventions/{id}", "/v1/interventions/<queued>", "", 200, 200, 401),
    ("GET", "/v1/interventions/{id}", "/v1/interventions/<mine>", "", 200, 200, 401),
    ("GET", "/v1/interventions/{id}", "/v1/interventions/<mine_done>", "", 200, 200, 401),
    ("GET", "/v1/interventions/{id}", "/v1/interventions/<theirs>", "", 200, 403, 401),
    ("GET", "/v1/interventions/{id}", "/v1/interventions/<cancelled>", "", 200, 403, 401),
    ("GET", "/v1/interventions/{id}", "/v1/interventions/iv_999999", "", 404, 404, 401),
    ("POST", "/v1/interventions/{id}/assign", "/v1/interventions/<queued>/assign", r#"{"agent": "<me>"}"#, 200, 200, 401),
    ("POST", "/v1/interventions/{id}/assign", "/v1/interventions/<queued>/assign", r#"{"agent": "<cy>"}"#, 200, 403, 401),
    ("POST", "/v1/interventions/{id}/assign", "/v1/interventions/iv_999999/assign", r#"{"agent": "<me>"}"#, 404, 404, 401),
    ("POST", "/v1/interventions/{id}/reassign", "/v1/interventions/<mine>/reassign", r#"{"agent": "<cy>"}"#, 200, 200, 401),
    ("POST", "/v1/interventions/{id}/reassign", "/v1/interventions/<theirs>/reassign", r#"{"agent": "<bo>"}"#, 200, 403, 401),
    ("POST", "/v1/interventions/{id}/return", "/v1/interventions/<mine>/return", "{}", 200, 200, 401),
    ("POST", "/v1/interventions/{id}/return", "/v1/interventions/<theirs>/return", "{}", 200, 403, 401),
    ("POST", "/v1/interventions/{id}/cancel", "/v1/interventions/<mine>/cancel", "{}", 200, 200, 401),
    ("POST", "/v1/interventions/{id}/cancel", "/v1/interventions/<queued>/cancel", "{}", 200, 403, 401),
    ("POST", "/v1/interventions/{id}/complete", "/v1/interventions/<mine>/complete", r#"{"topic": "<topic>", "outcome": "<outcome>"}"#, 200, 200, 401),
    ("POST", "/v1/interventions/{id}/complete", "/v1/interventions/<theirs>/complete", r#"{"topic": "<topic>", "outcome": "<outcome>"}"#, 200, 403, 401),
    ("GET", "/v1/queues", "/v1/queues", "", 200, 200, 401),
    ("POST", "/v1/batch", "/v1/batch", r#"{"operations": []}"#, 200, 403, 401),
    ("GET", "/v1/events", "/v1/events", "", 200, 200, 401),
    ("GET", "/v1/audit", "/v1/audit", "", 200, 403, 401),
    ("GET", "/v1/audit", "/v1/audit?intervention_id=<queued>", "", 200, 200, 401),
    ("GET", "/v1/audit", "/v1/audit?intervention_id=<mine_done>", "", 200, 200, 401),
    ("GET", "/v1/audit", "/v1/audit?intervention_id=<theirs>", "", 200, 403, 401),
    ("GET", "/v1/audit", "/v1/audit?intervention_id=iv_999999", "", 422, 422, 401),
];

/// The fixtures of one caller's request.
struct Fixtures<'a> {
    w: &'a Workspace,
    me: &'a str,
    keys: std::cell::Cell<usize>,
}

impl Fixtures<'_> {
    fn intervention(&self, name: &str) -> String {
        let w = self.w;
        match name {
            "queued" => w.queued(),
            "mine" => w.in_state("assigned"),
            "mine_done" => w.in_state("completed"),
            "cancelled" => w.in_state("cancelled"),
            "theirs" => {
                let id = w.queued();
                w.api
                    .post(
                        &format!("/v1/interventions/{id}/assign"),
                        json!({"agent": w.cy}),
                    )
                    .expect(200);
                id
            }
            other => panic!("no fixture <{other}>"),
        }
    }

    fn value(&self, name: &str) -> String {
        let w = self.w;
        let of = |field: &str, name: &str| {
            let intervention = w.api.intervention(&self.intervention(name));
            let value = match field {
                "user" => &intervention["user"]["id"],
                _ => &intervention["conversation_id"],
            };
            value.as_str().unwrap().to_owned()
        };
        if let Some(name) = name.strip_prefix("user:") {
            return of("user", name);
        }
        if let Some(name) = name.strip_prefix("conv:") {
            return of("conversation", name);
        }
        match name {
            "me" => self.me.to_owned(),
            "key" => {
                self.keys.set(self.keys.get() + 1);
                format!("matrix-{}-{}", self.me, self.keys.get())
            }
            "bo" => w.bo.clone(),
            "cy" => w.cy.clone(),
            "support" => w.support.clone(),
            "topic" => w.topic.clone(),
            "outcome" => w.outcome.clone(),
            "block" => w.block.clone(),
            other => self.intervention(other),
        }
    }

    /// `text` with every `<name>` replaced by its fixture.
    fn resolve(&self, text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find('<') {
            let end = start + rest[start..].find('>').unwrap();
            out.push_str(&rest[..start]);
            out.push_str(&self.value(&rest[start + 1..end]));
            rest = &rest[end + 1..];
        }
        out + rest
    }
}

/// The status of one request, and its problem code when it is refused. A stream's body is
/// never read: it does not end.
fn call(api: &Api, method: &str, path: &str, body: &str) -> (u16, String) {
    let method: reqwest::Method = method.parse().unwrap();
    let mut request = api.request(method, path);
    if !body.is_empty() {
        request = request
            .header("content-type", "application/json")
            .body(body.to_owned());
    }
    let response = request.send().expect("the sandbox answers");
    let status = response.status().as_u16();
    if status < 400 {
        return (status, String::new());
    }
    let kind = response.headers()["content-type"].to_str().unwrap();
    assert_eq!(kind, "application/problem+json", "{path}");
    let problem: Value = response.json().unwrap();
    (status, problem["code"].as_str().unwrap_or("").to_owned())
}

#[test]
fn every_route_answers_each_role_as_the_contract_says() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.api();
    let w = Workspace::new(&admin);
    let bo = admin.with_token(&sandbox.home.token(Some(&w.bo)));
    let nobody = admin.with_token("lvs_not-a-token");
    let callers = [
        ("admin", &admin, "ag_1"),
        ("agent", &bo, w.bo.as_str()),
        ("wrong token", &nobody, "ag_1"),
    ];
    let mut wrong = Vec::new();
    for &(method, _, path, body, for_admin, for_agent, for_nobody) in ROWS {
        let expected = [for_admin, for_agent, for_nobody];
        for (&(who, api, me), expected) in callers.iter().zip(expected) {
            let fixtures = Fixtures {
                w: &w,
                me,
                keys: Default::default(),
            };
            let (path, body) = (fixtures.resolve(path), fixtures.resolve(body));
            let (status, code) = call(api, method, &path, &body);
            let expected_code = match expected {
                401 => "unauthorized",
                403 => "forbidden",
                404 => "not_found",
                422 => "validation_failed",
                _ => "",
            };
            if (status, code.as_str()) != (expected, expected_code) {
                wrong.push(format!(
                    "{who}: {method} {path} {body} answered {status} {code}, not {expected} {expected_code}"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The routes the router declares, read from its source: (method, path).
fn router_routes() -> BTreeSet<(String, String)> {
    let file =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/sandbox/src/http/mod.rs");
    let code = std::fs::read_to_string(file).unwrap();
    let body = &code[code.find("pub fn router(").expect("the router function")..];
    // The statements that build `v1` (`let mut v1 = Router::new()...;`, and `v1 = v1.route(...);`
    // for a route a knob leaves out): their routes are under /v1.
    let v1: Vec<std::ops::Range<usize>> = body
        .match_indices("v1 = ")
        .map(|(start, _)| start..start + body[start..].find(';').unwrap())
        .collect();
    assert!(!v1.is_empty(), "the /v1 routes");
    let mut routes = BTreeSet::new();
    for (at, _) in body.match_indices(".route(") {
        let prefix = if v1.iter().any(|r| r.contains(&at)) {
            "/v1"
        } else {
            ""
        };
        // The call's arguments: up to the parenthesis that closes `.route(`.
        let start = at + ".route(".len();
        let mut depth = 1;
        let mut end = start;
        for (i, c) in body[start..].char_indices() {
            depth += match c {
                '(' => 1,
                ')' => -1,
                _ => 0,
            };
            if depth == 0 {
                end = start + i;
                break;
            }
        }
        let args = &body[start..end];
        let path = args.split('"').nth(1).expect("a path literal");
        for method in ["get", "post", "put", "patch", "delete", "head", "options"] {
            let called = args
                .match_indices(&format!("{method}("))
                .any(|(i, _)| !args[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_'));
            if called {
                routes.insert((method.to_uppercase(), format!("{prefix}{path}")));
            }
        }
    }
    routes
}

#[test]
fn every_route_the_router_serves_has_a_row_in_the_role_table() {
    let table: BTreeSet<(String, String)> = ROWS
        .iter()
        .map(|r| (r.0.to_owned(), r.1.to_owned()))
        .collect();
    let router = router_routes();
    assert!(
        router.len() > 30,
        "the router's routes were read: {router:?}"
    );
    let missing: Vec<_> = router.difference(&table).collect();
    assert!(
        missing.is_empty(),
        "routes without a row in ROWS (tests/it/sandbox_roles.rs): {missing:?}"
    );
    let stale: Vec<_> = table.difference(&router).collect();
    assert!(
        stale.is_empty(),
        "rows for routes the router does not serve: {stale:?}"
    );

    // The published document has the same operations, beside the two that need no token.
    let document: Value = serde_json::from_str(include_str!("../../docs/openapi.json")).unwrap();
    let mut documented: BTreeSet<(String, String)> = document["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, ops)| {
            ops.as_object()
                .unwrap()
                .keys()
                .map(move |m| (m.to_uppercase(), path.clone()))
        })
        .collect();
    documented.insert(("GET".into(), "/openapi.json".into()));
    documented.insert(("GET".into(), "/healthz".into()));
    assert_eq!(
        documented, table,
        "docs/openapi.json and the role table differ"
    );
}

#[test]
fn an_agents_list_holds_only_what_it_may_see() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.api();
    let w = Workspace::new(&admin);
    let bo = admin.with_token(&sandbox.home.token(Some(&w.bo)));
    let queued = w.queued();
    let mine = w.in_state("assigned");
    let mine_done = w.in_state("completed");
    let cancelled = w.in_state("cancelled");
    let theirs = w.queued();
    admin
        .post(
            &format!("/v1/interventions/{theirs}/assign"),
            json!({"agent": w.cy}),
        )
        .expect(200);
    // Queued after its own: what an agent sees interleaves the queued ones and its own.
    let later = w.queued();
    // Every listing below is read whole and as refs: the refs are the same items, in part.
    let ids = |api: &Api, filter: &str| -> Vec<String> {
        let query = format!("?state=queued,assigned,completed,cancelled{filter}");
        let whole = api.all(&format!("/v1/interventions{query}"));
        let part: Vec<Value> = whole
            .iter()
            .map(|i| {
                let field = |name: &str| i[name].clone();
                json!({"id": field("id"), "state": field("state"), "owner": field("owner"),
                    "department": field("department"), "version": field("version")})
            })
            .collect();
        assert_eq!(
            api.all(&format!("/v1/interventions/refs{query}")),
            part,
            "{query}"
        );
        whole
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        ids(&admin, ""),
        [
            queued.as_str(),
            &mine,
            &mine_done,
            &cancelled,
            &theirs,
            &later
        ]
    );
    assert_eq!(
        ids(&bo, ""),
        [queued.as_str(), &mine, &mine_done, &later],
        "queued ones and its own, in any state"
    );
    // Its queued ones and its own are two ranges merged in id order: page by page, the same.
    for list in ["/v1/interventions", "/v1/interventions/refs"] {
        let mut paged = Vec::new();
        let first = format!("{list}?state=queued,assigned,completed,cancelled&limit=1");
        let mut next = first.clone();
        loop {
            let page = bo.get(&next).expect(200);
            paged.extend(
                page["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| i["id"].clone()),
            );
            let Some(cursor) = page["next_cursor"].as_str() else {
                break;
            };
            next = format!("{first}&cursor={cursor}");
        }
        assert_eq!(
            paged,
            [queued.as_str(), &mine, &mine_done, &later],
            "{list}: one a page"
        );
    }
    assert_eq!(
        ids(&bo, &format!("&owner={}", w.bo)),
        [mine.as_str(), &mine_done]
    );
    // Filters that bind values of their own, before each range's own value.
    for filter in [
        format!("&department={}", w.support),
        "&queued_after=2000-01-01T00:00:00Z&updated_after=2000-01-01T00:00:00Z".to_owned(),
    ] {
        assert_eq!(
            ids(&bo, &filter),
            [queued.as_str(), &mine, &mine_done, &later],
            "{filter}"
        );
    }
    assert!(
        ids(&bo, &format!("&owner={}", w.cy)).is_empty(),
        "another agent's: none"
    );
    assert_eq!(ids(&admin, &format!("&owner={}", w.cy)), [theirs.as_str()]);
    // The audit trail of its own (started, assigned, completed), not of another's.
    assert_eq!(bo.events_of(&mine_done).len(), 3);
    bo.get(&format!("/v1/audit?intervention_id={theirs}"))
        .problem(403, "forbidden");
}

#[test]
fn an_agents_event_stream_carries_only_what_it_may_see() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.api();
    let w = Workspace::new(&admin);
    let bo = admin.with_token(&sandbox.home.token(Some(&w.bo)));
    let mut bo_stream = Stream::open(&bo, None);
    let mut all_stream = Stream::open(&admin, None);
    let act = |id: &str, action: &str, body: Value| {
        admin
            .post(&format!("/v1/interventions/{id}/{action}"), body)
            .expect(200);
    };
    let first = w.queued(); // started: enters the queue
    act(&first, "assign", json!({"agent": w.cy})); // leaves the queue
    act(&first, "reassign", json!({"agent": w.ana})); // Cy to Ana: none of Bo's business
    act(&first, "return", json!({})); // back in the queue
    act(&first, "assign", json!({"agent": w.bo})); // to Bo
    act(&first, "reassign", json!({"agent": w.cy})); // from Bo
    let done = json!({"topic": w.topic, "outcome": w.outcome});
    act(&first, "complete", done); // Cy's
    let second = w.queued();
    act(&second, "cancel", json!({})); // cancelled while queued: leaves the queue
    let last = w.queued();

    let until_last = |stream: &mut Stream| {
        let mut seen = Vec::new();
        loop {
            let (_, event) = stream.next();
            let id = event["intervention_id"].as_str().unwrap().to_owned();
            let action = event["action"].as_str().unwrap().to_owned();
            let end = id == last && action == "started";
            seen.push(format!("{id} {action}"));
            if end {
                return seen;
            }
        }
    };
    assert_eq!(
        until_last(&mut bo_stream),
        [
            format!("{first} started"),
            format!("{first} assigned"),
            format!("{first} returned"),
            format!("{first} assigned"),
            format!("{first} reassigned"),
            format!("{second} started"),
            format!("{second} cancelled"),
            format!("{last} started"),
        ]
    );
    assert_eq!(
        until_last(&mut all_stream).len(),
        10,
        "an admin receives every event"
    );
}

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
    assert_eq!(
        refused.problem(403, "forbidden"),
        format!(
            "cannot assign intervention {queued}: an agent may assign only to itself ({}); \
             only an admin may assign to {}",
            w.bo, w.cy
        )
    );
    let mine = bo
        .post(
            &format!("/v1/interventions/{queued}/assign"),
            json!({"agent": w.bo}),
        )
        .expect(200);
    assert_eq!(mine["owner"], w.bo.as_str());

    // Someone else's intervention: no action at all, and nothing of it said: not its owner,
    // not the intervention a 409 (taken already) or a 412 (another version) would carry.
    let user = admin
        .get(&format!("/v1/interventions/{queued}"))
        .expect(200)["user"]["name"]
        .as_str()
        .unwrap()
        .to_owned();
    for (action, body, if_match) in [
        ("reassign", json!({"agent": w.cy}), None),
        ("return", json!({}), None),
        ("cancel", json!({}), None),
        (
            "complete",
            json!({"topic": w.topic, "outcome": w.outcome}),
            None,
        ),
        ("assign", json!({"agent": w.cy}), None),
        ("return", json!({}), Some("\"1\"")),
    ] {
        let path = format!("/v1/interventions/{queued}/{action}");
        let r = match if_match {
            Some(version) => cy.post_with(&path, body, &[("If-Match", version)]),
            None => cy.post(&path, body),
        };
        assert_eq!(
            r.problem(403, "forbidden"),
            format!(
                "intervention {queued} is neither queued nor yours: an agent sees the queued interventions and its own; ask an admin"
            ),
            "{action}"
        );
        let said = r.body.to_string();
        assert!(
            r.body.get("current").is_none() && !said.contains(&w.bo) && !said.contains(&user),
            "{action} {if_match:?}: {said}"
        );
    }
    // Nobody owns a queued intervention: only an admin may cancel it.
    let other = w.queued();
    assert_eq!(
        cy.post(&format!("/v1/interventions/{other}/cancel"), json!({}))
            .problem(403, "forbidden"),
        format!(
            "cannot cancel intervention {other}: nobody owns it, so only an admin may cancel it"
        )
    );
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
fn a_deactivated_agents_tokens_are_refused_until_it_is_active_again() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.api();
    let w = Workspace::new(&admin);
    let cy = admin.with_token(&sandbox.home.token(Some(&w.cy)));
    cy.get("/v1/me").expect(200);
    let agent = |active: bool| json!({"key": "cy", "name": "Cy Diaz", "email": "cy@example.com", "role": "agent", "department": w.support, "active": active});
    // A stream it has open ends at the next change after, and its watch says why.
    let mut watch = Watch::start(&sandbox, &cy.token, &[]);
    admin.post("/v1/agents", agent(false)).expect(200);
    w.queued();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let code = loop {
        if let Some(status) = watch.child.try_wait().unwrap() {
            break status.code();
        }
        assert!(std::time::Instant::now() < deadline, "the watch goes on");
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let mut said = String::new();
    std::io::Read::read_to_string(&mut watch.stderr, &mut said).unwrap();
    assert_eq!(code, Some(4), "{said}");
    assert!(said.contains("is deactivated"), "{said}");
    // The token remembered by the server is refused from the next request on.
    let refused = cy.get("/v1/me");
    let detail = refused.problem(401, "unauthorized");
    assert!(
        detail.contains(&format!("({}) is deactivated", w.cy)),
        "{detail}"
    );
    assert_eq!(
        refused.header("www-authenticate"),
        Some("Bearer error=\"invalid_token\"")
    );
    // Through the CLI: exit 4, and the reason.
    sandbox
        .cli(&cy.token, &["whoami"])
        .hints("check LIVECTL_TOKEN, which this run's token came from; a deactivated agent's tokens stay refused until an admin makes it active")
        .fails(4, "is deactivated; an admin makes it active again with an upsert of its whole record setting \"active\": true (a field left out takes its default; `livectl agents -o json` shows the record)");
    // No token is made for it, and nothing is written.
    let out = sandbox.home.run(&[
        "sandbox",
        "token",
        "--db",
        sandbox.home.db().to_str().unwrap(),
        "--agent",
        &w.cy,
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("is deactivated, and a deactivated agent's tokens are refused"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());

    admin.post("/v1/agents", agent(true)).expect(200);
    cy.get("/v1/me").expect(200);

    // An admin cannot lock itself out; another admin may deactivate it.
    let ana = admin.with_token(&sandbox.home.token(Some(&w.ana)));
    let ana_body = |active: bool| json!({"key": "ana", "name": "Ana Lima", "email": "ana@example.com", "role": "admin", "department": w.support, "active": active});
    let detail = ana.post("/v1/agents", ana_body(false));
    assert!(
        detail
            .problem(422, "validation_failed")
            .contains("an agent cannot deactivate itself"),
    );
    ana.get("/v1/me").expect(200);
    // Nor make itself an agent: a seed file listing the admin loading it as an agent was
    // refused part-way, its role taken by its own first upsert.
    let mut demoted = ana_body(true);
    demoted["role"] = json!("agent");
    assert_eq!(
        ana.post("/v1/agents", demoted.clone())
            .problem(422, "validation_failed"),
        "an admin cannot make itself agent: its admin requests would be refused from then on; another admin can"
    );
    assert_eq!(ana.get("/v1/me").expect(200)["role"], "admin");
    admin.post("/v1/agents", demoted).expect(200);
    admin.post("/v1/agents", ana_body(true)).expect(200);
    admin.post("/v1/agents", ana_body(false)).expect(200);
    ana.get("/v1/me").problem(401, "unauthorized");
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

/// `sandbox token --agent` took an id, an email or a key, where every other AGENT takes a
/// unique name too: it names an agent by the rule every AGENT is named by, so a name two
/// agents share is refused listing them (exit 2, DESIGN section 9).
#[test]
fn token_command_names_an_agent_as_every_agent_is_named() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let bo_diaz = api
        .post(
            "/v1/agents",
            json!({"key": "bo2", "name": "Bo Diaz", "email": "bo2@example.com", "role": "agent", "department": w.support}),
        )
        .expect(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let db = sandbox.home.db();
    let token = |agent: &str| {
        sandbox.home.cli(&[
            "sandbox",
            "token",
            "--db",
            db.to_str().unwrap(),
            "--agent",
            agent,
        ])
    };
    // A whole name, in any case: a token that acts as that agent.
    for (name, id) in [("Bo Chen", &w.bo), ("bo diaz", &bo_diaz)] {
        let made = token(name).ok();
        let me = api.with_token(made.trim()).get("/v1/me").expect(200);
        assert_eq!(me["id"], id.as_str(), "{name}");
    }
    // A first name two agents share: refused, listing them, and no token made.
    let several = token("Bo");
    assert_eq!((several.code, several.stdout.as_str()), (2, ""));
    insta::assert_snapshot!(several.stderr, @r"
    error: --agent: `Bo` matches 2 agents: Bo Chen <bo@example.com> (ag_3), Bo Diaz <bo2@example.com> (ag_6)
    hint: name one by its id or email
    ");
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
    // Not the embedded sandbox's database: `livectl agents` would list another platform's
    // agents (or the embedded sandbox's), so the hint names this one's, read from the file
    // (it said how to list them where it is served, "at http://127.0.0.1:8787" whatever port
    // served it: a new user).
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr,
        "error: --agent: no agent is called `nobody@example.com`\n\
         hint: an agent is an id, a key, an email or a unique name; this database's agents are: ag_1\n"
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

#[test]
fn watch_outlives_a_server_restart_and_brings_what_was_missed() {
    use std::io::BufRead;
    let home = crate::harness::Home::new();
    let db = home.db();
    let addr = crate::harness::free_addr();
    let mut sandbox = Sandbox::start_at(home.clone(), &db, &addr, &[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.queued();
    // At -v each failed try is said (without it, only the first and every 30 s).
    let mut watch = Watch::start(&sandbox, &api.token, &["-v"]);
    // Down for `reconnects` attempts; changed meanwhile through another process on the same
    // database, then back where it was.
    let outage =
        |sandbox: &mut Sandbox, watch: &mut Watch, reconnects: usize, action: &str, body| {
            sandbox.stop(libc::SIGTERM);
            let mut line = String::new();
            let mut seen = 0;
            while seen < reconnects {
                line.clear();
                assert!(
                    watch.stderr.read_line(&mut line).unwrap() > 0,
                    "the watch ended"
                );
                if line.contains("reconnecting") {
                    seen += 1;
                } else if !line.starts_with("livectl:") {
                    assert!(line.starts_with("reconnected"), "{line}");
                }
            }
            let mut aside = Sandbox::start_on(home.clone(), &db, &[]);
            aside
                .api()
                .post(&format!("/v1/interventions/{id}/{action}"), body)
                .expect(200);
            aside.stop(libc::SIGTERM);
            *sandbox = Sandbox::start_at(home.clone(), &db, &addr, &[]);
        };
    // Before it saw any event: it resumes from where its stream started (Events-After).
    outage(
        &mut sandbox,
        &mut watch,
        1,
        "assign",
        json!({"agent": w.bo}),
    );
    assert_eq!(watch.next(), format!("{id} assigned"));
    // Down for longer than a request's retries last (five attempts): it keeps reconnecting,
    // and resumes after the last event it saw.
    outage(&mut sandbox, &mut watch, 7, "return", json!({}));
    assert_eq!(watch.next(), format!("{id} returned"));
    let rest = watch.stop();
    assert!(rest.contains("reconnected; watching changes"), "{rest}");
}

/// A running `livectl watch ARGS -o ndjson`.
struct Watch {
    child: std::process::Child,
    stdout: std::sync::mpsc::Receiver<String>,
    stderr: std::io::BufReader<std::process::ChildStderr>,
}

impl Watch {
    /// `watch ARGS -o ndjson` started as `token`, and connected.
    fn start(sandbox: &Sandbox, token: &str, args: &[&str]) -> Watch {
        let mut watch = Watch::spawn(
            sandbox,
            token,
            &[&["watch"], args, &["-o", "ndjson"]].concat(),
        );
        watch.ready();
        watch
    }

    /// Its first line on stderr says it is watching.
    fn ready(&mut self) {
        use std::io::BufRead;
        let mut ready = String::new();
        // Past the lines of -v logging.
        while ready.is_empty() || ready.starts_with("livectl:") {
            ready.clear();
            assert!(
                self.stderr.read_line(&mut ready).unwrap() > 0,
                "the watch ended"
            );
        }
        assert_eq!(ready, "watching changes (Ctrl-C to stop)\n");
    }

    /// `livectl ARGS` (a `watch`, a `list --watch`) started as `token`.
    fn spawn(sandbox: &Sandbox, token: &str, args: &[&str]) -> Watch {
        Watch::spawn_with(sandbox, token, args, &[])
    }

    /// `livectl ARGS` started as `token`, with more variables.
    fn spawn_with(sandbox: &Sandbox, token: &str, args: &[&str], env: &[(&str, &str)]) -> Watch {
        use std::io::{BufRead, BufReader};
        use std::process::Stdio;
        let mut child = sandbox
            .home
            .livectl()
            .env("LIVECTL_API_URL", &sandbox.url)
            .env("LIVECTL_TOKEN", token)
            .envs(env.iter().copied())
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = BufReader::new(child.stderr.take().unwrap());
        // Read on a thread of its own, so a change that never comes fails the test at a
        // deadline instead of hanging it.
        let lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let (send, stdout) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in lines {
                if send.send(line.unwrap()).is_err() {
                    break;
                }
            }
        });
        Watch {
            child,
            stdout,
            stderr,
        }
    }

    /// The next line it prints, within a minute.
    fn line(&mut self) -> String {
        self.stdout
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("watch prints the change within a minute")
    }

    /// The next change it prints, as "ID ACTION".
    fn next(&mut self) -> String {
        let line = self.line();
        let event: Value = serde_json::from_str(&line).unwrap();
        format!(
            "{} {}",
            event["intervention_id"].as_str().unwrap(),
            event["action"].as_str().unwrap()
        )
    }

    /// Ctrl-C: it ends with 0; what it said on stderr.
    fn stop(mut self) -> String {
        use std::io::Read;
        // SAFETY: SIGINT to our own child.
        #[cfg(unix)]
        unsafe {
            libc::kill(self.child.id() as i32, libc::SIGINT)
        };
        let mut rest = String::new();
        self.stderr.read_to_string(&mut rest).unwrap();
        assert_eq!(self.child.wait().unwrap().code(), Some(0), "{rest}");
        rest
    }
}

#[test]
fn an_agent_lists_assigns_shows_and_watches_with_the_cli() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.api();
    let w = Workspace::new(&admin);
    let bo = sandbox.home.token(Some(&w.bo));
    let queued = w.queued();
    let theirs = w.queued();
    let to_cy_then_ana = |id: &str| {
        for (action, agent) in [("assign", &w.cy), ("reassign", &w.ana)] {
            admin
                .post(
                    &format!("/v1/interventions/{id}/{action}"),
                    json!({"agent": agent}),
                )
                .expect(200);
        }
    };
    to_cy_then_ana(&theirs);
    let mine = w.queued();

    let listed = sandbox.cli(&bo, &["list", "-o", "ids"]).ok();
    assert_eq!(listed, format!("{queued}\n{mine}\n"), "Ana's is not listed");
    let assigned = sandbox.cli(&bo, &["assign", &mine, "-o", "ids"]).ok();
    assert_eq!(assigned, format!("{mine}\n"));
    assert_eq!(admin.intervention(&mine)["owner"], w.bo.as_str());

    // show: its own and a queued one, with their timelines and messages; not Ana's.
    for id in [&mine, &queued] {
        let shown = sandbox.cli(&bo, &["show", id]).ok();
        assert!(shown.contains("I need help"), "{shown}");
        let json: Value =
            serde_json::from_str(&sandbox.cli(&bo, &["show", id, "-o", "json"]).ok()).unwrap();
        assert_eq!(json["id"], id.as_str());
        assert!(!json["events"].as_array().unwrap().is_empty());
    }
    let refused = sandbox.cli(&bo, &["show", &theirs]);
    refused.fails(4, "neither queued nor yours");
    assert!(refused.stdout.is_empty());
    // The platform says to ask an admin: said once, not again by a hint (a new user).
    let admins_own = [
        "api",
        "/v1/agents",
        "-f",
        "key=zed",
        "-f",
        "name=Zed",
        "-f",
        "email=zed@example.com",
    ];
    for args in [&["show", &theirs][..], &["return", &theirs], &admins_own] {
        let said = sandbox.cli(&bo, args);
        said.fails(4, "ask an admin\n");
        assert_eq!(
            said.stderr.matches("ask an admin").count(),
            1,
            "{}",
            said.stderr
        );
    }

    // watch: the changes it may see; not Cy's handing one to Ana.
    let mut watch = Watch::start(&sandbox, &bo, &[]);
    let next = w.queued();
    to_cy_then_ana(&next);
    let last = w.queued();
    for expected in [
        format!("{next} started"),
        format!("{next} assigned"),
        format!("{last} started"),
    ] {
        assert_eq!(watch.next(), expected);
    }
    assert_eq!(watch.stop(), "");

    // With a filter, the change that takes one out of its view is skipped quietly.
    let mut watch = Watch::start(&sandbox, &bo, &["--owner", "none"]);
    let next = w.queued();
    assert_eq!(watch.next(), format!("{next} started"));
    to_cy_then_ana(&next);
    let last = w.queued();
    assert_eq!(watch.next(), format!("{last} started"));
    let said = watch.stop();
    assert!(!said.contains("warning"), "{said}");
}

#[test]
fn list_watch_for_scripts_goes_on_with_rows_of_the_list() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.api();
    let w = Workspace::new(&admin);
    let first = w.queued();
    let row = |line: String| -> (String, String, Value) {
        let row: Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"));
        (
            row["id"].as_str().unwrap().to_owned(),
            row["state"].as_str().unwrap().to_owned(),
            row["owner"].clone(),
        )
    };
    // -o json: JSON lines, the list's and then each change's, never an array that never ends.
    let mut list = Watch::spawn(
        &sandbox,
        &admin.token,
        &["list", "--watch", "--owner", "none", "-o", "json"],
    );
    assert_eq!(
        row(list.line()),
        (first.clone(), "queued".into(), Value::Null)
    );
    list.ready();
    admin
        .post(
            &format!("/v1/interventions/{first}/assign"),
            json!({"agent": w.bo}),
        )
        .expect(200);
    // The change that takes it out of the filter is a row too, as it is now.
    assert_eq!(
        row(list.line()),
        (first.clone(), "assigned".into(), json!(w.bo))
    );
    // An agent's status is not a row of interventions.
    let bo = sandbox.home.token(Some(&w.bo));
    sandbox.cli(&bo, &["status", "away"]).ok();
    let next = w.queued();
    assert_eq!(
        row(list.line()),
        (next.clone(), "queued".into(), Value::Null)
    );
    assert_eq!(list.stop(), "");

    // --jq shapes each row alone, the listed ones and the changed ones, as a list of one: the
    // program of a list works on it.
    let mut list = Watch::spawn(
        &sandbox,
        &admin.token,
        &["list", "--watch", "--jq", ".[].id"],
    );
    assert_eq!([list.line(), list.line()], [first.clone(), next.clone()]);
    list.ready();
    admin
        .post(&format!("/v1/interventions/{next}/cancel"), json!({}))
        .expect(200);
    assert_eq!(list.line(), next);
    list.stop();
}

/// A row of the list that a change takes out of any filter (a state, not only an owner) is
/// written once more as it is then: `list --state open --watch` wrote
/// nothing of a cancel, where `list --watch` (open by default) did (scripting tester).
#[test]
fn list_watch_writes_a_row_leaving_any_filter_once() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.api();
    let w = Workspace::new(&admin);
    let gone = w.in_state("assigned");
    let stays = w.in_state("assigned");
    let mut list = Watch::spawn(
        &sandbox,
        &admin.token,
        &[
            "list",
            "--state",
            "open",
            "--watch",
            "--jq",
            r#".[] | "\(.id) \(.state)""#,
        ],
    );
    assert_eq!(
        [list.line(), list.line()],
        [format!("{gone} assigned"), format!("{stays} assigned")]
    );
    list.ready();
    admin
        .post(&format!("/v1/interventions/{gone}/cancel"), json!({}))
        .expect(200);
    assert_eq!(list.line(), format!("{gone} cancelled"), "it leaves");
    // The others' changes are rows as before.
    admin
        .post(
            &format!("/v1/interventions/{stays}/reassign"),
            json!({"agent": w.cy}),
        )
        .expect(200);
    assert_eq!(list.line(), format!("{stays} assigned"));
    assert_eq!(list.stop(), "");
}

#[test]
fn list_watch_misses_no_change_made_right_after_the_list() {
    // The stream takes 1.5 s to start: a watch that opened it only after the list would start
    // after a change made as soon as the list is out.
    let sandbox = Sandbox::start(&["--faults", "latency=1500ms,path=/v1/events"]);
    let admin = sandbox.api();
    let w = Workspace::new(&admin);
    let id = w.queued();
    let mut list = Watch::spawn(&sandbox, &admin.token, &["list", "--watch", "-o", "ids"]);
    assert_eq!(list.line(), id);
    admin
        .post(
            &format!("/v1/interventions/{id}/assign"),
            json!({"agent": w.bo}),
        )
        .expect(200);
    assert_eq!(list.line(), id, "the change after the list");
    list.ready();
    list.stop();
}

#[test]
fn watch_shapes_each_change_alone_with_json_and_jq() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.api();
    let w = Workspace::new(&admin);
    let bo = sandbox.home.token(Some(&w.bo));
    // On a terminal too, a change a line.
    let mut fields = Watch::spawn_with(
        &sandbox,
        &admin.token,
        &["watch", "--json", "type,intervention_id,action,agent,to"],
        &[("LIVECTL_FORCE_TTY", "1")],
    );
    fields.ready();
    let mut jq = Watch::spawn(
        &sandbox,
        &admin.token,
        &["watch", "--jq", r#"select(.agent) | "\(.agent) \(.to)""#],
    );
    jq.ready();
    let id = w.queued();
    sandbox.cli(&bo, &["status", "away"]).ok();
    // Each kind of change has the fields asked for, null where it has none of them.
    assert_eq!(
        [fields.line(), fields.line()],
        [
            format!(
                r#"{{"action":"started","agent":null,"intervention_id":"{id}","to":null,"type":"intervention"}}"#
            ),
            format!(
                r#"{{"action":null,"agent":"{}","intervention_id":null,"to":"away","type":"status"}}"#,
                w.bo
            ),
        ]
    );
    assert_eq!(jq.line(), format!("{} away", w.bo));
    fields.stop();
    jq.stop();
}
