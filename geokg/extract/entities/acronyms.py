"""Acronyms a document defines, and the leading acronym of a longer organization name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.candidates import ACRONYM, NER_ORG, Candidate, SurfaceIndex
from geokg.extract.entities.names import american_spelling
from geokg.extract.entities.scan import text_in, text_where
from geokg.extract.entities.syntax import ACRONYM_RE

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["acronym_candidates"]


def acronym_candidates(doc: Doc, cands: list[Candidate], index: SurfaceIndex) -> list[Candidate]:
    """Acronyms the text defines ("the Andean Water Council (AWC)").

    Also the leading acronym of a longer organization name stands for it ("ARC Institute" ...
    "ARC's report"), unless that acronym is itself a known name.
    """
    orgs = {c.end: c for c in cands if c.kind in ("ORG", NER_ORG)}
    defined: dict[str, str] = {}
    for c in orgs.values():
        first = doc[c.start].text
        if c.length >= 2 and ACRONYM_RE.match(first) and first not in index.single:
            defined.setdefault(first, c.target if c.kind == "ORG" else american_spelling(c.target))
    out: list[Candidate] = []
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
            out.append(
                Candidate(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), ACRONYM, short, 2)
            )
    return out
