"""Events that a demand, a stop or a withdrawal presupposes (SCHEMA.md "modality").

The content of a demand is not stated ("Chile urged Peru to impose sanctions on Bolivia" states
no sanctions), but an event the demand asks to halt already exists when the sentence names it
as a possessed or definite thing: "Chile urged Peru to halt its strikes on Bolivia" states the
strikes (Peru ATTACKS Bolivia, asserted), and so does "called on Peru to end the blockade of
Bolivia" or "urged Peru to stop shelling Bolivia" (a gerund after a halting verb). The demand
itself (CAMEO 10) has no relation type of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.schema import RelationType

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import SentenceContext

__all__ = [
    "demanded_clause",
    "demanded_halt",
    "halted_event",
    "owned_halted",
    "presupposed_object",
    "presupposed_step",
    "war_setting",
]

_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# "an *end* to its strikes": "end" is no halting noun of the lexicon (nothing undoes an end)
_END_NOUNS = frozenset({"end"})
_HALTED_PREPS = frozenset({"to", "of", "on"})
_STATUS_TYPES = frozenset({RelationType.LEADS, RelationType.MEMBER_OF})
# verbs that end what their object names: a bare or definite object exists ("cease support
# for X", "lift sanctions on X"); "lift any sanctions", "halt new strikes" do not say so
_CESSATION_VERBS = frozenset(
    {
        "end",
        "lift",
        "halt",
        "stop",
        "cease",
        "suspend",
        "remove",
        "repeal",
        "rescind",
        "revoke",
        "pause",
        "waive",
        "withhold",
        "freeze",
        "abandon",
        "renounce",
        "withdraw",
    }
)
# an obligation names an act not yet done: "Peru must stop arming Bolivia"
_DEONTIC_MODALS = frozenset({"must", "should", "ought"})
# verbs ordering their object to act ("told Peru to stop"); the demand verbs are suppressors
_DIRECTIVE_VERBS = frozenset({"tell", "order", "instruct", "direct", "command", "advise", "warn"})
_NEW_MODIFIERS = frozenset({"new", "further", "additional", "fresh", "more", "future", "possible"})


def presupposed_object(
    ctx: SentenceContext, cur: Token, head: Token, *, definite: bool = True
) -> bool:
    """Whether ``cur`` is a possessed (or, with ``definite``, definite) object of a
    presupposing verb.

    "end *its* support for Hamas", "lift *the* blockade of Qatar": the event exists whatever
    is said of its ending, so no demand or threat above the verb suppresses it; "lift
    sanctions on Cuba" (indefinite) stays the demand's content.
    """
    if cur.dep_ not in ("dobj", "nsubjpass") or ctx.lemma(head) not in ctx.lex.presupposing_verbs:
        return False
    if (
        definite
        and ctx.lemma(head) in _CESSATION_VERBS
        and not any(
            (c.dep_ == "det" and c.lower_ not in _DEFINITE) or ctx.lemma(c) in _NEW_MODIFIERS
            for c in cur.children
        )
    ):
        return True  # "urged X to lift sanctions on Cuba": only what exists can be lifted
    return any(
        c.dep_ == "poss" or (definite and c.dep_ == "det" and c.lower_ in _DEFINITE)
        for c in cur.children
    )


def owned_halted(ctx: SentenceContext, i: int) -> bool:
    """Whether token ``i``, an object a halting verb cue consumed, is the subject's own event.

    "Canada halted *its* military aid to Ukraine" breaks with Ukraine (the verb cue) and
    presupposes the aid (Canada SUPPORTS Ukraine, as in SCHEMA.md's example of support that
    must be withdrawn); "Canada halted aid to Ukraine" (not possessed) is only the
    break.
    """
    tok = ctx.doc[i]
    return presupposed_object(ctx, tok, tok.head, definite=False)


def demanded_halt(ctx: SentenceContext, cur: Token, head: Token) -> bool:
    """Whether ``cur`` is a gerund under a halting verb that a demand governs.

    "urged Peru to stop shelling Bolivia", "demanded that Peru stop shelling Bolivia", "told
    Peru to stop arming Bolivia", "Peru must stop arming Bolivia": the act is going on
    (presupposed, asserted and not negated: only the demanded stop is unrealised); "Peru
    stopped shelling Bolivia" is not a demand and keeps its negation.
    """
    if cur.dep_ != "xcomp" or cur.tag_ != "VBG":
        return False
    return ctx.lemma(head) in ctx.lex.presupposing_verbs and demanded_clause(ctx, head)


def demanded_clause(ctx: SentenceContext, verb: Token) -> bool:
    """Whether the clause of ``verb`` is what a demand, an order or an obligation asks for.

    The content of "urged Peru to stop", "demanded that Peru stop", "told Peru to stop" (an
    object told to act) or "Peru must stop" is not realised; "Peru stopped" and "persuaded
    Peru to stop" (done) are.
    """
    if any(c.dep_ == "aux" and c.lower_ in _DEONTIC_MODALS for c in verb.children):
        return True  # "Peru must stop ...", "told Peru that it should stop ..."
    if verb.dep_ not in ("xcomp", "ccomp"):
        return False
    gov = ctx.lemma(verb.head)
    if gov in ctx.lex.suppressors:
        return True
    return (
        verb.dep_ == "xcomp"
        and gov in _DIRECTIVE_VERBS
        and any(c.dep_ in ("dobj", "dative") for c in verb.head.children)
    )


def halted_event(ctx: SentenceContext, cur: Token, head: Token, rtype: RelationType) -> bool:
    """Whether ``cur`` is the preposition joining a halting noun to a possessed or definite event.

    "called for an end to Chile's strikes on Peru", "a halt to the blockade of Qatar": the
    event exists (presupposed: asserted and not negated), whether the end is demanded,
    announced or refused; "called for a halt to arms sales" (indefinite) states none. An
    ended office or membership ("the end of its membership in NATO") is no event: it keeps
    the negation of the walk.
    """
    hl = ctx.lemma(head)
    if rtype in _STATUS_TYPES:
        return False
    if cur.dep_ != "prep" or ctx.lemma(cur) not in _HALTED_PREPS or head.pos_ != "NOUN":
        return False
    if hl not in ctx.lex.halting_nouns and hl not in _END_NOUNS:
        return False
    return any(
        o.dep_ == "pobj"
        and any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in o.children)
        for o in cur.children
    )


def war_setting(ctx: SentenceContext, cur: Token, head: Token) -> bool:
    """Whether ``cur`` is an "in"/"during" phrase naming an ongoing war on a verb that has its
    own object: "threatened to launch a new offensive in its war with Peru", "plans to step up
    attacks in the war against Peru". The war is the act's setting, stated by the author:
    what is threatened or planned is the offensive, not the war. "could join in the war" is
    the verb's argument (no object of its own), hedged with it."""
    if cur.dep_ != "prep" or cur.lower_ not in ("in", "during") or head.pos_ not in ("VERB", "AUX"):
        return False
    if not any(c.dep_ == "dobj" for c in head.children):
        return False
    wars = [o for o in cur.children if o.dep_ == "pobj"]
    return any(
        c.type.value == "ATTACKS" and c.reciprocal
        for o in wars
        for c in ctx.lex.lookup("noun", ctx.lemma(o))
    )


def presupposed_step(ctx: SentenceContext, cur: Token, head: Token, rtype: RelationType) -> bool:
    """Whether the modality walk stops at the step from ``cur`` to ``head`` because the
    relation is presupposed there: a halted event (:func:`halted_event`) or a war that is an
    act's setting (:func:`war_setting`)."""
    return halted_event(ctx, cur, head, rtype) or war_setting(ctx, cur, head)
