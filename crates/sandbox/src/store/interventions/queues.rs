//! The general queue and every agent's My Queue.

use jiff::Timestamp;
use rusqlite::Connection;

use crate::error::ApiError;
use crate::store::{ms, opt_ts, word};
use livectl_contract::{AgentQueue, AgentStatus, GeneralQueue, Kind, Queues};

/// The general queue and every agent's My Queue, with counts and the oldest wait. The counts
/// are kept by triggers (`queue_sizes`) and each oldest wait is the first entry of an index of
/// the open interventions, so the cost is the number of agents, whatever the history holds.
pub fn queues(conn: &Connection, now: Timestamp) -> Result<Queues, ApiError> {
    let wait = |at: Option<i64>| at.map(|at| ((ms(now) - at) / 1000).max(0));
    let (count, oldest): (i64, Option<i64>) = conn
        .prepare_cached(
            "SELECT coalesce((SELECT size FROM queue_sizes WHERE queue = 0), 0), \
             (SELECT min(queued_at) FROM interventions INDEXED BY interventions_queued WHERE state = 'queued')",
        )?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let agents = conn
        .prepare_cached(
            "SELECT a.id, a.name, a.status, a.active, coalesce(q.size, 0), \
             (SELECT min(i.assigned_at) FROM interventions i INDEXED BY interventions_assigned \
             WHERE i.state = 'assigned' AND i.owner_id = a.id), a.max_load \
             FROM agents a LEFT JOIN queue_sizes q ON q.queue = a.id ORDER BY a.id",
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
