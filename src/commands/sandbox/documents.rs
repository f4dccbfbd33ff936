//! `livectl sandbox openapi` and `sandbox seed-schema` (hidden): the generated documents
//! committed under docs/, printed as they are.

use super::Ctx;
use crate::error::CliError;

pub fn openapi(ctx: &Ctx) -> Result<(), CliError> {
    let document = livectl_sandbox::http::openapi::document()
        .map_err(|e| CliError::failure(format!("cannot generate the OpenAPI document: {e}")))?;
    ctx.ui.raw(document.as_bytes())
}

pub fn seed_schema(ctx: &Ctx) -> Result<(), CliError> {
    ctx.ui
        .raw(livectl_contract::seed::format::schema().as_bytes())
}
