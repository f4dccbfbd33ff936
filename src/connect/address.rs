//! What an API address may be: a URL with its scheme, no credentials, no /v1, and plain
//! http:// only to loopback unless allowed.

use crate::config::Profile;
use crate::error::CliError;

/// Plain http:// only to loopback, unless the user said otherwise; checked before connecting.
pub fn check_url(url: &str, allow_insecure: bool) -> Result<(), CliError> {
    // A token given for the address: said so, not quoted back with https:// before it.
    if livectl_contract::token::looks_like(url.trim()) {
        return Err(CliError::usage(
            "the API address is shaped like a token, not a URL (not shown, as tokens never are)",
        )
        .hint("give the platform's address, such as https://live.example.com; `livectl login` reads the token from a prompt or --token-stdin"));
    }
    // An address without its scheme (`127.0.0.1:8787`; `localhost:8787` parses as the scheme
    // `localhost`): said so, with the URL it was meant to be (http:// to loopback).
    if !url.contains("://")
        && !url.starts_with('/')
        && let Ok(meant) = reqwest::Url::parse(&format!("https://{url}"))
        && meant.host().is_some()
    {
        let scheme = if meant.host().is_some_and(|h| is_loopback(&h)) {
            "http"
        } else {
            "https"
        };
        let rest = url.trim_end_matches('/');
        let rest = rest.strip_suffix("/v1").unwrap_or(rest);
        return Err(CliError::usage(format!(
            "`{url}` is not a URL: it has no http:// or https://"
        ))
        .hint(format!("give {scheme}://{rest}")));
    }
    let parsed = reqwest::Url::parse(url).map_err(|e| {
        CliError::usage(format!("`{url}` is not a URL: {e}"))
            .hint("give the API's address, such as https://live.example.com")
    })?;
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(
            CliError::usage("the API address must not hold a user name or password")
                .hint("give the address alone; the token goes in `livectl login` or LIVECTL_TOKEN"),
        );
    }
    // The address is the server's: every path livectl asks for begins with /v1/ already.
    if parsed
        .path_segments()
        .and_then(|mut segments| segments.rfind(|s| !s.is_empty()))
        == Some("v1")
    {
        let mut base = parsed.clone();
        base.set_query(None);
        base.set_fragment(None);
        if let Ok(mut segments) = base.path_segments_mut() {
            segments.pop_if_empty().pop();
        }
        let base = base.as_str().trim_end_matches('/').to_owned();
        return Err(CliError::usage(format!(
            "`{url}` ends in /v1, which livectl puts before every path itself"
        ))
        .hint(format!("give {base}")));
    }
    // A query or a fragment would be dropped from every request: refused, as /v1 is, rather
    // than saved in a profile and never used (new user).
    if parsed.query().is_some() || parsed.fragment().is_some() {
        let mut base = parsed.clone();
        base.set_query(None);
        base.set_fragment(None);
        return Err(CliError::usage(format!(
            "`{url}` has a query or a fragment (`?…`, `#…`), which no request would carry"
        ))
        .hint(format!(
            "give the address alone: {}",
            base.as_str().trim_end_matches('/')
        )));
    }
    match parsed.scheme() {
        "https" => Ok(()),
        "http" => {
            let loopback = parsed.host().is_some_and(|h| is_loopback(&h));
            if loopback || allow_insecure {
                Ok(())
            } else {
                Err(CliError::usage(format!(
                    "refusing plain http:// to {}: the token would cross the network unencrypted",
                    parsed.host_str().unwrap_or("")
                ))
                .hint("use https://, or pass --allow-insecure-http if you really mean it"))
            }
        }
        other => Err(CliError::usage(format!(
            "`{other}://` is not supported; use https://"
        ))),
    }
}

/// Checks `url` as a profile's new address (`check_url`), plain http:// to a host other than
/// loopback allowed by `--allow-insecure-http` (`allow_insecure`) or by `profile` when it is
/// that profile's address already; whether the profile keeps that permission with it
/// (`Profile::point`): true only for an address that needs it.
pub fn check_address(
    url: &str,
    allow_insecure: bool,
    profile: Option<&Profile>,
) -> Result<bool, CliError> {
    let allowed = allow_insecure || profile.is_some_and(|p| p.allows_insecure(url));
    check_url(url, allowed)?;
    Ok(allowed && beyond_loopback(url))
}

/// Plain http:// to a host other than loopback: what needs `--allow-insecure-http`.
pub(super) fn beyond_loopback(url: &str) -> bool {
    reqwest::Url::parse(url)
        .is_ok_and(|u| u.scheme() == "http" && !u.host().is_some_and(|h| is_loopback(&h)))
}

/// localhost, 127.0.0.0/8 or ::1.
fn is_loopback(host: &url::Host<&str>) -> bool {
    match host {
        url::Host::Domain(d) => d.eq_ignore_ascii_case("localhost"),
        url::Host::Ipv4(ip) => ip.is_loopback(),
        url::Host::Ipv6(ip) => ip.is_loopback(),
    }
}
