"""Cue entries from the sourced event lexicon (``patterns/relations/event_lexicon.tsv``).

The event lexicon lists, per relation type, the verbs, nouns, adjectives and multiword verbs
that public event ontologies (the CAMEO verb dictionaries and codebook, PLOVER) and SCHEMA.md
give for it, each row with its source (``patterns/relations/SOURCES.md``). This module turns
its rows into ordinary cue entries, so that one argument analysis serves them: a verb's
patient is its object or the object of a listed preposition, a noun's the object of a listed
preposition, its agent the possessor, the demonym or the subject of a support verb.

Rows add breadth only: a lemma that a hand-written entry of ``cues.jsonl`` already covers for
that part of speech keeps the hand-written entry, whose vetoes and requirements were checked
on text. Rows of ``LEADS`` (titles, which the structural rules read) and multiword verbs with a
noun object ("hold talks": the noun's own entry with its support verbs covers them) are not
turned into cues.

Example:
    >>> rows = [{"type": "SANCTIONS", "pos": "noun", "lemma": "embargo", "patient_preps": "on",
    ...          "light_verbs": "impose", "cameo": "163", "source": "cameo-verbs", "note": ""}]
    >>> [c["target"] for c in cue_entries(rows, covered=set())]
    [['prep:on']]
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from geokg.errors import ConfigError

__all__ = ["COLUMNS", "EVENT_LEXICON_FILE", "cue_entries", "read_rows"]

EVENT_LEXICON_FILE = "event_lexicon.tsv"
COLUMNS = ("type", "pos", "lemma", "patient_preps", "light_verbs", "cameo", "source", "note")

# second words of a multiword verb that are particles ("pull out") or prepositions
# introducing the patient ("turn against")
_PARTICLES = frozenset({"up", "down", "out", "off", "back", "away", "over", "in", "aside"})
_PREPOSITIONS = frozenset(
    {"against", "on", "with", "to", "from", "for", "into", "at", "toward", "towards", "behind",
     "around", "alongside", "of", "upon", "by"}
)  # fmt: skip
_SKIPPED_TYPES = frozenset({"LEADS"})
_CONF = 0.6


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of an event lexicon file (tab-separated, one header row).

    Raises:
        ConfigError: The file cannot be read or its header is not :data:`COLUMNS`.
    """
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = next(reader, None)
            if header is None or tuple(header) != COLUMNS:
                raise ConfigError(f"{path}: the header must be {', '.join(COLUMNS)}")
            rows = []
            for n, cells in enumerate(reader, start=2):
                if not cells or not any(cells):
                    continue
                if len(cells) != len(COLUMNS):
                    raise ConfigError(f"{path}, line {n}: {len(cells)} columns, not 8")
                rows.append(dict(zip(COLUMNS, cells, strict=True)))
    except OSError as e:
        raise ConfigError(f"cannot read the event lexicon {path}: {e}") from e
    return rows


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _targets(preps: list[str], *, verb: bool) -> list[str]:
    out = ["dobj"] if verb and (not preps or "dobj" in preps) else []
    out.extend(f"prep:{p}" for p in preps if p != "dobj" and " " not in p)
    return out


def _entry(row: Mapping[str, str], pos: str, lemma: str) -> dict[str, Any]:
    note = row["note"].lower()
    entry: dict[str, Any] = {
        "id": f"lex.{row['type'].lower()}.{pos}.{lemma.replace(' ', '_')}",
        "type": row["type"],
        "pos": pos,
        "lemmas": [lemma],
        "conf": _CONF,
        "source": f"event_lexicon.tsv ({row['source']})",
    }
    if row["cameo"]:
        entry["cameo"] = row["cameo"]
    if "reverse" in note:
        entry["reverse"] = True
    if "mutual" in note:
        entry["mutual"] = True
        entry["reciprocal"] = True
    if "organization" in note and row["type"] == "BREAKS_WITH":
        entry["target_labels"] = ["Organization"]  # "withdrawal from the pact", not a town
    if row["type"] == "MEMBER_OF":
        for status in ("applicant", "former", "member"):
            if f"status={status}" in note:
                entry["status"] = status
                break
        entry["target_labels"] = ["Organization"]
    return entry


def cue_entries(
    rows: Iterable[Mapping[str, str]], *, covered: set[tuple[str, str]]
) -> list[dict[str, Any]]:
    """Cue entries (``cues.jsonl`` dicts) for the rows a hand-written entry does not cover.

    Args:
        rows: Event lexicon rows (:func:`read_rows`).
        covered: ``(part of speech, lemma)`` pairs the hand-written entries already have.

    Returns:
        One entry per new ``(type, part of speech, lemma)``.
    """
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for row in rows:
        rtype, pos, lemma = row["type"], row["pos"], row["lemma"].strip().lower()
        note = row["note"].lower()
        if rtype in _SKIPPED_TYPES or "ambiguous" in note or "weak" in note:
            continue  # ambiguous and weak rows need context a single cue entry cannot check
        preps = _split(row["patient_preps"])
        entry: dict[str, Any] | None = None
        if pos == "verb" and " " not in lemma:
            if ("verb", lemma) in covered:
                continue
            entry = _entry(row, "verb", lemma)
            entry["target"] = _targets(preps, verb=True)
        elif pos == "noun" and " " not in lemma:
            if ("noun", lemma) in covered:
                continue
            entry = _entry(row, "noun", lemma)
            entry["target"] = _targets(preps, verb=False) or ["prep:of"]
            entry["requires_target_or_light"] = True
        elif pos == "adj" and " " not in lemma:
            if ("adj", lemma) in covered or not preps:
                continue
            entry = _entry(row, "adj", lemma)
            entry["target"] = _targets(preps, verb=False)
            entry["strict"] = True
        elif pos == "phrase":
            words = lemma.split()
            if len(words) != 2:
                continue
            verb, second = words
            if second in _PARTICLES:  # the particle keeps it apart from the verb's own entries
                entry = _entry(row, "verb", verb)
                entry["particle"] = [second]
                entry["target"] = _targets(preps, verb=True)
            elif second in _PREPOSITIONS and ("verb", verb) not in covered:
                entry = _entry(row, "verb", verb)
                entry["target"] = _targets([second, *preps], verb=False)
            else:
                continue  # "hold talks": the noun's entry and its support verbs read it
            entry["id"] = f"lex.{rtype.lower()}.phrase.{verb}_{second}"
        if entry is None or entry["id"] in seen or not entry["target"]:
            continue
        seen.add(entry["id"])
        out.append(entry)
    return out
