"""Envoys expelled, told from their side: "Peruvian diplomats were expelled from Chile".

A passive verb of expulsion whose subject is an envoy noun of a named state and whose
``from`` (or "out of") phrase names the state they leave: "Peru's ambassador was expelled
from Chile", "Peruvian diplomats were kicked out of Chile", "were ordered out of Chile",
"the Peruvian envoy was ordered to leave Chile". The state left is the expeller, as in the
active "Chile expelled Peruvian diplomats": it SANCTIONS the envoys' state (SCHEMA.md
SANCTIONS cues: expelling diplomats; CAMEO 1663 expel diplomats), read with
``kick_out_envoy.verb``'s confidence and provenance (``expelled_from.v1``). A "by" agent is
the ordinary passive reading's; a state expelled from a body ("Peru was expelled from the
council") is membership, not this; a place left that is no state gives nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.organs import owning_states
from geokg.extract.relations.slots import _VERB_POS, _pairs

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import Candidate, SentenceContext

__all__ = ["expelled_envoys"]

_CUE = "kick_out_envoy.verb"
_RULE = "expelled_from.v1"
# verbs whose passive subject is put out of the "from" place
_EXPELLING = frozenset({"expel", "eject", "oust", "banish", "deport"})
# verbs that put their passive subject "out of" a place ("kicked out of", "ordered out of")
_OUT_OF = frozenset({"kick", "throw", "boot", "order", "turf", "chuck", "expel", "force"})
# "was ordered to leave Chile": verbs of ordering whose clause is a leaving
_ORDERING = frozenset({"order", "tell", "ask", "instruct", "give"})


def _left_places(ctx: SentenceContext, v: Token) -> list[Token]:
    """The places the passive verb's subject is put out of."""
    lem = ctx.lemma(v)
    out: list[Token] = []
    if lem in _EXPELLING:
        out.extend(o for _, o in ctx.prep_objects(v, ("from",)))
    if lem in _OUT_OF:
        for p in v.children:
            if p.dep_ in ("prep", "prt", "advmod") and p.lower_ == "out":
                out.extend(o for _, o in ctx.prep_objects(p, ("of",)))
                out.extend(o for _, o in ctx.prep_objects(v, ("of",)))
    if lem in _ORDERING:
        for x in ctx.children(v, "xcomp"):
            if ctx.lemma(x) == "leave":
                out.extend(ctx.children(x, "dobj"))
    return out


def expelled_envoys(ctx: SentenceContext) -> list[Candidate]:
    """ "Peruvian diplomats were expelled from Chile": Chile SANCTIONS Peru."""
    cue = ctx.lex.cue(_CUE)
    if cue is None or not ctx.has_lemma(cue.objects):
        return []
    out: list[Candidate] = []
    for v in ctx.tokens():
        if v.pos_ not in _VERB_POS or not ctx.is_passive(v):
            continue
        if any(c.dep_ == "agent" for c in v.children):
            continue  # "... by Chile": the passive's own agent
        envoys = [
            s
            for s in ctx.children(v, "nsubjpass")
            if ctx.lemma(s) in cue.objects or s.lower_ in cue.objects
        ]
        if not envoys:
            continue
        places = _left_places(ctx, v)
        expellers = [e for e in ctx.args_of(places, strict=True) if e.label.value == "Country"]
        if not expellers:
            continue
        for envoy in envoys:
            out.extend(_pairs(ctx, expellers, owning_states(ctx, envoy), cue, v, _RULE))
    return out
