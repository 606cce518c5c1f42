"""Thanks for help: the one thanked SUPPORTS the one who thanks (``nominal_light_verb.v1``).

"Kenya thanked China for its help", "Chile praised Peru for its support": the help named by a
support noun in the "for" phrase went from the object to the subject (CAMEO 05/07 seen from the
receiving side; SCHEMA.md SUPPORTS). Help with its own recipient ("praised Peru for its aid to
Bolivia") is the support noun's own relation, not the thanker's.
"""

from __future__ import annotations

from geokg.extract.relations.slots import _VERB_POS, _pairs
from geokg.extract.relations.syntax import Candidate, SentenceContext

__all__ = ["thanked_for_help"]

# the support noun whose lemmas name help
_SUPPORT_CUE = "support.noun"
_OWN = frozenset({"its", "their"})


def thanked_for_help(ctx: SentenceContext) -> list[Candidate]:
    """ "Kenya thanked China for its help": China SUPPORTS Kenya."""
    cue = ctx.lex.cue(_SUPPORT_CUE)
    if cue is None or not ctx.has_lemma(ctx.lex.gratitude_verbs):
        return []
    out: list[Candidate] = []
    for v in ctx.tokens():
        if v.pos_ not in _VERB_POS or ctx.lemma(v) not in ctx.lex.gratitude_verbs:
            continue
        helpers = ctx.args_of(ctx.children(v, "dobj"), strict=True)
        if not helpers:
            continue
        for _, n in ctx.prep_objects(v, ("for",)):
            if ctx.lemma(n) not in cue.lemmas or n.i in ctx.ent_at:
                continue
            if ctx.prep_objects(n, cue.target_preps):
                continue  # "for its aid to Bolivia": the aid's own recipient
            poss = [c for c in n.children if c.dep_ == "poss"]
            if any(c.lower_ not in _OWN for c in poss):
                continue  # "for Chile's help": someone else's help
            agents, _ = ctx.subjects(v)
            receivers = ctx.args_of(agents, strict=True)
            # thanks presuppose the help: "did not thank China for its help" still states it
            out.extend(_pairs(ctx, helpers, receivers, cue, n, "nominal_light_verb.v1"))
    return out
