"""Halted arms deals read as sanctions (``halted_deal.v1``).

SCHEMA.md's news conventions make blocking an arms sale ``SANCTIONS`` (CAMEO 163, embargo or
boycott; "halted arms sales to Y" is one already, :func:`~.transfers.halted_sales`). A deal
that the sentence names by its goods ("an arms deal", "a weapons contract", "a fighter jet
order") and that one party halts, suspends, freezes, blocks or cancels is that sale stopped,
whichever side of it the halting party was: "Chile halted an arms deal with Peru" gives Chile
SANCTIONS Peru, anchored on the halting verb (its own negation and modality apply: "may
suspend" is hedged, "did not cancel" is denied). The deal itself gives nothing beside it: the
sentence ends it, it states no agreement reached (no ``AGREES_WITH``), and a deal is not the
ties it belongs to (no ``BREAKS_WITH`` from "suspended"). A deal named by other goods ("a
trade deal", "a gas contract") is left to the ordinary cues.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.slots import _VERB_POS, _pairs
from geokg.extract.relations.transfers import _weapons

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import Candidate, SentenceContext

__all__ = ["halted_deals"]

_HALTING = frozenset({"halt", "stop", "suspend", "freeze", "pause", "end", "block", "cancel"})
_HALTING |= {"scrap", "veto", "kill", "terminate", "axe", "shelve", "abandon", "revoke"}
_DEALS = frozenset({"deal", "contract", "agreement", "order", "purchase", "sale"})
_ARMS = {"arm", "arms", "weapon", "weapons", "defense", "defence", "jet", "missile", "tank"}
_ARMS |= {"drone", "warship", "submarine", "helicopter", "munition", "ammunition", "fighter"}
_PARTY_PREPS = ("with", "to", "for")
# what the deal's own cues give, and the halting verb's "suspended a deal" reading
_REPLACED = frozenset({"AGREES_WITH", "BREAKS_WITH", "SUPPORTS", "TRADES_WITH"})


def halted_deals(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """SANCTIONS for each arms deal halted by a party, in place of the deal's own readings.

    Args:
        ctx: The sentence.
        found: The event candidates of the sentence so far.

    Returns:
        The candidates, with the halted deal's agreement, rupture or transfer readings for the
        same pair replaced by the halting party's SANCTIONS on the deal's other party.
    """
    cue = ctx.lex.cue("stop_sales.verb")
    if cue is None or not ctx.has_lemma(_HALTING) or not ctx.has_lemma(_DEALS):
        return found
    weapons = _weapons(ctx) | _ARMS
    added: list[Candidate] = []
    spans: set[int] = set()
    for n in ctx.tokens():
        verb = _halting_verb(ctx, n)
        if verb is None or not _arms_goods(ctx, n, weapons):
            continue
        parties = ctx.args_of(o for _, o in ctx.prep_objects(n, _PARTY_PREPS))
        if not parties:  # the parser may hang "with Peru" on the verb
            parties = ctx.args_of(o for _, o in ctx.prep_objects(verb, ("with",)))
        agents, _ = ctx.subjects(verb)
        haltors = ctx.args_of(agents)
        pairs = _pairs(ctx, haltors, parties, cue, verb, "halted_deal.v1", anchor=verb)
        if pairs:
            added.extend(pairs)
            spans |= {n.i, verb.i}
    if not added:
        return found
    kept = [c for c in found if not (c.type in _REPLACED and c.trigger in spans)]
    return kept + added


def _halting_verb(ctx: SentenceContext, n: Token) -> Token | None:
    """The verb halting the deal noun ``n``: its object ("halted a deal") or its passive
    subject ("the deal was suspended")."""
    if ctx.lemma(n) not in _DEALS or n.dep_ not in ("dobj", "nsubjpass"):
        return None
    v = n.head
    if v.pos_ not in _VERB_POS or ctx.lemma(v) not in _HALTING:
        return None
    return v


def _arms_goods(ctx: SentenceContext, n: Token, weapons: set[str]) -> bool:
    """Whether the deal noun names arms as its goods ("an arms deal", "a deal for jets")."""
    mods = [c for c in n.children if c.dep_ in ("compound", "amod", "nmod")]
    mods += [o for _, o in ctx.prep_objects(n, ("for", "on"))]
    return any(ctx.lemma(m) in weapons or m.lower_ in weapons for m in mods)
