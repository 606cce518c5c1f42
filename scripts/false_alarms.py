#!/usr/bin/env python3
"""List the false alarms of the relation extractor on the false-alarm probe.

The probe (``tests/data/false_alarms.jsonl``, one ``{"category", "text"}`` object a line) holds
constructed sentences that name two or more entities but state no relation of the 17 types
between them. Each sentence is extracted as a document of its own with the real pipeline; every
relation mention found is a false alarm. Usage (from the repository root)::

    PYTHONPATH=. python scripts/false_alarms.py [PROBE.jsonl] [--json]

Prints one line per offending relation (category, sentence, relation, rule) and a summary; exits
1 when there is any. ``tests/test_false_alarms.py`` runs the same function.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROBE = Path(__file__).resolve().parents[1] / "tests" / "data" / "false_alarms.jsonl"


@dataclass(frozen=True)
class _Doc:
    name: str
    text: str


def load_probe(path: Path = PROBE) -> list[dict[str, str]]:
    """The probe's sentences; raises ValueError naming the file and line of a bad one."""
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if not isinstance(row, dict) or not row.get("text") or not row.get("category"):
            raise ValueError(f"{path}:{lineno}: needs 'category' and 'text'")
        rows.append(row)
    return rows


def find_false_alarms(
    rows: list[dict[str, str]], nlp: Any = None
) -> tuple[list[dict[str, Any]], dict[str, set[str]]]:
    """Extract every probe sentence; return the relation mentions and each sentence's entities.

    Returns:
        The offending relations (category, text, source, type, target, rule, trigger) and,
        per sentence text, the canonical names of the entities found in it.
    """
    from geokg.extract.extractor import DocumentFailure, Extractor

    docs = [_Doc(f"{i:04d}_{r['category']}.txt", r["text"]) for i, r in enumerate(rows)]
    by_name = {d.name: r for d, r in zip(docs, rows, strict=True)}
    offenders: list[dict[str, Any]] = []
    entities: dict[str, set[str]] = {}
    for result in Extractor(nlp).extract(docs):
        if isinstance(result, DocumentFailure):
            raise RuntimeError(f"{result.name}: {result.reason}")
        row = by_name[result.document.name]
        entities[row["text"]] = {e.name for e in result.entities}
        for rel in result.relations:
            offenders.append(
                {
                    "category": row["category"],
                    "text": row["text"],
                    "source": rel.source,
                    "type": rel.type.value,
                    "target": rel.target,
                    "rule": rel.rule,
                    "trigger": rel.trigger.text,
                }
            )
    return offenders, entities


def describe(offender: dict[str, Any]) -> str:
    """One line: ``[category] sentence -> source TYPE target (rule, trigger)``."""
    o = offender
    return (
        f"[{o['category']}] {o['text']} -> {o['source']} {o['type']} {o['target']} "
        f"({o['rule']}, trigger {o['trigger']!r})"
    )


def main() -> int:
    """Run the probe and print its offenders."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("probe", nargs="?", type=Path, default=PROBE)
    ap.add_argument("--json", action="store_true", help="one JSON object a line")
    args = ap.parse_args()
    rows = load_probe(args.probe)
    offenders, _ = find_false_alarms(rows)
    for o in offenders:
        print(json.dumps(o, ensure_ascii=False) if args.json else describe(o))
    sentences = len({o["text"] for o in offenders})
    print(
        f"false-alarm probe: {len(rows)} sentences, {len(offenders)} relations "
        f"in {sentences} sentences",
        file=sys.stderr,
    )
    return 1 if offenders else 0


if __name__ == "__main__":
    sys.exit(main())
