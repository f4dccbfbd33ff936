#compdef livectl

autoload -U is-at-least

_livectl() {
    typeset -A opt_args
    typeset -a _arguments_options
    local ret=1

    if is-at-least 5.2; then
        _arguments_options=(-s -S -C)
    else
        _arguments_options=(-s -C)
    fi

    local context curcontext="$curcontext" state line
    _arguments "${_arguments_options[@]}" : \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_livectl_commands" \
"*::: :->livectl" \
&& ret=0
    case $state in
    (livectl)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:livectl-command-$line[1]:"
        case $line[1] in
            (queues)
_arguments "${_arguments_options[@]}" : \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
'*--state=[States to include\: queued, assigned, completed, cancelled, open (queued and assigned) or all]:STATE:(queued assigned completed cancelled open all)' \
'--owner=[Owner\: an AGENT (id, email, unique name or \`me\`), or \`none\` for the general queue]:AGENT:_default' \
'--from=[Owner\: an AGENT (id, email, unique name or \`me\`), or \`none\` for the general queue]:AGENT:_default' \
'--department=[Department\: id, key or name]:DEPARTMENT:_default' \
'--tag=[Only interventions with this tag]:TAG:_default' \
'--older-than=[Only interventions queued longer ago than this, e.g. 30m, 2h, 1d]:DURATION:_default' \
'--limit=[At most this many interventions]:LIMIT:_default' \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'(--limit)--all[Every matching intervention, page after page]' \
'--watch[Then keep watching\: print each change to a matching intervention as it happens]' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
'--messages=[How many of the last messages to show]:MESSAGES:_default' \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':id -- The intervention'\''s id, e.g. iv_42:_default' \
&& ret=0
;;
(assign)
_arguments "${_arguments_options[@]}" : \
'*--state=[States to include\: queued, assigned, completed, cancelled, open (queued and assigned) or all]:STATE:(queued assigned completed cancelled open all)' \
'--owner=[Owner\: an AGENT (id, email, unique name or \`me\`), or \`none\` for the general queue]:AGENT:_default' \
'--from=[Owner\: an AGENT (id, email, unique name or \`me\`), or \`none\` for the general queue]:AGENT:_default' \
'--department=[Department\: id, key or name]:DEPARTMENT:_default' \
'--tag=[Only interventions with this tag]:TAG:_default' \
'--older-than=[Only interventions queued longer ago than this, e.g. 30m, 2h, 1d]:DURATION:_default' \
'--concurrency=[Requests in flight at once (bench/bulk.sh measured 8 to 64 alike on a 2-core sandbox, each within 1.25x of wrk; 16 keeps that pace and is gentle with a real platform)]:CONCURRENCY:_default' \
'--rate=[At most N actions a second, from 0.001 to 1000000]:N:_default' \
'--journal=[Write the journal here \[default\: a new file in \$XDG_STATE_HOME/livectl/runs/\]]:FILE:_files' \
'(--journal --dry-run)--resume=[Continue the run of this journal\: only what is left, in-flight items replayed with their keys]:FILE:_files' \
'--to=[The agent who will own it\: an id, an email, a unique name or \`me\`]:AGENT:_default' \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--dry-run[Print what would change and change nothing]' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
'*::ids -- Intervention ids, or `-` to read them from stdin (one a line, or NDJSON objects with an "id"):_default' \
&& ret=0
;;
(reassign)
_arguments "${_arguments_options[@]}" : \
'*--state=[States to include\: queued, assigned, completed, cancelled, open (queued and assigned) or all]:STATE:(queued assigned completed cancelled open all)' \
'--owner=[Owner\: an AGENT (id, email, unique name or \`me\`), or \`none\` for the general queue]:AGENT:_default' \
'--from=[Owner\: an AGENT (id, email, unique name or \`me\`), or \`none\` for the general queue]:AGENT:_default' \
'--department=[Department\: id, key or name]:DEPARTMENT:_default' \
'--tag=[Only interventions with this tag]:TAG:_default' \
'--older-than=[Only interventions queued longer ago than this, e.g. 30m, 2h, 1d]:DURATION:_default' \
'--concurrency=[Requests in flight at once (bench/bulk.sh measured 8 to 64 alike on a 2-core sandbox, each within 1.25x of wrk; 16 keeps that pace and is gentle with a real platform)]:CONCURRENCY:_default' \
'--rate=[At most N actions a second, from 0.001 to 1000000]:N:_default' \
'--journal=[Write the journal here \[default\: a new file in \$XDG_STATE_HOME/livectl/runs/\]]:FILE:_files' \
'(--journal --dry-run)--resume=[Continue the run of this journal\: only what is left, in-flight items replayed with their keys]:FILE:_files' \
'*--to=[The new owner\: an id, an email, a unique name or \`me\`; several spread the items evenly, least-loaded first]:AGENT:_default' \
'--reason=[Why, recorded in the event]:REASON:_default' \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--dry-run[Print what would change and change nothing]' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
'*::ids -- Intervention ids, or `-` to read them from stdin (one a line, or NDJSON objects with an "id"):_default' \
&& ret=0
;;
(return)
_arguments "${_arguments_options[@]}" : \
'*--state=[States to include\: queued, assigned, completed, cancelled, open (queued and assigned) or all]:STATE:(queued assigned completed cancelled open all)' \
'--owner=[Owner\: an AGENT (id, email, unique name or \`me\`), or \`none\` for the general queue]:AGENT:_default' \
'--from=[Owner\: an AGENT (id, email, unique name or \`me\`), or \`none\` for the general queue]:AGENT:_default' \
'--department=[Department\: id, key or name]:DEPARTMENT:_default' \
'--tag=[Only interventions with this tag]:TAG:_default' \
'--older-than=[Only interventions queued longer ago than this, e.g. 30m, 2h, 1d]:DURATION:_default' \
'--concurrency=[Requests in flight at once (bench/bulk.sh measured 8 to 64 alike on a 2-core sandbox, each within 1.25x of wrk; 16 keeps that pace and is gentle with a real platform)]:CONCURRENCY:_default' \
'--rate=[At most N actions a second, from 0.001 to 1000000]:N:_default' \
'--journal=[Write the journal here \[default\: a new file in \$XDG_STATE_HOME/livectl/runs/\]]:FILE:_files' \
'(--journal --dry-run)--resume=[Continue the run of this journal\: only what is left, in-flight items replayed with their keys]:FILE:_files' \
'--reason=[Why, recorded in the event]:REASON:_default' \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--dry-run[Print what would change and change nothing]' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
'*::ids -- Intervention ids, or `-` to read them from stdin (one a line, or NDJSON objects with an "id"):_default' \
&& ret=0
;;
(cancel)
_arguments "${_arguments_options[@]}" : \
'*--state=[States to include\: queued, assigned, completed, cancelled, open (queued and assigned) or all]:STATE:(queued assigned completed cancelled open all)' \
'--owner=[Owner\: an AGENT (id, email, unique name or \`me\`), or \`none\` for the general queue]:AGENT:_default' \
'--from=[Owner\: an AGENT (id, email, unique name or \`me\`), or \`none\` for the general queue]:AGENT:_default' \
'--department=[Department\: id, key or name]:DEPARTMENT:_default' \
'--tag=[Only interventions with this tag]:TAG:_default' \
'--older-than=[Only interventions queued longer ago than this, e.g. 30m, 2h, 1d]:DURATION:_default' \
'--concurrency=[Requests in flight at once (bench/bulk.sh measured 8 to 64 alike on a 2-core sandbox, each within 1.25x of wrk; 16 keeps that pace and is gentle with a real platform)]:CONCURRENCY:_default' \
'--rate=[At most N actions a second, from 0.001 to 1000000]:N:_default' \
'--journal=[Write the journal here \[default\: a new file in \$XDG_STATE_HOME/livectl/runs/\]]:FILE:_files' \
'(--journal --dry-run)--resume=[Continue the run of this journal\: only what is left, in-flight items replayed with their keys]:FILE:_files' \
'--reason=[Why, recorded in the event]:REASON:_default' \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--dry-run[Print what would change and change nothing]' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
'*::ids -- Intervention ids, or `-` to read them from stdin (one a line, or NDJSON objects with an "id"):_default' \
&& ret=0
;;
(stuck)
_arguments "${_arguments_options[@]}" : \
'--no-reply=[A user waiting longer than this for an agent'\''s reply is stuck]:DURATION:_default' \
'--queued=[An intervention waiting in the general queue longer than this is stuck]:DURATION:_default' \
'--fix=[Act on what is stuck]:FIX:((return\:"Back to the general queue (assigned ones)"
cancel\:"Cancel the takeovers"
reassign\:"To the agents named by --to, spread evenly (queued ones are assigned)"))' \
'*--to=[With --fix reassign\: the agents to move them to]:AGENT:_default' \
'--reason=[With --fix\: why, recorded in the events]:REASON:_default' \
'--concurrency=[Requests in flight at once (bench/bulk.sh measured 8 to 64 alike on a 2-core sandbox, each within 1.25x of wrk; 16 keeps that pace and is gentle with a real platform)]:CONCURRENCY:_default' \
'--rate=[At most N actions a second, from 0.001 to 1000000]:N:_default' \
'--journal=[Write the journal here \[default\: a new file in \$XDG_STATE_HOME/livectl/runs/\]]:FILE:_files' \
'(--journal --dry-run)--resume=[Continue the run of this journal\: only what is left, in-flight items replayed with their keys]:FILE:_files' \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--dry-run[Print what would change and change nothing]' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(seed)
_arguments "${_arguments_options[@]}" : \
'--generate=[Generate synthetic data instead, e.g. interventions=100000,users=20000,days=30,seed=42]:SPEC:_default' \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--dry-run[Print what the file holds and send nothing]' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
'::file -- A seed file, YAML or JSON (see docs/seed.md):_files' \
&& ret=0
;;
(watch)
_arguments "${_arguments_options[@]}" : \
'*--state=[States to include\: queued, assigned, completed, cancelled, open (queued and assigned) or all]:STATE:(queued assigned completed cancelled open all)' \
'--owner=[Owner\: an AGENT (id, email, unique name or \`me\`), or \`none\` for the general queue]:AGENT:_default' \
'--from=[Owner\: an AGENT (id, email, unique name or \`me\`), or \`none\` for the general queue]:AGENT:_default' \
'--department=[Department\: id, key or name]:DEPARTMENT:_default' \
'--tag=[Only interventions with this tag]:TAG:_default' \
'--older-than=[Only interventions queued longer ago than this, e.g. 30m, 2h, 1d]:DURATION:_default' \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(agents)
_arguments "${_arguments_options[@]}" : \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(topics)
_arguments "${_arguments_options[@]}" : \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(outcomes)
_arguments "${_arguments_options[@]}" : \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(blocks)
_arguments "${_arguments_options[@]}" : \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(departments)
_arguments "${_arguments_options[@]}" : \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(history)
_arguments "${_arguments_options[@]}" : \
'--since=[Only records at or after this instant (2026-11-01 or 2026-11-01T08\:00\:00Z)]:SINCE:_default' \
'--until=[Only records before this instant]:UNTIL:_default' \
'--out=[Write the export to FILE (format from -o, else from the extension\: .csv, .json, else ndjson)]:FILE:_files' \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'()--all[Every user'\''s history]' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
'*::users -- Users\: an id (us_3), an email or an exact name:_default' \
&& ret=0
;;
(login)
_arguments "${_arguments_options[@]}" : \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--token-stdin[Read the token from standard input instead of a hidden prompt]' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(logout)
_arguments "${_arguments_options[@]}" : \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(whoami)
_arguments "${_arguments_options[@]}" : \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(config)
_arguments "${_arguments_options[@]}" : \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_livectl__subcmd__config_commands" \
"*::: :->config" \
&& ret=0

    case $state in
    (config)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:livectl-config-command-$line[1]:"
        case $line[1] in
            (get)
_arguments "${_arguments_options[@]}" : \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':key -- api_url, workspace, output or default_profile:_default' \
&& ret=0
;;
(set)
_arguments "${_arguments_options[@]}" : \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':key -- api_url, workspace, output or default_profile:_default' \
':value:_default' \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_livectl__subcmd__config__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:livectl-config-help-command-$line[1]:"
        case $line[1] in
            (get)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(set)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(sandbox)
_arguments "${_arguments_options[@]}" : \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_livectl__subcmd__sandbox_commands" \
"*::: :->sandbox" \
&& ret=0

    case $state in
    (sandbox)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:livectl-sandbox-command-$line[1]:"
        case $line[1] in
            (serve)
_arguments "${_arguments_options[@]}" : \
'--addr=[Address to listen on; port 0 picks a free port (the address is printed on stderr)]:ADDR:_default' \
'--db=[The database file \[default\: \$XDG_DATA_HOME/livectl/sandbox.db\]]:DB:_files' \
'--seed=[Load data at start\: \`demo\` for the demo workspace, or a seed FILE (YAML or JSON); without it the sandbox starts empty but for the built-in admin]:SEED:_default' \
'--rate-limit=[Allow at most N requests per second per token (429 beyond)]:N:_default' \
'--faults=[Inject faults, e.g. error=0.2,drop=0.05,throttle=0.05,latency=0..50ms,seed=7]:SPEC:_default' \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(token)
_arguments "${_arguments_options[@]}" : \
'--db=[The database file \[default\: \$XDG_DATA_HOME/livectl/sandbox.db\]]:DB:_files' \
'--agent=[The agent (id, email or key); the built-in admin when left out]:AGENT:_default' \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(reset)
_arguments "${_arguments_options[@]}" : \
'--db=[The database file \[default\: \$XDG_DATA_HOME/livectl/sandbox.db\]]:DB:_files' \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'-y[Delete without asking]' \
'--yes[Delete without asking]' \
'--no-input[Never prompt; a missing value is an error]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(openapi)
_arguments "${_arguments_options[@]}" : \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(seed-schema)
_arguments "${_arguments_options[@]}" : \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_livectl__subcmd__sandbox__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:livectl-sandbox-help-command-$line[1]:"
        case $line[1] in
            (serve)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(token)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(reset)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(openapi)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(seed-schema)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(completions)
_arguments "${_arguments_options[@]}" : \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':shell -- bash, zsh, fish, powershell or elvish:(bash elvish fish powershell zsh)' \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
'::dir -- The directory to write the pages to:_files' \
&& ret=0
;;
(complete)
_arguments "${_arguments_options[@]}" : \
'*--state=[States to include\: queued, assigned, completed, cancelled, open (queued and assigned) or all]:STATE:(queued assigned completed cancelled open all)' \
'--owner=[Owner\: an AGENT (id, email, unique name or \`me\`), or \`none\` for the general queue]:AGENT:_default' \
'--from=[Owner\: an AGENT (id, email, unique name or \`me\`), or \`none\` for the general queue]:AGENT:_default' \
'--department=[Department\: id, key or name]:DEPARTMENT:_default' \
'--older-than=[Only interventions queued longer ago than this, e.g. 30m, 2h, 1d]:DURATION:_default' \
'--concurrency=[Requests in flight at once (bench/bulk.sh measured 8 to 64 alike on a 2-core sandbox, each within 1.25x of wrk; 16 keeps that pace and is gentle with a real platform)]:CONCURRENCY:_default' \
'--rate=[At most N actions a second, from 0.001 to 1000000]:N:_default' \
'--journal=[Write the journal here \[default\: a new file in \$XDG_STATE_HOME/livectl/runs/\]]:FILE:_files' \
'(--journal --dry-run)--resume=[Continue the run of this journal\: only what is left, in-flight items replayed with their keys]:FILE:_files' \
'--topic=[The topic\: id, key or name (see \`livectl topics\`)]:TOPIC:_default' \
'--outcome=[The outcome\: id, key or name (see \`livectl outcomes\`)]:OUTCOME:_default' \
'*--tag=[A tag (repeatable)]:TAG:_default' \
'--block=[The block the bot sends to close\: id, key or name (see \`livectl blocks\`)]:BLOCK:_default' \
'--with-tag=[Only interventions with this tag]:TAG:_default' \
'--profile=[The profile to use \[default\: the config'\''s default_profile\]]:NAME:_default' \
'--api-url=[The platform'\''s API address, e.g. https\://live.example.com]:URL:_default' \
'-o+[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--output=[Output format \[default\: table on a terminal, plain lines otherwise\]]:OUTPUT:(table json ndjson csv ids)' \
'--color=[When to use colour (NO_COLOR turns it off too)]:COLOR:(auto always never)' \
'--dry-run[Print what would change and change nothing]' \
'--no-input[Never prompt; a missing value is an error]' \
'-y[Answer yes to confirmations]' \
'--yes[Answer yes to confirmations]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'*-v[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'*--verbose[Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown]' \
'--sandbox[Use the embedded sandbox even when a profile is configured]' \
'--allow-insecure-http[Allow plain http\:// to hosts other than loopback]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
'*::ids -- Intervention ids, or `-` to read them from stdin (one a line, or NDJSON objects with an "id"):_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_livectl__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:livectl-help-command-$line[1]:"
        case $line[1] in
            (queues)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(assign)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(reassign)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(return)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(cancel)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(stuck)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(seed)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(watch)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(agents)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(topics)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(outcomes)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(blocks)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(departments)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(history)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(login)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(logout)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(whoami)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(config)
_arguments "${_arguments_options[@]}" : \
":: :_livectl__subcmd__help__subcmd__config_commands" \
"*::: :->config" \
&& ret=0

    case $state in
    (config)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:livectl-help-config-command-$line[1]:"
        case $line[1] in
            (get)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(set)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(sandbox)
_arguments "${_arguments_options[@]}" : \
":: :_livectl__subcmd__help__subcmd__sandbox_commands" \
"*::: :->sandbox" \
&& ret=0

    case $state in
    (sandbox)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:livectl-help-sandbox-command-$line[1]:"
        case $line[1] in
            (serve)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(token)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(reset)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(openapi)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(seed-schema)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(completions)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(complete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
}

(( $+functions[_livectl_commands] )) ||
_livectl_commands() {
    local commands; commands=(
'queues:Every queue\: the general queue and each agent'\''s My Queue' \
'list:List interventions (open ones by default)' \
'show:Show one intervention\: user, summary, state, owner, timeline, last messages' \
'assign:Assign a queued intervention (to yourself by default)' \
'reassign:Move an assigned intervention to another agent'\''s My Queue' \
'return:Return an assigned intervention to the general queue' \
'cancel:Cancel the takeover\: the user goes back to the bot' \
'stuck:Open interventions that need help\: owner away, user waiting for a reply, queued too long' \
'seed:Load a seed file (YAML or JSON) or generated data through the API, idempotently' \
'watch:Live stream of changes (Ctrl-C to stop)' \
'agents:The agents' \
'topics:The topics conversations are completed with' \
'outcomes:The outcomes conversations are completed with' \
'blocks:The blocks the bot can send when a takeover completes' \
'departments:The departments' \
'history:A user'\''s history\: a timeline on a terminal, an export with -o or --out' \
'login:Save a profile and its token' \
'logout:Forget a profile'\''s token' \
'whoami:Who the token belongs to' \
'config:Read and change the configuration' \
'sandbox:Run a local sandbox of the platform'\''s API' \
'completions:Print a shell completion script' \
'man:Write man pages' \
'complete:Complete an intervention with topic, outcome, tags and closing block' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'livectl commands' commands "$@"
}
(( $+functions[_livectl__subcmd__agents_commands] )) ||
_livectl__subcmd__agents_commands() {
    local commands; commands=()
    _describe -t commands 'livectl agents commands' commands "$@"
}
(( $+functions[_livectl__subcmd__assign_commands] )) ||
_livectl__subcmd__assign_commands() {
    local commands; commands=()
    _describe -t commands 'livectl assign commands' commands "$@"
}
(( $+functions[_livectl__subcmd__blocks_commands] )) ||
_livectl__subcmd__blocks_commands() {
    local commands; commands=()
    _describe -t commands 'livectl blocks commands' commands "$@"
}
(( $+functions[_livectl__subcmd__cancel_commands] )) ||
_livectl__subcmd__cancel_commands() {
    local commands; commands=()
    _describe -t commands 'livectl cancel commands' commands "$@"
}
(( $+functions[_livectl__subcmd__complete_commands] )) ||
_livectl__subcmd__complete_commands() {
    local commands; commands=()
    _describe -t commands 'livectl complete commands' commands "$@"
}
(( $+functions[_livectl__subcmd__completions_commands] )) ||
_livectl__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'livectl completions commands' commands "$@"
}
(( $+functions[_livectl__subcmd__config_commands] )) ||
_livectl__subcmd__config_commands() {
    local commands; commands=(
'get:Print one setting' \
'set:Change one setting' \
'list:Print every setting of the profile' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'livectl config commands' commands "$@"
}
(( $+functions[_livectl__subcmd__config__subcmd__get_commands] )) ||
_livectl__subcmd__config__subcmd__get_commands() {
    local commands; commands=()
    _describe -t commands 'livectl config get commands' commands "$@"
}
(( $+functions[_livectl__subcmd__config__subcmd__help_commands] )) ||
_livectl__subcmd__config__subcmd__help_commands() {
    local commands; commands=(
'get:Print one setting' \
'set:Change one setting' \
'list:Print every setting of the profile' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'livectl config help commands' commands "$@"
}
(( $+functions[_livectl__subcmd__config__subcmd__help__subcmd__get_commands] )) ||
_livectl__subcmd__config__subcmd__help__subcmd__get_commands() {
    local commands; commands=()
    _describe -t commands 'livectl config help get commands' commands "$@"
}
(( $+functions[_livectl__subcmd__config__subcmd__help__subcmd__help_commands] )) ||
_livectl__subcmd__config__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'livectl config help help commands' commands "$@"
}
(( $+functions[_livectl__subcmd__config__subcmd__help__subcmd__list_commands] )) ||
_livectl__subcmd__config__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'livectl config help list commands' commands "$@"
}
(( $+functions[_livectl__subcmd__config__subcmd__help__subcmd__set_commands] )) ||
_livectl__subcmd__config__subcmd__help__subcmd__set_commands() {
    local commands; commands=()
    _describe -t commands 'livectl config help set commands' commands "$@"
}
(( $+functions[_livectl__subcmd__config__subcmd__list_commands] )) ||
_livectl__subcmd__config__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'livectl config list commands' commands "$@"
}
(( $+functions[_livectl__subcmd__config__subcmd__set_commands] )) ||
_livectl__subcmd__config__subcmd__set_commands() {
    local commands; commands=()
    _describe -t commands 'livectl config set commands' commands "$@"
}
(( $+functions[_livectl__subcmd__departments_commands] )) ||
_livectl__subcmd__departments_commands() {
    local commands; commands=()
    _describe -t commands 'livectl departments commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help_commands] )) ||
_livectl__subcmd__help_commands() {
    local commands; commands=(
'queues:Every queue\: the general queue and each agent'\''s My Queue' \
'list:List interventions (open ones by default)' \
'show:Show one intervention\: user, summary, state, owner, timeline, last messages' \
'assign:Assign a queued intervention (to yourself by default)' \
'reassign:Move an assigned intervention to another agent'\''s My Queue' \
'return:Return an assigned intervention to the general queue' \
'cancel:Cancel the takeover\: the user goes back to the bot' \
'stuck:Open interventions that need help\: owner away, user waiting for a reply, queued too long' \
'seed:Load a seed file (YAML or JSON) or generated data through the API, idempotently' \
'watch:Live stream of changes (Ctrl-C to stop)' \
'agents:The agents' \
'topics:The topics conversations are completed with' \
'outcomes:The outcomes conversations are completed with' \
'blocks:The blocks the bot can send when a takeover completes' \
'departments:The departments' \
'history:A user'\''s history\: a timeline on a terminal, an export with -o or --out' \
'login:Save a profile and its token' \
'logout:Forget a profile'\''s token' \
'whoami:Who the token belongs to' \
'config:Read and change the configuration' \
'sandbox:Run a local sandbox of the platform'\''s API' \
'completions:Print a shell completion script' \
'man:Write man pages' \
'complete:Complete an intervention with topic, outcome, tags and closing block' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'livectl help commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__agents_commands] )) ||
_livectl__subcmd__help__subcmd__agents_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help agents commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__assign_commands] )) ||
_livectl__subcmd__help__subcmd__assign_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help assign commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__blocks_commands] )) ||
_livectl__subcmd__help__subcmd__blocks_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help blocks commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__cancel_commands] )) ||
_livectl__subcmd__help__subcmd__cancel_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help cancel commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__complete_commands] )) ||
_livectl__subcmd__help__subcmd__complete_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help complete commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__completions_commands] )) ||
_livectl__subcmd__help__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help completions commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__config_commands] )) ||
_livectl__subcmd__help__subcmd__config_commands() {
    local commands; commands=(
'get:Print one setting' \
'set:Change one setting' \
'list:Print every setting of the profile' \
    )
    _describe -t commands 'livectl help config commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__config__subcmd__get_commands] )) ||
_livectl__subcmd__help__subcmd__config__subcmd__get_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help config get commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__config__subcmd__list_commands] )) ||
_livectl__subcmd__help__subcmd__config__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help config list commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__config__subcmd__set_commands] )) ||
_livectl__subcmd__help__subcmd__config__subcmd__set_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help config set commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__departments_commands] )) ||
_livectl__subcmd__help__subcmd__departments_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help departments commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__help_commands] )) ||
_livectl__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help help commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__history_commands] )) ||
_livectl__subcmd__help__subcmd__history_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help history commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__list_commands] )) ||
_livectl__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help list commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__login_commands] )) ||
_livectl__subcmd__help__subcmd__login_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help login commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__logout_commands] )) ||
_livectl__subcmd__help__subcmd__logout_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help logout commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__man_commands] )) ||
_livectl__subcmd__help__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help man commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__outcomes_commands] )) ||
_livectl__subcmd__help__subcmd__outcomes_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help outcomes commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__queues_commands] )) ||
_livectl__subcmd__help__subcmd__queues_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help queues commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__reassign_commands] )) ||
_livectl__subcmd__help__subcmd__reassign_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help reassign commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__return_commands] )) ||
_livectl__subcmd__help__subcmd__return_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help return commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__sandbox_commands] )) ||
_livectl__subcmd__help__subcmd__sandbox_commands() {
    local commands; commands=(
'serve:Serve the Live Conversations API from a local database' \
'token:Print a new bearer token for an agent of a sandbox database' \
'reset:Delete a sandbox database and start again' \
'openapi:Print the OpenAPI document of the API' \
'seed-schema:Print the JSON Schema of seed files' \
    )
    _describe -t commands 'livectl help sandbox commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__sandbox__subcmd__openapi_commands] )) ||
_livectl__subcmd__help__subcmd__sandbox__subcmd__openapi_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help sandbox openapi commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__sandbox__subcmd__reset_commands] )) ||
_livectl__subcmd__help__subcmd__sandbox__subcmd__reset_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help sandbox reset commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__sandbox__subcmd__seed-schema_commands] )) ||
_livectl__subcmd__help__subcmd__sandbox__subcmd__seed-schema_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help sandbox seed-schema commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__sandbox__subcmd__serve_commands] )) ||
_livectl__subcmd__help__subcmd__sandbox__subcmd__serve_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help sandbox serve commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__sandbox__subcmd__token_commands] )) ||
_livectl__subcmd__help__subcmd__sandbox__subcmd__token_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help sandbox token commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__seed_commands] )) ||
_livectl__subcmd__help__subcmd__seed_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help seed commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__show_commands] )) ||
_livectl__subcmd__help__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help show commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__stuck_commands] )) ||
_livectl__subcmd__help__subcmd__stuck_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help stuck commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__topics_commands] )) ||
_livectl__subcmd__help__subcmd__topics_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help topics commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__watch_commands] )) ||
_livectl__subcmd__help__subcmd__watch_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help watch commands' commands "$@"
}
(( $+functions[_livectl__subcmd__help__subcmd__whoami_commands] )) ||
_livectl__subcmd__help__subcmd__whoami_commands() {
    local commands; commands=()
    _describe -t commands 'livectl help whoami commands' commands "$@"
}
(( $+functions[_livectl__subcmd__history_commands] )) ||
_livectl__subcmd__history_commands() {
    local commands; commands=()
    _describe -t commands 'livectl history commands' commands "$@"
}
(( $+functions[_livectl__subcmd__list_commands] )) ||
_livectl__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'livectl list commands' commands "$@"
}
(( $+functions[_livectl__subcmd__login_commands] )) ||
_livectl__subcmd__login_commands() {
    local commands; commands=()
    _describe -t commands 'livectl login commands' commands "$@"
}
(( $+functions[_livectl__subcmd__logout_commands] )) ||
_livectl__subcmd__logout_commands() {
    local commands; commands=()
    _describe -t commands 'livectl logout commands' commands "$@"
}
(( $+functions[_livectl__subcmd__man_commands] )) ||
_livectl__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'livectl man commands' commands "$@"
}
(( $+functions[_livectl__subcmd__outcomes_commands] )) ||
_livectl__subcmd__outcomes_commands() {
    local commands; commands=()
    _describe -t commands 'livectl outcomes commands' commands "$@"
}
(( $+functions[_livectl__subcmd__queues_commands] )) ||
_livectl__subcmd__queues_commands() {
    local commands; commands=()
    _describe -t commands 'livectl queues commands' commands "$@"
}
(( $+functions[_livectl__subcmd__reassign_commands] )) ||
_livectl__subcmd__reassign_commands() {
    local commands; commands=()
    _describe -t commands 'livectl reassign commands' commands "$@"
}
(( $+functions[_livectl__subcmd__return_commands] )) ||
_livectl__subcmd__return_commands() {
    local commands; commands=()
    _describe -t commands 'livectl return commands' commands "$@"
}
(( $+functions[_livectl__subcmd__sandbox_commands] )) ||
_livectl__subcmd__sandbox_commands() {
    local commands; commands=(
'serve:Serve the Live Conversations API from a local database' \
'token:Print a new bearer token for an agent of a sandbox database' \
'reset:Delete a sandbox database and start again' \
'openapi:Print the OpenAPI document of the API' \
'seed-schema:Print the JSON Schema of seed files' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'livectl sandbox commands' commands "$@"
}
(( $+functions[_livectl__subcmd__sandbox__subcmd__help_commands] )) ||
_livectl__subcmd__sandbox__subcmd__help_commands() {
    local commands; commands=(
'serve:Serve the Live Conversations API from a local database' \
'token:Print a new bearer token for an agent of a sandbox database' \
'reset:Delete a sandbox database and start again' \
'openapi:Print the OpenAPI document of the API' \
'seed-schema:Print the JSON Schema of seed files' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'livectl sandbox help commands' commands "$@"
}
(( $+functions[_livectl__subcmd__sandbox__subcmd__help__subcmd__help_commands] )) ||
_livectl__subcmd__sandbox__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'livectl sandbox help help commands' commands "$@"
}
(( $+functions[_livectl__subcmd__sandbox__subcmd__help__subcmd__openapi_commands] )) ||
_livectl__subcmd__sandbox__subcmd__help__subcmd__openapi_commands() {
    local commands; commands=()
    _describe -t commands 'livectl sandbox help openapi commands' commands "$@"
}
(( $+functions[_livectl__subcmd__sandbox__subcmd__help__subcmd__reset_commands] )) ||
_livectl__subcmd__sandbox__subcmd__help__subcmd__reset_commands() {
    local commands; commands=()
    _describe -t commands 'livectl sandbox help reset commands' commands "$@"
}
(( $+functions[_livectl__subcmd__sandbox__subcmd__help__subcmd__seed-schema_commands] )) ||
_livectl__subcmd__sandbox__subcmd__help__subcmd__seed-schema_commands() {
    local commands; commands=()
    _describe -t commands 'livectl sandbox help seed-schema commands' commands "$@"
}
(( $+functions[_livectl__subcmd__sandbox__subcmd__help__subcmd__serve_commands] )) ||
_livectl__subcmd__sandbox__subcmd__help__subcmd__serve_commands() {
    local commands; commands=()
    _describe -t commands 'livectl sandbox help serve commands' commands "$@"
}
(( $+functions[_livectl__subcmd__sandbox__subcmd__help__subcmd__token_commands] )) ||
_livectl__subcmd__sandbox__subcmd__help__subcmd__token_commands() {
    local commands; commands=()
    _describe -t commands 'livectl sandbox help token commands' commands "$@"
}
(( $+functions[_livectl__subcmd__sandbox__subcmd__openapi_commands] )) ||
_livectl__subcmd__sandbox__subcmd__openapi_commands() {
    local commands; commands=()
    _describe -t commands 'livectl sandbox openapi commands' commands "$@"
}
(( $+functions[_livectl__subcmd__sandbox__subcmd__reset_commands] )) ||
_livectl__subcmd__sandbox__subcmd__reset_commands() {
    local commands; commands=()
    _describe -t commands 'livectl sandbox reset commands' commands "$@"
}
(( $+functions[_livectl__subcmd__sandbox__subcmd__seed-schema_commands] )) ||
_livectl__subcmd__sandbox__subcmd__seed-schema_commands() {
    local commands; commands=()
    _describe -t commands 'livectl sandbox seed-schema commands' commands "$@"
}
(( $+functions[_livectl__subcmd__sandbox__subcmd__serve_commands] )) ||
_livectl__subcmd__sandbox__subcmd__serve_commands() {
    local commands; commands=()
    _describe -t commands 'livectl sandbox serve commands' commands "$@"
}
(( $+functions[_livectl__subcmd__sandbox__subcmd__token_commands] )) ||
_livectl__subcmd__sandbox__subcmd__token_commands() {
    local commands; commands=()
    _describe -t commands 'livectl sandbox token commands' commands "$@"
}
(( $+functions[_livectl__subcmd__seed_commands] )) ||
_livectl__subcmd__seed_commands() {
    local commands; commands=()
    _describe -t commands 'livectl seed commands' commands "$@"
}
(( $+functions[_livectl__subcmd__show_commands] )) ||
_livectl__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'livectl show commands' commands "$@"
}
(( $+functions[_livectl__subcmd__stuck_commands] )) ||
_livectl__subcmd__stuck_commands() {
    local commands; commands=()
    _describe -t commands 'livectl stuck commands' commands "$@"
}
(( $+functions[_livectl__subcmd__topics_commands] )) ||
_livectl__subcmd__topics_commands() {
    local commands; commands=()
    _describe -t commands 'livectl topics commands' commands "$@"
}
(( $+functions[_livectl__subcmd__watch_commands] )) ||
_livectl__subcmd__watch_commands() {
    local commands; commands=()
    _describe -t commands 'livectl watch commands' commands "$@"
}
(( $+functions[_livectl__subcmd__whoami_commands] )) ||
_livectl__subcmd__whoami_commands() {
    local commands; commands=()
    _describe -t commands 'livectl whoami commands' commands "$@"
}

if [ "$funcstack[1]" = "_livectl" ]; then
    _livectl "$@"
else
    compdef _livectl livectl
fi
