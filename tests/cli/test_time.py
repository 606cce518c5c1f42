"""Questions of change end to end: ``geokg build`` on constructed text dated by a ``--meta``
file, then ``geokg query shifts``, ``timeline`` and ``evidence`` with date bounds."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from geokg.cli import app
from tests.cli.cliutil import read_graph_at, short_tmp

pytestmark = pytest.mark.model

# Constructed: Turkey cooperates with Russia in 2019 and turns against it in 2024; one more
# document has no date and must not count in any dated answer.
_DOCS = {
    "deal.txt": "Turkey signed an agreement with Russia. Russia supports Turkey.",
    "rift.txt": "Turkey condemned Russia. Turkey imposed sanctions on Russia.",
    "undated.txt": "Turkey signed an agreement with Russia.",
}
_META = "file,date,title\ndeal.txt,2019-05-02,Deal\nrift.txt,2024-02-03,Rift\n"


def invoke(*args: str | Path) -> Any:
    """Run ``geokg ARGS`` in process."""
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def built() -> Iterator[Path]:
    """The database folder after ``geokg build news --meta meta.csv``."""
    with short_tmp("gktime") as root:
        news = root / "news"
        news.mkdir()
        for name, text in _DOCS.items():
            (news / name).write_text(text + "\n", encoding="utf-8")
        (root / "meta.csv").write_text(_META, encoding="utf-8")
        result = invoke("build", news, "--meta", root / "meta.csv", "--db-dir", root / "db")
        assert result.exit_code == 0, result.stderr
        yield root / "db"


def _json(*args: str | Path) -> Any:
    result = invoke(*args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_time_build_dates_relationships_from_the_meta_file(built: Path) -> None:
    relations = read_graph_at(built)["relations"]
    agrees = [r["props"] for r in relations if r["type"] == "AGREES_WITH"]
    assert len(agrees) == 1
    assert agrees[0]["mentions"] == 2  # the undated document's mention counts here ...
    assert agrees[0]["doc_years"] == [2019]  # ... but in no year
    assert agrees[0]["doc_year_counts"] == [1]
    assert (agrees[0]["first_date"], agrees[0]["last_date"]) == ("2019-05-02", "2019-05-02")


def test_time_shifts_from_2019_to_2025_returns_the_turn(built: Path) -> None:
    rows = _json("query", "shifts", "--param", "from=2019", "--param", "to=2025", "--db-dir", built)
    turn = [r for r in rows if {r["actor_a"], r["actor_b"]} == {"Russia", "Turkey"}]
    assert len(turn) == 1
    assert turn[0]["shift"] == "toward conflict"
    assert turn[0]["a_balance"] > 0 > turn[0]["b_balance"]


def test_time_evidence_of_the_turn_is_a_query_away(built: Path) -> None:
    timeline = _json("query", "timeline", "-p", "a=Turkey", "-p", "b=Russia", "--db-dir", built)
    assert {r["period"] for r in timeline} == {"2019", "2024"}
    rows = _json(
        "query", "evidence", "-p", "source=Turkey", "-p", "target=Russia", "--since", "2024",
        "--db-dir", built,
    )  # fmt: skip
    assert rows
    assert {(r["document"], r["date"]) for r in rows} == {("rift.txt", "2024-02-03")}
