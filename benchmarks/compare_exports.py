"""Compare two JSON exports of the timeline, ids and timestamps aside; print every difference.

    python benchmarks/compare_exports.py BEFORE.json AFTER.json

Events are matched by their first source sentence (ids differ between databases). Exit status 1 when
the exports differ.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

IGNORED_KEYS = {"id", "generated_at"}


def comparable(export: dict[str, Any]) -> dict[str, Any]:
    """The export without ids and timestamps, events keyed by their first source's file and quote."""
    events = {}
    for event in export["events"]:
        first = event["sources"][0] if event["sources"] else {}
        key = f"{first.get('file', '')} | {first.get('quote', '')}"
        events[key] = {k: v for k, v in event.items() if k not in IGNORED_KEYS}
    return {
        "events": events,
        "sources": sorted(export["sources"], key=lambda source: source["file"]),
        "filters": export.get("filters", {}),
    }


def differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    old, new = comparable(before), comparable(after)
    found = []
    for key in sorted(old["events"].keys() - new["events"].keys()):
        found.append(f"event only before: {key}")
    for key in sorted(new["events"].keys() - old["events"].keys()):
        found.append(f"event only after: {key}")
    for key in sorted(old["events"].keys() & new["events"].keys()):
        for field in sorted(old["events"][key].keys() | new["events"][key].keys()):
            if old["events"][key].get(field) != new["events"][key].get(field):
                found.append(
                    f"event {key}\n  {field}: {old['events'][key].get(field)!r}\n  -> {new['events'][key].get(field)!r}"
                )
    if old["sources"] != new["sources"]:
        for before_source, after_source in zip(old["sources"], new["sources"]):
            for field in sorted(before_source.keys() | after_source.keys()):
                if before_source.get(field) != after_source.get(field):
                    found.append(
                        f"source {before_source.get('file')}: {field}: {before_source.get(field)!r} -> {after_source.get(field)!r}"
                    )
        if len(old["sources"]) != len(new["sources"]):
            found.append(f"sources: {len(old['sources'])} before, {len(new['sources'])} after")
    if old["filters"] != new["filters"]:
        found.append(f"filters: {old['filters']!r} -> {new['filters']!r}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args()
    before = json.loads(args.before.read_text(encoding="utf-8"))
    after = json.loads(args.after.read_text(encoding="utf-8"))
    found = differences(before, after)
    for line in found:
        print(line)
    print(f"{len(before['events'])} events before, {len(after['events'])} after; {len(found)} difference(s).")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
