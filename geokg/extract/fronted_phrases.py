"""The ``geokg_fronted_phrases`` component: a main clause that a fronted phrase broke.

News puts a phrase in front of its clause and closes it with a comma: a source ("According to
state media, ..."), a time ("On Tuesday, ..."), a manner ("In a surprise move, ...") or a
subordinate clause ("While the talks went on, ..."). The small model then often reads the
subject that follows the comma as part of that phrase: "According to state media, Chile and
Peru signed a pact" hangs "Chile" on "media" as a coordinated noun (``conj``), "On Monday,
Kenya, like Uganda, sent troops" makes "Kenya" an apposition of "Monday", and "While the talks
went on, Kenya, after meeting Uganda, said ..." an adverbial noun (``npadvmod``) of "went".
Or the fronted clause's verb becomes the sentence's root and takes the main clause's subject as
its object ("While the talks went on, Bolivia hurled accusations at Paraguay"). The main verb
is left without a subject, so no rule finds its agent, and a pronoun after it takes the
nearest name ("Uganda") instead.

The repair parses the clause after the comma again alone, as it would open a sentence, and if
the model now reads it as a finite verb with a subject, that reading (tags, lemmas, heads,
labels) replaces the old one and the fronted phrase hangs on that verb (where the fronted
phrase had swallowed the sentence's root, the clause's own reading replaces it whatever it
is). Where the re-reading fails, a subject the fronted phrase took is re-attached to the verb
(:func:`fronted_subject`), with the words between them: a comparison or company ("like
Uganda") on the subject, any other preposition ("after talks with Uganda") and the commas on
the verb.
Tokens and entities never change, so provenance stays the raw text. The signs, all required:

* the sentence opens with a preposition or a subordinator ("While", "After") whose phrase its
  first comma closes, whose words all hang inside it but one (its head, which hangs on a word
  after the comma or is the sentence's root), and the word after that comma does not go on
  with it ("According to an official, who spoke ...");
* the sentence has no finite main verb with a subject after the comma (a finite clause always
  has one: its absence is the misreading);
* for the re-attachment, the sentence's root is a finite verb after the comma and the first
  word after the comma that hangs on the fronted phrase is a noun, a name or a pronoun whose
  phrase starts right after the comma and ends before the verb, joined to the phrase as a
  coordinated noun, an apposition, an adverbial noun or an object.

A sentence whose main verb has a subject is left as the model read it, and a fronted phrase
that holds its own actor ("According to Chile, Peru attacked Bolivia") keeps it: the repairs
only ever give the verb the words after the comma.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from spacy.language import Language

from geokg.extract.reparse import parse_alone

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token
    from thinc.types import Ints2d

__all__ = [
    "FrontedPhrases",
    "fronted_subject",
    "make_fronted_phrases",
    "mend_sentence",
]

# a long sentence is parsed again only where it is short enough to be one clause
_MAX_TOKENS = 60

_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# how the model hangs the swallowed subject on the fronted phrase
_TAKEN = frozenset({"conj", "appos", "npadvmod", "dobj"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# words that continue the fronted phrase after its comma ("In Lima, where ...")
_RELATIVE = frozenset({"who", "whom", "whose", "which", "where", "when"})
# prepositions that modify the subject they follow ("Chile, like Peru, ...")
_COMITATIVE = frozenset({"like", "unlike", "alongside", "along", "together", "including"})


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


def _according(tok: Token) -> bool:
    """Whether the token is "according (to)", a two-word preposition tagged as a verb."""
    return tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children)


def _front(sent: Span) -> tuple[int, Token] | None:
    """The comma closing the sentence's fronted phrase and the phrase's head, or ``None``:
    the words before the first comma hang together, but for one (the head), which hangs on a
    word after the comma or is the sentence's root; the phrase opens the sentence with its
    preposition ("According to ...", "On Tuesday") or its subordinator ("While ...", "After
    ..."). A main clause before the first comma ("The rebels attacked the town, killing ...")
    is no fronted phrase."""
    start = sent.start
    comma = next((t.i for t in sent if t.text == ","), None)
    if comma is None or comma - start < 2 or comma + 2 >= sent.end:
        return None
    outside = [t for t in sent.doc[start:comma] if not _in_front(t.head, start, comma)]
    roots = [t for t in sent.doc[start:comma] if t.head.i == t.i]
    heads = outside + roots
    if len(heads) != 1:
        return None
    head = heads[0]
    after = sent.doc[comma + 1]
    if after.lower_ in _RELATIVE or (
        after.dep_ in ("relcl", "acl") and _in_front(after.head, start, comma)
    ):
        return None  # "According to an official, who spoke ...": the phrase goes on
    first = sent.doc[start]
    if first.i == head.i and head.dep_ == "prep" and head.head.i != head.i:
        return comma, head  # "According to state media, ...", "On Tuesday, ..."
    if first.i == head.i and head.head.i == head.i and (head.pos_ == "ADP" or _according(head)):
        return comma, head  # the preposition read as the sentence's root
    if first.dep_ == "mark" and first.head.i == head.i and head.pos_ in ("VERB", "AUX"):
        return comma, head  # "While the talks went on, ...": a subordinate clause
    return None


def _clause_verb(sent: Span, comma: int) -> Token | None:
    """The sentence's main verb after the fronted phrase, if it is a finite verb with a
    subject."""
    root = sent.root
    if root.i <= comma or root.pos_ not in ("VERB", "AUX"):
        return None
    return root if _finite(root) and _has_subject(root) else None


def fronted_subject(sent: Span) -> tuple[Token, Token, list[Token]] | None:
    """The subject a fronted phrase took from the sentence's verb, or ``None``.

    Args:
        sent: One sentence.

    Returns:
        ``(verb, subject, modifiers)``: the subjectless main verb, the head of the noun phrase
        after the comma that is its subject, and the other words between them that hang on the
        fronted phrase (they modify the subject).
    """
    front = _front(sent)
    if front is None:
        return None
    comma, head = front
    start = sent.start
    doc = sent.doc
    verb = head.head
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


def _reattach(sent: Span) -> bool:
    """Re-attach a subject a fronted phrase took to the sentence's verb; whether it did."""
    found = fronted_subject(sent)
    if found is None:
        return False
    verb, subj, mods = found
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    subj.head = verb
    subj.dep_ = "nsubjpass" if passive else "nsubj"
    for m in mods:
        # "Kenya, like Uganda, ...": a comparison or company modifies the subject; "Kenya,
        # after talks with Uganda, ...": any other preposition is the verb's adverbial, and
        # the commas setting it off are the clause's
        to_verb = m.dep_ == "punct" or (m.dep_ == "prep" and m.lower_ not in _COMITATIVE)
        m.head = verb if to_verb else subj
    return True


def _reread(nlp: Language, sent: Span, comma: int, head: Token) -> bool:
    """Parse the clause after the fronted phrase alone; keep that reading, with the fronted
    phrase hung on its root, if that root is a finite verb with a subject, or if the fronted
    phrase held the sentence's root (the clause alone is then read as the rules know it)."""
    doc = sent.doc
    rest = doc[comma + 1 : sent.end]
    text = rest.text
    new = nlp.make_doc(text[:1].upper() + text[1:])
    if len(new) != len(rest) or any(
        a.text != b.text for a, b in zip(new[1:], rest[1:], strict=True)
    ):
        return False
    new = parse_alone(nlp, [new])[0]
    roots = [t for t in new if t.head.i == t.i]
    if len(roots) != 1:
        return False
    root = roots[0]
    swallowed = head.head.i == head.i  # the fronted phrase held the sentence's root
    clause = root.pos_ in ("VERB", "AUX") and _finite(root) and _has_subject(root)
    if not clause and not swallowed:
        return False
    attrs = [TAG, POS, LEMMA, DEP, HEAD]
    arr = doc.to_array(attrs)
    sub = new.to_array(attrs)
    arr[comma + 1 : sent.end] = sub
    strings = doc.vocab.strings
    verb = comma + 1 + root.i
    if head.head.i == head.i or head.dep_ == "ROOT":
        label = "advcl" if head.pos_ in ("VERB", "AUX") else "prep"
        arr[head.i, attrs.index(DEP)] = strings.add(label)
    arr[head.i, attrs.index(HEAD)] = verb - head.i
    arr[comma, attrs.index(DEP)] = strings.add("punct")
    arr[comma, attrs.index(HEAD)] = verb - comma
    doc.from_array(attrs, cast("Ints2d", arr))
    return True


def mend_sentence(sent: Span, nlp: Language | None = None) -> bool:
    """Mend a main clause that the sentence's fronted phrase broke; whether it did.

    Args:
        sent: One sentence.
        nlp: The pipeline whose own tagger and parser may read the main clause again
            (without it, only a taken subject is re-attached).
    """
    front = _front(sent)
    if front is None:
        return False
    comma, head = front
    if _clause_verb(sent, comma) is not None:
        return False
    if nlp is not None and len(sent) <= _MAX_TOKENS and _reread(nlp, sent, comma, head):
        return True
    return _reattach(sent)


class FrontedPhrases:
    """Mend main clauses that a fronted phrase broke (see the module docstring).

    Args:
        nlp: The pipeline whose own tagger and parser re-read a broken main clause.
        name: The component's name.
    """

    def __init__(self, nlp: Language | None, name: str = "geokg_fronted_phrases") -> None:
        self.nlp = nlp
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        """Mend every sentence of the Doc in place."""
        if not doc.has_annotation("DEP"):
            return doc
        for sent in list(doc.sents):
            mend_sentence(sent, self.nlp)
        return doc


@Language.factory(
    "geokg_fronted_phrases",
    assigns=["token.tag", "token.pos", "token.lemma", "token.dep", "token.head"],
    requires=["token.dep", "token.head"],
)
def make_fronted_phrases(nlp: Language, name: str) -> FrontedPhrases:
    """spaCy factory of :class:`FrontedPhrases` (entry point ``geokg_fronted_phrases``)."""
    return FrontedPhrases(nlp, name)
