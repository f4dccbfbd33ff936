//! The examples of each page: the README's tour, command by command. A page without examples
//! is a test failure (tests/it/generated.rs), so a new command brings its own.

/// (command line, what it does) for the page `name`.
pub fn examples(name: &str) -> &'static [(&'static str, &'static str)] {
    match name {
        "livectl" => &[
            (
                "livectl queues",
                "Every queue of the workspace; with no platform configured, of the demo in the embedded sandbox.",
            ),
            (
                "livectl list --owner none --older-than 30m",
                "What has waited in the general queue for over half an hour.",
            ),
            (
                "livectl reassign --from sam --to ana --to bo",
                "Spread Sam's queue over Ana and Bo, least loaded first.",
            ),
            (
                "livectl login --api-url https://live.example.com",
                "Connect to a real platform.",
            ),
        ],
        "livectl-autopilot" => &[
            (
                "livectl autopilot",
                "Move the work of owners offline for over 2 minutes to online agents, within their max_load.",
            ),
            (
                "livectl autopilot --grace 5m --to @department --queued 30m --no-reply 15m -o ndjson",
                "Also assign what waited 30 minutes in the general queue and move what waits 15 for a reply, within each department; a JSON line per decision.",
            ),
            (
                "livectl autopilot --once --dry-run --rule owner-offline,owner-away",
                "What it would do now, sending nothing.",
            ),
            (
                "livectl autopilot --config autopilot.toml",
                "The settings from a file: rules = [\"owner-offline\", \"queued\"], grace = \"2m\", queued = \"30m\", to = \"@online\".",
            ),
        ],
        "livectl-status" => &[
            ("livectl status", "Your own status, and since when."),
            (
                "livectl status away --reason lunch",
                "Set your status; watchers see the change on the event stream.",
            ),
            (
                "livectl status offline --agent sam",
                "Set another agent's status (an admin's token).",
            ),
        ],
        "livectl-queues" => &[
            (
                "livectl queues",
                "The general queue and every agent's My Queue, with counts and the oldest wait.",
            ),
            (
                "livectl queues -o json | jq '.general.count'",
                "How many wait in the general queue, for a script.",
            ),
        ],
        "livectl-api" => &[
            (
                "livectl api /v1/queues --jq .general.count",
                "How many wait in the general queue, straight from the API.",
            ),
            (
                "livectl api /v1/interventions/iv_42/reassign -f agent=ag_3 -f reason=handover --if-match 4",
                "Reassign one intervention, refused if it changed since version 4.",
            ),
            (
                "livectl api /v1/interventions?state=queued --paginate --jq 'length'",
                "Every queued intervention, page after page, counted.",
            ),
        ],
        "livectl-list" => &[
            (
                "livectl list",
                "The open interventions: queued and assigned.",
            ),
            (
                "livectl list --owner sam",
                "Sam's My Queue (--from is the same filter).",
            ),
            (
                "livectl list --state all --tag vip --limit 5",
                "Five interventions tagged vip, in any state.",
            ),
            (
                "livectl list --owner none --older-than 30m",
                "Waiting in the general queue for over 30 minutes.",
            ),
            (
                "livectl list --owner none --watch",
                "The general queue, then every change to it as it happens.",
            ),
        ],
        "livectl-show" => &[
            (
                "livectl show iv_17",
                "User, summary, owner, timeline and last messages.",
            ),
            (
                "livectl show iv_17 -o json | jq '.events[] | {action, actor, at}'",
                "The timeline as data.",
            ),
        ],
        "livectl-assign" => &[
            ("livectl assign iv_3", "Take an intervention yourself."),
            (
                "livectl assign iv_4 --to bo",
                "An admin assigns to anyone: an id, a key, an email, a unique name or me.",
            ),
            (
                "livectl assign --owner none --department billing --to dee --rate 20 --concurrency 8",
                "Everything waiting in Billing to Dee, at most 20 a second.",
            ),
        ],
        "livectl-reassign" => &[
            (
                "livectl reassign iv_3 --to \"Dee Park\" --reason \"billing question\"",
                "Move one intervention to Dee's My Queue.",
            ),
            (
                "livectl reassign --from sam --to ana --to bo",
                "Spread Sam's queue over Ana and Bo, least loaded first.",
            ),
            (
                "livectl list --owner sam -o ndjson | livectl reassign - --to bo --yes",
                "Ids from stdin, for scripts.",
            ),
            (
                "livectl reassign --resume ~/.local/state/livectl/runs/RUN.ndjson",
                "Finish a run that was interrupted: only what is left.",
            ),
        ],
        "livectl-return" => &[
            (
                "livectl return iv_3 --reason \"end of shift\"",
                "Back to the general queue.",
            ),
            (
                "livectl return --owner sam --yes",
                "Everything Sam owns back to the queue.",
            ),
        ],
        "livectl-cancel" => &[
            ("livectl cancel iv_5", "The user goes back to the bot."),
            (
                "livectl cancel --state queued --older-than 2h --dry-run",
                "What cancelling every old queued takeover would do.",
            ),
        ],
        "livectl-complete" => &[
            (
                "livectl complete iv_9 --topic refund --outcome resolved --tag vip --block survey",
                "Hand back to the bot with the wrap-up.",
            ),
            (
                "livectl complete iv_10",
                "On a terminal: pick topic, outcome and block, type tags.",
            ),
        ],
        "livectl-stuck" => &[
            (
                "livectl stuck",
                "Owners away, offline or inactive; users waiting for a reply; queued too long.",
            ),
            (
                "livectl stuck --no-reply 30m --queued 1h --fix reassign --to ana --to bo",
                "Move what is stuck to Ana and Bo.",
            ),
        ],
        "livectl-runs" => &[
            (
                "livectl runs",
                "The bulk runs left unfinished (killed, stopped, items left), newest first, each with the command that resumes it.",
            ),
            (
                "livectl reassign --resume 20261125T003728Z-97ee87",
                "Resume one of them by its run id, as the list gives it.",
            ),
            (
                "livectl runs --all -o json",
                "Every run in the runs directory, finished ones too, for a script.",
            ),
        ],
        "livectl-seed" => &[
            (
                "livectl seed examples/ci-seed.yaml",
                "Load a workspace; a second run changes nothing.",
            ),
            (
                "livectl seed --generate interventions=100000,users=20000,days=30,seed=42",
                "Synthetic data, the same for the same spec.",
            ),
        ],
        "livectl-watch" => &[
            (
                "livectl watch --owner bo",
                "Every change to Bo's interventions as it happens.",
            ),
            (
                "livectl watch -q | jq -c 'select(.action == \"returned\")'",
                "Piped: one event a line, as JSON.",
            ),
        ],
        "livectl-console" => &[
            (
                "livectl console",
                "The live view of the workspace: queues, interventions, stuck ones, events; ? lists the keys.",
            ),
            (
                "livectl console --department billing --owner none",
                "Start on Billing's interventions waiting in the general queue.",
            ),
            (
                "livectl console --no-reply 5m --queued 10m",
                "Call an intervention stuck sooner than `livectl stuck` would.",
            ),
        ],
        "livectl-agents" => &[(
            "livectl agents",
            "Who can take interventions, their status and department.",
        )],
        "livectl-topics" => &[("livectl topics -o csv", "The topics, as a spreadsheet.")],
        "livectl-outcomes" => &[(
            "livectl outcomes",
            "The outcomes an intervention is completed with.",
        )],
        "livectl-blocks" => &[("livectl blocks", "The blocks the bot can send to close.")],
        "livectl-departments" => &[("livectl departments -o json", "The departments, as JSON.")],
        "livectl-history" => &[
            ("livectl history us_4", "A user's history as a timeline."),
            (
                "livectl history us_4 --out us_4.csv",
                "Exported, written whole, then renamed.",
            ),
            (
                "livectl history --all --since 2026-11-01 --until 2026-12-01 --out november.ndjson",
                "Everyone's history for a month.",
            ),
        ],
        "livectl-login" => &[
            (
                "livectl login --api-url https://live.example.com",
                "A hidden prompt asks for the token.",
            ),
            (
                "printf '%s' \"$TOKEN\" | livectl login --profile staging --api-url https://staging.example.com --token-stdin",
                "For scripts.",
            ),
        ],
        "livectl-logout" => &[(
            "livectl logout --profile staging",
            "Forget the token of a profile.",
        )],
        "livectl-whoami" => &[("livectl whoami", "Who the token belongs to, and where.")],
        "livectl-version" => &[(
            "livectl version",
            "The version, as livectl --version says it.",
        )],
        "livectl-config" => &[
            ("livectl config list", "Every setting of the profile."),
            ("livectl config set output json", "JSON by default."),
        ],
        "livectl-config-get" => &[("livectl config get api_url", "One setting.")],
        "livectl-config-set" => &[(
            "livectl config set api_url https://live.example.com",
            "Change one setting.",
        )],
        "livectl-config-list" => &[("livectl config list", "Every setting of the profile.")],
        "livectl-config-profiles" => &[
            (
                "livectl config profiles",
                "Every profile; * marks the one runs use now.",
            ),
            (
                "livectl config profiles --jq '.[] | select(.logged_in) | .name'",
                "The profiles with a token stored.",
            ),
        ],
        "livectl-config-remove-profile" => &[(
            "livectl config remove-profile staging",
            "Remove a profile, its settings and its token.",
        )],
        "livectl-config-use" => &[(
            "livectl config use staging",
            "Runs use profile staging from now on; said with its address.",
        )],
        "livectl-config-unset" => &[(
            "livectl config unset output",
            "Back to the default output: a table on a terminal.",
        )],
        "livectl-sandbox" => &[
            (
                "livectl sandbox serve --seed demo",
                "A local platform with demo data on 127.0.0.1:8787.",
            ),
            (
                "TOKEN=$(livectl sandbox token)",
                "A token for its built-in admin.",
            ),
        ],
        "livectl-sandbox-serve" => &[
            (
                "livectl sandbox serve --addr 127.0.0.1:0 --seed examples/ci-seed.yaml",
                "A sandbox for CI on any free port, loaded at start.",
            ),
            (
                "livectl sandbox serve --faults error=0.2,drop=0.05,seed=7",
                "A sandbox that fails on purpose, to test clients.",
            ),
        ],
        "livectl-sandbox-token" => &[(
            "livectl sandbox token --agent bo",
            "A token for an agent of the sandbox (Bo of the demo, by key).",
        )],
        "livectl-sandbox-wait" => &[(
            "livectl sandbox serve --db ci.db --seed demo & livectl sandbox wait",
            "Start a sandbox in the background, and go on once it answers.",
        )],
        "livectl-sandbox-backup" => &[(
            "livectl sandbox backup sandbox-copy.db",
            "A whole copy of the sandbox's database, also while it serves.",
        )],
        "livectl-sandbox-reset" => &[(
            "livectl sandbox reset --yes",
            "Delete the sandbox's database and start again.",
        )],
        "livectl-conformance" => &[
            (
                "livectl conformance --api-url https://live.example.com --yes --junit conformance.xml",
                "Check a platform against the contract, as a CI job with an admin's LIVECTL_TOKEN; the JUnit file lists every case.",
            ),
            (
                "printf '%s' \"$AGENT_TOKEN\" | livectl conformance --agent-token-stdin",
                "Check the role rules too, with an agent's token.",
            ),
            (
                "livectl conformance -o json | jq '.[] | select(.result == \"failed\")'",
                "The failed cases with their evidence.",
            ),
        ],
        "livectl-completions" => &[
            (
                "livectl completions zsh > ~/.zfunc/_livectl",
                "A completion script for zsh's fpath.",
            ),
            (
                "source <(COMPLETE=bash livectl)",
                "Completion that also offers agents and ids from the API.",
            ),
        ],
        "livectl-man" => &[(
            "livectl man ~/.local/share/man/man1",
            "Install these pages.",
        )],
        _ => &[],
    }
}
