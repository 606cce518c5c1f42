"""Pair nominals: "the two countries", "both sides", "the two leaders".

:func:`pair_anaphor` takes the two compatible entities before the nominal in its own sentence
(two, or one coordinated pair; "the latter two" the last two of a list), else asks the
sentence's discourse (:meth:`geokg.extract.relations.context.Discourse.pair`) for the pair the
previous sentences state together. This module sits below :mod:`~geokg.extract.relations.syntax`
(which calls it while resolving arguments) and imports nothing above it at run time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["pair_anaphor"]


_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_PAIR_DETS = frozenset({"the", "these", "those"})


def pair_anaphor(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation] | None:
    """The two entities a pair nominal ("the two countries", "both sides") refers to.

    Args:
        ctx: The sentence of the nominal.
        tok: The nominal's head noun.

    Returns:
        ``None`` when ``tok`` is no pair nominal; otherwise the two entities (from the sentence,
        or from the preceding ones through ``ctx.discourse``), or ``[]`` when unresolved.
    """
    labels = ctx.lex.pair_nouns.get(ctx.lemma(tok))
    if labels is None or tok.tag_ not in _PLURAL_TAGS:
        return None
    both = two = latter = False
    det = ""
    for c in tok.children:
        low = c.lower_
        if low == "both" and c.dep_ in ("det", "predet", "preconj"):
            both = True
        elif low == "two" and c.dep_ == "nummod":
            two = True
        elif low == "latter" and c.dep_ == "amod":
            latter = True
        elif c.dep_ == "det":
            det = low
    if not (both or (two and det in _PAIR_DETS)):
        return None
    inner = range(tok.left_edge.i, tok.right_edge.i + 1)
    before = [
        e
        for e in ctx.entities
        if e.end <= tok.i and e.label.value in labels and e.start not in inner
    ]
    if latter:
        # "Chile, Peru, Ghana and Kenya ... the latter two nations": the list's last two
        return _latter_two(ctx.doc, before)
    names = {e.name for e in before}
    if len(names) == 2:
        return _first_per_name(before)
    if len(names) > 2:
        pairs = _coordinated_pairs(ctx.doc, before, labels)
        return list(pairs[0]) if len(pairs) == 1 else []
    if names or ctx.discourse is None:
        return []
    return ctx.discourse.pair(ctx.index, labels)


def _latter_two(doc: Doc, ents: list[EntityAnnotation]) -> list[EntityAnnotation]:
    """The last two members of the nearest coordination of three or more before the nominal."""
    at = {i: e for e in ents for i in range(e.start, e.end)}
    for e in reversed(ents):
        t = doc[e.end - 1]
        group = _first_per_name([at[c.i] for c in (t, *t.conjuncts) if c.i in at])
        if len(group) >= 3:
            group.sort(key=lambda x: x.start)
            return group[-2:]
    return []


def _first_per_name(ents: list[EntityAnnotation]) -> list[EntityAnnotation]:
    """The first mention of each name, in order (callers expect two names or more)."""
    out: list[EntityAnnotation] = []
    for e in ents:
        if all(o.name != e.name for o in out):
            out.append(e)
    return out


def _coordinated_pairs(
    doc: Doc, ents: list[EntityAnnotation], labels: frozenset[str]
) -> list[tuple[EntityAnnotation, EntityAnnotation]]:
    """Distinct unordered pairs of compatible entities coordinated with each other ("A and B",
    "between A and B"); a coordination of three or more is no pair."""
    at: dict[int, EntityAnnotation] = {}
    for e in ents:
        if e.label.value in labels:
            for i in range(e.start, e.end):
                at[i] = e
    seen: set[frozenset[str]] = set()
    out: list[tuple[EntityAnnotation, EntityAnnotation]] = []
    for e in ents:
        if e.label.value not in labels:
            continue
        t = doc[e.end - 1]
        group = [e] + [at[c.i] for c in t.conjuncts if c.i in at]
        names = frozenset(g.name for g in group)
        if len(names) != 2 or names in seen:
            continue
        seen.add(names)
        out.append((group[0], next(g for g in group if g.name != group[0].name)))
    return out
