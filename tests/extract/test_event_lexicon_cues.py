"""Event lexicon rows become ordinary cue entries (model-free)."""

from __future__ import annotations

from pathlib import Path

import pytest

from geokg.errors import ConfigError
from geokg.extract.relations.event_lexicon import COLUMNS, cue_entries, read_rows
from geokg.extract.relations.lexicon import DEFAULT_PATTERNS_DIR, RelationLexicon


def row(rtype: str, pos: str, lemma: str, preps: str = "", note: str = "") -> dict[str, str]:
    return dict(
        zip(COLUMNS, (rtype, pos, lemma, preps, "", "163", "cameo-verbs", note), strict=True)
    )


def test_event_lexicon_verb_targets_object_and_prepositions() -> None:
    (entry,) = cue_entries([row("SANCTIONS", "verb", "embargo", "dobj,on")], covered=set())
    assert entry["pos"] == "verb"
    assert entry["target"] == ["dobj", "prep:on"]
    assert entry["source"] == "event_lexicon.tsv (cameo-verbs)"


def test_event_lexicon_noun_needs_a_target_or_support_verb() -> None:
    (entry,) = cue_entries([row("SANCTIONS", "noun", "embargo", "on,against")], covered=set())
    assert entry["target"] == ["prep:on", "prep:against"]
    assert entry["requires_target_or_light"] is True


def test_event_lexicon_hand_written_entries_win() -> None:
    rows = [row("ATTACKS", "verb", "shell"), row("ATTACKS", "verb", "raze")]
    entries = cue_entries(rows, covered={("verb", "shell")})
    assert [e["lemmas"] for e in entries] == [["raze"]]


@pytest.mark.parametrize("note", ["weak: needs context", "ambiguous: strike a deal"])
def test_event_lexicon_weak_and_ambiguous_rows_are_left_out(note: str) -> None:
    assert cue_entries([row("ATTACKS", "verb", "strike", note=note)], covered=set()) == []


def test_event_lexicon_leads_rows_are_left_to_the_title_rules() -> None:
    assert cue_entries([row("LEADS", "noun", "president", "of")], covered=set()) == []


def test_event_lexicon_notes_set_direction_and_status() -> None:
    rows = [
        row("SUPPORTS", "verb", "receive", "from", note="reverse: receive aid from"),
        row("MEETS", "verb", "parley", "with", note="mutual"),
        row("MEMBER_OF", "noun", "accession", "to", note="status=applicant"),
    ]
    receive, parley, accession = cue_entries(rows, covered=set())
    assert receive["reverse"] is True
    assert parley["mutual"] is True
    assert accession["status"] == "applicant"
    assert accession["target_labels"] == ["Organization"]


@pytest.mark.parametrize(
    "lemma,preps,expected",
    [
        ("push back", "against", {"particle": ["back"], "target": ["prep:against"]}),
        ("side with", "", {"target": ["prep:with"]}),
    ],
)
def test_event_lexicon_phrases(lemma: str, preps: str, expected: dict[str, list[str]]) -> None:
    (entry,) = cue_entries([row("OPPOSES", "phrase", lemma, preps)], covered=set())
    assert entry["pos"] == "verb"
    for key, value in expected.items():
        assert entry[key] == value


def test_event_lexicon_phrase_with_a_noun_object_is_left_to_the_noun() -> None:
    assert cue_entries([row("MEETS", "phrase", "hold talks", "with")], covered=set()) == []


def test_event_lexicon_read_rows_rejects_a_bad_header(tmp_path: Path) -> None:
    bad = tmp_path / "event_lexicon.tsv"
    bad.write_text("type\tlemma\nATTACKS\tshell\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="header"):
        read_rows(bad)


def test_event_lexicon_read_rows_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "event_lexicon.tsv"
    bad.write_text("\t".join(COLUMNS) + "\nATTACKS\tverb\tshell\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 2"):
        read_rows(bad)


def test_event_lexicon_loaded_with_the_packaged_rules(tmp_path: Path) -> None:
    lex = RelationLexicon.from_dir(DEFAULT_PATTERNS_DIR)
    generated = [c for c in lex.cues if c.id.startswith("lex.")]
    assert generated
    assert all(c.source.startswith("event_lexicon.tsv") for c in generated)
    lex.to_dir(tmp_path)
    again = RelationLexicon.from_dir(tmp_path)
    assert [c.id for c in again.cues] == [c.id for c in lex.cues]
