"""The "it" of what a warner says it will do: :func:`warner_pronoun`.

"Chile warned Peru that it would impose sanctions on Bolivia", "Chile told Peru it will
close the border": a warning, an assurance or a promise announces the speaker's own act, so
the subject pronoun of a clause in the future ("would", "will") under such a verb is the
speaker, not the addressee named nearer to it. What the addressee will undergo ("warned Peru
that it would face sanctions", "told Peru it would be isolated") is the addressee's: those
clauses are left to the ordinary nearest-mention reading, as are clauses of obligation
("told Peru that it must stop").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["warner_pronoun"]

_ANNOUNCING = frozenset({"warn", "caution", "tell", "assure", "promise", "notify", "inform"})
_FUTURE = frozenset({"would", "will", "'ll", "'d", "wo"})
# what befalls the addressee rather than what the speaker does
_UNDERGONE = frozenset({"face", "be", "have", "lose", "suffer", "pay", "regret", "risk", "get"})
_UNDERGONE |= {"become", "receive", "bear", "need", "find", "remain", "stay", "feel", "see"}


def warner_pronoun(
    ctx: SentenceContext, tok: Token, labels: frozenset[str]
) -> list[EntityAnnotation] | None:
    """The speaker a subject pronoun of an announced future act refers to.

    Args:
        ctx: The sentence.
        tok: The pronoun ("it", "they", "he", "she").
        labels: The entity labels the pronoun may take.

    Returns:
        The speaker's mentions, or ``None`` where the construction does not apply.
    """
    if tok.dep_ != "nsubj":
        return None
    v = tok.head
    if v.dep_ != "ccomp" or ctx.lemma(v) in _UNDERGONE:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in v.children):
        return None
    speech = v.head
    if ctx.lemma(speech) not in _ANNOUNCING or v.i < speech.i:
        return None
    if not any(c.dep_ in ("dobj", "dative") for c in speech.children):
        return None  # no addressee between: the nearest mention already reads right
    found = [
        e
        for c in speech.children
        if c.dep_ == "nsubj" and c.i < v.i
        for e in ctx.args(c)
        if e.label.value in labels
    ]
    return found or None
