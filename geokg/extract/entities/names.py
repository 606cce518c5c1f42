"""Name normalisation and person-alias merging, shared by the entity component and coref.

spaCy-free: works on strings, so :mod:`geokg.extract.coref` can run it on records.

A short form merges into a longer name when its words are a subsequence of the longer name's
words ending in the same surname ("Putin" -> "Vladimir Putin", "Tayyip Erdogan" ->
"Recep Tayyip Erdogan"). Two different full names that share a surname ("Ilham Aliyev",
"Heydar Aliyev") never merge with each other; a bare surname shared by both goes to the full
name mentioned most recently before it (else the first after it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "NAME_PARTICLES",
    "PersonMention",
    "american_spelling",
    "ascii_name",
    "fold",
    "is_short_form",
    "merge_people",
    "name_words",
    "spelled_out",
]

NAME_PARTICLES = frozenset(
    {
        "al",
        "el",
        "bin",
        "ibn",
        "ben",
        "de",
        "da",
        "di",
        "del",
        "von",
        "van",
        "der",
        "den",
        "la",
        "le",
        "du",
        "abu",
        "bint",
        "ul",
        "ud",
        "ur",
        "ar",
    }
)
_SPLIT = re.compile(r"[\s\-‐‑–]+")
_SPELLING = (
    (re.compile(r"\bOrganisation\b"), "Organization"),
    (re.compile(r"\borganisation\b"), "organization"),
    (re.compile(r"\bProgramme\b"), "Program"),
)


def fold(text: str) -> str:
    """Lowercase ASCII fold ("Erdoğan" -> "erdogan")."""
    norm = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in norm if not unicodedata.combining(ch)).lower().replace("’", "'")


def ascii_name(text: str) -> str:
    """A name folded to ASCII, case kept ("François Mitterrand" -> "Francois Mitterrand").

    SCHEMA writes people's names without diacritics ("Recep Tayyip Erdogan"); letters with no
    ASCII decomposition (e.g. "ı", "ø") are kept.
    """
    norm = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return unicodedata.normalize("NFC", "".join(ch for ch in norm if not unicodedata.combining(ch)))


@lru_cache(maxsize=4096)
def name_words(name: str) -> tuple[str, ...]:
    """The folded words of a person name without particles ("Bashar al-Assad" -> bashar, assad)."""
    words = [w.strip(".,'") for w in _SPLIT.split(fold(name))]
    return tuple(w for w in words if w and w not in NAME_PARTICLES)


def is_short_form(short: str, full: str) -> bool:
    """Whether ``short`` can be a short form of ``full`` (same surname, words in order)."""
    s, f = name_words(short), name_words(full)
    if not s or len(s) >= len(f) or s[-1] != f[-1]:
        return False
    it = iter(f)
    return all(w in it for w in s)


def _given_name_hosts(short: str, fulls: list[str]) -> list[str]:
    """The one full name whose first word a one-word mention is ("Mahathir" for "Mahathir
    Mohamad", "Kim" for "Kim Jong Un": names used by their first word), where no full name of
    the document ends with that word and no second one starts with it."""
    words = name_words(short)
    if len(words) != 1:
        return []
    starts = [f for f in fulls if len(name_words(f)) > 1 and name_words(f)[0] == words[0]]
    ends = [f for f in fulls if len(name_words(f)) > 1 and name_words(f)[-1] == words[0]]
    return starts if len(starts) == 1 and not ends else []


def spelled_out(name: str, listed: str) -> bool:
    """Whether the text's ``name`` spells out a person rather than shortening the listed name.

    Two name words or more that are not a strict short form of the list's name ("Nicolas
    Sarkosy", "Ilham Aliev", "J.D. Vance") are spelled out; "Putin", "de Klerk" and
    "Tayyip Erdogan" (for "Recep Tayyip Erdogan") are short forms.
    """
    return len(name_words(name)) >= 2 and not is_short_form(name, listed)


def american_spelling(name: str) -> str:
    """Organization names in American spelling ("Organisation" -> "Organization")."""
    for pattern, repl in _SPELLING:
        name = pattern.sub(repl, name)
    return name


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person name at a position in a document (position orders mentions)."""

    name: str
    position: int


def merge_people(
    mentions: Sequence[PersonMention],
    *,
    canonical: dict[str, str] | None = None,
) -> dict[int, str]:
    """Map each mention (by index) to the fullest name of its person in the document.

    Args:
        mentions: Person mentions in any order.
        canonical: Optional known full names for names (e.g. gazetteer: "Putin" ->
            "Vladimir Putin"); a mention whose fullest document name has an entry takes it.

    Returns:
        Index in ``mentions`` -> resolved name.
    """
    canonical = canonical or {}
    names = sorted({m.name for m in mentions}, key=lambda n: -len(name_words(n)))
    # The full names: not a short form of any other name in the document.
    fulls = [n for n in names if not any(is_short_form(n, o) for o in names if o != n)]
    multi = [f for f in fulls if len(name_words(f)) > 1]
    fulls = [f for f in fulls if f in multi or not _given_name_hosts(f, multi)]
    first_pos: dict[str, list[int]] = {}
    for m in mentions:
        first_pos.setdefault(m.name, []).append(m.position)
    out: dict[int, str] = {}
    for i, m in enumerate(mentions):
        if m.name in fulls:
            target = m.name
        else:
            hosts = [f for f in fulls if is_short_form(m.name, f)] or _given_name_hosts(
                m.name, fulls
            )
            if not hosts:
                target = m.name
            elif len(hosts) == 1:
                target = hosts[0]
            else:
                before = [
                    (max(p for p in first_pos[h] if p <= m.position), h)
                    for h in hosts
                    if any(p <= m.position for p in first_pos[h])
                ]
                first_after = min((min(first_pos[h]), h) for h in hosts)[1]
                target = max(before)[1] if before else first_after
        out[i] = canonical.get(target, target)
    return out
