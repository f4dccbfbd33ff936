
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'livectl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'livectl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'livectl' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('queues', 'queues', [CompletionResultType]::ParameterValue, 'Every queue: the general queue and each agent''s My Queue')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List interventions (open ones by default)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one intervention: user, summary, state, owner, timeline, last messages')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Assign a queued intervention (to yourself by default)')
            [CompletionResult]::new('reassign', 'reassign', [CompletionResultType]::ParameterValue, 'Move an assigned intervention to another agent''s My Queue')
            [CompletionResult]::new('return', 'return', [CompletionResultType]::ParameterValue, 'Return an assigned intervention to the general queue')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel the takeover: the user goes back to the bot')
            [CompletionResult]::new('stuck', 'stuck', [CompletionResultType]::ParameterValue, 'Open interventions that need help: owner away, offline or deactivated, user waiting for a reply, queued too long')
            [CompletionResult]::new('runs', 'runs', [CompletionResultType]::ParameterValue, 'Bulk runs left unfinished (killed, stopped, items left), with the command that resumes each')
            [CompletionResult]::new('seed', 'seed', [CompletionResultType]::ParameterValue, 'Load a seed file (YAML or JSON) or generated data through the API, idempotently')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'An agent''s status (online, away, offline): shown, or set (an event on the stream)')
            [CompletionResult]::new('autopilot', 'autopilot', [CompletionResultType]::ParameterValue, 'On-call fixer: moves work off agents who went offline, out of a queue waiting too long')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Live stream of changes (Ctrl-C to stop)')
            [CompletionResult]::new('console', 'console', [CompletionResultType]::ParameterValue, 'Full-screen live view: queues, interventions, stuck ones, events; every action by keys')
            [CompletionResult]::new('agents', 'agents', [CompletionResultType]::ParameterValue, 'The agents')
            [CompletionResult]::new('topics', 'topics', [CompletionResultType]::ParameterValue, 'The topics conversations are completed with')
            [CompletionResult]::new('outcomes', 'outcomes', [CompletionResultType]::ParameterValue, 'The outcomes conversations are completed with')
            [CompletionResult]::new('blocks', 'blocks', [CompletionResultType]::ParameterValue, 'The blocks the bot can send when a takeover completes')
            [CompletionResult]::new('departments', 'departments', [CompletionResultType]::ParameterValue, 'The departments')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'A user''s history: a timeline on a terminal, an export with -o or --out')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Save a profile and its token')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget a profile''s token')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Who the token belongs to')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Read and change the configuration')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'An authenticated request to any endpoint of the API, as `gh api` does')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run a local sandbox of the platform''s API')
            [CompletionResult]::new('conformance', 'conformance', [CompletionResultType]::ParameterValue, 'Check the platform against the contract''s rules: states, roles, idempotency, events, …')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version, as --version does')
            [CompletionResult]::new('complete', 'complete', [CompletionResultType]::ParameterValue, 'Complete an intervention with topic, outcome, tags and closing block')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'livectl;queues' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;list' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'States to include: queued, assigned, completed, cancelled, open (queued and assigned) or all')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue')
            [CompletionResult]::new('--department', '--department', [CompletionResultType]::ParameterName, 'Department: id, key or name')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only interventions with this tag')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only interventions queued longer ago than this, e.g. 30m, 2h, 1d (counted from queued_at, not from an assignment, which `list`''s WAITING counts an assigned one from)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many interventions')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every matching intervention, page after page')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Then keep watching: each change to a matching intervention as it happens (a line on a terminal; for scripts, the intervention as it is then, as one more row)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;show' {
            [CompletionResult]::new('--messages', '--messages', [CompletionResultType]::ParameterName, 'How many of the last messages to show (in JSON too, as `messages`)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;assign' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'States to include: queued, assigned, completed, cancelled, open (queued and assigned) or all')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue')
            [CompletionResult]::new('--department', '--department', [CompletionResultType]::ParameterName, 'Department: id, key or name')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only interventions with this tag')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only interventions queued longer ago than this, e.g. 30m, 2h, 1d (counted from queued_at, not from an assignment, which `list`''s WAITING counts an assigned one from)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once [default: 16, or the run''s own on --resume]')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'At most N actions a second, from 0.001 to 1000000 [default: no limit, or the run''s own on --resume]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Passes at the end of the run over items that failed for a passing reason (5xx, timeouts, retries spent), with their same keys; in a run chosen by filters, a page of the listing that failed so is asked for again as many times [default: 2, or the run''s own on --resume]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Write the journal here [default: a new file in $XDG_STATE_HOME/livectl/runs/]')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Continue the run of this journal (its path, or the run id `livectl runs` shows): only what is left, in-flight items replayed with their keys (with --dry-run: print what is left and send nothing)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The agent who will own it: an id, a key, an email, a unique name or `me`; several (repeated, or separated by commas) spread the items evenly, least-loaded first; or a pool (@online, @department, @department:NAME), least loaded first, never above an agent''s max_load')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, recorded in the event')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change and change nothing')
            [CompletionResult]::new('--include-away', '--include-away', [CompletionResultType]::ParameterName, 'Give work to named agents who are away or offline, and to a pool''s agents who are away (left out of a spread by default)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;reassign' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'States to include: queued, assigned, completed, cancelled, open (queued and assigned) or all')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue')
            [CompletionResult]::new('--department', '--department', [CompletionResultType]::ParameterName, 'Department: id, key or name')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only interventions with this tag')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only interventions queued longer ago than this, e.g. 30m, 2h, 1d (counted from queued_at, not from an assignment, which `list`''s WAITING counts an assigned one from)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once [default: 16, or the run''s own on --resume]')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'At most N actions a second, from 0.001 to 1000000 [default: no limit, or the run''s own on --resume]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Passes at the end of the run over items that failed for a passing reason (5xx, timeouts, retries spent), with their same keys; in a run chosen by filters, a page of the listing that failed so is asked for again as many times [default: 2, or the run''s own on --resume]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Write the journal here [default: a new file in $XDG_STATE_HOME/livectl/runs/]')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Continue the run of this journal (its path, or the run id `livectl runs` shows): only what is left, in-flight items replayed with their keys (with --dry-run: print what is left and send nothing)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The new owner: an id, a key, an email, a unique name or `me`; several (repeated, or separated by commas) spread the items evenly, least-loaded first. Or a pool: @online, @department (each item''s own) or @department:NAME, never above an agent''s max_load (items that fit nowhere stay and are reported)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, recorded in the event')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change and change nothing')
            [CompletionResult]::new('--include-away', '--include-away', [CompletionResultType]::ParameterName, 'Give work to named agents who are away or offline, and to a pool''s agents who are away (left out of a spread by default)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;return' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'States to include: queued, assigned, completed, cancelled, open (queued and assigned) or all')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue')
            [CompletionResult]::new('--department', '--department', [CompletionResultType]::ParameterName, 'Department: id, key or name')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only interventions with this tag')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only interventions queued longer ago than this, e.g. 30m, 2h, 1d (counted from queued_at, not from an assignment, which `list`''s WAITING counts an assigned one from)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once [default: 16, or the run''s own on --resume]')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'At most N actions a second, from 0.001 to 1000000 [default: no limit, or the run''s own on --resume]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Passes at the end of the run over items that failed for a passing reason (5xx, timeouts, retries spent), with their same keys; in a run chosen by filters, a page of the listing that failed so is asked for again as many times [default: 2, or the run''s own on --resume]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Write the journal here [default: a new file in $XDG_STATE_HOME/livectl/runs/]')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Continue the run of this journal (its path, or the run id `livectl runs` shows): only what is left, in-flight items replayed with their keys (with --dry-run: print what is left and send nothing)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, recorded in the event')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change and change nothing')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;cancel' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'States to include: queued, assigned, completed, cancelled, open (queued and assigned) or all')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue')
            [CompletionResult]::new('--department', '--department', [CompletionResultType]::ParameterName, 'Department: id, key or name')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only interventions with this tag')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only interventions queued longer ago than this, e.g. 30m, 2h, 1d (counted from queued_at, not from an assignment, which `list`''s WAITING counts an assigned one from)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once [default: 16, or the run''s own on --resume]')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'At most N actions a second, from 0.001 to 1000000 [default: no limit, or the run''s own on --resume]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Passes at the end of the run over items that failed for a passing reason (5xx, timeouts, retries spent), with their same keys; in a run chosen by filters, a page of the listing that failed so is asked for again as many times [default: 2, or the run''s own on --resume]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Write the journal here [default: a new file in $XDG_STATE_HOME/livectl/runs/]')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Continue the run of this journal (its path, or the run id `livectl runs` shows): only what is left, in-flight items replayed with their keys (with --dry-run: print what is left and send nothing)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, recorded in the event')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change and change nothing')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;stuck' {
            [CompletionResult]::new('--no-reply', '--no-reply', [CompletionResultType]::ParameterName, 'A user waiting longer than this for an agent''s reply is stuck (default 15m)')
            [CompletionResult]::new('--queued', '--queued', [CompletionResultType]::ParameterName, 'An intervention waiting in the general queue longer than this is stuck (default 30m)')
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'Act on what is stuck')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'With --fix reassign: the agents to move them to (repeated, or separated by commas), or a pool (@online, @department, @department:NAME)')
            [CompletionResult]::new('--rule', '--rule', [CompletionResultType]::ParameterName, 'Only what is stuck for these reasons, repeated or comma-separated: owner-offline, owner-away, owner-inactive, queued, no-reply (the autopilot''s rules)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'States to include: queued, assigned, completed, cancelled, open (queued and assigned) or all')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue')
            [CompletionResult]::new('--department', '--department', [CompletionResultType]::ParameterName, 'Department: id, key or name')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only interventions with this tag')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only interventions queued longer ago than this, e.g. 30m, 2h, 1d (counted from queued_at, not from an assignment, which `list`''s WAITING counts an assigned one from)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'With --fix: why, recorded in the events')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once [default: 16, or the run''s own on --resume]')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'At most N actions a second, from 0.001 to 1000000 [default: no limit, or the run''s own on --resume]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Passes at the end of the run over items that failed for a passing reason (5xx, timeouts, retries spent), with their same keys; in a run chosen by filters, a page of the listing that failed so is asked for again as many times [default: 2, or the run''s own on --resume]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Write the journal here [default: a new file in $XDG_STATE_HOME/livectl/runs/]')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Continue the run of this journal (its path, or the run id `livectl runs` shows): only what is left, in-flight items replayed with their keys (with --dry-run: print what is left and send nothing)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--include-away', '--include-away', [CompletionResultType]::ParameterName, 'Give work to named agents who are away or offline, and to a pool''s agents who are away (left out of a spread by default)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change and change nothing')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;runs' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Finished runs too')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;seed' {
            [CompletionResult]::new('--generate', '--generate', [CompletionResultType]::ParameterName, 'Generate synthetic data instead, e.g. interventions=100000,users=20000,days=30,seed=42')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what the file holds and send nothing')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;status' {
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'Whose status: an id, a key, an email, a unique name or `me` (another''s needs an admin''s token)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, recorded on the status event')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;autopilot' {
            [CompletionResult]::new('--grace', '--grace', [CompletionResultType]::ParameterName, 'How long an owner may be offline (or away) before its work moves, such as 90s or 2m (a deactivated owner''s moves at once) [default: 2m]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Where work goes: a pool (@online, @department, @department:NAME) or agents; an owner''s work goes back to the general queue when no agent has room [default: @online]')
            [CompletionResult]::new('--queued', '--queued', [CompletionResultType]::ParameterName, 'Assign from the pool what waited in the general queue longer than this (turns the queued rule on)')
            [CompletionResult]::new('--no-reply', '--no-reply', [CompletionResultType]::ParameterName, 'Move to another agent what waited for a reply longer than this (turns the no-reply rule on)')
            [CompletionResult]::new('--rule', '--rule', [CompletionResultType]::ParameterName, 'The rules, repeated or comma-separated: owner-offline, owner-away, owner-inactive, queued, no-reply [default: owner-offline and owner-inactive, with queued and no-reply when their thresholds are given]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'A TOML file of the same settings (rules, grace, queued, no_reply, to, include_away); flags win over it')
            [CompletionResult]::new('--journal-dir', '--journal-dir', [CompletionResultType]::ParameterName, 'Where the journal of each batch of moves goes [default: the runs directory]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--include-away', '--include-away', [CompletionResultType]::ParameterName, 'Give work to named agents who are away or offline, and to a pool''s agents who are away (left out of a spread by default)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say what it would do; send nothing')
            [CompletionResult]::new('--once', '--once', [CompletionResultType]::ParameterName, 'Look once (catching up on what is stuck), act, and stop; exit 3 when a move failed or was left undone for want of an agent with capacity (as a bulk run with items not done)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;watch' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'States to include: queued, assigned, completed, cancelled, open (queued and assigned) or all')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue')
            [CompletionResult]::new('--department', '--department', [CompletionResultType]::ParameterName, 'Department: id, key or name')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only interventions with this tag')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only interventions queued longer ago than this, e.g. 30m, 2h, 1d (counted from queued_at, not from an assignment, which `list`''s WAITING counts an assigned one from)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;console' {
            [CompletionResult]::new('--department', '--department', [CompletionResultType]::ParameterName, 'Show only this department''s interventions at start (`d` changes it): id, key or name')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Show only this owner''s interventions at start (`o` changes it): an AGENT (id, key, email, unique name or `me`), or `none` for the general queue')
            [CompletionResult]::new('--no-reply', '--no-reply', [CompletionResultType]::ParameterName, 'A user waiting longer than this for an agent''s reply is stuck')
            [CompletionResult]::new('--queued', '--queued', [CompletionResultType]::ParameterName, 'An intervention waiting in the general queue longer than this is stuck')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;agents' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;topics' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;outcomes' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;blocks' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;departments' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;history' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only records at or after this instant: a date (2026-11-01, midnight UTC), an instant with its zone (2026-11-01T08:00:00Z, 2026-11-01T09:00:00+01:00), or a time ago (2d, 1h30m, or as seed files write it: now-2d, now)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only records before this instant (the same forms as --since)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the export to FILE (format from the extension: .csv, .json, .ndjson or none for NDJSON; -o, which must agree with it, for any other name)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every user''s history')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;login' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the token from standard input instead of a hidden prompt')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;logout' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;whoami' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;config' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one setting')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one setting')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the one runs use (the config''s default_profile), as `kubectl config use-context` does')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove one setting')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Print every setting of the profile')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List every profile: its address, workspace, whether a token is stored, and which one runs use now (marked *)')
            [CompletionResult]::new('remove-profile', 'remove-profile', [CompletionResultType]::ParameterValue, 'Remove a profile: its settings and its saved token (`logout` forgets only the token)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'livectl;config;get' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;config;set' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;config;use' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;config;unset' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;config;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;config;profiles' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;config;remove-profile' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;config;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one setting')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one setting')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the one runs use (the config''s default_profile), as `kubectl config use-context` does')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove one setting')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Print every setting of the profile')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List every profile: its address, workspace, whether a token is stored, and which one runs use now (marked *)')
            [CompletionResult]::new('remove-profile', 'remove-profile', [CompletionResultType]::ParameterValue, 'Remove a profile: its settings and its saved token (`logout` forgets only the token)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'livectl;config;help;get' {
            break
        }
        'livectl;config;help;set' {
            break
        }
        'livectl;config;help;use' {
            break
        }
        'livectl;config;help;unset' {
            break
        }
        'livectl;config;help;list' {
            break
        }
        'livectl;config;help;profiles' {
            break
        }
        'livectl;config;help;remove-profile' {
            break
        }
        'livectl;config;help;help' {
            break
        }
        'livectl;api' {
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'The HTTP method (default GET, or POST when fields or --input are given)')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'The HTTP method (default GET, or POST when fields or --input are given)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'A string field, KEY=VALUE: the JSON body of a POST, the query of a GET; KEY[]=VALUE adds to a list')
            [CompletionResult]::new('--raw-field', '--raw-field', [CompletionResultType]::ParameterName, 'A string field, KEY=VALUE: the JSON body of a POST, the query of a GET; KEY[]=VALUE adds to a list')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A typed field: true, false, null and numbers become JSON, @FILE reads the value from a file; otherwise as -f. A number JSON would carry as another (1e-999 as 0.0) is refused')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'A typed field: true, false, null and numbers become JSON, @FILE reads the value from a file; otherwise as -f. A number JSON would carry as another (1e-999 as 0.0) is refused')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'The JSON body from a file (- for stdin); fields then go to the query')
            [CompletionResult]::new('--if-match', '--if-match', [CompletionResultType]::ParameterName, 'Send `If-Match` with this version (an intervention''s `version`)')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Send this `Idempotency-Key` instead of a new random one')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--paginate', '--paginate', [CompletionResultType]::ParameterName, 'Follow `next_cursor` to the last page and print every page''s items as one JSON array')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Print the answer''s status line and headers before its body (an error''s too)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Print the answer''s status line and headers before its body (an error''s too)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;sandbox' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the Live Conversations API from a local database')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print a new bearer token for an agent of a sandbox database')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a sandbox answers at an address (after `sandbox serve ... &` in a script)')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Copy a sandbox database whole, also while it is served')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Delete a sandbox database and start again')
            [CompletionResult]::new('openapi', 'openapi', [CompletionResultType]::ParameterValue, 'Print the OpenAPI document of the API')
            [CompletionResult]::new('seed-schema', 'seed-schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of seed files')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'livectl;sandbox;serve' {
            [CompletionResult]::new('--addr', '--addr', [CompletionResultType]::ParameterName, 'Address to listen on, IP:PORT (or localhost:PORT, or PORT alone for this machine); port 0 picks a free port (the address is printed on stderr)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this machine''s PORT: the same as --addr 127.0.0.1:PORT')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database file [default: $XDG_DATA_HOME/livectl/sandbox.db]')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Load data at start: `demo` for the demo workspace, or a seed FILE (YAML or JSON); without it the sandbox starts empty but for the built-in admin')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Allow at most N requests per second per token (429 beyond)')
            [CompletionResult]::new('--faults', '--faults', [CompletionResultType]::ParameterName, 'Inject faults, e.g. error=0.2,drop=0.05,throttle=0.05,latency=0..50ms,seed=7')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Serve at most N connections at once; one more is answered 503 and closed')
            [CompletionResult]::new('--header-timeout', '--header-timeout', [CompletionResultType]::ParameterName, 'Close a connection whose request head is not whole this long after its first byte')
            [CompletionResult]::new('--idle-timeout', '--idle-timeout', [CompletionResultType]::ParameterName, 'Close a connection with no request in progress after this long')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--idempotency-ignores-body', '--idempotency-ignores-body', [CompletionResultType]::ParameterName, 'Test knob: replay the stored answer for a repeated Idempotency-Key even when the request differs, instead of refusing it with 422 (a broken implementation, to see `livectl conformance` catch it)')
            [CompletionResult]::new('--without-refs', '--without-refs', [CompletionResultType]::ParameterName, 'Test knob: serve the contract as it was before `GET /v1/interventions/refs` (a platform not upgraded yet, to see livectl do without it and `livectl conformance` catch it)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;sandbox;token' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database file [default: $XDG_DATA_HOME/livectl/sandbox.db]')
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'The agent (id, key, email or unique name); the built-in admin when left out')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;sandbox;wait' {
            [CompletionResult]::new('--addr', '--addr', [CompletionResultType]::ParameterName, 'The address the sandbox was told to listen on (`sandbox serve --addr`), IP:PORT or localhost:PORT')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait at most')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database the sandbox was told to serve (`sandbox serve --db`): the one answering must serve it, not another sandbox that held the address already')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;sandbox;backup' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database file [default: $XDG_DATA_HOME/livectl/sandbox.db]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace FILE if it exists')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;sandbox;reset' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database file [default: $XDG_DATA_HOME/livectl/sandbox.db]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;sandbox;openapi' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;sandbox;seed-schema' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;sandbox;help' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the Live Conversations API from a local database')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print a new bearer token for an agent of a sandbox database')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a sandbox answers at an address (after `sandbox serve ... &` in a script)')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Copy a sandbox database whole, also while it is served')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Delete a sandbox database and start again')
            [CompletionResult]::new('openapi', 'openapi', [CompletionResultType]::ParameterValue, 'Print the OpenAPI document of the API')
            [CompletionResult]::new('seed-schema', 'seed-schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of seed files')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'livectl;sandbox;help;serve' {
            break
        }
        'livectl;sandbox;help;token' {
            break
        }
        'livectl;sandbox;help;wait' {
            break
        }
        'livectl;sandbox;help;backup' {
            break
        }
        'livectl;sandbox;help;reset' {
            break
        }
        'livectl;sandbox;help;openapi' {
            break
        }
        'livectl;sandbox;help;seed-schema' {
            break
        }
        'livectl;sandbox;help;help' {
            break
        }
        'livectl;conformance' {
            [CompletionResult]::new('--junit', '--junit', [CompletionResultType]::ParameterName, 'Also write the cases as JUnit XML to FILE, for CI')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--agent-token-stdin', '--agent-token-stdin', [CompletionResultType]::ParameterName, 'Read an agent''s token from standard input, for the role rules (else LIVECTL_AGENT_TOKEN; without either they are skipped)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;completions' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;man' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;version' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;complete' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'States to include: queued, assigned, completed, cancelled, open (queued and assigned) or all')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue')
            [CompletionResult]::new('--department', '--department', [CompletionResultType]::ParameterName, 'Department: id, key or name')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only interventions queued longer ago than this, e.g. 30m, 2h, 1d (counted from queued_at, not from an assignment, which `list`''s WAITING counts an assigned one from)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once [default: 16, or the run''s own on --resume]')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'At most N actions a second, from 0.001 to 1000000 [default: no limit, or the run''s own on --resume]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Passes at the end of the run over items that failed for a passing reason (5xx, timeouts, retries spent), with their same keys; in a run chosen by filters, a page of the listing that failed so is asked for again as many times [default: 2, or the run''s own on --resume]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Write the journal here [default: a new file in $XDG_STATE_HOME/livectl/runs/]')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Continue the run of this journal (its path, or the run id `livectl runs` shows): only what is left, in-flight items replayed with their keys (with --dry-run: print what is left and send nothing)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic: id, key or name (see `livectl topics`)')
            [CompletionResult]::new('--outcome', '--outcome', [CompletionResultType]::ParameterName, 'The outcome: id, key or name (see `livectl outcomes`)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeatable); trimmed and lower-cased, so VIP and vip are one tag, kept once (said on stderr)')
            [CompletionResult]::new('--block', '--block', [CompletionResultType]::ParameterName, 'The block the bot sends to close: id, key or name (see `livectl blocks`), or `none` for no block (not asked for on a terminal)')
            [CompletionResult]::new('--with-tag', '--with-tag', [CompletionResultType]::ParameterName, 'Only interventions with this tag')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile to use [default: the config''s default_profile]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The platform''s API address, e.g. https://live.example.com')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain lines otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns it off too)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON with only these fields (comma-separated; without any, list them)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON through a jq expression (strings print raw), e.g. ''.[].id''; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column''s title (agents'' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change and change nothing')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than the local zone (TZ)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox even when a profile is configured')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than loopback')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'livectl;help' {
            [CompletionResult]::new('queues', 'queues', [CompletionResultType]::ParameterValue, 'Every queue: the general queue and each agent''s My Queue')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List interventions (open ones by default)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one intervention: user, summary, state, owner, timeline, last messages')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Assign a queued intervention (to yourself by default)')
            [CompletionResult]::new('reassign', 'reassign', [CompletionResultType]::ParameterValue, 'Move an assigned intervention to another agent''s My Queue')
            [CompletionResult]::new('return', 'return', [CompletionResultType]::ParameterValue, 'Return an assigned intervention to the general queue')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel the takeover: the user goes back to the bot')
            [CompletionResult]::new('stuck', 'stuck', [CompletionResultType]::ParameterValue, 'Open interventions that need help: owner away, offline or deactivated, user waiting for a reply, queued too long')
            [CompletionResult]::new('runs', 'runs', [CompletionResultType]::ParameterValue, 'Bulk runs left unfinished (killed, stopped, items left), with the command that resumes each')
            [CompletionResult]::new('seed', 'seed', [CompletionResultType]::ParameterValue, 'Load a seed file (YAML or JSON) or generated data through the API, idempotently')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'An agent''s status (online, away, offline): shown, or set (an event on the stream)')
            [CompletionResult]::new('autopilot', 'autopilot', [CompletionResultType]::ParameterValue, 'On-call fixer: moves work off agents who went offline, out of a queue waiting too long')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Live stream of changes (Ctrl-C to stop)')
            [CompletionResult]::new('console', 'console', [CompletionResultType]::ParameterValue, 'Full-screen live view: queues, interventions, stuck ones, events; every action by keys')
            [CompletionResult]::new('agents', 'agents', [CompletionResultType]::ParameterValue, 'The agents')
            [CompletionResult]::new('topics', 'topics', [CompletionResultType]::ParameterValue, 'The topics conversations are completed with')
            [CompletionResult]::new('outcomes', 'outcomes', [CompletionResultType]::ParameterValue, 'The outcomes conversations are completed with')
            [CompletionResult]::new('blocks', 'blocks', [CompletionResultType]::ParameterValue, 'The blocks the bot can send when a takeover completes')
            [CompletionResult]::new('departments', 'departments', [CompletionResultType]::ParameterValue, 'The departments')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'A user''s history: a timeline on a terminal, an export with -o or --out')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Save a profile and its token')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget a profile''s token')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Who the token belongs to')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Read and change the configuration')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'An authenticated request to any endpoint of the API, as `gh api` does')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run a local sandbox of the platform''s API')
            [CompletionResult]::new('conformance', 'conformance', [CompletionResultType]::ParameterValue, 'Check the platform against the contract''s rules: states, roles, idempotency, events, …')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version, as --version does')
            [CompletionResult]::new('complete', 'complete', [CompletionResultType]::ParameterValue, 'Complete an intervention with topic, outcome, tags and closing block')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'livectl;help;queues' {
            break
        }
        'livectl;help;list' {
            break
        }
        'livectl;help;show' {
            break
        }
        'livectl;help;assign' {
            break
        }
        'livectl;help;reassign' {
            break
        }
        'livectl;help;return' {
            break
        }
        'livectl;help;cancel' {
            break
        }
        'livectl;help;stuck' {
            break
        }
        'livectl;help;runs' {
            break
        }
        'livectl;help;seed' {
            break
        }
        'livectl;help;status' {
            break
        }
        'livectl;help;autopilot' {
            break
        }
        'livectl;help;watch' {
            break
        }
        'livectl;help;console' {
            break
        }
        'livectl;help;agents' {
            break
        }
        'livectl;help;topics' {
            break
        }
        'livectl;help;outcomes' {
            break
        }
        'livectl;help;blocks' {
            break
        }
        'livectl;help;departments' {
            break
        }
        'livectl;help;history' {
            break
        }
        'livectl;help;login' {
            break
        }
        'livectl;help;logout' {
            break
        }
        'livectl;help;whoami' {
            break
        }
        'livectl;help;config' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one setting')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one setting')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the one runs use (the config''s default_profile), as `kubectl config use-context` does')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove one setting')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Print every setting of the profile')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List every profile: its address, workspace, whether a token is stored, and which one runs use now (marked *)')
            [CompletionResult]::new('remove-profile', 'remove-profile', [CompletionResultType]::ParameterValue, 'Remove a profile: its settings and its saved token (`logout` forgets only the token)')
            break
        }
        'livectl;help;config;get' {
            break
        }
        'livectl;help;config;set' {
            break
        }
        'livectl;help;config;use' {
            break
        }
        'livectl;help;config;unset' {
            break
        }
        'livectl;help;config;list' {
            break
        }
        'livectl;help;config;profiles' {
            break
        }
        'livectl;help;config;remove-profile' {
            break
        }
        'livectl;help;api' {
            break
        }
        'livectl;help;sandbox' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the Live Conversations API from a local database')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print a new bearer token for an agent of a sandbox database')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a sandbox answers at an address (after `sandbox serve ... &` in a script)')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Copy a sandbox database whole, also while it is served')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Delete a sandbox database and start again')
            [CompletionResult]::new('openapi', 'openapi', [CompletionResultType]::ParameterValue, 'Print the OpenAPI document of the API')
            [CompletionResult]::new('seed-schema', 'seed-schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of seed files')
            break
        }
        'livectl;help;sandbox;serve' {
            break
        }
        'livectl;help;sandbox;token' {
            break
        }
        'livectl;help;sandbox;wait' {
            break
        }
        'livectl;help;sandbox;backup' {
            break
        }
        'livectl;help;sandbox;reset' {
            break
        }
        'livectl;help;sandbox;openapi' {
            break
        }
        'livectl;help;sandbox;seed-schema' {
            break
        }
        'livectl;help;conformance' {
            break
        }
        'livectl;help;completions' {
            break
        }
        'livectl;help;man' {
            break
        }
        'livectl;help;version' {
            break
        }
        'livectl;help;complete' {
            break
        }
        'livectl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
