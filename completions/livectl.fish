# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_livectl_global_optspecs
    string join \n profile= api-url= o/output= color= no-input y/yes q/quiet v/verbose utc json= jq= sort= sandbox allow-insecure-http h/help V/version
end

function __fish_livectl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_livectl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_livectl_using_subcommand
    set -l cmd (__fish_livectl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c livectl -n "__fish_livectl_needs_command" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_needs_command" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_needs_command" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_needs_command" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_needs_command" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_needs_command" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_needs_command" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_needs_command" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_needs_command" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_needs_command" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_needs_command" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_needs_command" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_needs_command" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_needs_command" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_needs_command" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "queues" -d 'Every queue: the general queue and each agent\'s My Queue'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "list" -d 'List interventions (open ones by default)'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "show" -d 'Show one intervention: user, summary, state, owner, timeline, last messages'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "assign" -d 'Assign a queued intervention (to yourself by default)'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "reassign" -d 'Move an assigned intervention to another agent\'s My Queue'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "return" -d 'Return an assigned intervention to the general queue'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "cancel" -d 'Cancel the takeover: the user goes back to the bot'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "stuck" -d 'Open interventions that need help: owner away, offline or deactivated, user waiting for a reply, queued too long'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "runs" -d 'Bulk runs left unfinished (killed, stopped, items left), with the command that resumes each'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "seed" -d 'Load a seed file (YAML or JSON) or generated data through the API, idempotently'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "status" -d 'An agent\'s status (online, away, offline): shown, or set (an event on the stream)'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "autopilot" -d 'On-call fixer: moves work off agents who went offline, out of a queue waiting too long'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "watch" -d 'Live stream of changes (Ctrl-C to stop)'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "console" -d 'Full-screen live view: queues, interventions, stuck ones, events; every action by keys'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "agents" -d 'The agents'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "topics" -d 'The topics conversations are completed with'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "outcomes" -d 'The outcomes conversations are completed with'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "blocks" -d 'The blocks the bot can send when a takeover completes'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "departments" -d 'The departments'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "history" -d 'A user\'s history: a timeline on a terminal, an export with -o or --out'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "login" -d 'Save a profile and its token'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "logout" -d 'Forget a profile\'s token'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "whoami" -d 'Who the token belongs to'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "config" -d 'Read and change the configuration'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "api" -d 'An authenticated request to any endpoint of the API, as `gh api` does'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "sandbox" -d 'Run a local sandbox of the platform\'s API'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "conformance" -d 'Check the platform against the contract\'s rules: states, roles, idempotency, events, …'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "man" -d 'Write man pages'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "version" -d 'Print the version, as --version does'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "complete" -d 'Complete an intervention with topic, outcome, tags and closing block'
complete -c livectl -n "__fish_livectl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c livectl -n "__fish_livectl_using_subcommand queues" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand queues" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand queues" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand queues" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand queues" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand queues" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand queues" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand queues" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand queues" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand queues" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand queues" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand queues" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand queues" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand queues" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand queues" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand queues" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand list" -l state -d 'States to include: queued, assigned, completed, cancelled, open (queued and assigned) or all' -r -f -a "queued\t''
assigned\t''
completed\t''
cancelled\t''
open\t''
all\t''"
complete -c livectl -n "__fish_livectl_using_subcommand list" -l owner -l from -d 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue' -r
complete -c livectl -n "__fish_livectl_using_subcommand list" -l department -d 'Department: id, key or name' -r
complete -c livectl -n "__fish_livectl_using_subcommand list" -l tag -d 'Only interventions with this tag' -r
complete -c livectl -n "__fish_livectl_using_subcommand list" -l older-than -d 'Only interventions queued longer ago than this, e.g. 30m, 2h, 1d (counted from queued_at, not from an assignment, which `list`\'s WAITING counts an assigned one from)' -r
complete -c livectl -n "__fish_livectl_using_subcommand list" -l limit -d 'At most this many interventions' -r
complete -c livectl -n "__fish_livectl_using_subcommand list" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand list" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand list" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand list" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand list" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand list" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand list" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand list" -l all -d 'Every matching intervention, page after page'
complete -c livectl -n "__fish_livectl_using_subcommand list" -l watch -d 'Then keep watching: each change to a matching intervention as it happens (a line on a terminal; for scripts, the intervention as it is then, as one more row)'
complete -c livectl -n "__fish_livectl_using_subcommand list" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand list" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand list" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand list" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand list" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand list" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand list" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand list" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand show" -l messages -d 'How many of the last messages to show (in JSON too, as `messages`)' -r
complete -c livectl -n "__fish_livectl_using_subcommand show" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand show" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand show" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand show" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand show" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand show" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand show" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand show" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand show" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand show" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand show" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand show" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand show" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand show" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand show" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l state -d 'States to include: queued, assigned, completed, cancelled, open (queued and assigned) or all' -r -f -a "queued\t''
assigned\t''
completed\t''
cancelled\t''
open\t''
all\t''"
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l owner -l from -d 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue' -r
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l department -d 'Department: id, key or name' -r
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l tag -d 'Only interventions with this tag' -r
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l older-than -d 'Only interventions queued longer ago than this, e.g. 30m, 2h, 1d (counted from queued_at, not from an assignment, which `list`\'s WAITING counts an assigned one from)' -r
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l concurrency -d 'Requests in flight at once [default: 16, or the run\'s own on --resume]' -r
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l rate -d 'At most N actions a second, from 0.001 to 1000000 [default: no limit, or the run\'s own on --resume]' -r
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l retries -d 'Passes at the end of the run over items that failed for a passing reason (5xx, timeouts, retries spent), with their same keys; in a run chosen by filters, a page of the listing that failed so is asked for again as many times [default: 2, or the run\'s own on --resume]' -r
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l journal -d 'Write the journal here [default: a new file in $XDG_STATE_HOME/livectl/runs/]' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l resume -d 'Continue the run of this journal (its path, or the run id `livectl runs` shows): only what is left, in-flight items replayed with their keys (with --dry-run: print what is left and send nothing)' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l to -d 'The agent who will own it: an id, a key, an email, a unique name or `me`; several (repeated, or separated by commas) spread the items evenly, least-loaded first; or a pool (@online, @department, @department:NAME), least loaded first, never above an agent\'s max_load' -r
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l reason -d 'Why, recorded in the event' -r
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand assign" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l dry-run -d 'Print what would change and change nothing'
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l include-away -d 'Give work to named agents who are away or offline, and to a pool\'s agents who are away (left out of a spread by default)'
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand assign" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand assign" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand assign" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand assign" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand assign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand assign" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l state -d 'States to include: queued, assigned, completed, cancelled, open (queued and assigned) or all' -r -f -a "queued\t''
assigned\t''
completed\t''
cancelled\t''
open\t''
all\t''"
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l owner -l from -d 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue' -r
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l department -d 'Department: id, key or name' -r
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l tag -d 'Only interventions with this tag' -r
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l older-than -d 'Only interventions queued longer ago than this, e.g. 30m, 2h, 1d (counted from queued_at, not from an assignment, which `list`\'s WAITING counts an assigned one from)' -r
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l concurrency -d 'Requests in flight at once [default: 16, or the run\'s own on --resume]' -r
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l rate -d 'At most N actions a second, from 0.001 to 1000000 [default: no limit, or the run\'s own on --resume]' -r
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l retries -d 'Passes at the end of the run over items that failed for a passing reason (5xx, timeouts, retries spent), with their same keys; in a run chosen by filters, a page of the listing that failed so is asked for again as many times [default: 2, or the run\'s own on --resume]' -r
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l journal -d 'Write the journal here [default: a new file in $XDG_STATE_HOME/livectl/runs/]' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l resume -d 'Continue the run of this journal (its path, or the run id `livectl runs` shows): only what is left, in-flight items replayed with their keys (with --dry-run: print what is left and send nothing)' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l to -d 'The new owner: an id, a key, an email, a unique name or `me`; several (repeated, or separated by commas) spread the items evenly, least-loaded first. Or a pool: @online, @department (each item\'s own) or @department:NAME, never above an agent\'s max_load (items that fit nowhere stay and are reported)' -r
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l reason -d 'Why, recorded in the event' -r
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l dry-run -d 'Print what would change and change nothing'
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l include-away -d 'Give work to named agents who are away or offline, and to a pool\'s agents who are away (left out of a spread by default)'
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand reassign" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand return" -l state -d 'States to include: queued, assigned, completed, cancelled, open (queued and assigned) or all' -r -f -a "queued\t''
assigned\t''
completed\t''
cancelled\t''
open\t''
all\t''"
complete -c livectl -n "__fish_livectl_using_subcommand return" -l owner -l from -d 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue' -r
complete -c livectl -n "__fish_livectl_using_subcommand return" -l department -d 'Department: id, key or name' -r
complete -c livectl -n "__fish_livectl_using_subcommand return" -l tag -d 'Only interventions with this tag' -r
complete -c livectl -n "__fish_livectl_using_subcommand return" -l older-than -d 'Only interventions queued longer ago than this, e.g. 30m, 2h, 1d (counted from queued_at, not from an assignment, which `list`\'s WAITING counts an assigned one from)' -r
complete -c livectl -n "__fish_livectl_using_subcommand return" -l concurrency -d 'Requests in flight at once [default: 16, or the run\'s own on --resume]' -r
complete -c livectl -n "__fish_livectl_using_subcommand return" -l rate -d 'At most N actions a second, from 0.001 to 1000000 [default: no limit, or the run\'s own on --resume]' -r
complete -c livectl -n "__fish_livectl_using_subcommand return" -l retries -d 'Passes at the end of the run over items that failed for a passing reason (5xx, timeouts, retries spent), with their same keys; in a run chosen by filters, a page of the listing that failed so is asked for again as many times [default: 2, or the run\'s own on --resume]' -r
complete -c livectl -n "__fish_livectl_using_subcommand return" -l journal -d 'Write the journal here [default: a new file in $XDG_STATE_HOME/livectl/runs/]' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand return" -l resume -d 'Continue the run of this journal (its path, or the run id `livectl runs` shows): only what is left, in-flight items replayed with their keys (with --dry-run: print what is left and send nothing)' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand return" -l reason -d 'Why, recorded in the event' -r
complete -c livectl -n "__fish_livectl_using_subcommand return" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand return" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand return" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand return" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand return" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand return" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand return" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand return" -l dry-run -d 'Print what would change and change nothing'
complete -c livectl -n "__fish_livectl_using_subcommand return" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand return" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand return" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand return" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand return" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand return" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand return" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand return" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand return" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l state -d 'States to include: queued, assigned, completed, cancelled, open (queued and assigned) or all' -r -f -a "queued\t''
assigned\t''
completed\t''
cancelled\t''
open\t''
all\t''"
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l owner -l from -d 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue' -r
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l department -d 'Department: id, key or name' -r
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l tag -d 'Only interventions with this tag' -r
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l older-than -d 'Only interventions queued longer ago than this, e.g. 30m, 2h, 1d (counted from queued_at, not from an assignment, which `list`\'s WAITING counts an assigned one from)' -r
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l concurrency -d 'Requests in flight at once [default: 16, or the run\'s own on --resume]' -r
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l rate -d 'At most N actions a second, from 0.001 to 1000000 [default: no limit, or the run\'s own on --resume]' -r
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l retries -d 'Passes at the end of the run over items that failed for a passing reason (5xx, timeouts, retries spent), with their same keys; in a run chosen by filters, a page of the listing that failed so is asked for again as many times [default: 2, or the run\'s own on --resume]' -r
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l journal -d 'Write the journal here [default: a new file in $XDG_STATE_HOME/livectl/runs/]' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l resume -d 'Continue the run of this journal (its path, or the run id `livectl runs` shows): only what is left, in-flight items replayed with their keys (with --dry-run: print what is left and send nothing)' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l reason -d 'Why, recorded in the event' -r
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l dry-run -d 'Print what would change and change nothing'
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand cancel" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l no-reply -d 'A user waiting longer than this for an agent\'s reply is stuck (default 15m)' -r
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l queued -d 'An intervention waiting in the general queue longer than this is stuck (default 30m)' -r
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l fix -d 'Act on what is stuck' -r -f -a "return\t'Back to the general queue (assigned ones)'
cancel\t'Cancel the takeovers'
reassign\t'To the agents named by --to, spread evenly (queued ones are assigned)'"
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l to -d 'With --fix reassign: the agents to move them to (repeated, or separated by commas), or a pool (@online, @department, @department:NAME)' -r
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l rule -d 'Only what is stuck for these reasons, repeated or comma-separated: owner-offline, owner-away, owner-inactive, queued, no-reply (the autopilot\'s rules)' -r
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l state -d 'States to include: queued, assigned, completed, cancelled, open (queued and assigned) or all' -r -f -a "queued\t''
assigned\t''
completed\t''
cancelled\t''
open\t''
all\t''"
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l owner -l from -d 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue' -r
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l department -d 'Department: id, key or name' -r
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l tag -d 'Only interventions with this tag' -r
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l older-than -d 'Only interventions queued longer ago than this, e.g. 30m, 2h, 1d (counted from queued_at, not from an assignment, which `list`\'s WAITING counts an assigned one from)' -r
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l reason -d 'With --fix: why, recorded in the events' -r
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l concurrency -d 'Requests in flight at once [default: 16, or the run\'s own on --resume]' -r
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l rate -d 'At most N actions a second, from 0.001 to 1000000 [default: no limit, or the run\'s own on --resume]' -r
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l retries -d 'Passes at the end of the run over items that failed for a passing reason (5xx, timeouts, retries spent), with their same keys; in a run chosen by filters, a page of the listing that failed so is asked for again as many times [default: 2, or the run\'s own on --resume]' -r
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l journal -d 'Write the journal here [default: a new file in $XDG_STATE_HOME/livectl/runs/]' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l resume -d 'Continue the run of this journal (its path, or the run id `livectl runs` shows): only what is left, in-flight items replayed with their keys (with --dry-run: print what is left and send nothing)' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l include-away -d 'Give work to named agents who are away or offline, and to a pool\'s agents who are away (left out of a spread by default)'
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l dry-run -d 'Print what would change and change nothing'
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand stuck" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand runs" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand runs" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand runs" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand runs" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand runs" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand runs" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand runs" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand runs" -l all -d 'Finished runs too'
complete -c livectl -n "__fish_livectl_using_subcommand runs" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand runs" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand runs" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand runs" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand runs" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand runs" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand runs" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand runs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand runs" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand seed" -l generate -d 'Generate synthetic data instead, e.g. interventions=100000,users=20000,days=30,seed=42' -r
complete -c livectl -n "__fish_livectl_using_subcommand seed" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand seed" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand seed" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand seed" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand seed" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand seed" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand seed" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand seed" -l dry-run -d 'Print what the file holds and send nothing'
complete -c livectl -n "__fish_livectl_using_subcommand seed" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand seed" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand seed" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand seed" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand seed" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand seed" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand seed" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand seed" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand seed" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand status" -l agent -d 'Whose status: an id, a key, an email, a unique name or `me` (another\'s needs an admin\'s token)' -r
complete -c livectl -n "__fish_livectl_using_subcommand status" -l reason -d 'Why, recorded on the status event' -r
complete -c livectl -n "__fish_livectl_using_subcommand status" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand status" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand status" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand status" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand status" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand status" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand status" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand status" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand status" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand status" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand status" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand status" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand status" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand status" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand status" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -l grace -d 'How long an owner may be offline (or away) before its work moves, such as 90s or 2m (a deactivated owner\'s moves at once) [default: 2m]' -r
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -l to -d 'Where work goes: a pool (@online, @department, @department:NAME) or agents; an owner\'s work goes back to the general queue when no agent has room [default: @online]' -r
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -l queued -d 'Assign from the pool what waited in the general queue longer than this (turns the queued rule on)' -r
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -l no-reply -d 'Move to another agent what waited for a reply longer than this (turns the no-reply rule on)' -r
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -l rule -d 'The rules, repeated or comma-separated: owner-offline, owner-away, owner-inactive, queued, no-reply [default: owner-offline and owner-inactive, with queued and no-reply when their thresholds are given]' -r
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -l config -d 'A TOML file of the same settings (rules, grace, queued, no_reply, to, include_away); flags win over it' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -l journal-dir -d 'Where the journal of each batch of moves goes [default: the runs directory]' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -l include-away -d 'Give work to named agents who are away or offline, and to a pool\'s agents who are away (left out of a spread by default)'
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -l dry-run -d 'Say what it would do; send nothing'
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -l once -d 'Look once (catching up on what is stuck), act, and stop; exit 3 when a move failed or was left undone for want of an agent with capacity (as a bulk run with items not done)'
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand autopilot" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand watch" -l state -d 'States to include: queued, assigned, completed, cancelled, open (queued and assigned) or all' -r -f -a "queued\t''
assigned\t''
completed\t''
cancelled\t''
open\t''
all\t''"
complete -c livectl -n "__fish_livectl_using_subcommand watch" -l owner -l from -d 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue' -r
complete -c livectl -n "__fish_livectl_using_subcommand watch" -l department -d 'Department: id, key or name' -r
complete -c livectl -n "__fish_livectl_using_subcommand watch" -l tag -d 'Only interventions with this tag' -r
complete -c livectl -n "__fish_livectl_using_subcommand watch" -l older-than -d 'Only interventions queued longer ago than this, e.g. 30m, 2h, 1d (counted from queued_at, not from an assignment, which `list`\'s WAITING counts an assigned one from)' -r
complete -c livectl -n "__fish_livectl_using_subcommand watch" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand watch" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand watch" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand watch" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand watch" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand watch" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand watch" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand watch" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand watch" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand watch" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand watch" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand watch" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand watch" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand watch" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand watch" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand console" -l department -d 'Show only this department\'s interventions at start (`d` changes it): id, key or name' -r
complete -c livectl -n "__fish_livectl_using_subcommand console" -l owner -d 'Show only this owner\'s interventions at start (`o` changes it): an AGENT (id, key, email, unique name or `me`), or `none` for the general queue' -r
complete -c livectl -n "__fish_livectl_using_subcommand console" -l no-reply -d 'A user waiting longer than this for an agent\'s reply is stuck' -r
complete -c livectl -n "__fish_livectl_using_subcommand console" -l queued -d 'An intervention waiting in the general queue longer than this is stuck' -r
complete -c livectl -n "__fish_livectl_using_subcommand console" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand console" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand console" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand console" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand console" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand console" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand console" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand console" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand console" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand console" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand console" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand console" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand console" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand console" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand console" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand console" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand agents" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand agents" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand agents" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand agents" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand agents" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand agents" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand agents" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand agents" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand agents" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand agents" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand agents" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand agents" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand agents" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand agents" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand agents" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand agents" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand topics" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand topics" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand topics" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand topics" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand topics" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand topics" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand topics" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand topics" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand topics" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand topics" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand topics" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand topics" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand topics" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand topics" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand topics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand topics" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand outcomes" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand outcomes" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand outcomes" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand outcomes" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand outcomes" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand outcomes" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand outcomes" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand outcomes" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand outcomes" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand outcomes" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand outcomes" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand outcomes" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand outcomes" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand outcomes" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand outcomes" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand outcomes" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand blocks" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand blocks" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand blocks" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand blocks" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand blocks" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand blocks" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand blocks" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand blocks" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand blocks" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand blocks" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand blocks" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand blocks" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand blocks" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand blocks" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand blocks" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand blocks" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand departments" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand departments" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand departments" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand departments" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand departments" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand departments" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand departments" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand departments" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand departments" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand departments" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand departments" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand departments" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand departments" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand departments" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand departments" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand departments" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand history" -l since -d 'Only records at or after this instant: a date (2026-11-01, midnight UTC), an instant with its zone (2026-11-01T08:00:00Z, 2026-11-01T09:00:00+01:00), or a time ago (2d, 1h30m, or as seed files write it: now-2d, now)' -r
complete -c livectl -n "__fish_livectl_using_subcommand history" -l until -d 'Only records before this instant (the same forms as --since)' -r
complete -c livectl -n "__fish_livectl_using_subcommand history" -l out -d 'Write the export to FILE (format from the extension: .csv, .json, .ndjson or none for NDJSON; -o, which must agree with it, for any other name)' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand history" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand history" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand history" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand history" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand history" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand history" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand history" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand history" -l all -d 'Every user\'s history'
complete -c livectl -n "__fish_livectl_using_subcommand history" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand history" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand history" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand history" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand history" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand history" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand history" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand history" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand login" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand login" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand login" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand login" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand login" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand login" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand login" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand login" -l token-stdin -d 'Read the token from standard input instead of a hidden prompt'
complete -c livectl -n "__fish_livectl_using_subcommand login" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand login" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand login" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand login" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand login" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand login" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand login" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand login" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand logout" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand logout" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand logout" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand logout" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand logout" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand logout" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand logout" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand logout" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand logout" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand logout" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand logout" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand logout" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand logout" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand logout" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand logout" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand whoami" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand whoami" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand whoami" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand whoami" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand whoami" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand whoami" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand whoami" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand whoami" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand whoami" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand whoami" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand whoami" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand whoami" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand whoami" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand whoami" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand whoami" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand whoami" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -f -a "get" -d 'Print one setting'
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -f -a "set" -d 'Change one setting'
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -f -a "use" -d 'Make a profile the one runs use (the config\'s default_profile), as `kubectl config use-context` does'
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -f -a "unset" -d 'Remove one setting'
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -f -a "list" -d 'Print every setting of the profile'
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -f -a "profiles" -d 'List every profile: its address, workspace, whether a token is stored, and which one runs use now (marked *)'
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -f -a "remove-profile" -d 'Remove a profile: its settings and its saved token (`logout` forgets only the token)'
complete -c livectl -n "__fish_livectl_using_subcommand config; and not __fish_seen_subcommand_from get set use unset list profiles remove-profile help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from get" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from get" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from get" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from get" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from get" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from get" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from get" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from get" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from get" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from get" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from get" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from set" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from set" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from set" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from set" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from set" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from set" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from set" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from set" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from set" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from set" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from use" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from use" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from use" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from use" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from use" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from use" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from use" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from use" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from use" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from use" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from use" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from use" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from use" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from use" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from use" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from unset" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from unset" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from unset" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from unset" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from unset" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from unset" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from unset" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from unset" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from unset" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from unset" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from unset" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from unset" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from unset" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from unset" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from unset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from unset" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from list" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from list" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from list" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from list" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from list" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from list" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from list" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from profiles" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from profiles" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from profiles" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from profiles" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from profiles" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from profiles" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from profiles" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from profiles" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from profiles" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from profiles" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from profiles" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from profiles" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from profiles" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from profiles" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from profiles" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from profiles" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from remove-profile" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from remove-profile" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from remove-profile" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from remove-profile" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from remove-profile" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from remove-profile" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from remove-profile" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from remove-profile" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from remove-profile" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from remove-profile" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from remove-profile" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from remove-profile" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from remove-profile" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from remove-profile" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from remove-profile" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from remove-profile" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print one setting'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change one setting'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "use" -d 'Make a profile the one runs use (the config\'s default_profile), as `kubectl config use-context` does'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "unset" -d 'Remove one setting'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "list" -d 'Print every setting of the profile'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "profiles" -d 'List every profile: its address, workspace, whether a token is stored, and which one runs use now (marked *)'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "remove-profile" -d 'Remove a profile: its settings and its saved token (`logout` forgets only the token)'
complete -c livectl -n "__fish_livectl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c livectl -n "__fish_livectl_using_subcommand api" -s X -l method -d 'The HTTP method (default GET, or POST when fields or --input are given)' -r -f -a "get\t''
post\t''
put\t''
patch\t''
delete\t''"
complete -c livectl -n "__fish_livectl_using_subcommand api" -s f -l raw-field -d 'A string field, KEY=VALUE: the JSON body of a POST, the query of a GET; KEY[]=VALUE adds to a list' -r
complete -c livectl -n "__fish_livectl_using_subcommand api" -s F -l field -d 'A typed field: true, false, null and numbers become JSON, @FILE reads the value from a file; otherwise as -f. A number JSON would carry as another (1e-999 as 0.0) is refused' -r
complete -c livectl -n "__fish_livectl_using_subcommand api" -l input -d 'The JSON body from a file (- for stdin); fields then go to the query' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand api" -l if-match -d 'Send `If-Match` with this version (an intervention\'s `version`)' -r
complete -c livectl -n "__fish_livectl_using_subcommand api" -l idempotency-key -d 'Send this `Idempotency-Key` instead of a new random one' -r
complete -c livectl -n "__fish_livectl_using_subcommand api" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand api" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand api" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand api" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand api" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand api" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand api" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand api" -l paginate -d 'Follow `next_cursor` to the last page and print every page\'s items as one JSON array'
complete -c livectl -n "__fish_livectl_using_subcommand api" -s i -l include -d 'Print the answer\'s status line and headers before its body (an error\'s too)'
complete -c livectl -n "__fish_livectl_using_subcommand api" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand api" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand api" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand api" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand api" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand api" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand api" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand api" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand api" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -f -a "serve" -d 'Serve the Live Conversations API from a local database'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -f -a "token" -d 'Print a new bearer token for an agent of a sandbox database'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -f -a "wait" -d 'Wait until a sandbox answers at an address (after `sandbox serve ... &` in a script)'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -f -a "backup" -d 'Copy a sandbox database whole, also while it is served'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -f -a "reset" -d 'Delete a sandbox database and start again'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -f -a "openapi" -d 'Print the OpenAPI document of the API'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -f -a "seed-schema" -d 'Print the JSON Schema of seed files'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and not __fish_seen_subcommand_from serve token wait backup reset openapi seed-schema help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l addr -d 'Address to listen on, IP:PORT (or localhost:PORT, or PORT alone for this machine); port 0 picks a free port (the address is printed on stderr)' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l port -d 'Listen on this machine\'s PORT: the same as --addr 127.0.0.1:PORT' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l db -d 'The database file [default: $XDG_DATA_HOME/livectl/sandbox.db]' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l seed -d 'Load data at start: `demo` for the demo workspace, or a seed FILE (YAML or JSON); without it the sandbox starts empty but for the built-in admin' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l rate-limit -d 'Allow at most N requests per second per token (429 beyond)' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l faults -d 'Inject faults, e.g. error=0.2,drop=0.05,throttle=0.05,latency=0..50ms,seed=7' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l max-connections -d 'Serve at most N connections at once; one more is answered 503 and closed' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l header-timeout -d 'Close a connection whose request head is not whole this long after its first byte' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l idle-timeout -d 'Close a connection with no request in progress after this long' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l idempotency-ignores-body -d 'Test knob: replay the stored answer for a repeated Idempotency-Key even when the request differs, instead of refusing it with 422 (a broken implementation, to see `livectl conformance` catch it)'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l without-refs -d 'Test knob: serve the contract as it was before `GET /v1/interventions/refs` (a platform not upgraded yet, to see livectl do without it and `livectl conformance` catch it)'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from token" -l db -d 'The database file [default: $XDG_DATA_HOME/livectl/sandbox.db]' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from token" -l agent -d 'The agent (id, key, email or unique name); the built-in admin when left out' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from token" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from token" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from token" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from token" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from token" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from token" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from token" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from token" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from token" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from token" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from token" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from token" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from token" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from token" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from token" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from token" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l addr -d 'The address the sandbox was told to listen on (`sandbox serve --addr`), IP:PORT or localhost:PORT' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l timeout -d 'How long to wait at most' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l db -d 'The database the sandbox was told to serve (`sandbox serve --db`): the one answering must serve it, not another sandbox that held the address already' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from wait" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from backup" -l db -d 'The database file [default: $XDG_DATA_HOME/livectl/sandbox.db]' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from backup" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from backup" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from backup" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from backup" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from backup" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from backup" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from backup" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from backup" -l force -d 'Replace FILE if it exists'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from backup" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from backup" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from backup" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from backup" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from backup" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from backup" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from backup" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from backup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from backup" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l db -d 'The database file [default: $XDG_DATA_HOME/livectl/sandbox.db]' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s y -l yes -d 'Delete without asking'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from openapi" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from openapi" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from openapi" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from openapi" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from openapi" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from openapi" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from openapi" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from openapi" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from openapi" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from openapi" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from openapi" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from openapi" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from openapi" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from openapi" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from openapi" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from openapi" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from seed-schema" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from seed-schema" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from seed-schema" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from seed-schema" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from seed-schema" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from seed-schema" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from seed-schema" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from seed-schema" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from seed-schema" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from seed-schema" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from seed-schema" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from seed-schema" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from seed-schema" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from seed-schema" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from seed-schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from seed-schema" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "serve" -d 'Serve the Live Conversations API from a local database'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "token" -d 'Print a new bearer token for an agent of a sandbox database'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Wait until a sandbox answers at an address (after `sandbox serve ... &` in a script)'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "backup" -d 'Copy a sandbox database whole, also while it is served'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Delete a sandbox database and start again'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "openapi" -d 'Print the OpenAPI document of the API'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "seed-schema" -d 'Print the JSON Schema of seed files'
complete -c livectl -n "__fish_livectl_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c livectl -n "__fish_livectl_using_subcommand conformance" -l junit -d 'Also write the cases as JUnit XML to FILE, for CI' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand conformance" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand conformance" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand conformance" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand conformance" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand conformance" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand conformance" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand conformance" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand conformance" -l agent-token-stdin -d 'Read an agent\'s token from standard input, for the role rules (else LIVECTL_AGENT_TOKEN; without either they are skipped)'
complete -c livectl -n "__fish_livectl_using_subcommand conformance" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand conformance" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand conformance" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand conformance" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand conformance" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand conformance" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand conformance" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand conformance" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand conformance" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand completions" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand completions" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand completions" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand completions" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand completions" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand completions" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand completions" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand completions" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand completions" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand completions" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand completions" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand completions" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand completions" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand completions" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand man" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand man" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand man" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand man" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand man" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand man" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand man" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand man" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand man" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand man" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand man" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand man" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand man" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand man" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand man" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand version" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand version" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand version" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand version" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand version" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand version" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand version" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand version" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand version" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand version" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand version" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand version" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand version" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand version" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand version" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l state -d 'States to include: queued, assigned, completed, cancelled, open (queued and assigned) or all' -r -f -a "queued\t''
assigned\t''
completed\t''
cancelled\t''
open\t''
all\t''"
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l owner -l from -d 'Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue' -r
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l department -d 'Department: id, key or name' -r
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l older-than -d 'Only interventions queued longer ago than this, e.g. 30m, 2h, 1d (counted from queued_at, not from an assignment, which `list`\'s WAITING counts an assigned one from)' -r
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l concurrency -d 'Requests in flight at once [default: 16, or the run\'s own on --resume]' -r
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l rate -d 'At most N actions a second, from 0.001 to 1000000 [default: no limit, or the run\'s own on --resume]' -r
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l retries -d 'Passes at the end of the run over items that failed for a passing reason (5xx, timeouts, retries spent), with their same keys; in a run chosen by filters, a page of the listing that failed so is asked for again as many times [default: 2, or the run\'s own on --resume]' -r
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l journal -d 'Write the journal here [default: a new file in $XDG_STATE_HOME/livectl/runs/]' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l resume -d 'Continue the run of this journal (its path, or the run id `livectl runs` shows): only what is left, in-flight items replayed with their keys (with --dry-run: print what is left and send nothing)' -r -F
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l topic -d 'The topic: id, key or name (see `livectl topics`)' -r
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l outcome -d 'The outcome: id, key or name (see `livectl outcomes`)' -r
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l tag -d 'A tag (repeatable); trimmed and lower-cased, so VIP and vip are one tag, kept once (said on stderr)' -r
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l block -d 'The block the bot sends to close: id, key or name (see `livectl blocks`), or `none` for no block (not asked for on a terminal)' -r
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l with-tag -d 'Only interventions with this tag' -r
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l profile -d 'The profile to use [default: the config\'s default_profile]' -r
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l api-url -d 'The platform\'s API address, e.g. https://live.example.com' -r
complete -c livectl -n "__fish_livectl_using_subcommand complete" -s o -l output -d 'Output format [default: table on a terminal, plain lines otherwise]' -r -f -a "table\t''
wide\t'A table with more columns'
json\t''
ndjson\t''
csv\t''
ids\t''"
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l color -d 'When to use colour (NO_COLOR turns it off too)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l json -d 'Print JSON with only these fields (comma-separated; without any, list them)' -r
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l jq -d 'Filter the JSON through a jq expression (strings print raw), e.g. \'.[].id\'; it reads the whole list, held in memory (for a large export pipe -o ndjson into jq); into a .json file (--out), the list of its outputs' -r
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l sort -d 'Order a list by one of its fields (see --json for the fields; one the table shows by name, such as owner or user, by that name), or by a column\'s title (agents\' FOR is status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first), what has no value last either way; `list --sort F --limit N` reads every match and gives the first N by F' -r
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l dry-run -d 'Print what would change and change nothing'
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l no-input -d 'Never prompt; a missing value is an error'
complete -c livectl -n "__fish_livectl_using_subcommand complete" -s y -l yes -d 'Answer yes to confirmations'
complete -c livectl -n "__fish_livectl_using_subcommand complete" -s q -l quiet -d 'Print only data and errors'
complete -c livectl -n "__fish_livectl_using_subcommand complete" -s v -l verbose -d 'Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown'
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l utc -d 'Show times in UTC rather than the local zone (TZ)'
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l sandbox -d 'Use the embedded sandbox even when a profile is configured'
complete -c livectl -n "__fish_livectl_using_subcommand complete" -l allow-insecure-http -d 'Allow plain http:// to hosts other than loopback'
complete -c livectl -n "__fish_livectl_using_subcommand complete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c livectl -n "__fish_livectl_using_subcommand complete" -s V -l version -d 'Print version'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "queues" -d 'Every queue: the general queue and each agent\'s My Queue'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "list" -d 'List interventions (open ones by default)'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "show" -d 'Show one intervention: user, summary, state, owner, timeline, last messages'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "assign" -d 'Assign a queued intervention (to yourself by default)'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "reassign" -d 'Move an assigned intervention to another agent\'s My Queue'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "return" -d 'Return an assigned intervention to the general queue'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "cancel" -d 'Cancel the takeover: the user goes back to the bot'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "stuck" -d 'Open interventions that need help: owner away, offline or deactivated, user waiting for a reply, queued too long'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "runs" -d 'Bulk runs left unfinished (killed, stopped, items left), with the command that resumes each'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "seed" -d 'Load a seed file (YAML or JSON) or generated data through the API, idempotently'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "status" -d 'An agent\'s status (online, away, offline): shown, or set (an event on the stream)'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "autopilot" -d 'On-call fixer: moves work off agents who went offline, out of a queue waiting too long'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "watch" -d 'Live stream of changes (Ctrl-C to stop)'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "console" -d 'Full-screen live view: queues, interventions, stuck ones, events; every action by keys'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "agents" -d 'The agents'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "topics" -d 'The topics conversations are completed with'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "outcomes" -d 'The outcomes conversations are completed with'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "blocks" -d 'The blocks the bot can send when a takeover completes'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "departments" -d 'The departments'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "history" -d 'A user\'s history: a timeline on a terminal, an export with -o or --out'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "login" -d 'Save a profile and its token'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "logout" -d 'Forget a profile\'s token'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "whoami" -d 'Who the token belongs to'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "config" -d 'Read and change the configuration'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "api" -d 'An authenticated request to any endpoint of the API, as `gh api` does'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "sandbox" -d 'Run a local sandbox of the platform\'s API'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "conformance" -d 'Check the platform against the contract\'s rules: states, roles, idempotency, events, …'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "completions" -d 'Print a shell completion script'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "man" -d 'Write man pages'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "version" -d 'Print the version, as --version does'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "complete" -d 'Complete an intervention with topic, outcome, tags and closing block'
complete -c livectl -n "__fish_livectl_using_subcommand help; and not __fish_seen_subcommand_from queues list show assign reassign return cancel stuck runs seed status autopilot watch console agents topics outcomes blocks departments history login logout whoami config api sandbox conformance completions man version complete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c livectl -n "__fish_livectl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "get" -d 'Print one setting'
complete -c livectl -n "__fish_livectl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Change one setting'
complete -c livectl -n "__fish_livectl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "use" -d 'Make a profile the one runs use (the config\'s default_profile), as `kubectl config use-context` does'
complete -c livectl -n "__fish_livectl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "unset" -d 'Remove one setting'
complete -c livectl -n "__fish_livectl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "list" -d 'Print every setting of the profile'
complete -c livectl -n "__fish_livectl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "profiles" -d 'List every profile: its address, workspace, whether a token is stored, and which one runs use now (marked *)'
complete -c livectl -n "__fish_livectl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "remove-profile" -d 'Remove a profile: its settings and its saved token (`logout` forgets only the token)'
complete -c livectl -n "__fish_livectl_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "serve" -d 'Serve the Live Conversations API from a local database'
complete -c livectl -n "__fish_livectl_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "token" -d 'Print a new bearer token for an agent of a sandbox database'
complete -c livectl -n "__fish_livectl_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "wait" -d 'Wait until a sandbox answers at an address (after `sandbox serve ... &` in a script)'
complete -c livectl -n "__fish_livectl_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "backup" -d 'Copy a sandbox database whole, also while it is served'
complete -c livectl -n "__fish_livectl_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "reset" -d 'Delete a sandbox database and start again'
complete -c livectl -n "__fish_livectl_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "openapi" -d 'Print the OpenAPI document of the API'
complete -c livectl -n "__fish_livectl_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "seed-schema" -d 'Print the JSON Schema of seed files'
