"""The ``geokg_relations`` spaCy component.

Reads ``doc._.geokg_entities`` (written by ``geokg_entities``) and the parser's dependencies
and lemmas, and writes ``doc._.geokg_relations``: one :class:`RelationAnnotation` per relation
mention, typed, with negation, modality, quotation, year, trigger span, rule id and confidence.

One pass over the sentences: sentences with fewer than two distinct entities are skipped unless
they hold a cue and an anaphor ("it", "their", "the two countries") that may bring in an entity
of an earlier sentence; in the others every token's lowercase lemma is looked up once in the cue
index, and each cue walks the dependency tree to its argument entities
(:mod:`geokg.extract.relations.events` dispatches to the family modules ``verbs``, ``nouns``,
``roles`` and ``stances``; :mod:`geokg.extract.relations.structural` gives LEADS from titles;
both ask :mod:`geokg.extract.relations.syntax` for arguments and subjects). Endpoints resolved
from earlier sentences of the Doc (:mod:`geokg.extract.relations.context`) make the relation
``context=True`` with a lower confidence. Negation and modality come from
:mod:`geokg.extract.relations.attributes`, quotation and year from
:mod:`geokg.extract.relations.surface`. Rule data are the files in
``geokg/extract/patterns/relations/`` (see ``docs/adding-a-relation-rule.md``, which maps every
module).

Example:
    >>> import spacy  # doctest: +SKIP
    >>> from geokg.extract.pipeline import load_nlp  # doctest: +SKIP
    >>> nlp = load_nlp()  # doctest: +SKIP
    >>> doc = nlp("Russia annexed Crimea in 2014.")  # doctest: +SKIP
    >>> [(r.source.name, r.type.value, r.target.name, r.year) for r in doc._.geokg_relations]
    ... # doctest: +SKIP
    [('Russia', 'ANNEXES', 'Crimea', 2014)]
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.attrs import LEMMA, LOWER, POS
from spacy.language import Language
from spacy.parts_of_speech import IDS as _POS_IDS
from spacy.util import registry

from geokg.extract.annotations import (
    RELATIONS_ATTR,
    RelationAnnotation,
    ensure_extensions,
    get_entities,
)
from geokg.extract.relations.anaphora import KnownLeaders, title_anaphors, titled_actors
from geokg.extract.relations.attributes import assess
from geokg.extract.relations.context import CONTEXT_PRONOUNS, Discourse
from geokg.extract.relations.dedupe import dedupe_per_sentence
from geokg.extract.relations.domestic import drop_domestic_visits
from geokg.extract.relations.events import event_candidates
from geokg.extract.relations.lexicon import DEFAULT_PATTERNS_DIR, RelationLexicon
from geokg.extract.relations.nominals import DESCRIPTION_NOUNS
from geokg.extract.relations.pairs import GROUP_WORDS
from geokg.extract.relations.structural import leads_candidates
from geokg.extract.relations.surface import quoted_tokens, year_of
from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.schema import (
    EntityLabel,
    MemberStatus,
    Modality,
    Polarity,
    RelationType,
    is_allowed,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "DedupePolicy",
    "RelationComponent",
    "dedupe_per_sentence",
    "make_dedupe_policy",
    "make_relation_component",
]

DedupePolicy = Callable[[list[RelationAnnotation]], list[RelationAnnotation]]
_VERB_POS_IDS = frozenset({_POS_IDS["VERB"], _POS_IDS["AUX"]})


@registry.misc("geokg.relation_dedupe.v1")  # type: ignore[untyped-decorator]
def make_dedupe_policy() -> DedupePolicy:
    """The default overlap policy: :func:`dedupe_per_sentence`."""
    return dedupe_per_sentence


@registry.misc("geokg.relation_keep_all.v1")  # type: ignore[untyped-decorator]
def make_keep_all_policy() -> DedupePolicy:
    """A policy that keeps every mention (for debugging rules)."""
    return list


class RelationComponent:
    """Rule-based typed relation extraction over entity annotations.

    Reads ``doc._.geokg_entities``, ``token.dep``, ``token.head``, ``token.lemma``,
    ``token.pos``/``tag`` and sentence boundaries; writes ``doc._.geokg_relations``.

    Args:
        nlp: The pipeline (unused; kept for the factory signature).
        name: The component name.
        patterns_path: Folder with ``cues.jsonl`` and ``lexicon.json``; ``None`` for the
            packaged rules.
        min_confidence: Drop mentions below this confidence.
        dedupe: The overlap policy applied per document.
    """

    def __init__(
        self,
        nlp: Language | None = None,
        name: str = "geokg_relations",
        *,
        patterns_path: str | Path | None = None,
        min_confidence: float = 0.0,
        dedupe: DedupePolicy | None = None,
    ) -> None:
        ensure_extensions()
        self.name = name
        self.min_confidence = min_confidence
        self.dedupe: DedupePolicy = dedupe or dedupe_per_sentence
        self.lexicon = RelationLexicon.from_dir(patterns_path or DEFAULT_PATTERNS_DIR)

    @property
    def lexicon(self) -> RelationLexicon:
        """The rule data in use."""
        return self._lexicon

    @lexicon.setter
    def lexicon(self, value: RelationLexicon) -> None:
        self._lexicon = value
        self._cues = {c.id: c for c in value.cues}
        self._hash_cache: tuple[Any, frozenset[int]] | None = None
        self._anaphor_cache: tuple[Any, frozenset[int]] | None = None
        self._title_cache: tuple[Any, frozenset[int]] | None = None
        self._offices: dict[str, tuple[str | None, str | None]] | None = None

    # ------------------------------------------------------------------ pipeline API
    def __call__(self, doc: Doc) -> Doc:
        """Annotate one Doc."""
        self.set_annotations(doc, self.match(doc))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """Annotate a stream of Docs."""
        for doc in docs:
            yield self(doc)

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        patterns_path: str | Path | None = None,
    ) -> None:
        """(Re)load the rule data, from ``patterns_path`` or the packaged folder."""
        self.lexicon = RelationLexicon.from_dir(patterns_path or DEFAULT_PATTERNS_DIR)

    def match(self, doc: Doc) -> list[RelationAnnotation]:
        """All relation mentions of a Doc, without writing anything (pure).

        Args:
            doc: A parsed Doc with ``doc._.geokg_entities`` set.

        Returns:
            Relation annotations in document order, filtered by the ontology
            (:func:`geokg.schema.is_allowed`) and ``min_confidence``, before the overlap policy.
        """
        entities = get_entities(doc)
        if len(entities) < 2 or not doc.has_annotation("DEP"):
            return []
        entities.sort(key=lambda e: e.start)
        # one vectorised pass finds the cue tokens; only they become Token objects
        arr = doc.to_array([LEMMA, POS, LOWER])
        lemma_ids: list[int] = arr[:, 0].tolist()
        wanted = self._cue_hashes(doc)
        cue_idx = [i for i, h in enumerate(lemma_ids) if h in wanted]
        pos_ids: list[int] = arr[:, 1].tolist()
        lower_ids: list[int] = arr[:, 2].tolist()
        anaphors = self._anaphor_hashes(doc)
        ana_idx = [i for i, h in enumerate(lower_ids) if h in anaphors]
        titles = self._title_hashes(doc)
        title_idx = [i for i, h in enumerate(lower_ids) if h in titles]
        discourse = Discourse(doc, entities, self.lexicon, lemma_ids=lemma_ids)
        known = KnownLeaders(self._leader_offices())
        out: list[RelationAnnotation] = []
        k = 0
        n = len(entities)
        for sent in doc.sents:
            s, e = sent.start, sent.end
            index = discourse.add_sentence(s, e)
            while k < n and entities[k].start < s:
                k += 1
            j = k
            while j < n and entities[j].start < e:
                j += 1
            in_sent = entities[k:j]
            lo = bisect_left(cue_idx, s)
            hi = bisect_left(cue_idx, e, lo)
            if j - k < 2 or len({x.name for x in in_sent}) < 2:
                # one entity or none: only a cue with an anaphor ("it", "the two countries"), a
                # title naming its state ("the Kenyan president") or an act named again without
                # its agent (recalled.py) can relate it to an entity of an earlier sentence
                a = bisect_left(ana_idx, s)
                b = bisect_left(title_idx, s)
                anaphor = lo != hi and a < len(ana_idx) and ana_idx[a] < e
                titled = j > k and b < len(title_idx) and title_idx[b] < e
                if not (anaphor or titled or (lo != hi and j > k and discourse.has_agents())):
                    continue
            ctx = SentenceContext(
                doc,
                s,
                e,
                in_sent,
                self.lexicon,
                lemma_ids=lemma_ids,
                cue_positions=cue_idx[lo:hi],
                has_verb=any(p in _VERB_POS_IDS for p in pos_ids[s:e]),
            )
            ctx.discourse = discourse
            ctx.index = index
            found = drop_domestic_visits(self._sentence(ctx, known))
            discourse.note_relations(index, found)
            for r in found:
                if r.type == RelationType.LEADS and not r.context:
                    known.note(r.source.name, r.target.name, r.role)
            out.extend(found)
        return out

    def _anaphor_hashes(self, doc: Doc) -> frozenset[int]:
        """Lowercase-form hashes of the words that can bring in an entity from an earlier
        sentence: the pronouns and the head nouns of "the two countries", "both sides"."""
        strings = doc.vocab.strings
        cached = self._anaphor_cache
        if cached is not None and cached[0] is strings:
            return cached[1]
        words = set(CONTEXT_PRONOUNS) | DESCRIPTION_NOUNS | GROUP_WORDS
        for lemma in self.lexicon.pair_nouns:
            words.update((lemma, lemma + "s", lemma + "es", lemma[:-1] + "ies"))
        hashes = frozenset(strings.add(w) for w in words)
        self._anaphor_cache = (strings, hashes)
        return hashes

    def _cue_hashes(self, doc: Doc) -> frozenset[int]:
        """Hashes of every lemma a rule looks at, in the lowercase and capitalised forms the
        lemmatizer produces (cached per string store)."""
        strings = doc.vocab.strings
        cached = self._hash_cache
        if cached is not None and cached[0] is strings:
            return cached[1]
        words = set(self.lexicon.cue_lemmas) | {"anti", "with"}
        forms = {w2 for w in words for w2 in (w, w.capitalize(), w.upper())}
        hashes = frozenset(strings.add(w) for w in forms)
        self._hash_cache = (strings, hashes)
        return hashes

    def set_annotations(self, doc: Doc, matches: list[RelationAnnotation]) -> None:
        """Apply the overlap policy and write ``doc._.geokg_relations``."""
        setattr(doc._, RELATIONS_ATTR, self.dedupe(list(matches)))

    # ------------------------------------------------------------------ internals
    def _title_hashes(self, doc: Doc) -> frozenset[int]:
        """Lowercase-form hashes of the title heads ("president", "leaders")."""
        strings = doc.vocab.strings
        cached = self._title_cache
        if cached is not None and cached[0] is strings:
            return cached[1]
        hashes = frozenset(strings.add(w) for w in self.lexicon.title_heads)
        self._title_cache = (strings, hashes)
        return hashes

    def _leader_offices(self) -> dict[str, tuple[str | None, str | None]]:
        """The leaders' gazetteer as name -> (led entity, role), loaded once."""
        if self._offices is None:
            from geokg.extract.entities.lexicon import default_lexicons

            leaders = default_lexicons().leaders
            self._offices = {n: (i.country, i.role) for n, i in leaders.items()}
        return self._offices

    def _sentence(self, ctx: SentenceContext, known: KnownLeaders) -> list[RelationAnnotation]:
        candidates: list[Candidate] = event_candidates(ctx)
        candidates.extend(leads_candidates(ctx))
        candidates = titled_actors(ctx, candidates, title_anaphors(ctx, known))
        if not candidates:
            return []
        quoted: set[int] | None = None
        sport: bool | None = None
        out: list[RelationAnnotation] = []
        doc = ctx.doc
        for c in candidates:
            rtype = RelationType(c.type)
            if c.source.name == c.target.name or not is_allowed(
                c.source.label, rtype, c.target.label
            ):
                continue
            if c.source.label == EntityLabel.PLACE and rtype not in _PLACE_ACTS and not c.party:
                continue  # "a Baltic agreement", "Alpine ties": a place is where, not who
            if rtype.polarity == Polarity.CONFLICTUAL:
                if sport is None:
                    sport = _sport_frame(ctx)
                if sport:
                    continue  # "Japan beat Germany 2-1 in the football tournament"
            # an endpoint resolved from an earlier sentence: a weaker inference
            context = not (ctx.start <= c.source.start < ctx.end) or not (
                ctx.start <= c.target.start < ctx.end
            )
            confidence = c.confidence
            if context:
                confidence = round(confidence * self.lexicon.confidence("context.v1"), 3)
            if confidence < self.min_confidence:
                continue
            anchor = doc[c.anchor]
            verdict = assess(ctx, anchor, rtype, structural=c.structural, ends=(c.source, c.target))
            if verdict.suppressed:
                continue
            if quoted is None:
                quoted = quoted_tokens(ctx)
            modality = verdict.modality
            cue = self._cues.get(c.cue)
            if (
                cue is not None
                and cue.intrinsic_modality
                and Modality(cue.intrinsic_modality).rank > modality.rank
            ):
                modality = Modality(cue.intrinsic_modality)  # "designs on": sought, not done
            if c.hedge and Modality.HEDGED.rank > modality.rank:
                modality = Modality.HEDGED
            status = _status(c, rtype)
            if modality == Modality.HEDGED and (c.structural or rtype == RelationType.MEMBER_OF):
                # an intended membership is an application ("will join", "seeks to join")
                modality = Modality.ASSERTED
                if status == MemberStatus.MEMBER:
                    status = MemberStatus.APPLICANT
            trigger_end = c.trigger_end if c.trigger_end > c.trigger else c.trigger + 1
            out.append(
                RelationAnnotation(
                    source=c.source,
                    type=rtype,
                    target=c.target,
                    trigger_start=c.trigger,
                    trigger_end=trigger_end,
                    sent_start=ctx.start,
                    sent_end=ctx.end,
                    negated=verdict.negated != c.negate,
                    modality=modality,
                    quoted=c.trigger in quoted,
                    year=year_of(ctx, anchor),
                    rule=c.rule,
                    confidence=confidence,
                    role=c.role if rtype == RelationType.LEADS else None,
                    status=status,
                    context=context,
                    extra={"cue": c.cue},
                )
            )
        return out

    # ------------------------------------------------------------------ serialisation
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the rule data into ``path`` (``cues.jsonl``, ``lexicon.json``)."""
        self.lexicon.to_dir(path)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RelationComponent:
        """Read the rule data written by :meth:`to_disk`."""
        self.lexicon = RelationLexicon.from_dir(path)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The rule data as bytes."""
        return json.dumps(self.lexicon.to_json(), ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> RelationComponent:
        """Inverse of :meth:`to_bytes`."""
        self.lexicon = RelationLexicon.from_json(json.loads(data.decode("utf-8")))
        return self


# what a place that is not standing in for a state can do: declare or recognize independence,
# break away ("Crimea broke away from Ukraine")
_PLACE_ACTS = frozenset({RelationType.RECOGNIZES, RelationType.BREAKS_WITH, RelationType.LEADS})
_SCORE = re.compile(r"(?<![\d-])\d{1,2}\s?[-–]\s?\d{1,2}(?![\d-])")


def _sport_frame(ctx: SentenceContext) -> bool:
    """Whether the sentence is about sport: a sport word or a score ("2-1"). Conflict words
    there ("beat", "defeated", "rivalry") are about games, not states."""
    words = ctx.lex.sport_frame
    doc = ctx.doc
    if any(doc[i].lower_ in words for i in range(ctx.start, ctx.end)):
        return True
    return _SCORE.search(doc[ctx.start : ctx.end].text) is not None


def _status(c: Candidate, rtype: RelationType) -> MemberStatus | None:
    if rtype != RelationType.MEMBER_OF:
        return None
    return MemberStatus(c.status) if c.status else MemberStatus.MEMBER


@Language.factory(
    "geokg_relations",
    assigns=["doc._.geokg_relations"],
    requires=["doc._.geokg_entities", "token.dep", "token.lemma"],
    default_config={
        "patterns_path": None,
        "min_confidence": 0.0,
        "dedupe": {"@misc": "geokg.relation_dedupe.v1"},
    },
)
def make_relation_component(
    nlp: Language,
    name: str,
    patterns_path: str | None,
    min_confidence: float,
    dedupe: DedupePolicy,
) -> RelationComponent:
    """Factory of the ``geokg_relations`` component (registered with spaCy)."""
    return RelationComponent(
        nlp, name, patterns_path=patterns_path, min_confidence=min_confidence, dedupe=dedupe
    )
