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
    out: list[Candidate] = []
    for cue_id in _CUES:
        cue = ctx.lex.cue(cue_id)
        if cue is None or not ctx.has_lemma(cue.objects):
            continue
        for v in ctx.tokens():
            if v.pos_ not in _VERB_POS or ctx.lemma(v) not in cue.lemmas:
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
