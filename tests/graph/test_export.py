"""Exports read back from the REAL embedded DB: neo4j-admin CSV headers and values, the
cypher-shell script (replayed into a fresh FalkorDB graph), GraphML and JSON round trips
through networkx, and the Browser kit."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from geokg.errors import ConfigError
from geokg.graph import cypher
from geokg.graph.build import GraphBatch
from geokg.graph.export import (
    ARRAY_DELIMITER,
    BROWSER_DIR,
    MENTION_CSV_HEADER,
    RELATION_CSV_HEADER,
    GraphSnapshot,
    export_graph,
    read_graph,
    script_statements,
    snapshot_to_networkx,
)
from geokg.graph.falkor import FalkorServer, FalkorStore
from geokg.graph.queries import library
from geokg.schema import EntityLabel, EntityNode, MentionRecord, RelationType, SentenceRecord

# Hostile text that FalkorDB and Neo4j both decode from escaped literals.
NASTY = [
    'O\'Brien "the" \\ `tick` $rows',
    "line one\nline two\ttab",
    "ünïcødé 😀 中文",
    "'; MATCH (n) DETACH DELETE n; //",
    "semi;colon, comma",
    "trailing\\",
]


def nasty_batch() -> GraphBatch:
    """A batch whose names, aliases, sentences and triggers are hostile strings."""
    ents = [
        EntityNode(id=f"group:n{i}", label=EntityLabel.GROUP, name=t, aliases=[t + "?"])
        for i, t in enumerate(NASTY)
    ]
    sents = [
        SentenceRecord(
            id=f"sent:n{i}",
            doc='nasty "doc".txt',
            doc_id="doc:n",
            start=i * 10,
            end=i * 10 + 5,
            text=t,
            entity_ids=(f"group:n{i}", "group:n0"),
        )
        for i, t in enumerate(NASTY)
    ]
    mentions = [
        MentionRecord(
            id=f"m{i}",
            type=RelationType.CRITICIZES,
            source_id=f"group:n{i}",
            target_id="group:n0",
            sentence_id=f"sent:n{i}",
            doc_id="doc:n",
            year=2000 + i,
            trigger=t,
            rule=t,
            confidence=0.25,
        )
        for i, t in enumerate(NASTY)
        if i
    ]
    return GraphBatch(entities=ents, sentences=sents, mentions=mentions)


@pytest.fixture()
def full(store: FalkorStore, batch_ab: GraphBatch) -> FalkorStore:
    """The sample corpus plus the hostile batch."""
    store.load(batch_ab)
    store.load(nasty_batch())
    return store


@pytest.fixture()
def other_graph(falkor_server: FalkorServer) -> Iterator[FalkorStore]:
    """A second, empty graph on the same server (to replay exports into)."""
    with FalkorStore(falkor_server.db_dir, graph="geokg_replay") as st:
        st.clear()
        st.ensure_schema()
        yield st
        st.clear()


# --- cypher-shell script ---------------------------------------------------------------------


def _split_script(text: str) -> list[str]:
    body = "".join(line + "\n" for line in text.splitlines() if not line.startswith("//"))
    return [s.strip() for s in body.split(";\n") if s.strip()]


def test_export_cypher_script_replays_to_the_same_graph(
    full: FalkorStore, other_graph: FalkorStore, tmp_path: Path
) -> None:
    path = export_graph(full, "cypher", tmp_path / "graph.cypher")
    statements = _split_script(path.read_text(encoding="utf-8"))
    assert statements == script_statements(read_graph(full))
    ddl = [s for s in statements if s.startswith("CREATE ")]
    assert ddl == cypher.neo4j_schema_statements()
    for statement in statements[len(ddl) :]:
        assert statement.startswith("UNWIND [")
        assert "$" not in statement.split(" AS row\n", 1)[1]  # no parameters left
        other_graph.query(statement)
    assert read_graph(other_graph) == read_graph(full)
    for statement in statements[len(ddl) :]:  # the script is idempotent too
        other_graph.query(statement)
    assert read_graph(other_graph) == read_graph(full)


def test_export_cypher_script_keeps_statement_ends_unambiguous(
    full: FalkorStore, tmp_path: Path
) -> None:
    text = export_graph(full, "cypher", tmp_path / "g.cypher").read_text(encoding="utf-8")
    # Literals never hold a raw newline, so ";\n" only ever ends a statement.
    for statement in script_statements(read_graph(full)):
        for line in statement.splitlines()[:-1]:
            assert not line.endswith(";")
    assert text.count(";\n") == len(script_statements(read_graph(full)))


# --- neo4j-admin CSV -------------------------------------------------------------------------


def _read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def test_export_neo4j_import_headers(full: FalkorStore, tmp_path: Path) -> None:
    out = export_graph(full, "neo4j-import", tmp_path / "csv")
    headers = {p.name: _read_csv(p)[0] for p in out.glob("*.csv")}
    assert headers == {
        "entities.csv": [
            "id:ID",
            ":LABEL",
            "name",
            "aliases:string[]",
            "iso3",
            "mentions:long",
            "doc_count:long",
        ],
        "documents.csv": ["id:ID", ":LABEL", "name", "sha1", "chars:long"],
        "sentences.csv": ["id:ID", ":LABEL", "doc", "doc_id", "start:long", "end:long", "text"],
        "relationships.csv": RELATION_CSV_HEADER,
        "in.csv": [":START_ID", ":END_ID", ":TYPE"],
        "mentions.csv": [":START_ID", ":END_ID", ":TYPE"],
        "evidence.csv": MENTION_CSV_HEADER,
        "evidence_links.csv": [":START_ID", ":END_ID", ":TYPE"],
    }
    assert RELATION_CSV_HEADER[:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert "cues:string[]" in RELATION_CSV_HEADER
    assert "doc_count:long" in RELATION_CSV_HEADER
    assert "symmetric:boolean" in RELATION_CSV_HEADER
    assert MENTION_CSV_HEADER[:2] == ["id:ID", ":LABEL"]


def test_export_neo4j_import_values_survive_csv(full: FalkorStore, tmp_path: Path) -> None:
    snap = read_graph(full)
    out = export_graph(full, "neo4j-import", tmp_path / "csv")
    _, entities = _read_csv(out / "entities.csv")
    by_id = {row[0]: row for row in entities}
    assert len(by_id) == len(snap.entities)
    for e in snap.entities:
        row = by_id[e["id"]]
        assert row[1].split(ARRAY_DELIMITER) == ["Entity", e["label"]]
        assert row[2] == e["name"]
        assert (row[3].split(ARRAY_DELIMITER) if row[3] else []) == e["aliases"]
    _, sentences = _read_csv(out / "sentences.csv")
    assert sorted(r[6] for r in sentences) == sorted(s["text"] for s in snap.sentences)
    _, rels = _read_csv(out / "relationships.csv")
    assert len(rels) == len(snap.relations)
    col = {name.split(":")[0] or name: i for i, name in enumerate(RELATION_CSV_HEADER)}
    cues = sorted(r[col["cues"]] for r in rels if r[2] == "CRITICIZES")
    assert {t.lower() for t in NASTY[1:]} <= set(cues)
    assert all(int(r[col["mentions"]]) >= 1 for r in rels)
    _, evidence = _read_csv(out / "evidence.csv")
    assert len(evidence) == len(snap.mentions)
    mcol = {name.split(":")[0] or name: i for i, name in enumerate(MENTION_CSV_HEADER)}
    triggers = {r[mcol["trigger"]] for r in evidence if r[mcol["type"]] == "CRITICIZES"}
    assert set(NASTY[1:]) <= triggers
    _, links = _read_csv(out / "evidence_links.csv")
    assert sorted(r[2] for r in links) == sorted(["IN", "SOURCE", "TARGET"] * len(snap.mentions))
    _, mentions = _read_csv(out / "mentions.csv")
    assert len(mentions) == sum(len(s["entity_ids"]) for s in snap.sentences)
    _, ins = _read_csv(out / "in.csv")
    assert len(ins) == len(snap.sentences)


def test_export_neo4j_import_readme_has_the_exact_command(
    full: FalkorStore, tmp_path: Path
) -> None:
    out = export_graph(full, "neo4j-import", tmp_path / "csv")
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "neo4j-admin database import full neo4j" in readme
    for name in ("entities", "documents", "sentences", "evidence"):
        assert f"--nodes=/import/{name}.csv" in readme
    for name in ("relationships", "in", "mentions", "evidence_links"):
        assert f"--relationships=/import/{name}.csv" in readme
    assert '--array-delimiter="U+001F"' in readme
    assert "--multiline-fields=true" in readme
    assert "docker run --rm" in readme
    assert "neo4j:5" in readme
    schema = (out / "schema.cypher").read_text(encoding="utf-8")
    assert schema == "".join(s + ";\n" for s in cypher.neo4j_schema_statements())


# --- GraphML and JSON --------------------------------------------------------------------------


def _edges(graph: nx.MultiDiGraph) -> dict[tuple[str, str, str], dict[str, Any]]:
    return {(u, v, k): d for u, v, k, d in graph.edges(keys=True, data=True)}


def test_export_graphml_round_trips_through_networkx(full: FalkorStore, tmp_path: Path) -> None:
    snap = read_graph(full)
    original = snapshot_to_networkx(snap)
    path = export_graph(full, "graphml", tmp_path / "g.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert set(back.nodes) == set(original.nodes)
    assert set(_edges(back)) == set(_edges(original))
    for node, data in original.nodes(data=True):
        got = back.nodes[node]
        assert got["name"] == data["name"]
        assert json.loads(got["aliases"]) == data["aliases"]
        assert got["label"] == data["label"]
    for key, data in _edges(original).items():
        got = _edges(back)[key]
        assert json.loads(got["cues"]) == data["cues"]
        assert got["mentions"] == data["mentions"]
        assert got["symmetric"] == data["symmetric"]


def test_export_json_round_trips_through_networkx(full: FalkorStore, tmp_path: Path) -> None:
    snap = read_graph(full)
    original = snapshot_to_networkx(snap)
    path = export_graph(full, "json", tmp_path / "g.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    back = nx.node_link_graph(data, edges="edges")
    assert isinstance(back, nx.MultiDiGraph)
    assert dict(back.nodes(data=True)) == dict(original.nodes(data=True))
    assert _edges(back) == _edges(original)
    assert back.graph["documents"] == snap.documents
    assert back.graph["sentences"] == snap.sentences
    assert back.graph["mentions"] == snap.mentions
    assert len(snap.mentions) == sum(d["mentions"] for d in _edges(original).values())


def test_exports_reflect_the_database_not_the_last_batch(full: FalkorStore, tmp_path: Path) -> None:
    full.query("MATCH (e:Entity {id: 'country:russia'}) SET e.iso3 = 'XXX'")
    full.query("MATCH (e:Entity {id: 'place:crimea'}) DETACH DELETE e")
    data = json.loads(export_graph(full, "json", tmp_path / "g.json").read_text("utf-8"))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["country:russia"]["iso3"] == "XXX"
    assert "place:crimea" not in nodes


def test_snapshot_to_batch_reloads_to_the_same_graph(
    full: FalkorStore, other_graph: FalkorStore
) -> None:
    snap = read_graph(full)
    other_graph.load(snap.to_batch())
    assert read_graph(other_graph) == snap


def test_export_of_an_empty_graph(store: FalkorStore, tmp_path: Path) -> None:
    assert read_graph(store) == GraphSnapshot()
    data = json.loads(export_graph(store, "json", tmp_path / "e.json").read_text("utf-8"))
    assert data["nodes"] == []
    assert data["edges"] == []


def test_export_unknown_format(store: FalkorStore, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown export format"):
        export_graph(store, "xml", tmp_path / "x")


# --- Neo4j Browser kit -------------------------------------------------------------------------


def parse_grass(text: str) -> dict[str, dict[str, str]]:
    """Parse GraSS exactly like Neo4j Browser's ``GraphStyleModel.parse`` (a port of it)."""
    inside_string = inside_props = False
    keyword = props = ""
    raw: dict[str, str] = {}
    for c in text:
        skip = True
        if c == "{" and not inside_string:
            inside_props = True
        elif c == "{":
            skip = False
        elif c == "}" and not inside_string:
            inside_props = False
            raw[keyword] = props
            keyword = props = ""
        elif c == "}":
            skip = False
        elif c == "'":
            inside_string = not inside_string
        else:
            skip = False
        if skip:
            continue
        if inside_props:
            props += c
        elif not c.isspace():
            keyword += c
    rules: dict[str, dict[str, str]] = {}
    for selector, body in raw.items():
        rules[selector] = {}
        for prop in body.split(";"):
            parts = prop.split(":")
            if len(parts) >= 2 and parts[0].strip() and parts[1].strip():
                rules[selector][parts[0].strip()] = parts[1].strip()
    return rules


def test_grass_styles_every_label_and_relationship_type() -> None:
    text = (BROWSER_DIR / "geokg.grass").read_text(encoding="utf-8")
    assert "/*" not in text and "//" not in text  # Browser's GraSS parser has no comments
    rules = parse_grass(text)
    colours = set()
    for label in EntityLabel:
        rule = rules[f"node.{label.value}"]
        assert rule["caption"] == "{name}"
        assert re.fullmatch(r"#[0-9A-Fa-f]{6}", rule["color"])
        colours.add(rule["color"])
    assert len(colours) == len(EntityLabel)  # one colour per label
    for rtype in RelationType:
        rule = rules[f"relationship.{rtype.value}"]
        assert re.fullmatch(r"\d+px", rule["shaft-width"])
    assert "{mentions}" in rules["relationship"]["caption"]
    assert rules["node.Mention"]["caption"] == "{trigger}"  # the evidence nodes, pale grey
    for name in ("IN", "MENTIONS", "SOURCE", "TARGET"):
        assert rules[f"relationship.{name}"]["shaft-width"] == "1px"


def test_export_browser_kit_has_one_favourite_per_query(tmp_path: Path) -> None:
    out = export_graph(None, "browser", tmp_path / "browser")
    assert (out / "geokg.grass").read_text() == (BROWSER_DIR / "geokg.grass").read_text()
    favourites = sorted(p.stem for p in (out / "favorites").glob("*.cypher"))
    assert favourites == sorted(library())
    for name, query in library().items():
        text = (out / "favorites" / f"{name}.cypher").read_text(encoding="utf-8")
        assert text.splitlines()[0] == f"// {query.title}"
        for p in query.params:
            assert f"// :param {p.name} => " in text
        assert text.endswith(query.statement("neo4j") + "\n")
