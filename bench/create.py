"""Creates N queued interventions in a sandbox over keep-alive HTTP (setup for bench/bulk.sh)."""
import http.client
import json
import sys
import threading
from urllib.parse import urlparse

url, token, total = sys.argv[1], sys.argv[2], int(sys.argv[3])
host = urlparse(url)
workers = 8


def work(start):
    conn = http.client.HTTPConnection(host.hostname, host.port)
    for n in range(start, total, workers):
        body = json.dumps({
            "key": f"bench-{n}",
            "user": {"key": f"bench-user-{n}", "name": f"User {n}", "channel": "web"},
            "messages": [{"sender": "user", "text": "I need a person"}],
            "intervention": {"summary": "benchmark takeover"},
        })
        conn.request("POST", "/v1/conversations", body, {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        r = conn.getresponse()
        r.read()
        if r.status not in (200, 201):
            raise SystemExit(f"creation failed: {r.status}")


threads = [threading.Thread(target=work, args=(i,)) for i in range(workers)]
for t in threads:
    t.start()
for t in threads:
    t.join()
