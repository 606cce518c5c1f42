"""Deals and alliances a party ends (``ended_tie.v1``), and ended halts.

A deal, pact or alliance that the sentence's subject halts, freezes, suspends, quits or
withdraws from is a tie ended: "Chile halted a trade deal with Peru", "Chile withdrew from the
alliance with Peru" give Chile ``BREAKS_WITH`` Peru (SCHEMA.md: suspending ties is
``BREAKS_WITH``; "scrapped a deal with Peru" already reads so from its verb cue), and the ended
tie's own readings (``AGREES_WITH``, ``TRADES_WITH``, ``PARTNERS_WITH`` on the deal or alliance
noun) are dropped: the sentence ends the tie and states no agreement or partnership. A
possessed tie is presupposed and keeps them, as possessed aid does
(:func:`~.presupposed.owned_halted`): "Chile withdrew from *its* alliance with Peru" gives
``PARTNERS_WITH`` beside ``BREAKS_WITH``. Only an ending stated as fact (or claim) counts:
"Chile may quit its alliance with Peru", "Chile did not halt the deal" leave the tie standing
and the verb's own reading to the modality walk. Arms deals are :mod:`.halted_deals`'s
(``SANCTIONS``).

Ending a halt restores what was halted: "Peru wants to end the suspension of Chilean aid"
breaks with no one, so a ``BREAKS_WITH`` read from an ending verb whose object is itself a
halt ("suspension", "freeze", "embargo") is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.attributes import assess
from geokg.extract.relations.slots import _VERB_POS, _pairs
from geokg.schema import Modality, RelationType

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import Candidate, SentenceContext

__all__ = ["ended_halts", "ended_ties"]

_ENDING = frozenset({"halt", "stop", "suspend", "freeze", "pause", "end", "cancel", "scrap"})
_ENDING |= {"terminate", "abandon", "quit", "leave", "exit", "ditch", "abrogate", "renounce"}
_ENDING |= {"shelve", "axe", "kill", "revoke", "annul", "void", "nullify", "repudiate"}
_ENDING |= {"dissolve", "break"}
# verbs whose "from" / "out of" object is the tie left ("withdrew from the pact")
_LEAVING = frozenset({"withdraw", "pull", "exit", "retreat", "walk", "back"})
_TIES = frozenset({"deal", "agreement", "pact", "treaty", "accord", "contract", "alliance"})
_TIES |= {"partnership", "cooperation", "coalition", "union", "compact", "memorandum"}
_ENDED_TYPES = frozenset({"AGREES_WITH", "TRADES_WITH", "PARTNERS_WITH"})
_PARTY_PREPS = ("with", "between")
# halts whose ending restores the halted ties ("lifted the freeze", "ended the suspension")
_HALTS = frozenset({"suspension", "freeze", "halt", "cutoff", "cut-off", "moratorium", "pause"})
_HALTS |= {"embargo", "boycott", "blockade", "ban", "cessation", "severance", "rupture"}


def ended_ties(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """BREAKS_WITH for each deal or alliance a party ends, in place of the tie's own readings.

    Args:
        ctx: The sentence.
        found: The event candidates of the sentence so far.

    Returns:
        The candidates, with the agreement, trade or partnership readings of an ended tie
        that is not possessed dropped, and the ending party's BREAKS_WITH on the tie's other
        party added (where no reading gives that pair BREAKS_WITH already).
    """
    cue = ctx.lex.cue("scrap_deal.verb")
    if cue is None or not ctx.has_lemma(_TIES):
        return found
    if not ctx.has_lemma(_ENDING) and not ctx.has_lemma(_LEAVING):
        return found
    dropped: set[int] = set()
    added: list[Candidate] = []
    arms = {c.trigger for c in found if c.rule == "halted_deal.v1"}  # SANCTIONS instead
    for n in ctx.tokens():
        if ctx.lemma(n) not in _TIES:
            continue
        verb = _ending_verb(ctx, n)
        if verb is None or verb.i in arms or not _stated_ending(ctx, verb):
            continue
        if not any(c.dep_ == "poss" for c in n.children):  # "its pact": presupposed
            dropped |= {n.i} | {c.i for c in n.children if c.dep_ in ("compound", "amod")}
        parties = ctx.args_of(o for _, o in ctx.prep_objects(n, _PARTY_PREPS))
        if not parties:  # the parser may hang "with Peru" on the verb
            parties = ctx.args_of(o for _, o in ctx.prep_objects(verb, ("with",)))
        agents, _ = ctx.subjects(verb)
        enders = ctx.args_of(agents)
        added.extend(_pairs(ctx, enders, parties, cue, verb, "ended_tie.v1", anchor=verb))
    if not added and not dropped:
        return found
    kept = [c for c in found if not (c.type in _ENDED_TYPES and c.trigger in dropped)]
    broken = {(c.source.name, c.target.name) for c in kept if c.type == "BREAKS_WITH"}
    kept.extend(c for c in added if (c.source.name, c.target.name) not in broken)
    return kept


def ended_halts(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """The candidates without BREAKS_WITH read from ending a halt ("ended the suspension of
    aid to Peru": the aid resumes, no tie is broken)."""
    if not ctx.has_lemma(_HALTS):
        return found
    doc = ctx.doc
    return [
        c
        for c in found
        if c.type != "BREAKS_WITH"
        or not any(
            o.dep_ in ("dobj", "nsubjpass") and ctx.lemma(o) in _HALTS
            for o in doc[c.trigger].children
        )
    ]


def _ending_verb(ctx: SentenceContext, n: Token) -> Token | None:
    """The verb ending the tie noun ``n``: its object ("halted a deal"), its passive subject
    ("the pact was suspended"), or the object of leaving ("withdrew from", "pulled out of")."""
    v = n.head
    if n.dep_ in ("dobj", "nsubjpass"):
        return v if v.pos_ in _VERB_POS and ctx.lemma(v) in _ENDING else None
    if n.dep_ != "pobj" or ctx.lemma(v) not in ("from", "of"):
        return None
    v = v.head
    if ctx.lemma(v) == "out":  # "pulled out of the pact"
        v = v.head
    return v if v.pos_ in _VERB_POS and ctx.lemma(v) in _LEAVING else None


def _stated_ending(ctx: SentenceContext, verb: Token) -> bool:
    """Whether the ending is stated (as fact or as someone's claim): not denied, hedged,
    conditional or threatened."""
    seen = assess(ctx, verb, RelationType.BREAKS_WITH)
    stated = (Modality.ASSERTED, Modality.REPORTED)
    return not seen.suppressed and not seen.negated and seen.modality in stated
