"""The queries behind ``geokg show`` (``profile``, ``profile_relations``, ``profile_evidence``)
and :func:`geokg.cli.show.build_profile`, on the sample corpus with dated documents, in the REAL
embedded FalkorDB."""

from __future__ import annotations

from typing import Any

import pytest

from geokg.cli.show import build_profile
from geokg.errors import ConfigError
from geokg.graph.build import GraphBatch
from geokg.graph.falkor import FalkorStore
from geokg.graph.queries import run_query

from .conftest import DOC_A, DOC_B, batch_of


@pytest.fixture()
def dated(store: FalkorStore) -> FalkorStore:
    """The sample corpus with a.txt dated 2014-03-18 and b.txt undated."""
    batch = batch_of(("a.txt", DOC_A), ("b.txt", DOC_B))
    docs = [
        d.model_copy(update={"date": "2014-03-18", "title": "A"}) if d.name == "a.txt" else d
        for d in batch.documents
    ]
    dated_ids = {d.id for d in docs if d.date is not None}
    mentions = [
        m.model_copy(update={"doc_date": "2014-03-18"}) if m.doc_id in dated_ids else m
        for m in batch.mentions
    ]
    store.load(
        GraphBatch(
            documents=docs,
            sentences=batch.sentences,
            entities=batch.entities,
            relations=batch.relations,
            mentions=mentions,
        )
    )
    return store


def _rows(store: FalkorStore, query: str, /, **params: Any) -> list[dict[str, Any]]:
    return run_query(store, query, params).records()


def test_profile_finds_the_actor_by_alias(dated: FalkorStore) -> None:
    (row,) = _rows(dated, "profile", name="moscow")
    assert row["name"] == "Russia"
    assert row["labels"] == ["Country"]
    assert "Moscow" in row["aliases"]
    assert row["sentences"] == 8  # the sentences of both documents that name Russia


def test_profile_relations_have_direction_and_counts(dated: FalkorStore) -> None:
    rows = _rows(dated, "profile_relations", name="Russia")
    got = {(r["type"], r["direction"], r["other"]): r["mentions"] for r in rows}
    assert got[("SUPPORTS", "out", "Syria")] == 1
    assert got[("SANCTIONS", "in", "European Union")] == 1
    assert got[("LEADS", "in", "Vladimir Putin")] == 1
    assert got[("ANNEXES", "out", "Crimea")] == 1


def test_profile_evidence_newest_first_undated_last(dated: FalkorStore) -> None:
    rows = _rows(dated, "profile_evidence", name="Russia", limit=20)
    dates = [r["date"] for r in rows]
    assert dates[0] == "2014-03-18"
    assert None in dates
    assert dates.index(None) > max(i for i, d in enumerate(dates) if d is not None)
    annexed = [r for r in rows if "annexed Crimea" in r["sentence"]]
    assert annexed[0]["document"] == "a.txt"
    assert set(annexed[0]["others"]) == {"Crimea", "European Union"}


def test_profile_evidence_limit(dated: FalkorStore) -> None:
    assert len(_rows(dated, "profile_evidence", name="Russia", limit=2)) == 2


def test_build_profile_partners_opponents_roles(dated: FalkorStore) -> None:
    profile = build_profile(dated, "Moscow", limit=10)
    assert profile.name == "Russia"
    partners = {p["name"]: p for p in profile.partners}
    opponents = {o["name"]: o for o in profile.opponents}
    assert set(partners["Turkey"]["types"]) == {"PARTNERS_WITH", "AGREES_WITH"}
    assert partners["Turkey"]["mentions"] == 2
    assert "Syria" in partners
    assert opponents["Turkey"]["mentions"] == 3  # OPPOSES, BETRAYS, CRITICIZES (in)
    assert "Syria" not in opponents
    assert {"role": "led by", "type": "LEADS", "other": "Vladimir Putin", "mentions": 1} in (
        profile.roles
    )
    assert profile.evidence[0]["date"] == "2014-03-18"


def test_build_profile_limit_applies_to_every_section(dated: FalkorStore) -> None:
    profile = build_profile(dated, "Russia", limit=1)
    assert len(profile.partners) == 1
    assert len(profile.opponents) == 1
    assert len(profile.evidence) == 1


def test_build_profile_of_an_unknown_actor(dated: FalkorStore) -> None:
    with pytest.raises(ConfigError, match="no actor named 'Atlantis'"):
        build_profile(dated, "Atlantis")
