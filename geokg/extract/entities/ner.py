"""Candidates from the model's NER and from name-shaped tokens the NER skipped.

The small model's PERSON/ORG/GPE/LOC/FAC spans, trimmed of titles and articles and checked for
shape (an organization needs capitalised words or an acronym; a one-word "person" after "the"
or before a place noun is a place); names in a list of person names; a name after a media
descriptor ("the news agency Tanjug") or a place noun ("the town of Kassala").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.candidates import NER_ORG, NER_PERSON, NER_PLACE, Candidate
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.syntax import (
    ACRONYM_RE,
    PLACE_DESCRIPTORS,
    looks_like_name,
    only_title_words,
    strip_span,
    title_case_sentence,
)
from geokg.extract.entities.titles import title_evidence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["descriptor_places", "media_names", "ner_candidates", "person_list_gaps"]


def ner_candidates(doc: Doc, lex: Lexicons, gaz: dict[int, list[Candidate]]) -> list[Candidate]:
    """Candidates from the model's NER spans, trimmed and checked for shape."""
    out: list[Candidate] = []
    for ent in doc.ents:
        label = ent.label_
        if label not in ("PERSON", "ORG", "GPE", "LOC", "FAC"):
            continue
        start, end = strip_span(doc, ent.start, ent.end, lex)
        if start >= end:
            continue
        span = doc[start:end]
        text = span.text
        if not text[:1].isupper() or len(text) < 2 or any(ch.isdigit() for ch in text[:1]):
            continue
        overlapping = {c for i in range(start, end) for c in gaz.get(i, [])}
        if any(c.start == start and c.end == end for c in overlapping):
            continue
        if (
            label == "PERSON"
            and not overlapping
            and _person_tag_is_place(doc, ent.start, start, end, lex)
        ):
            label = "GPE"
        if label in ("GPE", "LOC") and end < len(doc) and doc[end].lower_ in _PLACE_SUFFIXES:
            # "the Kola peninsula", "the Altai region": an unlisted place keeps its noun.
            end += 1
            span = doc[start:end]
            text = span.text
        if label == "PERSON":
            if not looks_like_name(span) or only_title_words(span, lex):
                continue
            strong = span.end - span.start >= 2 and all(
                c.kind
                in (
                    "CAPITAL",
                    "PLACE",
                    "LEADER",
                    "GROUP_ADJ",
                    "GROUP",
                    "COUNTRY_PEOPLE",
                    "PLACE_ADJ",
                    "RELIGION_ADJ",
                )
                or (c.kind == "COUNTRY_NAME" and c.start > start)
                for c in overlapping
            )
            if overlapping and not strong:
                continue
            prio = 4 if strong and overlapping else 1
            out.append(
                Candidate(start, end, span.start_char, span.end_char, NER_PERSON, text, prio)
            )
        elif label == "ORG":
            start, end = _trim_org(doc, start, end)
            if end - start < 1:
                continue
            span = doc[start:end]
            text = span.text
            overlapping = {c for i in range(start, end) for c in gaz.get(i, [])}
            if any(c.start == start and c.end == end for c in overlapping):
                continue
            words = [t.lower_ for t in span]
            cut = next(
                (
                    k
                    for k, w in enumerate(words)
                    if w in ("of", "for", "in", "on", "against") and k > 0
                ),
                len(words),
            )
            head = words[cut - 1]
            state_organ = head in lex.wordset("state_org_heads")
            strong = head in lex.wordset("org_heads") and not state_organ and end - start >= 2
            if state_organ or (overlapping and not strong):
                continue
            if words[-1] in lex.wordset("event_heads"):
                continue
            if not strong and _in_person_list(span) and looks_like_name(span):
                out.append(
                    Candidate(start, end, span.start_char, span.end_char, NER_PERSON, text, 1)
                )
                continue
            if not strong and (not _plausible_org(span, lex) or title_case_sentence(span)):
                continue
            out.append(
                Candidate(
                    start, end, span.start_char, span.end_char, NER_ORG, text, 4 if strong else 1
                )
            )
        else:
            if not _plausible_place(span, lex) or text.lower() in lex.wordset("directions"):
                continue
            if span[-1].lower_ in lex.wordset("event_heads"):
                continue
            if len(span) == 1 and title_case_sentence(span):
                continue
            # "Greater Idlib Province": a longer place name around a known place.
            strong = bool(overlapping) and all(
                c.kind in ("PLACE", "CAPITAL") and (c.start > start or c.end < end)
                for c in overlapping
            )
            if overlapping and not strong:
                continue
            out.append(
                Candidate(
                    start, end, span.start_char, span.end_char, NER_PLACE, text, 4 if strong else 1
                )
            )
    return out


_PLACE_SUFFIXES = frozenset(
    {"peninsula", "region", "valley", "river", "island", "islands", "oblast", "krai"}
)


_LOCATING_PREPS = frozenset({"in", "near", "at", "outside", "across", "along"})


def _person_tag_is_place(doc: Doc, ent_start: int, start: int, end: int, lex: Lexicons) -> bool:
    """Whether a one-word name the model tags PERSON is a place by its syntax.

    "crossing the Danube" (a person takes no article), "the Kola peninsula" (a place noun
    follows), "a rally in Konya" (object of a locating preposition, no title before it).
    """
    if end - start != 1 or ent_start != start:
        return False
    tok = doc[start]
    if end < len(doc) and doc[end].text in ("'s", "’s"):
        return False
    if title_evidence(doc, start, end, lex):
        return False
    if start > 0 and doc[start - 1].lower_ == "the":
        return True
    if end < len(doc) and doc[end].lower_ in _PLACE_SUFFIXES:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in _LOCATING_PREPS


def _in_person_list(span: Span) -> bool:
    """Whether a span is coordinated with person names ("Chekhov, Leo Tolstoy, Dostoevsky")."""
    root = span.root
    linked = [root.head] if root.dep_ == "conj" else []
    linked += [t for t in root.children if t.dep_ == "conj"]
    return any(t.ent_type_ == "PERSON" for t in linked)


def person_list_gaps(doc: Doc, gaz: dict[int, list[Candidate]]) -> list[Candidate]:
    """Names in a list of person names that the NER skipped ("Gogol, Turgenev, and Bulgakov")."""
    out: list[Candidate] = []
    for tok in doc:
        if tok.ent_type_ or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.i in gaz:
            continue
        if tok.dep_ == "compound":
            continue
        linked = [tok.head] if tok.dep_ == "conj" else []
        linked += [t for t in tok.children if t.dep_ == "conj"]
        if not any(t.ent_type_ == "PERSON" for t in linked):
            continue
        start = tok.i
        while (
            start > 0
            and doc[start - 1].dep_ == "compound"
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].head.i == tok.i
        ):
            start -= 1
        span = doc[start : tok.i + 1]
        out.append(
            Candidate(start, tok.i + 1, span.start_char, span.end_char, NER_PERSON, span.text, 1)
        )
    return out


def _trim_org(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Cut an organization span at a bracket and drop trailing lower-case descriptors."""
    for k in range(start, end):
        if doc[k].text in ("(", "[", "“", '"', "``"):
            end = k
            break
    while end > start + 1 and (doc[end - 1].text[:1].islower() or doc[end - 1].is_punct):
        end -= 1
    return start, end


def media_names(doc: Doc, lex: Lexicons, gaz: dict[int, list[Candidate]]) -> list[Candidate]:
    """A name right after a media descriptor ("the news agency Tanjug") is an organization."""
    out: list[Candidate] = []
    descriptors = lex.wordset("media_descriptors")
    for tok in doc:
        if tok.lower_ not in descriptors:
            continue
        k = tok.i + 1
        while (
            k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and k not in gaz
        ):
            k += 1
        if k > tok.i + 1 and k - tok.i <= 5:
            span = doc[tok.i + 1 : k]
            out.append(
                Candidate(
                    span.start, span.end, span.start_char, span.end_char, NER_ORG, span.text, 2
                )
            )
    return out


def descriptor_places(doc: Doc, gaz: dict[int, list[Candidate]]) -> list[Candidate]:
    """A name after a place noun ("the town of Kassala", "the port city Berbera") is a Place."""
    out: list[Candidate] = []
    for tok in doc:
        if tok.lower_ not in PLACE_DESCRIPTORS or tok.text[:1].isupper():
            continue
        k = tok.i + 1
        if k < len(doc) and doc[k].lower_ == "of":
            k += 1
        start = k
        while (
            k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and k not in gaz
        ):
            k += 1
        if k > start and k - start <= 3 and (k == len(doc) or doc[k].text != "'s"):
            span = doc[start:k]
            out.append(Candidate(start, k, span.start_char, span.end_char, NER_PLACE, span.text, 2))
    return out


def _plausible_org(span: Span, lex: Lexicons) -> bool:
    text = span.text
    if ACRONYM_RE.match(text) and 2 <= len(text) <= 5 and not text.endswith("."):
        return True
    words = [t for t in span if not t.is_punct]
    if len(words) < 2 or len(words) > 8:
        return False
    caps = sum(1 for t in words if t.text[:1].isupper())
    return caps >= 2 and caps >= len(words) - 1


def _plausible_place(span: Span, lex: Lexicons) -> bool:
    words = [t for t in span if not t.is_punct]
    if not words or len(words) > 4:
        return False
    if any(t.like_num for t in words):
        return False
    if len(words) > 1 and words[-1].lower_ in _PLACE_SUFFIXES:
        words = words[:-1]
    return all(t.text[:1].isupper() or t.lower_ in ("of", "and", "al", "el", "de") for t in words)
