"""Surface attributes of a relation mention (SCHEMA.md "Properties"): quotation and year.

:func:`quoted_tokens` marks the tokens inside quotation marks (curly or straight quotes,
guillemets); :func:`year_of` finds a four-digit year attached to the relation's predicate
("In 2019 Chile recognized ..."), the first year of a range.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from geokg.extract.relations.subjects import climb_to_verb, climbs_to
from geokg.extract.relations.syntax import SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["quoted_tokens", "year_of"]


_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)(?:s)?(?:[–-]\d{2,4})?$")


_OPEN = {"“": "”", "‘": "’", "``": "''", "«": "»"}
_TOGGLE = frozenset({'"', "'"})


def quoted_tokens(ctx: SentenceContext) -> set[int]:
    """Token indices of a sentence that stand inside quotation marks."""
    doc = ctx.doc
    inside: set[int] = set()
    i = ctx.start
    while i < ctx.end:
        t = doc[i]
        text = t.text
        closer = _OPEN.get(text)
        if closer is None and text in _TOGGLE and t.dep_ != "case":
            closer = text
        if closer is not None:
            for j in range(i + 1, min(ctx.end, i + 80)):
                if doc[j].text == closer or (closer == "'" and doc[j].text == "’"):
                    inside.update(range(i + 1, j))
                    i = j
                    break
        i += 1
    return inside


def year_of(ctx: SentenceContext, anchor: Token) -> int | None:
    """A four-digit year attached to the relation's predicate (first year of a range)."""
    doc = ctx.doc
    years: list[Token] = []
    for i in range(ctx.start, ctx.end):
        t = doc[i]
        if t.text[:1] in "12" and _YEAR.match(t.text):
            years.append(t)
    if not years:
        return None
    # the predicate's clause: climb to the nearest verb
    clause = climb_to_verb(anchor, 6)
    scopes = [anchor, clause]
    for y in years:
        for scope in scopes:
            if scope.left_edge.i <= y.i <= scope.right_edge.i and climbs_to(y, scope):
                return int(y.text[:4])
    if len(years) == 1 and clause.head.i == clause.i:
        return int(years[0].text[:4])
    return None
