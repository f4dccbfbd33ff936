//! The typed HTTP client of the Live Conversations API: the transport (timeouts, one retry
//! policy and budget, percent-encoding), the contract's operations, and the event stream.
//! It depends on the contract alone.

mod client;
pub mod error;
pub mod events;
mod lane;
pub mod outage;
pub mod retry;
mod token;
mod transport;

pub use client::{Client, Cursors, EncodedBatch, Endpoint, FULL_PAGE, RawRequest};
pub use error::ClientError;
pub use events::{EventStream, Update};
pub use lane::Lane;
pub use outage::{OUTAGE, Outage};
pub use reqwest::{Method, StatusCode, header::HeaderMap};
pub use token::{Token, masked};
pub use transport::{Answer, Log, Options, RawAnswer, new_key};
