"""A finite verb the parser read as a modifier: "Chile's tariffs on Peru angered Bolivia".

A sentence whose subject is an event noun with its own prepositional phrase, followed by a
transitive verb in the past tense, is a common shape of analysis prose ("X's overtures to Y
alarmed Z"). The parser sometimes finds no verb in it: the event noun becomes the root, the
verb an adjective (``amod``) of its object, that object ("Bolivia") a second object of the
noun's preposition or a modifier of the noun, and the name before the verb ("Peru") a
modifier of the object. Read as parsed, the object of the verb would be the noun's patient or
its agent. :func:`stranded_verb` finds such a verb; :func:`mend_objects` puts the name before
it back in the noun's phrase and leaves out what follows it, which belongs to the verb.

The signs, all required: the sentence has no verb as its root; a word ending in "-ed" tagged
as an adjective or past form modifies a later word; and the word right before it is a name
(a name is never followed by its own adjective in English: "Peru angered Bolivia" is a
clause, "Peru-based firms" has a hyphen).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["mend_objects", "stranded_verb"]

_VERB_TAGS = frozenset({"JJ", "VBD", "VBN"})
_ROOT_POS = frozenset({"NOUN", "PROPN"})


def stranded_verb(ctx: SentenceContext, n: Token) -> Token | None:
    """The verb of a noun's sentence that the parser read as an adjective after the noun, or
    ``None``.

    Args:
        ctx: The sentence.
        n: The cue token: the event noun, or a verb inside its phrase ("X's decision to
            *sell* jets to Y angered Z"); its phrase ends before the stranded verb.
    """
    if not ctx.in_sentence(n):
        return None
    doc = ctx.doc
    root = n
    while root.head.i != root.i:
        root = root.head
    if root.pos_ not in _ROOT_POS or not ctx.in_sentence(root):
        return None
    for i in range(n.i + 2, ctx.end):
        t = doc[i]
        if t.pos_ in ("VERB", "AUX") and t.dep_ != "amod":
            return None  # a verb the parser did find: the sentence has its clause
        if (
            t.dep_ == "amod"
            and t.tag_ in _VERB_TAGS
            and t.lower_.endswith("ed")
            and t.head.i > t.i
            and (i - 1) in ctx.ent_at
            and doc[i - 1].pos_ == "PROPN"
        ):
            return t
    return None


def mend_objects(ctx: SentenceContext, n: Token, objs: list[Token]) -> list[Token]:
    """The noun's argument tokens as the sentence means them: an argument after the stranded
    verb is the verb's, not the noun's ("... on Peru angered *Bolivia*"); where the name right
    before the verb hangs on it, that name takes its place ("on *Peru* angered Bolivia").

    Args:
        ctx: The sentence.
        n: The cue token (an event noun, or a verb inside its phrase).
        objs: Tokens the parse gives as its arguments.
    """
    verb = stranded_verb(ctx, n) if objs else None
    if verb is None:
        return objs
    before = ctx.doc[verb.i - 1]
    out: list[Token] = []
    for o in objs:
        if o.i < verb.i:
            out.append(o)
            continue
        # the name's own head may be a word of the name ("New York"): climb to the entity root
        head = before
        while head.head.i < verb.i and head.head.i != head.i and head.head.i in ctx.ent_at:
            head = head.head
        if head.head.i == o.i and o.dep_ == "pobj" and all(x.i != head.i for x in out):
            out.append(head)
    return out
