"""Companies, media outlets and institutes the gazetteer does not list.

The small model tags a company name ORG, but also GPE ("shares of Acmeco fell"), LOC or PERSON
("the chipmaker Zentrix"). This module holds the general cues that mark an unlisted name as a
company (a company noun in apposition or before it, a legal suffix, "shares of X", "X's chips"),
the checks a one-word ORG span must pass to be kept (a proper noun, not a dictionary word unless a
cue says otherwise, not in a headline), the organization kind a head word gives ("X University"
-> university, "X Times" -> media), the canonical name without the legal suffix, and where a
name the model cut short or padded begins ("Chipmaker X") and ends ("the X Institute for Y").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import ENT_TYPE, ORTH

from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.syntax import lemma, only_title_words, title_case_sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from geokg.extract.entities.candidates import Candidate

__all__ = [
    "camel_case",
    "company_conjunct",
    "company_cue",
    "company_in_doc",
    "company_noun_kind",
    "descriptor",
    "of_complement",
    "opened_name",
    "org_kind",
    "org_name",
    "single_word_org",
    "titled_business",
]

# The model's name types a one-word company name may carry (company_in_doc).
_NAME_TYPES = ("ORG", "GPE", "LOC", "PERSON")
# Word classes of lexicon.json that are never a one-word organization name by themselves.
_NOT_NAMES = (
    "org_heads",
    "state_org_heads",
    "institution_heads",
    "media_descriptors",
    "event_heads",
    "honorifics",
    "directions",
    "common_acronyms",
    "legal_suffixes",
)


def company_noun_kind(tok: Token, lex: Lexicons) -> str | None:
    """The organization kind a common noun names ("chipmaker" -> company), else None."""
    if tok.text[:1].isupper() and tok.i > tok.sent.start:
        return None
    nouns: dict[str, str] = lex.words.get("company_nouns", {})
    low = tok.lower_
    kind = nouns.get(low) or nouns.get(lemma(tok))
    if (
        kind is None
        and low.endswith("maker")
        and len(low) > len("maker") + 2
        and not lex.is_title_word(low)  # "lawmaker" is a role, not a company
        and low not in lex.wordset("maker_people")
    ):
        kind = "company"
    return kind


def company_cue(
    doc: Doc, start: int, end: int, lex: Lexicons, *, person: bool = False
) -> str | None:
    """The organization kind the context gives an unlisted name ``doc[start:end]``, else None.

    Cues: a legal suffix in or after the name ("Acmeco Inc"), a company noun in apposition ("X,
    the chipmaker,", "X, a Beijing-based company,") or right before it ("the startup X"), and,
    unless the model read the name as a person, "shares of X", "X shares" and a possessed
    business noun ("X's chips", "X's chief executive").

    Args:
        doc: The parsed Doc.
        start: First token of the name.
        end: One past its last token.
        lex: The lexicons.
        person: Whether the model tagged the name PERSON (only the naming cues apply).
    """
    if end <= start:
        return None
    suffixes = lex.wordset("legal_suffixes")
    if doc[end - 1].lower_ in suffixes and end - start >= 2:
        return "company"
    if end < len(doc) and doc[end].lower_ in suffixes and doc[end].text[:1].isupper():
        return "company"
    root = doc[start:end].root
    linked = [t for t in root.children if t.dep_ == "appos" and not start <= t.i < end]
    if root.dep_ == "appos" and not start <= root.head.i < end:
        linked.append(root.head)
    for t in linked:
        kind = company_noun_kind(t, lex)
        if kind is not None:
            return kind
    if start > 0 and doc[start - 1].pos_ in ("NOUN", "PROPN") and doc[start].text[:1].isupper():
        # "the startup X", "Chinese chipmaker X" (the parser often hangs the name elsewhere)
        kind = company_noun_kind(doc[start - 1], lex)
        if kind is not None:
            return kind
    if _business_context(doc, start, end, lex, person=person and end - start == 1):
        return "company"
    if end - start == 1 and titled_business(doc, start, lex, person=person):
        return "company"
    if root.dep_ == "conj" and not person and not start <= root.head.i < end:
        # "shares of Acmeco and Zentrix": the first conjunct's cue covers the list
        head = root.head
        if head.ent_type_ and _business_context(doc, head.i, head.i + 1, lex, person=False):
            return "company"
    return None


def _business_context(doc: Doc, start: int, end: int, lex: Lexicons, *, person: bool) -> bool:
    """ "shares of X", "X shares", "X's chips", "X chips": a noun of trade holds the name.

    For a one-word name the model read as a person only a possessed product or company noun
    counts ("X's chatbot"; a person may hold shares).
    """
    owned = lex.wordset("company_possessions")
    trade = ("share", "shares", "stock", "stocks", "stake", "valuation", "investors")
    root = doc[start:end].root
    if (
        root.dep_ == "poss"
        and root.head.pos_ == "NOUN"
        and end < len(doc)
        and doc[end].text in ("'s", "’s", "'")
    ):
        words = {root.head.lower_, lemma(root.head)}
        if person and words & set(trade):
            return False
        return bool(words & owned)
    if person:
        return False
    if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i >= end:
        # "Acmeco chips", "Acmeco stockholders"
        return bool({root.head.lower_, lemma(root.head)} & owned)
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "in"):
        held = root.head.head
        if held.pos_ == "NOUN" and lemma(held) in ("share", "stock"):
            return True
    if end < len(doc):
        nxt = doc[end]
        listed = nxt.lower_ in ("shares", "stock", "stocks") and nxt.pos_ == "NOUN"
        if listed and root.head.i == nxt.i:
            return True
    return False


def titled_business(doc: Doc, i: int, lex: Lexicons, *, person: bool = False) -> bool:
    """Whether a one-word name stands before a business title and a person's name: "Acmeco
    CEO Tom Hale", "Acmeco chief executive Tom Hale", "Acmeco founder Tom Hale".

    The person's name must be the model's PERSON right after the title; for a name the model
    read as a person only the strict titles count (``business_titles_strict``: not "chief").
    """
    titles = lex.wordset("business_titles_strict" if person else "business_titles")
    if person and doc[i + 1 : i + 3].text.lower() == "chief executive":
        titles = titles | {"chief", "executive"}
    j = i + 1
    while j < len(doc) and j - i <= 2 and doc[j].lower_ in titles:
        j += 1
    if j == i + 1 or j >= len(doc):
        return False
    nxt = doc[j]
    return nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "B" and nxt.text[:1].isupper()


def single_word_org(doc: Doc, i: int, lex: Lexicons, common: frozenset[str]) -> bool:
    """Whether a one-word ORG span of the model is an organization's name.

    The model tags many one-word places and surnames ORG, so a proper noun (not a word class
    of the lexicon, not in a headline) is kept only with company evidence: a cue of
    :func:`company_cue` here or at another mention of the same word in the document ("the
    energy giant Acmeco ... Acmeco said"), or a camel-case spelling ("ZentrixAI", "NetPlex";
    not "McKay" or "DeLuca") that is no dictionary word (``common``: the lemmatizer's list),
    here or in a conjunct ("ZentrixAI, Acmeco and Voltera": a list of companies).
    """
    tok = doc[i]
    text = tok.text
    if len(text) < 3 or not text[:1].isupper() or text.isupper():
        return False
    if not all(ch.isalnum() or ch in "-&" for ch in text) or not any(ch.islower() for ch in text):
        return False
    if tok.pos_ not in ("PROPN", "ADJ") or only_title_words(doc[i : i + 1], lex):
        return False
    if tok.pos_ == "ADJ" and not titled_business(doc, i, lex):
        return False  # "Baidu chief X": the parser may read the name as an adjective
    low = tok.lower_
    if any(low in lex.wordset(key) for key in _NOT_NAMES) or lex.is_title_word(low):
        return False
    if title_case_sentence(doc[i : i + 1]):
        return False
    if camel_case(tok, common):
        return True
    return company_in_doc(doc, i, lex) or company_conjunct(tok, lex, common)


def camel_case(tok: Token, common: frozenset[str]) -> bool:
    """Whether a word is a camel-case name ("NetPlex"), not a surname or dictionary word."""
    text = tok.text
    return bool(_CAMEL.match(text)) and not _NAME_PREFIX.match(text) and tok.lower_ not in common


def company_conjunct(tok: Token, lex: Lexicons, common: frozenset[str]) -> bool:
    """Whether a one-word name stands in a list of companies.

    The list needs a member the model tagged ORG and company evidence at another member (a
    camel-case name or a cue) or at this one (a camel-case name): "Acmeco and NetPlex",
    "Voltera, Acmeco and NetPlex"; not "Kandahar and Herat".
    """
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    group = [first]
    for member in group:  # "A, B and C" may chain C to B
        group.extend(t for t in member.children if t.dep_ == "conj")
    if len(group) < 2 or tok not in group:
        return False
    if not any(t.ent_type_ == "ORG" for t in group):
        return False
    return camel_case(tok, common) or any(
        t.ent_type_ and (camel_case(t, common) or company_cue(t.doc, t.i, t.i + 1, lex) is not None)
        for t in group
        if t.i != tok.i
    )


def company_in_doc(doc: Doc, i: int, lex: Lexicons) -> bool:
    """Whether a one-word name has a company cue at one of its mentions in the document."""
    # the same word with a name type, found over the Doc's arrays (one Python step per
    # mention, not per token: this runs for many names of a long chunk)
    arr = doc.to_array([ORTH, ENT_TYPE])
    strings = doc.vocab.strings
    named = np.isin(arr[:, 1], [strings[label] for label in _NAME_TYPES])
    mentions = np.flatnonzero(named & (arr[:, 0] == arr[i, 0]))
    return any(company_cue(doc, j, j + 1, lex) is not None for j in mentions.tolist())


# A capital inside a word after a letter: "NetPlex", "YBank" (not "Jean-Luc").
_CAMEL = re.compile(r"^[A-Z][A-Za-z0-9]*[A-Za-z][A-Z][A-Za-z0-9]*$")
# Surname prefixes written with an inner capital.
_NAME_PREFIX = re.compile(r"^(Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O)[A-Z]")


def org_kind(doc: Doc, start: int, end: int, lex: Lexicons) -> str | None:
    """The kind of an unlisted organization: by its head words, else by a context cue."""
    heads: dict[str, str] = lex.words.get("org_kind_heads", {})
    words = [t.lower_ for t in doc[start:end]]
    cut = next((k for k, w in enumerate(words) if w in ("of", "for") and k > 0), len(words))
    kinds = [heads[w] for w in words[:cut] if w in heads]
    if "media" in kinds:
        return "media"
    head = heads.get(words[cut - 1])
    if "company" in (head, *kinds) and cut < len(words):
        head = None  # "Bank of <country>" is a central bank: no company kind from "bank"
    elif "company" in kinds and head is None:
        head = "company"  # "Acme Group Holding"
    if head is not None:
        return head
    kind = company_cue(doc, start, end, lex)
    if kind is None and end - start == 1 and company_in_doc(doc, start, lex):
        kind = "company"
    return kind


def of_complement(doc: Doc, start: int, end: int, lex: Lexicons) -> int:
    """The end of an organization name continued by "for"/"of" and capitalised words.

    The model often cuts "the Kiel Institute for the World Economy" after the head noun: a
    span ending in an organization head ("Institute", "Center", "Fund") takes a following
    "for"/"of" phrase of capitalised words (with "and", "of", "the" between them).
    """
    if end - start < 2 or doc[end - 1].lower_ not in lex.wordset("org_heads"):
        return end
    if end + 1 >= len(doc) or doc[end].lower_ not in ("for", "of"):
        return end
    k = end + 1
    if doc[k].lower_ == "the":
        k += 1
    last = None
    while k < len(doc) and k - end <= 8:
        tok = doc[k]
        if tok.text[:1].isupper() and tok.is_alpha and not tok.is_sent_start:
            last = k
        elif tok.lower_ not in ("and", "of", "the", "on", "in", "for"):
            break
        k += 1
    return end if last is None else last + 1


def descriptor(tok: Token, lex: Lexicons) -> bool:
    """Whether a name's first word is a company noun, not part of the name ("chipmaker X")."""
    if company_noun_kind(tok, lex) is None:
        return False
    low = tok.lower_
    return tok.text.islower() or low.endswith("maker") or low in ("company", "firm", "startup")


def org_name(text: str, lex: Lexicons) -> str:
    """The canonical name of an unlisted organization: without a trailing legal suffix."""
    suffixes = lex.wordset("legal_suffixes")
    words = text.split()
    while len(words) > 1 and words[-1].lower().rstrip(",") in suffixes:
        words.pop()
    return " ".join(words).rstrip(",")


# Gazetteer forms that may open a longer organization name ("Ghana Policy Watch").
_NAME_OPENERS = frozenset({"COUNTRY_NAME", "COUNTRY_ADJ", "CAPITAL", "PLACE", "PLACE_ADJ"})


def opened_name(doc: Doc, start: int, end: int, listed: set[Candidate], lex: Lexicons) -> bool:
    """Whether ``doc[start:end]`` is the name of an organization that a listed state or place
    only opens, introduced by an organization noun ("the watchdog group Ghana Policy Watch",
    "the charity Peru Relief").

    A noun after the name ("X of Y, a think tank") may describe Y instead and does not count.

    Args:
        doc: The parsed Doc.
        start: First token of the name (a model span).
        end: One past its last token.
        listed: The gazetteer candidates inside the span.
        lex: The lexicons.
    """
    if end - start < 2 or not listed:
        return False
    if not all(
        c.end < end and c.kind in _NAME_OPENERS and doc[c.end - 1].dep_ == "compound"
        for c in listed
    ):
        return False
    root = doc[start:end].root
    nouns = [doc[start - 1]] if start > 0 else []
    if root.dep_ == "appos" and root.head.i < start:
        nouns.append(root.head)
    return any(
        company_noun_kind(t, lex) is not None or lex.has_word("name_intro_nouns", lemma(t))
        for t in nouns
        if t.pos_ == "NOUN"
    )
