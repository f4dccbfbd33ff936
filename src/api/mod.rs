//! The Live Conversations API v1: its model types and ids, shared by the client and the sandbox.

pub mod ids;
pub mod models;
