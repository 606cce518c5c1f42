"""The ``geokg_headline_verbs`` component: a headline's verb that the model read as a noun.

Headline grammar drops articles and the final stop and uses the present tense, and the small
model then reads a present verb after a name as a noun: "Niger severs ties with France" is
parsed as a noun phrase with "severs" a plural noun, "Rebels launch drones at the port" as a
compound "launch drones". No cue fires on such a line. When a sentence has no verb at all and
a word right after a name is the present form of a cue verb ("severs" for "sever", or the bare
form after a plural or listed subject: "Chile, Peru ink accord"), the sentence alone is parsed
again with that word in the past tense ("Niger severed ties with France"), and if the model
now reads it as the sentence's main verb, that reading (tags, lemmas, heads, labels) replaces
the old one. Tokens, offsets and entities never change, so provenance stays the raw text.
Sentences with any verb are left exactly as the model read them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from geokg.extract.relations.lemmas import cue_verbs, inflections
from geokg.extract.relations.lexicon import DEFAULT_PATTERNS_DIR, RelationLexicon
from geokg.extract.reparse import parse_alone

if TYPE_CHECKING:
    from collections.abc import Iterable

    from thinc.types import Ints2d

__all__ = ["HeadlineVerbs", "make_headline_verbs"]

# a headline is short; a long verbless sentence is a list or a caption, not a headline
_MAX_TOKENS = 25
# the pipes whose reading is replaced (the entity recogniser's spans are kept)
# the tags the model gives a headline verb it misreads ("back" after a list is an adverb)
_MISREAD_TAGS = frozenset({"NN", "NNS", "JJ", "RB", "VB", "VBP"})


def _past(verb: str) -> str:
    """The regular past form of ``verb`` (the parser needs a verb form, not a real spelling)."""
    return next(f for f, tag in inflections(verb).items() if tag == "VBD")


class HeadlineVerbs:
    """Re-read verbless headlines whose present verb after a name the model took for a noun.

    Args:
        nlp: The pipeline whose own tagger and parser re-read the sentence.
        name: The component's name.
        verbs: Verb lemmas that may head a headline (default: the relation cues' verbs).
    """

    def __init__(
        self, nlp: Language, name: str = "geokg_headline_verbs", verbs: Iterable[str] = ()
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.verbs = frozenset(verbs)
        self.present: dict[str, str] = {}
        for verb in self.verbs:
            for form, tag in inflections(verb).items():
                if tag == "VBZ":
                    self.present.setdefault(form, verb)

    def _candidate(self, tok: Token) -> str | None:
        """The verb lemma ``tok`` is the headline present of, right after its subject."""
        if tok.i == tok.sent.start or not tok.is_lower or tok.tag_ not in _MISREAD_TAGS:
            return None
        prev = tok.doc[tok.i - 1]
        if prev.pos_ != "PROPN" and not prev.ent_type_:
            return None
        if tok.i + 1 >= tok.sent.end or tok.doc[tok.i + 1].is_punct:
            return None  # a verb with nothing after it is a noun phrase's head: "US sanctions"
        low = tok.lower_
        if low in self.present:
            return self.present[low]
        if low in self.verbs and _plural_subject(prev):
            return low
        return None

    def __call__(self, doc: Doc) -> Doc:
        for sent in list(doc.sents):
            if len(sent) > _MAX_TOKENS or any(t.pos_ in ("VERB", "AUX") for t in sent):
                continue
            for tok in sent:
                verb = self._candidate(tok)
                if verb is not None and self._reread(doc, sent, tok, verb):
                    break
        return doc

    def _reread(self, doc: Doc, sent: Span, tok: Token, verb: str) -> bool:
        """Parse ``sent`` alone with ``tok`` in the past tense; keep the reading if ``tok`` is
        then its root verb."""
        lo = tok.idx - sent.start_char
        text = sent.text
        new = self.nlp.make_doc(text[:lo] + _past(verb) + text[lo + len(tok.text) :])
        if len(new) != len(sent):
            return False
        new = parse_alone(self.nlp, [new])[0]
        j = tok.i - sent.start
        if new[j].pos_ != "VERB" or new[j].head.i != j:
            return False
        attrs = [TAG, POS, LEMMA, DEP, HEAD]
        arr = doc.to_array(attrs)
        sub = new.to_array(attrs)
        arr[sent.start : sent.end] = sub
        # the word keeps its own present tense: "severs" is VBZ, a bare "ink" VBP
        strings = doc.vocab.strings
        arr[tok.i, attrs.index(LEMMA)] = strings.add(verb)
        arr[tok.i, attrs.index(TAG)] = strings.add("VBP" if tok.lower_ == verb else "VBZ")
        doc.from_array(attrs, cast("Ints2d", arr))
        return True


def _plural_subject(tok: Token) -> bool:
    """Whether a name ends a plural subject: a plural name ("Houthis") or the last of a list."""
    if tok.tag_ == "NNPS" or (tok.lower_.endswith("s") and tok.ent_type_ in ("NORP", "ORG")):
        return True
    return any(t.lower_ in (",", "and", "&") for t in tok.doc[tok.sent.start : tok.i])


@Language.factory(
    "geokg_headline_verbs",
    assigns=["token.tag", "token.pos", "token.lemma", "token.dep", "token.head"],
    requires=["token.pos"],
    default_config={"patterns_path": None},
)
def make_headline_verbs(nlp: Language, name: str, patterns_path: str | None) -> HeadlineVerbs:
    """spaCy factory of :class:`HeadlineVerbs` (entry point ``geokg_headline_verbs``)."""
    lexicon = RelationLexicon.from_dir(patterns_path or DEFAULT_PATTERNS_DIR)
    return HeadlineVerbs(nlp, name, verbs=cue_verbs(lexicon))
