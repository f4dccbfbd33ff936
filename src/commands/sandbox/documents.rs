//! `livectl sandbox openapi` and `sandbox seed-schema` (hidden): the generated documents
//! committed under docs/, printed as they are, or shaped by `--json` and `--jq` when given
//! (both were ignored, the whole document printed with exit 0).

use super::Ctx;
use crate::error::CliError;

pub fn openapi(ctx: &Ctx) -> Result<(), CliError> {
    let document = livectl_sandbox::http::openapi::document()
        .map_err(|e| CliError::failure(format!("cannot generate the OpenAPI document: {e}")))?;
    print(ctx, &document)
}

pub fn seed_schema(ctx: &Ctx) -> Result<(), CliError> {
    print(ctx, &livectl_contract::seed::format::schema())
}

fn print(ctx: &Ctx, document: &str) -> Result<(), CliError> {
    if !ctx.ui.shape.is_json() {
        return ctx.ui.raw(document.as_bytes());
    }
    let value: serde_json::Value = serde_json::from_str(document)
        .map_err(|e| CliError::failure(format!("cannot read the generated document: {e}")))?;
    ctx.ui.json(&value)
}
