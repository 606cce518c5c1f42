"""The states (or peoples) a noun's demonym modifiers name: "its Syrian and Iranian allies".

Shared by the argument reader (``arguments.py``: "abandoned its Syrian allies", "its Kurdish
allies" stand for those states or peoples as a strict argument) and the role nouns
(``roles.py``: "Russia's Syrian partners" hold the role towards the owner).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["ALLY_LABELS", "demonym_states"]

# allies named by a demonym: states ("Syrian allies") and peoples ("Kurdish allies")
ALLY_LABELS = frozenset({"Country", "Group"})
_STATES = frozenset({"Country"})


def demonym_states(
    ctx: SentenceContext, tok: Token, labels: frozenset[str] = _STATES
) -> list[EntityAnnotation]:
    """ "its Syrian and Iranian allies": the Country entities (or those of ``labels``) among
    a noun's modifiers before it."""
    out: list[EntityAnnotation] = []
    seen: set[tuple[int, int]] = set()
    for c in tok.children:
        if c.dep_ not in ("amod", "compound", "nmod"):
            continue
        for m in (c, *c.conjuncts):
            e = ctx.ent_at.get(m.i)
            if e is None or e.label.value not in labels or m.i > tok.i:
                continue
            if (e.start, e.end) not in seen:
                seen.add((e.start, e.end))
                out.append(e)
    return out
