//! livectl: a command-line administration tool for the live agents of a chatbot platform, and a
//! sandbox of the platform's API.

pub mod api;
pub mod bulk;
pub mod cli;
pub mod commands;
pub mod completion;
pub mod config;
pub mod connect;
pub mod error;
pub mod output;
pub mod sandbox;
pub mod seed;
