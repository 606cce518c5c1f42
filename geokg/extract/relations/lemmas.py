"""The ``geokg_lemmas`` component: cue verbs get their own lemma back.

The model's rule lemmatizer strips an inflection and keeps the first stem it finds in its
verb index, so "waged" becomes "wag", "staged" "stag", "fined" "fin", and forms of unlisted
verbs keep a stray letter ("re-established" -> "re-establishe"). A cue keyed on the lemma
then never fires. At load, this component runs the model's own lemmatizer over the regular
inflections (-s/-es/-ies, -ed/-d/-ied, -ing, with and without a doubled final consonant) of
every verb lemma the relation cues, light verbs, hedges, negators and reporting verbs use
("hoped" -> "hop" misses the hedge "hope"), and keeps a repair for each form it
gets wrong, except where the wrong lemma is itself a verb with that same inflection ("routed"
is both "rout" and "route": left as the model reads it). The component then sets the lemma
of VERB tokens with such a form. Nothing is listed by hand: the repairs follow the cues.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import LOWER, POS
from spacy.language import Language
from spacy.parts_of_speech import VERB
from spacy.tokens import Doc

from geokg.extract.relations.lexicon import DEFAULT_PATTERNS_DIR, RelationLexicon

if TYPE_CHECKING:
    from spacy.pipeline import Lemmatizer

__all__ = ["LemmaRepair", "cue_verbs", "inflections", "lemma_repairs", "make_lemma_repair"]

_SIBILANT = re.compile(r"(s|sh|ch|x|z)$")
_CVC = re.compile(r"[^aeiou][aeiou][bdgklmnprt]$")
_VOWELS = re.compile(r"[aeiouy]+")


def inflections(verb: str) -> dict[str, str]:
    """Regular inflected forms of a verb lemma, each with its Penn tag.

    A final consonant after a single vowel is also tried doubled ("ban" -> "banned"), as the
    spelling of stressed final syllables asks; a form that does not exist costs nothing.

    Example:
        >>> sorted(inflections("wage").items())
        [('waged', 'VBD'), ('wages', 'VBZ'), ('waging', 'VBG')]
    """
    out: dict[str, str] = {}
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        out[verb + "d"] = "VBD"
        out[verb[:-1] + "ing"] = "VBG"
        out[verb + "s"] = "VBZ"
        return out
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        out[verb[:-1] + "ied"] = "VBD"
        out[verb[:-1] + "ies"] = "VBZ"
        out[verb + "ing"] = "VBG"
        return out
    out[verb + "ed"] = "VBD"
    out[verb + "ing"] = "VBG"
    out[verb + ("es" if _SIBILANT.search(verb) else "s")] = "VBZ"
    if _CVC.search(verb):
        out[verb + verb[-1] + "ed"] = "VBD"
        out[verb + verb[-1] + "ing"] = "VBG"
    return out


def _spelled(verb: str) -> set[str]:
    """The inflections of ``verb`` as spelled: a one-syllable verb ending in a consonant after
    a single vowel doubles it ("wag" -> "wagged", so "waged" is not "wag")."""
    forms = inflections(verb)
    if _CVC.search(verb) and len(_VOWELS.findall(verb)) == 1:
        return {f for f in forms if f.endswith("s") or f[len(verb)] == verb[-1]}
    return {f for f in forms if f.endswith("s") or not f.startswith(verb + verb[-1])}


def lemma_repairs(nlp: Language, verbs: Iterable[str]) -> dict[str, str]:
    """``{form: lemma}`` for the inflections of ``verbs`` the model's lemmatizer gets wrong."""
    lemmatizer: Lemmatizer = nlp.get_pipe("lemmatizer")  # type: ignore[assignment]
    index = lemmatizer.lookups.get_table("lemma_index", {}).get("verb", {})

    def model_lemma(form: str, tag: str) -> str:
        doc = Doc(nlp.vocab, words=[form])
        doc[0].pos_ = "VERB"
        doc[0].tag_ = tag
        return str(lemmatizer.rule_lemmatize(doc[0])[0])

    out: dict[str, str] = {}
    for verb in sorted(set(verbs)):
        if len(verb) < 3 or " " in verb:
            continue
        for form, tag in inflections(verb).items():
            if form in index:
                continue  # a verb of its own ("bed"): not an inflection to repair
            got = model_lemma(form, tag)
            if got == verb:
                continue
            if got in index and form in _spelled(got):
                continue  # a form of two verbs ("routed"): the model's reading stands
            out[form] = verb
    return out


def cue_verbs(lexicon: RelationLexicon) -> set[str]:
    """The verb lemmas the relation rules look up: cue verbs, light verbs, hedges, negators
    and reporting verbs."""
    verbs = {lemma for cue in lexicon.cues if cue.pos == "verb" for lemma in cue.lemmas}
    verbs.update(lexicon.light_verbs)
    # the verbs negation and modality look up ("hopes to mend ties" is hedged, not "hop")
    verbs.update(lexicon.hedge_verbs, lexicon.neg_verbs, lexicon.report_verbs)
    return verbs


class LemmaRepair:
    """Set the lemma of VERB tokens whose form the model lemmatizes away from a cue verb.

    Args:
        nlp: The pipeline (its lemmatizer is run over the cue verbs' inflections once).
        name: The component's name.
        patterns_path: The relation rules whose cue verbs are repaired (default: the
            packaged rules, as ``geokg_relations`` uses).
    """

    def __init__(
        self, nlp: Language, name: str = "geokg_lemmas", patterns_path: str | None = None
    ) -> None:
        self.name = name
        lexicon = RelationLexicon.from_dir(patterns_path or DEFAULT_PATTERNS_DIR)
        strings = nlp.vocab.strings
        self.repairs = lemma_repairs(nlp, cue_verbs(lexicon))
        self._by_form = {strings.add(f): strings.add(lemma) for f, lemma in self.repairs.items()}
        self._forms = np.fromiter(self._by_form, dtype=np.uint64, count=len(self._by_form))

    def __call__(self, doc: Doc) -> Doc:
        if not self._by_form or len(doc) == 0:
            return doc
        arr = doc.to_array([LOWER, POS])
        hits = np.flatnonzero(np.isin(arr[:, 0], self._forms) & (arr[:, 1] == VERB))
        for i in hits.tolist():
            doc[i].lemma = self._by_form[int(arr[i, 0])]
        return doc


@Language.factory(
    "geokg_lemmas",
    assigns=["token.lemma"],
    requires=["token.lemma", "token.pos"],
    default_config={"patterns_path": None},
)
def make_lemma_repair(nlp: Language, name: str, patterns_path: str | None) -> LemmaRepair:
    """spaCy factory of :class:`LemmaRepair` (entry point ``geokg_lemmas``)."""
    return LemmaRepair(nlp, name, patterns_path=patterns_path)
