//! Rule 5, pagination (DESIGN.md section 4): listing the suite's department with a small
//! `limit` while interventions are created and moved between the pages neither skips nor
//! repeats an item that existed at the start, and no page holds more than `limit`. The refs of
//! the listing (what a bulk run plans from) are its items in part. The queue listed in the
//! order it is served (`order=queued_at`, what a bulk run of the queue plans from) comes
//! longest waiting first.
//!
//! The changes are made between one page and the next, rather than by a task racing the
//! listing, so that every run interleaves them the same way.

use std::collections::{BTreeSet, HashMap};

use futures_util::TryStreamExt;
use livectl_client::FULL_PAGE;
use livectl_contract::{
    Intervention, InterventionOrder, InterventionQuery, InterventionRef, InterventionState, Kind,
    States,
};

use super::suite::assign;
use super::{Outcome, Suite, outcome};

const LIMIT: u32 = 4;
/// Interventions the rule starts itself, so there are pages to turn whatever ran before.
const OWN: usize = 9;

const PAGE_SIZE: &str = "no page holds more than limit";
const NO_SKIP_OR_REPEAT: &str = "no item skipped or repeated while others are created";
const REFS: &str = "/v1/interventions/refs: the listing's items, in order, each in part";
const SERVED: &str = "order=queued_at: the queue longest waiting first, ties by id";

pub async fn check(s: &Suite) -> Vec<Outcome> {
    let mut outcomes = match listing(s).await {
        Ok((sizes, seen)) => vec![outcome(PAGE_SIZE, sizes), outcome(NO_SKIP_OR_REPEAT, seen)],
        Err(setup) => vec![
            outcome(PAGE_SIZE, Err(setup.clone())),
            outcome(NO_SKIP_OR_REPEAT, Err(setup)),
        ],
    };
    outcomes.push(outcome(REFS, refs(s).await));
    outcomes.push(outcome(SERVED, served(s).await));
    outcomes
}

/// Three interventions queued in the department in an order their ids do not follow, then the
/// department's queue listed by `order=queued_at` in small pages: sorted by when each was
/// queued, then by id, the three among them in the order they were queued.
async fn served(s: &Suite) -> Checked {
    let hour_ago = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(1);
    let mut own = Vec::new();
    for minutes in [2, 0, 1] {
        let at = hour_ago + jiff::SignedDuration::from_mins(minutes);
        own.push(s.queued_at(Some(at)).await?.id);
    }
    let query = InterventionQuery {
        department: Some(s.department.clone()),
        state: States::new([InterventionState::Queued]),
        order: InterventionOrder::QueuedAt,
        ..InterventionQuery::default()
    };
    let listed: Vec<Intervention> = s
        .admin()
        .interventions(query, LIMIT)
        .try_collect()
        .await
        .map_err(|e| format!("listing the department's queue by order=queued_at: {e}"))?;
    let key = |i: &Intervention| (i.queued_at, Kind::Intervention.parse(&i.id));
    if let Some(pair) = listed.windows(2).find(|w| key(&w[0]) > key(&w[1])) {
        return Err(format!(
            "{} (queued at {}) came before {} (queued at {})",
            pair[0].id, pair[0].queued_at, pair[1].id, pair[1].queued_at
        ));
    }
    let order: Vec<&String> = listed
        .iter()
        .map(|i| &i.id)
        .filter(|id| own.contains(id))
        .collect();
    let queued_order = [&own[1], &own[2], &own[0]];
    if order != queued_order {
        return Err(format!(
            "three queued a minute apart came as {}, not {}",
            join(&order),
            join(&queued_order)
        ));
    }
    Ok(format!("{} queued, by {LIMIT}, in order", listed.len()))
}

fn join(ids: &[&String]) -> String {
    ids.iter()
        .map(|id| id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The suite's department listed whole and as refs, page by page: the same items in the same
/// order, each ref the fields of its intervention.
async fn refs(s: &Suite) -> Checked {
    let query = InterventionQuery {
        department: Some(s.department.clone()),
        limit: Some(LIMIT),
        ..InterventionQuery::default()
    };
    let whole: Vec<InterventionRef> = s
        .admin()
        .interventions(query.clone(), LIMIT)
        .map_ok(|i| InterventionRef::from(&i))
        .try_collect()
        .await
        .map_err(|e| format!("listing the department whole: {e}"))?;
    let refs: Vec<InterventionRef> = s
        .admin()
        .intervention_refs_ahead(query, LIMIT, 0)
        .try_collect()
        .await
        .map_err(|e| format!("listing the department's refs: {e}"))?;
    match whole.iter().zip(&refs).position(|(w, r)| w != r) {
        None if whole.len() == refs.len() => Ok(format!(
            "{} items by {LIMIT}, each the same in both",
            whole.len()
        )),
        None => Err(format!(
            "{} interventions, but {} refs",
            whole.len(),
            refs.len()
        )),
        Some(n) => {
            let json = |r: &InterventionRef| serde_json::to_string(r).unwrap_or_default();
            Err(format!(
                "item {}: the listing has {}, the refs {}",
                n + 1,
                json(&whole[n]),
                json(&refs[n])
            ))
        }
    }
}

type Checked = Result<String, String>;

async fn listing(s: &Suite) -> Result<(Checked, Checked), String> {
    let mut own = Vec::new();
    for _ in 0..OWN {
        own.push(s.queued().await?);
    }
    let query = InterventionQuery {
        department: Some(s.department.clone()),
        ..InterventionQuery::default()
    };
    let at_start: BTreeSet<String> = s
        .admin()
        .interventions(query.clone(), FULL_PAGE)
        .map_ok(|i| i.id)
        .try_collect()
        .await
        .map_err(|e| format!("listing the department whole: {e}"))?;
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut oversized = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    // Enough pages for every item and every creation, with room to spare.
    let most = at_start.len() / LIMIT as usize * 2 + 20;
    let mut moves = own.iter();
    let mut ended = true;
    loop {
        pages += 1;
        if pages > most {
            ended = false;
            break;
        }
        let page = s
            .admin()
            .interventions_page(&InterventionQuery {
                limit: Some(LIMIT),
                cursor: cursor.take(),
                ..query.clone()
            })
            .await
            .map_err(|e| format!("page {pages}: {e}"))?;
        if page.items.len() > LIMIT as usize {
            oversized.push(format!("page {pages} held {}", page.items.len()));
        }
        for item in page.items {
            *seen.entry(item.id).or_default() += 1;
        }
        let Some(next) = page.next_cursor else {
            break;
        };
        cursor = Some(next);
        // Between this page and the next: one more intervention, and one of the rule's own moved.
        s.queued().await?;
        if let Some(moved) = moves.next() {
            s.act(s.admin(), &moved.id, &assign(&s.agent_a)).await?;
        }
    }
    let sizes = if oversized.is_empty() {
        Ok(format!("{pages} pages of at most {LIMIT}"))
    } else {
        Err(format!("limit={LIMIT}, but {}", oversized.join(", ")))
    };
    let repeated: BTreeSet<&String> = seen
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(id, _)| id)
        .collect();
    let skipped: BTreeSet<&String> = at_start
        .iter()
        .filter(|id| !seen.contains_key(*id))
        .collect();
    let whole = match (repeated.is_empty(), skipped.is_empty()) {
        _ if !ended => Err(format!(
            "the listing did not end after {most} pages of {LIMIT} for {} items",
            at_start.len()
        )),
        (true, true) => Ok(format!(
            "every one of {} items once, in {pages} pages, with {} created meanwhile",
            at_start.len(),
            pages - 1
        )),
        _ => {
            let mut wrong = Vec::new();
            if !skipped.is_empty() {
                wrong.push(format!("skipped {}", list(&skipped)));
            }
            if !repeated.is_empty() {
                wrong.push(format!("repeated {}", list(&repeated)));
            }
            Err(format!(
                "paging {} items by {LIMIT}: {}",
                at_start.len(),
                wrong.join("; ")
            ))
        }
    };
    Ok((sizes, whole))
}

/// At most five ids, and how many more.
fn list(ids: &BTreeSet<&String>) -> String {
    let shown: Vec<&str> = ids.iter().take(5).map(|s| s.as_str()).collect();
    match ids.len() {
        n if n > 5 => format!("{} and {} more", shown.join(", "), n - 5),
        _ => shown.join(", "),
    }
}
