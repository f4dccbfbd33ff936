//! The general queue and every agent's My Queue.

use jiff::Timestamp;
use rusqlite::Connection;

use crate::error::ApiError;
use crate::store::{ms, opt_ts, word};
use livectl_contract::{AgentQueue, AgentStatus, GeneralQueue, Kind, Queues};

/// The general queue and every agent's My Queue, with counts and the oldest wait.
pub fn queues(conn: &Connection, now: Timestamp) -> Result<Queues, ApiError> {
    let wait = |at: Option<i64>| at.map(|at| ((ms(now) - at) / 1000).max(0));
    let (count, oldest): (i64, Option<i64>) = conn
        .prepare_cached(
            "SELECT count(*), min(queued_at) FROM interventions WHERE state = 'queued'",
        )?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let agents = conn
        .prepare_cached(
            "SELECT a.id, a.name, a.status, a.active, count(i.id), min(i.assigned_at), a.max_load FROM agents a \
             LEFT JOIN interventions i ON i.owner_id = a.id AND i.state = 'assigned' \
             GROUP BY a.id ORDER BY a.id",
        )?
        .query_map([], |r| {
            let oldest: Option<i64> = r.get(5)?;
            Ok(AgentQueue {
                agent: Kind::Agent.id(r.get(0)?),
                name: r.get(1)?,
                status: word::<AgentStatus>(r, 2)?,
                active: r.get(3)?,
                max_load: r.get(6)?,
                count: r.get(4)?,
                oldest_assigned_at: opt_ts(oldest),
                oldest_wait_seconds: wait(oldest),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Queues {
        general: GeneralQueue {
            count,
            oldest_queued_at: opt_ts(oldest),
            oldest_wait_seconds: wait(oldest),
        },
        agents,
    })
}
