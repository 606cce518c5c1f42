"""Opposition a party receives: "X's plan met with opposition from Y" (``met_opposition.v1``).

The noun of opposition is the object of a verb of receiving ("faced opposition from Y",
"met with resistance from Y", "ran into pushback from Y"); its ``from`` phrase names who
opposes, and the verb's subject names what is opposed: a party ("Chile faced opposition from
Peru") or a party's act or plan ("Chile's proposal met with opposition from Peru", "the
Chilean plan ...", "the move by Chile ..."), whose owner is then the target (CAMEO 11/12,
SCHEMA.md OPPOSES). A noun of criticism received the same way ("Chile's plan met with
condemnation from Peru", "the move by Chile drew criticism from Peru") is CRITICIZES
(CAMEO 111, ``met_criticism.v1``); "met with" is the verb the light-verb reading misses.
Fire taken with a reason ("Chile came under fire from Peru over its tariffs", "... for the
arrests") is the same criticism (``under_fire.v1``), not an assault; without a reason phrase,
or with one of time ("over the weekend"), it stays an attack (``under_attack.py``). "Came /
is under criticism from Peru" is the same (``under_fire.v1``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.slots import _VERB_POS
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation

__all__ = ["figurative_fire", "received_criticism", "received_opposition", "under_fire"]

# owner slots of the opposed thing ("Chile's plan", "the Chilean plan", "a Chile plan")
_OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
# nouns of criticism received from a critic (CAMEO 111 criticize or denounce)
_CRITICISM_NOUNS = frozenset({"criticism", "criticisms", "condemnation", "censure", "rebuke"})
_CRITICISM_NOUNS |= {"rebukes", "reprimand", "denunciation"}
# what the fire was drawn by ("under fire over its tariffs"), unless a stretch of time
_REASON_PREPS = frozenset({"for", "over"})
_TIME_NOUNS = frozenset({"weekend", "night", "day", "week", "month", "year", "hour", "minute"})
_TIME_NOUNS |= {"period", "past", "course", "time", "decade", "morning", "evening", "while"}


def _receiving_verb(ctx: SentenceContext, n: Token) -> Token | None:
    """The verb of receiving that takes the noun ``n`` as its object, if any."""
    if n.dep_ == "dobj":
        v = n.head
        prep = ""
    elif n.dep_ == "pobj" and n.head.dep_ == "prep":
        v = n.head.head
        prep = n.head.lower_
    else:
        return None
    if v.pos_ not in _VERB_POS:
        return None
    want = ctx.lex.receiving_verbs.get(v.lemma_.lower())
    if want is None or want != prep:
        return None
    return v


def _opposed(ctx: SentenceContext, v: Token) -> list[EntityAnnotation]:
    """The party opposed: the verb's subject, or the owner of the act or plan it names."""
    agents, _ = ctx.subjects(v)
    out: list[EntityAnnotation] = []
    for a in agents:
        if a.i in ctx.ent_at:
            out.extend(ctx.args(a))
            continue
        for c in a.children:
            if c.dep_ in _OWNER_DEPS and c.i < a.i and c.i in ctx.ent_at:
                out.extend(ctx.args(c))
        out.extend(ctx.args_of((o for _, o in ctx.prep_objects(a, {"by"})), strict=True))
    return out


def received_opposition(ctx: SentenceContext, n: Token) -> list[Candidate]:
    """``met_opposition.v1``: the ``from`` party OPPOSES the subject (or its owner)."""
    if ctx.lemma(n) not in ctx.lex.opposition_nouns:
        return []
    return _received(ctx, n, "OPPOSES", "met_opposition.v1", "met.opposition")


def received_criticism(ctx: SentenceContext, n: Token) -> list[Candidate]:
    """``met_criticism.v1``: the ``from`` party CRITICIZES the subject (or its owner)."""
    if ctx.lemma(n) not in _CRITICISM_NOUNS and n.lower_ not in _CRITICISM_NOUNS:
        return []
    return _received(ctx, n, "CRITICIZES", "met_criticism.v1", "criticism.noun")


def _received(ctx: SentenceContext, n: Token, rtype: str, rule: str, cue: str) -> list[Candidate]:
    """The ``from`` party of a received noun toward the receiving verb's subject."""
    v = _receiving_verb(ctx, n)
    if v is None:
        return []
    return _from_party(ctx, n, v, rtype, rule, 0.6, cue)


def _from_party(
    ctx: SentenceContext, n: Token, v: Token, rtype: str, rule: str, conf: float, cue: str
) -> list[Candidate]:
    """The noun's (else the verb's) ``from`` party toward the receiving verb's subject."""
    froms = [o for _, o in ctx.prep_objects(n, {"from"})]
    if not froms:
        froms = [o for _, o in ctx.prep_objects(v, {"from"})]
    targets = _opposed(ctx, v)
    return [
        Candidate(s, rtype, t, n.i, v.i, rule, conf, cue)
        for s in ctx.args_of(froms, strict=True)
        for t in targets
        if s.name != t.name
    ]


def figurative_fire(ctx: SentenceContext, n: Token) -> Token | None:
    """The verb of "came under fire for / over ...": fire taken for a stated reason, or None;
    a noun of criticism needs no reason ("came under criticism from Y")."""
    lem = ctx.lemma(n)
    if n.dep_ != "pobj" or ctx.lemma(n.head) != "under" or lem not in _CRITICISM_NOUNS | {"fire"}:
        return None
    v = n.head.head
    if v.pos_ not in _VERB_POS and v.pos_ != "AUX":
        return None
    if lem != "fire":
        return v
    for t in (n, n.head, v):
        for _, o in ctx.prep_objects(t, _REASON_PREPS):
            if ctx.lemma(o) not in _TIME_NOUNS and not o.like_num and o.ent_type_ not in _TIMES:
                return v
    return None


_TIMES = frozenset({"DATE", "TIME"})
_FIRE_RULE = "under_fire.v1"


def under_fire(ctx: SentenceContext, n: Token) -> list[Candidate]:
    """``under_fire.v1``: the ``from`` party CRITICIZES the subject (or its plan's owner)."""
    v = figurative_fire(ctx, n)
    if v is None:
        return []
    conf = ctx.lex.confidence(_FIRE_RULE, 0.6)
    return _from_party(ctx, n, v, "CRITICIZES", _FIRE_RULE, conf, "fire.noun")
