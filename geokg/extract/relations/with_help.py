"""An act done with a party's help: the helper SUPPORTS the actor (``with_help.v1``).

"With Japanese backing, Chile retook the port", "Chile retook the port with Japanese support":
the support noun in the verb's "with" phrase names its giver by a demonym, a name or a
possessive, and the verb's subject received it (CAMEO 05/07, SCHEMA.md SUPPORTS). The support
noun with its own recipient ("with Japanese aid to Peru") is the noun's own relation, and a
verb that pits its subject against the "with" phrase ("disagreed with Japanese support")
gives nothing.
"""

from __future__ import annotations

from geokg.extract.relations.slots import _VERB_POS, _pairs
from geokg.extract.relations.syntax import Candidate, SentenceContext

__all__ = ["with_help"]

# the support noun whose lemmas name help
_SUPPORT_CUE = "support.noun"
# help words among that cue's lemmas (not "defense", "protection", "asylum": a state of being)
_HELP = frozenset({"support", "backing", "aid", "assistance", "help", "financing", "funding"})
# verbs whose "with" phrase is a party dealt with, not an instrument
_WITH_PARTNER_VERBS = frozenset(
    {"disagree", "agree", "compete", "clash", "break", "cooperate", "deal", "interfere"}
) | {"meddle", "side", "concur", "align", "engage", "reckon", "struggle", "grapple"}
_OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})


def with_help(ctx: SentenceContext) -> list[Candidate]:
    """ "Chile retook the port with Japanese support": Japan SUPPORTS Chile."""
    cue = ctx.lex.cue(_SUPPORT_CUE)
    if cue is None or not ctx.has_lemma(_HELP) or not ctx.has_lemma({"with"}):
        return []
    out: list[Candidate] = []
    for v in ctx.tokens():
        if v.pos_ not in _VERB_POS or ctx.lemma(v) in _WITH_PARTNER_VERBS:
            continue
        for _, n in ctx.prep_objects(v, ("with",)):
            if ctx.lemma(n) not in _HELP or n.i in ctx.ent_at:
                continue
            if ctx.prep_objects(n, cue.target_preps):
                continue  # "with Japanese aid to Peru": the aid's own recipient
            owners = [c for c in n.children if c.dep_ in _OWNER_DEPS and c.i < n.i]
            helpers = [e for e in ctx.args_of(owners, strict=True) if e.label.value == "Country"]
            if not helpers:
                continue
            agents, _ = ctx.subjects(v)
            out.extend(
                _pairs(ctx, helpers, ctx.args_of(agents, strict=True), cue, v, "with_help.v1")
            )
    return out
