"""Embassies opened or closed in a capital: the capital's state is the party.

"Kenya opened an embassy in Kosovo", "Chile closed its embassy in Kyiv": opening a mission in a
state establishes relations with it (``open_embassy.verb``, PARTNERS_WITH, CAMEO 05), closing
one reduces them (``close_embassy.verb``, BREAKS_WITH, CAMEO 161). The cue entries read a
Country; this module reads the mission's site when the gazetteer knows it as a place in a
state (``places.tsv`` country column), as the capital of that state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.slots import _VERB_POS, _pairs
from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.extract.relations.works import _state
from geokg.schema import EntityLabel

if TYPE_CHECKING:
    from geokg.extract.annotations import EntityAnnotation

__all__ = ["embassy_sites"]

_CUES = ("open_embassy.verb", "close_embassy.verb")


def embassy_sites(ctx: SentenceContext) -> list[Candidate]:
    """ "Chile closed its embassy in Kyiv": Chile BREAKS_WITH Ukraine."""
    cues = [c for c in (ctx.lex.cue(i) for i in _CUES) if c is not None]
    if not cues or not ctx.has_lemma(frozenset().union(*(c.objects for c in cues))):
        return []
    out: list[Candidate] = []
    for v in ctx.tokens():
        cue = next((c for c in cues if ctx.lemma(v) in c.lemmas), None)
        if cue is None or v.pos_ not in _VERB_POS:
            continue
        for o in ctx.children(v, "dobj"):
            if ctx.lemma(o) not in cue.objects:
                continue
            sites: list[EntityAnnotation] = []
            for _, p in ctx.prep_objects(o, ("in",)) + ctx.prep_objects(v, ("in",)):
                ent = ctx.ent_at.get(p.i)
                if ent is None or ent.label != EntityLabel.PLACE:
                    continue  # a Country is the cue entry's own reading
                state = _state(ent)
                if state is not None:
                    sites.append(state)
            agents, _ = ctx.subjects(v)
            out.extend(_pairs(ctx, ctx.args_of(agents), sites, cue, v, "svo_active.v1"))
    return out
