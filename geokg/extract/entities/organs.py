"""State organs and parties named through people: "the Lula administration", "Republican senators".

SCHEMA.md ("Conventions settled while annotating news"): a state's organs acting for it ("the
Trump administration") name the state, and "Republican Representative X" names the Republican
Party. Both are proposed here as candidates on the noun or adjective that carries them; the
leader's name and the legislator's name stay their own mentions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.candidates import LEADER_STATE, Candidate
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.scan import text_in
from geokg.extract.entities.syntax import head_noun, lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["leader_state_candidates", "party_candidates"]


def leader_state_candidates(doc: Doc, cands: list[Candidate], lex: Lexicons) -> list[Candidate]:
    """The state of a listed leader on the noun after the name ("the Lula administration",
    "Lula's government").

    Args:
        doc: The parsed Doc.
        cands: The gazetteer candidates so far (listed leaders among them).
        lex: The lexicons.
    """
    nouns = lex.wordset("leader_state_nouns")
    possessed = lex.wordset("leader_state_possessed_nouns")
    out: list[Candidate] = []
    for c in cands:
        if c.kind != "LEADER" or c.end >= len(doc) or len(c.ids) != 1:
            continue
        noun = doc[c.end]
        wanted = nouns
        if noun.text in ("'s", "’s") and c.end + 1 < len(doc):
            noun = doc[c.end + 1]  # "Lula's government"
            wanted = possessed
        if lemma(noun) not in wanted or noun.pos_ != "NOUN":
            continue
        info = lex.leader(c.ids[0])
        if info is None or not info.country or info.country not in lex.countries:
            continue
        out.append(
            Candidate(
                noun.i,
                noun.i + 1,
                noun.idx,
                noun.idx + len(noun.text),
                LEADER_STATE,
                info.country,
                3,
            )
        )
    return out


# gazetteer forms of a state that may stand between a party adjective and its title
_STATE_FORMS = frozenset({"COUNTRY_NAME", "COUNTRY_ADJ"})


def party_candidates(doc: Doc, lex: Lexicons, gaz: dict[int, list[Candidate]]) -> list[Candidate]:
    """A party adjective before a partisan noun names the party ("Democratic lawmakers").

    Args:
        doc: The parsed Doc.
        lex: The lexicons.
        gaz: Gazetteer candidates by token (a token already in a name is left alone).
    """
    parties: dict[str, str] = lex.words.get("party_adjectives", {})
    nouns = lex.wordset("partisan_nouns")
    out: list[Candidate] = []
    for i in text_in(doc, parties):
        tok = doc[i]
        party = parties.get(tok.text)
        if party is None or tok.i in gaz or tok.i + 1 >= len(doc):
            continue
        nxt = doc[tok.i + 1]
        if tok.i + 2 < len(doc) and any(c.kind in _STATE_FORMS for c in gaz.get(nxt.i, [])):
            nxt = doc[tok.i + 2]  # "Democratic U.S. Congressman X": the state between
        head, _ = head_noun(tok)
        if not (
            nxt.lower_ in nouns
            or lemma(nxt) in nouns
            or (head is not None and head.i <= tok.i + 3 and lemma(head) in nouns)
        ):
            continue
        out.append(Candidate(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), "ORG", party, 2))
    return out
