"""A possessive in a clause that shares the main clause's subject refers to that subject.

Two constructions where the nearest earlier name is the wrong owner of "its/his/her/their":

* a coordinated verb phrase whose verb gives or states something of the giver's own: in
  "Japan called Korea and offered its help" and "Rome hosted Kyiv's envoy and pledged its
  support", the help and the support are the subject's (one offers one's own help);
* a participle clause after the main clause that tells how others took the act: in "Hungary
  sold arms to Serbia, angering its partners" the partners are the actor's, whose act angers
  them, not the last object's; so is a participle of growth after an act two parties share
  ("Kenya signed a deal with Uganda, boosting its trade with Tanzania": Kenya's trade, the
  subject being the safer of two owners). After a verb that strikes its object ("struck
  Syria, angering its allies") the allies may be the object's: that reading is left as it was.

:func:`shared_subject_owner` gives the main clause's named subject there. Other verbs in these
clauses ("praised his efforts", "criticized his invasion", "calling its election a sham") are
about the other party and keep the nearest reading.

:func:`meeting_speaker` gives the host of a meeting who says what it will do ("Japan met
China and said it would back Taiwan": Japan's promise). :func:`interrupted_subject` gives
the subject across an aside set off by commas between it and its verb ("Kenya, after meeting
Uganda, said its troops ...": Kenya's troops).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation, unique_spans
from geokg.schema import Polarity

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["interrupted_subject", "meeting_speaker", "shared_subject_owner"]

# verbs whose object is the subject's own to give or state: "offered its help"
_OWN_OBJECT_VERBS = frozenset(
    {"promise", "pledge", "offer", "express", "reaffirm", "reiterate", "extend", "lend",
     "voice", "renew", "restate", "affirm", "repeat"}
)  # fmt: skip
# participles of how others took an act: the act's agent is the one they stand to
_REACTION_PARTICIPLES = frozenset(
    {"anger", "upset", "alarm", "irritate", "infuriate", "dismay", "frustrate", "alienate",
     "annoy", "unsettle", "rattle", "antagonize", "antagonise", "enrage", "embarrass",
     "disappoint", "worry"}
)  # fmt: skip
# participles of what an act grows: after an act two parties share, the subject's ("Kenya
# signed a deal with Uganda, boosting its trade with Tanzania": Kenya's trade)
_GROWTH_PARTICIPLES = frozenset(
    {"boost", "expand", "deepen", "strengthen", "increase", "widen", "broaden", "bolster",
     "cement", "consolidate", "diversify"}
)  # fmt: skip
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def _mutual_act(ctx: SentenceContext, v: Token) -> bool:
    """An act two parties share: a meeting ("met Uganda") or one done with a named partner,
    on the verb or its object ("signed a deal with Uganda", "held talks with Uganda")."""
    if ctx.lemma(v) in _MEETING_VERBS and any(
        c.dep_ == "dobj" and ctx.args(c, strict=True) for c in v.children
    ):
        return True
    heads = [v, *(c for c in v.children if c.dep_ == "dobj")]
    return any(
        p.dep_ == "prep"
        and p.lower_ == "with"
        and any(o.dep_ == "pobj" and ctx.args(o, strict=True) for o in p.children)
        for h in heads
        for p in h.children
    )


def _subjectless(v: Token) -> bool:
    return not any(c.dep_ in _SUBJ for c in v.children)


def _conflictual(ctx: SentenceContext, v: Token) -> bool:
    """A main verb that strikes its object ("struck Syria, angering its allies"): the
    allies angered may be the object's, so the participle clause says nothing sure.
    A verb whose object is a thing ("blocked a deal") strikes no party."""
    if not any(c.dep_ == "dobj" and ctx.args(c, strict=True) for c in v.children):
        return False
    return any(
        cue.type.polarity is Polarity.CONFLICTUAL
        and "dobj" in cue.target
        and not (cue.particle or cue.objects or cue.objects_or_entity or cue.requires_prep_object)
        and not cue.requires_prep_gerund
        for cue in ctx.lex.lookup("verb", ctx.lemma(v))
    )  # a plain cue of the verb alone: not "sell out", "block sales", "stop X from"


def shared_subject_owner(
    ctx: SentenceContext, tok: Token, labels: frozenset[str], plural: bool
) -> list[EntityAnnotation] | None:
    """The main clause's subject a possessive takes up, or ``None`` (see the module docstring).

    Args:
        ctx: The sentence.
        tok: The possessive pronoun ("its", "his", "their").
        labels: The entity labels the pronoun may take.
        plural: Whether the pronoun is plural ("their" takes a coordinated subject only).
    """
    noun = tok.head
    if tok.dep_ != "poss" or noun.dep_ != "dobj":
        return None
    v = noun.head
    if v.pos_ != "VERB" or v.i > tok.i or not _subjectless(v) or v.head.i == v.i:
        return None
    lem = ctx.lemma(v)
    if v.dep_ == "conj" and lem in _OWN_OBJECT_VERBS:
        main = v.head
    elif (
        v.dep_ == "advcl"
        and v.tag_ == "VBG"
        and lem in _REACTION_PARTICIPLES
        and v.head.i < v.i
        and any(p.dep_ == "punct" and p.i == v.i - 1 for p in v.head.children)
        and not _conflictual(ctx, v.head)
    ):
        main = v.head  # "..., angering its partners": the comma before the participle
    elif (
        v.dep_ == "advcl"
        and v.tag_ == "VBG"
        and lem in _GROWTH_PARTICIPLES
        and v.head.i < v.i
        and _after_comma(v)
        and _mutual_act(ctx, v.head)
    ):
        main = v.head  # "signed a deal with Uganda, boosting its trade": the signer's
    else:
        return None
    return _named_subject(ctx, main, tok, labels, plural)


def _named_subject(
    ctx: SentenceContext, main: Token, tok: Token, labels: frozenset[str], plural: bool
) -> list[EntityAnnotation] | None:
    """The named subject of ``main`` (of the first of its coordinated verbs) before ``tok``."""
    hops = 0
    while main.dep_ == "conj" and _subjectless(main) and hops < 4:
        main = main.head  # "A met B, hosted C and offered its help": the first verb's subject
        hops += 1
    subjects = [c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1 or subjects[0].pos_ == "PRON" or subjects[0].i > tok.i:
        return None
    found = [e for e in ctx.args(subjects[0], strict=True) if e.label.value in labels]
    if not found or len(found) != len(ctx.args(subjects[0], strict=True)):
        return None  # a subject that is no name, or names of another kind: a guess
    if (len(found) > 1) != plural:
        return None
    return unique_spans(found)


# verbs of a meeting, then of saying what one will do: "Japan met China and said it would ..."
_MEETING_VERBS = frozenset({"meet", "host", "receive", "welcome", "visit", "call", "phone"})
_SAYING_VERBS = frozenset({"say", "announce", "declare", "promise", "pledge", "vow", "tell"})
_FUTURE = frozenset({"will", "would", "'ll", "’ll"})


def _after_comma(v: Token) -> bool:
    return v.i > 0 and v.doc[v.i - 1].text == ","


def meeting_speaker(
    ctx: SentenceContext, tok: Token, labels: frozenset[str], plural: bool
) -> list[EntityAnnotation] | None:
    """The host who says what it will do after a meeting, or ``None``.

    In "Japan met China and said it would back Taiwan" and "Japan hosted China, saying it
    would back Taiwan", the subject of the promise is the one who met and said (Japan), not
    the guest; so in "Japan met China and told reporters it would back Taiwan", where the
    listener is no party (a listener who is one, "told Korea it would", keeps the nearest
    reading). Only a future ("will", "would") of a verb that strikes no one qualifies: what
    the guest did ("said it had armed ...", "said it would attack ...") keeps the nearest
    reading.

    Args:
        ctx: The sentence.
        tok: A subject pronoun ("it", "he", "they") or the possessive on the subject.
        labels: The entity labels the pronoun may take.
        plural: Whether the pronoun is plural.
    """
    subject = tok.head if tok.dep_ == "poss" else tok  # "said its navy would help ..."
    clause = subject.head
    if subject.dep_ != "nsubj" or clause.dep_ != "ccomp" or clause.pos_ != "VERB":
        return None
    if not any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in clause.children):
        return None
    if any(
        cue.type.polarity is Polarity.CONFLICTUAL
        for cue in ctx.lex.lookup("verb", ctx.lemma(clause))
    ):
        return None
    saying = clause.head
    if ctx.lemma(saying) not in _SAYING_VERBS or not _subjectless(saying):
        return None
    if any(c.dep_ in ("dobj", "dative") and ctx.args(c) for c in saying.children):
        return None  # "told Korea it would ...": a listener who is a party may be meant
    if not (
        saying.dep_ == "conj"
        or (saying.dep_ == "advcl" and saying.tag_ == "VBG" and _after_comma(saying))
    ):
        return None
    main = saying.head
    if main.i >= saying.i or ctx.lemma(main) not in _MEETING_VERBS:
        return None
    return _named_subject(ctx, main, tok, labels, plural)


_ASIDE_DEPS = frozenset({"prep", "advcl", "npadvmod"})
# a comparison set off by commas on the subject itself: "Kenya, like Uganda, said it ..."
_COMPARISONS = frozenset({"like", "unlike"})


def interrupted_subject(
    ctx: SentenceContext, tok: Token, labels: frozenset[str], plural: bool
) -> list[EntityAnnotation] | None:
    """The subject a pronoun after its verb takes up across an aside set off by commas.

    In "Kenya, after meeting Uganda, said its troops would ..." and "Japan, after talks with
    China, said it would ...", and in a comparison hung on the subject ("Kenya, like Uganda,
    said it would ..."), the name inside the aside between the subject and its verb is
    not what the later pronoun refers to: the subject is. ``None`` where the sentence has
    another shape or a name of the pronoun's kind stands between the aside and the pronoun.

    Args:
        ctx: The sentence.
        tok: A subject or possessive pronoun ("it", "its", "they", "their", "he", "his").
        labels: The entity labels the pronoun may take.
        plural: Whether the pronoun is plural.
    """
    if tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
        return None
    doc = ctx.doc
    verb = tok.head
    hops = 0
    while verb.head.i != verb.i and verb.i > tok.i and hops < 8:
        verb = verb.head  # up to a verb before the pronoun
        hops += 1
    while hops < 8 and not (verb.pos_ in ("VERB", "AUX") and verb.i < tok.i):
        if verb.head.i == verb.i:
            return None
        verb = verb.head
        hops += 1
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1 or subjects[0].pos_ == "PRON":
        return None
    subj = subjects[0]
    compared = [c for c in subj.children if c.dep_ == "prep" and c.lower_ in _COMPARISONS]
    for aside in [*verb.children, *compared]:
        if aside.dep_ not in _ASIDE_DEPS or not subj.i < aside.i < verb.i:
            continue
        left, right = aside.left_edge.i, aside.right_edge.i
        subj_end = subj.i if aside.head.i == subj.i else subj.right_edge.i
        if left - 1 <= subj_end or doc[left - 1].text != ",":
            continue
        if right + 1 >= verb.i or doc[right + 1].text != ",":
            continue
        inside = [
            e for i, e in ctx.ent_at.items() if left <= i <= right and e.label.value in labels
        ]
        between = [
            e for i, e in ctx.ent_at.items() if right < i < tok.i and e.label.value in labels
        ]
        if not inside or between:
            return None
        found = [e for e in ctx.args(subj, strict=True) if e.label.value in labels]
        if not found or len(found) != len(ctx.args(subj, strict=True)):
            return None
        if (len(found) > 1) != plural:
            return None
        return unique_spans(found)
    return None
