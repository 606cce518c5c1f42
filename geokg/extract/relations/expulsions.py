"""A state declaring another state's diplomats "persona non grata" expels them (SANCTIONS).

SCHEMA.md SANCTIONS cues include expelling diplomats; CAMEO 1663 (expel or withdraw:
expel diplomats). "Chile expelled Peru's ambassador" and "kicked out the Peruvian envoy" are
cue readings (``sanction.verb``, ``kick_out_envoy.verb``); the Latin idiom is parsed as a
clause of its own ("declared [the Peruvian ambassador persona] non grata"), so it is read
here: the declarer (a state or an organ of one) SANCTIONS the state whose envoy it is. The
envoy's state must be named on the envoy noun ("Peru's ambassador", "Peruvian diplomats");
"declared the journalist persona non grata" or a declaration with no named declarer give
nothing. The reading is that of ``kick_out_envoy.verb`` (its confidence and provenance).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.organs import owning_states
from geokg.extract.relations.slots import _pairs

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import Candidate, SentenceContext

__all__ = ["declared_unwelcome"]

_CUE = "kick_out_envoy.verb"
_DECLARE = frozenset({"declare", "name", "deem", "proclaim"})
_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def declared_unwelcome(ctx: SentenceContext) -> list[Candidate]:
    """ "Chile declared the Peruvian ambassador persona non grata": the declarer SANCTIONS
    the envoy's state (module docstring)."""
    cue = ctx.lex.cue(_CUE)
    if cue is None:
        return []
    doc = ctx.doc
    out: list[Candidate] = []
    for i in range(ctx.start + 2, ctx.end):
        if doc[i].lower_ != "grata" or doc[i - 1].lower_ != "non":
            continue
        persona = doc[i - 2]
        if persona.lower_ != "persona":
            continue
        verb = _declaring_verb(ctx, (persona, persona.head, doc[i].head, doc[i].head.head))
        if verb is None:
            continue
        envoy = _envoy(ctx, cue.objects, (persona, doc[i], verb), persona.i)
        if envoy is None:
            continue
        agents, _ = ctx.subjects(verb)
        if not agents:  # "was declared persona non grata by Chile": "by" hangs on the idiom
            agents = [o for t in (persona, doc[i]) for _, o in ctx.prep_objects(t, ("by",))]
        sources = ctx.args_of(agents, strict=True)
        out.extend(_pairs(ctx, sources, owning_states(ctx, envoy), cue, verb, "svo_active.v1"))
    return out


def _declaring_verb(ctx: SentenceContext, toks: tuple[Token, ...]) -> Token | None:
    for t in toks:
        if t.pos_ in ("VERB", "AUX") and ctx.lemma(t) in _DECLARE:
            return t
    return None


def _envoy(
    ctx: SentenceContext, nouns: frozenset[str], heads: tuple[Token, ...], before: int
) -> Token | None:
    """The diplomat noun declared unwelcome: a subject or object before "persona"."""
    for h in heads:
        for c in h.children:
            if (
                c.dep_ in _ARG_DEPS
                and c.i < before
                and (ctx.lemma(c) in nouns or c.lower_ in nouns)
            ):
                return c
    return None
