//! `livectl api PATH`: an authenticated request to any endpoint of the API, as `gh api` does,
//! with the run's profile, retry policy and idempotency keys.

use std::path::PathBuf;
use std::str::FromStr;

use clap::{Args, ValueEnum};
use livectl_client::{Endpoint, HeaderMap, Method, Options, RawRequest, StatusCode};
use livectl_contract::{Limit, ProblemCode};
use serde_json::{Map, Value};

use super::Ctx;
use crate::error::CliError;

#[derive(Debug, Args)]
pub struct ApiArgs {
    /// The endpoint under /v1/, with a query if you like, e.g. /v1/interventions?state=queued
    /// (or interventions?state=queued, relative to /v1/)
    #[arg(value_name = "PATH")]
    pub path: ApiPath,
    /// The HTTP method (default GET, or POST when fields or --input are given)
    #[arg(short = 'X', long, value_enum, ignore_case = true)]
    pub method: Option<HttpMethod>,
    /// A string field, KEY=VALUE: the JSON body of a POST, the query of a GET; KEY[]=VALUE adds
    /// to a list
    #[arg(short = 'f', long = "raw-field", value_name = "KEY=VALUE")]
    pub raw_fields: Vec<Field>,
    /// A typed field: true, false, null and numbers become JSON, @FILE reads the value from a
    /// file; otherwise as -f. A number JSON would carry as another (1e-999 as 0.0) is refused
    #[arg(short = 'F', long = "field", value_name = "KEY=VALUE")]
    pub fields: Vec<Field>,
    /// The JSON body from a file (- for stdin); fields then go to the query
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Follow `next_cursor` to the last page and print every page's items as one JSON array
    #[arg(long, conflicts_with = "include")]
    pub paginate: bool,
    /// Print the answer's status line and headers before its body (an error's too)
    #[arg(short = 'i', long)]
    pub include: bool,
    /// Send `If-Match` with this version (an intervention's `version`)
    #[arg(long, value_name = "VERSION", value_parser = version, allow_negative_numbers = true)]
    pub if_match: Option<i64>,
    /// Send this `Idempotency-Key` instead of a new random one
    #[arg(long, value_name = "KEY", value_parser = key)]
    pub idempotency_key: Option<String>,
}

/// `--if-match`: any whole number, sent as given (`api` is for trying the platform, a version
/// it has no such intervention at included), said in words when it is none (it said "number
/// too large to fit in target type").
fn version(s: &str) -> Result<i64, String> {
    s.trim().parse().map_err(|_| {
        format!("`{s}` is not a whole number that fits a version; give one such as 3 (an intervention's `version`)")
    })
}

fn key(s: &str) -> Result<String, String> {
    livectl_contract::limits::idempotency_key(s)?;
    Ok(s.to_owned())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HttpMethod {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl HttpMethod {
    fn method(self) -> Method {
        match self {
            HttpMethod::Get => Method::GET,
            HttpMethod::Post => Method::POST,
            HttpMethod::Put => Method::PUT,
            HttpMethod::Patch => Method::PATCH,
            HttpMethod::Delete => Method::DELETE,
        }
    }

    /// Whether the fields of this method travel in the query rather than a body.
    fn fields_in_query(self) -> bool {
        matches!(self, HttpMethod::Get | HttpMethod::Delete)
    }
}

/// A path of the API: `/v1/…` (the leading slash may be left out, and then `v1/` too),
/// segments percent-decoded, with its query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiPath {
    pub segments: Vec<String>,
    pub query: Vec<(String, String)>,
}

impl FromStr for ApiPath {
    type Err = String;

    fn from_str(s: &str) -> Result<ApiPath, String> {
        const RIGHT: &str = "give a path of the API such as /v1/interventions or /v1/queues";
        if s.contains('#') || s.chars().any(char::is_control) || s.contains(' ') {
            return Err(format!(
                "a path holds no spaces, control characters or `#`; {RIGHT}"
            ));
        }
        if s.contains("://") {
            return Err(format!(
                "give the path alone: the address is the profile's (or --api-url); {RIGHT}"
            ));
        }
        let (path, query) = s.split_once('?').unwrap_or((s, ""));
        // Without its leading slash a path may be relative to /v1/ (`queues`), as `gh api`
        // takes one relative to its API; with it, it is the server's (`/v1/queues`).
        let relative = !path.starts_with('/');
        let path = path.strip_prefix('/').unwrap_or(path);
        let path = path.strip_suffix('/').unwrap_or(path);
        let mut segments = Vec::new();
        for raw in path.split('/') {
            let segment = percent_encoding::percent_decode_str(raw)
                .decode_utf8()
                .map_err(|_| format!("`{raw}` does not decode to UTF-8 text; {RIGHT}"))?
                .into_owned();
            if segment.is_empty() || segment == "." || segment == ".." || segment.contains('/') {
                return Err(format!(
                    "the path has an empty, `.` or `..` segment; {RIGHT}"
                ));
            }
            segments.push(segment);
        }
        if relative && segments.first().map(String::as_str) != Some("v1") {
            segments.insert(0, "v1".to_owned());
        }
        if segments.first().map(String::as_str) != Some("v1") || segments.len() < 2 {
            return Err(format!("the path is outside /v1/; {RIGHT}"));
        }
        if segments == ["v1", "events"] {
            return Err(
                "/v1/events is a stream that never ends; follow it with `livectl watch --json`"
                    .into(),
            );
        }
        let query = url::form_urlencoded::parse(query.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        Ok(ApiPath { segments, query })
    }
}

/// One `-f`/`-F` field: its key, whether it adds to a list (`KEY[]`), and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub key: String,
    pub list: bool,
    pub value: String,
}

impl FromStr for Field {
    type Err = String;

    fn from_str(s: &str) -> Result<Field, String> {
        let Some((key, value)) = s.split_once('=') else {
            return Err(format!(
                "`{s}` has no `=`; give KEY=VALUE, e.g. reason=handover"
            ));
        };
        let (key, list) = match key.strip_suffix("[]") {
            Some(key) => (key, true),
            None => (key, false),
        };
        if key.is_empty() || key.chars().any(|c| c.is_control() || "[]=".contains(c)) {
            return Err(format!(
                "`{s}` has no usable KEY before `=`; give KEY=VALUE, e.g. reason=handover"
            ));
        }
        Ok(Field {
            key: key.to_owned(),
            list,
            value: value.to_owned(),
        })
    }
}

impl Field {
    /// The value as text (`-f`).
    fn text(&self) -> Value {
        Value::String(self.value.clone())
    }

    /// The value typed (`-F`): a literal, a number, a file's content, or text.
    fn typed(&self) -> Result<Value, CliError> {
        let too_large = || {
            CliError::usage(format!(
                "-F {k}={v}: the number is too large to send exactly; -f {k}={v} sends it as text",
                k = self.key,
                v = self.value
            ))
        };
        Ok(match self.value.as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            "null" => Value::Null,
            v if v.starts_with('@') => {
                let path = &v[1..];
                let what = format!("{path} for field {}", self.key);
                let text = std::fs::File::open(path)
                    .map_err(|e| {
                        CliError::usage(format!("cannot read {what}: {e}; nothing was sent"))
                    })
                    .and_then(|file| body_text(file, &what))?;
                Value::String(text)
            }
            // An integer beyond JSON's (i64) would go out as a float that is not it.
            v if v
                .strip_prefix('-')
                .unwrap_or(v)
                .bytes()
                .all(|b| b.is_ascii_digit())
                && v.parse::<i64>().is_err()
                && v.len() > 1 =>
            {
                return Err(too_large());
            }
            v => match v.parse::<i64>() {
                Ok(n) => Value::from(n),
                Err(_) => match v.parse::<f64>() {
                    // A double is written as the shortest text that reads back as it: sent
                    // only when that text is the number given (`1.50`, `1e2`), not one it was
                    // rounded to (`1e-999` is 0.0, `1.00000000000000000001` is 1.0).
                    Ok(f) if f.is_finite() => {
                        let sent = Value::from(f);
                        if decimal(v) != decimal(&sent.to_string()) {
                            return Err(CliError::usage(format!(
                                "-F {k}={v}: the number cannot be sent exactly: it would go out as {sent}; -f {k}={v} sends it as text",
                                k = self.key,
                            )));
                        }
                        sent
                    }
                    // `1e999`: a number, beyond any JSON can carry (it went out as text).
                    Ok(f) if !v.to_ascii_lowercase().contains("inf") && !f.is_nan() => {
                        return Err(too_large());
                    }
                    _ => self.text(),
                },
            },
        })
    }
}

/// A decimal number's value, whatever its spelling: its sign, its significant digits and the
/// power of ten after them (`-1.50e2` and `-150` are both `(true, "15", 1)`; zero is
/// `(false, "", 0)`). None when it is not a decimal, or its exponent is beyond any double.
fn decimal(text: &str) -> Option<(bool, String, i128)> {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (mantissa, exponent) = text.split_once(['e', 'E']).unwrap_or((text, "0"));
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = format!("{int}{frac}");
    let significant = digits.trim_start_matches('0').trim_end_matches('0');
    if significant.is_empty() {
        return Some((false, String::new(), 0));
    }
    let trailing = digits.len() - digits.trim_end_matches('0').len();
    let power = exponent.parse::<i128>().ok()? - i128::try_from(frac.len()).ok()?
        + i128::try_from(trailing).ok()?;
    Some((negative, significant.to_owned(), power))
}

pub async fn exec(args: ApiArgs, ctx: &Ctx) -> Result<(), CliError> {
    let mut request = request(&args)?;
    // A change's key is made here rather than by the transport, so a change with no answer
    // can say it: sent again with it, the platform does it at most once (a plain retry sent a
    // new key, and a change done meanwhile was refused 409: automation check).
    if args.sent_method() != HttpMethod::Get && request.options.idempotency_key.is_none() {
        request.options.idempotency_key = Some(livectl_client::new_key());
    }
    let key = request.options.idempotency_key.clone();
    let refused = |e: livectl_client::ClientError, args: &ApiArgs| refused(e, args, key.as_deref());
    let client = ctx.client().await?;
    if args.paginate {
        let items = paginate(client, request).await?;
        return ctx.ui.json(&Value::Array(items));
    }
    // What an answer to a change is printed with cannot undo the change: said so.
    let printed = |result: Result<(), CliError>| match args.sent_method() {
        HttpMethod::Get => result,
        method => result.map_err(|e| {
            e.after_change(&format!(
                "the {} was sent and done all the same",
                method.method()
            ))
        }),
    };
    if !args.include {
        let answer = client.send(&request).await.map_err(|e| refused(e, &args))?;
        return printed(print_body(ctx, &answer.body));
    }
    // -i shows the answer whatever its status, then fails as without it.
    let (answer, error) = match client.send_answered(&request).await {
        Ok(answer) => ((answer.status, answer.headers, answer.body), None),
        Err((error, Some(raw))) => ((raw.status, raw.headers, raw.body), Some(error)),
        Err((error, None)) => return Err(refused(error, &args)),
    };
    let (status, headers, body) = &answer;
    let shown = status_and_headers(*status, headers)
        .iter()
        .try_for_each(|line| ctx.ui.line(line))
        .and_then(|()| print_body(ctx, body));
    // The platform's error is the run's, whether or not the reader took all of it (`| head`).
    match error {
        Some(error) => Err(refused(error, &args)),
        None => printed(shown),
    }
}

/// The platform's refusal of the user's request. The request is the user's, field by field:
/// the platform's problem with one of its values is a value given wrong (exit 2), as
/// livectl's own checks say it, and a refusal changes nothing. Elsewhere such a problem is
/// livectl's request going wrong (exit 1).
fn of_the_request(error: livectl_client::ClientError) -> CliError {
    let given_wrong = matches!(
        error.code(),
        Some(
            ProblemCode::ValidationFailed | ProblemCode::BadRequest | ProblemCode::MethodNotAllowed
        )
    );
    let mut error = CliError::from(error);
    if given_wrong {
        error.kind = crate::error::ErrorKind::Usage;
    }
    error
}

/// The platform's refusal as the run's error; a GET the path does not take, when the method
/// was left to livectl, hints at `-X` (an action is a POST whose body may be empty).
fn refused(error: livectl_client::ClientError, args: &ApiArgs, key: Option<&str>) -> CliError {
    let implied = args.method.is_none();
    let sent = args.sent_method();
    let not_allowed = error.status() == Some(405);
    let unanswered = error.unanswered();
    let error = of_the_request(error);
    match key {
        // Sent and not answered: it may be done; the same key makes sending it again safe.
        Some(key) if unanswered => error.unsure_with(&format!(
            "it may have been done: send it again with --idempotency-key {key}, and the platform does it at most once"
        )),
        _ if not_allowed && implied && sent == HttpMethod::Get => {
            error.hint("give the method with -X, such as -X POST for an action")
        }
        // Fields make a POST, as with `gh api`; a listing's filters are a GET's query.
        _ if not_allowed && implied && sent == HttpMethod::Post => error.hint(
            "fields make a POST, as with gh api; give -X GET to send them as the query",
        ),
        _ => error,
    }
}

/// The request the arguments describe, checked whole before anything is sent.
impl ApiArgs {
    /// The method sent: -X, else POST when a body or fields are given, else GET.
    fn sent_method(&self) -> HttpMethod {
        let body_given = self.input.is_some();
        let fields_given = !self.fields.is_empty() || !self.raw_fields.is_empty();
        self.method.unwrap_or(if body_given || fields_given {
            HttpMethod::Post
        } else {
            HttpMethod::Get
        })
    }
}

fn request(args: &ApiArgs) -> Result<RawRequest, CliError> {
    let body_given = args.input.is_some();
    let fields_given = !args.fields.is_empty() || !args.raw_fields.is_empty();
    let method = args.sent_method();
    if args.paginate && method != HttpMethod::Get {
        return Err(CliError::usage(format!(
            "--paginate reads lists, which take GET, not {}; nothing was sent",
            method.method()
        )));
    }
    if body_given && method.fields_in_query() {
        return Err(CliError::usage(format!(
            "--input is a body, which {} does not take; nothing was sent",
            method.method()
        ))
        .hint("give -X POST, or leave out --input"));
    }
    let mut fields = Map::new();
    for field in &args.raw_fields {
        add(&mut fields, field, field.text())?;
    }
    for field in &args.fields {
        add(&mut fields, field, field.typed()?)?;
    }
    let mut query = args.path.query.clone();
    let body = match (&args.input, method.fields_in_query()) {
        (Some(path), _) => {
            query.extend(fields.iter().flat_map(query_pairs));
            Some(read_body(path)?)
        }
        (None, true) => {
            query.extend(fields.iter().flat_map(query_pairs));
            None
        }
        (None, false) => Some(Value::Object(fields)).filter(|_| fields_given),
    };
    Ok(RawRequest {
        method: method.method(),
        endpoint: Endpoint::Path(args.path.segments.clone()),
        query,
        body,
        options: Options {
            idempotency_key: args.idempotency_key.clone(),
            if_match: args.if_match,
        },
    })
}

fn add(fields: &mut Map<String, Value>, field: &Field, value: Value) -> Result<(), CliError> {
    let clash = || {
        CliError::usage(format!(
            "field `{}` is given both as a value and as a list ({}[]); give one form",
            field.key, field.key
        ))
    };
    if field.list {
        match fields
            .entry(field.key.clone())
            .or_insert_with(|| Value::Array(Vec::new()))
        {
            Value::Array(items) => items.push(value),
            _ => return Err(clash()),
        }
    } else if fields.insert(field.key.clone(), value).is_some() {
        return Err(CliError::usage(format!(
            "field `{}` is given twice; give it once, or as {}[]=VALUE for a list",
            field.key, field.key
        )));
    }
    Ok(())
}

/// A field as query parameters: text as it is, other values as JSON, a list as repeats.
fn query_pairs((key, value): (&String, &Value)) -> Vec<(String, String)> {
    let one = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match value {
        Value::Array(items) => items.iter().map(|v| (key.clone(), one(v))).collect(),
        v => vec![(key.clone(), one(v))],
    }
}

/// The text of what `what` names, read no further than a request body may be (a name such as
/// `/dev/zero` is never read into memory without an end).
fn body_text(reader: impl std::io::Read, what: &str) -> Result<String, CliError> {
    use livectl_contract::limits::{Unread, bytes_said, read_text_at_most};
    let most = Limit::BodyBytes.max() as u64;
    read_text_at_most(reader, most).map_err(|why| {
        CliError::usage(match why {
            Unread::Io(e) => format!("cannot read {what}: {e}; nothing was sent"),
            Unread::TooLarge => format!(
                "{what} is larger than the {} a request body may be; nothing was sent",
                bytes_said(most)
            ),
            Unread::NotText => format!("{what} is not UTF-8 text; nothing was sent"),
        })
    })
}

fn read_body(path: &PathBuf) -> Result<Value, CliError> {
    let name = path.display().to_string();
    let what = format!("--input {name}");
    let text = if name == "-" {
        body_text(std::io::stdin().lock(), &what)
    } else {
        std::fs::File::open(path)
            .map_err(|e| CliError::usage(format!("cannot read {what}: {e}; nothing was sent")))
            .and_then(|file| body_text(file, &what))
    }?;
    serde_json::from_str(&text).map_err(|e| {
        CliError::usage(format!("--input {name} is not JSON: {e}; nothing was sent"))
            .hint("the body is one JSON value, e.g. {\"reason\": \"handover\"}")
    })
}

/// Every item of a list, page after page.
async fn paginate(
    client: &livectl_client::Client,
    request: RawRequest,
) -> Result<Vec<Value>, CliError> {
    let mut items = Vec::new();
    let mut cursor: Option<String> = None;
    let mut cursors = livectl_client::Cursors::default();
    loop {
        let mut page = request.clone();
        if let Some(cursor) = &cursor {
            page.query.retain(|(k, _)| k != "cursor");
            page.query.push(("cursor".into(), cursor.clone()));
        }
        // A later page's refusal is of livectl's cursor, not of what the user gave.
        let answer = client.send(&page).await.map_err(|e| match cursor {
            None => of_the_request(e),
            Some(_) => CliError::from(e),
        })?;
        let value: Value = serde_json::from_slice(&answer.body).unwrap_or(Value::Null);
        let Some(Value::Array(got)) = value.get("items") else {
            return Err(CliError::usage(
                "--paginate follows lists, and this answer is not one (it has no `items`)",
            )
            .hint("leave out --paginate for a single resource"));
        };
        items.extend(got.iter().cloned());
        let next = value.get("next_cursor").and_then(Value::as_str);
        match cursors.next(client.base(), next.map(str::to_owned))? {
            Some(next) => cursor = Some(next),
            None => return Ok(items),
        }
    }
}

/// The status line, a line per header and an empty line, as HTTP writes them.
fn status_and_headers(status: StatusCode, headers: &HeaderMap) -> Vec<String> {
    let reason = status.canonical_reason().unwrap_or("");
    std::iter::once(format!("HTTP {} {reason}", status.as_u16()))
        .chain(headers.iter().map(|(name, value)| {
            let value = String::from_utf8_lossy(value.as_bytes());
            format!("{name}: {}", livectl_client::masked(&value))
        }))
        .chain(std::iter::once(String::new()))
        .collect()
}

fn print_body(ctx: &Ctx, body: &[u8]) -> Result<(), CliError> {
    if body.is_empty() {
        return Ok(());
    }
    // A platform may echo the request's headers: the token is never printed.
    let masked = match livectl_client::masked(&String::from_utf8_lossy(body)) {
        std::borrow::Cow::Owned(text) => Some(text.into_bytes()),
        std::borrow::Cow::Borrowed(_) => None,
    };
    let body = masked.as_deref().unwrap_or(body);
    match serde_json::from_slice::<Value>(body) {
        Ok(value) => ctx.ui.json(&value),
        // Nothing to shape: said, rather than the text passed off as the shaped output.
        Err(e) if ctx.ui.shape.is_json() => Err(CliError::failure(format!(
            "the answer is not JSON ({e}), so --json and --jq cannot shape it"
        ))
        .hint("leave out --json and --jq to see it as it came")),
        Err(_) => ctx.ui.outside_text(body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn paths_stay_under_v1() {
        let ok: ApiPath = "/v1/interventions/iv_1?state=queued&state=assigned"
            .parse()
            .unwrap();
        assert_eq!(ok.segments, ["v1", "interventions", "iv_1"]);
        assert_eq!(ok.query.len(), 2);
        assert_eq!(
            "v1/agents/".parse::<ApiPath>().unwrap().segments,
            ["v1", "agents"]
        );
        assert_eq!(
            "/v1/users/a%20b".parse::<ApiPath>().unwrap().segments,
            ["v1", "users", "a b"]
        );
        // Relative to /v1/ without the leading slash, as `gh api repos/…` (the new-user check:
        // `livectl api queues` was refused as outside /v1/).
        let relative: ApiPath = "queues?x=1".parse().unwrap();
        assert_eq!(
            (relative.segments, relative.query.len()),
            (vec!["v1".to_owned(), "queues".to_owned()], 1)
        );
        for bad in [
            "/queues",
            "v1",
            "events",
            "../admin",
            "",
            "/v2/x",
            "/",
            "/v1",
            "/v1/../admin",
            "/v1//x",
            "/v1/a%2Fb",
            "http://evil/v1/x",
            "/v1/x#y",
            "/v1/events",
            "/v1/%ff",
        ] {
            assert!(bad.parse::<ApiPath>().is_err(), "{bad} was taken");
        }
    }

    #[test]
    fn fields_need_a_key_and_an_equals_sign() {
        let f: Field = "tags[]=vip".parse().unwrap();
        assert!(f.list && f.key == "tags" && f.value == "vip");
        let f: Field = "reason=a=b".parse().unwrap();
        assert_eq!(f.value, "a=b");
        for bad in ["reason", "=x", "[]=x", "a[b=x"] {
            assert!(bad.parse::<Field>().is_err(), "{bad} was taken");
        }
    }

    #[test]
    fn typed_fields_become_json() {
        let typed = |s: &str| s.parse::<Field>().unwrap().typed().unwrap();
        assert_eq!(typed("a=true"), Value::Bool(true));
        assert_eq!(typed("a=null"), Value::Null);
        assert_eq!(typed("a=12"), Value::from(12));
        assert_eq!(typed("a=1.5"), Value::from(1.5));
        assert_eq!(typed("a=NaN"), Value::from("NaN"));
        assert_eq!(typed("a=ag_1"), Value::from("ag_1"));
        assert_eq!(typed("a=-"), Value::from("-"));
        // Beyond i64 it went out as the float 1.2345678901234568e22.
        assert_eq!(typed("a=inf"), Value::from("inf"));
        for big in ["12345678901234567890123", "-9223372036854775809", "1e999"] {
            let e = format!("a={big}")
                .parse::<Field>()
                .unwrap()
                .typed()
                .unwrap_err();
            assert_eq!(
                e.to_string(),
                format!(
                    "-F a={big}: the number is too large to send exactly; -f a={big} sends it as text"
                )
            );
        }
    }

    #[test]
    fn a_number_json_would_carry_as_another_is_refused() {
        let typed = |s: &str| s.parse::<Field>().unwrap().typed();
        for (given, sent) in [
            ("1e-999", "0.0"),
            ("-1e-400", "-0.0"),
            ("1.00000000000000000001", "1.0"),
            ("0.30000000000000000001", "0.3"),
            ("123456789012345678.5", "1.2345678901234568e+17"),
        ] {
            assert_eq!(
                typed(&format!("n={given}")).unwrap_err().to_string(),
                format!(
                    "-F n={given}: the number cannot be sent exactly: it would go out as {sent}; -f n={given} sends it as text"
                )
            );
        }
        // The same number in other words goes out as it is.
        for (given, sent) in [
            ("0.1", 0.1),
            ("1.50", 1.5),
            ("1e2", 100.0),
            ("+2.5E-3", 0.0025),
            (".5", 0.5),
            ("0e-99999999999999999999", 0.0),
            ("-0.0", -0.0),
        ] {
            assert_eq!(
                typed(&format!("n={given}")).unwrap(),
                Value::from(sent),
                "{given}"
            );
        }
    }

    /// A decimal written out whole, with no exponent and no zeros that say nothing:
    /// `-1.5e2` is `-150`, `0.0100` is `0.01`, `-0` is `0`. The test's own way of telling
    /// two numbers apart, by their digits.
    fn plain(text: &str) -> String {
        let (negative, text) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (mantissa, exponent) = text.split_once(['e', 'E']).unwrap_or((text, "0"));
        let exponent: i64 = exponent.parse().unwrap();
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits = format!("{int}{frac}");
        // The point sits after `point` digits, which may be before or after them all.
        let point = i64::try_from(int.len()).unwrap() + exponent;
        let len = i64::try_from(digits.len()).unwrap();
        let (int, frac) = if point <= 0 {
            (
                String::new(),
                format!("{}{digits}", "0".repeat(usize::try_from(-point).unwrap())),
            )
        } else if point >= len {
            (
                format!(
                    "{digits}{}",
                    "0".repeat(usize::try_from(point - len).unwrap())
                ),
                String::new(),
            )
        } else {
            let (a, b) = digits.split_at(usize::try_from(point).unwrap());
            (a.to_owned(), b.to_owned())
        };
        let int = int.trim_start_matches('0');
        let frac = frac.trim_end_matches('0');
        let whole = match (int.is_empty(), frac.is_empty()) {
            (true, true) => return "0".into(),
            (_, true) => int.to_owned(),
            (true, false) => format!("0.{frac}"),
            (false, false) => format!("{int}.{frac}"),
        };
        if negative { format!("-{whole}") } else { whole }
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            rng_seed: proptest::test_runner::RngSeed::Fixed(20261130),
            ..ProptestConfig::default()
        })]
        /// A typed number goes out as the number given, or is refused naming the field and
        /// the value; never as another number.
        #[test]
        fn a_typed_number_is_sent_as_given_or_refused(
            given in "[+-]?[0-9]{1,25}(\\.[0-9]{0,25})?([eE][+-]?[0-9]{1,3})?"
        ) {
            let field: Field = format!("n={given}").parse().unwrap();
            match field.typed() {
                Ok(Value::Number(n)) => prop_assert_eq!(plain(&n.to_string()), plain(&given)),
                Ok(other) => prop_assert!(false, "{} went out as {}", given, other),
                Err(e) => {
                    prop_assert_eq!(e.kind, crate::error::ErrorKind::Usage);
                    let message = e.to_string();
                    prop_assert!(message.starts_with(&format!("-F n={given}: ")), "{}", message);
                    prop_assert!(message.ends_with(&format!("; -f n={given} sends it as text")), "{}", message);
                    // Refused only when JSON would carry another number: an integer beyond
                    // i64, or a decimal its double writes otherwise.
                    let integer = !given.contains(['.', 'e', 'E']);
                    let double = given.parse::<f64>().unwrap();
                    prop_assert!(
                        integer || !double.is_finite() || plain(&Value::from(double).to_string()) != plain(&given),
                        "{} was refused: {}", given, message
                    );
                }
            }
        }

        /// Every double written as Rust writes it goes out as that very double.
        #[test]
        fn every_double_goes_out_as_itself(x in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO) {
            for text in [format!("{x}"), format!("{x:e}"), format!("{x:E}")] {
                let sent = format!("n={text}").parse::<Field>().unwrap().typed();
                match sent {
                    Ok(v) => prop_assert_eq!(v.as_f64(), Some(x), "{}", text),
                    // `{x}` writes a large double as its integer digits, beyond i64.
                    Err(e) => prop_assert!(!text.contains(['.', 'e', 'E']), "{}: {}", text, e),
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            rng_seed: proptest::test_runner::RngSeed::Fixed(20261128),
            ..ProptestConfig::default()
        })]
        #[test]
        fn parsers_never_panic(s in "\\PC{0,40}|/v1/[a-z%/._?=&]{0,30}") {
            if let Ok(path) = s.parse::<ApiPath>() {
                prop_assert_eq!(path.segments[0].as_str(), "v1");
                prop_assert!(path.segments.iter().all(|s| s != ".." && !s.is_empty()));
            }
            let _ = s.parse::<Field>();
        }
    }
}
