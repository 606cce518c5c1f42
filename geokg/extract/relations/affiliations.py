"""A person's party affiliation stated next to the name (``member_party_affiliation.v1``).

SCHEMA.md news conventions: "Republican Representative X" gives X MEMBER_OF the Republican
Party. News states the same affiliation after the name as well:

* "Senator X of the Socialist Party", "Ana Ruiz of the opposition Socialist Party said";
* "X, a lawmaker from the ruling Socialist Party", "X, a member of parliament from the
  Socialist Party", "X, a senator from the opposition Socialist Party";
* "X, a Socialist Party lawmaker".

The party is an Organization of kind ``party``; the status is ``former`` where the member's
title is marked past ("X, a former lawmaker from the Socialist Party"), else ``member``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.schema import EntityLabel

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["party_affiliations"]

_RULE = "member_party_affiliation.v1"
_AFFILIATION_PREPS = frozenset({"of", "from"})
# Titles of people who belong to a party (a party's leader is a LEADS rule's business).
_MEMBER_NOUNS = frozenset(
    {"senator", "representative", "congressman", "congresswoman", "lawmaker", "legislator",
     "member", "deputy", "mp", "parliamentarian", "politician", "candidate", "activist",
     "delegate", "councillor", "councilor", "official", "nominee"}
)  # fmt: skip
_PAST = frozenset({"former", "ex", "onetime", "one-time", "erstwhile"})


def party_affiliations(ctx: SentenceContext, person: EntityAnnotation) -> list[Candidate]:
    """MEMBER_OF candidates for a person's party named after the name or in its apposition.

    Args:
        ctx: The sentence context.
        person: A Leader or Person mention.

    Returns:
        At most one MEMBER_OF candidate (person -> party).
    """
    root = ctx.root_of(person)
    found = _party_after(ctx, root)
    if found is not None:
        return [_candidate(ctx, person, found[0], found[1], _past(ctx, person, None))]
    for noun in root.children:
        if noun.dep_ != "appos" or noun.i < root.i or ctx.lemma(noun) not in _MEMBER_NOUNS:
            continue
        found = _party_after(ctx, noun) or _party_compound(ctx, noun)
        if found is None:
            for prep in noun.children:  # "a member of parliament from the X party"
                for obj in (o for o in prep.children if o.dep_ == "pobj"):
                    found = found or _party_after(ctx, obj)
        if found is not None:
            return [_candidate(ctx, person, found[0], found[1], _past(ctx, person, noun))]
    return []


def _party_after(ctx: SentenceContext, head: Token) -> tuple[EntityAnnotation, Token] | None:
    """The party in an "of"/"from" phrase on ``head``, with the preposition."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in _AFFILIATION_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            party = _party(ctx, obj)
            if party is not None:
                return party, prep
    return None


def _party_compound(ctx: SentenceContext, noun: Token) -> tuple[EntityAnnotation, Token] | None:
    """The party named before a member noun ("a Socialist Party lawmaker")."""
    for child in noun.children:
        if child.dep_ in ("compound", "nmod") and child.i < noun.i:
            party = _party(ctx, child)
            if party is not None:
                return party, child
    return None


def _party(ctx: SentenceContext, tok: Token) -> EntityAnnotation | None:
    """The party entity a token names, itself or on its "party" noun ("the X party")."""
    e = ctx.ent_at.get(tok.i)
    if e is None and ctx.lemma(tok) == "party":
        named = [
            ctx.ent_at[c.i] for c in tok.children if c.dep_ == "compound" and c.i in ctx.ent_at
        ]
        e = named[0] if len(named) == 1 else None
    if e is None or e.label != EntityLabel.ORGANIZATION or e.kind != "party":
        return None
    return e


def _past(ctx: SentenceContext, person: EntityAnnotation, noun: Token | None) -> bool:
    """Whether the member's title is marked past ("a former lawmaker", "former Senator X")."""
    doc = ctx.doc
    words = [c for c in noun.children if c.dep_ == "amod"] if noun is not None else []
    words += [doc[i] for i in range(max(ctx.start, person.start - 3), person.start)]
    return any(w.lower_ in _PAST for w in words)


def _candidate(
    ctx: SentenceContext, person: EntityAnnotation, party: EntityAnnotation, cue: Token, past: bool
) -> Candidate:
    return Candidate(
        source=person,
        type="MEMBER_OF",
        target=party,
        trigger=cue.i,
        anchor=cue.i,
        rule=_RULE,
        confidence=ctx.lex.confidence(_RULE, 0.75),
        cue="title",
        role=None,
        status="former" if past else "member",
        structural=True,
        trigger_end=cue.i + 1,
    )
