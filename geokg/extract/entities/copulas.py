"""The noun a copula predicates of a name: "X is the country's ambassador" -> "ambassador".

News gives a person's post in a copular clause as often as in apposition ("X was the top
official of the group", "X is Peru's envoy to the talks", "X became the party's spokesman").
:func:`predicate_noun` finds the predicate noun; the title rules decide whether it is a public
post (:func:`~geokg.extract.entities.titles.title_evidence`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.syntax import lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["COPULAS", "predicate_noun"]

COPULAS = frozenset({"be", "become", "remain"})


def predicate_noun(name_root: Token) -> Token | None:
    """The predicate noun of a copular clause whose subject is the name, if any.

    Args:
        name_root: The root token of the person's name.

    Returns:
        The ``attr`` or ``oprd`` noun of the copula the name is the subject of ("X is the
        envoy"), or None (no copula, a negated one, or no noun).
    """
    verb = name_root.head
    if name_root.dep_ != "nsubj" or verb.i == name_root.i or lemma(verb) not in COPULAS:
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "X is not the envoy"
    for child in verb.children:
        if child.dep_ in ("attr", "oprd") and child.pos_ == "NOUN":
            return child
    return None
