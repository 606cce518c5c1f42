"""The self-contained HTML view: data, styling rules, selection, safety and the CLI step."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from geokg.cli._common import fail_on_error
from geokg.cli.html_export import FOCUS_OPTION, HOPS_OPTION, TYPES_OPTION, export_html
from geokg.errors import ConfigError
from geokg.graph.build import GraphBatch, GraphBuilder
from geokg.graph.html_view import (
    POLARITY_COLORS,
    graph_from_batch,
    parse_types,
    read_graph_from_store,
    render_html,
    select_subgraph,
    view_data,
    write_html,
)
from geokg.schema import (
    DocumentRecord,
    EntityLabel,
    EntityMention,
    Modality,
    RelationMention,
    RelationType,
    SentenceRecord,
    TextSpan,
    entity_id,
    sentence_id,
)

DOC = "002_sample.txt"
HOSTILE = '</script><script>alert("x")</script> <!-- @@SCRIPT@@ & <link href="https://e.x/a.css">'

ENTITIES: list[tuple[str, str, list[str]]] = [
    ("Country", "Russia", ["Moscow", "the Kremlin"]),
    ("Country", "Turkey", ["Ankara"]),
    ("Country", "Syria", []),
    ("Country", "Armenia", []),
    ("Country", "Ukraine", []),
    ("Leader", "Vladimir Putin", ["Putin"]),
    ("Organization", "NATO", []),
    ("Place", "Crimea", []),
    ("Group", "Kurds", []),
]

# (source, type, target, options); every row is one mention in its own sentence.
MENTIONS: list[tuple[str, RelationType, str, dict[str, Any]]] = [
    ("Russia", RelationType.OPPOSES, "Turkey", {"year": 2015}),
    ("Turkey", RelationType.OPPOSES, "Russia", {}),
    ("Russia", RelationType.MEETS, "Turkey", {"year": 2016}),
    ("Russia", RelationType.SUPPORTS, "Syria", {}),
    ("Russia", RelationType.SUPPORTS, "Syria", {}),
    ("Russia", RelationType.SUPPORTS, "Syria", {"modality": Modality.HEDGED}),
    ("Russia", RelationType.INVADES, "Ukraine", {"year": 2022}),
    ("Russia", RelationType.ANNEXES, "Crimea", {"year": 2014}),
    ("Vladimir Putin", RelationType.LEADS, "Russia", {"role": "President"}),
    ("Turkey", RelationType.MEMBER_OF, "NATO", {}),
    ("Russia", RelationType.BETRAYS, "Armenia", {"modality": Modality.HEDGED}),
    ("Russia", RelationType.SUPPORTS, "Armenia", {"negated": True}),
    ("Turkey", RelationType.ATTACKS, "Kurds", {}),
]


def _label(name: str) -> str:
    return next(label for label, n, _ in ENTITIES if n == name)


def sample_batch(hostile: bool = False) -> GraphBatch:
    """A small hand-made graph: every relation type family, hedged and negated mentions."""
    b = GraphBuilder()
    b.add_document(DocumentRecord(id="doc:2", name=DOC, chars=5000, sha1="0" * 40))
    for label, name, aliases in ENTITIES:
        for text in [name, *aliases]:
            b.add_entity(
                EntityMention(
                    doc=DOC,
                    name=name,
                    label=EntityLabel(label),
                    start=0,
                    end=len(text),
                    text=text,
                    id=entity_id(label, name),
                )
            )
    for i, (source, rtype, target, options) in enumerate(MENTIONS):
        text = f"Sentence {i}: {source} {rtype.value.lower()} {target}."
        if hostile and i == 0:
            text += " " + HOSTILE
        start = 100 * i
        b.add_relation(
            RelationMention(
                doc=DOC,
                source=source,
                source_id=entity_id(_label(source), source),
                source_label=EntityLabel(_label(source)),
                type=rtype,
                target=target,
                target_id=entity_id(_label(target), target),
                target_label=EntityLabel(_label(target)),
                sentence=TextSpan(start=start, end=start + len(text), text=text),
                trigger=TextSpan(start=start + 1, end=start + 4, text="cue"),
                rule="test.v1",
                confidence=0.9,
                **options,
            )
        )
        b.add_sentence(
            SentenceRecord(
                id=sentence_id(DOC, start, start + len(text)),
                doc=DOC,
                doc_id="doc:2",
                start=start,
                end=start + len(text),
                text=text,
            )
        )
    return b.batch()


def page_data(page: str) -> dict[str, Any]:
    """The JSON the page embeds, read back."""
    m = re.search(r'<script type="application/json" id="geokg-data">(.*?)</script>', page, re.S)
    assert m is not None
    data: dict[str, Any] = json.loads(m.group(1))
    return data


def rel_by_key(data: dict[str, Any], source: str, rtype: str, target: str) -> dict[str, Any]:
    key = f"{source}|{rtype}|{target}"
    found: list[dict[str, Any]] = [r for r in data["relationships"] if r["key"] == key]
    assert len(found) == 1, key
    return found[0]


@pytest.fixture()
def batch() -> GraphBatch:
    return sample_batch()


def test_html_view_page_is_self_contained(batch: GraphBatch) -> None:
    page = render_html(batch)
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"<(img|iframe|embed|object|audio|video|source)\b", page, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", page, re.I)
    assert "default-src 'none'" in page  # the browser may fetch nothing at all
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", page))
    assert urls <= {"http://www.w3.org/2000/svg"}  # the SVG namespace is a name, not a fetch


def test_html_view_embeds_every_node_relationship_and_sentence(batch: GraphBatch) -> None:
    data = page_data(render_html(batch))
    assert len(data["nodes"]) == len(ENTITIES)
    assert len(data["relationships"]) == len(batch.relations)
    assert len(data["sentences"]) == len(MENTIONS)
    assert data["documents"] == 1


def test_html_view_relationship_carries_its_evidence(batch: GraphBatch) -> None:
    data = page_data(render_html(batch))
    rel = rel_by_key(data, "country:russia", "SUPPORTS", "country:syria")
    assert rel["mentions"] == 3
    assert rel["modality"] == {"asserted": 2, "hedged": 1, "reported": 0, "hypothetical": 0}
    assert rel["documents"] == [DOC]
    texts = [data["sentences"][sid]["text"] for sid in rel["sentences"]]
    assert texts == [f"Sentence {i}: Russia supports Syria." for i in (3, 4, 5)]
    assert {data["sentences"][sid]["doc"] for sid in rel["sentences"]} == {DOC}


def test_html_view_node_carries_label_and_aliases(batch: GraphBatch) -> None:
    data = page_data(render_html(batch))
    russia = next(n for n in data["nodes"] if n["id"] == "country:russia")
    assert russia["label"] == "Country"
    assert russia["aliases"] == ["Moscow", "the Kremlin"]
    assert russia["degree"] == 9


@pytest.mark.parametrize(
    "source,rtype,target,polarity",
    [
        ("country:russia", "SUPPORTS", "country:syria", "cooperative"),
        ("country:russia", "INVADES", "country:ukraine", "conflictual"),
        ("leader:vladimir-putin", "LEADS", "country:russia", "structural"),
    ],
)
def test_html_view_relationship_polarity(
    batch: GraphBatch, source: str, rtype: str, target: str, polarity: str
) -> None:
    data = view_data(graph_from_batch(batch))
    assert rel_by_key(data, source, rtype, target)["polarity"] == polarity
    assert data["style"]["polarity"][polarity] == POLARITY_COLORS[polarity]


@pytest.mark.parametrize(
    "source,rtype,target,firm",
    [
        ("country:russia", "SUPPORTS", "country:syria", True),  # asserted, one hedged
        ("country:russia", "BETRAYS", "country:armenia", False),  # only hedged
        ("country:russia", "SUPPORTS", "country:armenia", False),  # only negated
    ],
)
def test_html_view_dashed_only_without_a_firm_mention(
    batch: GraphBatch, source: str, rtype: str, target: str, firm: bool
) -> None:
    data = view_data(graph_from_batch(batch))
    assert rel_by_key(data, source, rtype, target)["firm"] is firm


def test_html_view_width_grows_with_mentions(batch: GraphBatch) -> None:
    data = view_data(graph_from_batch(batch))
    three = rel_by_key(data, "country:russia", "SUPPORTS", "country:syria")["width"]
    one = rel_by_key(data, "country:russia", "INVADES", "country:ukraine")["width"]
    assert three > one


def test_html_view_node_size_grows_with_degree(batch: GraphBatch) -> None:
    nodes = {n["id"]: n for n in view_data(graph_from_batch(batch))["nodes"]}
    assert nodes["country:russia"]["r"] > nodes["country:syria"]["r"]


def test_html_view_parallel_relationships_fan_out(batch: GraphBatch) -> None:
    data = view_data(graph_from_batch(batch))
    pair = [
        r
        for r in data["relationships"]
        if {r["key"].split("|")[0], r["key"].split("|")[2]} == {"country:russia", "country:turkey"}
    ]
    assert len(pair) == 3
    # Drawn on the same side of their own direction, a bend means a different curve.
    sides = {(r["bend"] if r["key"].startswith("country:russia") else -r["bend"]) for r in pair}
    assert len(sides) == 3


def test_html_view_positions_are_finite_and_distinct(batch: GraphBatch) -> None:
    nodes = view_data(graph_from_batch(batch))["nodes"]
    points = {(n["x"], n["y"]) for n in nodes}
    assert len(points) == len(nodes)
    assert all(abs(x) < 1e6 and abs(y) < 1e6 for x, y in points)


def test_html_view_is_deterministic(batch: GraphBatch, tmp_path: Path) -> None:
    a = write_html(batch, tmp_path / "a.html")
    b = write_html(sample_batch(), tmp_path / "b.html")
    assert a.path.read_bytes() == b.path.read_bytes()


def test_html_view_hostile_text_cannot_break_out(tmp_path: Path) -> None:
    page = render_html(sample_batch(hostile=True))
    assert page.count("<script") == 2  # the inert data block and the view script
    assert page.count("</script>") == 2
    assert "<!--" not in page.split('id="geokg-data">', 1)[1]
    data = page_data(page)
    assert any(HOSTILE in s["text"] for s in data["sentences"].values())


def test_html_view_title_is_escaped(batch: GraphBatch) -> None:
    page = render_html(batch, title="<b>A & B</b>")
    assert "<title>&lt;b&gt;A &amp; B&lt;/b&gt;</title>" in page


def test_html_view_write_reports_counts(batch: GraphBatch, tmp_path: Path) -> None:
    stats = write_html(batch, tmp_path / "sub" / "g.html")
    assert stats.path.is_file()
    assert stats.bytes == stats.path.stat().st_size
    assert (stats.nodes, stats.relationships) == (len(ENTITIES), len(batch.relations))
    assert stats.sentences == len(MENTIONS)
    assert stats.documents == 1


@pytest.mark.parametrize(
    "focus,hops,expected",
    [
        ("Russia", 0, {"country:russia"}),
        ("Syria", 1, {"country:syria", "country:russia"}),
        ("syria", 3, {entity_id(lab, n) for lab, n, _ in ENTITIES}),
        ("Putin", 1, {"leader:vladimir-putin", "country:russia"}),  # an alias
        ("country:armenia", 1, {"country:armenia", "country:russia"}),  # an id
    ],
)
def test_html_view_focus_keeps_the_neighbourhood(
    batch: GraphBatch, focus: str, hops: int, expected: set[str]
) -> None:
    sub = select_subgraph(graph_from_batch(batch), focus=focus, hops=hops)
    assert set(sub) == expected


def test_html_view_unknown_focus_is_an_error(batch: GraphBatch) -> None:
    with pytest.raises(ConfigError, match="Atlantis"):
        select_subgraph(graph_from_batch(batch), focus="Atlantis")


def test_html_view_types_keep_only_those_relationships(batch: GraphBatch) -> None:
    sub = select_subgraph(graph_from_batch(batch), types=["attacks", "INVADES"])
    assert {k for _, _, k in sub.edges(keys=True)} == {"ATTACKS", "INVADES"}
    assert set(sub) == {"country:turkey", "group:kurds", "country:russia", "country:ukraine"}


def test_html_view_types_then_focus(batch: GraphBatch) -> None:
    sub = select_subgraph(graph_from_batch(batch), focus="Russia", hops=1, types="SUPPORTS")
    assert set(sub) == {"country:russia", "country:syria", "country:armenia"}


@pytest.mark.parametrize(
    "value,expected",
    [
        (None, None),
        ("", None),
        ("ATTACKS, invades", [RelationType.ATTACKS, RelationType.INVADES]),
        (["MEETS", "MEETS"], [RelationType.MEETS]),
    ],
)
def test_html_view_parse_types(value: Any, expected: list[RelationType] | None) -> None:
    assert parse_types(value) == expected


def test_html_view_parse_types_rejects_unknown() -> None:
    with pytest.raises(ConfigError, match="FRIENDS_WITH"):
        parse_types("ATTACKS,FRIENDS_WITH")


def test_html_view_drops_isolated_entities_unless_asked() -> None:
    b = GraphBuilder()
    b.add_entity(
        EntityMention(
            doc=DOC,
            name="Chad",
            label=EntityLabel.COUNTRY,
            start=0,
            end=4,
            text="Chad",
            id="country:chad",
        )
    )
    graph = graph_from_batch(b.batch())
    assert len(select_subgraph(graph)) == 0
    assert len(select_subgraph(graph, isolated=True)) == 1


def test_html_view_empty_graph_renders(tmp_path: Path) -> None:
    stats = write_html(GraphBuilder().batch(), tmp_path / "empty.html")
    assert stats.nodes == 0
    assert page_data(stats.path.read_text(encoding="utf-8"))["nodes"] == []


def test_html_view_store_reads_back_the_same_page(batch: GraphBatch, tmp_path: Path) -> None:
    from geokg.graph.registry import open_store

    with open_store(db_dir=tmp_path / "db") as store:
        store.ensure_schema()
        store.load(batch)
        graph = read_graph_from_store(store)
        from_store = render_html(store)
    assert set(graph) == {entity_id(lab, n) for lab, n, _ in ENTITIES}
    assert len(graph.graph["sentences"]) == len(MENTIONS)
    assert from_store == render_html(batch)


def _cli(source: GraphBatch) -> typer.Typer:
    app = typer.Typer()

    @app.command()
    def export(
        out: Path,
        focus: FOCUS_OPTION = None,
        hops: HOPS_OPTION = 1,
        types: TYPES_OPTION = None,
    ) -> None:
        with fail_on_error():
            export_html(source, out, focus=focus, hops=hops, types=types)

    return app


def test_html_export_cli_writes_the_view(batch: GraphBatch, tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    result = CliRunner().invoke(
        _cli(batch), [str(out), "--focus", "Turkey", "--hops", "1", "--types", "OPPOSES,MEETS"]
    )
    assert result.exit_code == 0, result.output
    assert "3 relationships" in result.output
    data = page_data(out.read_text(encoding="utf-8"))
    assert {n["name"] for n in data["nodes"]} == {"Russia", "Turkey"}


def test_html_export_cli_bad_type_exits_2(batch: GraphBatch, tmp_path: Path) -> None:
    result = CliRunner().invoke(_cli(batch), [str(tmp_path / "g.html"), "--types", "HUGS"])
    assert result.exit_code == 2
    assert not (tmp_path / "g.html").exists()


def test_html_export_geokg_export_format_html(batch: GraphBatch, tmp_path: Path) -> None:
    from geokg.cli import app
    from geokg.graph.registry import open_store

    runner = CliRunner()
    if "--focus" not in runner.invoke(app, ["export", "--help"]).output:
        pytest.skip("geokg export --format html is not wired yet (see geokg/cli/html_export.py)")
    db = tmp_path / "db"
    with open_store(db_dir=db) as store:
        store.ensure_schema()
        store.load(batch)
    out = tmp_path / "graph.html"
    args = ["export", "--format", "html", "-o", str(out), "--db-dir", str(db)]
    result = runner.invoke(app, [*args, "--focus", "Putin", "--hops", "1"])
    assert result.exit_code == 0, result.output
    data = page_data(out.read_text(encoding="utf-8"))
    assert {n["name"] for n in data["nodes"]} == {"Vladimir Putin", "Russia"}
    result = runner.invoke(app, [*args, "--types", "ATTACKS,INVADES"])
    assert result.exit_code == 0, result.output
    data = page_data(out.read_text(encoding="utf-8"))
    assert {r["type"] for r in data["relationships"]} == {"ATTACKS", "INVADES"}
