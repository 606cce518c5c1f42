"""The sourced event lexicon (``patterns/relations/event_lexicon.tsv``): shape, coverage, sources.

The file is data for the relation rules: one cue a row (type, part of speech, lemma, the
prepositions that introduce the patient, the light verbs that make a noun an event, the CAMEO
code or PLOVER class it comes from, the source, a note). These tests check that it parses,
that every relation type is covered, that every column holds a valid value, that no cue is
listed twice and that every row names a documented source whose claim can be checked here.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from geokg.schema import RelationType

REPO = Path(__file__).resolve().parents[2]
PATTERNS = REPO / "geokg" / "extract" / "patterns" / "relations"
LEXICON = PATTERNS / "event_lexicon.tsv"
SOURCES_MD = PATTERNS / "SOURCES.md"

COLUMNS = [
    "type",
    "pos",
    "lemma",
    "patient_preps",
    "light_verbs",
    "cameo",
    "source",
    "note",
]
POS = {"verb", "phrase", "noun", "adj"}
SOURCES = {
    "cameo-verbs",
    "cameo-codebook",
    "cameo-agents",
    "plover-codebook",
    "schema",
    "issue-13",
    "news-usage",
}
# "dobj" marks a cue whose patient is the direct object as well as a prepositional object.
PREPOSITIONS = {
    "dobj",
    "about",
    "against",
    "along",
    "among",
    "around",
    "as",
    "at",
    "between",
    "by",
    "for",
    "from",
    "in",
    "into",
    "near",
    "of",
    "on",
    "out of",
    "over",
    "to",
    "toward",
    "towards",
    "upon",
    "with",
}
# CAMEO roots each type may come from (the mapping SOURCES.md documents).
CAMEO_ROOTS: dict[str, tuple[str, ...]] = {
    "PARTNERS_WITH": ("03", "05", "06"),
    "MEETS": ("04", "036"),
    "AGREES_WITH": ("03", "050", "057", "0871"),
    "TRADES_WITH": ("060", "061"),
    "SUPPORTS": ("03", "05", "061", "062", "07"),
    "RECOGNIZES": ("051", "054"),
    "OPPOSES": ("11", "12", "14", "160"),
    "CRITICIZES": ("11",),
    "THREATENS": ("13", "15"),
    "SANCTIONS": ("085", "1312", "16", "17", "191"),
    "BREAKS_WITH": ("16",),
    "ATTACKS": ("176", "18", "19", "20"),
    "INVADES": ("1382", "192"),
    "ANNEXES": ("171", "192"),
    "BETRAYS": ("12", "160"),
    "LEADS": (),
    "MEMBER_OF": ("054",),
}
PLOVER_CLASSES: dict[str, set[str]] = {
    "ATTACKS": {"ASSAULT", "COERCE"},
    "INVADES": {"COERCE", "ASSAULT"},
    "ANNEXES": {"COERCE"},
    "SANCTIONS": {"SANCTION", "COERCE"},
    "BREAKS_WITH": {"SANCTION"},
    "BETRAYS": {"SANCTION", "REJECT"},
    "THREATENS": {"THREATEN", "MOBILIZE"},
    "CRITICIZES": {"ACCUSE"},
    "OPPOSES": {"REJECT", "PROTEST"},
    "RECOGNIZES": {"SUPPORT"},
    "SUPPORTS": {"SUPPORT", "AID"},
    "TRADES_WITH": {"COOPERATE"},
    "AGREES_WITH": {"AGREE", "SUPPORT"},
    "MEETS": {"CONSULT"},
    "PARTNERS_WITH": {"COOPERATE", "SUPPORT"},
    "LEADS": set(),
    "MEMBER_OF": set(),
}
STRUCTURAL = {"LEADS", "MEMBER_OF"}
STATUSES = {"member", "applicant", "former"}
VIA = re.compile(r"source via '([^']+)' \((\w+) (\w+)\)")


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Parse the TSV strictly: tab-separated, no quoting, one header row."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        assert len(fields) == len(header), f"{path.name}:{number}: {len(fields)} fields"
        rows.append(dict(zip(header, fields, strict=True)) | {"line": str(number)})
    return header, rows


HEADER, ROWS = _read(LEXICON)


def _where(row: dict[str, str]) -> str:
    return f"{LEXICON.name}:{row['line']} {row['type']} {row['pos']} {row['lemma']!r}"


def _shared_unlabeled() -> Path | None:
    """The unlabeled VOA corpus beside the checkout (main) or beside the worktrees."""
    for base in (REPO.parent, REPO.parent.parent):
        folder = base / "shared" / "voa" / "unlabeled"
        if folder.is_dir():
            return folder
    return None


def _forms(word: str) -> set[str]:
    """Regular inflections of one lemma word (enough to find it in running text)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgmnprt]$", word):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def _occurs(lemma: str, text: str) -> bool:
    """Whether the lemma (each word inflected, up to three words between) occurs in text."""
    alternatives = ["(?:" + "|".join(map(re.escape, _forms(w))) + ")" for w in lemma.split()]
    pattern = r"\b" + r"\b(?:\s+\S+){0,3}?\s+".join(alternatives) + r"\b"
    return re.search(pattern, text) is not None


def test_event_lexicon_header_is_the_documented_columns() -> None:
    assert HEADER == COLUMNS


def test_event_lexicon_size_is_in_the_target_range() -> None:
    assert 400 <= len(ROWS) <= 900


def test_event_lexicon_types_are_schema_types() -> None:
    bad = [_where(r) for r in ROWS if r["type"] not in set(RelationType)]
    assert bad == []


def test_event_lexicon_covers_every_relation_type() -> None:
    counts = Counter(r["type"] for r in ROWS)
    assert set(counts) == {t.value for t in RelationType}
    assert min(counts.values()) >= 10


@pytest.mark.parametrize("rtype", sorted(t.value for t in RelationType if t not in STRUCTURAL))
def test_event_lexicon_event_type_has_verbal_and_nominal_cues(rtype: str) -> None:
    kinds = {r["pos"] for r in ROWS if r["type"] == rtype}
    assert kinds & {"verb", "phrase"}
    assert "noun" in kinds


def test_event_lexicon_structural_types_are_nouns_or_participles() -> None:
    bad = [_where(r) for r in ROWS if r["type"] in STRUCTURAL and r["pos"] not in {"noun", "adj"}]
    assert bad == []


def test_event_lexicon_pos_is_valid() -> None:
    bad = [_where(r) for r in ROWS if r["pos"] not in POS]
    assert bad == []


def test_event_lexicon_lemmas_are_normalised() -> None:
    bad = [
        _where(r)
        for r in ROWS
        if r["lemma"] != r["lemma"].strip().lower()
        or "  " in r["lemma"]
        or not re.fullmatch(r"[a-z][a-z' \-]*[a-z]", r["lemma"])
    ]
    assert bad == []


def test_event_lexicon_phrases_have_several_words_and_verbs_one() -> None:
    bad = [
        _where(r)
        for r in ROWS
        if (r["pos"] == "phrase" and " " not in r["lemma"])
        or (r["pos"] == "verb" and " " in r["lemma"])
    ]
    assert bad == []


def test_event_lexicon_patient_prepositions_are_known() -> None:
    bad = [
        _where(r) + f" {p!r}"
        for r in ROWS
        for p in r["patient_preps"].split(",")
        if r["patient_preps"] and p not in PREPOSITIONS
    ]
    assert bad == []


def test_event_lexicon_light_verbs_only_on_nouns() -> None:
    bad = [_where(r) for r in ROWS if r["light_verbs"] and r["pos"] != "noun"]
    assert bad == []


def test_event_lexicon_light_verbs_are_lowercase_verbs() -> None:
    bad = [
        _where(r) + f" {v!r}"
        for r in ROWS
        for v in r["light_verbs"].split(",")
        if r["light_verbs"] and not re.fullmatch(r"[a-z]+( [a-z]+)?", v)
    ]
    assert bad == []


def test_event_lexicon_cameo_codes_belong_to_the_type() -> None:
    bad = []
    for r in ROWS:
        code, rtype = r["cameo"], r["type"]
        if code.isdigit():
            ok = 2 <= len(code) <= 4 and code.startswith(CAMEO_ROOTS[rtype])
        elif code.isupper() and code in PLOVER_CLASSES[rtype]:
            ok = True
        else:  # actor and agent codes describe the roles of the structural types
            agent = code == "actor" or re.fullmatch(r"[A-Z]{3,6}", code) is not None
            ok = rtype in STRUCTURAL and agent
        if not ok:
            bad.append(_where(r) + f" {code!r}")
    assert bad == []


def test_event_lexicon_every_row_has_a_known_source() -> None:
    bad = [_where(r) for r in ROWS if r["source"] not in SOURCES]
    assert bad == []


def test_event_lexicon_every_source_is_documented() -> None:
    text = SOURCES_MD.read_text(encoding="utf-8")
    missing = [s for s in sorted(SOURCES) if f"`{s}`" not in text]
    assert missing == []


def test_event_lexicon_has_no_duplicate_cues() -> None:
    keys = Counter((r["type"], r["pos"], r["lemma"]) for r in ROWS)
    assert [k for k, n in keys.items() if n > 1] == []


def test_event_lexicon_rows_sourced_via_another_row_share_its_source() -> None:
    index = {(r["type"], r["pos"], r["lemma"]): r for r in ROWS}
    bad = []
    for r in ROWS:
        for lemma, rtype, pos in VIA.findall(r["note"]):
            base = index.get((rtype, pos, lemma))
            if base is None or base["source"] != r["source"] or base is r:
                bad.append(_where(r))
    assert bad == []


def test_event_lexicon_member_of_rows_name_a_status() -> None:
    bad = [
        _where(r)
        for r in ROWS
        if r["type"] == "MEMBER_OF" and not set(re.findall(r"=(\w+)", r["note"])) & STATUSES
    ]
    assert bad == []


def test_event_lexicon_reverse_cues_name_the_agent_preposition() -> None:
    bad = [
        _where(r)
        for r in ROWS
        if r["note"].startswith("reverse") and r["pos"] == "verb" and not r["patient_preps"]
    ]
    assert bad == []


def test_event_lexicon_notes_are_plain_text() -> None:
    bad = [_where(r) for r in ROWS if r["note"].startswith('"') or r["note"] != r["note"].strip()]
    assert bad == []


def test_event_lexicon_news_usage_rows_occur_in_the_unlabeled_corpus() -> None:
    folder = _shared_unlabeled()
    if folder is None:
        pytest.skip("../shared/voa/unlabeled is not present")
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))).lower()
    # A row sourced via another row inherits that row's evidence (checked on the base row).
    missing = [
        _where(r)
        for r in ROWS
        if r["source"] == "news-usage"
        and not VIA.search(r["note"])
        and not _occurs(r["lemma"], text)
    ]
    assert missing == []


@pytest.mark.parametrize(
    "lemma,text,expected",
    [
        ("sanction", "canada sanctioned belarus", True),
        ("cut ties", "kenya cut its diplomatic ties with the junta", True),
        ("cut ties", "ties were cut", False),
        ("ally", "the allies met", True),
        ("ban", "a banner", False),
    ],
)
def test_event_lexicon_occurrence_check_matches_inflections(
    lemma: str, text: str, expected: bool
) -> None:
    assert _occurs(lemma, text) is expected
