"""Thanks for help: the one thanked SUPPORTS the one who thanks (``nominal_light_verb.v1``).

"Kenya thanked China for its help", "Chile praised Peru for its support", "thanked Peru for
the tanks", "expressed gratitude to Peru for its pledge": the help named by a support noun, a
gift or arms in the "for" phrase went from the object to the subject (CAMEO 05/07 seen from the
receiving side; SCHEMA.md SUPPORTS). Help with its own recipient ("praised Peru for its aid to
Bolivia") is the support noun's own relation, not the thanker's; a gift's content in the
same phrase ("thanked Peru for its donation of vaccines") is no recipient.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.slots import _VERB_POS, _pairs
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["thanked_for_help"]

# the support noun whose lemmas name help
_SUPPORT_CUE = "support.noun"
_OWN = frozenset({"its", "their"})
# gifts besides the support noun's lemmas: a pledge, a contribution, arms ("for the tanks")
_GIFTS = frozenset({"pledge", "pledges", "contribution", "contributions", "gift", "gifts"})
_ARMS_CUE = "sell_arms.verb"
# objects of that cue a state is praised for having, not for giving ("its electoral system")
_NOT_GIFTS = frozenset(
    {"system", "systems", "material", "guarantee", "guarantees", "intelligence", "expertise"}
)
_NOT_GIFTS |= {"training", "credit", "credits"}
# "expressed gratitude to China": a verb of expressing with a noun of thanks
_EXPRESSING = frozenset({"express", "voice", "convey", "extend", "offer"})
_THANKS = frozenset({"gratitude", "thanks", "appreciation"})


def _thanked(ctx: SentenceContext, v: Token) -> list[Token]:
    """Who the verb thanks: its object ("thanked China"), or the "to" party of a noun of
    thanks ("expressed gratitude to China")."""
    lem = ctx.lemma(v)
    if lem in ctx.lex.gratitude_verbs:
        return ctx.children(v, "dobj")
    thanks = [o for o in ctx.children(v, "dobj") if ctx.lemma(o) in _THANKS]
    if lem not in _EXPRESSING or not thanks:
        return []
    # the parser hangs "to China" on the verb or on the noun of thanks
    return [o for h in (v, *thanks) for _, o in ctx.prep_objects(h, ("to",))]


def _names_party(ctx: SentenceContext, objs: list[Token]) -> bool:
    """Whether a gift's "of" phrase names a party anywhere in it ("for its support of
    Bolivia", "for its donation of tents to Bolivia"); "of vaccines" names none."""
    return any(t.i in ctx.ent_at for o in objs for t in o.subtree)


def thanked_for_help(ctx: SentenceContext) -> list[Candidate]:
    """ "Kenya thanked China for its help": China SUPPORTS Kenya."""
    cue = ctx.lex.cue(_SUPPORT_CUE)
    if cue is None or not ctx.has_lemma(ctx.lex.gratitude_verbs | _THANKS):
        return []
    arms = ctx.lex.cue(_ARMS_CUE)
    gifts = _GIFTS.union(cue.lemmas, arms.objects - _NOT_GIFTS if arms is not None else ())
    out: list[Candidate] = []
    for v in ctx.tokens():
        if v.pos_ not in _VERB_POS:
            continue
        helpers = ctx.args_of(_thanked(ctx, v), strict=True)
        if not helpers:
            continue
        for _, n in ctx.prep_objects(v, ("for",)):
            if ctx.lemma(n) not in gifts or n.i in ctx.ent_at:
                continue
            own = ctx.prep_objects(n, cue.target_preps)
            # the parser may hang the gift's "to" on the verb ("for its donation of tents
            # to Bolivia"): one after the gift is the gift's
            own += [(p, o) for p, o in ctx.prep_objects(v, ("to",)) if o.i > n.i]
            if any(p != "of" for p, _ in own) or _names_party(ctx, [o for _, o in own]):
                continue  # "for its aid to Bolivia": the aid's own recipient
            poss = [c for c in n.children if c.dep_ == "poss"]
            if any(c.lower_ not in _OWN for c in poss):
                continue  # "for Chile's help": someone else's help
            agents, _ = ctx.subjects(v)
            receivers = ctx.args_of(agents, strict=True)
            # thanks presuppose the help: "did not thank China for its help" still states it
            out.extend(_pairs(ctx, helpers, receivers, cue, n, "nominal_light_verb.v1"))
    return out
