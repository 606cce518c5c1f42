"""Hand-built parses for entity tests: one token per row, so rule tests need no model."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

__all__ = ["Row", "parse"]

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
