//! The Server-Sent Events stream: ids are seqs, Last-Event-ID resumes with no gap, and a change
//! written by another process on the same database shows up.

use std::io::{BufRead, BufReader, Lines};

use serde_json::{Value, json};

use crate::harness::{Api, Sandbox, Workspace};

pub struct Stream {
    lines: Lines<BufReader<reqwest::blocking::Response>>,
}

impl Stream {
    pub fn open(api: &Api, last_event_id: Option<i64>) -> Stream {
        let mut request = api
            .http
            .get(format!("{}/v1/events", api.base))
            .bearer_auth(&api.token);
        if let Some(id) = last_event_id {
            request = request.header("Last-Event-ID", id.to_string());
        }
        let response = request.send().unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "text/event-stream");
        Stream {
            lines: BufReader::new(response).lines(),
        }
    }

    /// The next event: (id, data). Keep-alive comments are skipped.
    pub fn next(&mut self) -> (i64, Value) {
        let (mut id, mut data) = (None, None);
        for line in self.lines.by_ref() {
            let line = line.expect("the stream stays open");
            if let Some(v) = line.strip_prefix("id:") {
                id = Some(v.trim().parse().unwrap());
            } else if let Some(v) = line.strip_prefix("data:") {
                data = Some(serde_json::from_str(v.trim()).unwrap());
            } else if line.is_empty()
                && let (Some(id), Some(data)) = (id, data.take())
            {
                return (id, data);
            }
        }
        panic!("the stream ended");
    }
}

#[test]
fn last_event_id_resumes_with_no_gap() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    for _ in 0..4 {
        w.in_state("completed");
    }
    let audit = api.all("/v1/audit");
    assert_eq!(audit.len(), 12);

    let mut first = Stream::open(&api, Some(0));
    let head: Vec<(i64, Value)> = (0..5).map(|_| first.next()).collect();
    drop(first);
    let resume_after = head.last().unwrap().0;
    let mut second = Stream::open(&api, Some(resume_after));
    let rest: Vec<(i64, Value)> = (0..7).map(|_| second.next()).collect();

    let streamed: Vec<Value> = head.iter().chain(&rest).map(|(_, e)| e.clone()).collect();
    assert_eq!(
        streamed, audit,
        "the stream is the audit log, in order, with no gap or repeat"
    );
    for (id, event) in head.iter().chain(&rest) {
        assert_eq!(*id, event["seq"].as_i64().unwrap(), "the SSE id is the seq");
    }

    // A change after the stream caught up arrives live.
    let id = w.queued();
    let (_, live) = second.next();
    assert_eq!(
        (live["intervention_id"].as_str(), live["action"].as_str()),
        (Some(id.as_str()), Some("started"))
    );
}

#[test]
fn a_change_by_another_process_reaches_the_stream() {
    let first = Sandbox::start(&[]);
    let second = Sandbox::start_in(first.home.clone(), &[]);
    let api_a = first.api();
    let api_b = second.api();
    let w = Workspace::new(&api_a);
    let id = w.queued();
    // B streams from now on; A acts.
    let mut stream = Stream::open(&api_b, None);
    api_a
        .post(
            &format!("/v1/interventions/{id}/assign"),
            json!({"agent": w.bo}),
        )
        .expect(200);
    let (seq, event) = stream.next();
    assert_eq!(
        (event["intervention_id"].as_str(), event["action"].as_str()),
        (Some(id.as_str()), Some("assigned"))
    );
    assert_eq!(event["to_owner"], w.bo.as_str());

    // Resume on B after a gap of changes made on A, B's stream dropped meanwhile.
    drop(stream);
    api_a
        .post(&format!("/v1/interventions/{id}/return"), json!({}))
        .expect(200);
    api_a
        .post(&format!("/v1/interventions/{id}/cancel"), json!({}))
        .expect(200);
    let mut resumed = Stream::open(&api_b, Some(seq));
    let actions: Vec<String> = (0..2)
        .map(|_| resumed.next().1["action"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(actions, ["returned", "cancelled"]);
}
