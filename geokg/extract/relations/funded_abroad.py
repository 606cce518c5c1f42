"""Works a state funds or builds in another state, said with an active verb (SUPPORTS).

"Chile financed a railway in Peru", "Chile funds schools in Peru", "Chile is building a port
in Peru": the active form of what ``works.py`` reads on participles ("the Chilean-funded
railway in Peru"), under the same SCHEMA.md news convention (giving loans or aid to a party is
SUPPORTS; CAMEO 07 provide aid, PLOVER AID). A verb of funding or building
(``works_participles``) whose subject names a state and whose object is a works noun
(``funded_works``) placed by an "in" phrase (on the object or on the verb) naming another
state: the subject SUPPORTS that state (``funded_abroad.v1``). A company or a demonym-marked
group as the subject ("Chilean firms built roads in Peru"), works in the builder's own state
and works placed in no named state give nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.slots import _VERB_POS, _pairs
from geokg.extract.relations.struck_sites import states_in

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.syntax import Candidate, SentenceContext

__all__ = ["funded_abroad"]

_SUPPORT_CUE = "support.verb"
_RULE = "funded_abroad.v1"
_IN = ("in", "inside", "across", "throughout")


def _funders(ctx: SentenceContext, v: Token) -> list[EntityAnnotation]:
    """The states the verb's subjects name themselves ("Chile", "the Chilean government")."""
    agents, _ = ctx.subjects(v)
    return [
        e
        for a in agents
        if a.i in ctx.ent_at
        for e in ctx.args(a, strict=True)
        if e.label.value == "Country"
    ]


def funded_abroad(ctx: SentenceContext) -> list[Candidate]:
    """ "Chile financed a railway in Peru": Chile SUPPORTS Peru."""
    lex = ctx.lex
    cue = lex.cue(_SUPPORT_CUE)
    if cue is None or not ctx.has_lemma(lex.funded_works):
        return []
    out: list[Candidate] = []
    for v in ctx.tokens():
        if v.pos_ not in _VERB_POS or ctx.lemma(v) not in lex.works_participles:
            continue
        if ctx.is_passive(v):
            continue  # "financed by Chile": works.py's participle reading
        works = [
            o
            for o in ctx.children(v, "dobj")
            if ctx.lemma(o) in lex.funded_works and o.i not in ctx.ent_at
        ]
        if not works:
            continue
        funders = _funders(ctx, v)
        if not funders:
            continue
        for o in works:
            out.extend(_pairs(ctx, funders, states_in(ctx, v, o, _IN), cue, v, _RULE))
    return out
