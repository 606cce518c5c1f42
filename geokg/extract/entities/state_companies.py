"""Companies named with a state: "Freedonia Airways", "Freedonia Telecom", "Ruritanian Railways".

A state's name (or its adjective) followed by a capitalised company word of the
``state_company_heads`` word class is the name of a company, not the state: "Freedonia Airways
signed a deal with Acmeco" is an agreement of the airline, not of Freedonia. The state's organs
keep naming the state ("the Freedonia Coast Guard", "the Freedonia Defence Forces"): their heads
are not company words, and a company word followed by another capitalised word ("Freedonia Air
Force", "Freedonia Energy Minister", "Freedonia Energy Information Administration") is left
alone, since the longer name is not known to be a company. Headline-style sentences are skipped:
their capitals say nothing. A short sentence with a lowercase verb is running text, however many
of its few words are names ("Acmeco bought Freedonia Steel.").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from geokg.extract.entities.candidates import STATE_COMPANY, Candidate
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.syntax import title_case_sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["state_company_candidates"]

# Gazetteer kinds that name a state by its name or its adjective.
_STATE_KINDS = ("COUNTRY_NAME", "COUNTRY_ADJ")
# Words that may close a company name after its company word ("Freedonia Oil Company").
_CLOSERS = ("company", "corporation", "corp", "group", "holding", "holdings")


def _capitalised(tok: Token) -> bool:
    return tok.is_alpha and tok.text[:1].isupper()


def _headline(span: Span) -> bool:
    """Whether a span sits in a headline-style sentence with no lowercase verb."""
    if not title_case_sentence(span):
        return False
    return not any(t.pos_ in ("VERB", "AUX") and t.is_lower for t in span.sent)


def state_company_candidates(
    doc: Doc, lex: Lexicons, cands: Iterable[Candidate]
) -> list[Candidate]:
    """Company names made of a state's name and company words, as organization candidates.

    Args:
        doc: The parsed Doc.
        lex: The lexicons (``state_company_heads``, ``legal_suffixes``).
        cands: The gazetteer candidates proposed so far.

    Returns:
        One candidate per company name, spanning the state's name and the company words.
    """
    heads = lex.wordset("state_company_heads")
    closers = lex.wordset("legal_suffixes") | frozenset(_CLOSERS)
    out: list[Candidate] = []
    for c in cands:
        if c.kind not in _STATE_KINDS or c.end >= len(doc):
            continue
        end = c.end
        while end < len(doc) and _capitalised(doc[end]) and doc[end].lower_ in heads:
            end += 1
        if end == c.end:
            continue
        while end < len(doc) and _capitalised(doc[end]) and doc[end].lower_ in closers:
            end += 1
        if end < len(doc) and (_capitalised(doc[end]) or doc[end].text in ("-", "–")):
            continue  # "Freedonia Air Force", "Freedonia Energy Minister": a longer name
        if c.start > 0 and _capitalised(doc[c.start - 1]) and not doc[c.start - 1].is_sent_start:
            continue  # "Acme Freedonia Oil": a longer name the rule does not know
        span = doc[c.start : end]
        if _headline(span):
            continue
        out.append(
            Candidate(c.start, end, span.start_char, span.end_char, STATE_COMPANY, span.text, 5)
        )
    return out
