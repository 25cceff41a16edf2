"""The naive peer of bench/cycle_bench.py: requests + feedparser on 4 threads, conditional
GET, a seen-id set, watch titles matched by word n-grams. `naive_poll.py SPEC STATE`."""

import json
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import feedparser
import requests

spec, state_path = json.loads(Path(sys.argv[1]).read_text()), Path(sys.argv[2])
state = json.loads(state_path.read_text()) if state_path.exists() else {"etags": {}, "seen": []}
seen, etags = set(state["seen"]), state["etags"]
titles = {tuple(t.lower().split()) for t in spec["watches"]}
sizes = {len(t) for t in titles}
session = requests.Session()


def poll(url: str) -> list[tuple[str, str]]:
    headers = {"If-None-Match": etags[url]} if url in etags else {}
    response = session.get(url, headers=headers, timeout=30)
    if response.status_code == 304:
        return []
    etags[url] = response.headers.get("ETag", "")
    return [
        (e.get("id", e.get("link", "")), e.get("title", ""))
        for e in feedparser.parse(response.content).entries
    ]


hits = 0
with ThreadPoolExecutor(4) as pool:
    for entries in pool.map(poll, spec["feeds"]):
        for uid, title in entries:
            if uid in seen:
                continue
            seen.add(uid)
            words = re.findall(r"\w+", title.lower())
            if any(tuple(words[i : i + n]) in titles for n in sizes for i in range(len(words))):
                hits += 1
state_path.write_text(json.dumps({"etags": etags, "seen": sorted(seen)}))
print(json.dumps({"matched": hits, "seen": len(seen)}))
