//! Seed validation and the sandbox share one table of limits: a seed file that breaks any
//! limit a document can break is refused whole, before anything is sent.

use livectl_contract::Limit;
use serde_json::{Value, json};

use crate::harness::Sandbox;

/// A small valid document: everything a limit can be broken in.
fn base() -> Value {
    json!({
        "departments": [{"key": "support", "name": "Support"}],
        "agents": [{"key": "bo", "name": "Bo Chen", "email": "bo@example.com", "department": "support"}],
        "topics": [{"key": "login", "name": "Login problem", "department": "support"}],
        "outcomes": [{"key": "ok", "name": "Resolved"}],
        "users": [{"key": "u1", "name": "Una", "channel": "web"}],
        "conversations": [{
            "key": "c1",
            "user": "u1",
            "messages": [{"sender": "user", "text": "help"}],
            "intervention": {"summary": "Needs help", "actions": [
                {"assign": "bo"},
                {"complete": {"topic": "login", "outcome": "ok", "tags": ["vip"]}}
            ]}
        }]
    })
}

fn over(limit: Limit) -> String {
    "x".repeat(limit.max() + 1)
}

/// The document broken at `limit`, and the field the refusal names.
fn breaking(limit: Limit) -> (Value, &'static str) {
    let mut doc = base();
    let conversation = &mut doc["conversations"][0];
    let field = match limit {
        Limit::KeyLength => {
            doc["departments"][0]["key"] = json!(over(limit));
            "departments[0].key"
        }
        Limit::NameLength => {
            doc["agents"][0]["name"] = json!(over(limit));
            "agents[0].name"
        }
        Limit::EmailLength => {
            doc["agents"][0]["email"] = json!(format!("{}@example.com", over(limit)));
            "agents[0].email"
        }
        Limit::SummaryLength => {
            conversation["intervention"]["summary"] = json!(over(limit));
            "conversations[0].intervention.summary"
        }
        Limit::MessageLength => {
            conversation["messages"][0]["text"] = json!(over(limit));
            "conversations[0].messages[0].text"
        }
        Limit::ReasonLength => {
            conversation["intervention"]["actions"] =
                json!([{"assign": "bo"}, {"return": {"reason": over(limit)}}]);
            "conversations[0].intervention.actions[1].return.reason"
        }
        Limit::TagLength => {
            conversation["intervention"]["actions"][1]["complete"]["tags"] = json!([over(limit)]);
            "conversations[0].intervention.actions[1].complete.tags"
        }
        Limit::TagsPerCompletion => {
            let tags: Vec<String> = (0..=limit.max()).map(|n| format!("t{n}")).collect();
            conversation["intervention"]["actions"][1]["complete"]["tags"] = json!(tags);
            "conversations[0].intervention.actions[1].complete.tags"
        }
        Limit::MessagesPerConversation => {
            let messages: Vec<Value> = (0..=limit.max())
                .map(|_| json!({"sender": "user", "text": "hi"}))
                .collect();
            conversation["messages"] = json!(messages);
            "conversations[0].messages"
        }
        Limit::ActionsPerIntervention => {
            let actions: Vec<Value> = (0..=limit.max())
                .map(|n| {
                    if n % 2 == 0 {
                        json!({"assign": "bo"})
                    } else {
                        json!({"return": {}})
                    }
                })
                .collect();
            conversation["intervention"]["actions"] = json!(actions);
            "conversations[0].intervention.actions"
        }
        Limit::BodyBytes => {
            // Every message within its own limits; together more than one request may carry.
            let text = "x".repeat(Limit::MessageLength.max());
            let count = Limit::BodyBytes.max() / text.len() + 1;
            let messages: Vec<Value> = (0..count)
                .map(|_| json!({"sender": "user", "text": text}))
                .collect();
            conversation["messages"] = json!(messages);
            "conversations[0]"
        }
        // The transport's limits: the seed plan keeps within them by construction.
        Limit::MaxLoad => {
            doc["agents"][0]["max_load"] = json!(limit.max() + 1);
            "agents[0].max_load"
        }
        Limit::BatchOperations | Limit::PageSize | Limit::IdempotencyKeyLength => {
            unreachable!("{limit:?} does not apply to a seed document")
        }
    };
    (doc, field)
}

#[test]
fn a_seed_file_breaking_any_limit_is_refused_before_anything_is_sent() {
    let transport: Vec<Limit> = Limit::ALL
        .iter()
        .copied()
        .filter(|l| !l.applies_to_seed())
        .collect();
    assert_eq!(
        transport,
        [
            Limit::BatchOperations,
            Limit::PageSize,
            Limit::IdempotencyKeyLength
        ]
    );
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let before = api.everything();
    let dir = sandbox.home.path();
    let valid = dir.join("valid.json");
    std::fs::write(&valid, base().to_string()).unwrap();
    let dry = sandbox.cli(&api.token, &["seed", "--dry-run", valid.to_str().unwrap()]);
    assert_eq!(dry.code, 0, "the base document is valid: {}", dry.stderr);
    for limit in Limit::ALL.iter().copied().filter(|l| l.applies_to_seed()) {
        let (doc, field) = breaking(limit);
        let path = dir.join(format!("{limit:?}.json"));
        std::fs::write(&path, doc.to_string()).unwrap();
        let run = sandbox.cli(&api.token, &["seed", path.to_str().unwrap()]);
        let stderr = run.fails(2, "nothing was sent");
        assert!(
            stderr.contains(&format!("{field}:")),
            "{limit:?}: the refusal names {field}: {stderr}"
        );
        assert!(
            stderr.contains(&limit.max().to_string()),
            "{limit:?}: the refusal says the limit: {stderr}"
        );
        assert_eq!(api.everything(), before, "{limit:?}: nothing was sent");
    }
}
