"""Reciprocal objects: "each other", "one another", and "the other" after "each" or "both".

"Chile and Peru criticized each other", "the two sides imposed sanctions on one another",
"Chile and Peru each accused the other", "with both Chile and Peru blaming the other": the
parties are the subjects of the clause, when they are two or more, and every rule then pairs
each of them with the others, so the relation holds both ways (``arguments.py`` asks here).
"The other" is reciprocal only after a distributive "each" or "both", never in a contrast
("backed one candidate and criticized the other"), and only with named subjects: a pair
nominal ("both rivals accused the other") is left to the rules that resolve it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.subjects import _VERBAL, climb_to_verb

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["reciprocal", "reciprocal_antecedents"]

_DISTRIBUTIVE = frozenset({"each", "both"})


def _the_other(tok: Token) -> bool:
    """ "the other" read as the head, after "each" or "both" and with no "one" before it."""
    if tok.lower_ != "other" or not any(
        c.lower_ == "the" and c.dep_ == "det" for c in tok.children
    ):
        return False
    words = {t.lower_ for t in tok.sent}
    return "one" not in words and bool(words & _DISTRIBUTIVE)


def reciprocal(tok: Token) -> bool:
    """Whether ``tok`` is a reciprocal object (the parser reads "other"/"one" as the head)."""
    low = tok.lower_
    if low == "other":
        return any(c.lower_ == "each" and c.dep_ == "det" for c in tok.children) or _the_other(tok)
    if low == "one":
        return any(c.lower_ == "another" for c in tok.children)
    return False


def reciprocal_antecedents(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation]:
    """The parties of a reciprocal object: the subjects of its clause, two or more."""
    v = climb_to_verb(tok.head, 5)
    if v.pos_ not in _VERBAL:
        return []
    agents, _ = ctx.subjects(v)
    if _the_other(tok) and any(a.i not in ctx.ent_at and a.lower_ != "each" for a in agents):
        return []  # "both rivals accused the other": no named parties
    found = ctx.args_of(agents)
    return found if len({e.name for e in found}) >= 2 else []
