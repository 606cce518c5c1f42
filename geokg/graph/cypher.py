"""Every Cypher statement geokg sends, as small functions returning strings.

Labels and relationship types are taken only from the closed enums of :mod:`geokg.schema`
(and the three fixed provenance names below) and checked against an identifier pattern before
they are placed in a statement; every value is a parameter (``$rows``). The one exception is
:func:`literal`, used by the cypher-shell script exporter, where values must be literals: it
escapes rigorously and is tested with hostile strings.

The loader statements are written in the subset of Cypher that both FalkorDB and Neo4j 5
accept, so one template serves both stores and the exported script. Each loader statement is
``UNWIND <rows> AS row`` followed by a body that MERGEs on stable ids and takes the set union
of evidence lists, so loading the same rows twice changes nothing.

Example:
    >>> from geokg.schema import RelationType
    >>> print(merge_relations(RelationType.SUPPORTS).splitlines()[3])
    MERGE (a)-[r:SUPPORTS]->(b)
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence

from geokg.schema import EntityLabel, RelationType

__all__ = [
    "DOCUMENT",
    "ENTITY",
    "IN",
    "MENTIONS",
    "RELATION_COUNT_FIELDS",
    "RELATION_LIST_FIELDS",
    "RELATION_ROW_FIELDS",
    "SENTENCE",
    "clear_batch",
    "count_nodes_by_labels",
    "count_relationships_by_type",
    "falkor_create_entities",
    "falkor_create_index",
    "falkor_create_relations",
    "falkor_entity_nodes",
    "falkor_indexes",
    "falkor_list_constraints",
    "falkor_list_indexes",
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
    "read_relations",
    "read_sentences",
    "refresh_entity_mentions",
]

ENTITY = "Entity"
"""The label every entity node carries besides its type label (unique ``id``)."""
DOCUMENT = "Document"
SENTENCE = "Sentence"
IN = "IN"
"""``(:Sentence)-[:IN]->(:Document)``."""
MENTIONS = "MENTIONS"
"""``(:Sentence)-[:MENTIONS]->(:Entity)``."""

ROWS = "$rows"

_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*")

# Evidence lists of a relationship (RelationEdge field -> property), unioned on every load.
RELATION_LIST_FIELDS: tuple[str, ...] = (
    "mention_ids",
    "asserted_ids",
    "hedged_ids",
    "reported_ids",
    "hypothetical_ids",
    "negated_ids",
    "quoted_ids",
    "sentence_ids",
    "documents",
    "years",
    "triggers",
    "roles",
    "statuses",
)
# Count property -> the list whose size it is; recomputed in the statement that sets the list.
RELATION_COUNT_FIELDS: dict[str, str] = {
    "mentions": "mention_ids",
    "asserted": "asserted_ids",
    "hedged": "hedged_ids",
    "reported": "reported_ids",
    "hypothetical": "hypothetical_ids",
    "negated": "negated_ids",
    "quoted": "quoted_ids",
    "doc_count": "documents",
}
# The values of a positional relationship row after its two endpoint node ids (FalkorDB).
RELATION_ROW_FIELDS: tuple[str, ...] = (*RELATION_LIST_FIELDS, "polarity", "symmetric")


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


def _bound(var: str, op: str) -> str:
    """The smallest (``<``) or largest (``>``) value of a list, null when it is empty."""
    return f"reduce(m = null, y IN {var} | CASE WHEN m IS NULL OR y {op} m THEN y ELSE m END)"


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


def _relation_values(rtype: RelationType, value: Callable[[str], str]) -> list[tuple[str, str]]:
    """``(property, expression)`` of a relationship, ``value(field)`` being each field's value.

    Every count is the size of its list; ``first_year``/``last_year`` are the bounds of
    ``years``; ``LEADS`` also gets ``role`` and ``MEMBER_OF`` ``status`` (the first one seen).
    """
    out = [(f, value(f)) for f in RELATION_LIST_FIELDS]
    out += [(count, f"size({value(field)})") for count, field in RELATION_COUNT_FIELDS.items()]
    out += [
        ("first_year", _bound(value("years"), "<")),
        ("last_year", _bound(value("years"), ">")),
        ("polarity", value("polarity")),
        ("symmetric", value("symmetric")),
    ]
    if rtype is RelationType.LEADS:
        out.append(("role", f"head({value('roles')})"))
    if rtype is RelationType.MEMBER_OF:
        out.append(("status", f"head({value('statuses')})"))
    return out


def _relation_sets(rtype: RelationType, value: Callable[[str], str]) -> str:
    """The SET items of a relationship (see :func:`_relation_values`)."""
    return ",\n    ".join(f"r.{prop} = {expr}" for prop, expr in _relation_values(rtype, value))


def merge_relations(rtype: RelationType | str, rows: str = ROWS) -> str:
    """MERGE one relationship type between existing entities, unioning its evidence.

    Rows carry the :class:`~geokg.schema.RelationEdge` lists plus ``polarity`` and
    ``symmetric``. Every count is the size of its (unioned) set, recomputed here;
    ``first_year``/``last_year`` are the bounds of ``years``. ``LEADS`` also gets ``role`` and
    ``MEMBER_OF`` ``status`` (the first one seen; all are in ``roles``/``statuses``).
    """
    t = RelationType(rtype)
    unions = ",\n     ".join(f"{_union('r', f)} AS {f}" for f in RELATION_LIST_FIELDS)
    sets = _relation_sets(t, lambda f: f if f in RELATION_LIST_FIELDS else f"row.{f}")
    return (
        f"UNWIND {rows} AS row\n"
        f"MATCH (a:{ENTITY} {{id: row.source_id}})\n"
        f"MATCH (b:{ENTITY} {{id: row.target_id}})\n"
        f"MERGE (a)-[r:{_rel_type(t)}]->(b)\n"
        f"WITH r, row,\n     {unions}\n"
        f"SET {sets}"
    )


# --- FalkorDB's fast path ----------------------------------------------------------------
#
# FalkorDB spends most of a load on parsing map rows, on index lookups of both endpoints and
# on evaluating the evidence unions. Its loader therefore looks up once per batch which
# entities exist (and their internal node ids), creates the new entities outright, sends
# relationships as positional rows ``[source node, target node, *RELATION_ROW_FIELDS]`` and
# splits their MERGE in two statements: one unions the evidence of relationships that already
# exist, the other creates those that do not (guarded, so it never duplicates one). Together
# they store exactly what the MERGE statements above store.

_ROW_FIELD_INDEX = {f: i + 2 for i, f in enumerate(RELATION_ROW_FIELDS)}


def _row_field(field: str) -> str:
    return f"row[{_ROW_FIELD_INDEX[field]}]"


def _node_pair(rows: str) -> str:
    return f"UNWIND {rows} AS row\nMATCH (a) WHERE id(a) = row[0]\nMATCH (b) WHERE id(b) = row[1]\n"


def falkor_entity_nodes(rows: str = ROWS) -> str:
    """The internal node ids of existing entities: rows are entity ids; returns ``id, node``."""
    return f"UNWIND {rows} AS id\nMATCH (n:{ENTITY} {{id: id}})\nRETURN id, id(n) AS node"


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


def falkor_update_relations(rtype: RelationType | str, rows: str = ROWS) -> str:
    """Union positional rows into the relationships of one type that already exist.

    Rows whose relationship does not exist are left to :func:`falkor_create_relations`.
    """
    t = RelationType(rtype)
    unions = ",\n     ".join(
        f"{_union('r', f, _row_field(f))} AS {f}" for f in RELATION_LIST_FIELDS
    )
    sets = _relation_sets(t, lambda f: f if f in RELATION_LIST_FIELDS else _row_field(f))
    return (
        f"{_node_pair(rows)}"
        f"MATCH (a)-[r:{_rel_type(t)}]->(b)\n"
        f"WITH r, row,\n     {unions}\n"
        f"SET {sets}"
    )


def falkor_create_relations(rtype: RelationType | str, rows: str = ROWS) -> str:
    """Create the relationships of one type that do not exist yet from positional rows.

    The properties are written in the CREATE pattern, which FalkorDB stores faster than SET.
    """
    t = RelationType(rtype)
    props = ",\n    ".join(f"{prop}: {expr}" for prop, expr in _relation_values(t, _row_field))
    return (
        f"{_node_pair(rows)}"
        f"OPTIONAL MATCH (a)-[old:{_rel_type(t)}]->(b)\n"
        "WITH a, b, row, old\n"
        "WHERE old IS NULL\n"
        f"CREATE (a)-[:{_rel_type(t)} {{\n    {props}\n}}]->(b)"
    )


# --- schema --------------------------------------------------------------------------------


def neo4j_schema_statements() -> list[str]:
    """Neo4j 5 constraints and indexes (idempotent, ``IF NOT EXISTS``)."""
    out = [
        f"CREATE CONSTRAINT geokg_{label.lower()}_id IF NOT EXISTS "
        f"FOR (n:{label}) REQUIRE n.id IS UNIQUE"
        for label in (ENTITY, DOCUMENT, SENTENCE)
    ]
    out.append(f"CREATE INDEX geokg_entity_name IF NOT EXISTS FOR (n:{ENTITY}) ON (n.name)")
    out.append(f"CREATE INDEX geokg_sentence_doc IF NOT EXISTS FOR (n:{SENTENCE}) ON (n.doc_id)")
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


def falkor_list_constraints() -> str:
    """FalkorDB's constraint listing."""
    return (
        "CALL db.constraints() YIELD type, label, properties, status\n"
        "RETURN type, label, properties, status"
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
