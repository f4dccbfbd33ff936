"""schemathesis hooks for the sandbox (loaded by schemathesis.toml).

1. A schema-valid Idempotency-Key gets a suffix that no other request has. Deterministic
   generation sends minimal keys such as `0` with many different bodies, and the contract
   answers a key reused with another body 422 idempotency_conflict: right, but it would stop
   every later case with that key from reaching the server's other checks. Keys that break the
   schema on purpose (negative cases) are left as they are.
2. schemathesis 4.32.5's coverage phase sends `If-Match: 0` in a case it calls positive
   ("All required properties and optional 'If-Match'"), ignoring the header's pattern; such a
   header is dropped from positive cases, so that case checks what it says it checks.
"""

import itertools
import re

import schemathesis

KEY = re.compile(r"^[!-~]{1,255}$")
IF_MATCH = re.compile(r'^(\*|"[1-9][0-9]{0,17}")$')
SUFFIXES = itertools.count(1)


def positive(case) -> bool:
    generation = getattr(case.meta, "generation", None)
    return str(getattr(generation, "mode", "")).endswith("positive")


@schemathesis.hook
def before_call(ctx, case, kwargs):
    headers = case.headers or {}
    key = headers.get("Idempotency-Key")
    if isinstance(key, str) and KEY.match(key):
        suffix = f"-{next(SUFFIXES)}"
        headers["Idempotency-Key"] = key[: 255 - len(suffix)] + suffix
    if_match = headers.get("If-Match")
    if if_match is not None and positive(case) and not IF_MATCH.match(str(if_match)):
        del headers["If-Match"]
        kwargs.get("headers", {}).pop("If-Match", None)
