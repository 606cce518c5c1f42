"""Full names that the syntax shows to be people, whatever the model tagged them.

News introduces a speaker by an apposition ("Ana Ruiz, a senior firefighter from Calgary,")
or a "who" clause ("Ana Ruiz, who leads the party, said"). The small model sometimes tags such
a name ORG or GPE, or not at all, and the name is then lost or read as a place.
:func:`person_cue_names` proposes the name as a person when its apposition is a person noun
(a title, a role or occupation: ``person_appositives``, ``private_people_nouns``) or when a
"who" relative clause set off by a comma follows it; the people rules then decide Leader or
Person. A gazetteer name (a state, a listed organization) is left alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.candidates import NER_PERSON, Candidate
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.nonpersons import office_shaped
from geokg.extract.entities.syntax import lemma, looks_like_name, only_title_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["person_cue_names"]

_MAX_NAME = 4
# Model tags a person's name may wrongly carry here (a PERSON tag needs no help).
_RETAGGABLE = frozenset({"", "ORG", "GPE", "LOC", "FAC", "NORP"})
# Person nouns that also name collectives ("a family firm", "a crowd favourite").
_COLLECTIVES = frozenset(
    {"family", "people", "population", "populace", "crowd", "audience", "household",
     "diaspora", "emigration", "descent", "origin", "couple", "national", "partner"}
)  # fmt: skip


def person_cue_names(doc: Doc, lex: Lexicons, gaz: dict[int, list[Candidate]]) -> list[Candidate]:
    """Two- to four-word capitalised names with a person apposition or a "who" clause.

    Args:
        doc: The parsed Doc.
        lex: The lexicons (title words, person nouns).
        gaz: Gazetteer candidates by token.

    Returns:
        One person candidate per name, strong enough to beat the model's ORG or GPE span.
    """
    nouns = lex.wordset("person_appositives") | lex.wordset("private_people_nouns")
    out: list[Candidate] = []
    for root in doc:
        if not _name_word(root) or root.i + 1 >= len(doc) or doc[root.i + 1].text != ",":
            continue
        start = root.i
        while (
            start > 0
            and root.i - start < _MAX_NAME - 1
            and _name_word(doc[start - 1])
            and doc[start - 1].dep_ == "compound"
            and doc[start - 1].head.i == root.i
        ):
            start -= 1
        if start == root.i or any(i in gaz for i in range(start, root.i + 1)):
            continue
        span = doc[start : root.i + 1]
        if any(t.ent_type_ not in _RETAGGABLE for t in span) or not looks_like_name(span):
            continue
        if only_title_words(span, lex) or any(lex.is_title_word(t.lower_) for t in span):
            continue
        if office_shaped(span, lex):
            continue  # "Andes Watch, who ...": an organization's name
        if not (_person_apposition(root, lex, nouns) or _who_clause(root)):
            continue
        out.append(
            Candidate(start, root.i + 1, span.start_char, span.end_char, NER_PERSON, span.text, 5)
        )
    return out


def _name_word(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper()


def _person_apposition(root: Token, lex: Lexicons, nouns: frozenset[str]) -> bool:
    """Whether the name has a person noun in apposition after it ("a senior firefighter")."""
    for child in root.children:
        if child.dep_ != "appos" or child.i < root.i or child.pos_ != "NOUN":
            continue
        if lemma(child) in _COLLECTIVES:
            continue
        if lemma(child) in nouns or lex.title_role(child.lower_):
            return True
    return False


def _who_clause(root: Token) -> bool:
    """Whether a "who" relative clause hangs on the name ("Ana Ruiz, who leads ...")."""
    return any(
        child.dep_ == "relcl"
        and any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ == "who" for g in child.children)
        for child in root.children
    )
