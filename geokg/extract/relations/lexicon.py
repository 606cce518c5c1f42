"""The relation rules as data: cue entries (``cues.jsonl``) and word lists (``lexicon.json``).

A cue entry says which lemmas evoke a relation type, in which syntactic role (verb, noun,
adjective, role noun) and where its arguments are found (``target`` slots such as ``dobj`` or
``prep:with``). The function-word lists drive argument climbing (light verbs), negation,
modality and the structural rules (titles). Both files live in
``geokg/extract/patterns/relations/`` and are what ``to_disk``/``from_disk`` write and read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geokg.errors import ConfigError
from geokg.extract.relations.event_lexicon import (
    COLUMNS,
    EVENT_LEXICON_FILE,
    cue_entries,
    read_rows,
)
from geokg.extract.relations.wordlists import WordLists
from geokg.extract.relations.wordlists import lowered as _fs
from geokg.schema import MemberStatus, RelationType

__all__ = [
    "CUES_FILE",
    "DEFAULT_PATTERNS_DIR",
    "LEXICON_FILE",
    "Cue",
    "RelationLexicon",
]

DEFAULT_PATTERNS_DIR = Path(__file__).resolve().parent.parent / "patterns" / "relations"
CUES_FILE = "cues.jsonl"
LEXICON_FILE = "lexicon.json"

_POS = frozenset({"verb", "noun", "adj", "role"})
_TARGET_PREPS: dict[tuple[str, ...], frozenset[str]] = {}
_DEFAULT_SOURCE_SLOTS = ("poss", "mod", "prep:by", "prep:from")
_KNOWN_KEYS = frozenset(
    {
        "id",
        "type",
        "pos",
        "lemmas",
        "target",
        "source_slots",
        "particle",
        "veto_particles",
        "objects",
        "objects_or_entity",
        "objects_or_prep",
        "veto_objects",
        "requires_modifiers",
        "veto_modifiers",
        "veto_governors",
        "veto_predicates",
        "requires_prep",
        "requires_prep_object",
        "requires_target_prep",
        "requires_target_or_light",
        "own_agent_only",
        "content_target",
        "requires_complement",
        "hyphen_pair",
        "target_prep_constraints",
        "exclude_lemma_target",
        "reciprocal",
        "mutual_preps",
        "mutual",
        "reverse",
        "strict",
        "strict_place",
        "source_is_object",
        "each_target",
        "reverse_members",
        "referent",
        "status",
        "role",
        "target_labels",
        "conf",
        "poss_is_target",
        "requires_governor",
        "intrinsic_modality",
        "intransitive",
        "requires_context",
        "helper_with",
        "requires_pejorative",
        "target_through",
        "objmod_source",
        "object_preps",
        "veto_heads",
        "requires_prep_gerund",
        "source",
        "cameo",
        "mutual_objects",
        "source_labels",
        "source_heads",
    }
)


def _fs_map(values: Mapping[str, Iterable[str]] | None) -> dict[str, frozenset[str]]:
    return {k.lower(): _fs(v) for k, v in (values or {}).items()}


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue entry: lemmas that evoke a relation type in one syntactic role.

    Attributes:
        id: Unique id of the entry (``"attack.verb"``); recorded in the annotation's extras.
        type: The relation type the cue evokes.
        pos: ``verb``, ``noun``, ``adj`` or ``role`` (a noun naming a participant: ally, rival).
        lemmas: Lowercase lemmas; ``"a-b"`` matches the tokens ``a - b``.
        target: Where the target is found: ``dobj``, ``dative``, ``objmod`` (modifiers of the
            required object), ``objowner`` (only its owner: "Peru's envoy X" is Peru),
            ``xcomp_args``, ``mod``, ``ofmod`` (nouns: the state named on the required
            of-object) or ``prep:<lemma>``.
        source_slots: Where a noun's source is found inside its phrase.
        reciprocal: A directed type that holds both ways when stated mutually (war, clash).
        mutual_preps: Prepositions besides "with" whose object a reciprocal cue pairs both
            ways ("faced off against X": a face-off is two-sided; "fought against X" is not).
        mutual: Coordinated subjects ("A and B met") or "between A and B" pair up.
        reverse: Swap source and target (buying arms from X: X supports the buyer).
        strict: Arguments must be entity tokens (no "Turkish jets" -> Turkey).
        conf: The entry's confidence.
        source: Where the entry comes from (an event ontology class, SCHEMA.md, news usage).
        cameo: The CAMEO code or PLOVER class the entry expresses, where one applies.
        mutual_objects: The objects pair up among themselves ("brought together A and B").
        source_labels: Entity labels the source must have, where the cue restricts it.
        source_heads: Verbs: a subject that is not itself a name must have one of these heads
            ("Russian *troops* poured into X", not "Chinese *investment* poured into X").
        own_agent_only: Nouns: the source comes only from the noun's own slots, never from
            the subject of a verb governing it ("Russia's war in X", not "A and B were
            involved in the war in X").
        content_target: The target is also the agent of the cue's that-clause ("alleged that
            Y armed ...", "the accusation that Y ...": ``allegations.py``); with an empty
            ``target`` the clause is the cue's only reading.
        requires_complement: Verbs: an adjective complement with one of these lemmas must be
            there ("held Y *responsible*").
    """

    id: str
    type: RelationType
    pos: str
    lemmas: tuple[str, ...]
    target: tuple[str, ...] = ("dobj",)
    source_slots: tuple[str, ...] = _DEFAULT_SOURCE_SLOTS
    particle: frozenset[str] = frozenset()
    veto_particles: frozenset[str] = frozenset()  # "war broke *out*": another verb
    objects: frozenset[str] = frozenset()
    objects_or_entity: frozenset[str] = frozenset()
    objects_or_prep: frozenset[str] = frozenset()
    veto_objects: frozenset[str] = frozenset()
    requires_modifiers: frozenset[str] = frozenset()
    veto_modifiers: frozenset[str] = frozenset()
    veto_governors: frozenset[str] = frozenset()
    veto_predicates: frozenset[str] = frozenset()
    requires_prep: frozenset[str] = frozenset()
    requires_prep_object: dict[str, frozenset[str]] = field(default_factory=dict)
    requires_target_prep: bool = False
    requires_target_or_light: bool = False
    own_agent_only: bool = False
    hyphen_pair: bool = False
    target_prep_constraints: dict[str, frozenset[str]] = field(default_factory=dict)
    exclude_lemma_target: dict[str, frozenset[str]] = field(default_factory=dict)
    reciprocal: bool = False
    mutual_preps: frozenset[str] = frozenset()
    mutual: bool = False
    reverse: bool = False
    strict: bool = False
    strict_place: bool = False
    source_is_object: bool = False
    each_target: bool = False
    reverse_members: bool = False
    referent: str | None = None
    status: MemberStatus | None = None
    role: str | None = None
    target_labels: frozenset[str] = frozenset()
    conf: float = 0.7
    poss_is_target: bool = False
    requires_governor: bool = False
    intrinsic_modality: str | None = None
    intransitive: bool = False
    requires_context: frozenset[str] = frozenset()
    helper_with: bool = False
    requires_pejorative: bool = False
    target_through: dict[str, frozenset[str]] = field(default_factory=dict)
    objmod_source: bool = False
    object_preps: bool = False  # verbs: target PPs the parser hung on the direct object count
    veto_heads: frozenset[str] = frozenset()
    requires_prep_gerund: frozenset[str] = frozenset()
    source: str = ""
    cameo: str = ""
    mutual_objects: bool = False
    source_labels: frozenset[str] = frozenset()
    source_heads: frozenset[str] = frozenset()
    content_target: bool = False
    requires_complement: frozenset[str] = frozenset()

    @property
    def target_preps(self) -> frozenset[str]:
        """The prepositions of the ``prep:<lemma>`` target slots (computed once)."""
        return _TARGET_PREPS.setdefault(
            self.target, frozenset(s[5:] for s in self.target if s.startswith("prep:"))
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Cue:
        """Build a cue from one ``cues.jsonl`` object.

        Raises:
            ConfigError: Unknown keys, type or part of speech.
        """
        unknown = set(data) - _KNOWN_KEYS
        if unknown:
            raise ConfigError(f"cue {data.get('id')!r}: unknown keys {sorted(unknown)}")
        try:
            rtype = RelationType(data["type"])
        except (KeyError, ValueError) as e:
            raise ConfigError(f"cue {data.get('id')!r}: bad relation type") from e
        pos = data.get("pos", "")
        if pos not in _POS:
            raise ConfigError(f"cue {data.get('id')!r}: pos must be one of {sorted(_POS)}")
        status = data.get("status")
        return cls(
            id=str(data["id"]),
            type=rtype,
            pos=pos,
            lemmas=tuple(x.lower() for x in data["lemmas"]),
            target=tuple(data.get("target", ("dobj",))),
            source_slots=tuple(data.get("source_slots", _DEFAULT_SOURCE_SLOTS)),
            particle=_fs(data.get("particle")),
            veto_particles=_fs(data.get("veto_particles")),
            objects=_fs(data.get("objects")),
            objects_or_entity=_fs(data.get("objects_or_entity")),
            objects_or_prep=_fs(data.get("objects_or_prep")),
            veto_objects=_fs(data.get("veto_objects")),
            requires_modifiers=_fs(data.get("requires_modifiers")),
            veto_modifiers=_fs(data.get("veto_modifiers")),
            veto_governors=_fs(data.get("veto_governors")),
            veto_predicates=_fs(data.get("veto_predicates")),
            requires_prep=_fs(data.get("requires_prep")),
            requires_prep_object=_fs_map(data.get("requires_prep_object")),
            requires_target_prep=bool(data.get("requires_target_prep", False)),
            requires_target_or_light=bool(data.get("requires_target_or_light", False)),
            own_agent_only=bool(data.get("own_agent_only", False)),
            hyphen_pair=bool(data.get("hyphen_pair", False)),
            target_prep_constraints=_fs_map(data.get("target_prep_constraints")),
            exclude_lemma_target=_fs_map(data.get("exclude_lemma_target")),
            reciprocal=bool(data.get("reciprocal", False)),
            mutual_preps=_fs(data.get("mutual_preps")),
            mutual=bool(data.get("mutual", False)),
            reverse=bool(data.get("reverse", False)),
            strict=bool(data.get("strict", False)),
            strict_place=bool(data.get("strict_place", False)),
            source_is_object=bool(data.get("source_is_object", False)),
            each_target=bool(data.get("each_target", False)),
            reverse_members=bool(data.get("reverse_members", False)),
            referent=data.get("referent"),
            status=MemberStatus(status) if status else None,
            role=data.get("role"),
            target_labels=frozenset(data.get("target_labels", ())),
            conf=float(data.get("conf", 0.7)),
            poss_is_target=bool(data.get("poss_is_target", False)),
            requires_governor=bool(data.get("requires_governor", False)),
            intrinsic_modality=data.get("intrinsic_modality"),
            intransitive=bool(data.get("intransitive", False)),
            requires_context=_fs(data.get("requires_context")),
            helper_with=bool(data.get("helper_with", False)),
            requires_pejorative=bool(data.get("requires_pejorative", False)),
            target_through=_fs_map(data.get("target_through")),
            objmod_source=bool(data.get("objmod_source", False)),
            object_preps=bool(data.get("object_preps", False)),
            veto_heads=_fs(data.get("veto_heads")),
            requires_prep_gerund=_fs(data.get("requires_prep_gerund")),
            mutual_objects=bool(data.get("mutual_objects", False)),
            source_labels=frozenset(data.get("source_labels", ())),
            source_heads=_fs(data.get("source_heads")),
            content_target=bool(data.get("content_target", False)),
            requires_complement=_fs(data.get("requires_complement")),
            source=str(data.get("source", "")),
            cameo=str(data.get("cameo", "")),
        )


class RelationLexicon(WordLists):
    """All rule data of the relation component, indexed for one-lookup-per-token matching.

    Example:
        >>> lex = RelationLexicon.from_dir(DEFAULT_PATTERNS_DIR)
        >>> [c.type.value for c in lex.lookup("verb", "annex")]
        ['ANNEXES']
    """

    def __init__(
        self,
        cues: list[dict[str, Any]],
        words: dict[str, Any],
        event_rows: list[dict[str, str]] | None = None,
    ) -> None:
        self.cue_data = cues
        self.word_data = words
        self.event_rows = event_rows or []
        covered = {
            ("noun" if c.get("pos") == "role" else str(c.get("pos")), str(lem).lower())
            for c in cues
            for lem in c.get("lemmas", ())
        }
        generated = cue_entries(self.event_rows, covered=covered)
        self.cues = [Cue.from_dict(c) for c in [*cues, *generated]]
        ids = [c.id for c in self.cues]
        if len(set(ids)) != len(ids):
            raise ConfigError("duplicate cue ids in cues.jsonl")
        self._by_id = {c.id: c for c in self.cues}
        self._index: dict[tuple[str, str], list[Cue]] = {}
        # "cease-fire": the last part is looked up, the first checked against the tokens before it.
        self._hyphen: dict[tuple[str, str], list[tuple[str, Cue]]] = {}
        for cue in self.cues:
            pos = "noun" if cue.pos == "role" else cue.pos
            for lemma in cue.lemmas:
                if "-" in lemma.strip("-"):
                    first, _, last = lemma.rpartition("-")
                    self._hyphen.setdefault((pos, last), []).append((first, cue))
                self._index.setdefault((pos, lemma), []).append(cue)
        self.cue_lemmas = frozenset(lem for _, lem in self._index) | frozenset(
            lem for _, lem in self._hyphen
        )

        WordLists.__init__(self, words)
        # a rejecting verb is a cue of its own ("ignored Peru's demands": rejected_offer.v1)
        self.cue_lemmas |= self.rejection_verbs

    def cue(self, cue_id: str) -> Cue | None:
        """A cue entry by id (``None`` for structural triggers such as titles)."""
        return self._by_id.get(cue_id)

    def lookup(self, pos: str, lemma: str) -> list[Cue]:
        """Cue entries for a lowercase lemma in a syntactic role (``role`` cues come with nouns)."""
        return self._index.get((pos, lemma), [])

    def lookup_hyphen(self, pos: str, last: str) -> list[tuple[str, Cue]]:
        """Hyphenated cue entries ending in ``last``: pairs of (first part, cue)."""
        return self._hyphen.get((pos, last), [])

    def confidence(self, rule: str, default: float = 0.7) -> float:
        """The base confidence of a rule family."""
        return self.rule_confidence.get(rule, default)

    @classmethod
    def from_dir(cls, path: str | Path) -> RelationLexicon:
        """Load ``cues.jsonl`` and ``lexicon.json`` from a folder.

        Raises:
            ConfigError: A file is missing or malformed.
        """
        folder = Path(path)
        try:
            cues = [
                json.loads(line)
                for line in (folder / CUES_FILE).read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.lstrip().startswith("//")
            ]
            words = json.loads((folder / LEXICON_FILE).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise ConfigError(f"cannot read relation patterns from {folder}: {e}") from e
        events = folder / EVENT_LEXICON_FILE
        rows = read_rows(events) if events.is_file() else []
        return cls(cues, words, rows)

    def to_dir(self, path: str | Path) -> None:
        """Write the rule data as ``cues.jsonl`` and ``lexicon.json`` into a folder."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        lines = [json.dumps(c, ensure_ascii=False) for c in self.cue_data]
        (folder / CUES_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
        (folder / LEXICON_FILE).write_text(
            json.dumps(self.word_data, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        if self.event_rows:
            table = ["\t".join(COLUMNS)]
            table.extend("\t".join(r[c] for c in COLUMNS) for r in self.event_rows)
            (folder / EVENT_LEXICON_FILE).write_text("\n".join(table) + "\n", encoding="utf-8")

    def to_json(self) -> dict[str, Any]:
        """The rule data as one JSON-serialisable object."""
        return {"cues": self.cue_data, "lexicon": self.word_data, "events": self.event_rows}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RelationLexicon:
        """Inverse of :meth:`to_json`."""
        return cls(list(data["cues"]), dict(data["lexicon"]), list(data.get("events", [])))
