//! The Live Conversations API v1, the contract livectl owns: resources and ids, the one
//! `Action` type, the intervention query, the table of limits, problems, batches and the seed
//! document. The client and the sandbox both depend on this crate, and on nothing of each other.

#[macro_use]
mod words;

pub mod action;
pub mod batch;
pub mod duration;
pub mod health;
pub mod ids;
pub mod limits;
pub mod models;
pub mod openapi;
pub mod problem;
pub mod query;
pub mod requests;
pub mod seed;
pub mod status;
pub mod time;
pub mod token;
mod written;

pub use action::{Action, ActionKind, Permission, Refusal, Refused};
pub use batch::*;
pub use ids::Kind;
pub use limits::Limit;
pub use models::*;
pub use problem::*;
pub use query::*;
pub use requests::*;
pub use status::{EVENTS_AFTER, StatusEvent, StatusRequest, StreamEvent};
