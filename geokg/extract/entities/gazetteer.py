"""Gazetteer lookup and the proposal of every candidate mention of a Doc.

:func:`propose` turns PhraseMatcher hits into :class:`Candidate` items (names the gazetteer
knows win over the small model's NER: ``COUNTRY_NAME``, ``ORG``, ``PLACE``, ``GROUP``,
``LEADER``, ``LEGISLATURE``, demonyms, capitals and seats), finds names inside unsplit tokens
("U.S.-led", "Sino-"), and collects the proposals of the other rule families (NER spans,
titles, acronyms, the West, groups).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from geokg.extract.entities.acronyms import acronym_candidates
from geokg.extract.entities.armed_groups import armed_group_names
from geokg.extract.entities.blocs import bloc_names
from geokg.extract.entities.candidates import INTRA, Candidate, SurfaceIndex
from geokg.extract.entities.groups import composite_groups, located_groups
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.missed import (
    descriptor_places,
    media_names,
    person_list_gaps,
    role_appositive_names,
    station_names,
    surname_mentions,
)
from geokg.extract.entities.ner import ner_candidates
from geokg.extract.entities.organs import leader_state_candidates, party_candidates
from geokg.extract.entities.person_cues import person_cue_names
from geokg.extract.entities.person_tails import particle_tails
from geokg.extract.entities.place_heads import head_noun_places
from geokg.extract.entities.portfolios import (
    appositive_title_names,
    lower_title_names,
    portfolio_people,
)
from geokg.extract.entities.scan import text_where
from geokg.extract.entities.services import outlet_names_before, outlet_services
from geokg.extract.entities.state_companies import state_company_candidates
from geokg.extract.entities.syntax import has_the, in_capitals
from geokg.extract.entities.titles import title_people
from geokg.extract.entities.variants import case_variants
from geokg.extract.entities.west import west_candidates

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["propose"]


# Base priority of gazetteer kinds when two candidates cover the same tokens.
_PRIORITY = {
    "EVENT": 6,
    "COUNTRY_NAME": 4,
    "ORG": 4,
    "LEADER": 3,
    "PLACE": 3,
    "GROUP": 3,
    "CAPITAL": 3,
    "SEAT": 3,
    "LEGISLATURE": 3,
    "COUNTRY_ADJ": 3,
    "PLACE_ADJ": 3,
    "GROUP_ADJ": 3,
    "RELIGION_ADJ": 2,
    "COUNTRY_PEOPLE": 2,
}


_PIECE = re.compile(r"[^\-/–]+")
_SEPARATED = re.compile(r"[\-/–]").search


def _legislature_owner(doc: Doc, i: int, index: SurfaceIndex) -> str | None:
    """The state that owns the legislature word at token ``i`` where the text names one before
    it ("Peru's Congress", "the Peruvian Congress"); "" where a proper name other than a state
    comes first ("the Nigeria Labour Congress" is a trade union); None where nothing does
    (the legislature's default state)."""
    if i == 0:
        return None
    prev = doc[i - 1]
    if prev.text in ("'s", "’s") and i >= 2:
        prev = doc[i - 2]
    elif prev.dep_ not in ("compound", "amod") or prev.head.i != i:
        return None
    for label in ("COUNTRY_NAME", "COUNTRY_ADJ", "CAPITAL"):
        ids = index.ids(label, (prev.text,))
        if len(ids) == 1:
            return ids[0]
    return "" if prev.pos_ == "PROPN" and prev.text[:1].isupper() else None


def propose(
    doc: Doc,
    hits: Iterable[tuple[str, int, int]],
    index: SurfaceIndex,
    lex: Lexicons,
    common: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """All candidate mentions of a Doc (overlapping), before the overlap policy.

    Args:
        doc: The parsed Doc (needs ``ents``, ``dep``, ``lemma``).
        hits: Gazetteer matches as ``(label, start, end)`` token spans.
        index: The gazetteer surface index.
        lex: The lexicons.
        common: Dictionary words (lower case), for one-word names the model tags ORG.
    """
    cands: list[Candidate] = []
    gaz_tokens: dict[int, list[Candidate]] = {}
    for label, start, end in hits:
        words = tuple(t.text for t in doc[start:end])
        ids = index.ids(label, words)
        if not ids:
            continue
        span = doc[start:end]
        c = Candidate(
            start,
            end,
            span.start_char,
            span.end_char,
            label,
            ids[0],
            _PRIORITY.get(label, 3),
            tuple(ids),
        )
        if (
            label == "ORG"
            and words[0].lower() in lex.wordset("org_needs_article")
            and (
                not has_the(doc, start)
                # "the Alliance between Chile and Peru": the pair's own alliance, no NATO
                or (end < len(doc) and doc[end].lower_ in ("between", "among"))
            )
        ):
            continue
        if (
            label == "ORG"
            and start >= 2
            and len(words) < len(ids[0].split())
            and ids[0].split()[-len(words) :] == list(words)
            and doc[start - 1].lower_ in ("and", "&")
            and doc[start - 2].text[:1].isupper()
            and doc[start - 2].pos_ == "PROPN"
            and doc[start - 2].ent_type_ not in ("GPE", "NORP", "LOC", "PERSON")
            and not index.single.get(doc[start - 2].text)
        ):
            # "the Peace and Security Council": a short form of a listed name ("Security
            # Council") that ends a longer, different name.
            continue
        if (
            label == "ORG"
            and end + 1 < len(doc)
            and doc[end].lower_ == "of"
            and doc[end + 1].text[:1].isupper()
        ):
            # "the Alliance of Small States": the alias is the start of a longer name.
            continue
        if label == "LEGISLATURE" and end - start == 1:
            owner = _legislature_owner(doc, start, index)
            if owner == "":
                continue  # "the Nigeria Labour Congress": the end of a longer name
            if owner is not None:  # "Peru's Congress", "the Peruvian Congress"
                c = Candidate(c.start, c.end, c.start_char, c.end_char, label, owner, c.priority)
        if end - start == 1 and lex.has_word("word_acronyms", words[0]) and in_capitals(doc[start]):
            # "WHAT IS NEXT FOR MALI": a word of a line set in capitals, not the acronym
            continue
        if (
            label == "COUNTRY_NAME"
            and end < len(doc)
            and doc[end].text in ("$", "dollars", "dollar")
            and end - start == 1
            and doc[start].dep_ != "dative"
        ):
            # "Singapore $5 million" is a currency; "owes China $7 billion" names a party
            continue
        cands.append(c)
        for i in range(start, end):
            gaz_tokens.setdefault(i, []).append(c)

    for c in case_variants(doc, index, lex, gaz_tokens):
        cands.append(c)
        for i in range(c.start, c.end):
            gaz_tokens.setdefault(i, []).append(c)
    cands.extend(leader_state_candidates(doc, cands, lex))
    cands.extend(state_company_candidates(doc, lex, list(cands)))
    for c in party_candidates(doc, lex, gaz_tokens):
        cands.append(c)
        gaz_tokens.setdefault(c.start, []).append(c)
    cands.extend(_intra_token(doc, index, lex, gaz_tokens))
    for c in west_candidates(doc, lex, gaz_tokens):
        cands.append(c)
        gaz_tokens.setdefault(c.start, []).append(c)
    cands.extend(ner_candidates(doc, lex, gaz_tokens, common))
    cands.extend(particle_tails(doc, gaz_tokens, cands))
    cands.extend(person_list_gaps(doc, gaz_tokens, lex))
    cands.extend(role_appositive_names(doc, gaz_tokens, lex))
    cands.extend(person_cue_names(doc, lex, gaz_tokens))
    cands.extend(descriptor_places(doc, gaz_tokens))
    cands.extend(head_noun_places(doc, gaz_tokens))
    cands.extend(media_names(doc, lex, gaz_tokens))
    cands.extend(outlet_names_before(doc, lex, gaz_tokens))
    cands.extend(armed_group_names(doc, lex, gaz_tokens))
    cands.extend(bloc_names(doc, lex, gaz_tokens))
    cands.extend(station_names(doc, gaz_tokens))
    cands.extend(title_people(doc, lex, gaz_tokens, cands))
    cands.extend(portfolio_people(doc, lex, gaz_tokens, cands))
    cands.extend(appositive_title_names(doc, lex, gaz_tokens))
    cands.extend(lower_title_names(doc, lex, gaz_tokens))
    cands.extend(surname_mentions(doc, lex, gaz_tokens, cands))
    cands.extend(acronym_candidates(doc, cands, index, lex))
    cands.extend(outlet_services(doc, cands))
    cands.extend(composite_groups(doc, lex, cands))
    cands.extend(located_groups(doc, lex, cands))
    return cands


def _intra_token(
    doc: Doc, index: SurfaceIndex, lex: Lexicons, gaz: dict[int, list[Candidate]]
) -> list[Candidate]:
    """Names inside unsplit tokens ("U.S.-led") and combining forms ("Sino-", "Franco-")."""
    out: list[Candidate] = []
    combining: dict[str, str | None] = lex.words.get("combining_forms", {})
    # only a combining form or a word of four characters or more with a dash or slash
    # can name anything here
    for i in text_where(doc, lambda t: t in combining or (len(t) >= 4 and _SEPARATED(t))):
        tok = doc[i]
        text = tok.text
        if tok.i in gaz:
            continue
        if text in combining and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-":
            target = combining[text]
            if target:
                kind = "PLACE" if target in ("Europe",) else INTRA
                out.append(
                    Candidate(tok.i, tok.i + 1, tok.idx, tok.idx + len(text), kind, target, 3)
                )
            continue
        if len(text) < 4 or not any(ch in text for ch in "-/–"):
            continue
        for m in _PIECE.finditer(text):
            piece = m.group(0)
            for label, ident in index.single.get(piece, []):
                if label in ("COUNTRY_NAME", "COUNTRY_ADJ", "ORG"):
                    kind = INTRA if label != "ORG" else "ORG"
                    out.append(
                        Candidate(
                            tok.i, tok.i + 1, tok.idx + m.start(), tok.idx + m.end(), kind, ident, 3
                        )
                    )
                    break
            else:
                continue
            break
    return out
