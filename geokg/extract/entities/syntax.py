"""Syntax helpers the entity rules share: head nouns, lemmas, name-span trimming, name shape.

Pure functions over spaCy tokens and spans; they decide from the parse and from the word
classes of :class:`~geokg.extract.entities.lexicon.Lexicons`, never from sentence lists.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.names import NAME_PARTICLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "ACRONYM_RE",
    "DESIGNATION_RE",
    "PLACE_DESCRIPTORS",
    "between_modifiers",
    "common_noun_code",
    "has_the",
    "head_noun",
    "in_capitals",
    "lemma",
    "looks_like_name",
    "only_title_words",
    "skip_stance_words",
    "strip_span",
    "title_case_sentence",
]


ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&/\-.]{1,9}$")
# A letter code and a number ("S-400", "F-35s", "MiG-29"): a weapon or product, not a name.
DESIGNATION_RE = re.compile(r"^[A-Z][A-Za-z]{0,3}-?\d+[A-Za-z]*$")
PLACE_DESCRIPTORS = frozenset(
    {
        "city",
        "town",
        "village",
        "port",
        "province",
        "region",
        "district",
        "capital",
        "island",
        "enclave",
        "oblast",
        "governorate",
        "municipality",
        "suburb",
        "county",
    }
)


def lemma(tok: Token) -> str:
    """The lower-case lemma of a token (its text where the lemma is empty)."""
    return (tok.lemma_ or tok.text).lower()


def head_noun(tok: Token, *, max_steps: int = 6) -> tuple[Token | None, bool]:
    """The noun an adjective-like token modifies, and whether the path went through a verb.

    Climbs ``amod``/``compound``/``conj``/``npadvmod``/... arcs ("Syrian, Iranian, and Indian
    partners" -> partners; "Iranian-backed militia" -> militia via the verb "backed").
    """
    cur = tok
    via_verb = False
    for _ in range(max_steps):
        if cur.dep_ not in _CLIMB or cur.head.i == cur.i:
            break
        nxt = cur.head
        if nxt.pos_ == "VERB" or (nxt.tag_ in ("VBN", "VBD", "VBG") and nxt.i > tok.i):
            via_verb = True
        cur = nxt
        if (
            cur.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
            and cur.i > tok.i
            and cur.dep_ != "compound"
        ):
            return cur, via_verb
        if cur.pos_ in ("NOUN", "PROPN") and cur.i > tok.i and cur.dep_ == "compound":
            continue
    if cur is not tok and cur.pos_ in ("NOUN", "PROPN") and cur.i > tok.i:
        return cur, via_verb
    # Tagger slips ("the pro-Chinese government" parsed flat): the next noun to the right.
    if tok.dep_ in ("amod", "compound", "nmod", "dep", "ROOT", "npadvmod"):
        doc = tok.doc
        for j in range(tok.i + 1, min(len(doc), tok.i + 4)):
            t = doc[j]
            if t.pos_ in ("NOUN",) and t.dep_ != "compound":
                return t, via_verb
            if t.pos_ not in ("ADJ", "PUNCT", "NOUN", "PROPN", "CCONJ") or t.text in (
                ",",
                ".",
                ";",
                ":",
            ):
                break
    return None, via_verb


_CLIMB = frozenset(
    {
        "amod",
        "compound",
        "nmod",
        "npadvmod",
        "conj",
        "punct",
        "advmod",
        "nummod",
        "dep",
        "cc",
        "poss",
        "case",
        "quantmod",
        "hmod",
        "hyph",
    }
)


def between_modifiers(tok: Token, head: Token) -> list[Token]:
    """Tokens between a modifier and its head noun (the head's left modifiers after tok)."""
    return [
        t
        for t in head.doc[tok.i + 1 : head.i]
        if t.head.i == head.i or t.head.i in range(tok.i + 1, head.i)
    ]


def has_the(doc: Doc, i: int) -> bool:
    """Whether the token before ``i`` is "the"."""
    return i > 0 and doc[i - 1].lower_ == "the"


def strip_span(doc: Doc, start: int, end: int, lex: Lexicons) -> tuple[int, int]:
    """Trim articles, titles, honorifics, possessives and punctuation from a name span."""
    honor = lex.wordset("honorifics")
    while start < end:
        t = doc[start]
        low = t.lower_
        if (
            low in ("the", "a", "an")
            or low in honor
            or t.is_punct
            or lex.is_title_word(low)
            or (low in lex.wordset("title_modifiers") and not t.text[:1].isupper())
        ):
            start += 1
            continue
        if start + 1 < end and lex.title_role(f"{low} {doc[start + 1].lower_}"):
            start += 2
            continue
        if (
            t.is_sent_start
            and end - start >= 3
            and (low in lex.wordset("name_descriptors") or low in lex.wordset("person_appositives"))
        ):
            start += 1  # "Activist Ana Ruiz was arrested": the noun is no part of the name
            continue
        break
    while end > start:
        t = doc[end - 1]
        if (
            t.text in ("'s", "’s", "'", "’")
            or t.is_punct
            or t.lower_ in ("of", "and", "the", "in", "for")
        ):
            end -= 1
            continue
        break
    return start, end


def title_case_sentence(span: Span) -> bool:
    """Whether a span sits in a headline-style sentence (most words capitalised)."""
    if not span.doc.has_annotation("SENT_START"):
        return False
    words = [t for t in span.sent if t.is_alpha]
    if len(words) < 4:
        return True
    caps = sum(1 for t in words if t.text[:1].isupper())
    return caps / len(words) >= 0.6


def looks_like_name(span: Span) -> bool:
    """Whether a span has the shape of a name (capitalised words or particles, no numbers)."""
    words = [t for t in span if not t.is_punct]
    if not words or len(words) > 6:
        return False
    if not all(t.text[:1].isupper() or t.lower_ in NAME_PARTICLES or t.text == "'s" for t in words):
        return False
    return not any(t.like_num for t in words)


def only_title_words(span: Span, lex: Lexicons) -> bool:
    """Whether a span is only title or portfolio words ("Secretary Interior" -> "Interior")."""
    mods = lex.wordset("title_modifiers")
    words = [t for t in span if not t.is_punct]
    return all(t.lower_ in mods or lex.is_title_word(t.lower_) for t in words)


# Words of stance a news writer puts before an organization's name ("Islamist", "Marxist").
_STANCE_WORDS = frozenset(
    {"islamist", "jihadist", "marxist", "maoist", "leftist", "rightist", "separatist",
     "militant", "extremist", "hardline", "salafist"}
)  # fmt: skip


def skip_stance_words(doc: Doc, start: int, end: int) -> int:
    """Where an organization's name starts after stance words ("the Islamist X Front").

    Args:
        doc: The Doc.
        start: The span's first token.
        end: One past its last token (at least two name words are kept).

    Returns:
        The first token after the leading stance words.
    """
    while end - start > 2 and doc[start].lower_ in _STANCE_WORDS:
        start += 1
    return start


def common_noun_code(span: Span, lex: Lexicons) -> bool:
    """Whether a span is a common-noun acronym ("AI", "EVs") or a designation ("S-400")."""
    text = span.text
    if text.rstrip("s").isupper() and lex.has_word("common_acronyms", text):
        return True
    return len(span) <= 3 and bool(DESIGNATION_RE.match(text.replace(" ", "")))


def in_capitals(tok: Token) -> bool:
    """Whether the word next to ``tok`` (either side, in its sentence) is a capitalised word of
    two or more letters: ``tok`` stands in a line set all in capitals ("WHAT IS NEXT")."""
    sent = tok.sent
    near = [tok.doc[j] for j in (tok.i - 1, tok.i + 1) if sent.start <= j < sent.end]
    return any(t.is_alpha and len(t.text) > 1 and t.text.isupper() for t in near)
