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

The ``*_mid`` elaborations go INSIDE the sentence, between its opening name and its verb (an
apposition, an adverb, a time phrase, a relative clause). They apply only where a string test
finds that split cleanly (``_subject_split``: a run of capitalised words, then a word that reads
as a verb); elsewhere they return None and the sentence is left out of that elaboration's
figures (``applied`` counts the sentences it did apply to).

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


#: words that may follow a sentence's subject as its verb or auxiliary
_AUXILIARIES = frozenset(
    [
        "will",
        "would",
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "did",
        "does",
        "do",
        "cannot",
    ]
)
#: past forms that do not end in "-ed" (the regular ones are read off the suffix)
_IRREGULAR_PAST = frozenset(
    [
        "met",
        "led",
        "sent",
        "struck",
        "fought",
        "began",
        "took",
        "gave",
        "made",
        "won",
        "sold",
        "held",
        "told",
        "said",
        "left",
        "became",
        "broke",
        "sought",
        "brought",
        "beat",
        "threw",
        "drew",
        "shot",
        "hit",
        "cut",
        "put",
        "set",
        "quit",
        "built",
        "withdrew",
        "spoke",
        "stood",
        "kept",
        "lost",
        "paid",
        "ran",
        "rose",
        "saw",
        "swore",
        "went",
        "wrote",
        "overtook",
        "undertook",
        "forbade",
        "bought",
        "bid",
        "slid",
        "split",
        "spent",
        "spread",
        "stole",
        "swept",
        "tore",
        "upheld",
        "withheld",
        "wound",
    ]
)
#: endings of a capitalised word that modifies a noun ("Russian forces"): not a subject
_MODIFIER_ENDINGS = ("an", "ish", "ese", "i", "ic")


#: capitalised openers that are no name: subordinators, prepositions, adjectives
_NO_NAME_OPENERS = frozenset(
    [
        "If", "While", "After", "Before", "Following", "Having", "When", "Although", "Though",
        "Because", "As", "Since", "Once", "Unless", "Until", "Despite", "During", "In", "On",
        "At", "By", "For", "With", "From", "Without", "Under", "Over", "Amid", "According",
        "Old", "Foreign", "Conflicting", "Arms", "Trade", "Both", "All", "Some", "Several", "Two",
        "Three", "Many", "New", "Former", "Top", "Senior",
    ]
)  # fmt: skip
#: plural nouns a name modifies ("NATO allies Norway and Denmark"): no present verb
_PLURAL_HEADS = frozenset(
    [
        "allies", "forces", "troops", "ministers", "officials", "leaders", "fighters", "rebels",
        "friends", "relations", "ties", "talks", "claims", "shipments", "partners", "members",
        "states", "countries", "nations", "neighbours", "neighbors", "rivals", "exports",
        "imports", "sanctions", "strikes", "diplomats", "envoys", "authorities", "lawmakers",
    ]
)  # fmt: skip
#: what may follow a present verb in "-s": an object's determiner (or a name, in capitals)
_OBJECT_OPENERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "more", "no"])


def _subject_split(text: str) -> tuple[str, str] | None:
    """The sentence split after its opening name, when the next word is its verb.

    The opening name is the run of capitalised words that opens the sentence (two names joined
    by "and" count as one subject: "Chile and Peru"); the next word must read as a verb: an
    auxiliary, a past form ("imposed", "met") or, after a name that is no modifier ("Russian
    forces"), a present form in "-s" ("backs") followed by a name or a determiner. Anything
    else is no clean subject, and the sentence is skipped (None): a lowercase head noun ("The
    Chilean government"), a name opening in lower case ("el-Sisi"), a possessive, a comma, a
    hyphenated compound ("Peru-Chile ties"), an opener that is no name ("If", "Foreign"), a
    plural noun the name modifies ("NATO allies").
    """
    words = text.split(" ")
    end = 0
    while end < len(words):
        w = words[end]
        name = w[:1].isupper() and w[-1:].isalpha() and not w.endswith("'s")
        joins = w == "and" and end and end + 1 < len(words) and words[end + 1][:1].isupper()
        if not (name or joins):
            break
        end += 1
    if end == 0 or end >= len(words) or words[end - 1] == "and":
        return None
    if words[0] == "The" and end == 1:
        return None
    if words[0] in _NO_NAME_OPENERS or any("-" in w for w in words[:end]):
        return None
    verb = words[end]
    last = words[end - 1]
    if not verb.isalpha() or not verb.islower():
        return None
    ok = (
        verb in _AUXILIARIES
        or verb in _IRREGULAR_PAST
        or (verb.endswith("ed") and len(verb) > 4)
        or (
            verb.endswith("s")
            and not verb.endswith("ss")
            and verb not in _PLURAL_HEADS
            and words[0] != "The"
            and not last.endswith(_MODIFIER_ENDINGS)
            and end + 1 < len(words)
            and (words[end + 1][:1].isupper() or words[end + 1] in _OBJECT_OPENERS)
        )
    )
    if not ok:
        return None
    return " ".join(words[:end]), " ".join(words[end:])


def _plural(subject: str) -> bool:
    return " and " in subject


def _apposition(text: str) -> str | None:
    """An apposition after the opening name: "Chile, a key player in the region, imposed ..."."""
    split = _subject_split(text)
    if split is None:
        return None
    subject, rest = split
    appos = "key players in the region" if _plural(subject) else "a key player in the region"
    return f"{subject}, {appos}, {rest}"


def _adverb(text: str, adverb: str) -> str | None:
    """An adverb between the opening name and its verb: "Chile reportedly imposed ..."."""
    split = _subject_split(text)
    if split is None:
        return None
    subject, rest = split
    verb, _, after = rest.partition(" ")
    if adverb.isalpha() and verb in _AUXILIARIES and after and not after.startswith("not "):
        return f"{subject} {verb} {adverb} {after}"  # "Chile will reportedly impose ..."
    return f"{subject} {adverb} {rest}"


def _relative(text: str) -> str | None:
    """A relative clause after the opening name: "Chile, which has long watched the region
    closely, imposed ..."."""
    split = _subject_split(text)
    if split is None:
        return None
    subject, rest = split
    has = "have" if _plural(subject) else "has"
    return f"{subject}, which {has} long watched the region closely, {rest}"


#: name -> transformation of a constructed sentence; None where it does not apply cleanly (the
#: sentence is then left out of that wrapping's figures)
ELABORATIONS: dict[str, Callable[[str], str | None]] = {
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
    "apposition_mid": _apposition,
    "adverb_mid": lambda t: _adverb(t, "reportedly"),
    "also_mid": lambda t: _adverb(t, "also"),
    "time_mid": lambda t: _adverb(t, "on Tuesday"),
    "relative_mid": _relative,
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


def measure(texts: list[str], nlp: Any = None, only: list[str] | None = None) -> dict[str, Any]:
    """Per elaboration (or those named in ``only``): relations kept, lost and added against the
    plain sentences."""
    plain = _extract(texts, nlp)
    kept_texts = [(t, p) for t, p in zip(texts, plain, strict=True) if p]
    report: dict[str, Any] = {"sentences": len(texts), "with_relations": len(kept_texts)}
    total = sum(len(p) for _, p in kept_texts)
    report["relations"] = total
    for name, fn in ELABORATIONS.items():
        if only and name not in only:
            continue
        pairs = [(v, before) for t, before in kept_texts if (v := fn(t)) is not None]
        variants = [v for v, _ in pairs]
        after = _extract(variants, nlp)
        lost, added = [], []
        for (variant, before), now in zip(pairs, after, strict=True):
            for key in sorted(before - now):
                lost.append({"text": variant, "relation": key})
            for key in sorted(now - before):
                added.append({"text": variant, "relation": key})
        applied = sum(len(before) for _, before in pairs)
        report[name] = {
            "applied": len(pairs),
            "kept": round(1 - len(lost) / applied, 4) if applied else 1.0,
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
    ap.add_argument("--only", action="append", default=[], help="run this elaboration only")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    texts = load_cases(args.cases)
    if args.limit:
        texts = texts[: args.limit]
    report = measure(texts, only=args.only)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    print(
        f"{report['sentences']} constructed sentences, {report['with_relations']} with "
        f"relations ({report['relations']} relations)"
    )
    print(f"{'elaboration':18} {'applied':>7} {'kept':>6} {'lost':>5} {'added':>6}")
    for name in ELABORATIONS:
        if name not in report:
            continue
        row = report[name]
        print(
            f"{name:18} {row['applied']:7d} {row['kept']:6.3f} {len(row['lost']):5d} "
            f"{len(row['added']):6d}"
        )
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
