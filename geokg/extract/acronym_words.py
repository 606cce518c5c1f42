"""The ``geokg_acronym_words`` component: an acronym that the model read as the English word.

Wire copy abbreviates the Islamic State as "IS" ("two senior IS commanders", "IS fighters
attacked the base"), and the small model reads the capitalised word as the verb "is": the
sentence's parse then hangs on a verb that is not there, and no relation rule can read it. Where
a sentence in running text (not a line set all in capitals) holds such an acronym
(``lexicon.json`` ``word_acronyms`` of the entity resources) and the model tagged it a verb,
auxiliary or pronoun, the sentence alone is parsed again with a name-like acronym in its place
("NATO": one token, always a proper noun) and that reading (tags, lemmas, heads, labels)
replaces the old one, with the acronym's own text as its lemma. Tokens, offsets and entities
never change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc as _Doc

from geokg.extract.entities.lexicon import default_lexicons
from geokg.extract.entities.syntax import in_capitals
from geokg.extract.reparse import parse_alone

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token
    from thinc.types import Ints2d

__all__ = ["AcronymWords", "make_acronym_words"]

# a proper-noun acronym of the same token count that the model never reads as a verb
_STAND_IN = "NATO"
# the readings of the word that break the parse ("is", "who")
_WORD_POS = frozenset({"AUX", "VERB", "PRON"})
_ATTRS = [TAG, POS, LEMMA, DEP, HEAD]


class AcronymWords:
    """Parse again each sentence where an acronym that is also a word was read as the word.

    Args:
        nlp: The pipeline whose own tagger and parser re-read the sentence.
        name: The component's name.
        words: The acronyms that are also English words (case-sensitive, e.g. "IS").
    """

    def __init__(self, nlp: Language, name: str, words: frozenset[str]) -> None:
        self.nlp = nlp
        self.name = name
        self.words = words

    def __call__(self, doc: Doc) -> Doc:
        misread = [
            t for t in doc if t.text in self.words and t.pos_ in _WORD_POS and not in_capitals(t)
        ]
        if not misread:
            return doc
        by_sent: dict[int, tuple[Span, list[Token]]] = {}
        for t in misread:
            by_sent.setdefault(t.sent.start, (t.sent, []))[1].append(t)
        todo = list(by_sent.values())
        stand_ins = [
            _Doc(
                self.nlp.vocab,
                words=[_STAND_IN if t in toks else t.text for t in sent],
                spaces=[bool(t.whitespace_) for t in sent],
            )
            for sent, toks in todo
        ]
        arr = doc.to_array(_ATTRS)
        strings = doc.vocab.strings
        for (sent, toks), new in zip(todo, parse_alone(self.nlp, stand_ins), strict=True):
            arr[sent.start : sent.end] = new.to_array(_ATTRS)
            for t in toks:
                arr[t.i, _ATTRS.index(LEMMA)] = strings.add(t.text)
        doc.from_array(_ATTRS, cast("Ints2d", arr))
        return doc


@Language.factory(
    "geokg_acronym_words",
    assigns=["token.tag", "token.pos", "token.lemma", "token.dep", "token.head"],
    requires=["token.pos"],
)
def make_acronym_words(nlp: Language, name: str) -> AcronymWords:
    """Build the component with the entity resources' ``word_acronyms``."""
    lex = default_lexicons()
    return AcronymWords(nlp, name, frozenset(w.upper() for w in lex.wordset("word_acronyms")))
