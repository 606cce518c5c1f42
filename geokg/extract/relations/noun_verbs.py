"""Present-tense verbs the tagger read as plural nouns or compounds.

A headline or a short clause with a verb in ``-s`` often reaches the parser as one long noun
phrase: "Kenya sanctions Ugandan officials" becomes a compound chain headed by "officials",
"Peru halts aid to Chile" a chain headed by "aid", so the clause has no verb and no verb cue
fires. A token is read as the verb its form names when:

* its form ends in ``-s`` and its lemma, or the form less ``-s``/``-es``, is a verb cue lemma;
* it is tagged as a noun, or as a verb the parser gave no subject of its own;
* a named entity, or a noun an entity modifies, ends right before it and hangs on it (its
  subject: "Kenya", "Chile's Boric", "Kenyan police"), with no article before the phrase;
* a noun phrase follows it (its object: the head the parser made of the chain, or a noun the
  parser hung on the token);
* the sentence has no other finite verb ("Chile's exports to Peru rose" keeps its noun).

The verb cue machinery (``verbs._verb``) then reads the clause with that subject and object;
prepositional targets hung on the object ("to Chile") are read too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["noun_read_clause", "noun_read_lemma"]

_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_NOUN_TAGS = frozenset({"NNS", "NNPS", "NN", "NNP", "VBZ"})
# the deps a verb read as a noun takes: a chain modifier or the chain's own head
_CHAIN_DEPS = frozenset({"compound", "nmod", "ROOT", "nsubj", "dep", "amod"})
# the deps of the subject hung on the token
_SUBJECT_DEPS = frozenset({"compound", "nmod", "poss", "nsubj", "amod"})
# the deps of an object the parser hung on the token
_OBJECT_DEPS = frozenset({"dobj", "npadvmod", "appos", "compound", "nmod", "attr", "dep"})
_OWN_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_OBJECT_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "DET", "PRON"})
# what before the subject marks the whole line as one noun phrase ("the Kenya talks")
_DETERMINERS = frozenset({"the", "a", "an", "this", "these", "those", "that", "its", "their"})


def noun_read_lemma(ctx: SentenceContext, tok: Token) -> str | None:
    """The verb cue lemma a ``-s`` form names (its lemma, or the form less ``-s``/``-es``)."""
    low = tok.lower_
    if not low.endswith("s") or len(low) < 4:
        return None
    for form in (ctx.lemma(tok), low[:-1], low[:-2] if low.endswith("es") else ""):
        if form and ctx.lex.lookup("verb", form):
            return form
    return None


def _subject(ctx: SentenceContext, tok: Token) -> Token | None:
    """The subject right before ``tok`` that hangs on it: a named entity ("Kenya") or a
    noun an entity modifies ("Kenyan police"), with no article before the phrase."""
    if tok.i == ctx.start:
        return None
    prev = ctx.doc[tok.i - 1]
    ent = ctx.ent_at.get(prev.i)
    if ent is not None:
        span = ctx.doc[ent.start : ent.end]
        first = ent.start
    elif prev.pos_ in ("NOUN", "PROPN") and any(
        c.i in ctx.ent_at and c.dep_ in _SUBJECT_DEPS and c.i < prev.i for c in prev.children
    ):
        span = ctx.doc[prev.i : prev.i + 1]  # "Kenyan police", "Chile's navy"
        first = prev.left_edge.i
    else:
        return None
    # on the token, or on the chain's head the token modifies ("Chile halts aid")
    hosts = {tok.i, tok.head.i} if tok.head.i > tok.i else {tok.i}
    if not any(t.head.i in hosts and t.dep_ in _SUBJECT_DEPS for t in span):
        return None
    before = ctx.doc[first - 1] if first > ctx.start else None
    if before is not None and before.lower_ in _DETERMINERS:
        return None  # "the Kenya talks": one noun phrase
    if before is not None and before.tag_ == "POS":
        # "Nigeria's Tinubu visits Ghana": the possessor belongs to the subject
        owner = ctx.doc[before.i - 1] if before.i > ctx.start else None
        if owner is None or owner.i not in ctx.ent_at:
            return None
    return prev


def _object(ctx: SentenceContext, tok: Token) -> Token | None:
    """The noun phrase after ``tok``: the chain's head, or a noun the parser hung on it."""
    if tok.i + 1 >= ctx.end:
        return None
    nxt = ctx.doc[tok.i + 1]
    if nxt.pos_ not in _OBJECT_POS or nxt.tag_ == "POS":
        return None
    head = tok.head
    chained = tok.dep_ in ("compound", "nmod", "amod")
    if head.i > tok.i and chained and head.pos_ in ("NOUN", "PROPN"):
        return head
    for c in tok.children:
        if c.i > tok.i and c.dep_ in _OBJECT_DEPS and c.pos_ in ("NOUN", "PROPN"):
            return c
    return None


def noun_read_clause(ctx: SentenceContext, tok: Token) -> tuple[Token, Token] | None:
    """``(subject, object)`` of a present-tense verb the tagger read as a noun, else None.

    "Kenya sanctions Ugandan officials" (a compound chain): ``(Kenya, officials)``; not
    "Kenya's visits to Ghana" (a possessive), "the Kenya talks" (an article), nor a sentence
    with another finite verb ("Chile's exports to Peru rose").
    """
    if tok.tag_ not in _NOUN_TAGS or tok.dep_ not in _CHAIN_DEPS:
        return None
    if tok.pos_ not in ("NOUN", "PROPN", "VERB"):
        return None
    chained = tok.dep_ in ("compound", "nmod", "amod")
    if tok.pos_ == "VERB" and not chained and any(c.dep_ in _OWN_SUBJECTS for c in tok.children):
        return None  # a verb the parser read as one, with its own subject
    if noun_read_lemma(ctx, tok) is None:
        return None
    for t in ctx.tokens():
        if t.i != tok.i and t.tag_ in _FINITE and t.pos_ in ("VERB", "AUX"):
            return None
    subj = _subject(ctx, tok)
    if subj is None:
        return None
    obj = _object(ctx, tok)
    if obj is None or (obj.i in ctx.ent_at and ctx.ent_at[obj.i] is ctx.ent_at[subj.i]):
        return None
    return subj, obj
