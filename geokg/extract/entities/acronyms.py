"""Acronyms a document defines, and the leading acronym of a longer organization name."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from geokg.extract.entities.candidates import ACRONYM, NER_ORG, Candidate, SurfaceIndex
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.names import american_spelling
from geokg.extract.entities.scan import text_in, text_where
from geokg.extract.entities.syntax import ACRONYM_RE

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["acronym_candidates"]


def acronym_candidates(
    doc: Doc, cands: list[Candidate], index: SurfaceIndex, lex: Lexicons | None = None
) -> list[Candidate]:
    """Acronyms the text defines ("the Andean Water Council (AWC)").

    Also the leading acronym of a longer organization name stands for it ("ARC Institute" ...
    "ARC's report"), unless that acronym is itself a known name, and so does an unlisted
    acronym that spells the initials of one body the Doc names.
    """
    orgs = {c.end: c for c in cands if c.kind in ("ORG", NER_ORG)}
    defined: dict[str, str] = {}
    for c in orgs.values():
        first = doc[c.start].text
        if c.length >= 2 and ACRONYM_RE.match(first) and first not in index.single:
            defined.setdefault(first, c.target if c.kind == "ORG" else american_spelling(c.target))
    out: list[Candidate] = []
    explicit: dict[str, str] = {}
    for i in text_where(doc, ACRONYM_RE.match):
        tok = doc[i]
        if tok.i < 2:
            continue
        prev = doc[tok.i - 1]
        org: Candidate | None = None
        if prev.text == "(" and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ")":
            org = orgs.get(tok.i - 1)
        elif prev.lower_ == "or" and doc[tok.i - 2].text == ",":
            org = orgs.get(tok.i - 2)
        if org is not None:
            name = org.target if org.kind == "ORG" else american_spelling(org.target)
            defined.setdefault(tok.text, name)
            if _initials_fit(tok.text, doc[org.start : org.end].text):
                explicit.setdefault(tok.text, name)
                out.extend(_listed_expansion(org, tok.text, index))
    if lex is not None:
        _initials_of_named(doc, orgs.values(), index, lex.wordset("org_heads"), defined)
    if not defined:
        return out
    covered = {
        i
        for c in cands
        if c.kind in ("ORG", NER_ORG) and c.length >= 2
        for i in range(c.start, c.end)
    }
    for i in text_in(doc, defined):
        tok = doc[i]
        short = defined.get(tok.text)
        if short and tok.i not in covered:
            # A listed acronym the text defines as another body's name means that body here
            # ("the Andean Pact (AP)" is not the news agency); a listed name that is itself
            # the acronym ("OPEC") or that the text spells a little differently keeps it.
            listed = [i for label, i in index.single.get(tok.text, []) if label == "ORG"]
            prio = 2
            if (
                explicit.get(tok.text) == short
                and listed
                and short not in listed
                and not any(i.isupper() or _same_body(i, short) for i in listed)
            ):
                prio = 6
            out.append(
                Candidate(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), ACRONYM, short, prio)
            )
    return out


def _listed_expansion(org: Candidate, acronym: str, index: SurfaceIndex) -> list[Candidate]:
    """An unlisted spelling of a body whose listed name is the acronym it defines.

    "the Organisation of Petroleum Exporting Countries (OPEC)": the model's span is OPEC.
    """
    if org.kind != NER_ORG:
        return []
    listed = [i for label, i in index.single.get(acronym, []) if label == "ORG"]
    if len(listed) != 1 or listed[0] != acronym:
        return []
    return [Candidate(org.start, org.end, org.start_char, org.end_char, "ORG", acronym, 6)]


def _initials_of_named(
    doc: Doc,
    orgs: Iterable[Candidate],
    index: SurfaceIndex,
    heads: frozenset[str],
    defined: dict[str, str],
) -> None:
    """Unlisted acronyms of three letters or more that spell the initials of one named body.

    News often names a party in full and then writes its acronym without defining it ("the
    Andean Labour Party ... the ALP's leaders"): the acronym is that body when exactly one
    organization the Doc names has those initials (its capitalised words, in order) and a
    listed name or an organization head noun ("Party", "Front", "Council").
    """
    by_initials: dict[str, set[str]] = {}
    for c in orgs:
        caps = [t.text for t in doc[c.start : c.end] if t.is_alpha and t.text[:1].isupper()]
        if len(caps) < 3 or any(w.isupper() for w in caps):
            continue
        if c.kind != "ORG" and caps[-1].lower() not in heads:
            continue
        name = c.target if c.kind == "ORG" else american_spelling(c.target)
        by_initials.setdefault("".join(w[0] for w in caps), set()).add(name)
    for i in text_in(doc, by_initials):
        tok = doc[i]
        names = by_initials[tok.text]
        if len(names) == 1 and tok.text not in index.single:
            defined.setdefault(tok.text, next(iter(names)))


def _same_body(listed: str, defined: str) -> bool:
    """Whether two names share most of their words (one body spelt two ways)."""
    a = {w.lower() for w in listed.split()}
    b = {w.lower() for w in defined.split()}
    return len(a & b) * 2 > len(a | b)


def _initials_fit(acronym: str, name: str) -> bool:
    """Whether an acronym's letters are initials of the name's words, in order, first first.

    Words split at spaces and hyphens; lower-case function words may be skipped
    ("Tehreek-e-Taliban Pakistan" fits "TTP", "Andean Pact" fits "AP").
    """
    initials = [w[0].upper() for w in re.split(r"[\s\-]+", name) if w and w[0].isalpha()]
    letters = [ch for ch in acronym if ch.isalpha()]
    if not letters or not initials or letters[0] != initials[0]:
        return False
    k = 0
    for ch in initials:
        if k < len(letters) and ch == letters[k]:
            k += 1
    return k == len(letters)
