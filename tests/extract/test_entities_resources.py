"""The entity resources hold real names only: no misspelling or form copied from an evaluation file.

Every surface form in ``geokg/extract/resources`` and ``patterns/entities.jsonl`` must have an
outside source (pycountry, the reference lists in ``resources/README.md``, spellings news text
uses). The forms below were removed because they existed only because an evaluation file
(a benchmark or gold text) spelled a name so; they must not come back.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from geokg.extract.entities.lexicon import PATTERNS_PATH, RESOURCES_DIR, default_lexicons

# Misspellings of real names (the correct spelling stays in the resources).
REMOVED_MISSPELLINGS = (
    "Afganistan",
    "Ethopia",
    "Quatar",
    "Phillippines",
    "Bosnia-Herzogovina",
    "Khatmandu",
    "Bouteflicka",
    "Abdelaziz Bouteflicka",
)
# Forms no reference lists as a name: a descriptive phrase or a lower-case generic noun phrase.
REMOVED_DESCRIPTIONS = (
    "Eurasian supercontinent",
    "Crimea Tatars",
    "European common market",
    "common market",
)
REMOVED = REMOVED_MISSPELLINGS + REMOVED_DESCRIPTIONS


def _variants(form: str) -> set[str]:
    """The form and the typographic variants the build adds (upper case only for names)."""
    out = {form, f"the {form}"}
    if form in REMOVED_MISSPELLINGS:
        out.add(form.upper())
    return out


RESOURCE_FILES = [
    *sorted(p for p in RESOURCES_DIR.iterdir() if p.suffix in (".tsv", ".jsonl", ".json")),
    PATTERNS_PATH,
]


def _forms(path: Path) -> set[str]:
    """Every name-like cell of a resource file (tab, semicolon or JSON string separated)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".json", ".jsonl"):
        cells = re.findall(r'"((?:[^"\\]|\\.)*)"', text)
        cells = [json.loads(f'"{c}"') for c in cells]
    else:
        cells = re.split(r"[\t;\n]", text)
    return {c.strip().lstrip("!") for c in cells if c.strip()}


@pytest.mark.parametrize("path", RESOURCE_FILES, ids=lambda p: p.name)
def test_entities_resources_hold_no_removed_form(path: Path) -> None:
    forms = _forms(path)
    back = [r for r in REMOVED if _variants(r) & forms]
    assert back == [], f"{path.name} lists forms removed as evaluation-only: {back}"


@pytest.mark.parametrize("form", REMOVED)
def test_entities_lexicon_does_not_resolve_removed_form(form: str) -> None:
    lex = default_lexicons()
    assert all(p.pattern not in _variants(form) for p in lex.patterns)
    assert lex.leader_ids(form) == ()


@pytest.mark.parametrize(
    ("form", "target"),
    [
        ("Afghanistan", "Afghanistan"),
        ("Ethiopia", "Ethiopia"),
        ("Qatar", "Qatar"),
        ("Philippines", "Philippines"),
        ("Bosnia-Herzegovina", "Bosnia and Herzegovina"),
        ("Kathmandu", "Nepal"),
        ("Crimean Tatars", "Crimean Tatars"),
        ("Common Market", "European Community"),
    ],
)
def test_entities_lexicon_keeps_real_spelling(form: str, target: str) -> None:
    lex = default_lexicons()
    assert any(p.pattern == form and p.id == target for p in lex.patterns)


def test_entities_lexicon_keeps_leader_surname() -> None:
    assert default_lexicons().leader_ids("Bouteflika") == ("Abdelaziz Bouteflika",)
