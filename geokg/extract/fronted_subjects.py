"""The ``geokg_fronted_subjects`` component: a main clause's subject that a fronted phrase took.

News puts a phrase in front of its clause and closes it with a comma: a source ("According to
state media, ..."), a time ("On Tuesday, ..."), a manner ("In a surprise move, ...") or a
subordinate clause ("While the talks went on, ..."). The small model then often reads the
subject that follows the comma as part of that phrase: "According to state media, Chile and
Peru signed a pact" hangs "Chile" on "media" as a coordinated noun (``conj``), "On Monday,
Kenya, like Uganda, sent troops" makes "Kenya" an apposition of "Monday", and "While the talks
went on, Kenya, after meeting Uganda, said ..." an adverbial noun (``npadvmod``) of "went".
The main verb is left without a subject, so no rule finds its agent, and a pronoun after it
takes the nearest name ("Uganda") instead.

The repair re-attaches that noun phrase as the main verb's subject and moves the words that
modify it ("like Uganda", "after meeting Uganda", the commas around them) from the fronted
phrase to it. Tokens, tags and entities never change. The signs, all required:

* the sentence opens with a phrase closed by its first comma, whose words all hang inside it
  but one, which hangs on the sentence's root;
* that root is a finite verb after the comma with no subject of its own (a finite clause
  always has one: its absence is the misreading);
* the first word after the comma that hangs on the fronted phrase is a noun, a name or a
  pronoun whose phrase starts right after the comma and ends before the verb, joined to the
  phrase as a coordinated noun, an apposition, an adverbial noun or an object.

A fronted phrase that holds its own actor ("According to Chile, Peru attacked Bolivia") keeps
it: the repair only ever gives the verb the words after the comma.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["FrontedSubjects", "fronted_subject", "make_fronted_subjects", "mend_sentence"]

_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# how the model hangs the swallowed subject on the fronted phrase
_TAKEN = frozenset({"conj", "appos", "npadvmod", "dobj"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _has_subject(v: Token) -> bool:
    """Whether the verb has a subject, on itself or on an auxiliary ("that it *had* armed")."""
    for c in v.children:
        if c.dep_ in _SUBJ:
            return True
        if c.dep_ in ("aux", "auxpass") and any(g.dep_ in _SUBJ for g in c.children):
            return True
    return False


def _finite(v: Token) -> bool:
    """Whether the verb heads a finite clause: its own tense, a tensed auxiliary, or a past
    participle with no auxiliary at all (the model's reading of a past tense as the root:
    "condemned" tagged ``VBN``; a participle alone never heads a sentence)."""
    if v.tag_ in _FINITE:
        return True
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    if v.tag_ == "VBN" and not auxes:
        return True
    return any(c.tag_ in _FINITE for c in auxes)


def _in_front(tok: Token, start: int, comma: int) -> bool:
    return start <= tok.i < comma


def fronted_subject(sent: Span) -> tuple[Token, Token, list[Token]] | None:
    """The subject a fronted phrase took from the sentence's verb, or ``None``.

    Args:
        sent: One sentence.

    Returns:
        ``(verb, subject, modifiers)``: the subjectless main verb, the head of the noun phrase
        after the comma that is its subject, and the other words between them that hang on the
        fronted phrase (they modify the subject).
    """
    start = sent.start
    comma = next((t.i for t in sent if t.text == ","), None)
    if comma is None or comma - start < 2:
        return None
    doc = sent.doc
    outside = [t for t in doc[start:comma] if not _in_front(t.head, start, comma)]
    if len(outside) != 1:
        return None
    verb = outside[0].head
    if (
        verb.dep_ != "ROOT"
        or verb.i <= comma
        or verb.pos_ not in ("VERB", "AUX")
        or not _finite(verb)
        or _has_subject(verb)
    ):
        return None
    taken = [t for t in doc[comma + 1 : verb.i] if _in_front(t.head, start, comma)]
    if not taken:
        return None
    subj = taken[0]
    if (
        subj.dep_ not in _TAKEN
        or subj.pos_ not in _NOMINAL
        or subj.left_edge.i != comma + 1
        or subj.right_edge.i >= verb.i
    ):
        return None
    return verb, subj, taken[1:]


def mend_sentence(sent: Span) -> bool:
    """Re-attach a subject a fronted phrase took to the sentence's verb; whether it did."""
    found = fronted_subject(sent)
    if found is None:
        return False
    verb, subj, mods = found
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    subj.head = verb
    subj.dep_ = "nsubjpass" if passive else "nsubj"
    for m in mods:
        m.head = subj
    return True


class FrontedSubjects:
    """Give a main verb back the subject a fronted phrase took (see the module docstring).

    Args:
        name: The component's name.
    """

    def __init__(self, name: str = "geokg_fronted_subjects") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        """Mend every sentence of the Doc in place."""
        if not doc.has_annotation("DEP"):
            return doc
        for sent in list(doc.sents):
            mend_sentence(sent)
        return doc


@Language.factory(
    "geokg_fronted_subjects",
    assigns=["token.dep", "token.head"],
    requires=["token.dep", "token.head"],
)
def make_fronted_subjects(nlp: Language, name: str) -> FrontedSubjects:
    """spaCy factory of :class:`FrontedSubjects` (entry point ``geokg_fronted_subjects``)."""
    return FrontedSubjects(name)
