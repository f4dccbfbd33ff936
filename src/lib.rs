//! livectl: a command-line administration tool for the live agents of a chatbot platform.
//!
//! The layers, each depending only on those below it (ARCHITECTURE.md; checked by
//! tests/it/architecture.rs): `cli` → `commands` → `usecases` → the client crate and `ui` →
//! `model` → the contract crate. The sandbox crate is used only by `embedded` (the default with
//! no platform configured) and `commands::sandbox`.

pub mod cli;
pub mod commands;
pub mod completion;
pub mod config;
pub mod connect;
pub mod embedded;
pub mod error;
pub mod files;
pub mod model;
pub mod signals;
pub mod ui;
pub mod usecases;
