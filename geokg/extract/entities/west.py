"""The West: "the West", "anti-/pro-Western", and "Western" on the bloc's actors.

"Western leaders" and "Western sanctions" name the ``Organization`` "the West"; "Western
Europe", "western-style" and "West Africa" do not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.candidates import EAST_BLOC, WEST, Candidate, Resolved, annotation
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.scan import lower_in
from geokg.extract.entities.syntax import head_noun, lemma
from geokg.schema import EntityLabel

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["resolve_west", "west_candidates"]

_WEST_WORDS = ("west", "western", "westernism")


def west_candidates(doc: Doc, lex: Lexicons, gaz: dict[int, list[Candidate]]) -> list[Candidate]:
    """Candidates for "West"/"Western"/"Westernism" (and "East-West": the Eastern Bloc)."""
    out: list[Candidate] = []
    for i in lower_in(doc, _WEST_WORDS):
        tok = doc[i]
        low = tok.lower_
        if tok.i in gaz:
            continue
        if low == "west" and tok.text != "West":
            continue
        out.append(
            Candidate(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), WEST, "the West", 2)
        )
        if (
            low == "west"
            and tok.i >= 2
            and doc[tok.i - 1].text in ("-", "–")
            and doc[tok.i - 2].text == "East"
        ):
            east = doc[tok.i - 2]
            out.append(
                Candidate(east.i, east.i + 1, east.idx, east.idx + 4, EAST_BLOC, "Eastern Bloc", 2)
            )
    return out


def resolve_west(doc: Doc, c: Candidate, lex: Lexicons) -> Resolved | None:
    """ "the West" where the word names the bloc (an actor, "anti-Western", "Western leaders")."""
    tok = doc[c.start]
    low = tok.lower_
    prev = doc[c.start - 1].lower_ if c.start > 0 else ""
    prev2 = doc[c.start - 2].lower_ if c.start > 1 else ""
    if prev == "-" and prev2 == "non":
        return None
    anti = prev == "-" and prev2 in ("anti", "pro")
    if low == "westernism":
        return (
            Resolved(annotation(c, EntityLabel.ORGANIZATION, "the West", "west", lex, "bloc"))
            if anti
            else None
        )
    if low == "west":
        nxt = doc[c.start + 1] if c.start + 1 < len(doc) else None
        if (
            nxt is not None
            and nxt.pos_ == "PROPN"
            and nxt.text[:1].isupper()
            and nxt.text not in ("'s", "’s")
        ):
            return None
        if (
            prev
            in (
                "the",
                "a",
                "collective",
                "-",
                "’s",
                "'s",
                "entire",
                "whole",
                "wider",
                "broader",
                "democratic",
                "liberal",
                "global",
                "hostile",
                "decadent",
                "united",
            )
            or tok.dep_ in ("nsubj", "pobj", "dobj", "conj", "poss", "nsubjpass")
            or anti
        ):
            return Resolved(
                annotation(c, EntityLabel.ORGANIZATION, "the West", "west", lex, "bloc")
            )
        return None
    # "Western" / "western"
    if anti:
        return Resolved(annotation(c, EntityLabel.ORGANIZATION, "the West", "west", lex, "bloc"))
    head, _ = head_noun(tok)
    if head is None:
        return None
    if head.pos_ == "PROPN" or (head.text[:1].isupper() and head.pos_ != "NOUN"):
        return None
    if lemma(head) in lex.wordset("western_actor_nouns") or head.lower_ in lex.wordset(
        "western_actor_nouns"
    ):
        return Resolved(annotation(c, EntityLabel.ORGANIZATION, "the West", "west", lex, "bloc"))
    return None
