//! No input makes livectl panic: every flag that takes a value, and every parser of ids,
//! durations, instants, specs and seed documents, given arbitrary text, succeeds or refuses
//! cleanly. The generators are seeded, so a failure replays.

use clap::FromArgMatches;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

/// Every (subcommand path, --flag) of the command line that takes a value.
fn flags() -> Vec<(Vec<String>, String)> {
    fn walk(cmd: &clap::Command, path: Vec<String>, found: &mut Vec<(Vec<String>, String)>) {
        for arg in cmd.get_arguments() {
            let takes_value = arg.get_action().takes_values();
            if let (true, Some(long)) = (takes_value, arg.get_long()) {
                found.push((path.clone(), format!("--{long}")));
            }
        }
        for sub in cmd.get_subcommands() {
            let mut next = path.clone();
            next.push(sub.get_name().to_owned());
            walk(sub, next, found);
        }
    }
    let mut found = Vec::new();
    walk(&livectl::cli::command(), Vec::new(), &mut found);
    found
}

fn config() -> Config {
    Config {
        cases: 512,
        rng_seed: RngSeed::Fixed(20261128),
        failure_persistence: None,
        ..Config::default()
    }
}

/// Text as people and attackers type it: numbers in every form, units, dates, and noise.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9.eE+-]{1,30}",
        "-?[0-9]{1,25}[smhd]?([0-9]{1,25}[smhd])?",
        "[0-9]{1,6}-[0-9]{1,3}-[0-9]{1,3}(T[0-9:]{1,12}Z?)?",
        "now(-[0-9]{1,25}[dhms]){0,3}",
        "[a-z_]{1,12}=[0-9a-z.]{0,20}(,[a-z_]{1,12}=[0-9a-z.]{0,20}){0,4}",
        "(iv|ag|dp|tp|oc|bk|us|cv|msg)_[0-9]{0,25}",
        "@(online|department|[a-z]{0,12})(:.{0,12})?",
        Just("1e-300".to_owned()),
        Just("NaN".to_owned()),
        Just("inf".to_owned()),
        Just("-0".to_owned()),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_flag_value_parses_or_is_refused_cleanly(n in 0usize..1000, value in text()) {
        let flags = flags();
        let (path, flag) = &flags[n % flags.len()];
        let mut argv = vec!["livectl".to_owned()];
        argv.extend(path.iter().cloned());
        // Joined, and as a word of its own, as the line is read (a negative DURATION joined).
        let joined = [argv.clone(), vec![format!("{flag}={value}")]].concat();
        let apart = [argv, vec![flag.clone(), value]].concat();
        let apart = livectl::cli::join_hyphen_values(
            &livectl::cli::command(),
            apart.into_iter().map(Into::into).collect(),
        );
        let joined: Vec<std::ffi::OsString> = joined.into_iter().map(Into::into).collect();
        for argv in [joined, apart] {
            if let Ok(matches) = livectl::cli::command().try_get_matches_from(&argv) {
                // The typed arguments build from what clap accepted.
                let _ = livectl::cli::Cli::from_arg_matches(&matches);
            }
        }
    }

    #[test]
    fn durations_ids_instants_and_states_never_panic(s in text()) {
        let duration = livectl_contract::duration::parse(&s);
        // No duration is negative.
        prop_assert!(!s.trim().starts_with('-') || duration.is_err(), "{s:?}");
        for kind in [
            livectl_contract::Kind::Agent,
            livectl_contract::Kind::Intervention,
            livectl_contract::Kind::Message,
        ] {
            let _ = kind.parse(&s);
        }
        if let Ok(instant) = s.parse::<livectl_contract::seed::format::Instant>() {
            let _ = instant.resolve(jiff::Timestamp::MAX);
            let _ = instant.resolve(jiff::Timestamp::MIN);
        }
        let _ = s.parse::<livectl_contract::States>();
        let _ = s.parse::<livectl::usecases::pool::Pool>();
        let _ = s.parse::<livectl::usecases::autopilot::rules::Rule>();
    }

    #[test]
    fn generate_specs_that_parse_generate(s in text()) {
        if let Ok(mut spec) = s.parse::<livectl::usecases::generate::GenerateSpec>() {
            // Small enough to run: the instants at the edges are what can overflow.
            spec.interventions = spec.interventions.min(20);
            spec.users = spec.users.min(5);
            spec.messages = spec.messages.min(4);
            let _ = livectl::usecases::generate::generate(&spec);
        }
    }

    /// Documents that read as YAML and fail in their entries: each entry is then read alone
    /// and its line found by walking the indentation, over any layout.
    #[test]
    fn seed_entries_read_alone_never_panic(
        lines in proptest::collection::vec((0usize..8, 0usize..14), 0..30),
    ) {
        const WORDS: [&str; 14] = [
            "agents:", "- key: a", "email: [x]", "messages:", "- sender: robot", "- text: x",
            "key: 7", "conversations:", "- at: now", "users:", "user: u1", "# note", "",
            "- - sender: [",
        ];
        let text: String = lines
            .iter()
            .map(|(indent, word)| format!("{}{}\n", " ".repeat(*indent), WORDS[*word]))
            .collect();
        let _ = livectl_contract::seed::read(std::path::Path::new("x.yaml"), &text, jiff::Timestamp::now());
    }

    /// Stdin as people pipe it, and as they should not: ids, livectl's rows, JSON lines and
    /// arrays, noise. What is read is an intervention id; what is refused names its line, and
    /// nothing is read after it.
    #[test]
    fn stdin_gives_intervention_ids_or_names_the_line_it_refuses(
        lines in proptest::collection::vec(
            prop_oneof![
                text(),
                "(iv|ag)_[0-9]{1,3}(\t[a-z ]{0,8}){0,3}",
                "(iv_[0-9]{1,3}[ \t]{1,2}){1,3}",
                "[\\[{]{1,2}\"?(id)?\"?:?\"?iv_[0-9]{1,2}\"?[}\\],]{0,3}",
            ],
            0..12,
        ),
    ) {
        let input = lines.join("\n");
        let mut read = Vec::new();
        livectl::usecases::targets::read_ids(
            input.as_bytes(),
            &std::sync::atomic::AtomicU64::new(0),
            |batch| {
                read.extend(batch.into_iter().map(|t| t.map(|t| t.id)));
                true
            },
        );
        for (i, id) in read.iter().enumerate() {
            match id {
                Ok(id) => prop_assert!(
                    livectl_contract::Kind::Intervention.parse(id).is_some(),
                    "{id:?} from {input:?}"
                ),
                Err(e) => {
                    prop_assert!(e.message.starts_with("stdin line "), "{}", e.message);
                    prop_assert_eq!(i, read.len() - 1, "nothing is read after a refusal");
                }
            }
        }
    }

    /// Rows as livectl prints them piped (`list`: id, state, owner, user, waiting, summary):
    /// each gives its id, whatever the words beside it, ids among them.
    #[test]
    fn livectls_piped_rows_give_their_ids(
        rows in proptest::collection::vec(
            (1u32..10_000, "(queued|assigned)", "[^\t\n\r]{0,20}", "(iv_[0-9]{1,3}|[a-zA-Z ]{0,12})"),
            1..20,
        ),
    ) {
        let input: String = rows
            .iter()
            .map(|(n, state, user, summary)| format!("iv_{n}\t{state}\t-\t{user}\t5m\t{summary}\n"))
            .collect();
        let mut read = Vec::new();
        livectl::usecases::targets::read_ids(
            input.as_bytes(),
            &std::sync::atomic::AtomicU64::new(0),
            |batch| {
                read.extend(batch.into_iter().map(|t| t.map(|t| t.id).map_err(|e| e.message)));
                true
            },
        );
        let mut expected = Vec::new();
        for (n, ..) in &rows {
            let id = format!("iv_{n}");
            if !expected.contains(&Ok(id.clone())) {
                expected.push(Ok(id));
            }
        }
        prop_assert_eq!(read, expected);
    }

    #[test]
    fn seed_documents_never_panic(s in any::<String>(), json in any::<bool>()) {
        let name = if json { "x.json" } else { "x.yaml" };
        let _ = livectl_contract::seed::read(std::path::Path::new(name), &s, jiff::Timestamp::now());
    }
}

#[test]
fn the_edges_of_time_are_refused_not_overflowed() {
    let spec = "until=-009990-01-01T00:00:00Z,days=3650"
        .parse::<livectl::usecases::generate::GenerateSpec>();
    assert!(spec.unwrap_err().contains("too far in the past"));
    let instant: livectl_contract::seed::format::Instant = "now-3650d".parse().unwrap();
    assert_eq!(instant.resolve(jiff::Timestamp::MIN), jiff::Timestamp::MIN);
}
