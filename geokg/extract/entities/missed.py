"""Names the model's NER skipped: in a list of names, after a descriptor, bare surnames.

A name in a list of person names ("Gogol, Turgenev, and Bulgakov"); a full name with a role
noun in apposition ("Ana Ruiz, Peru's envoy, said"); a city before "radio"
("Belgrade radio said": the station Radio Belgrade); a name after a media
descriptor ("the news agency Tanjug") or a place noun ("the town of Kassala"); a bare surname
of a person the Doc names in full ("Ana Lopez ... Lopez said").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.candidates import (
    NER_ORG,
    NER_PERSON,
    NER_PLACE,
    SURNAME,
    TITLE_PERSON,
    Candidate,
)
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.names import NAME_PARTICLES
from geokg.extract.entities.scan import lower_in, text_in, unnamed_proper_nouns
from geokg.extract.entities.syntax import PLACE_DESCRIPTORS, only_title_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "descriptor_places",
    "media_names",
    "person_list_gaps",
    "role_appositive_names",
    "station_names",
    "surname_mentions",
]


def person_list_gaps(doc: Doc, gaz: dict[int, list[Candidate]], lex: Lexicons) -> list[Candidate]:
    """Names in a list of person names that the NER skipped ("Gogol, Turgenev, and Bulgakov").

    A title the parser hung in the list ("Foreign Minister A and Trade Minister B", parsed with
    "Minister" as a conjunct of A) is no name.
    """
    out: list[Candidate] = []
    for i in unnamed_proper_nouns(doc):
        tok = doc[i]
        if not tok.text[:1].isupper() or tok.i in gaz:
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
        if only_title_words(span, lex):
            continue
        out.append(
            Candidate(start, tok.i + 1, span.start_char, span.end_char, NER_PERSON, span.text, 1)
        )
    return out


def media_names(doc: Doc, lex: Lexicons, gaz: dict[int, list[Candidate]]) -> list[Candidate]:
    """A name right after a media descriptor ("the news agency Tanjug") is an organization.

    The name may hold a listed name ("the magazine Mining Africa"): the whole run of proper
    nouns is the outlet, unless it is one listed name.
    """
    out: list[Candidate] = []
    descriptors = lex.wordset("media_descriptors")
    for i in lower_in(doc, descriptors):
        tok = doc[i]
        k = tok.i + 1
        while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
            k += 1
        if k - tok.i > 5 or any(c.start == tok.i + 1 and c.end == k for c in gaz.get(k - 1, [])):
            k = tok.i + 1  # a listed name alone is the listed entity ("the daily China ...")
        if k > tok.i + 1 and k - tok.i <= 5:
            span = doc[tok.i + 1 : k]
            # Over a listed word the descriptor outweighs the model's PERSON reading.
            prio = 5 if any(j in gaz for j in range(span.start, span.end)) else 2
            out.append(
                Candidate(
                    span.start, span.end, span.start_char, span.end_char, NER_ORG, span.text, prio
                )
            )
    return out


def descriptor_places(doc: Doc, gaz: dict[int, list[Candidate]]) -> list[Candidate]:
    """A name after a place noun ("the town of Kassala", "the port city Berbera") is a Place."""
    out: list[Candidate] = []
    for i in lower_in(doc, PLACE_DESCRIPTORS):
        tok = doc[i]
        if tok.text[:1].isupper():
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


def surname_mentions(
    doc: Doc, lex: Lexicons, gaz: dict[int, list[Candidate]], cands: list[Candidate]
) -> list[Candidate]:
    """A bare surname of a person the Doc names in full ("Ana Lopez ... Lopez said").

    The small model often misses a lone surname in a short sentence; a capitalised token equal
    to the last word of a full person name elsewhere in the Doc is that person (the people
    rules then give it the full name). A token inside another name, a gazetteer name or a
    longer candidate is left alone.
    """
    surnames: set[str] = set()
    particled: set[tuple[str, ...]] = set()
    for c in cands:
        if c.kind not in (NER_PERSON, TITLE_PERSON, "LEADER"):
            continue
        words = [t for t in doc[c.start : c.end] if not t.is_punct]
        last = words[-1] if words else None
        if (
            last is not None
            and len(words) >= 2
            and len(last.text) > 2
            and last.text[:1].isupper()
            and last.lower_ not in NAME_PARTICLES
            and not lex.is_title_word(last.lower_)
        ):
            surnames.add(last.text)
            tail = _particle_surname(words)
            if tail:
                particled.add(tail)
    if not surnames:
        return []
    taken = {
        i
        for c in cands
        if c.kind not in (NER_ORG, NER_PLACE) or c.length > 1
        for i in range(c.start, c.end)
    }
    out = _particle_mentions(doc, particled, cands, gaz)
    for i in text_in(doc, surnames):
        tok = doc[i]
        if tok.i in taken or tok.i in gaz:
            continue
        neighbours = [doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc)]
        if any(n.pos_ == "PROPN" and n.text[:1].isupper() for n in neighbours):
            continue
        out.append(
            Candidate(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), SURNAME, tok.text, 2)
        )
    return out


def _particle_surname(words: list[Token]) -> tuple[str, ...] | None:
    """The surname of a full name that ends in particles and a last word ("La Lime").

    Returned as its words, the particles in lower case ("la", "lime" kept as written).
    """
    k = len(words) - 1
    while k > 1 and words[k - 1].lower_ in NAME_PARTICLES:
        k -= 1
    if k == len(words) - 1:
        return None
    return (*(w.lower_ for w in words[k:-1]), words[-1].text)


def _particle_mentions(
    doc: Doc,
    particled: set[tuple[str, ...]],
    cands: list[Candidate],
    gaz: dict[int, list[Candidate]],
) -> list[Candidate]:
    """Later mentions of a surname that starts with particles ("Helen La Lime ... La Lime").

    The small model reads a bare "La Lime" or "Van Dijk" as an organization or a place; the
    particles match in any case, the last word as written. Not inside a longer name.
    """
    out: list[Candidate] = []
    for words in particled:
        n = len(words)
        for last in text_in(doc, {words[-1]}):
            if last + 1 < n:
                continue
            tok = doc[last + 1 - n]
            end = last + 1
            span = doc[tok.i : end]
            if [t.lower_ for t in span[:-1]] != list(words[:-1]):
                continue
            if any(i in gaz for i in range(tok.i, end)) or any(
                c.start < end
                and tok.i < c.end
                and (c.kind not in (NER_ORG, NER_PLACE) or c.start < tok.i or c.end > end)
                for c in cands
            ):
                continue
            if tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN" and doc[tok.i - 1].text[:1].isupper():
                continue
            nxt = doc[end] if end < len(doc) else None
            if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
                continue
            out.append(Candidate(tok.i, end, span.start_char, span.end_char, SURNAME, span.text, 3))
    return out


def role_appositive_names(
    doc: Doc, gaz: dict[int, list[Candidate]], lex: Lexicons
) -> list[Candidate]:
    """A full name the NER skipped that has a role noun in apposition ("Ana Ruiz, Peru's envoy").

    Two to four capitalised proper nouns (the head and its compounds) with an apposition headed
    by a title or a person noun ("ambassador", "lawmaker", "analyst"): the construction news
    uses to introduce a speaker. The people rules then decide Leader or Person.
    """
    nouns = lex.wordset("person_appositives") | lex.wordset("private_people_nouns")
    out: list[Candidate] = []
    for i in unnamed_proper_nouns(doc):
        tok = doc[i]
        if not tok.text[:1].isupper() or tok.i in gaz:
            continue
        start = tok.i
        while (
            start > 0
            and tok.i - start < 3
            and doc[start - 1].dep_ == "compound"
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].head.i == tok.i
            and doc[start - 1].text[:1].isupper()
            and not doc[start - 1].ent_type_
            and start - 1 not in gaz
        ):
            start -= 1
        while (
            start > 0
            and tok.i - start < 3
            and doc[start - 1].is_alpha
            and doc[start - 1].text[:1].isupper()
            and not doc[start - 1].is_sent_start
            and not doc[start - 1].ent_type_
            and start - 1 not in gaz
        ):
            start -= 1  # a name word the parser did not hang on the name ("Oh" read as a word)
        if start == tok.i or tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ",":
            continue
        span = doc[start : tok.i + 1]
        if only_title_words(span, lex) or any(lex.is_title_word(t.lower_) for t in span):
            continue
        roles = [
            t
            for t in tok.children
            if t.dep_ == "appos"
            and t.i > tok.i
            and t.pos_ == "NOUN"
            and (lex.title_role(t.lower_) or t.lemma_.lower() in nouns or t.lower_ == "member")
        ]
        if roles:
            out.append(
                Candidate(
                    start, tok.i + 1, span.start_char, span.end_char, NER_PERSON, span.text, 1
                )
            )
    return out


def station_names(doc: Doc, gaz: dict[int, list[Candidate]]) -> list[Candidate]:
    """A place name right before a lower-case "radio" is a station ("Belgrade radio said").

    Wire news names state radio by its city; the station is an organization named "Radio X",
    not the place (nor, by metonymy, the state).
    """
    out: list[Candidate] = []
    for i in text_in(doc, ("radio",)):
        tok = doc[i]
        if tok.i == 0:
            continue
        place = doc[tok.i - 1]
        kinds = {c.kind for c in gaz.get(place.i, [])}
        listed_place = bool(kinds) and kinds <= {"CAPITAL", "PLACE", "SEAT"}
        if not place.text[:1].isupper() or (place.pos_ != "PROPN" and not listed_place):
            continue
        if not (listed_place or (not kinds and place.ent_type_ != "NORP")):
            continue
        end_char = tok.idx + len(tok.text)
        name = f"Radio {place.text}"
        out.append(Candidate(place.i, tok.i + 1, place.idx, end_char, NER_ORG, name, 5))
    return out
