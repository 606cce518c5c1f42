"""The entity gazetteer and word-class lexicon, loaded once from the shipped data files.

Everything the entity rules know about names lives in data (``resources/`` and
``patterns/entities.jsonl``, see ``resources/README.md``); this module turns the files into
dict lookups and serialises them for ``to_disk``/``from_disk``. It never imports spaCy, so other
stages (the relation extractor, coref) can ask it questions cheaply, e.g.::

    >>> from geokg.extract.entities.lexicon import default_lexicons
    >>> lex = default_lexicons()
    >>> lex.title_role("Foreign Minister")
    'Foreign Minister'
    >>> lex.country("Russia").iso3
    'RUS'
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from geokg.extract.entities.names import ascii_name

__all__ = [
    "PATTERNS_PATH",
    "RESOURCES_DIR",
    "CountryInfo",
    "LeaderInfo",
    "Lexicons",
    "PhrasePattern",
    "default_lexicons",
]

RESOURCES_DIR = Path(__file__).resolve().parents[1] / "resources"
PATTERNS_PATH = Path(__file__).resolve().parents[1] / "patterns" / "entities.jsonl"


@dataclass(frozen=True, slots=True)
class PhrasePattern:
    """One surface form (EntityRuler format): its kind, text and canonical target name."""

    label: str
    pattern: str
    id: str


@dataclass(frozen=True, slots=True)
class CountryInfo:
    """What the gazetteer knows about a state."""

    name: str
    iso3: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class LeaderInfo:
    """What the gazetteer knows about a leader."""

    name: str
    country: str | None
    role: str | None


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


@dataclass(slots=True)
class Lexicons:
    """Gazetteer tables and word classes used by the entity component.

    Attributes:
        patterns: Phrase patterns (surface forms) for the PhraseMatcher.
        countries: Canonical country name -> info.
        leaders: Canonical leader name -> info.
        org_kinds: Canonical organization name -> kind (alliance, party, media, ...).
        alias_defaults: Ambiguous leader alias -> the default reading.
        words: Word classes from ``lexicon.json`` (titles, noun classes, prepositions, ...).
    """

    patterns: list[PhrasePattern]
    countries: dict[str, CountryInfo]
    leaders: dict[str, LeaderInfo]
    org_kinds: dict[str, str]
    alias_defaults: dict[str, str]
    words: dict[str, Any]
    _sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _titles: dict[str, str] = field(default_factory=dict, repr=False)
    _max_title_words: int = field(default=1, repr=False)
    _leader_forms: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _state_forms: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        forms: dict[str, list[str]] = {}
        surfaces = [(p.pattern, p.id) for p in self.patterns if p.label == "LEADER"]
        surfaces += [(n, n) for n in self.leaders]
        for surface, ident in surfaces:
            for key in {surface, ascii_name(surface)}:
                ids = forms.setdefault(key, [])
                if ident not in ids:
                    ids.append(ident)
        self._leader_forms = {k: tuple(v) for k, v in forms.items()}
        self._state_forms = {
            p.pattern: p.id
            for p in self.patterns
            if p.label in ("COUNTRY_NAME", "COUNTRY_ADJ") and " " not in p.pattern
        }
        for key, value in self.words.items():
            if isinstance(value, list):
                self._sets[key] = frozenset(v.lower() for v in value)
        self._titles = {k.lower(): v for k, v in self.words.get("titles", {}).items()}
        self._max_title_words = max((len(k.split()) for k in self._titles), default=1)

    # -- loading and saving -------------------------------------------------------------

    @classmethod
    def from_files(
        cls, resources_dir: Path = RESOURCES_DIR, patterns_path: Path = PATTERNS_PATH
    ) -> Lexicons:
        """Load the shipped data files."""
        countries = {
            r["name"]: CountryInfo(r["name"], r.get("iso3"), r.get("kind", "state"))
            for r in _read_jsonl(resources_dir / "countries.jsonl")
        }
        leaders: dict[str, LeaderInfo] = {}
        defaults: dict[str, str] = {}
        for r in _read_jsonl(resources_dir / "leaders.jsonl"):
            leaders[r["name"]] = LeaderInfo(r["name"], r.get("country"), r.get("role"))
            for alias in r.get("default_for", []):
                defaults[alias] = r["name"]
        orgs = {
            r["name"]: r.get("kind", "") for r in _read_jsonl(resources_dir / "organizations.jsonl")
        }
        words = json.loads((resources_dir / "lexicon.json").read_text(encoding="utf-8"))
        patterns = [
            PhrasePattern(p["label"], p["pattern"], p["id"]) for p in _read_jsonl(patterns_path)
        ]
        return cls(patterns, countries, leaders, orgs, defaults, words)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable form (``to_disk``)."""
        return {
            "patterns": [[p.label, p.pattern, p.id] for p in self.patterns],
            "countries": [[c.name, c.iso3, c.kind] for c in self.countries.values()],
            "leaders": [[x.name, x.country, x.role] for x in self.leaders.values()],
            "org_kinds": self.org_kinds,
            "alias_defaults": self.alias_defaults,
            "words": self.words,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Lexicons:
        """Inverse of :meth:`to_dict` (``from_disk``)."""
        return cls(
            patterns=[PhrasePattern(*p) for p in data["patterns"]],
            countries={c[0]: CountryInfo(*c) for c in data["countries"]},
            leaders={x[0]: LeaderInfo(*x) for x in data["leaders"]},
            org_kinds=dict(data["org_kinds"]),
            alias_defaults=dict(data["alias_defaults"]),
            words=dict(data["words"]),
        )

    # -- questions ----------------------------------------------------------------------

    def wordset(self, key: str) -> frozenset[str]:
        """A lowercase word class from ``lexicon.json`` (empty if unknown)."""
        return self._sets.get(key, frozenset())

    def state_of_form(self, text: str) -> str | None:
        """The state a one-word name or demonym adjective names ("Philippine"), else None."""
        return self._state_forms.get(text)

    def has_word(self, key: str, word: str) -> bool:
        """Whether ``word`` (any case) is in the word class ``key``."""
        return word.lower() in self._sets.get(key, frozenset())

    def title_role(self, text: str) -> str | None:
        """The canonical role of a title or role noun ("Foreign Minister", "tsar"), else None.

        Matching is case-insensitive on the whole text; plurals are not titles.
        """
        return self._titles.get(" ".join(text.lower().split()))

    def is_title_word(self, word: str) -> bool:
        """Whether a single word is a title/role noun ("president", "King", "FM")."""
        return word.lower() in self._titles

    @property
    def max_title_words(self) -> int:
        """The longest title in words (for scanning token windows)."""
        return self._max_title_words

    def country(self, name: str) -> CountryInfo | None:
        """Country info by canonical name."""
        return self.countries.get(name)

    def leader(self, name: str) -> LeaderInfo | None:
        """Leader info by canonical name (also its ASCII-folded form)."""
        info = self.leaders.get(name)
        if info is None:
            ids = self._leader_forms.get(name, ())
            if len(ids) == 1 and ascii_name(ids[0]) == name:
                info = self.leaders.get(ids[0])
        return info

    def leader_ids(self, surface: str) -> tuple[str, ...]:
        """The listed leaders a surface form can name ("Zelenskyy" -> Volodymyr Zelensky).

        Looks up the list's aliases and canonical names, as written and folded to ASCII.
        """
        return self._leader_forms.get(surface) or self._leader_forms.get(ascii_name(surface), ())


@lru_cache(maxsize=1)
def default_lexicons() -> Lexicons:
    """The shipped lexicons (cached; treat as read-only)."""
    return Lexicons.from_files()
