"""Hostile strings on the REAL embedded FalkorDB: stored verbatim, nothing else happens.

Every value a load sends travels in the ``rows`` parameter; statements come only from
:mod:`geokg.graph.cypher`, with labels and relationship types from the schema enums. The tests
load records built through :class:`GraphBuilder` whose names, ids, aliases, sentence texts,
document names, triggers and roles are injection attempts, then read them back by parameter and
check that the rest of the graph is untouched. A wrapper on the redis connection records the
exact text sent to the server.
"""

from __future__ import annotations

import ast
import hashlib
import inspect
import re
from pathlib import Path
from typing import Any

import pytest

from geokg.graph import cypher
from geokg.graph.build import GraphBatch, GraphBuilder
from geokg.graph.export import read_graph
from geokg.graph.falkor import FalkorStore, index_safe_id
from geokg.graph.store import load_plan
from geokg.schema import (
    DocumentRecord,
    EntityLabel,
    EntityMention,
    Modality,
    RelationMention,
    RelationType,
    SentenceRecord,
    TextSpan,
    document_id,
    sentence_id,
)

HOSTILE = [
    "Robert'); MATCH (n) DETACH DELETE n //",
    "x'}) MATCH (n) DETACH DELETE n WITH 1 AS x MERGE (m {id: '",
    '"}) MATCH (n) DETACH DELETE n //',
    "`Entity`) DETACH DELETE n // `:Leader`",
    "{id: $rows} {rows} ${x} $param $$",
    "CYPHER rows=[] MATCH (n) DETACH DELETE n",
    "line one\nline two\r\nthird\ttab\x0bvt\x0cff",
    "back\\slash \\' \\\" \\n \\u0041 \\\\u0041 end\\",
    "quotes ' \" ` \u2019 \u201d \u00ab\u00bb '' \"\"",
    "\u042d\u0440\u0434\u043e\u0433\u0430\u043d \u57c3\u5c14\u591a\u5b89 "
    "\u0623\u0631\u062f\u0648\u063a\u0627\u0646 \U0001f600 \u202eRTL\u202c e\u0301",
    "control \x01\x07\x1b\x7f\x85 chars",
    "*/ // /* -- ; RETURN 1; DROP",
    "\u2028line\u2029separators\ufeff",
    "N" * 10_000,
    " leading and trailing spaces ",
]
DOC = "hostile ') MATCH (n) DETACH DELETE n //.txt"
LABELS = list(EntityLabel)


def _hostile_id(i: int, text: str) -> str:
    """The raw hostile id of entity ``i`` (what the records carry)."""
    return f"{LABELS[i % len(LABELS)].value.lower()}:{text}"


def _stored_id(i: int, text: str) -> str:
    """The id FalkorDB holds: the raw id, or its surrogate where FalkorDB cannot index it."""
    return index_safe_id(_hostile_id(i, text))


def hostile_batch() -> GraphBatch:
    """A document whose every string is hostile, built by the real GraphBuilder.

    Entity ``i`` has name ``HOSTILE[i]``, the raw hostile text as its id, the next hostile text
    as an alias; one sentence per entity mentions it and the next one, with a relation whose
    trigger and role are hostile too.
    """
    builder = GraphBuilder()
    doc = DocumentRecord(
        id=document_id(DOC), name=DOC, chars=1, sha1=hashlib.sha1(b"x").hexdigest()
    )
    builder.add_document(doc)
    offset = 0
    n = len(HOSTILE)
    for i, name in enumerate(HOSTILE):
        nxt = (i + 1) % n
        text = f"{name} | {HOSTILE[nxt]}"
        start, end = offset, offset + len(text)
        offset = end + 1
        label, next_label = LABELS[i % len(LABELS)], LABELS[nxt % len(LABELS)]
        a_id, b_id = _hostile_id(i, name), _hostile_id(nxt, HOSTILE[nxt])
        for surface, ent_id, ent_name, ent_label, at in (
            (name, a_id, name, label, start),
            (HOSTILE[nxt][::-1] or "x", b_id, HOSTILE[nxt], next_label, start),
        ):
            builder.add_entity(
                EntityMention(
                    doc=DOC,
                    name=ent_name,
                    label=ent_label,
                    start=at,
                    end=at + len(surface),
                    text=surface,
                    id=ent_id,
                    sentence_start=start,
                    sentence_end=end,
                )
            )
        builder.add_relation(
            RelationMention(
                doc=DOC,
                source=name,
                source_id=a_id,
                source_label=label,
                type=RelationType.LEADS,
                target=HOSTILE[nxt],
                target_id=b_id,
                target_label=next_label,
                sentence=TextSpan(start=start, end=end, text=text),
                trigger=TextSpan(start=start, end=start + 1, text=name),
                rule="test.v1",
                confidence=0.5,
                role=HOSTILE[nxt],
                year=2000 + i,
            )
        )
        builder.add_sentence(
            SentenceRecord(
                id=sentence_id(DOC, start, end),
                doc=DOC,
                doc_id=doc.id,
                start=start,
                end=end,
                text=text,
                entity_ids=(a_id, b_id),
            )
        )
    return builder.batch()


def test_hostile_batch_is_what_the_tests_assume() -> None:
    batch = hostile_batch()
    assert len({_hostile_id(i, h) for i, h in enumerate(HOSTILE)}) == len(HOSTILE)
    assert len(batch.entities) == len(HOSTILE)
    assert len(batch.relations) == len(HOSTILE)
    assert len(batch.sentences) == len(HOSTILE)


def _snapshot(store: FalkorStore) -> dict[str, Any]:
    return {
        "counts": store.counts(),
        "documents": store.query(cypher.read_documents()).records(),
        "entities": store.query(cypher.read_entities()).records(),
        "sentences": sorted(
            store.query(cypher.read_sentences()).records(), key=lambda r: str(r["id"])
        ),
        "relations": store.query(cypher.read_relations()).records(),
    }


def _without(snapshot: dict[str, Any], ids: set[str], doc: str) -> dict[str, Any]:
    """The snapshot's baseline part: rows that do not belong to the hostile document."""
    return {
        "documents": [d for d in snapshot["documents"] if d["name"] != doc],
        "entities": [e for e in snapshot["entities"] if e["id"] not in ids],
        "sentences": [s for s in snapshot["sentences"] if s["doc"] != doc],
        "relations": [r for r in snapshot["relations"] if r["source_id"] not in ids],
    }


def test_hostile_strings_are_stored_verbatim_and_nothing_else_happens(
    store: FalkorStore, batch_ab: GraphBatch
) -> None:
    store.load(batch_ab)
    before = _snapshot(store)
    batch = hostile_batch()
    store.load(batch)
    after = _snapshot(store)

    ids = {_stored_id(i, h) for i, h in enumerate(HOSTILE)}
    # nothing else happened: the baseline graph is untouched and the counts grew by the batch
    assert _without(after, ids, DOC) == _without(before, set(), "")
    counts, base = after["counts"], before["counts"]
    assert counts["nodes"]["Entity"] == base["nodes"]["Entity"] + len(HOSTILE)
    assert counts["nodes"]["Document"] == base["nodes"]["Document"] + 1
    assert counts["nodes"]["Sentence"] == base["nodes"]["Sentence"] + len(HOSTILE)
    assert counts["relationships"]["LEADS"] == base["relationships"]["LEADS"] + len(HOSTILE)
    assert counts["relationships"]["MENTIONS"] == base["relationships"]["MENTIONS"] + 2 * len(
        HOSTILE
    )

    # every string reads back equal, looked up by parameter
    for i, name in enumerate(HOSTILE):
        nxt = HOSTILE[(i + 1) % len(HOSTILE)]
        rows = store.query(
            "MATCH (n:Entity {id: $id}) RETURN n.name, n.aliases, labels(n)",
            {"id": _stored_id(i, name)},
        ).rows
        assert len(rows) == 1, name[:80]
        got_name, aliases, labels = rows[0]
        assert got_name == name
        assert sorted(labels) == sorted(["Entity", LABELS[i % len(LABELS)].value])
        mine = next(e for e in batch.entities if e.id == _hostile_id(i, name))
        assert aliases == mine.aliases
        rel = store.query(
            "MATCH (a:Entity {id: $a})-[r:LEADS]->(b:Entity {id: $b}) "
            "MATCH (a)<-[:SOURCE]-(m:Mention)-[:TARGET]->(b) "
            "RETURN r.cues, r.roles, r.role, r.doc_count, r.first_year, m.trigger, m.role",
            {"a": _stored_id(i, name), "b": _stored_id((i + 1) % len(HOSTILE), nxt)},
        ).rows
        assert rel == [[[name.lower()], [nxt], nxt, 1, 2000 + i, name, nxt]], name[:80]
    texts = sorted(s["text"] for s in after["sentences"] if s["doc"] == DOC)
    assert texts == sorted(s.text for s in batch.sentences)
    docs = store.query("MATCH (d:Document {name: $name}) RETURN d.id", {"name": DOC}).rows
    assert docs == [[document_id(DOC)]]


def test_hostile_batch_loads_idempotently(store: FalkorStore) -> None:
    store.load(hostile_batch())
    first = _snapshot(store)
    store.load(hostile_batch())
    assert _snapshot(store) == first


def _templates(batch: GraphBatch) -> set[str]:
    out = {step.statement for step in load_plan(batch)}
    # FalkorDB's fast path for entities and relationships
    out.add(cypher.falkor_entity_nodes())
    out.add(cypher.falkor_sentence_nodes())
    out.add(cypher.falkor_create_sentences())
    out.add(cypher.falkor_document_nodes())
    out.add(cypher.falkor_sentence_mentions())
    out.add(cypher.falkor_pair_documents())
    out.update(cypher.falkor_create_entities(label) for label in EntityLabel)
    for one in (False, True):
        out.update(cypher.falkor_update_relations(t, one=one) for t in RelationType)
        out.update(cypher.falkor_create_relations(t, one=one) for t in RelationType)
    return out


def test_load_sends_only_cypher_module_templates_with_values_in_parameters(
    cypher_store: FalkorStore, sent: list[str]
) -> None:
    batch = hostile_batch()
    templates = _templates(batch)
    cypher_store.load(batch)
    assert sent, "the wrapper saw nothing"
    for wire in sent:
        assert wire.startswith("CYPHER rows="), wire[:80]
        matches = [t for t in templates if wire.endswith(" " + t)]
        assert len(matches) == 1, wire[-200:]
        header = wire[: -len(matches[0]) - 1]
        # the statement after the parameter header is exactly the template: no value in it
        for text in HOSTILE:
            assert text[:40] not in matches[0]
        assert header.startswith("CYPHER rows=[")
        assert header.endswith("]")


def test_bulk_first_load_sends_values_only_in_its_binary_rows(
    store: FalkorStore, cypher_store: FalkorStore, sent: list[str]
) -> None:
    """The GRAPH.BULK first load sends no statement holding a value: only the fixed checks
    and schema statements of the cypher module. Its graph equals the Cypher path's."""
    batch = hostile_batch()
    cypher_store.load(batch)
    expected = read_graph(cypher_store)
    cypher_store.clear()
    cypher_store.ensure_schema()
    sent.clear()
    stats = store.load(batch)
    assert stats.statements >= 1  # GRAPH.BULK calls
    fixed = {cypher.count_nodes(), cypher.count_relationships(), cypher.falkor_index_states()}
    fixed |= {cypher.falkor_list_constraints(), cypher.falkor_list_indexes()}
    fixed |= set(cypher.falkor_schema_names())
    fixed |= {cypher.falkor_create_index(label, prop) for label, prop in cypher.falkor_indexes()}
    assert sent
    for wire in sent:
        assert wire in fixed, wire[:200]
    assert read_graph(store) == expected


def test_queries_send_values_only_as_parameters(store: FalkorStore, sent: list[str]) -> None:
    store.load(hostile_batch())
    sent.clear()
    for text in HOSTILE:
        store.query("MATCH (n:Entity) WHERE n.name = $name RETURN n.id", {"name": text})
    assert len(sent) == len(HOSTILE)
    for wire in sent:
        assert wire.startswith("CYPHER `name`=")
        assert wire.endswith(" MATCH (n:Entity) WHERE n.name = $name RETURN n.id")


_IDENT = re.compile(r"[:\[]\s*([A-Za-z_][A-Za-z0-9_]*)")


def test_loader_statements_name_only_schema_labels_and_types() -> None:
    allowed = {label.value for label in EntityLabel} | {t.value for t in RelationType}
    allowed |= {cypher.ENTITY, cypher.DOCUMENT, cypher.SENTENCE, cypher.IN, cypher.MENTIONS}
    allowed |= {cypher.MENTION, cypher.SOURCE, cypher.TARGET}
    # the only string literals: enum values (a mention's type, the modalities counted)
    literals = [f"'{v.value}'" for v in (*RelationType, *Modality)]
    statements = [cypher.merge_entities(label) for label in EntityLabel]
    statements += [cypher.merge_relations(t) for t in RelationType]
    statements += [
        cypher.merge_documents(),
        cypher.merge_sentences(),
        cypher.merge_mentions(),
        cypher.refresh_entity_mentions(),
        cypher.falkor_entity_nodes(),
        cypher.falkor_sentence_nodes(),
        cypher.falkor_create_sentences(),
        cypher.falkor_document_nodes(),
        cypher.falkor_sentence_mentions(),
        cypher.falkor_pair_documents(),
    ]
    statements += [cypher.falkor_create_entities(label) for label in EntityLabel]
    for one in (False, True):
        statements += [cypher.falkor_update_relations(t, one=one) for t in RelationType]
        statements += [cypher.falkor_create_relations(t, one=one) for t in RelationType]
    for statement in statements:
        # pattern labels/types follow "(x:" or "[r:"; property names follow "{" and "."
        for label in re.findall(r"\(\w*:(\w+)", statement) + re.findall(r"\[\w*:(\w+)", statement):
            assert label in allowed, (label, statement)
        for known in literals:
            statement = statement.replace(known, "")
        assert "'" not in statement
        assert '"' not in statement
        assert "`" not in statement
        assert set(re.findall(r"\$\w+", statement)) == {"$rows"}


@pytest.mark.parametrize(
    "call",
    [
        lambda h: cypher.merge_entities(h),
        lambda h: cypher.merge_relations(h),
        lambda h: cypher.falkor_create_entities(h),
        lambda h: cypher.falkor_update_relations(h),
        lambda h: cypher.falkor_create_relations(h),
        lambda h: cypher.falkor_create_index(h, "id"),
        lambda h: cypher.falkor_create_index("Entity", h),
    ],
    ids=[
        "label",
        "type",
        "create-label",
        "update-type",
        "create-type",
        "index-label",
        "index-property",
    ],
)
@pytest.mark.parametrize("hostile", [*HOSTILE[:6], "Entity) DETACH DELETE n //", "Person "])
def test_identifiers_outside_the_schema_are_refused(call: Any, hostile: str) -> None:
    with pytest.raises(ValueError):
        call(hostile)


# Every ``{...}`` in the f-strings of geokg.graph.cypher, per function. Constants are module
# names; ``_label``/``_rel_type``/``_name`` check identifiers against the enums or a pattern
# (``name`` in merge_relations is ``_rel_type(t)``); ``_union``/``_capped``/``_least`` are called
# with literals, row positions and field names only; ``f``, ``c``, ``m``, ``flag`` and
# ``name`` iterate the module's field tuples (RELATION_COUNT_FIELDS, RELATION_SAMPLE_FIELDS,
# MENTION_FIELDS, the modalities) or literal tuples; ``_row_field``/``_mention_field`` give
# integer row positions; ``props``/``sets``/``body``/``years`` join such items; ``rows`` is
# ``$rows`` (or, in the script exporter, ``literal(rows)``). A new interpolation fails this test
# until someone has checked where its value comes from.
_ROLE_SAMPLES = {"_capped('r.roles', value('roles'))", "_capped('r.statuses', value('statuses'))"}
INTERPOLATIONS = {
    "_name": {"value"},
    "_union": {"prop", "value or f'row.{prop}'", "var"},
    "_capped": {"_CAP", "values", "var"},
    "_least": {"op", "stored", "value"},
    "_samples": {*_ROLE_SAMPLES, "_capped(f'r.{f}', value(f))", "f"},
    "_mention_props": {"name", "value(name)", "value('id')", "_rel_type(rtype)"},
    "_row_field": {"_ROW_FIELD_INDEX[field]"},
    "_mention_field": {"_MENTION_FIELD_INDEX[field]"},
    "_node_pair": {"rows"},
    "_create_mentions": {
        "_MENTIONS_INDEX",
        "MENTION",
        "SOURCE",
        "props",
        "IN",
        "TARGET",
        "head",
        "_one_mention_field('sentence')",
    },
    "_one_mention_field": {"_MENTIONS_INDEX + _MENTION_FIELD_INDEX[field]"},
    "merge_documents": {"DOCUMENT", "rows"},
    "merge_entities": {"ENTITY", "_label(label)", "_union('n', 'aliases')", "rows"},
    "merge_sentences": {"DOCUMENT", "IN", "SENTENCE", "rows"},
    "merge_mentions": {"ENTITY", "MENTIONS", "SENTENCE", "rows"},
    "refresh_entity_mentions": {"ENTITY", "MENTIONS", "SENTENCE", "rows"},
    "merge_relations": {
        "ENTITY",
        "IN",
        "MENTION",
        "SENTENCE",
        "SOURCE",
        "TARGET",
        "_least('y', 'x', '<')",
        "_least('y', 'x', '>')",
        "_least('d', 'x', '<')",
        "_least('d', 'x', '>')",
        "dates",
        "y",
        "f",
        "flag",
        "m",
        "name",
        "props",
        "rows",
        "sets",
        "years",
    },
    "falkor_entity_nodes": {"ENTITY", "rows"},
    "falkor_sentence_nodes": {"SENTENCE", "rows"},
    "falkor_create_sentences": {"DOCUMENT", "IN", "SENTENCE", "rows"},
    "falkor_document_nodes": {"DOCUMENT", "rows"},
    "falkor_sentence_mentions": {"MENTION", "rows", "IN"},
    "falkor_pair_documents": {"MENTION", "SOURCE", "_node_pair(rows)", "TARGET"},
    "falkor_create_entities": {"ENTITY", "_label(label)", "rows"},
    "_time_sets": {
        "_least('r.first_date', first, '<')",
        "_least('r.last_date', last, '>')",
        "count('y')",
        "counts",
        "merged",
        "old",
        "old_counts",
        "years",
    },
    "falkor_update_relations": {
        "years",
        "counts",
        "y",
        "tail",
        "_least('r.first_year', _row_field('first_year'), '<')",
        "_least('r.last_year', _row_field('last_year'), '>')",
        "_node_pair(rows)",
        "_rel_type(t)",
        "_row_field(c)",
        "_row_field(f)",
        "body",
        "c",
        "f",
    },
    "falkor_create_relations": {
        "_create_mentions(t, one)",
        "_node_pair(rows)",
        "_rel_type(t)",
        "_row_field('roles')",
        "_row_field('statuses')",
        "_row_field(f)",
        "body",
        "f",
    },
    "neo4j_schema_statements": {"ENTITY", "MENTION", "SENTENCE", "label", "label.lower()"},
    "falkor_create_index": {"_name(label)", "_name(prop)"},
    "read_entities": {"ENTITY"},
    "read_documents": {"DOCUMENT"},
    "read_sentences": {"ENTITY", "MENTIONS", "SENTENCE"},
    "read_mentions": {"SENTENCE", "ENTITY", "MENTION", "SOURCE", "f", "props", "IN", "TARGET"},
    "read_relations": {"ENTITY"},
    "_escape_char": {"code"},
    "literal": {"_name(str(k))", "literal(v)", "type(value).__name__", "value"},
}


def test_cypher_module_interpolates_only_reviewed_expressions() -> None:
    tree = ast.parse(inspect.getsource(cypher))
    found: dict[str, set[str]] = {}
    for fn in tree.body:
        if isinstance(fn, ast.FunctionDef):
            exprs = {
                ast.unparse(n.value) for n in ast.walk(fn) if isinstance(n, ast.FormattedValue)
            }
            if exprs:
                found[fn.name] = exprs
    assert found == INTERPOLATIONS


def test_statement_builders_get_rows_only_as_the_parameter_or_a_literal() -> None:
    """Outside cypher.py, a builder's ``rows`` argument is absent or ``cypher.literal(...)``."""
    builders = {"merge_documents", "merge_entities", "merge_sentences", "merge_mentions"}
    builders |= {"merge_relations", "refresh_entity_mentions"}
    package = Path(cypher.__file__).parents[1]
    for path in package.rglob("*.py"):
        if path.name == "cypher.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            if node.func.attr not in builders:
                continue
            positional = 1 if node.func.attr in {"merge_entities", "merge_relations"} else 0
            rows = node.args[positional:] + [k.value for k in node.keywords if k.arg == "rows"]
            for arg in rows:
                assert ast.unparse(arg).startswith(("cypher.literal(", "literal(")), (
                    f"{path}: {ast.unparse(node)}"
                )


def test_store_modules_build_no_cypher_from_values() -> None:
    """The stores send statements from the cypher module; the only f-string they send is the
    FalkorDB parameter header, whose values are JSON or the driver's quoting."""
    for module in ("falkor.py", "falkor_bulk.py", "falkor_wire.py", "neo4j_store.py", "store.py"):
        source = (Path(cypher.__file__).parent / module).read_text(encoding="utf-8")
        for m in re.finditer(r"f\"[^\"]*\b(MATCH|MERGE|CREATE|DELETE|SET)\b", source):
            raise AssertionError(f"{module}: Cypher built in an f-string: {m.group(0)}")
        assert source.count('f"CYPHER rows={text} {statement}"') <= 1
        assert "CYPHER rows=" not in source.replace('f"CYPHER rows={text} {statement}"', "")


@pytest.mark.parametrize(
    "raw",
    [
        " leading space",
        "trailing space ",
        "tab\t",
        "\nnewline",
        "country:" + "n" * 10_000,
        "country:" + "\u00e9" * 2_000,
        "a\x01b",
    ],
    ids=["leading", "trailing", "tab", "newline", "10k", "4k-bytes", "U+0001"],
)
def test_ids_falkordb_cannot_index_get_a_stable_surrogate(raw: str) -> None:
    safe = index_safe_id(raw)
    assert safe != raw
    assert safe == index_safe_id(raw)
    assert index_safe_id(safe) == safe
    assert len(safe.encode("utf-8")) <= 4096
    assert not safe[:1].isspace()
    assert "\x01" not in safe
    assert index_safe_id(raw + "x") != safe


@pytest.mark.parametrize("name", [" padded name ", "N" * 10_000, "x\x01y"])
def test_an_id_falkordb_cannot_index_neither_crashes_the_server_nor_duplicates(
    store: FalkorStore, name: str
) -> None:
    """FalkorDB segfaults on such ids under a unique constraint; the store maps them first."""
    for _ in range(2):
        builder = GraphBuilder()
        builder.add_entity(
            EntityMention(
                doc="d.txt",
                name=name,
                label=EntityLabel("Person"),
                start=0,
                end=len(name),
                text=name,
                id=f"person:{name}",
            )
        )
        store.load(builder.batch())
    assert store.server.status().running
    rows = store.query("MATCH (n:Entity) RETURN n.id, n.name").rows
    assert rows == [[index_safe_id(f"person:{name}"), name]]


def test_a_10k_character_name_with_the_extractor_id_is_stored_verbatim(store: FalkorStore) -> None:
    from geokg.schema import entity_id

    name = "Ab" * 5_000
    builder = GraphBuilder()
    builder.add_entity(
        EntityMention(
            doc="d.txt",
            name=name,
            label=EntityLabel("Organization"),
            start=0,
            end=len(name),
            text=name,
            id=entity_id("Organization", name),
        )
    )
    store.load(builder.batch())
    rows = store.query("MATCH (n:Organization) RETURN n.name").rows
    assert rows == [[name]]
