"""The circumstances of a clause: when and where it happened, said by the author.

A speech verb's reported content is its complement clause ("Chile said *it would buy gas*");
the phrases that say when or where the speaking took place are the author's own statement:
"After meeting Lula, Boric said ...", "Following talks with Lula, Boric told reporters ...",
"In a phone call with Lula, Boric warned that ...", "Ahead of his planned visit to Brasilia,
Boric said ...". Two readings share the one notion of such a phrase:

* **agent** (``frames._governor``): an event noun in a time phrase ("after/following/before/
  during/upon/ahead of/prior to talks with X") with no agent of its own takes the subject of
  the clause the phrase modifies, for mutual and reciprocal cues (``nouns._noun``);
* **modality** (``attributes._step``): the phrase passes only the outer markers of its clause
  (reported, hypothetical: "X said that after meeting Y, Z would ..." stays reported) and its
  clause's hedges ("After talks with Y next week, X will ..." is hedged), never its own
  reporting ("After meeting Y, X said ..." is asserted) nor its negation ("After talks with Y,
  X did not comment" is no denied meeting).

A time phrase on a speech verb is a circumstance whatever its object; on another verb only
where its object is a clause ("after meeting Y") or a setting noun ("after talks with Y"):
"Canada said it acted after Peru's seizure of the port" keeps the seizure presupposed. An
"in/at/on" phrase is a circumstance where its object is a setting noun (a meeting, a visit, a
call, a speech: ``setting_nouns`` in ``lexicon.json``) and it modifies a speech verb or stands
before the clause's subject: "engaged in talks with Y" is an argument of "engaged".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.polarity import own_markers

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.lexicon import Cue
    from geokg.extract.relations.syntax import SentenceContext

__all__ = [
    "CIRCUMSTANCE_PREPS",
    "addressees",
    "circumstance",
    "circumstance_agent",
    "circumstance_prep",
    "clause_of",
]

# time and concession phrases: "after", "following" (a participle the parser keeps as one),
# "ahead of" and "prior to" (an adverb with its preposition)
CIRCUMSTANCE_PREPS = frozenset(
    {"after", "following", "before", "during", "upon", "despite", "amid", "ahead of", "prior to"}
)
# "A and B signed a truce after months of fighting", "despite hours of talks": any mutual
# event; the other time phrases name a meeting of the clause's subject ("during talks with Y")
_ANY_MUTUAL = frozenset({"after", "following", "despite", "amid"})
_TWO_WORD = {"ahead": "of", "prior": "to"}
_SETTING_PREPS = frozenset({"in", "at", "on"})
# "told X in / during / at / on a call": being in the call, not after or before it
_DURING = frozenset({"in", "during", "at", "on"})
_COUNTERPART_PREPS = frozenset({"with", "between", "among", "to", "of"})
_VERBS = frozenset({"VERB", "AUX"})


def circumstance_prep(tok: Token) -> str | None:
    """The time preposition a ``prep`` token stands for ("following", "ahead of"), or None."""
    if tok.dep_ != "prep":
        return None
    low = tok.lower_
    if low in CIRCUMSTANCE_PREPS:
        return low
    head = tok.head
    if _TWO_WORD.get(head.lower_) == low and head.dep_ in ("advmod", "prep"):
        return f"{head.lower_} {low}"
    return None


def circumstance_agent(prep: str, cue: Cue) -> bool:
    """Whether an event noun of ``cue`` in a ``prep`` time phrase with no agent of its own
    takes the subject of the clause the phrase modifies: a mutual or reciprocal cue after
    "after"/"following"/"despite"/"amid", a meeting after any time preposition ("before
    talks with Y, X said"; "during the war with Y, X visited Z" names no war of X's)."""
    if not (cue.mutual or cue.reciprocal) or prep == "upon":
        return False  # "relies upon", "called upon": "upon" times only a clause ("upon arriving")
    return prep in _ANY_MUTUAL or cue.type.value == "MEETS"


def addressees(ctx: SentenceContext, n: Token, gov: Token, via: str, cue: Cue) -> list[Token]:
    """The person told in a call or meeting that names no counterpart of its own is its
    counterpart: "Xi told Biden in a video call that ...", "Putin assured Erdogan during a
    phone call that ..." (the telling verb's object); "told reporters during a visit to X"
    keeps the visit's own counterpart."""
    if (
        cue.type.value != "MEETS"
        or via[5:] not in _DURING
        or ctx.lemma(gov) not in ctx.lex.telling_verbs
        or ctx.prep_objects(n, _COUNTERPART_PREPS)
    ):
        return []
    return [c for c in gov.children if c.dep_ in ("dobj", "dative")]


def clause_of(prep: Token) -> Token:
    """The word a preposition's phrase modifies ("ahead of": the adverb's head)."""
    if prep.head.lower_ in _TWO_WORD and prep.head.i != prep.i:
        return prep.head.head
    return prep.head


def _object(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _setting(ctx: SentenceContext, noun: Token) -> bool:
    """A noun naming an occasion: a meeting or visit cue, or a speech event."""
    lem = ctx.lemma(noun)
    lex = ctx.lex
    return (
        lem in lex.setting_nouns
        or lem in lex.visit_nouns
        or any(c.type.value == "MEETS" for c in lex.lookup("noun", lem))
    )


def _speech(ctx: SentenceContext, verb: Token) -> bool:
    lem = ctx.lemma(verb)
    lex = ctx.lex
    return lem in lex.report_verbs and lem not in lex.factive_verbs and lem not in lex.light_verbs


def circumstance(ctx: SentenceContext, cur: Token, head: Token) -> tuple[bool, bool] | None:
    """Whether the modality walk's step from ``cur`` to ``head`` leaves a circumstance phrase
    of ``head``'s clause, or a speech verb's content clause the parser hung on the phrase.

    Args:
        ctx: The sentence.
        cur: The preposition (or the "ahead"/"prior" adverb) the walk climbs from, or a
            relative clause.
        head: Its head.

    Returns:
        ``None`` where the step is neither; else ``(hedged, reported)``: for a circumstance
        phrase, whether its clause's own hedges ("will", "plans to") apply to what it names;
        for a misread content clause ("X said at a meeting *that Y had attacked Z*", read as
        a relative clause of "meeting"), reported.
    """
    if cur.dep_ == "relcl" and any(m.lower_ == "that" for m in ctx.children(cur, "mark")):
        return (False, True) if _told_in(ctx, head) else None
    if cur.dep_ == "advmod" and cur.lower_ in _TWO_WORD:
        prep = next((c for c in cur.children if circumstance_prep(c)), None)
    else:
        prep = cur if cur.dep_ == "prep" else None
    if prep is None:
        return None
    verb = clause_of(prep)
    obj = _object(prep)
    if verb.pos_ not in _VERBS or obj is None:
        return None
    if circumstance_prep(prep) is not None:
        if not (_speech(ctx, verb) or obj.pos_ in _VERBS or _setting(ctx, obj)):
            return None
    elif not (
        prep.lower_ in _SETTING_PREPS
        and prep.head.i == verb.i
        and _setting(ctx, obj)
        and (_speech(ctx, verb) or _fronted(prep, verb))
    ):
        return None
    return own_markers(ctx, verb, hedge_ok=True, neg_ok=False)[1], False


def _told_in(ctx: SentenceContext, noun: Token) -> bool:
    """Whether a noun is the object of a speech verb's phrase or the speech verb's own object
    ("said at a meeting", "told reporters"): a "that" clause on it is the speech's content."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        return _speech(ctx, noun.head.head)
    return noun.dep_ in ("dobj", "dative") and _speech(ctx, noun.head)


def _fronted(prep: Token, verb: Token) -> bool:
    """A phrase that opens its clause, before the clause's subject."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return prep.i < verb.i and all(prep.i < s.i for s in subjects)
