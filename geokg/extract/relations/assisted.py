"""A helper shares the opposition it helps carry out (``helped_act.v1``).

"Syria offered troops to help Lebanon's president oust the rebel general", "Kenya helped Uganda
topple the junta": the helped party opposes the target, and so does the helper (the PLOVER
set annotates a state that helps oust a leader as opposing him), besides the help itself
(SUPPORTS). Only a stance is shared: the helped party's own force or penalty stays its own
("accused Greece of helping rebels attack Turkish troops" gives the rebels ATTACKS, issue 13),
and cooperation helped along is no act of the helper's. Only where the act's source is the
helped object of the helping verb.
"""

from __future__ import annotations

from dataclasses import replace

from geokg.extract.relations.slots import _VERB_POS
from geokg.extract.relations.syntax import Candidate, SentenceContext

__all__ = ["helpers_join"]

_HELP_VERBS = frozenset({"help", "assist", "aid"})
# the stance a helper shares; force and penalties stay the helped party's own
_SHARED_TYPES = frozenset({"OPPOSES"})


def helpers_join(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """The helper's copy of each opposition a helping verb's object carries out.

    Args:
        ctx: The sentence.
        found: The event candidates of the sentence so far.

    Returns:
        The helper's candidates, anchored on the act (its negation and modality apply).
    """
    if not ctx.has_lemma(_HELP_VERBS):
        return []
    out: list[Candidate] = []
    for c in found:
        if c.type not in _SHARED_TYPES:
            continue
        act = ctx.doc[c.anchor]
        if act.pos_ not in _VERB_POS or act.dep_ not in ("xcomp", "ccomp"):
            continue
        helping = act.head
        if helping.pos_ not in _VERB_POS or ctx.lemma(helping) not in _HELP_VERBS:
            continue
        # "helped Uganda to defeat X" (object) or "helped Uganda defeat X" (the act's subject)
        helped = ctx.args_of(
            ctx.children(helping, "dobj") + ctx.children(act, "nsubj"), strict=True
        )
        if not any(h.name == c.source.name for h in helped):
            continue
        agents, _ = ctx.subjects(helping)
        for s in ctx.args_of(agents, strict=True):
            if s.name not in (c.source.name, c.target.name):
                # "offered to help Niger fight X": the helper's part is only offered
                hedge = c.hedge or helping.dep_ == "xcomp"
                out.append(replace(c, source=s, rule="helped_act.v1", hedge=hedge))
    return out
