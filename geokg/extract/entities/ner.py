"""Candidates from the model's NER and from name-shaped tokens the NER skipped.

The small model's PERSON/ORG/GPE/LOC/FAC spans, trimmed of titles and articles and checked for
shape (an organization needs capitalised words or an acronym; a one-word "person" after "the"
or before a place noun is a place). Names the NER skipped: :mod:`~geokg.extract.entities.missed`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.candidates import (
    NER_ORG,
    NER_PERSON,
    NER_PLACE,
    Candidate,
)
from geokg.extract.entities.companies import (
    company_conjunct,
    company_cue,
    company_in_doc,
    descriptor,
    of_complement,
    opened_name,
    single_word_org,
)
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.nonpersons import appositive_place, person_span_kind, storm_names
from geokg.extract.entities.syntax import (
    ACRONYM_RE,
    common_noun_code,
    lemma,
    looks_like_name,
    only_title_words,
    skip_stance_words,
    strip_span,
    title_case_sentence,
)
from geokg.extract.entities.titles import title_evidence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["ner_candidates"]


def ner_candidates(
    doc: Doc,
    lex: Lexicons,
    gaz: dict[int, list[Candidate]],
    common: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Candidates from the model's NER spans, trimmed and checked for shape.

    Args:
        doc: The parsed Doc.
        lex: The lexicons.
        gaz: Gazetteer candidates by token.
        common: Dictionary words (lower case); a one-word ORG span that is one needs a cue.
    """
    out: list[Candidate] = []
    storms = storm_names(doc, lex)
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
        if common_noun_code(span, lex):
            continue
        if start > 0 and doc[start - 1].text == "#" and not doc[start - 1].whitespace_:
            continue  # "#PNH", "#StandWithX": a hashtag, no name the model may tag a person
        overlapping = {c for i in range(start, end) for c in gaz.get(i, [])}
        if any(c.start == start and c.end == end for c in overlapping):
            continue
        if label == "PERSON" and not overlapping:
            # "Cyclone Idai", "Cherry picking", "COVID-19", "Beira District": no person.
            shape = "SKIP" if text in storms else person_span_kind(span, lex, common)
            if shape == "SKIP":
                continue
            label = shape or label
        if label in ("PERSON", "GPE", "LOC") and opened_name(doc, start, end, overlapping, lex):
            out.append(Candidate(start, end, span.start_char, span.end_char, NER_ORG, text, 4))
            continue  # "the watchdog group Ghana Policy Watch": a state only opens the name
        if (
            label in ("PERSON", "GPE", "LOC")
            and not overlapping
            and (
                company_cue(doc, start, end, lex, person=label == "PERSON") is not None
                or (end - start == 1 and company_in_doc(doc, start, lex))
                or (
                    label != "PERSON"
                    and end - start == 1
                    and company_conjunct(doc[start], lex, common)
                )
            )
        ):
            # "shares of Acmeco", "Zentrix, the chipmaker,": a company the model read as a
            # place or a person.
            label = "ORG"
        if (
            label == "PERSON"
            and not overlapping
            and _person_tag_is_place(doc, ent.start, start, end, lex)
        ) or (label == "ORG" and not overlapping and end - start == 1 and appositive_place(span)):
            label = "GPE"  # "Kandar, the provincial capital": a town tagged ORG is a place
        if (
            label in ("GPE", "LOC")
            and not overlapping
            and end - start >= 2
            and any(e.how == "prefix" for e in title_evidence(doc, start, end, lex))
        ):
            # "the presidential adviser Jan Kowal" tagged as a place: the title decides.
            label = "PERSON"
        if label in ("GPE", "LOC") and end < len(doc) and doc[end].lower_ in _PLACE_SUFFIXES:
            # "the Kola peninsula", "the Altai region": an unlisted place keeps its noun.
            end += 1
        if label == "PERSON":
            cand = _person_candidate(doc, start, end, lex, overlapping)
        elif label == "ORG":
            out.extend(_org_candidates(doc, start, end, lex, gaz, common))
            continue
        else:
            cand = _place_candidate(doc, start, end, lex, overlapping)
        if cand is not None:
            out.append(cand)
    return out


# Water bodies and landforms named "<head> of <name>" ("the Bay of Bengal"): one place.
_GEO_HEADS = frozenset(
    {"Gulf", "Bay", "Sea", "Strait", "Straits", "Lake", "Cape", "Isle", "Isles", "Horn", "Mount"}
)


def _person_candidate(
    doc: Doc, start: int, end: int, lex: Lexicons, overlapping: set[Candidate]
) -> Candidate | None:
    span = doc[start:end]
    if not looks_like_name(span) or only_title_words(span, lex):
        return None
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
    if overlapping and not (strong and not title_case_sentence(span)):
        # In a headline every word is capitalised: the listed name, not the longer span.
        return None
    prio = 4 if strong and overlapping else 1
    return Candidate(start, end, span.start_char, span.end_char, NER_PERSON, span.text, prio)


def _org_candidates(
    doc: Doc,
    start: int,
    end: int,
    lex: Lexicons,
    gaz: dict[int, list[Candidate]],
    common: frozenset[str],
) -> list[Candidate]:
    """An NER organization span; "A's B" ("the university's law school") is two names."""
    start, end = _trim_org(doc, start, end)
    if end - start >= 2 and descriptor(doc[start], lex):
        start += 1  # "Chipmaker Zentrix": the descriptor is not part of the name
    if (
        end < len(doc)
        and doc[end].lower_ in lex.wordset("legal_suffixes")
        and doc[end].text[:1].isupper()
    ):
        end += 1  # "Acmeco Inc" where the model stopped before the suffix
    end = of_complement(doc, start, end, lex)
    poss = next((k for k in range(start + 1, end - 1) if doc[k].text in ("'s", "’s")), None)
    if poss is not None and end - poss - 1 < 2:
        poss = None
    parts = [(start, end)] if poss is None else [(start, poss), (poss + 1, end)]
    out: list[Candidate] = []
    for a, b in parts:
        cand = _org_candidate(doc, a, b, lex, gaz, common)
        if cand is not None:
            out.append(cand)
    return out


def _org_candidate(
    doc: Doc,
    start: int,
    end: int,
    lex: Lexicons,
    gaz: dict[int, list[Candidate]],
    common: frozenset[str],
) -> Candidate | None:
    if end - start < 1:
        return None
    overlapping = {c for i in range(start, end) for c in gaz.get(i, [])}
    if any(c.start == start and c.end == end for c in overlapping):
        return None
    if any(
        c.end == end and c.start > start and _qualifiers(doc, start, c.start, gaz)
        for c in overlapping
    ):
        return None  # "the Japanese Liberal Democratic Party": the listed party, qualified
    words = [t.lower_ for t in doc[start:end]]
    cut = next(
        (k for k, w in enumerate(words) if w in ("of", "for", "in", "on", "against") and k > 0),
        len(words),
    )
    head = words[cut - 1]
    armed = bool(lex.wordset("armed_group_words") & set(words))
    state_organ = head in lex.wordset("state_org_heads") and not armed
    lead = words[0] in lex.wordset("org_lead_heads")  # "Radio Kabul": a station, not the city
    strong = (head in lex.wordset("org_heads") or armed or lead) and not state_organ
    strong = strong and end - start >= 2
    if state_organ or (overlapping and not strong):
        return None
    if words[-1] in lex.wordset("event_heads") and not (strong and cut < len(words)):
        return None  # an event name, not "the Institute for the Study of War"
    span = doc[start:end]
    nxt = doc[end] if end < len(doc) else None
    if (
        not strong
        and nxt is not None
        and nxt.tag_ == "NNS"
        and nxt.text.islower()
        and span.root.head.i == nxt.i
        and (doc[end - 1].tag_ == "JJ" or doc[end - 1].lower_.endswith(("ic", "al", "an")))
    ):
        # "Social-Liberal parties": a name-like adjective before a plural common noun.
        return None
    if not strong and only_title_words(span, lex):
        # "National Security Adviser" tagged as an organization: a title, not a name.
        return None
    if not strong and looks_like_name(span) and (_in_person_list(span) or _person_appos(span, lex)):
        return Candidate(start, end, span.start_char, span.end_char, NER_PERSON, span.text, 1)
    single = end - start == 1 and single_word_org(doc, start, lex, common)
    if not strong and not single and (not _plausible_org(span, lex) or title_case_sentence(span)):
        return None
    prio = 4 if strong else 1
    return Candidate(start, end, span.start_char, span.end_char, NER_ORG, span.text, prio)


def _person_appos(span: Span, lex: Lexicons) -> bool:
    """Whether a name has a person noun in apposition ("X, a professor of law, said")."""
    nouns = lex.wordset("person_appositives")
    root = span.root
    linked = [t for t in root.children if t.dep_ == "appos"]
    if root.dep_ == "appos" and not (span.start <= root.head.i < span.end):
        linked.append(root.head)
    return any(lemma(t) in nouns for t in linked)


def _place_candidate(
    doc: Doc, start: int, end: int, lex: Lexicons, overlapping: set[Candidate]
) -> Candidate | None:
    span = doc[start:end]
    text = span.text
    if not _plausible_place(span, lex) or text.lower() in lex.wordset("directions"):
        return None
    if span[-1].lower_ in lex.wordset("event_heads"):
        return None
    if len(span) == 1 and title_case_sentence(span):
        return None
    # "Greater Idlib Province": a longer place name around a known place; "the Gulf of Aden"
    # style names hold a known name after "of".
    geo = len(span) >= 3 and span[0].text in _GEO_HEADS and span[1].lower_ == "of"
    strong = bool(overlapping) and all(
        (c.kind in ("PLACE", "CAPITAL") or geo) and (c.start > start or c.end < end)
        for c in overlapping
    )
    if overlapping and not strong:
        return None
    prio = 4 if strong else 1
    return Candidate(start, end, span.start_char, span.end_char, NER_PLACE, text, prio)


_PLACE_SUFFIXES = frozenset(
    {"peninsula", "region", "valley", "river", "island", "islands", "oblast", "krai"}
)


_LOCATING_PREPS = frozenset({"in", "near", "at", "outside", "across", "along"})


def _person_tag_is_place(doc: Doc, ent_start: int, start: int, end: int, lex: Lexicons) -> bool:
    """Whether a name the model tags PERSON is a place by its syntax.

    "crossing the Danube" (a person takes no article), "the Kola peninsula" (a place noun
    follows), "a rally in Konya" (object of a locating preposition, no title before it); a
    longer name only as the object of "in", "near" or "outside" ("a base in Puerto Ayora").
    """
    if ent_start != start or end <= start:
        return False
    if end < len(doc) and doc[end].text in ("'s", "’s"):
        return False
    if title_evidence(doc, start, end, lex):
        return False
    if end - start > 1:
        root = doc[start:end].root
        return root.dep_ == "pobj" and root.head.lower_ in ("in", "near", "outside")
    tok = doc[start]
    if start > 0 and doc[start - 1].lower_ == "the":
        return True
    if end < len(doc) and doc[end].lower_ in _PLACE_SUFFIXES:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in _LOCATING_PREPS


def _in_person_list(span: Span) -> bool:
    """Whether a span is coordinated with person names ("Chekhov, Leo Tolstoy, Dostoevsky").

    A one-word PERSON tag beside it is no evidence ("Acmeco and Zentrix": the model often reads
    one of two company names as a person); a full name is.
    """
    root = span.root
    linked = [root.head] if root.dep_ == "conj" else []
    linked += [t for t in root.children if t.dep_ == "conj"]
    doc = span.doc
    return any(
        t.ent_type_ == "PERSON"
        and (
            (t.i > 0 and doc[t.i - 1].ent_type_ == "PERSON" and t.ent_iob_ == "I")
            or (t.i + 1 < len(doc) and doc[t.i + 1].ent_iob_ == "I")
        )
        for t in linked
    )


_QUALIFYING_WORDS = frozenset({"ruling", "governing", "opposition", "main", "former"})


def _qualifiers(doc: Doc, start: int, end: int, gaz: dict[int, list[Candidate]]) -> bool:
    """Whether ``doc[start:end]`` is only demonyms ("Japanese") and qualifiers ("ruling")."""
    for i in range(start, end):
        adjective = any(c.kind == "COUNTRY_ADJ" for c in gaz.get(i, []))
        if not adjective and doc[i].lower_ not in _QUALIFYING_WORDS:
            return False
    return True


def _trim_org(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Cut an organization span at a bracket; drop trailing descriptors and a stance word."""
    for k in range(start, end):
        if (
            doc[k].text in ("(", "[", "“", '"', "``")
            or (k > start and doc[k].is_sent_start)
            or (
                k > start
                and doc[k - 1].text.endswith(".")
                and doc[k].tag_ in ("NN", "NNS")
                and doc[k].lemma_.islower()
            )
        ):
            end = k
            break
    while end > start + 1 and (doc[end - 1].text[:1].islower() or doc[end - 1].is_punct):
        end -= 1
    return skip_stance_words(doc, start, end), end


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
