"""Definite descriptions that stand for an entity named before: "the bloc", "the kingdom".

In "Ghana asked ECOWAS for help. The bloc sent troops." the description "the bloc" names
ECOWAS. :func:`definite_antecedent` resolves such a description to the most recent entity
mention that agrees with it: an organization of a fitting kind for "the bloc", "the alliance",
"the organization", "the union" (a name with "Union" in it), "the commission" (likewise), a
state for "the kingdom", "the island nation", "the Gulf state". It looks in the sentence
before the description, then a few sentences back (the component marks relations with an
endpoint from an earlier sentence as ``context``). A description with a name inside ("the
NATO alliance", "the Western alliance") is that name, not an anaphor, and is left to the
entity component.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["DESCRIPTION_NOUNS", "definite_antecedent"]

_ORG_KINDS: dict[str, frozenset[str]] = {
    "bloc": frozenset({"bloc", "igo", "alliance"}),
    "alliance": frozenset({"alliance", "bloc"}),
    "organization": frozenset({"igo", "bloc", "alliance", "agency"}),
    "organisation": frozenset({"igo", "bloc", "alliance", "agency"}),
    "union": frozenset({"bloc", "igo"}),
    "commission": frozenset({"igo"}),
    "coalition": frozenset({"alliance", "bloc"}),
    "party": frozenset({"party"}),
    "movement": frozenset({"party", "armed_group"}),
}
# head nouns that name a state, with the modifiers that may come with them
_STATE_NOUNS: dict[str, frozenset[str]] = {
    "kingdom": frozenset(),
    "emirate": frozenset(),
    "sultanate": frozenset(),
    "nation": frozenset({"island", "gulf", "african", "asian", "arab", "baltic", "balkan"}),
    "state": frozenset({"island", "gulf", "baltic", "balkan", "city", "city-"}),
    "country": frozenset({"island", "gulf", "landlocked", "baltic", "balkan"}),
    "republic": frozenset({"island", "former", "soviet", "islamic"}),
}
_NAMED_BY_HEAD = {"union": "Union", "commission": "Commission"}
_LOOKBACK = 3
#: Head nouns of the descriptions resolved here (the component looks for them in sentences
#: with fewer than two entities).
DESCRIPTION_NOUNS = frozenset(_ORG_KINDS) | frozenset(_STATE_NOUNS)


def _fits(noun: str, ent: EntityAnnotation) -> bool:
    if noun in _ORG_KINDS:
        if ent.label.value != "Organization" or ent.kind not in _ORG_KINDS[noun]:
            return False
        # "the union", "the commission": a name with that word in it
        return noun not in _NAMED_BY_HEAD or _NAMED_BY_HEAD[noun] in ent.name
    return ent.label.value == "Country"


_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "conj"})


def _binds(ctx: SentenceContext, ent: EntityAnnotation, tok: Token) -> bool:
    """Whether the entity is the subject of a clause the description stands in: in "Iran
    accused the kingdom", "the kingdom" cannot be Iran."""
    root = ctx.root_of(ent)
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = root.head
    node = tok
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ in _CLAUSE_DEPS:
            return False
        node = node.head
    return node.i == verb.i


def definite_antecedent(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation] | None:
    """The entity a definite description stands for, or ``None`` if it is not one.

    Args:
        ctx: The sentence (linked to its discourse for earlier sentences).
        tok: The head noun of the description.
    """
    noun = tok.lower_
    if tok.pos_ != "NOUN" or (noun not in _ORG_KINDS and noun not in _STATE_NOUNS):
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    allowed = _STATE_NOUNS.get(noun)
    for c in tok.children:
        if c.i in ctx.ent_at or c.dep_ in ("poss", "prep", "relcl", "acl", "appos"):
            return None  # "the NATO alliance", "the alliance of X", "the bloc's ..."
        if allowed is not None and c.dep_ in ("amod", "compound") and c.lower_ not in allowed:
            return None  # "the Westphalian state": a concept, not a state named before
    if noun in ("nation", "state", "country", "republic") and not any(
        c.dep_ in ("amod", "compound") for c in tok.children
    ):
        return None  # bare "the state", "the country": too often generic
    # this sentence before the description, then up to _LOOKBACK sentences back, latest first
    pools = [[e for e in ctx.entities if e.end <= tok.i and not _binds(ctx, e, tok)]]
    disc = ctx.discourse
    if disc is not None and ctx.index >= 0:
        first = max(0, ctx.index - _LOOKBACK)
        pools.extend(disc.entities_in(i) for i in range(ctx.index - 1, first - 1, -1))
    for pool in pools:
        for e in reversed(pool):
            if _fits(noun, e):
                return [e]
    return None
