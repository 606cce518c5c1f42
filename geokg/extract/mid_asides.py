"""The ``geokg_mid_asides`` component: a clause that an aside after its subject broke.

News sets an aside off with commas right after the name that opens a sentence: an apposition
("Chile, a country of some 19 million people, criticized Peru") or a relative clause ("Chile,
which has long claimed the coast, criticized Peru"). The small model then often loses the verb
after the aside: it reads it as an adjective or a modifier of the next noun ("annexed" an
``amod``, "criticized" an ``acl`` of the name) and makes the name the sentence's root, so no
rule finds the verb's agent. Without the aside, the model reads the same clause right.

So where the signs hold, the name and the words after the aside are parsed again alone (one
batch per document), and if that reading has a finite verb with a subject after the aside,
it replaces the old one (tags, lemmas, heads, labels) on those words; the aside keeps its own
reading and hangs on the name (``relcl`` or ``appos``), its commas too. Tokens, offsets and
entities never change. The signs, all required:

* the sentence opens with a name (the words before its first comma all belong to names the
  recogniser found, but for "the" and "and": "The United States", "Chile and Peru");
* the aside runs to the next comma and is a relative clause ("which", "who") or a noun phrase
  holding no tensed verb, and it names no party itself (an apposition that states a relation,
  "Chile, an ally of Peru, ...", keeps the model's reading);
* the word after the aside is a lowercase word, and no word after it is a finite verb with a
  subject (a finite clause always has one: its absence is the misreading);
* the name and the words after the aside name two parties, or one and a pronoun that may stand
  for another (parsing is the pipeline's dearest step).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from spacy.language import Language

from geokg.extract.fronted_phrases import _finite, _has_subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span
    from thinc.types import Ints2d

__all__ = ["MidAsides", "aside_bounds", "make_mid_asides"]

# the pipes whose reading is replaced (the entity recogniser's spans are kept)
_REREAD = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "geokg_lemmas")
_MAX_TOKENS = 60
_MAX_NAME = 8
_MAX_ASIDE = 25
_ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
_STAND_INS = frozenset({"he", "she", "it", "they", "his", "her", "its", "their", "him", "them"})
_RELATIVES = frozenset({"which", "who", "whose", "whom"})
_TENSED = frozenset({"VBD", "VBZ", "VBP", "MD"})
_BREAKS = frozenset({";", "—", "–", "(", ")", ":", '"', "“", "”", "'", "‘", "’"})
_VERBAL = frozenset({"VERB", "AUX"})


def aside_bounds(sent: Span) -> tuple[int, int, bool] | None:
    """The commas around an aside after the sentence's opening name, or ``None``.

    Args:
        sent: A parsed sentence.

    Returns:
        ``(first, second, relative)``: the token indices of the commas that open and close the
        aside, and whether it is a relative clause (else an apposition).
    """
    doc = sent.doc
    start = sent.start
    if len(sent) > _MAX_TOKENS or any(t.text in _BREAKS for t in sent):
        return None
    commas = [t.i for t in sent if t.text == ","]
    if len(commas) < 2:
        return None
    first, second = commas[0], commas[1]
    name = doc[start:first]
    if not 1 <= len(name) <= _MAX_NAME:
        return None
    if not all(t.ent_type_ in _ACTOR_LABELS or t.lower_ in ("the", "and") for t in name):
        return None
    if not any(t.ent_type_ for t in name) or doc[first - 1].ent_type_ == "":
        return None
    aside = doc[first + 1 : second]
    if not 2 <= len(aside) <= _MAX_ASIDE or any(t.ent_type_ in _ACTOR_LABELS for t in aside):
        return None
    relative = aside[0].lower_ in _RELATIVES
    if not relative and (aside[0].pos_ in _VERBAL or any(t.tag_ in _TENSED for t in aside)):
        return None  # "Chile, said the minister, ...": no noun phrase
    if second + 2 >= sent.end:
        return None
    nxt = doc[second + 1]
    if not (nxt.is_alpha and nxt.is_lower):
        return None
    rest = doc[second + 1 : sent.end]
    if any(t.pos_ in _VERBAL and _finite(t) and _has_subject(t) for t in rest):
        return None
    return first, second, relative


def _may_relate(name: Span, rest: Span) -> bool:
    """Whether the name and the words after the aside name two parties, or one and a pronoun."""
    names = sum(1 for span in (name, rest) for e in span.ents if e.label_ in _ACTOR_LABELS)
    if names >= 2:
        return True
    return names == 1 and any(t.lower_ in _STAND_INS for t in rest)


# a sentence to read again: its start, the commas around its aside, and whether it is relative
_Aside = tuple[int, int, int, bool]


class MidAsides:
    """Re-read the clause of a sentence that an aside after its opening name broke.

    Args:
        nlp: The pipeline whose own tagger and parser re-read the clause.
        name: The component's name.
    """

    def __init__(self, nlp: Language, name: str = "geokg_mid_asides") -> None:
        self.nlp = nlp
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        """Mend every sentence of the Doc in place (all re-reads in one batch)."""
        if not doc.has_annotation("DEP"):
            return doc
        todo: list[tuple[_Aside, Doc]] = []
        for sent in doc.sents:
            found = aside_bounds(sent)
            if found is None:
                continue
            first, second, relative = found
            name, rest = doc[sent.start : first], doc[second + 1 : sent.end]
            if not _may_relate(name, rest):
                continue
            made = self._prepare(name, rest)
            if made is not None:
                todo.append(((sent.start, first, second, relative), made))
        if not todo:
            return doc
        docs = [made for _, made in todo]
        for pname, proc in self.nlp.pipeline:
            if pname in _REREAD:
                docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        for (aside, _), new in zip(todo, docs, strict=True):
            _splice(doc, aside, new)
        return doc

    def _prepare(self, name: Span, rest: Span) -> Doc | None:
        """The name and the words after the aside as one sentence, tokenised as in the Doc."""
        made = self.nlp.make_doc(f"{name.text} {rest.text}")
        words = [t.text for t in name] + [t.text for t in rest]
        if [t.text for t in made] != words:
            return None
        return made


def _splice(doc: Doc, aside: _Aside, new: Doc) -> bool:
    """Splice the reading ``new`` of the name and the words after the aside in, where it has
    one root, a finite verb with a subject after the aside; hang the aside on the name."""
    start, first, second, relative = aside
    n_name = first - start
    roots = [t for t in new if t.head.i == t.i]
    if len(roots) != 1:
        return False
    root = roots[0]
    if root.i < n_name or root.pos_ not in _VERBAL or not _finite(root) or not _has_subject(root):
        return False
    name_tops = [t for t in new[:n_name] if t.head.i >= n_name]
    if len(name_tops) != 1:
        return False

    def place(j: int) -> int:
        return start + j if j < n_name else second + 1 + (j - n_name)

    attrs = [TAG, POS, LEMMA, DEP, HEAD]
    arr = doc.to_array(attrs)
    heads = arr.view("int64")
    sub = new.to_array(attrs)
    h = attrs.index(HEAD)
    strings = doc.vocab.strings
    for t in new:
        i = place(t.i)
        arr[i] = sub[t.i]
        heads[i, h] = place(t.head.i) - i
    tops = [t.i for t in doc[first + 1 : second] if not first < t.head.i < second]
    if len(tops) != 1:
        return False  # an aside the model read as one phrase hangs on the name by its head
    head = place(name_tops[0].i)
    label = strings.add("relcl" if relative else "appos")
    punct = strings.add("punct")
    for i in (first, second, tops[0]):
        heads[i, h] = head - i  # the aside's top word and its commas hang on the name
        arr[i, attrs.index(DEP)] = label if i == tops[0] else punct
    doc.from_array(attrs, cast("Ints2d", arr))
    return True


@Language.factory(
    "geokg_mid_asides",
    assigns=["token.tag", "token.pos", "token.lemma", "token.dep", "token.head"],
    requires=["token.pos", "token.dep"],
)
def make_mid_asides(nlp: Language, name: str) -> MidAsides:
    """spaCy factory of :class:`MidAsides` (entry point ``geokg_mid_asides``)."""
    return MidAsides(nlp, name)
