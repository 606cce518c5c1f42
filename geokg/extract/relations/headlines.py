"""Attribution in headline grammar: who a headline's claim belongs to.

News headlines drop the reporting verb or move it to the edge of the line:

* a speaker label before a colon: "Experts: Chile arming rebels", "Peru: Chile backing
  rebels", "UN chief: ..." (the speaker is a named person, organization or state, or a
  speaker noun such as officials, experts, report: ``lexicon.json`` -> ``headline_speakers``);
* a speaker after a dash or colon at the end: "Chile arming rebels - officials", "...: UN";
* a reporting verb with its speaker after a comma: "Chile arming rebels, says Peru", "...,
  officials say".

The claim is then ``reported`` (SCHEMA.md: a relation the sentence only attributes to someone's
claim), and a label's speaker is no argument of it. A label that names no speaker ("Q&A:",
"Analysis:", a place as a dateline: "Gaza: ...") attributes nothing.

Example (constructed): in "Experts: Chile arming rebels in Peru" the span is "Experts:",
and in "Chile preparing attack on Peru - Bolivian officials" it is "- Bolivian officials".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import get_entities
from geokg.extract.relations.subjects import headline_subject, to_infinitive
from geokg.schema import EntityLabel

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import SentenceContext

__all__ = [
    "asked_event",
    "attribution_span",
    "halted_by_modifier",
    "headline_future",
    "in_span",
    "speaker_excluded",
    "verbless_holders",
]

_DASHES = frozenset({"-", "—", "–", "--", ":"})
_SPEAKER_LABELS = frozenset(
    {EntityLabel.PERSON, EntityLabel.LEADER, EntityLabel.ORGANIZATION, EntityLabel.COUNTRY,
     EntityLabel.GROUP}
)  # fmt: skip
_VERBAL = frozenset({"VERB", "AUX"})
_END_PUNCT = frozenset({".", "?", "!", '"', "'", "”", "’"})
# the longest speaker label or tail, in tokens ("Former Chilean foreign minister X:")
_MAX_SPAN = 7


def in_span(span: tuple[int, int] | None, i: int) -> bool:
    """Whether token ``i`` lies inside an attribution span."""
    return span is not None and span[0] <= i < span[1]


def speaker_excluded(ctx: SentenceContext, span: tuple[int, int]) -> bool:
    """Whether the speaker of a span is no argument: a label ("Experts:", "- officials"),
    not an inverted "says X", whose speaker may judge the claim ("... a brute, says X")."""
    return ctx.doc[span[0]].text != ","


def _line_start(ctx: SentenceContext) -> int:
    """The first token of the sentence's line (the parser may split "Peru:" off)."""
    doc = ctx.doc
    j = ctx.start
    while j > 0 and ctx.start - j < _MAX_SPAN:
        prev = doc[j - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            break
        j -= 1
    return j


def _speaker(ctx: SentenceContext, tok: Token) -> bool:
    """Whether a label's head word names who speaks."""
    ent = ctx.ent_at.get(tok.i)
    if ent is None and not (ctx.start <= tok.i < ctx.end):
        # "Peru:" split off as a sentence of its own
        ent = next((e for e in get_entities(ctx.doc) if e.start <= tok.i < e.end), None)
    if ent is not None:
        return ent.label in _SPEAKER_LABELS
    return tok.pos_ in ("NOUN", "PROPN") and ctx.lemma(tok) in ctx.lex.headline_speakers


def _label(ctx: SentenceContext, lo: int, hi: int) -> bool:
    """A verbless noun phrase ending in a speaker: "UN chief", "Bolivian officials"."""
    doc = ctx.doc
    words = [t for t in doc[lo:hi] if not t.is_punct and not t.is_space]
    if not words or len(words) > _MAX_SPAN - 1:
        return False
    if any(t.pos_ in _VERBAL or (t.pos_ == "ADP" and t.lower_ != "of") for t in words):
        return False
    return _speaker(ctx, words[-1])


def _dateline(ctx: SentenceContext, lo: int, hi: int) -> bool:
    """A dateline in capitals ("ISLAMABAD:", "NEW DELHI:") says where, not who."""
    words = [t.text for t in ctx.doc[lo:hi] if t.is_alpha]
    return bool(words) and all(w.isupper() for w in words) and any(len(w) > 4 for w in words)


def _head_label(ctx: SentenceContext) -> tuple[int, int] | None:
    doc = ctx.doc
    lo = _line_start(ctx)
    for i in range(lo + 1, min(lo + _MAX_SPAN, ctx.end - 1)):
        if doc[i].text == ":":
            if _dateline(ctx, lo, i) or not _label(ctx, lo, i):
                return None
            return lo, i + 1
    return None


def _tail_label(ctx: SentenceContext) -> tuple[int, int] | None:
    doc = ctx.doc
    end = ctx.end
    while end > ctx.start and (doc[end - 1].text in _END_PUNCT or doc[end - 1].is_space):
        end -= 1
    # a headline has no final stop; in running text a dash before names is an apposition
    # ("two neighbours - Kenya and Uganda.")
    stopped = any(t.text == "." for t in doc[end : ctx.end])
    for i in range(end - 2, max(ctx.start + 1, end - _MAX_SPAN) - 1, -1):
        tok = doc[i]
        text = tok.text
        if text in _DASHES:
            # a spaced dash, not the hyphen of "Chile-Peru"
            if text in ("-", "–") and not (doc[i - 1].whitespace_ and tok.whitespace_):
                continue
            return (i, end) if not stopped and _label(ctx, i + 1, end) else None
        if text == ",":
            return (i, end) if _inverted_says(ctx, i + 1, end) else None
    return None


def _inverted_says(ctx: SentenceContext, lo: int, hi: int) -> bool:
    """ ", says Peru" / ", officials say": a reporting verb at either edge of a speaker label
    at the end of a headline (the parser may read the claim before it as the verb's subject or
    leave it unattached)."""
    doc = ctx.doc
    if hi - lo < 2:
        return False
    # a denial is no speaker label: "..., a charge Peru denies"
    report = ctx.lex.report_verbs - ctx.lex.negating_object_verbs
    first, last = doc[lo], doc[hi - 1]
    if first.pos_ in _VERBAL and ctx.lemma(first) in report:
        return _label(ctx, lo + 1, hi)
    if last.pos_ in _VERBAL and ctx.lemma(last) in report:
        return _label(ctx, lo, hi - 1)
    return False


def attribution_span(ctx: SentenceContext) -> tuple[int, int] | None:
    """The token span of the headline attribution of a sentence, or ``None``.

    A clause must remain outside the span: a line that is only a label attributes nothing.
    """
    span = _head_label(ctx) or _tail_label(ctx)
    if span is None:
        return None
    rest = [t for t in ctx.doc[ctx.start : ctx.end] if not (in_span(span, t.i) or t.is_punct)]
    return span if len(rest) >= 2 else None


def headline_future(ctx: SentenceContext, anchor: Token) -> bool:
    """Whether the anchor's clause is a headline's "X to VERB" (a future act: hedged)."""
    v = anchor
    hops = 0
    while v.pos_ not in _VERBAL and v.dep_ in ("dobj", "pobj", "prep", "conj") and hops < 4:
        v = v.head
        hops += 1
    if not to_infinitive(v):  # "Chile to sanction Peru" with "sanction" tagged a noun
        return False
    if v.dep_ == "ROOT" and any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return True
    return headline_subject(ctx, v) is not None


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def asked_event(ctx: SentenceContext, anchor: Token, root: Token) -> bool:
    """Whether a question asks about the event a noun names ("Can Chile and Peru mend ties?",
    "Will Chile sign a deal?"): the noun is the object of the question's light verb and not
    definite. "Can Chile and Peru resolve *their* dispute?" presupposes the dispute."""
    if anchor.dep_ != "dobj" or anchor.head.i != root.i or root.pos_ not in _VERBAL:
        return False
    if ctx.lemma(root) not in ctx.lex.light_verbs:
        return False
    return not any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in anchor.children
    )


def verbless_holders(ctx: SentenceContext, n: Token) -> list[Token]:
    """The holders of an event noun in a verbless headline "X in NOUN": "Chile in talks with
    Peru", "Chile, Peru in row over fishing" (the copula is dropped: X *is* in talks)."""
    if ctx.has_verb or n.dep_ != "pobj" or ctx.lemma(n.head) != "in":
        return []
    root = n.head.head
    if root.dep_ != "ROOT" or root.i not in ctx.ent_at or root.i > n.i:
        return []
    # "Chile, Peru in row": the comma list is read as an apposition
    return [root, *(c for c in root.children if c.dep_ == "appos" and c.i in ctx.ent_at)]


def _halting(ctx: SentenceContext, tok: Token) -> bool:
    """A halting noun or a verb that negates its object, in any form the tagger gave it
    ("axes" is lemmatised as the noun "axis")."""
    lex = ctx.lex
    low = tok.lower_
    forms = {ctx.lemma(tok), low, low[:-1], low[:-2]} if low.endswith("s") else {ctx.lemma(tok)}
    return any(f in lex.halting_nouns or f in lex.negating_object_verbs for f in forms)


def halted_by_modifier(ctx: SentenceContext, n: Token) -> bool:
    """Whether an event noun stands in a headline verb misread as a compound: "US halts aid
    to Qatar" read as "halts aid": the halting word (a halting noun or a verb that negates
    its object: block, cancel, scrap, veto, axe) stops the noun after it and is no event."""
    if n.dep_ == "compound" and n.head.i > n.i and _halting(ctx, n):
        return True
    return any(c.dep_ == "compound" and c.i < n.i and _halting(ctx, c) for c in n.children)
