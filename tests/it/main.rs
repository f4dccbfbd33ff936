//! Integration tests: the real `livectl` binary, over real HTTP, in an isolated HOME.

mod architecture;
mod bulk;
mod bulk_journal;
mod cli_config;
mod cli_embedded;
mod cli_errors;
mod cli_interactive;
mod cli_output;
mod cli_pipe;
mod generated;
mod harness;
mod openapi;
mod sandbox_bad_input;
mod sandbox_demo;
mod sandbox_durability;
mod sandbox_events;
mod sandbox_faults;
mod sandbox_idempotency;
mod sandbox_pagination;
mod sandbox_roles;
mod sandbox_transitions;
mod seed;
mod seed_limits;
