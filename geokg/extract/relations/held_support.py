"""Support held by its receiver: "Chile has the backing of Peru" (``held_support.v1``).

A support noun that is the object of a verb of having or gaining ("has the backing of Peru",
"enjoys the support of Peru and Bolivia", "secured Peru's endorsement", "won Peruvian backing")
names its giver in its ``of`` phrase or before it, and its receiver in the verb's subject:
the subject itself when it names a party ("Chile enjoys the support of Peru"), else the owner
of the act or plan it names ("Chile's plan has the backing of Peru", "the Chilean proposal has
the support of Peru"). The giver SUPPORTS the receiver (CAMEO 05 endorse, seen from the
receiving side; SCHEMA.md SUPPORTS). The support noun's ``of`` phrase is here its giver, not
its target, so the light-verb reading that makes the holder the supporter ("Chile SUPPORTS
Peru") is dropped (``held_not_given``). A plan with no named owner ("the plan has the backing
of Peru") names no receiver and gives nothing; so does a support the subject loses or seeks.
Recognition is held the same way ("Kosovo won recognition from Ghana", "has the recognition
of Ghana": Ghana RECOGNIZES Kosovo, CAMEO 054), and both take a "from" giver too ("won
support from Peru").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.slots import _NOUN_POS, _VERB_POS, _pairs
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation

__all__ = ["held_not_given", "held_support"]

_RULE = "held_support.v1"
# nouns of political support or recognition a party holds, with the cue whose type they take
# (aid and loans are received_aid.v1's)
_HELD_NOUNS = {
    "support": "support.noun",
    "backing": "support.noun",
    "endorsement": "support.noun",
    "blessing": "support.noun",
    "recognition": "recognition.noun",
}
# verbs whose subject holds or gains the support
_HOLDING = frozenset({"have", "enjoy", "win", "secure", "gain", "get", "retain", "keep"})
_HOLDING |= {"command", "earn", "garner", "obtain", "receive"}
# owner slots of the supported act or plan ("Chile's plan", "the Chilean plan")
_OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
_GIVER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
_PARTY_LABELS = frozenset({"Country", "Group", "Organization", "Leader", "Person"})
_RECOGNIZED_LABELS = _PARTY_LABELS | {"Place"}


def _holding_verb(ctx: SentenceContext, n: Token) -> Token | None:
    """The verb of having or gaining whose direct object is the support noun ``n``."""
    if n.dep_ != "dobj" or n.head.pos_ not in _VERB_POS:
        return None
    v = n.head
    return v if ctx.lemma(v) in _HOLDING else None


def _givers(ctx: SentenceContext, n: Token) -> list[EntityAnnotation]:
    """The support's givers: its ``of`` phrase ("the backing of Peru and Bolivia") or a
    possessive, demonym or name before it ("Peru's backing", "Peruvian support")."""
    toks = [o for _, o in ctx.prep_objects(n, {"of", "from"})]
    # the parser may hang "from Peru" on the verb ("won recognition from Peru")
    toks += [o for _, o in ctx.prep_objects(n.head, {"from"}) if o.i > n.i]
    toks += [c for c in n.children if c.dep_ in _GIVER_DEPS and c.i < n.i]
    return [e for e in ctx.args_of(toks, strict=True) if e.label.value in _PARTY_LABELS]


def _receivers(ctx: SentenceContext, v: Token, labels: frozenset[str]) -> list[EntityAnnotation]:
    """The holder: the verb's subject when it names a party, else the owner of the act or
    plan the subject names."""
    agents, _ = ctx.subjects(v)
    out: list[EntityAnnotation] = []
    for a in agents:
        if a.i in ctx.ent_at:
            out.extend(ctx.args(a, strict=True))
            continue
        if a.pos_ not in _NOUN_POS:
            continue
        for c in a.children:
            if c.dep_ in _OWNER_DEPS and c.i < a.i and c.i in ctx.ent_at:
                out.extend(ctx.args(c, strict=True))
    return [e for e in out if e.label.value in labels]


def _held(ctx: SentenceContext) -> list[tuple[Token, Token]]:
    """The (support noun, holding verb) pairs of the sentence."""
    out: list[tuple[Token, Token]] = []
    for n in ctx.tokens():
        if n.pos_ not in _NOUN_POS or ctx.lemma(n) not in _HELD_NOUNS or n.i in ctx.ent_at:
            continue
        if ctx.prep_objects(n, {"for", "to", "toward", "towards"}):
            continue  # "has the support of Peru for its bid": left to the noun's own reading
        v = _holding_verb(ctx, n)
        if v is not None:
            out.append((n, v))
    return out


def held_support(ctx: SentenceContext) -> list[Candidate]:
    """ "Chile's plan has the backing of Peru": Peru SUPPORTS Chile."""
    if not ctx.has_lemma(_HELD_NOUNS):
        return []
    out: list[Candidate] = []
    for n, v in _held(ctx):
        cue = ctx.lex.cue(_HELD_NOUNS[ctx.lemma(n)])
        if cue is None:
            continue
        givers = _givers(ctx, n)
        if givers:
            # a recognized state may be one the gazetteer files as a place ("Kosovo")
            labels = _RECOGNIZED_LABELS if cue.type.value == "RECOGNIZES" else _PARTY_LABELS
            out.extend(_pairs(ctx, givers, _receivers(ctx, v, labels), cue, n, _RULE, anchor=v))
    return out


def held_not_given(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """The holder of a support does not give it by holding it: "Chile has the backing of
    Peru" is not Chile SUPPORTS Peru on the words of that noun."""
    if not ctx.has_lemma(_HELD_NOUNS):
        return found
    # a held support is never the holder's; a held recognition is read here only where this
    # rule names its giver and holder
    held = {n.i for n, _ in _held(ctx) if _HELD_NOUNS[ctx.lemma(n)] == "support.noun"}
    held |= {c.trigger for c in held_support(ctx)}
    if not held:
        return found
    types = ("SUPPORTS", "RECOGNIZES")
    return [c for c in found if c.rule == _RULE or c.trigger not in held or c.type not in types]
