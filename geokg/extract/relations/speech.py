"""Quoted speech: a relation stated inside a quotation is its speaker's claim.

SCHEMA.md "Properties": ``reported`` is a relation the sentence attributes to someone's claim.
A quotation attributes its whole content to the speaker, whether the attribution stands in
the same sentence ("'Chile armed the rebels,' the minister said") or in another one of a
quotation running over several sentences (a paragraph that opens a quote and closes it two
sentences later). Scare quotes around a word or two ("has 'betrayed' its partners") are the
author's own words and change nothing here (they set ``quoted``).

The quotation is read off the paragraph's characters: curly quotes pair up, a straight double
quote opens or closes by what stands around it, and a quotation that the paragraph never
closes runs to its end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.allegations import denied_in_apposition
from geokg.extract.relations.headlines import asked_event, in_span
from geokg.extract.relations.quotes import speech_span
from geokg.extract.relations.speakers import FIRST_PERSON, first_person

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.syntax import SentenceContext

__all__ = [
    "own_statement",
    "quoted_speech",
    "reported_above",
    "reporting_parataxis",
    "sentence_attribution",
]


def quoted_speech(ctx: SentenceContext, anchor: Token) -> bool:
    """Whether the relation's predicate stands inside quoted speech (not scare quotes)."""
    return speech_span(ctx.doc, ctx.doc[ctx.start].idx, anchor.idx) is not None


def _past(ctx: SentenceContext, tok: Token) -> bool:
    """A past-tense form: tagged VBD and not its own lemma ("met", "condemned", "did"; the
    tagger also marks "I condemn" VBD)."""
    return tok.tag_ == "VBD" and tok.lower_ != ctx.lemma(tok)


def own_statement(
    ctx: SentenceContext,
    anchor: Token,
    ends: Sequence[EntityAnnotation],
    *,
    symmetric: bool,
) -> bool:
    """A speaker's own present stance, act or intention in their quotation: "'We support
    Kenya,' Uganda's minister said", "'We reject Chile's claims'", "'I will meet Ruto next
    week,' Museveni said". Saying it is the act (as "X accused Y" states a CRITICIZES), so the
    relation takes its own predication's modality (asserted, or hedged for "will"), not
    ``reported``. A past act the speaker recounts ("'We met Ruto last week'"), another's act
    ("'Chile armed the rebels'") and an unattributed "we" stay reported."""
    verb = anchor
    if anchor.dep_ == "dobj" and ctx.lemma(anchor.head) in ctx.lex.light_verbs:
        verb = anchor.head  # "we will impose sanctions on X": the light verb's clause
    if verb.pos_ not in ("VERB", "AUX") or _past(ctx, verb):
        return False
    if any(c.dep_ in ("aux", "auxpass") and _past(ctx, c) for c in verb.children):
        return False  # "we had armed", "we did not arm": recounted
    while verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "we will never agree to recognise X": the speaker's own clause
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.lower_ not in FIRST_PERSON or not ends:
        return False
    said = {e.name for e in first_person(ctx, speaker)}
    # the speaker must be the relation's source ("'We reject the claims made by X'": X's
    # claims against the speaker stay reported); either end of a symmetric relation
    if ends[0].name not in said and not (symmetric and ends[-1].name in said):
        return False
    return quoted_speech(ctx, anchor)


def reporting_parataxis(ctx: SentenceContext, root: Token, anchor: Token) -> bool:
    """A reporting verb set off after the clause: "X attacked Y, officials said"."""
    lex = ctx.lex
    for c in root.children:
        if c.dep_ == "parataxis" and c.i > anchor.i:
            cl = ctx.lemma(c)
            if (
                cl in lex.report_verbs
                and cl not in lex.factive_verbs
                and not any(a.i == anchor.i for a in c.subtree)
            ):
                return True
    return False


def reported_above(ctx: SentenceContext, tok: Token, anchor: Token) -> bool:
    """Whether the whole sentence is sourced to a claim: "reportedly", "according to X" on
    a clause above ``tok``, or "..., analysts say" after it (the clause first). Used for a relation
    presupposed where the modality walk stopped ("a U.S.-Japan body would focus on ...,
    analysts say"): not hedged by its clause, but still reported. A reporting verb that
    takes the clause as its complement ("X said it would join the deal between A and B")
    leaves the presupposed relation asserted: it is the author's description."""
    lex = ctx.lex
    node = tok
    for _ in range(40):
        for c in node.children:
            lem = ctx.lemma(c)
            if (c.dep_ == "advmod" and lem in lex.report_adverbs) or (
                c.dep_ == "prep" and lem == "accord"
            ):
                return True
        head = node.head
        if head.i == node.i:
            break
        hl = ctx.lemma(head)
        if (
            node.dep_ in ("ccomp", "parataxis")
            and node.i < head.i
            and hl in lex.report_verbs
            and hl not in lex.factive_verbs
            and not denied_in_apposition(ctx, node, head)
        ):
            return True  # "[the clause], analysts say": attributed as a whole
        node = head
    return reporting_parataxis(ctx, node, anchor)


def sentence_attribution(
    ctx: SentenceContext, anchor: Token, top: Token, *, blocked: bool, structural: bool
) -> tuple[bool, bool]:
    """The markers the sentence as a whole puts on a relation: ``(reported, hypothetical)``.

    ``top`` is where the modality walk stopped and ``blocked`` whether a presupposing
    predicate stopped it. A reporting parataxis ("Chile armed the rebels, Peru said") and a
    question ("Will Chile attack Peru?") apply to an unblocked walk; "..., analysts say" or
    "according to X" still make a presupposed relation reported; so do quoted speech and a
    headline's speaker label ("Experts: Chile arming rebels").
    """
    reported = hyp = False
    if not blocked:
        reported = reporting_parataxis(ctx, top, anchor)
        last = ctx.doc[ctx.end - 1]
        question = last.text == "?" or (
            ctx.end - 2 >= ctx.start and ctx.doc[ctx.end - 2].text == "?"
        )
        if question and (anchor.pos_ in ("VERB", "AUX") or asked_event(ctx, anchor, top)):
            hyp = True  # "Will Chile attack Peru?", "Can Chile and Peru mend ties?"
    elif not structural:
        reported = reported_above(ctx, top, anchor)
    if structural:
        return reported, hyp
    if quoted_speech(ctx, anchor):
        reported = True  # a quotation is its speaker's claim
    if ctx.attribution is not None and not in_span(ctx.attribution, anchor.i):
        reported = True  # the headline's speaker label (headlines.py)
    return reported, hyp
