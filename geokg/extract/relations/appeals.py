"""Help sought from a party: the one asked SUPPORTS the one asking, hedged (``sought_help.v1``).

"Chile turned to Japan for loans", "asked Japan for weapons", "appealed to Japan for aid",
"sought loans from Japan": CAMEO 02 (appeal, 023 appeal for aid) names the request, and
SCHEMA.md makes an attempted or sought relation hedged, so the aid (SUPPORTS, giver ->
receiver) is stated hedged. Only help words count (aid, loans, money, arms: the words of
``transfers.py``); "asked Japan for an explanation" gives nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from geokg.extract.relations.slots import _VERB_POS, _pairs
from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.extract.relations.transfers import _AID_CUE, _MONEY_CUE, _money, _parties, _weapons

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.lexicon import Cue

__all__ = ["sought_help"]

# verbs of seeking help, each with where its helper and the help stand
_TURNING = frozenset({"turn", "look", "appeal"})  # "turned to Japan for loans"
_ASKING = frozenset({"ask", "beg", "approach", "petition", "press", "lobby"})  # "asked Japan for"
_SEEKING = frozenset({"seek", "request", "solicit"})  # "sought loans from Japan"


def _help_word(ctx: SentenceContext, n: Token, money: Cue) -> bool:
    aid = ctx.lex.cue(_AID_CUE)
    lem = ctx.lemma(n)
    if n.i in ctx.ent_at:
        return False
    return _money(ctx, n, money) or lem in _weapons(ctx) or (aid is not None and lem in aid.lemmas)


def sought_help(ctx: SentenceContext) -> list[Candidate]:
    """ "Chile turned to Japan for loans": Japan SUPPORTS Chile, hedged (help sought)."""
    money = ctx.lex.cue(_MONEY_CUE)
    if money is None or not ctx.has_lemma(_TURNING | _ASKING | _SEEKING):
        return []
    out: list[Candidate] = []
    for v in ctx.tokens():
        lem = ctx.lemma(v)
        if v.pos_ not in _VERB_POS:
            continue
        fors = [o for _, o in ctx.prep_objects(v, ("for",))]
        if lem in _TURNING:
            helpers = [o for _, o in ctx.prep_objects(v, ("to",))] if fors else []
        elif lem in _ASKING:
            helpers = ctx.children(v, "dobj") if fors else []
        elif lem in _SEEKING:
            fors = ctx.children(v, "dobj")
            helpers = [o for _, o in ctx.prep_objects(v, ("from",))]
            helpers += [o for n in fors for _, o in ctx.prep_objects(n, ("from",))]
        else:
            continue
        if not helpers or not any(_help_word(ctx, n, money) for n in fors):
            continue
        givers = _parties(ctx.args_of(helpers, strict=True))
        agents, _ = ctx.subjects(v)
        seekers = ctx.args_of(agents, strict=True)
        found = _pairs(ctx, givers, seekers, money, v, "sought_help.v1")
        out.extend(replace(c, hedge=True) for c in found)
    return out
