"""The ``geokg_entities`` spaCy component: typed, canonical entity mentions of a Doc.

Reads ``doc.ents`` (the model's NER), ``token.dep``/``token.head`` and ``token.lemma``; writes
``doc._.geokg_entities`` (a list of :class:`~geokg.extract.annotations.EntityAnnotation`, sorted
by token, non-overlapping). The gazetteer (``resources/``, ``patterns/entities.jsonl``) wins over
the model's NER for known names; the rule modules of :mod:`geokg.extract.entities` decide
demonyms, metonymy, Leader vs Person and the West.

Example:
    >>> from geokg.extract.pipeline import load_nlp
    >>> nlp = load_nlp(components=["geokg_entities"])  # doctest: +SKIP
    >>> doc = nlp("Moscow and Ankara disagreed about Syria.")  # doctest: +SKIP
    >>> [(e.name, e.label.value) for e in doc._.geokg_entities]  # doctest: +SKIP
    [('Russia', 'Country'), ('Turkey', 'Country'), ('Syria', 'Country')]

For other stages (the relation extractor) :func:`lexicons` exposes the title/role lexicon and the
gazetteer, and :func:`leader_titles` returns the title tokens that made a mention a Leader.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.util import registry

from geokg.extract.annotations import ENTITIES_ATTR, EntityAnnotation, ensure_extensions
from geokg.extract.entities.candidates import Candidate, OverlapPolicy, SurfaceIndex, longest_first
from geokg.extract.entities.gazetteer import propose
from geokg.extract.entities.lexicon import PATTERNS_PATH, RESOURCES_DIR, Lexicons, default_lexicons
from geokg.extract.entities.resolve import resolve_all
from geokg.extract.entities.titles import TitleEvidence, title_evidence

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "EntityComponent",
    "leader_titles",
    "lexicons",
    "make_entity_component",
    "make_longest_first",
]

_TABLES_FILE = "lexicons.json"
_CFG_FILE = "cfg.json"


@registry.misc("geokg.entity_overlap.longest_first.v1")  # type: ignore[untyped-decorator]
def make_longest_first() -> OverlapPolicy:
    """The default overlap policy: longest span, then priority, then leftmost."""
    return longest_first


def lexicons() -> Lexicons:
    """The shipped entity lexicons (titles, word classes, gazetteer), cached.

    Useful questions for other components::

        lexicons().title_role("Prime Minister")  # -> "Prime Minister"
        lexicons().is_title_word("tsar")          # -> True
        lexicons().country("Russia").iso3         # -> "RUS"
        lexicons().leader("Vladimir Putin").role  # -> "President"
    """
    return default_lexicons()


def leader_titles(
    doc: Doc, ent: EntityAnnotation, lex: Lexicons | None = None
) -> list[TitleEvidence]:
    """The title/role tokens that make a Leader mention a leader ("Russian President" -> President).

    Args:
        doc: The Doc the mention belongs to.
        ent: A Leader (or Person) mention.
        lex: Lexicons to use (defaults to the shipped ones).

    Returns:
        Title evidence (token span of the title, canonical role, how it attaches); empty when
        the mention is a Leader only by the shipped list or by another mention in the document.
    """
    return title_evidence(doc, ent.start, ent.end, lex or default_lexicons())


class EntityComponent:
    """Resolve countries, leaders, people, organizations, groups and places in a Doc.

    ``__call__`` is :meth:`match` (pure: the Doc is not changed) then :meth:`set_annotations`.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "geokg_entities",
        *,
        overlap_policy: OverlapPolicy = longest_first,
        resources_dir: str | None = None,
        patterns_path: str | None = None,
        lex: Lexicons | None = None,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.overlap_policy = overlap_policy
        self.resources_dir = resources_dir
        self.patterns_path = patterns_path
        self.lex: Lexicons = lex or self._load(resources_dir, patterns_path)
        self.matcher: PhraseMatcher
        self.index: SurfaceIndex
        self.common_words: frozenset[str] = frozenset()
        self._build()

    # -- setup ---------------------------------------------------------------------------

    @staticmethod
    def _load(resources_dir: str | None, patterns_path: str | None) -> Lexicons:
        if resources_dir is None and patterns_path is None:
            return default_lexicons()
        return Lexicons.from_files(
            Path(resources_dir) if resources_dir else RESOURCES_DIR,
            Path(patterns_path) if patterns_path else PATTERNS_PATH,
        )

    def _build(self) -> None:
        matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        index = SurfaceIndex()
        by_label: dict[str, list[Doc]] = {}
        seen: set[tuple[str, tuple[str, ...]]] = set()
        tokenizer = self.nlp.tokenizer
        for p in self.lex.patterns:
            doc = tokenizer(p.pattern)
            words = tuple(t.text for t in doc)
            if not words:
                continue
            index.add(p.label, words, p.id)
            if (p.label, words) not in seen:
                seen.add((p.label, words))
                by_label.setdefault(p.label, []).append(doc)
        for label, docs in by_label.items():
            matcher.add(label, docs)
        self.matcher = matcher
        self.index = index
        self.common_words = _dictionary_words(self.nlp)

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        resources_dir: str | None = None,
        patterns_path: str | None = None,
    ) -> None:
        """(Re)load the lexicons from data files (``nlp.initialize`` calls this).

        Args:
            get_examples: Unused (the component has no trainable weights).
            nlp: The pipeline.
            resources_dir: A resources folder to load instead of the shipped one.
            patterns_path: A patterns file to load instead of the shipped one.
        """
        if resources_dir is not None or patterns_path is not None:
            self.resources_dir = resources_dir
            self.patterns_path = patterns_path
            self.lex = self._load(resources_dir, patterns_path)
            self._build()

    # -- processing ----------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        """Annotate a Doc: :meth:`match` then :meth:`set_annotations`."""
        self.set_annotations(doc, self.match(doc))
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """Annotate a stream of Docs."""
        for doc in stream:
            yield self(doc)

    def candidates(self, doc: Doc) -> list[Candidate]:
        """All candidate mentions before the overlap policy (for debugging and tests)."""
        vocab_strings = self.nlp.vocab.strings
        hits = [(vocab_strings[mid], s, e) for mid, s, e in self.matcher(doc)]
        return propose(doc, hits, self.index, self.lex, self.common_words)

    def match(self, doc: Doc) -> list[EntityAnnotation]:
        """The entity mentions of a Doc (pure; the Doc is not changed)."""
        kept = self.overlap_policy(self.candidates(doc))
        return resolve_all(doc, kept, self.lex)

    def set_annotations(self, doc: Doc, matches: Sequence[EntityAnnotation]) -> None:
        """Write the mentions to ``doc._.geokg_entities`` (sorted by token)."""
        ensure_extensions()
        setattr(doc._, ENTITIES_ATTR, sorted(matches, key=lambda e: (e.start, e.start_char)))

    # -- serialisation -------------------------------------------------------------------

    def to_disk(self, path: str | Path, *, exclude: Sequence[str] = ()) -> None:
        """Save the lexicons (patterns, gazetteer tables, word classes) to a folder."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / _TABLES_FILE, self.lex.to_dict())
        srsly.write_json(path / _CFG_FILE, {"name": self.name})

    def from_disk(self, path: str | Path, *, exclude: Sequence[str] = ()) -> EntityComponent:
        """Load lexicons saved by :meth:`to_disk`."""
        path = Path(path)
        data = json.loads((path / _TABLES_FILE).read_text(encoding="utf-8"))
        self.lex = Lexicons.from_dict(data)
        self._build()
        return self


def _dictionary_words(nlp: Language) -> frozenset[str]:
    """The English dictionary words of the pipeline's lemmatizer (empty without one).

    The rule lemmatizer of the English models carries a word list per part of speech
    (``lemma_index``); a one-word ORG span that is such a noun, adjective or adverb
    ("Yesterday") needs a cue. Verbs are left out: a brand may be one as well.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    table = lookups.get_table("lemma_index")
    words: set[str] = set()
    for pos in ("noun", "adj", "adv"):
        words.update(w.lower() for w in table.get(pos, []))
    return frozenset(words)


@Language.factory(
    "geokg_entities",
    assigns=[f"doc._.{ENTITIES_ATTR}"],
    requires=["doc.ents", "token.dep", "token.lemma"],
    default_config={
        "overlap_policy": {"@misc": "geokg.entity_overlap.longest_first.v1"},
        "resources_dir": None,
        "patterns_path": None,
    },
)
def make_entity_component(
    nlp: Language,
    name: str,
    overlap_policy: OverlapPolicy,
    resources_dir: str | None,
    patterns_path: str | None,
) -> EntityComponent:
    """Create the ``geokg_entities`` component.

    Args:
        nlp: The pipeline.
        name: The component name.
        overlap_policy: Chooses non-overlapping candidates (registered in ``misc``).
        resources_dir: A resources folder to use instead of the shipped one.
        patterns_path: A patterns file to use instead of the shipped one.
    """
    ensure_extensions()
    return EntityComponent(
        nlp,
        name,
        overlap_policy=overlap_policy,
        resources_dir=resources_dir,
        patterns_path=patterns_path,
    )
