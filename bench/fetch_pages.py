#!/usr/bin/env python3
"""The export benchmark's baseline: the fastest plain client of the same pages.

One process, one keep-alive connection, each page read whole and only its cursor parsed (from
the end of the body, where the API writes it), every body written to a file as it came.
Usage: fetch_pages.py URL TOKEN PATH OUT  (PATH e.g. /v1/history?limit=1000)
Prints the number of pages.
"""
import http.client
import re
import sys
import urllib.parse

url, token, path, out = sys.argv[1:5]
parts = urllib.parse.urlsplit(url)
conn = http.client.HTTPConnection(parts.hostname, parts.port)
headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
cursor_re = re.compile(rb'"next_cursor":"([^"]*)"')
pages = 0
cursor = None
with open(out, "wb") as sink:
    while True:
        target = path if cursor is None else f"{path}&cursor={urllib.parse.quote(cursor)}"
        conn.request("GET", target, headers=headers)
        answer = conn.getresponse()
        body = answer.read()
        if answer.status != 200:
            sys.exit(f"{target}: {answer.status} {body[:200]!r}")
        sink.write(body)
        pages += 1
        found = cursor_re.search(body, max(0, len(body) - 512))
        if not found:
            break
        cursor = found.group(1).decode()
print(pages)
