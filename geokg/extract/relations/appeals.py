"""Help sought from a party: the one asked SUPPORTS the one asking, hedged (``sought_help.v1``).

"Chile turned to Japan for loans", "asked Japan for weapons", "appealed to Japan for aid",
"sought loans from Japan", "applied to Japan for a loan", "is negotiating a loan (program)
from / with Japan": CAMEO 02 (appeal, 023 appeal for aid) names the request, and
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

__all__ = ["sought_help", "sought_not_given"]

# verbs of seeking help, each with where its helper and the help stand
_TURNING = frozenset({"turn", "look", "appeal", "apply"})  # "turned to Japan for loans"
_ASKING = frozenset({"ask", "beg", "approach", "petition", "press", "lobby"})  # "asked Japan for"
_SEEKING = frozenset({"seek", "request", "solicit"})  # "sought loans from Japan"
# a loan negotiated is sought from the one it is negotiated with ("negotiating a loan with
# the IMF"); CAMEO 03/04 name the negotiation, SCHEMA.md makes the sought aid hedged
_NEGOTIATING = frozenset({"negotiate"})
# ties whose compound names their field, not goods sought ("a defense pact"), unless money
_PACTS = frozenset({"pact", "treaty", "alliance", "accord", "agreement", "partnership"})
_FIELDS = frozenset({"defense", "defence", "security", "military", "mutual"})


def _help_word(ctx: SentenceContext, n: Token, money: Cue) -> bool:
    aid = ctx.lex.cue(_AID_CUE)
    lem = ctx.lemma(n)
    if n.i in ctx.ent_at:
        return False
    if any(c.dep_ == "compound" and _help_word(ctx, c, money) for c in n.children):
        if lem in _PACTS:  # "a loan agreement"; "a defense pact" is a tie, no help sought
            return any(
                c.dep_ == "compound" and ctx.lemma(c) not in _FIELDS and _help_word(ctx, c, money)
                for c in n.children
            )
        return True  # "a loan program", "an aid package"
    return _money(ctx, n, money) or lem in _weapons(ctx) or (aid is not None and lem in aid.lemmas)


def sought_help(ctx: SentenceContext) -> list[Candidate]:
    """ "Chile turned to Japan for loans": Japan SUPPORTS Chile, hedged (help sought)."""
    money = ctx.lex.cue(_MONEY_CUE)
    if money is None or not ctx.has_lemma(_TURNING | _ASKING | _SEEKING | _NEGOTIATING):
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
        elif lem in _SEEKING or lem in _NEGOTIATING:
            fors = ctx.children(v, "dobj")
            froms = ("from", "with") if lem in _NEGOTIATING else ("from",)
            helpers = [o for _, o in ctx.prep_objects(v, froms)]
            helpers += [o for n in fors for _, o in ctx.prep_objects(n, froms)]
        else:
            continue
        if not helpers or not any(_help_word(ctx, n, money) for n in fors):
            continue
        owned = [o for n in fors for _, o in ctx.prep_objects(n, ("for", "to"))]
        if ctx.args_of(owned, strict=True):
            continue  # "negotiated a loan for Bolivia": the loan's own receiver
        givers = _parties(ctx.args_of(helpers, strict=True))
        agents, _ = ctx.subjects(v)
        seekers = ctx.args_of(agents, strict=True)
        found = _pairs(ctx, givers, seekers, money, v, "sought_help.v1")
        out.extend(replace(c, hedge=True) for c in found)
    return out


def sought_not_given(found: list[Candidate]) -> list[Candidate]:
    """Help sought is not help given by the seeker: "Chile applied to Japan for a loan" reads
    the loan's "for" phrase under a light verb as Chile's, and the reverse of a sought help
    is dropped."""
    sought = {(c.target.name, c.source.name) for c in found if c.rule == "sought_help.v1"}
    if not sought:
        return found
    return [
        c
        for c in found
        if c.type != "SUPPORTS"
        or c.rule == "sought_help.v1"
        or (c.source.name, c.target.name) not in sought
    ]
