"""A whole takeover through the client that openapi-python-client generated from
docs/openapi.json: no HTTP written by hand. tests/it/contract_tools.rs generates the client into
a temporary directory (the package `livectl_api`) and runs this against a fresh demo sandbox.

Usage: PYTHONPATH=<generated> python takeover.py BASE_URL ADMIN_TOKEN

Each step prints one line; the run ends with `N passed, N failed` and exits 1 when a step
failed. The client raises on any status the document does not declare for an operation, so a
status missing from the document fails the run too.
"""

import datetime
import sys

from livectl_api import AuthenticatedClient
from livectl_api.api.actions import assign, complete, reassign
from livectl_api.api.agents import list_agents, me
from livectl_api.api.catalog import list_blocks, list_outcomes, list_topics
from livectl_api.api.interventions import get_intervention, list_interventions
from livectl_api.models import (
    AssignRequest,
    CompleteRequest,
    Intervention,
    InterventionState,
    PageIntervention,
    Problem,
)
from livectl_api.types import UNSET

base, token = sys.argv[1], sys.argv[2]
client = AuthenticatedClient(base_url=base, token=token, raise_on_unexpected_status=True)
tally = {"passed": 0, "failed": 0}


def check(name: str, ok: bool, detail: str = "") -> None:
    tally["passed" if ok else "failed"] += 1
    print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")


def problem_code(response) -> str | None:
    return response.parsed.code if isinstance(response.parsed, Problem) else None


# Who we are, the agents and the catalog.
who = me.sync(client=client)
check("me is the built-in admin", who is not None and who.role == "admin", f"{who.id}")
agents = [a for a in list_agents.sync(client=client, limit=1000).items if a.active]
topic = list_topics.sync(client=client).items[0]
outcome = list_outcomes.sync(client=client).items[0]
block = list_blocks.sync(client=client).items[0]

# The queued interventions, two a page, following next_cursor.
seen, cursor, pages = [], UNSET, 0
while True:
    page = list_interventions.sync(client=client, state="queued", limit=2, cursor=cursor)
    assert isinstance(page, PageIntervention), page
    pages += 1
    seen.extend(page.items)
    if not page.next_cursor:
        break
    cursor = page.next_cursor
ids = [i.id for i in seen]
check(
    "list with cursors",
    pages > 1 and len(ids) == len(set(ids)) and all(isinstance(i, Intervention) for i in seen),
    f"{len(ids)} queued over {pages} pages, each an Intervention",
)
check(
    "timestamps are date-times",
    all(isinstance(i.queued_at, datetime.datetime) for i in seen),
)
target = ids[0]
first, second = agents[0], agents[1]

# Assign, then ask again with the ETag in hand: 304.
r = assign.sync_detailed(target, client=client, body=AssignRequest(agent=first.id))
check(
    "assign",
    r.status_code == 200 and r.parsed.owner == first.id and r.parsed.state == InterventionState.ASSIGNED,
    f"{target} -> {first.id}, ETag {r.headers.get('etag')}",
)
assigned = r.parsed
etag = r.headers["etag"]
r = get_intervention.sync_detailed(target, client=client, if_none_match=etag)
check("If-None-Match with the ETag is 304", r.status_code == 304 and r.content == b"")

# Reassign with a reason and an Idempotency-Key; the same request again is replayed.
key = "takeover-reassign-1"
body = AssignRequest(agent=second.id, reason="shift ended")
r1 = reassign.sync_detailed(target, client=client, body=body, idempotency_key=key, if_match=etag)
r2 = reassign.sync_detailed(target, client=client, body=body, idempotency_key=key, if_match=etag)
check(
    "reassign with a reason",
    r1.status_code == 200 and r1.parsed.owner == second.id and r1.parsed.version == assigned.version + 1,
    f"-> {second.id}, version {r1.parsed.version}",
)
check(
    "a replayed Idempotency-Key answers the same, acting once",
    r2.status_code == 200
    and r2.content == r1.content
    and r2.headers.get("idempotent-replayed") == "true",
    f"replayed version {r2.parsed.version}",
)
r3 = reassign.sync_detailed(
    target, client=client, idempotency_key=key, body=AssignRequest(agent=first.id, reason="other")
)
check(
    "the same key with another body is 422",
    r3.status_code == 422 and problem_code(r3) == "idempotency_conflict",
    f"{r3.status_code} {problem_code(r3)}",
)

# A stale If-Match (the version from before the reassign) is 412 with the intervention now.
r = complete.sync_detailed(
    target, client=client, if_match=etag, body=CompleteRequest(topic=topic.id, outcome=outcome.id)
)
current = r.parsed.current if isinstance(r.parsed, Problem) else None
check(
    "a stale If-Match is 412 with current",
    r.status_code == 412
    and problem_code(r) == "precondition_failed"
    and isinstance(current, Intervention)
    and current.version == r1.parsed.version,
    f"{r.status_code} {problem_code(r)}",
)

# Complete with topic, outcome, tags and block, on the current version.
r = complete.sync_detailed(
    target,
    client=client,
    if_match=r1.headers["etag"],
    body=CompleteRequest(topic=topic.id, outcome=outcome.id, tags=[" Refund ", "VIP"], block=block.id),
)
done = r.parsed.completion if r.status_code == 200 else None
check(
    "complete with topic, outcome, tags and block",
    r.status_code == 200
    and r.parsed.state == InterventionState.COMPLETED
    and done is not None
    and (done.topic, done.outcome, done.block) == (topic.id, outcome.id, block.id)
    and sorted(done.tags) == ["refund", "vip"],
    f"tags {getattr(done, 'tags', None)}",
)

# A wrong token is 401, a problem, on a read and on an action.
bad = AuthenticatedClient(base_url=base, token="not-a-token", raise_on_unexpected_status=True)
r = me.sync_detailed(client=bad)
check(
    "a wrong token is 401",
    r.status_code == 401
    and problem_code(r) == "unauthorized"
    and r.headers.get("www-authenticate", "").startswith("Bearer"),
    f"{r.status_code} {problem_code(r)}",
)
r = assign.sync_detailed(ids[1], client=bad, body=AssignRequest(agent=first.id))
check("a wrong token on an action is 401", r.status_code == 401 and problem_code(r) == "unauthorized")

print(f"{tally['passed']} passed, {tally['failed']} failed")
sys.exit(1 if tally["failed"] else 0)
