"""Exports of a stored graph: neo4j-admin CSV, a cypher-shell script, GraphML, JSON, Browser kit.

Every export is built from what the store holds, read back with the ``read_*`` statements of
:mod:`geokg.graph.cypher` into a :class:`GraphSnapshot`, so it reflects the database and not
whatever batch was loaded last.

Formats (``geokg export --format F -o OUT``):

- ``neo4j-import``: a folder of CSV files with ``neo4j-admin`` headers, ``schema.cypher`` and a
  ``README.md`` with the exact ``neo4j-admin database import full`` command;
- ``cypher``: one ``.cypher`` script for ``cypher-shell -f``: constraints, then batched
  ``UNWIND [literal rows] AS row MERGE ...`` statements (the loader's own statements with the
  rows written as escaped literals), so running it twice changes nothing;
- ``graphml`` and ``json``: the entity graph as a networkx ``MultiDiGraph`` (edge key = type,
  edge attributes the relationship's counts); GraphML cannot hold lists, so list attributes
  are JSON strings there; JSON is networkx node-link data with the documents, sentences and
  mention nodes (the evidence) as graph attributes;
- ``browser``: the GraSS style and one favourite ``.cypher`` file per named query.

Example:
    >>> with open_store() as store:  # doctest: +SKIP
    ...     export_graph(store, "json", Path("graph.json"))
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import networkx as nx

from geokg.errors import ConfigError
from geokg.graph import cypher
from geokg.graph.build import GraphBatch
from geokg.graph.queries import library
from geokg.graph.store import GraphStore, chunked, load_plan
from geokg.schema import (
    DocumentRecord,
    EntityLabel,
    EntityNode,
    MentionRecord,
    RelationEdge,
    RelationType,
    SentenceRecord,
)

__all__ = [
    "ARRAY_DELIMITER",
    "BROWSER_DIR",
    "FORMATS",
    "MENTION_CSV_HEADER",
    "RELATION_CSV_HEADER",
    "GraphSnapshot",
    "export_browser",
    "export_cypher",
    "export_graph",
    "export_graphml",
    "export_json",
    "export_neo4j_import",
    "read_graph",
    "script_statements",
    "snapshot_to_networkx",
]

Format = Literal["neo4j-import", "cypher", "graphml", "json", "browser"]
FORMATS: tuple[str, ...] = ("neo4j-import", "cypher", "graphml", "json", "browser")

BROWSER_DIR = Path(__file__).with_name("browser")

ARRAY_DELIMITER = "\x1f"
"""Array (and label) delimiter of the CSV export: U+001F, a control character that text never
holds (it is removed from values), so aliases or triggers containing ``;`` survive."""
_ARRAY_DELIMITER_ARG = "U+001F"

_INT_PROPS = ("mentions", "asserted", "hedged", "reported", "hypothetical", "negated", "quoted")


@dataclass(slots=True)
class GraphSnapshot:
    """Everything a store holds, as plain rows read back from it (ordered by id)."""

    entities: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    sentences: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)

    def to_batch(self) -> GraphBatch:
        """The snapshot as loader records (reloading it reproduces the stored graph)."""
        batch = GraphBatch()
        for d in self.documents:
            if d["sha1"] is None or d["chars"] is None:
                continue  # known only from its sentences: the sentence rows recreate it
            batch.documents.append(
                DocumentRecord(
                    id=d["id"],
                    name=d["name"] or "",
                    chars=d["chars"],
                    sha1=d["sha1"],
                    date=d.get("date"),
                    title=d.get("title"),
                    source=d.get("source"),
                    url=d.get("url"),
                )
            )
        for s in self.sentences:
            batch.sentences.append(
                SentenceRecord(
                    id=s["id"],
                    doc=s["doc"] or "",
                    doc_id=s["doc_id"],
                    start=s["start"],
                    end=s["end"],
                    text=s["text"] or "",
                    entity_ids=tuple(s["entity_ids"]),
                )
            )
        for e in self.entities:
            batch.entities.append(
                EntityNode(
                    id=e["id"],
                    label=EntityLabel(e["label"]),
                    name=e["name"],
                    aliases=list(e["aliases"] or []),
                    iso3=e["iso3"],
                    mentions=e["mentions"] or 0,
                )
            )
        for r in self.relations:
            props = r["props"]
            values = {f: props.get(f) or 0 for f in cypher.RELATION_COUNT_FIELDS}
            values.update({f: list(props.get(f) or []) for f in cypher.RELATION_SAMPLE_FIELDS})
            batch.relations.append(
                RelationEdge(
                    source_id=r["source_id"],
                    type=RelationType(r["type"]),
                    target_id=r["target_id"],
                    first_year=props.get("first_year"),
                    last_year=props.get("last_year"),
                    first_date=props.get("first_date"),
                    last_date=props.get("last_date"),
                    doc_years=list(props.get("doc_years") or []),
                    doc_year_counts=list(props.get("doc_year_counts") or []),
                    **values,
                )
            )
        for m in self.mentions:
            batch.mentions.append(
                MentionRecord(
                    id=m["id"],
                    type=RelationType(m["type"]),
                    source_id=m["source_id"],
                    target_id=m["target_id"],
                    sentence_id=m["sentence_id"],
                    **{f: m[f] for f in cypher.MENTION_FIELDS if m.get(f) is not None},
                )
            )
        return batch


def _entity_label(labels: Sequence[str]) -> str:
    known = [label for label in labels if label in EntityLabel.__members__.values()]
    return known[0] if known else (labels[0] if labels else cypher.ENTITY)


def read_graph(store: GraphStore) -> GraphSnapshot:
    """Read the whole stored graph back (entity relationships of the 17 schema types only)."""
    snap = GraphSnapshot()
    for rec in store.query(cypher.read_entities()).records():
        labels = list(rec.pop("labels") or [])
        snap.entities.append({"label": _entity_label(labels), **rec})
    types = {t.value for t in RelationType}
    for rec in store.query(cypher.read_relations()).records():
        if rec["type"] in types:
            snap.relations.append(rec)
    snap.documents = store.query(cypher.read_documents()).records()
    snap.mentions = [m for m in store.query(cypher.read_mentions()).records() if m["type"] in types]
    for rec in store.query(cypher.read_sentences()).records():
        rec["start"] = rec.pop("start_offset")
        rec["end"] = rec.pop("end_offset")
        rec["entity_ids"] = sorted(rec["entity_ids"] or [])
        snap.sentences.append(rec)
    return snap


# --- cypher-shell script ---------------------------------------------------------------------


def script_statements(snapshot: GraphSnapshot, *, rows_per_statement: int = 500) -> list[str]:
    """The statements of the cypher-shell script: Neo4j DDL, then literal-row MERGEs."""
    out = list(cypher.neo4j_schema_statements())
    for step in load_plan(snapshot.to_batch()):
        body = step.statement.split("\n", 1)[1]
        for rows in chunked(step.rows, rows_per_statement):
            out.append(f"UNWIND {cypher.literal(rows)} AS row\n{body}")
    return out


def export_cypher(snapshot: GraphSnapshot, path: Path) -> Path:
    """Write a ``.cypher`` script for ``cypher-shell -f`` (statements end with ``;``)."""
    statements = script_statements(snapshot)
    header = (
        "// geokg graph export: "
        f"{len(snapshot.entities)} entities, {len(snapshot.relations)} relationships, "
        f"{len(snapshot.documents)} documents, {len(snapshot.sentences)} sentences, "
        f"{len(snapshot.mentions)} mentions.\n"
        "// Run: cypher-shell -a neo4j://localhost:7687 -u neo4j -f graph.cypher\n"
        "// Idempotent: MERGE on ids; counts grow only by the Mention nodes a statement creates,\n"
        "// so running it twice is safe.\n"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(header)
        for statement in statements:
            fh.write("\n" + statement + ";\n")
    return path


# --- neo4j-admin CSV -------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    return str(value).replace(ARRAY_DELIMITER, " ")


def _array(values: Iterable[Any] | None) -> str:
    return ARRAY_DELIMITER.join(_text(v) for v in values or [])


def _write_csv(path: Path, header: list[str], rows: Iterable[list[Any]]) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            n += 1
    return n


RELATION_CSV_HEADER: list[str] = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    *(f"{c}:long" for c in cypher.RELATION_COUNT_FIELDS),
    "first_year:long",
    "last_year:long",
    "first_date",
    "last_date",
    "doc_years:long[]",
    "doc_year_counts:long[]",
    *(f"{f}:string[]" for f in cypher.RELATION_SAMPLE_FIELDS),
    "polarity",
    "symmetric:boolean",
    "role",
    "status",
]

MENTION_CSV_HEADER: list[str] = [
    "id:ID",
    ":LABEL",
    "type",
    "doc_id",
    "doc_date",
    "modality",
    "negated:boolean",
    "quoted:boolean",
    "year:long",
    "trigger",
    "rule",
    "confidence:double",
    "role",
    "status",
    "context:boolean",
]


def _bool(value: Any) -> str:
    return "" if value is None else ("true" if value else "false")


def _relation_csv_row(r: dict[str, Any]) -> list[Any]:
    p = r["props"]
    row: list[Any] = [r["source_id"], r["target_id"], r["type"]]
    row += [_text(p.get(c)) for c in cypher.RELATION_COUNT_FIELDS]
    row += [_text(p.get("first_year")), _text(p.get("last_year"))]
    row += [_text(p.get("first_date")), _text(p.get("last_date"))]
    row += [_array(p.get("doc_years")), _array(p.get("doc_year_counts"))]
    row += [_array(p.get(f)) for f in cypher.RELATION_SAMPLE_FIELDS]
    row += [_text(p.get("polarity")), _bool(p.get("symmetric"))]
    row += [_text(p.get("role")), _text(p.get("status"))]
    return row


def _mention_csv_row(m: dict[str, Any]) -> list[Any]:
    return [
        m["id"],
        cypher.MENTION,
        m["type"],
        m["doc_id"],
        _text(m["doc_date"]),
        _text(m["modality"]),
        _bool(m["negated"]),
        _bool(m["quoted"]),
        _text(m["year"]),
        _text(m["trigger"]),
        _text(m["rule"]),
        _text(m["confidence"]),
        _text(m["role"]),
        _text(m["status"]),
        _bool(m["context"]),
    ]


def _mention_links(mentions: Iterable[dict[str, Any]]) -> Iterable[list[Any]]:
    for m in mentions:
        yield [m["id"], m["sentence_id"], cypher.IN]
        yield [m["id"], m["source_id"], cypher.SOURCE]
        yield [m["id"], m["target_id"], cypher.TARGET]


_CSV_FILES = {
    "nodes": ("entities.csv", "documents.csv", "sentences.csv", "evidence.csv"),
    "relationships": ("relationships.csv", "in.csv", "mentions.csv", "evidence_links.csv"),
}


def import_command(out_dir: str = "/import", database: str = "neo4j") -> str:
    """The ``neo4j-admin database import full`` command for the CSV export."""
    parts = [f"neo4j-admin database import full {database}", "--overwrite-destination"]
    parts += [f"--nodes={out_dir}/{name}" for name in _CSV_FILES["nodes"]]
    parts += [f"--relationships={out_dir}/{name}" for name in _CSV_FILES["relationships"]]
    parts += [f'--array-delimiter="{_ARRAY_DELIMITER_ARG}"', "--multiline-fields=true"]
    return " \\\n    ".join(parts)


def export_neo4j_import(snapshot: GraphSnapshot, out_dir: Path) -> Path:
    """Write CSV files with ``neo4j-admin`` headers, ``schema.cypher`` and ``README.md``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    counts["entities"] = _write_csv(
        out_dir / "entities.csv",
        ["id:ID", ":LABEL", "name", "aliases:string[]", "iso3", "mentions:long", "doc_count:long"],
        (
            [
                e["id"],
                _array([cypher.ENTITY, e["label"]]),
                _text(e["name"]),
                _array(e["aliases"]),
                _text(e["iso3"]),
                _text(e["mentions"]),
                _text(e["doc_count"]),
            ]
            for e in snapshot.entities
        ),
    )
    counts["documents"] = _write_csv(
        out_dir / "documents.csv",
        ["id:ID", ":LABEL", "name", "sha1", "chars:long"],
        (
            [d["id"], cypher.DOCUMENT, _text(d["name"]), _text(d["sha1"]), _text(d["chars"])]
            for d in snapshot.documents
        ),
    )
    counts["sentences"] = _write_csv(
        out_dir / "sentences.csv",
        ["id:ID", ":LABEL", "doc", "doc_id", "start:long", "end:long", "text"],
        (
            [
                s["id"],
                cypher.SENTENCE,
                _text(s["doc"]),
                s["doc_id"],
                s["start"],
                s["end"],
                _text(s["text"]),
            ]
            for s in snapshot.sentences
        ),
    )
    counts["relationships"] = _write_csv(
        out_dir / "relationships.csv",
        RELATION_CSV_HEADER,
        (_relation_csv_row(r) for r in snapshot.relations),
    )
    counts["evidence"] = _write_csv(
        out_dir / "evidence.csv",
        MENTION_CSV_HEADER,
        (_mention_csv_row(m) for m in snapshot.mentions),
    )
    counts["evidence_links"] = _write_csv(
        out_dir / "evidence_links.csv",
        [":START_ID", ":END_ID", ":TYPE"],
        _mention_links(snapshot.mentions),
    )
    counts["in"] = _write_csv(
        out_dir / "in.csv",
        [":START_ID", ":END_ID", ":TYPE"],
        ([s["id"], s["doc_id"], cypher.IN] for s in snapshot.sentences),
    )
    counts["mentions"] = _write_csv(
        out_dir / "mentions.csv",
        [":START_ID", ":END_ID", ":TYPE"],
        ([s["id"], e, cypher.MENTIONS] for s in snapshot.sentences for e in s["entity_ids"]),
    )
    schema = "".join(s + ";\n" for s in cypher.neo4j_schema_statements())
    (out_dir / "schema.cypher").write_text(schema, encoding="utf-8")
    (out_dir / "README.md").write_text(_import_readme(counts), encoding="utf-8")
    return out_dir


def _import_readme(counts: dict[str, int]) -> str:
    listing = "\n".join(f"- `{k}`: {v} rows" for k, v in counts.items())
    return f"""# geokg graph: neo4j-admin import

CSV files with `neo4j-admin` headers, written by `geokg export --format neo4j-import`.

{listing}

Arrays (aliases, cue samples) and the two labels of entity nodes (`Entity` plus their
type) are separated by the control character U+001F, so the import needs
`--array-delimiter="U+001F"`; sentence texts may span lines, hence
`--multiline-fields=true`. Ids are global strings (`country:russia`, `doc:...`,
`sent:...`, `m:...`), so no ID spaces are used.

`relationships.csv` holds one relationship per (source, type, target) with its counts;
the evidence is one hop away: `evidence.csv` has one `Mention` node per relation mention,
and `evidence_links.csv` links each to its sentence (`IN`) and its two entities
(`SOURCE`, `TARGET`).

## Import into a stopped Neo4j 5 (here with Docker)

The database must be stopped (or not exist yet); `--overwrite-destination` replaces it.
From this folder:

```sh
docker run --rm \\
    -v "$PWD":/import \\
    -v geokg-neo4j-data:/data \\
    neo4j:5 \\
    {import_command("/import")}
```

Without Docker, run the same `neo4j-admin database import full ...` line from the Neo4j home
with the `--nodes`/`--relationships` paths pointing at these files.

## Then create the constraints and indexes

`neo4j-admin` import does not create them. Start Neo4j, then:

```sh
cypher-shell -a neo4j://localhost:7687 -u neo4j -f schema.cypher
```
"""


# --- networkx: GraphML and JSON ----------------------------------------------------------------


def snapshot_to_networkx(snapshot: GraphSnapshot) -> nx.MultiDiGraph:
    """The entity graph: one node per entity, one edge (key = type) per stored relationship."""
    graph = nx.MultiDiGraph()
    for e in snapshot.entities:
        attrs = {k: v for k, v in e.items() if k != "id" and v is not None}
        attrs["aliases"] = list(e["aliases"] or [])
        graph.add_node(e["id"], **attrs)
    for r in snapshot.relations:
        attrs = {k: v for k, v in r["props"].items() if v is not None}
        graph.add_edge(r["source_id"], r["target_id"], key=r["type"], type=r["type"], **attrs)
    return graph


def export_graphml(snapshot: GraphSnapshot, path: Path) -> Path:
    """Write GraphML; list attributes are JSON strings (GraphML has no list type)."""
    graph = snapshot_to_networkx(snapshot)
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: _graphml_value(v) for k, v in data.items()})
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **{k: _graphml_value(x) for k, x in data.items()})
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(flat, path, encoding="utf-8", named_key_ids=True)
    return path


def _graphml_value(value: Any) -> Any:
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def export_json(snapshot: GraphSnapshot, path: Path) -> Path:
    """Write networkx node-link JSON (``edges`` key); provenance rows (documents, sentences,
    mention nodes) are graph attributes."""
    graph = snapshot_to_networkx(snapshot)
    graph.graph["documents"] = snapshot.documents
    graph.graph["sentences"] = snapshot.sentences
    graph.graph["mentions"] = snapshot.mentions
    data = nx.node_link_data(graph, edges="edges")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


# --- Neo4j Browser kit -------------------------------------------------------------------------


_EXAMPLES = {
    "string": "'Russia'",
    "integer": "25",
    "float": "0.5",
    "boolean": "true",
    "date": "'2022-01-01'",
}
_EXAMPLE_BY_NAME = {
    "target": "'Turkey'",
    "b": "'Turkey'",
    "type": "'SUPPORTS'",
    "from": "'2019'",
    "to": "'2025'",
}


def _favourite(name: str) -> str:
    """One Browser favourite: title comment first (Browser names the favourite after it)."""
    query = library()[name]
    lines = [f"// {query.title}"]
    for p in query.params:
        if p.required:
            value = _EXAMPLE_BY_NAME.get(p.name, _EXAMPLES[p.type])
        else:
            value = cypher.literal(p.default)
        lines.append(f"// :param {p.name} => {value}   ({p.description})")
    lines += [f"// {note}" for note in query.notes]
    lines.append(f"// geokg query {name}")
    return "\n".join(lines) + "\n" + query.statement("neo4j") + "\n"


def export_browser(out_dir: Path) -> Path:
    """Write the GraSS style and one Browser favourite per named query into a folder."""
    out_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(BROWSER_DIR / "geokg.grass", out_dir / "geokg.grass")
    fav = out_dir / "favorites"
    fav.mkdir(exist_ok=True)
    for name in library():
        (fav / f"{name}.cypher").write_text(_favourite(name), encoding="utf-8")
    return out_dir


def export_graph(store: GraphStore | None, fmt: str, out: Path) -> Path:
    """Export the stored graph (or, for ``browser``, the static kit) in one format.

    Raises:
        ConfigError: Unknown format.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "browser":
        return export_browser(out)
    if store is None:
        raise ConfigError(f"format {fmt} needs a store")
    snapshot = read_graph(store)
    if fmt == "neo4j-import":
        return export_neo4j_import(snapshot, out)
    if fmt == "cypher":
        return export_cypher(snapshot, out)
    if fmt == "graphml":
        return export_graphml(snapshot, out)
    return export_json(snapshot, out)
