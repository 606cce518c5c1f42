"""Every Cypher statement geokg sends, as small functions returning strings.

Labels and relationship types are taken only from the closed enums of :mod:`geokg.schema`
(and the three fixed provenance names below) and checked against an identifier pattern before
they are placed in a statement; every value is a parameter (``$rows``). The one exception is
:func:`literal`, used by the cypher-shell script exporter, where values must be literals: it
escapes rigorously and is tested with hostile strings.

The loader statements are written in the subset of Cypher that both FalkorDB and Neo4j 5
accept, so one template serves both stores and the exported script. Each loader statement is
``UNWIND <rows> AS row`` followed by a body that MERGEs on stable ids; a relationship's counts
grow only by the evidence nodes (``:Mention``) the same statement creates, so loading the same
rows twice changes nothing.

Example:
    >>> from geokg.schema import RelationType
    >>> print(merge_relations(RelationType.SUPPORTS).splitlines()[3])
    MERGE (a)-[r:SUPPORTS]->(b)
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence

from geokg.schema import MAX_CUES, EntityLabel, RelationType

__all__ = [
    "DOCUMENT",
    "DOCUMENT_PROPS",
    "ENTITY",
    "ENTITY_PROPS",
    "IN",
    "MENTION",
    "MENTIONS",
    "MENTION_FIELDS",
    "MENTION_PROPS",
    "MENTION_ROW_FIELDS",
    "RELATION_COUNT_FIELDS",
    "RELATION_HEADS",
    "RELATION_ROW_FIELDS",
    "RELATION_SAMPLE_FIELDS",
    "RELATION_TIME_FIELDS",
    "SENTENCE",
    "SENTENCE_PROPS",
    "SOURCE",
    "TARGET",
    "clear_batch",
    "count_nodes",
    "count_nodes_by_labels",
    "count_relationships",
    "count_relationships_by_type",
    "falkor_create_entities",
    "falkor_create_index",
    "falkor_create_relations",
    "falkor_create_sentences",
    "falkor_document_nodes",
    "falkor_entity_nodes",
    "falkor_index_states",
    "falkor_indexes",
    "falkor_list_constraints",
    "falkor_list_indexes",
    "falkor_pair_documents",
    "falkor_schema_names",
    "falkor_sentence_mentions",
    "falkor_sentence_nodes",
    "falkor_update_relations",
    "literal",
    "merge_documents",
    "merge_entities",
    "merge_mentions",
    "merge_relations",
    "merge_sentences",
    "neo4j_schema_statements",
    "read_documents",
    "read_entities",
    "read_mentions",
    "read_relations",
    "read_sentences",
    "refresh_entity_mentions",
]

ENTITY = "Entity"
"""The label every entity node carries besides its type label (unique ``id``)."""
DOCUMENT = "Document"
SENTENCE = "Sentence"
MENTION = "Mention"
"""The label of evidence nodes: one per relation mention."""
IN = "IN"
"""``(:Sentence)-[:IN]->(:Document)`` and ``(:Mention)-[:IN]->(:Sentence)``."""
SOURCE = "SOURCE"
"""``(:Mention)-[:SOURCE]->(:Entity)``: the source of the mentioned relationship."""
TARGET = "TARGET"
"""``(:Mention)-[:TARGET]->(:Entity)``: its target."""
MENTIONS = "MENTIONS"
"""``(:Sentence)-[:MENTIONS]->(:Entity)``."""

ROWS = "$rows"

_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*")

# Count properties of a relationship, each the number of its mention nodes with that trait.
RELATION_COUNT_FIELDS: tuple[str, ...] = (
    "mentions",
    "asserted",
    "hedged",
    "reported",
    "hypothetical",
    "negated",
    "quoted",
    "doc_count",
)
# Sample lists of a relationship, each capped at MAX_CUES distinct values.
RELATION_SAMPLE_FIELDS: tuple[str, ...] = ("cues", "roles", "statuses")
# Time of a relationship from its documents' dates: the first and last date (ISO text) and
# parallel lists, ascending years and the number of mentions from documents of each year.
RELATION_TIME_FIELDS: tuple[str, ...] = ("first_date", "last_date", "doc_years", "doc_year_counts")
# The values of a positional relationship row after its two endpoint node ids (FalkorDB),
# then the list of its new mentions (MENTION_ROW_FIELDS each).
RELATION_ROW_FIELDS: tuple[str, ...] = (
    *RELATION_COUNT_FIELDS,
    "first_year",
    "last_year",
    *RELATION_TIME_FIELDS,
    *RELATION_SAMPLE_FIELDS,
    "polarity",
    "symmetric",
)
# Properties of a Mention node (besides ``id`` and ``type``), in row order.
MENTION_FIELDS: tuple[str, ...] = (
    "doc_id",
    "doc_date",
    "modality",
    "negated",
    "quoted",
    "year",
    "trigger",
    "rule",
    "confidence",
    "role",
    "status",
    "context",
)
# A positional mention row (FalkorDB): id, the sentence's node id, then MENTION_FIELDS.
MENTION_ROW_FIELDS: tuple[str, ...] = ("id", "sentence", *MENTION_FIELDS)
# Properties of the nodes FalkorDB's fast path and bulk load create (a test checks them
# against the MERGE statements).
DOCUMENT_PROPS: tuple[str, ...] = ("id", "name", "sha1", "chars", "date", "title", "source", "url")
ENTITY_PROPS: tuple[str, ...] = ("id", "name", "aliases", "iso3", "mentions", "doc_count")
SENTENCE_PROPS: tuple[str, ...] = ("id", "doc", "doc_id", "start", "end", "text")
MENTION_PROPS: tuple[str, ...] = ("id", "type", *MENTION_FIELDS)
# A type's extra relationship property: the first value of one of its sample lists (as
# ``_samples`` and ``falkor_create_relations`` write it).
RELATION_HEADS: dict[RelationType, tuple[str, str]] = {
    RelationType.LEADS: ("role", "roles"),
    RelationType.MEMBER_OF: ("status", "statuses"),
}
_MODALITY_COUNTS = ("asserted", "hedged", "reported", "hypothetical")
_CAP = MAX_CUES


def _name(value: str) -> str:
    """Refuse anything that is not a plain identifier (labels and types are never quoted)."""
    if not _IDENTIFIER.fullmatch(value):
        raise ValueError(f"not a Cypher identifier: {value!r}")
    return value


def _label(label: EntityLabel | str) -> str:
    return _name(EntityLabel(label).value)


def _rel_type(rtype: RelationType | str) -> str:
    return _name(RelationType(rtype).value)


def _union(var: str, prop: str, value: str | None = None) -> str:
    """Set union of a stored list property and the row's list, keeping first-seen order."""
    return (
        f"reduce(acc = coalesce({var}.{prop}, []), x IN {value or f'row.{prop}'} | "
        f"CASE WHEN x IN acc THEN acc ELSE acc + x END)"
    )


def _capped(var: str, values: str) -> str:
    """Union of a stored sample list and new values, keeping at most ``_CAP`` of them."""
    return (
        f"reduce(acc = coalesce({var}, []), x IN {values} | "
        f"CASE WHEN x IS NULL OR x IN acc OR size(acc) >= {_CAP} THEN acc ELSE acc + x END)"
    )


def _least(stored: str, value: str, op: str) -> str:
    """The smaller (``<``) or larger (``>``) of a stored value and a new one; nulls ignored."""
    return (
        f"CASE WHEN {value} IS NULL OR ({stored} IS NOT NULL AND {stored} {op}= {value}) "
        f"THEN {stored} ELSE {value} END"
    )


def _time_sets(first: str, last: str, years: str, count: Callable[[str], str]) -> list[str]:
    """SET items of :data:`RELATION_TIME_FIELDS` for new mentions.

    Args:
        first: The earliest document date of the new mentions (null when none is dated).
        last: The latest one.
        years: A list expression of the new mentions' years (duplicates allowed).
        count: ``count(y)`` is the number of new mentions from documents of year ``y``.

    The year list stays ascending (a year is inserted between the smaller and the larger
    ones). The counts come before the years: Neo4j applies SET items in order, so they must
    read the stored years before these change (FalkorDB reads every stored value as it was).
    """
    old, old_counts = "coalesce(r.doc_years, [])", "coalesce(r.doc_year_counts, [])"
    merged = (
        f"reduce(acc = {old}, y IN {years} | CASE WHEN y IN acc THEN acc "
        "ELSE [v IN acc WHERE v < y] + y + [v IN acc WHERE v > y] END)"
    )
    counts = (
        f"[y IN {merged} | coalesce(head([i IN range(0, size({old}) - 1) "
        f"WHERE {old}[i] = y | {old_counts}[i]]), 0) + {count('y')}]"
    )
    return [
        f"r.first_date = {_least('r.first_date', first, '<')}",
        f"r.last_date = {_least('r.last_date', last, '>')}",
        f"r.doc_year_counts = {counts}",
        f"r.doc_years = {merged}",
    ]


# --- loader statements ---------------------------------------------------------------------


def merge_documents(rows: str = ROWS) -> str:
    """MERGE ``(:Document {id})`` rows ``{id, name, sha1, chars, date, title, source, url}``.

    ``date``, ``title``, ``source`` and ``url`` keep the stored value where the row has none
    (a later run without the ``--meta`` file does not erase them).
    """
    return (
        f"UNWIND {rows} AS row\n"
        f"MERGE (d:{DOCUMENT} {{id: row.id}})\n"
        "SET d.name = row.name, d.sha1 = row.sha1, d.chars = row.chars,\n"
        "    d.date = coalesce(row.date, d.date), d.title = coalesce(row.title, d.title),\n"
        "    d.source = coalesce(row.source, d.source), d.url = coalesce(row.url, d.url)"
    )


def merge_entities(label: EntityLabel | str, rows: str = ROWS) -> str:
    """MERGE entity nodes of one label: rows ``{id, name, aliases, iso3}``.

    The node is matched on the unique ``Entity.id``; aliases are a set union; ``iso3`` keeps
    the stored value where the row has none. Mention counts are set by
    :func:`refresh_entity_mentions`, never incremented here.
    """
    return (
        f"UNWIND {rows} AS row\n"
        f"MERGE (n:{ENTITY} {{id: row.id}})\n"
        f"SET n:{_label(label)}\n"
        "SET n.name = row.name,\n"
        "    n.iso3 = coalesce(row.iso3, n.iso3),\n"
        f"    n.aliases = {_union('n', 'aliases')}"
    )


def merge_sentences(rows: str = ROWS) -> str:
    """MERGE ``(:Sentence)-[:IN]->(:Document)``: rows ``{id, doc, doc_id, start, end, text}``."""
    return (
        f"UNWIND {rows} AS row\n"
        f"MERGE (d:{DOCUMENT} {{id: row.doc_id}})\n"
        "ON CREATE SET d.name = row.doc\n"
        f"MERGE (s:{SENTENCE} {{id: row.id}})\n"
        "SET s.doc = row.doc, s.doc_id = row.doc_id, s.start = row.start, s.end = row.end,\n"
        "    s.text = row.text\n"
        f"MERGE (s)-[:{IN}]->(d)"
    )


def merge_mentions(rows: str = ROWS) -> str:
    """MERGE ``(:Sentence)-[:MENTIONS]->(:Entity)``: rows ``{sentence_id, entity_id}``."""
    return (
        f"UNWIND {rows} AS row\n"
        f"MATCH (s:{SENTENCE} {{id: row.sentence_id}})\n"
        f"MATCH (e:{ENTITY} {{id: row.entity_id}})\n"
        f"MERGE (s)-[:{MENTIONS}]->(e)"
    )


def refresh_entity_mentions(rows: str = ROWS) -> str:
    """Recompute ``mentions`` and ``doc_count`` of entities from their MENTIONS links.

    Rows ``{id, mentions}``. ``mentions`` is the number of evidence sentences that mention the
    entity, so reloading cannot inflate it. An entity without any MENTIONS link (a batch without
    sentences) keeps the larger of its stored and its row count, which is also idempotent.
    """
    return (
        f"UNWIND {rows} AS row\n"
        f"MATCH (e:{ENTITY} {{id: row.id}})\n"
        f"OPTIONAL MATCH (s:{SENTENCE})-[:{MENTIONS}]->(e)\n"
        "WITH e, row, count(s) AS sentences, count(DISTINCT s.doc_id) AS docs\n"
        "SET e.mentions = CASE WHEN sentences > 0 THEN sentences\n"
        "    WHEN coalesce(e.mentions, 0) > row.mentions THEN e.mentions\n"
        "    ELSE row.mentions END,\n"
        "    e.doc_count = docs"
    )


def _samples(rtype: RelationType, value: Callable[[str], str]) -> list[str]:
    """SET items of the sample lists, ``value(field)`` giving the new values of each.

    ``LEADS`` also gets ``role`` and ``MEMBER_OF`` ``status``: the first one of the updated
    list, written from the same expression (FalkorDB applies SETs when the statement ends, so
    a later clause would still read the old list).
    """
    items = [f"r.{f} = {_capped(f'r.{f}', value(f))}" for f in RELATION_SAMPLE_FIELDS]
    if rtype is RelationType.LEADS:
        items.append(f"r.role = head({_capped('r.roles', value('roles'))})")
    if rtype is RelationType.MEMBER_OF:
        items.append(f"r.status = head({_capped('r.statuses', value('statuses'))})")
    return items


def _mention_props(rtype: RelationType, value: Callable[[str], str]) -> str:
    """The property map of a new Mention node, ``value(field)`` being each field's value."""
    props = [f"id: {value('id')}", f"type: '{_rel_type(rtype)}'"]
    props += [f"{name}: {value(name)}" for name in MENTION_FIELDS]
    return ", ".join(props)


def merge_relations(rtype: RelationType | str, rows: str = ROWS) -> str:
    """MERGE one relationship type and its new evidence nodes; counts grow by what is new.

    Rows ``{source_id, target_id, doc_id, polarity, symmetric, mentions}`` hold the mentions of
    one relationship in one document (``mentions`` maps with ``id``, ``sentence_id`` and the
    :data:`MENTION_FIELDS` but ``doc_id``). A mention whose ``id`` exists already, or whose
    sentence is not in the graph, is skipped; every other one becomes ``(:Mention)`` linked
    ``IN`` its sentence and to ``SOURCE`` and ``TARGET``, and the relationship's counts grow by
    exactly the mentions created here, in the same statement: so a mention loaded twice counts
    once, and a statement cut short changes nothing. ``doc_count`` grows by one for a document
    that had no mention of the relationship before. A row without a new mention writes nothing.
    """
    t = RelationType(rtype)
    name = _rel_type(t)
    counts = ["r.mentions = coalesce(r.mentions, 0) + size(ms)"]
    counts += [
        f"r.{m} = coalesce(r.{m}, 0) + size([m IN ms WHERE m.modality = '{m}'])"
        for m in _MODALITY_COUNTS
    ]
    counts += [
        f"r.{flag} = coalesce(r.{flag}, 0) + size([m IN ms WHERE m.{flag}])"
        for flag in ("negated", "quoted")
    ]
    counts.append("r.doc_count = coalesce(r.doc_count, 0) + size(docs)")
    years = "[m IN ms WHERE m.year IS NOT NULL | m.year]"
    counts.append(
        f"r.first_year = reduce(y = r.first_year, x IN {years} | {_least('y', 'x', '<')})"
    )
    counts.append(f"r.last_year = reduce(y = r.last_year, x IN {years} | {_least('y', 'x', '>')})")
    dates = "[m IN ms WHERE m.doc_date IS NOT NULL | m.doc_date]"
    counts += _time_sets(
        f"reduce(d = null, x IN {dates} | {_least('d', 'x', '<')})",
        f"reduce(d = null, x IN {dates} | {_least('d', 'x', '>')})",
        f"[d IN {dates} | toInteger(left(d, 4))]",
        lambda y: f"size([d IN {dates} WHERE toInteger(left(d, 4)) = {y}])",
    )
    new = {"cues": "[m IN ms | toLower(m.trigger)]", "roles": "[m IN ms | m.role]"}
    new["statuses"] = "[m IN ms | m.status]"
    counts += _samples(t, new.__getitem__)
    counts.append("r.polarity = polarity, r.symmetric = symmetric")
    sets = ",\n    ".join(counts)
    props = _mention_props(t, lambda f: "row.doc_id" if f == "doc_id" else f"m.{f}")
    return (
        f"UNWIND {rows} AS row\n"
        f"MATCH (a:{ENTITY} {{id: row.source_id}})\n"
        f"MATCH (b:{ENTITY} {{id: row.target_id}})\n"
        "UNWIND row.mentions AS m\n"
        f"OPTIONAL MATCH (old:{MENTION} {{id: m.id}})\n"
        "WITH a, b, row, m, old\n"
        "WHERE old IS NULL\n"
        f"MATCH (s:{SENTENCE} {{id: m.sentence_id}})\n"
        "WITH a, b, row, collect([m, s]) AS items\n"
        f"OPTIONAL MATCH (a)<-[:{SOURCE}]-(prior:{MENTION} {{doc_id: row.doc_id}})"
        f"-[:{TARGET}]->(b)\n"
        f"WHERE prior.type = '{name}'\n"
        "WITH a, b, row, items, count(prior) = 0 AS new_doc\n"
        f"MERGE (a)-[r:{name}]->(b)\n"
        "WITH a, b, r, row, items, new_doc\n"
        "UNWIND items AS item\n"
        "WITH a, b, r, row, new_doc, item[0] AS m, item[1] AS s\n"
        f"CREATE (x:{MENTION} {{{props}}})\n"
        f"CREATE (x)-[:{IN}]->(s), (x)-[:{SOURCE}]->(a), (x)-[:{TARGET}]->(b)\n"
        "WITH r, collect(m) AS ms, head(collect(row.polarity)) AS polarity,\n"
        "     head(collect(row.symmetric)) AS symmetric,\n"
        "     collect(DISTINCT CASE WHEN new_doc THEN row.doc_id END) AS docs\n"
        f"SET {sets}"
    )


# --- FalkorDB's fast path ----------------------------------------------------------------
#
# FalkorDB spends most of a load on parsing map rows and on index lookups. Its loader
# therefore looks up once per batch which entities, documents and sentences exist (and their
# internal node ids), and which mentions of the batch exist (through their sentences), under
# a load lock. The client then knows exactly which mentions are new and by how much each
# relationship's counts grow; it sends positional rows ``[source node, target node,
# *RELATION_ROW_FIELDS, [mention rows]]``: relationships between entities new to the graph
# are created outright, the others are MERGEd and their counts raised. Each statement
# creates a relationship's new mentions together with the counts they add, so the graph is
# exact whichever statement a crash interrupts.

_ROW_FIELD_INDEX = {f: i + 2 for i, f in enumerate(RELATION_ROW_FIELDS)}
_MENTIONS_INDEX = len(RELATION_ROW_FIELDS) + 2
_MENTION_FIELD_INDEX = {f: i for i, f in enumerate(MENTION_ROW_FIELDS)}


def _row_field(field: str) -> str:
    return f"row[{_ROW_FIELD_INDEX[field]}]"


def _mention_field(field: str) -> str:
    return f"m[{_MENTION_FIELD_INDEX[field]}]"


def _node_pair(rows: str) -> str:
    return f"UNWIND {rows} AS row\nMATCH (a) WHERE id(a) = row[0]\nMATCH (b) WHERE id(b) = row[1]\n"


def _one_mention_field(field: str) -> str:
    return f"row[{_MENTIONS_INDEX + _MENTION_FIELD_INDEX[field]}]"


def _create_mentions(rtype: RelationType, one: bool) -> str:
    """The tail of a fast relationship statement: create the row's mention nodes.

    With ``one``, the row ends with the fields of its single mention (flat, no nested list to
    unwind: most relationships of a batch get one new mention, and FalkorDB parses and runs a
    flat row about a fifth faster); else its last item is the list of mention rows.
    """
    if one:
        props = _mention_props(rtype, _one_mention_field)
        head = f"MATCH (s) WHERE id(s) = {_one_mention_field('sentence')}\n"
    else:
        props = _mention_props(rtype, _mention_field)
        head = f"UNWIND row[{_MENTIONS_INDEX}] AS m\nMATCH (s) WHERE id(s) = m[1]\n"
    return (
        "WITH a, b, row\n"
        f"{head}"
        f"CREATE (x:{MENTION} {{{props}}}),\n"
        f"       (x)-[:{IN}]->(s), (x)-[:{SOURCE}]->(a), (x)-[:{TARGET}]->(b)"
    )


def falkor_entity_nodes(rows: str = ROWS) -> str:
    """The internal node ids of existing entities: rows are entity ids; returns ``id, node``."""
    return f"UNWIND {rows} AS id\nMATCH (n:{ENTITY} {{id: id}})\nRETURN id, id(n) AS node"


def falkor_sentence_nodes(rows: str = ROWS) -> str:
    """The internal node ids of existing sentences: rows are sentence ids."""
    return f"UNWIND {rows} AS id\nMATCH (n:{SENTENCE} {{id: id}})\nRETURN id, id(n) AS node"


def falkor_document_nodes(rows: str = ROWS) -> str:
    """The ids among the rows of documents that exist."""
    return f"UNWIND {rows} AS id\nMATCH (n:{DOCUMENT} {{id: id}})\nRETURN id"


def falkor_sentence_mentions(rows: str = ROWS) -> str:
    """The ids of the mentions in sentences given by node id (rows are node ids)."""
    return (
        f"UNWIND {rows} AS node\n"
        "MATCH (s) WHERE id(s) = node\n"
        f"MATCH (m:{MENTION})-[:{IN}]->(s)\n"
        "RETURN m.id"
    )


def falkor_pair_documents(rows: str = ROWS) -> str:
    """Which (relationship, document) pairs already have a mention.

    Positional rows ``[source node, target node, type, doc_id, key]``; returns the ``key`` of
    every row whose relationship has a mention from that document.
    """
    return (
        f"{_node_pair(rows)}"
        f"MATCH (a)<-[:{SOURCE}]-(m:{MENTION})-[:{TARGET}]->(b)\n"
        "WHERE m.type = row[2] AND m.doc_id = row[3]\n"
        "RETURN DISTINCT row[4]"
    )


def falkor_create_entities(label: EntityLabel | str, rows: str = ROWS) -> str:
    """Create entities of one label that do not exist yet.

    Positional rows ``[id, name, aliases, iso3, mentions, doc_count]``, the counts being what
    :func:`refresh_entity_mentions` computes for a new entity. The unique constraint on
    ``Entity.id`` refuses a duplicate.
    """
    return (
        f"UNWIND {rows} AS row\n"
        f"CREATE (:{ENTITY}:{_label(label)} {{id: row[0], name: row[1], aliases: row[2], "
        "iso3: row[3], mentions: row[4], doc_count: row[5]})"
    )


def falkor_create_sentences(rows: str = ROWS) -> str:
    """Create sentences that do not exist yet, each ``IN`` its document (MERGEd).

    Positional rows ``[id, doc_id, doc, start, end, text]``; the unique constraint on
    ``Sentence.id`` refuses a duplicate.
    """
    return (
        f"UNWIND {rows} AS row\n"
        f"MERGE (d:{DOCUMENT} {{id: row[1]}})\n"
        "ON CREATE SET d.name = row[2]\n"
        f"CREATE (:{SENTENCE} {{id: row[0], doc: row[2], doc_id: row[1], start: row[3], "
        f"end: row[4], text: row[5]}})-[:{IN}]->(d)"
    )


def falkor_update_relations(
    rtype: RelationType | str, rows: str = ROWS, *, one: bool = False
) -> str:
    """MERGE relationships of one type between existing entities; raise counts; add mentions.

    The row's counts are those of its new mentions only (the client looked up which exist);
    a pair occurs at most once per statement. ``one``: rows of a single new mention, its
    fields flat at the row's end (see ``_create_mentions``).
    """
    t = RelationType(rtype)
    sets = [f"r.{c} = coalesce(r.{c}, 0) + {_row_field(c)}" for c in RELATION_COUNT_FIELDS]
    sets.append(f"r.first_year = {_least('r.first_year', _row_field('first_year'), '<')}")
    sets.append(f"r.last_year = {_least('r.last_year', _row_field('last_year'), '>')}")
    years, counts = _row_field("doc_years"), _row_field("doc_year_counts")
    sets += _time_sets(
        _row_field("first_date"),
        _row_field("last_date"),
        years,
        lambda y: (
            f"coalesce(head([i IN range(0, size({years}) - 1) WHERE {years}[i] = {y} "
            f"| {counts}[i]]), 0)"
        ),
    )
    sets += _samples(t, _row_field)
    sets += [f"r.{f} = {_row_field(f)}" for f in ("polarity", "symmetric")]
    body = ",\n    ".join(sets)
    tail = _create_mentions(t, one)
    return f"{_node_pair(rows)}MERGE (a)-[r:{_rel_type(t)}]->(b)\nSET {body}\n{tail}"


def falkor_create_relations(
    rtype: RelationType | str, rows: str = ROWS, *, one: bool = False
) -> str:
    """Create relationships of one type between entities new to the graph, with their mentions.

    The properties are written in the CREATE pattern, which FalkorDB stores faster than SET.
    ``one``: rows of a single new mention, its fields flat at the row's end.
    """
    t = RelationType(rtype)
    props = [f"{f}: {_row_field(f)}" for f in RELATION_ROW_FIELDS]
    if t is RelationType.LEADS:
        props.append(f"role: head({_row_field('roles')})")
    if t is RelationType.MEMBER_OF:
        props.append(f"status: head({_row_field('statuses')})")
    body = ",\n    ".join(props)
    return (
        f"{_node_pair(rows)}"
        f"CREATE (a)-[:{_rel_type(t)} {{\n    {body}\n}}]->(b)\n"
        f"{_create_mentions(t, one)}"
    )


# --- schema --------------------------------------------------------------------------------


def neo4j_schema_statements() -> list[str]:
    """Neo4j 5 constraints and indexes (idempotent, ``IF NOT EXISTS``)."""
    out = [
        f"CREATE CONSTRAINT geokg_{label.lower()}_id IF NOT EXISTS "
        f"FOR (n:{label}) REQUIRE n.id IS UNIQUE"
        for label in (ENTITY, DOCUMENT, SENTENCE, MENTION)
    ]
    out.append(f"CREATE INDEX geokg_entity_name IF NOT EXISTS FOR (n:{ENTITY}) ON (n.name)")
    out.append(f"CREATE INDEX geokg_sentence_doc IF NOT EXISTS FOR (n:{SENTENCE}) ON (n.doc_id)")
    out.append(f"CREATE INDEX geokg_mention_doc IF NOT EXISTS FOR (n:{MENTION}) ON (n.doc_id)")
    return out


def falkor_indexes() -> list[tuple[str, str]]:
    """The ``(label, property)`` pairs FalkorDB indexes (see :func:`falkor_create_index`).

    FalkorDB has no ``IF NOT EXISTS``: the store checks ``db.indexes()`` first. The unique
    constraints are not Cypher (``GRAPH.CONSTRAINT``) and live in :mod:`geokg.graph.falkor`.
    """
    pairs = [(ENTITY, "id"), (DOCUMENT, "id"), (SENTENCE, "id"), (ENTITY, "name")]
    pairs.append((SENTENCE, "doc_id"))
    return pairs


def falkor_create_index(label: str, prop: str) -> str:
    """One FalkorDB exact-match index statement."""
    return f"CREATE INDEX FOR (n:{_name(label)}) ON (n.{_name(prop)})"


def falkor_list_indexes() -> str:
    """FalkorDB's index listing (label, properties)."""
    return "CALL db.indexes() YIELD label, properties RETURN label, properties"


def falkor_index_states() -> str:
    """FalkorDB's indexes with their kind, entity type and construction status."""
    return (
        "CALL db.indexes() YIELD label, properties, types, entitytype, status\n"
        "RETURN label, properties, types, entitytype, status"
    )


def falkor_schema_names() -> list[str]:
    """The statements listing a FalkorDB graph's labels, property keys and relationship
    types, each in id order."""
    return [
        "CALL db.labels() YIELD label RETURN label",
        "CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey",
        "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType",
    ]


def count_nodes() -> str:
    """The number of nodes."""
    return "MATCH (n) RETURN count(n) AS nodes"


def count_relationships() -> str:
    """The number of relationships."""
    return "MATCH ()-[r]->() RETURN count(r) AS relationships"


def falkor_list_constraints() -> str:
    """FalkorDB's constraint listing (type, label, properties, status, entity type)."""
    return (
        "CALL db.constraints() YIELD type, label, properties, status, entitytype\n"
        "RETURN type, label, properties, status, entitytype"
    )


# --- reading back --------------------------------------------------------------------------


def count_nodes_by_labels() -> str:
    """Node counts per label combination (the store folds them per label)."""
    return "MATCH (n) RETURN labels(n) AS labels, count(*) AS count"


def count_relationships_by_type() -> str:
    """Relationship counts per type."""
    return "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count"


def read_entities() -> str:
    """Every entity node with its type label(s) and properties, ordered by id."""
    return (
        f"MATCH (n:{ENTITY})\n"
        f"RETURN n.id AS id, [l IN labels(n) WHERE l <> '{ENTITY}'] AS labels, n.name AS name,\n"
        "       n.aliases AS aliases, n.iso3 AS iso3, n.mentions AS mentions,\n"
        "       n.doc_count AS doc_count\n"
        "ORDER BY id"
    )


def read_documents() -> str:
    """Every document node, ordered by id."""
    return (
        f"MATCH (d:{DOCUMENT})\n"
        "RETURN d.id AS id, d.name AS name, d.sha1 AS sha1, d.chars AS chars,\n"
        "       d.date AS date, d.title AS title, d.source AS source, d.url AS url\n"
        "ORDER BY id"
    )


def read_sentences() -> str:
    """Every sentence with the ids of the entities it mentions, ordered by id."""
    return (
        f"MATCH (s:{SENTENCE})\n"
        f"OPTIONAL MATCH (s)-[:{MENTIONS}]->(e:{ENTITY})\n"
        "WITH s, collect(e.id) AS entity_ids\n"
        "RETURN s.id AS id, s.doc AS doc, s.doc_id AS doc_id, s.start AS start_offset,\n"
        "       s.end AS end_offset, s.text AS text, entity_ids\n"
        "ORDER BY id"
    )


def read_mentions() -> str:
    """Every mention node with its relationship's endpoints and its sentence, ordered by id."""
    props = ", ".join(f"m.{f} AS {f}" for f in MENTION_FIELDS)
    return (
        f"MATCH (m:{MENTION})-[:{IN}]->(s:{SENTENCE})\n"
        f"MATCH (m)-[:{SOURCE}]->(a:{ENTITY})\n"
        f"MATCH (m)-[:{TARGET}]->(b:{ENTITY})\n"
        "RETURN m.id AS id, m.type AS type, a.id AS source_id, b.id AS target_id,\n"
        f"       s.id AS sentence_id, {props}\n"
        "ORDER BY id"
    )


def read_relations() -> str:
    """Every entity relationship with its properties, ordered by (source, type, target)."""
    return (
        f"MATCH (a:{ENTITY})-[r]->(b:{ENTITY})\n"
        "RETURN a.id AS source_id, type(r) AS type, b.id AS target_id, properties(r) AS props\n"
        "ORDER BY source_id, type, target_id"
    )


def clear_batch() -> str:
    """Delete up to ``$limit`` nodes with their relationships; repeat until it returns 0."""
    return "MATCH (n) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted"


# --- literals for scripts ------------------------------------------------------------------

_ESCAPES = {
    "\\": "\\\\",
    "'": "\\'",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}


def _escape_char(ch: str) -> str:
    mapped = _ESCAPES.get(ch)
    if mapped is not None:
        return mapped
    code = ord(ch)
    # Control, format-breaking and non-character code points are written as escapes so the
    # script survives any editor or terminal; astral characters need the 8-digit form.
    if code < 0x20 or 0x7F <= code < 0xA0 or code in (0x2028, 0x2029, 0xFEFF):
        return f"\\u{code:04x}"
    if 0xD800 <= code <= 0xDFFF:
        raise ValueError("lone surrogate in string")
    return ch


def _string(value: str) -> str:
    return "'" + "".join(_escape_char(ch) for ch in value) + "'"


def literal(value: object) -> str:
    r"""A Cypher literal for a value (str, int, float, bool, None, list, mapping).

    Strings are single-quoted with every quote, backslash and control character escaped;
    ``$`` and backticks need no escape inside a string literal. Map keys must be identifiers.

    Example:
        >>> literal({"name": "it's $x", "n": [1, None, True]})
        "{name: 'it\\'s $x', n: [1, null, true]}"
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"no Cypher literal for {value!r}")
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, Mapping):
        items = ", ".join(f"{_name(str(k))}: {literal(v)}" for k, v in value.items())
        return "{" + items + "}"
    if isinstance(value, Sequence):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")
