"""Hand-built parses for entity tests: one token per row, so rule tests need no model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

__all__ = ["Row", "cases", "frozen", "parse"]

# One token per row: word, pos, tag, dep, head (absolute index), lemma, NER IOB tag.
Row = tuple[str, str, str, str, int, str, str]


def parse(blank: Any, rows: list[Row]) -> Doc:
    """A ``Doc`` in ``blank``'s vocabulary with the rows' tags, parse and NER tags."""
    words, pos, tags, deps, heads, lemmas, ents = (list(x) for x in zip(*rows, strict=True))
    return Doc(
        blank.vocab,
        words=words,
        pos=pos,
        tags=tags,
        deps=deps,
        heads=heads,
        lemmas=lemmas,
        ents=ents,
    )


def frozen(blank: Any, rows: list[list[Any]]) -> Doc:
    """A ``Doc`` from a frozen model parse (``data/entities/*.jsonl`` token rows: word, pos,
    tag, dep, head, lemma, NER IOB tag, trailing space, sentence start)."""
    return Doc(
        blank.vocab,
        words=[r[0] for r in rows],
        spaces=[r[7] for r in rows],
        pos=[r[1] for r in rows],
        tags=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
        ents=[r[6] for r in rows],
        sent_starts=[r[8] for r in rows],
    )


def cases(name: str) -> dict[str, dict[str, Any]]:
    """The frozen cases of ``data/entities/<name>`` by id (one JSON object a line)."""
    path = Path(__file__).parent / "data" / "entities" / name
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    return {row["id"]: row for row in rows}
