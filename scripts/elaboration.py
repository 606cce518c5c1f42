#!/usr/bin/env python3
"""How often a relation found in a short sentence survives the elaborations of real news.

News sentences are the short constructed sentences the rules are tested on, wrapped in what wire
copy adds: a time adverbial in front, an attribution behind ("..., officials said."), reported
speech ("X said that ..."), a source ("According to state media, ..."), a trailing participial
clause. The relation stated is the same, so the extractor should find the same relations. This
probe takes the constructed sentences of the frozen relation cases
(``tests/extract/data/relations/cases.jsonl``) whose plain form yields a relation with the real
pipeline, applies each elaboration, and reports per elaboration the share of those relations
(``source, type, target, negated``) still found, and the relations it adds. Usage (from the
repository root)::

    PYTHONPATH=. python scripts/elaboration.py [--limit N] [--show ELABORATION] [--json]

The figures measure the rules' robustness, not their accuracy: the plain-form relations are
taken as they come, right or wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CASES = (
    Path(__file__).resolve().parents[1] / "tests" / "extract" / "data" / "relations" / "cases.jsonl"
)

Key = tuple[str, str, str, bool]

#: Words that open a sentence in capitals only because they open it: lowercased when an
#: elaboration puts something in front of them.
_COMMON_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "this",
        "these",
        "those",
        "both",
        "all",
        "some",
        "several",
        "many",
        "two",
        "three",
        "officials",
        "leaders",
        "troops",
        "forces",
        "talks",
        "relations",
        "ties",
        "tensions",
    ]
)


@dataclass(frozen=True)
class _Doc:
    name: str
    text: str


def _body(text: str) -> str:
    """The sentence without its final stop."""
    return text.rstrip().rstrip(".!")


def _inner(text: str) -> str:
    """The sentence as it reads after a word put in front of it."""
    first, _, rest = text.partition(" ")
    if first.lower() in _COMMON_OPENERS:
        return f"{first.lower()} {rest}"
    return text


#: short words a headline keeps in lower case
_HEADLINE_LOWER = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "but",
        "or",
        "of",
        "on",
        "in",
        "to",
        "for",
        "at",
        "by",
        "with",
        "from",
        "as",
    ]
)


def _headline(text: str) -> str:
    """The sentence in title case, as a headline prints it (no final stop)."""
    words = text.split(" ")
    return " ".join(
        w if (i and w.lower() in _HEADLINE_LOWER) or not w[:1].isalpha() else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )


#: name -> transformation of a constructed sentence
ELABORATIONS: dict[str, Callable[[str], str]] = {
    "time_front": lambda t: f"On Tuesday, {_inner(t)}",
    "clause_front": lambda t: f"In a surprise move, {_inner(t)}",
    "attribution_back": lambda t: f"{_body(t)}, officials said.",
    "source_back": lambda t: f"{_body(t)}, according to state media.",
    "source_front": lambda t: f"According to state media, {_inner(t)}",
    "reported_that": lambda t: f"A spokesman said that {_inner(t)}",
    "participle_back": lambda t: f"{_body(t)}, raising fears of a wider crisis.",
    "date_back": lambda t: f"{_body(t)} on Monday.",
    "while_front": lambda t: f"While the talks continued, {_inner(t)}",
    "and_back": lambda t: f"{_body(t)}, and more talks are planned.",
    "quote_wrap": lambda t: f'"{_body(t)}," the minister said.',
    "headline": lambda t: _headline(_body(t)),
}


def load_cases(path: Path = CASES) -> list[str]:
    """The distinct constructed sentences of the frozen cases that expect a relation."""
    texts: dict[str, None] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = row.get("text", "")
        if row.get("expected") and text.endswith(".") and "\n" not in text:
            texts[text] = None
    return list(texts)


def _extract(texts: list[str], nlp: Any) -> list[set[Key]]:
    from geokg.extract.extractor import DocumentFailure, Extractor

    docs = [_Doc(f"{i:05d}.txt", t) for i, t in enumerate(texts)]
    found: dict[str, set[Key]] = {d.name: set() for d in docs}
    for result in Extractor(nlp).extract(docs):
        if isinstance(result, DocumentFailure):
            raise RuntimeError(f"{result.name}: {result.reason}")
        found[result.document.name] = {
            (r.source, r.type.value, r.target, r.negated) for r in result.relations
        }
    return [found[d.name] for d in docs]


def measure(texts: list[str], nlp: Any = None) -> dict[str, Any]:
    """Per elaboration: relations kept, lost and added against the plain sentences."""
    plain = _extract(texts, nlp)
    kept_texts = [(t, p) for t, p in zip(texts, plain, strict=True) if p]
    report: dict[str, Any] = {"sentences": len(texts), "with_relations": len(kept_texts)}
    total = sum(len(p) for _, p in kept_texts)
    report["relations"] = total
    for name, fn in ELABORATIONS.items():
        variants = [fn(t) for t, _ in kept_texts]
        after = _extract(variants, nlp)
        lost, added = [], []
        for (_text, before), variant, now in zip(kept_texts, variants, after, strict=True):
            for key in sorted(before - now):
                lost.append({"text": variant, "relation": key})
            for key in sorted(now - before):
                added.append({"text": variant, "relation": key})
        report[name] = {
            "kept": round(1 - len(lost) / total, 4) if total else 1.0,
            "lost": lost,
            "added": added,
        }
    return report


def main() -> int:
    """Run the probe and print the table (or JSON)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=Path, default=CASES)
    ap.add_argument("--limit", type=int, default=0, help="first N sentences only")
    ap.add_argument("--show", action="append", default=[], help="print this elaboration's losses")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    texts = load_cases(args.cases)
    if args.limit:
        texts = texts[: args.limit]
    report = measure(texts)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    print(
        f"{report['sentences']} constructed sentences, {report['with_relations']} with "
        f"relations ({report['relations']} relations)"
    )
    print(f"{'elaboration':18} {'kept':>6} {'lost':>5} {'added':>6}")
    for name in ELABORATIONS:
        row = report[name]
        print(f"{name:18} {row['kept']:6.3f} {len(row['lost']):5d} {len(row['added']):6d}")
    for name in args.show:
        for kind in ("lost", "added"):
            by_rel: dict[str, list[str]] = defaultdict(list)
            for item in report[name][kind]:
                by_rel[" ".join(map(str, item["relation"]))].append(item["text"])
            print(f"\n## {name}: {kind}")
            for rel, items in by_rel.items():
                print(f"- {rel}: {items[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
