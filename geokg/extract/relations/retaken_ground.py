"""Control of ground taken from a party: "Chilean troops regained control of Arica from the
rebels" (``control_from.v1``).

A verb of taking ("regain", "retake", "seize", "take", "wrest", "win back") whose object is
"control" of a held place (a ``Place`` or ``Country`` entity, or a place noun: "the town", "the
airport") with a "from" party gives the subject ATTACKS the party (CAMEO 19, fight: occupy
territory; PLOVER ASSAULT/FIGHT). Control of an institution ("wrested control of the senate
from the ruling party") is politics and gives nothing, and so does control with no "from"
party, and so does a company's takeover ("took control of the port from Peru"). Retaking a
town itself ("recaptured the town from X") is the ``retake_from.verb`` cue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.slots import _VERB_POS, _word_in
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["control_from"]

RULE = "control_from.v1"
_TAKING = frozenset(
    {"regain", "retake", "retook", "recapture", "seize", "take", "wrest", "win", "reclaim"}
)
_CONTROL = frozenset({"control", "hold", "possession", "command"})
_HELD_LABELS = frozenset({"Place", "Country"})
_PLACE_NOUNS = frozenset(
    {
        "town",
        "city",
        "village",
        "area",
        "territory",
        "region",
        "district",
        "province",
        "base",
        "airbase",
        "airfield",
        "airport",
        "port",
        "hill",
        "stronghold",
        "border",
        "crossing",
        "island",
        "capital",
        "outpost",
        "oilfield",
        "dam",
        "bridge",
        "highway",
        "road",
        "neighborhood",
        "neighbourhood",
        "suburb",
        "enclave",
        "valley",
        "coast",
        "coastline",
        "peninsula",
        "harbor",
        "harbour",
        "refinery",
        "strait",
        "pass",
    }
)
_PARTY_LABELS = frozenset({"Country", "Organization", "Group"})


def _held_place(ctx: SentenceContext, tok: Token) -> bool:
    """Whether ``tok`` names a held place: a place or state entity, or a place noun."""
    ent = ctx.ent_at.get(tok.i)
    if ent is not None:
        return ent.label.value in _HELD_LABELS
    return ctx.lemma(tok) in _PLACE_NOUNS or tok.lower_ in _PLACE_NOUNS


def control_from(ctx: SentenceContext, v: Token) -> list[Candidate]:
    """``control_from.v1``: the subject of "regained control of <place> from Y" ATTACKS Y."""
    if v.pos_ not in _VERB_POS or ctx.lemma(v) not in _TAKING:
        return []
    control = next((c for c in v.children if c.dep_ == "dobj" and ctx.lemma(c) in _CONTROL), None)
    if control is None:
        return []
    places = [o for _, o in ctx.prep_objects(control, ("of", "over"))]
    if not any(_held_place(ctx, p) for p in places):
        return []
    # "from" on the verb, or on the place the parser hung it from ("of Arica from the rebels")
    holders = [o for _, o in ctx.prep_objects(v, ("from",))]
    holders += [o for p in places for _, o in ctx.prep_objects(p, ("from",))]
    targets = [e for e in ctx.args_of(holders) if e.label.value in _PARTY_LABELS]
    if not targets:
        return []
    agents, _ = ctx.subjects(v)
    lex = ctx.lex
    # a named party or an armed body standing for one ("Chilean troops"); a company taking
    # over a port from its owner is commerce, not force
    agents = [
        a
        for a in agents
        if a.i in ctx.ent_at or _word_in(ctx, a, lex.led_actor_nouns | lex.transparent_nouns)
    ]
    sources = [e for e in ctx.args_of(agents) if e.kind != "company"]
    conf = lex.confidence(RULE)
    return [
        Candidate(s, "ATTACKS", t, v.i, v.i, RULE, conf)
        for s in sources
        for t in targets
        if s.name != t.name
    ]
