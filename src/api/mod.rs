//! The Live Conversations API v1: its model types and ids, shared by the client and the sandbox,
//! and the typed client.

pub mod client;
pub mod error;
pub mod ids;
pub mod models;
pub mod retry;

pub use client::{ActionBody, Client, Post};
pub use error::ClientError;
