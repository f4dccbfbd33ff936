//! A seed file's problems, each at the line of the field it names and every one listed in one
//! run, compared whole: here the message is the feature.

use crate::harness::{Api, Sandbox};

/// The problems `livectl seed` lists for `content` saved as `name`, each as `LINE: FIELD:
/// message`; the run must refuse the file (exit 2) and send nothing.
#[track_caller]
fn problems(sandbox: &Sandbox, api: &Api, name: &str, content: &str) -> Vec<String> {
    let path = sandbox.home.path().join(name);
    std::fs::write(&path, content).unwrap();
    let before = api.everything();
    let run = sandbox.cli(&api.token, &["seed", path.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(api.everything(), before, "{name}: nothing was sent");
    let mut lines = run.stderr.lines();
    assert!(
        lines
            .next()
            .is_some_and(|l| l.starts_with("error: the seed file is not valid (")
                && l.ends_with("; nothing was sent")),
        "{}",
        run.stderr
    );
    let prefix = format!("  {}:", path.display());
    let listed: Vec<String> = lines
        .by_ref()
        .take_while(|l| !l.starts_with("hint: "))
        .map(|l| {
            l.strip_prefix(&prefix)
                .unwrap_or_else(|| panic!("{l} does not name {prefix}"))
                .to_owned()
        })
        .collect();
    let count = listed.len();
    let said = if count == 1 {
        "1 problem".to_owned()
    } else {
        format!("{count} problems")
    };
    assert!(
        run.stderr
            .starts_with(&format!("error: the seed file is not valid ({said})"))
    );
    listed
}

#[test]
fn an_action_refused_is_said_at_its_own_line_in_every_layout() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    // Lists under their key or deeper, items as one line, as flow maps or as nested blocks,
    // with comments and blank lines; the words of each action also stand on other lines.
    let yaml = [
        "agents:",
        "  - key: bo",
        "    name: Bo",
        "    email: bo@example.com",
        "  - key: al",
        "    name: Al",
        "    email: al@example.com",
        "users: [{key: u1, name: Una, channel: web}]",
        "conversations:",
        "  - key: c1",
        "    user: u1",
        "    intervention:",
        "      summary: assigned, then return and return",
        "      actions:",
        "        - assign: bo",
        "        - return: {}",
        "        - return: {}",
        "  - key: c2",
        "    user: u1",
        "    intervention:",
        "      summary: bo takes it and is given it again",
        "      actions:",
        "        - assign: {to: bo, at: now-80m}",
        "        - reassign: {to: bo}",
        "  - key: c3",
        "    user: u1",
        "    intervention:",
        "      summary: al returns what bo holds",
        "      actions:",
        "      # bo takes it himself",
        "      - assign:",
        "          to: bo",
        "          by: bo",
        "",
        "      - return:",
        "          reason: lunch",
        "          by: al",
        "  - key: c4",
        "    user: u1",
        "    intervention:",
        "      summary: to bo, then to bo again",
        "      actions:",
        "        - assign:",
        "            to: bo",
        "        - reassign:",
        "            reason: bo again",
        "            to: bo",
    ]
    .join("\n");
    assert_eq!(
        problems(&sandbox, &api, "lines.yaml", &yaml),
        [
            "17: conversations[0].intervention.actions[2]: return cannot follow here: the intervention is queued by then, and return needs it assigned",
            "24: conversations[1].intervention.actions[1].reassign.to: `bo` already owns it by then",
            "37: conversations[2].intervention.actions[1].return.by: `al` may not return it here: only its owner or an admin may return it",
            "47: conversations[3].intervention.actions[1].reassign.to: `bo` already owns it by then",
        ]
    );
}

#[test]
fn an_action_that_cannot_follow_hides_no_other_problem() {
    // The first action cannot follow (nothing is assigned yet): its own references are still
    // checked, and the actions after it from the state it would have led to.
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let yaml = [
        "agents:",
        "  - key: al",
        "    name: Al",
        "    email: al@example.com",
        "users: [{key: u1, name: Una, channel: web}]",
        "conversations:",
        "  - key: c1",
        "    user: u1",
        "    intervention:",
        "      summary: closed before it was taken",
        "      department: nowhere",
        "      actions:",
        "        - complete: {topic: weather, outcome: fine, by: sam}",
        "        - assign: nobody",
        "  - key: c2",
        "    user: u1",
        "    intervention:",
        "      summary: given back twice",
        "      actions:",
        "        - assign: {to: al}",
        "        - return: {}",
        "        - return: {by: al}",
        "        - assign: bo",
        "        - reassign: {to: al, by: al}",
    ]
    .join("\n");
    let none = |what: &str| format!("the file defines no {what}s");
    assert_eq!(
        problems(&sandbox, &api, "first.yaml", &yaml),
        [
            format!("11: conversations[0].intervention.department: no department has the key `nowhere`; {}", none("department")),
            "13: conversations[0].intervention.actions[0]: complete cannot follow here: the intervention is queued by then, and complete needs it assigned".to_owned(),
            "13: conversations[0].intervention.actions[0].complete.by: no agent has the key `sam`; the agents are: al".to_owned(),
            format!("13: conversations[0].intervention.actions[0].complete.topic: no topic has the key `weather`; {}", none("topic")),
            format!("13: conversations[0].intervention.actions[0].complete.outcome: no outcome has the key `fine`; {}", none("outcome")),
            "14: conversations[0].intervention.actions[1]: assign cannot follow here: the intervention is completed by then, and assign needs it queued".to_owned(),
            "14: conversations[0].intervention.actions[1].assign: no agent has the key `nobody`; the agents are: al".to_owned(),
            "22: conversations[1].intervention.actions[2]: return cannot follow here: the intervention is queued by then, and return needs it assigned".to_owned(),
            "23: conversations[1].intervention.actions[3].assign: no agent has the key `bo`; the agents are: al".to_owned(),
            "24: conversations[1].intervention.actions[4].reassign.by: `al` may not reassign it here: only its owner or an admin may reassign it".to_owned(),
        ]
    );
}

#[test]
fn a_max_load_too_large_for_any_number_is_its_entry_s_problem_only() {
    // Beyond 64 bits, in YAML or JSON: said as written, at its line, beside the problems of
    // the other entries.
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let whole = "must be a whole number from 0 to 10000 (null for no limit), not";
    let yaml = "agents:\n  - key: bo\n    name: Bo\n    email: bo@example.com\n    max_load: 99999999999999999999999\n  - key: al\n    name: Al\n    email: al@example.com\n    role: superuser\n  - key: cy\n    name: Cy\n    email: cy@example.com\n    colour: red\n";
    let fields = "`key`, `name`, `email`, `role`, `department`, `status`, `status_since`, `active`, `max_load`";
    assert_eq!(
        problems(&sandbox, &api, "big.yaml", yaml),
        [
            format!("5: agents[0].max_load: {whole} 99999999999999999999999"),
            "9: agents[1].role: unknown variant `superuser`, expected `agent` or `admin`"
                .to_owned(),
            format!("13: agents[2].colour: unknown field `colour`, expected one of {fields}"),
        ]
    );
    let json = "{\"agents\": [\n  {\"key\": \"bo\", \"name\": \"Bo\", \"email\": \"bo@example.com\",\n   \"max_load\": -99999999999999999999999},\n  {\"key\": \"al\", \"name\": \"Al\", \"email\": \"al@example.com\", \"max_load\": 1e5}\n]}\n";
    assert_eq!(
        problems(&sandbox, &api, "big.json", json),
        [
            format!("3: agents[0].max_load: {whole} -99999999999999999999999"),
            format!("4: agents[1].max_load: {whole} 1e5"),
        ]
    );
    // Minified, as generated fixtures are: each entry's own value, not the first one the line
    // holds (the second said `not 20000`, the first's: new user).
    let minified = "{\"agents\":[{\"key\":\"a2\",\"name\":\"A2\",\"email\":\"a2@x.com\",\"max_load\":20000},{\"key\":\"a1\",\"name\":\"A1\",\"email\":\"a1@x.com\",\"max_load\":-7}]}";
    assert_eq!(
        problems(&sandbox, &api, "minified.json", minified),
        [
            format!("1: agents[0].max_load: {whole} 20000"),
            format!("1: agents[1].max_load: {whole} -7"),
        ]
    );
    // As written, not as a parser reads it (a whole number so written, 1e3, is that number).
    let exponent = "agents:\n  - key: bo\n    name: Bo\n    email: bo@example.com\n    max_load: 1e5  # a hundred thousand\n";
    assert_eq!(
        problems(&sandbox, &api, "exponent.yaml", exponent),
        [format!("5: agents[0].max_load: {whole} 1e5")]
    );
}

#[test]
fn a_value_of_the_wrong_shape_is_said_in_the_document_s_words() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let mapping = "a seed file is a YAML or JSON mapping with departments, agents, topics, outcomes, blocks, users and conversations";
    for name in ["list.yaml", "list.json"] {
        assert_eq!(
            problems(&sandbox, &api, name, "[1, 2]\n"),
            [format!("1: {mapping}; found a list")],
            "{name}"
        );
    }
    assert_eq!(
        problems(&sandbox, &api, "words.yaml", "just some words\n"),
        [format!("1: {mapping}; found the text \"just some words\"")]
    );
    let message = "users: [{key: u1, name: U, channel: web}]\nconversations:\n  - key: c1\n    user: u1\n    messages: [hi]\n";
    assert_eq!(
        problems(&sandbox, &api, "message.yaml", message),
        [
            "5: conversations[0].messages[0]: invalid type: string \"hi\", expected a message: a mapping of `sender`, `text`, `agent` and `at`"
        ]
    );
    assert_eq!(
        problems(&sandbox, &api, "section.yaml", "agents: 3\n"),
        ["1: agents: invalid type: integer `3`, expected a list"]
    );
}

#[test]
fn a_value_read_as_a_boolean_a_number_or_null_is_not_text() {
    // YAML reads `true`, `42` or `~` unquoted as a boolean, a number or null: where the
    // document asks for text, each is refused at its line, said as written, never taken as the
    // text it looks like (a department named "true", a key "42" from `0x2A`).
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let yaml = [
        "departments:",
        "  - key: support",
        "    name: true",
        "  - key: 42",
        "    name: Answers",
        "  - key: quoted",
        "    name: \"true\"",
        "outcomes:",
        "  - key: ok",
        "    name:",
        "blocks:",
        "  - key: bye",
        "    name: ~",
        "agents:",
        "  - key: bo",
        "    name: Bo",
        "    email: FALSE",
        "users:",
        "  - key: u1",
        "    name: Una",
        "    channel: web",
        "  - key: u2",
        "    name: 0x2A  # forty-two",
        "    channel: web",
        "conversations:",
        "  - key: c1",
        "    user: u1",
        "    messages:",
        "      - sender: user",
        "        text: 3.50",
        "  - key: c2",
        "    user: u1",
        "    intervention:",
        "      summary: null",
        "  - key: c3",
        "    user: u1",
        "    intervention:",
        "      summary: given to a number",
        "      actions:",
        "        - assign: 7",
        "  - key: c4",
        "    user: u1",
        "    intervention:",
        "      summary: tagged with a year",
        "      actions:",
        "        - assign: bo",
        "        - complete: {topic: t, outcome: ok, tags: [vip, 2024]}",
    ]
    .join("\n");
    let word = |w: &str| format!("write \"{w}\" in quotes if you mean the word");
    let text = |w: &str| format!("write \"{w}\" in quotes if you mean the text");
    assert_eq!(
        problems(&sandbox, &api, "scalars.yaml", &yaml),
        [
            format!(
                "3: departments[0].name: must be text, not the boolean true; {}",
                word("true")
            ),
            format!(
                "4: departments[1].key: must be text, not the number 42; {}",
                text("42")
            ),
            "10: outcomes[0].name: must be text, not left empty".to_owned(),
            format!("13: blocks[0].name: must be text, not null; {}", text("~")),
            format!(
                "17: agents[0].email: must be text, not the boolean false; {}",
                word("FALSE")
            ),
            format!(
                "23: users[1].name: must be text, not the number 0x2A; {}",
                text("0x2A")
            ),
            format!(
                "30: conversations[0].messages[0].text: must be text, not the number 3.50; {}",
                text("3.50")
            ),
            format!(
                "34: conversations[1].intervention.summary: must be text, not null; {}",
                word("null")
            ),
            format!(
                "40: conversations[2].intervention.actions[0].assign: must be text, not the number 7; {}",
                text("7")
            ),
            format!(
                "47: conversations[3].intervention.actions[1].complete.tags[1]: must be text, not the number 2024; {}",
                text("2024")
            ),
        ]
    );
    // JSON the same: a number, a boolean or null where text is expected.
    let json = "{\"departments\": [{\"key\": \"support\", \"name\": true},\n  {\"key\": 42, \"name\": \"Answers\"}],\n \"users\": [{\"key\": \"u1\", \"name\": null, \"channel\": \"web\"}]}\n";
    assert_eq!(
        problems(&sandbox, &api, "scalars.json", json),
        [
            format!(
                "1: departments[0].name: must be text, not the boolean true; {}",
                word("true")
            ),
            format!(
                "2: departments[1].key: must be text, not the number 42; {}",
                text("42")
            ),
            format!("3: users[0].name: must be text, not null; {}", word("null")),
        ]
    );
}

/// A list or a mapping where text is expected is said as the other values are: it gave serde's
/// "invalid type: sequence, expected a string" (new user).
#[test]
fn a_list_or_a_mapping_where_text_is_expected_is_said_in_the_document_s_words() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let yaml = "departments:\n  - key: [a, b]\n    name: Support\n  - key: x\n    name: {a: 1}\n";
    assert_eq!(
        problems(&sandbox, &api, "shapes.yaml", yaml),
        [
            "2: departments[0].key: must be text, not a list",
            "5: departments[1].name: must be text, not a mapping",
        ]
    );
    let json = "{\"departments\": [{\"key\": [\"a\"], \"name\": \"S\"}]}\n";
    assert_eq!(
        problems(&sandbox, &api, "shapes.json", json),
        ["1: departments[0].key: must be text, not a list"]
    );
}

#[test]
fn a_json_problem_is_said_at_its_field_s_line_not_where_its_words_first_stand() {
    // The words of each problem (a key, a field's name, a value) stand on earlier lines too:
    // JSON is walked by the problem's path, as YAML is.
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let entries = [
        "{\"departments\": [{\"key\": \"d1\", \"name\": \"sam team\"}],",
        " \"agents\": [",
        "  {\"key\": \"al\", \"name\": \"Al\", \"email\": \"al@x.io\", \"role\": \"boss\"},",
        "  {\"key\": \"sam\", \"name\": \"Sam\", \"email\": \"sam@x.io\",",
        "   \"role\": \"chief\"}]}",
    ]
    .join("\n");
    assert_eq!(
        problems(&sandbox, &api, "entries.json", &entries),
        [
            "3: agents[0].role: unknown variant `boss`, expected `agent` or `admin`",
            "5: agents[1].role: unknown variant `chief`, expected `agent` or `admin`",
        ]
    );
    let checks = [
        "{\"conversations\": [",
        "  {\"key\": \"c1\", \"user\": \"u1\",",
        "   \"intervention\": {\"summary\": \"bo takes it, then bo again\",",
        "    \"actions\": [{\"assign\": \"bo\"},",
        "                {\"reassign\": {\"to\": \"bo\"}}]}}],",
        " \"agents\": [{\"key\": \"bo\", \"name\": \"Bo\", \"email\": \"bo@x.io\"}],",
        " \"users\": [{\"key\": \"u1\", \"name\": \"Una\", \"channel\": \"web\"},",
        "           {\"key\": \"u1\", \"name\": \"Una again\", \"channel\": \"web\"}]}",
    ]
    .join("\n");
    assert_eq!(
        problems(&sandbox, &api, "checks.json", &checks),
        [
            "5: conversations[0].intervention.actions[1].reassign.to: `bo` already owns it by then",
            "8: users[1].key: the key `u1` is used twice in users",
        ],
        "in the file's order"
    );
}

/// A key a command line reads as something else first is refused at its line: `me` was
/// accepted as an agent's key, and `--to me` names the caller, never that agent (new user).
#[test]
fn a_key_no_command_line_could_name_is_said_at_its_line() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let yaml = [
        "agents:",
        "  - key: me",
        "    name: Mel",
        "    email: mel@example.com",
        "  - key: ag_2",
        "    name: Agnes",
        "    email: agnes@example.com",
        "  - key: ed@example.com",
        "    name: Ed",
        "    email: ed@example.com",
        "  - {key: 'ana,bo', name: Two, email: two@example.com}",
        "  - {key: ' a12 ', name: Spaced, email: spaced@example.com}",
        "blocks:",
        "  - {key: none, name: Nothing}",
        "  - {key: \"b\\nnewline\", name: Broken}",
        "users:",
        "  - {key: us_1, name: Una, channel: web}",
    ]
    .join("\n");
    assert_eq!(
        problems(&sandbox, &api, "keys.yaml", &yaml),
        [
            "2: agents[0].key: `me` is read as the caller where agents are named; choose another key",
            "5: agents[1].key: `ag_2` has the shape of agent ids, which a command line reads as an id; choose a key that is not one",
            "8: agents[2].key: `ed@example.com` has an @, read as an email where an agent is named; choose a key without one",
            "11: agents[3].key: `ana,bo` has a comma, which separates agents and pools where several are named (`--to ana,@department:sales`); choose a key without one",
            "12: agents[4].key: ` a12 ` begins or ends with a space, which a command line trims from a name; choose a key without one",
            "14: blocks[0].key: `none` is read as no block where blocks are named; choose another key",
            "15: blocks[1].key: `b\\nnewline` holds a control or invisible character, which a command line cannot show or type as written; choose a key without one",
        ]
    );
}

/// An assign past an agent's max_load is the file's problem at its line: it passed the check,
/// and the load sent the department and the agent before the platform refused the assign
/// (new user: the file loaded halfway, exit 6).
#[test]
fn an_assign_past_an_agents_max_load_is_said_at_its_line() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let yaml = [
        "agents:",
        "  - {key: zed, name: Zed, email: zed@example.com, max_load: 0}",
        "  - {key: one, name: One, email: one@example.com, max_load: 1}",
        "users:",
        "  - {key: u1, name: Una, channel: web}",
        "conversations:",
        "  - key: c1",
        "    user: u1",
        "    intervention:",
        "      summary: given to zed",
        "      actions:",
        "        - assign: zed",
        "  - key: c2",
        "    user: u1",
        "    intervention:",
        "      summary: one takes it",
        "      actions:",
        "        - assign: one",
        "  - key: c3",
        "    user: u1",
        "    intervention:",
        "      summary: one is full by then",
        "      actions:",
        "        - assign: one",
        "  - key: c4",
        "    user: u1",
        "    intervention:",
        "      summary: nothing to reassign yet",
        "      actions:",
        "        - {reassign: {to: one}}",
    ]
    .join("\n");
    assert_eq!(
        problems(&sandbox, &api, "full.yaml", &yaml),
        [
            "12: conversations[0].intervention.actions[0].assign: `zed` holds 0 of the file's interventions by then, its max_load of 0: it takes no more",
            "24: conversations[2].intervention.actions[0].assign: `one` holds 1 of the file's interventions by then, its max_load of 1: it takes no more",
            "30: conversations[3].intervention.actions[0]: reassign cannot follow here: the intervention is queued by then, and reassign needs it assigned",
        ]
    );
}

/// A batch the platform refuses is rolled back whole, and said so: an agent already at its
/// max_load on the platform (which the file alone cannot know) was given one more, and the
/// hint named the intervention of that batch, which never was (new user).
#[test]
fn a_batch_the_platform_refuses_is_said_rolled_back() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = crate::harness::Workspace::new(&api);
    w.in_state("assigned");
    let yaml = [
        "departments:",
        "  - {key: support, name: Support}",
        "agents:",
        "  - {key: bo, name: Bo Chen, email: bo@example.com, department: support, max_load: 1}",
        "users:",
        "  - {key: u1, name: Una, channel: web}",
        "conversations:",
        "  - key: c1",
        "    user: u1",
        "    intervention:",
        "      summary: one more for bo",
        "      actions:",
        "        - assign: bo",
    ]
    .join("\n");
    let path = sandbox.home.path().join("full.yaml");
    std::fs::write(&path, yaml).unwrap();
    let run = sandbox.cli(&api.token, &["seed", path.to_str().unwrap(), "--yes"]);
    let said = run.fails(6, "max_load");
    assert!(
        said.contains("hint: that batch's conversations were rolled back, none of them loaded"),
        "{said}"
    );
    assert!(!said.contains("livectl show"), "{said}");
    let summaries: Vec<serde_json::Value> =
        api.all("/v1/interventions?state=queued,assigned,completed,cancelled");
    assert!(
        summaries.iter().all(|i| i["summary"] != "one more for bo"),
        "nothing of the batch was loaded"
    );
}

/// A history that runs backwards (a takeover closed days before it was assigned, a message
/// before its conversation began) loaded as written, impossible data for `stuck`, `history
/// --since` and exports (hostile-input check). Each instant out of order is said at its line;
/// written instants keep the output the same every run.
#[test]
fn a_history_that_runs_backwards_is_said_at_each_line() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let yaml = [
        "agents:",
        "  - {key: bob, name: Bob, email: bob@example.com}",
        "topics: [{key: t, name: T}]",
        "outcomes: [{key: o, name: O}]",
        "users: [{key: u1, name: Una, channel: web}]",
        "conversations:",
        "  - key: c1",
        "    user: u1",
        "    started_at: 2026-11-20T10:00:00Z",
        "    messages:",
        "      - {sender: user, text: hi, at: 2026-11-19T10:00:00Z}",
        "      - {sender: user, text: there, at: 2026-11-20T11:00:00Z}",
        "      - {sender: user, text: again, at: 2026-11-20T10:30:00Z}",
        "    intervention:",
        "      summary: help",
        "      queued_at: 2026-11-20T09:00:00Z",
        "      actions:",
        "        - assign: {to: bob, at: 2026-11-20T08:00:00Z}",
        "        - return: {at: 2026-11-20T12:00:00Z}",
        "        - assign: {to: bob, at: 2026-11-21T10:00:00Z}",
        "        - complete: {topic: t, outcome: o, at: 2026-11-19T00:00:00Z}",
    ]
    .join("\n");
    assert_eq!(
        problems(&sandbox, &api, "backwards.yaml", &yaml),
        [
            "11: conversations[0].messages[0].at: this message is dated 2026-11-19T10:00:00.000Z, before its conversation started (`started_at`) at 2026-11-20T10:00:00.000Z: a history runs forward",
            "13: conversations[0].messages[2].at: this message is dated 2026-11-20T10:30:00.000Z, before the message before it at 2026-11-20T11:00:00.000Z: a history runs forward",
            "16: conversations[0].intervention.queued_at: the intervention's queueing is dated 2026-11-20T09:00:00.000Z, before its conversation started (`started_at`) at 2026-11-20T10:00:00.000Z: a history runs forward",
            "18: conversations[0].intervention.actions[0].assign.at: this assign is dated 2026-11-20T08:00:00.000Z, before it was queued (`queued_at`) at 2026-11-20T09:00:00.000Z: a history runs forward",
            "21: conversations[0].intervention.actions[3].complete.at: this complete is dated 2026-11-19T00:00:00.000Z, before the action before it at 2026-11-21T10:00:00.000Z: a history runs forward",
        ]
    );
}

/// Relative instants are checked from the load's own now (`LIVECTL_NOW` here), as the load
/// counts them: the check took the wall clock's, and judged a file otherwise than it loads
/// (review).
#[test]
fn relative_instants_are_checked_from_the_loads_now() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    // The load's now is 2026-11-24T12:00:00Z: now-2h is 10:00, before the start at 11:00.
    let yaml = [
        "users: [{key: u1, name: Una, channel: web}]",
        "conversations:",
        "  - key: c1",
        "    user: u1",
        "    started_at: 2026-11-24T11:00:00Z",
        "    messages:",
        "      - {sender: user, text: hi, at: now-2h}",
    ]
    .join("\n");
    assert_eq!(
        problems(&sandbox, &api, "relative.yaml", &yaml),
        [
            "7: conversations[0].messages[0].at: this message is dated 2026-11-24T10:00:00.000Z, before its conversation started (`started_at`) at 2026-11-24T11:00:00.000Z: a history runs forward"
        ]
    );
}

/// A key that holds an invisible character is escaped wherever a problem quotes it: the list of
/// the keys a file defines printed it raw, so `dx` and `d\u{200b}x` read alike (new user).
#[test]
fn keys_listed_in_a_problem_show_their_invisible_characters() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let yaml = "departments:\n  - key: \"d\u{200b}x\"\n    name: D\ntopics:\n  - key: t\n    name: T\n    department: \"n\u{200b}o\"\n";
    let said = problems(&sandbox, &api, "invisible.yaml", yaml);
    assert_eq!(
        said[1],
        "7: topics[0].department: no department has the key `n\\u{200b}o`; the departments are: d\\u{200b}x"
    );
    assert!(said.iter().all(|l| !l.contains('\u{200b}')), "{said:?}");
    // Every message that names such a key (review: "used twice" printed it raw).
    let twice = "departments:\n  - key: \"d\u{200b}x\"\n    name: D\n  - key: \"d\u{200b}x\"\n    name: E\n";
    let said = problems(&sandbox, &api, "twice.yaml", twice);
    assert!(
        said.iter()
            .any(|l| l.ends_with("the key `d\\u{200b}x` is used twice in departments")),
        "{said:?}"
    );
    assert!(said.iter().all(|l| !l.contains('\u{200b}')), "{said:?}");
}
