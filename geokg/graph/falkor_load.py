"""FalkorDB's fast load path: lookups under a lock, then positional CREATE and MERGE rows.

FalkorDB spends most of a load on parsing map rows and on index lookups. :class:`FastLoad`
therefore looks up once per batch, under the folder's load lock, which entities, sentences,
documents and mentions exist (and the internal node ids of entities and sentences), and then
sends:

- new entities as positional ``CREATE`` rows (with the mention counts the refresh statement
  would give them), the rest of the nodes through the shared ``MERGE`` statements;
- per relationship, its **new** mentions (those whose id is not in the graph) together with
  the counts they add, in one statement: ``cypher.falkor_create_relations`` where an endpoint
  is new to the graph (the relationship cannot exist), ``cypher.falkor_update_relations``
  (``MERGE`` and raise the counts) otherwise. A statement is atomic in FalkorDB, so after a
  crash every mention in the graph is counted exactly once, and a re-run finds and skips them.

A reload of the same batch finds every mention and sends no relationship statement at all.
The graph equals what the shared ``MERGE`` statements (:func:`geokg.graph.cypher.merge_relations`)
give; a test compares the two over mixed batches.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from falkordb.helpers import stringify_param_value

from geokg.graph import cypher
from geokg.graph.build import GraphBatch, count_mention
from geokg.graph.store import (
    LoadStep,
    chunked,
    load_plan,
    mention_groups,
    mention_values,
    plan_stats,
)
from geokg.schema import MentionRecord, RelationEdge, RelationType

__all__ = [
    "MAX_ID_CHARS",
    "MENTION_STATEMENT_FACTOR",
    "FastLoad",
    "index_safe_id",
    "index_safe_rows",
    "new_entity_counts",
    "relation_row",
    "rows_param",
    "unsafe_ids",
    "wire",
]

_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def rows_param(rows: Sequence[Any]) -> str | None:
    """The ``rows`` parameter as FalkorDB parameter text, or None to use the driver's quoting.

    falkordb-py quotes parameters in Python (about 3 s for 50,000 relationship rows); JSON
    written by the C encoder is the same Cypher literal once map keys lose their quotes, and
    FalkorDB decodes the escapes JSON uses (``\\" \\\\ \\n \\r \\t \\b \\f``) except
    ``\\uXXXX``, which JSON only writes for other control characters: then this returns None.
    In compact JSON every ``"`` inside a string is escaped, so ``"key":`` can only be a map key.
    Rows are maps or positional lists; a map value may be a list of maps (a relationship
    row's mentions), whose keys are unquoted too.
    """
    try:
        text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError):
        return None
    if "\\u" in text:
        return None
    keys: set[str] = set()
    for row in rows:
        if isinstance(row, dict):
            keys.update(row)
            for value in row.values():
                if isinstance(value, list):
                    for item in value:
                        if isinstance(item, dict):
                            keys.update(item)
    for key in keys:
        if not _KEY.fullmatch(key):
            return None
        text = text.replace(f'"{key}":', f"{key}:")
    return text


def wire(statement: str, rows: Sequence[Any]) -> str:
    """The GRAPH.QUERY text of a loader statement: its ``rows`` parameter, then the statement."""
    text = rows_param(rows)
    if text is None:
        text = stringify_param_value(rows)
    return f"CYPHER rows={text} {statement}"


# Row keys whose values are looked up through FalkorDB's exact-match indexes.
_ID_KEYS = ("id", "doc_id", "sentence_id", "entity_id", "source_id", "target_id")
# FalkorDB (falkordblite 0.11) segfaults in its unique-constraint check, and its exact-match
# index silently misses or conflates values, for strings with leading or trailing whitespace,
# longer than 4096 bytes or holding U+0001. 1024 characters are at most 4096 bytes in UTF-8.
MAX_ID_CHARS = 1024


def _unsafe_id(value: object) -> bool:
    return isinstance(value, str) and (
        len(value) > MAX_ID_CHARS or value[:1].isspace() or value[-1:].isspace() or "\x01" in value
    )


def index_safe_id(value: str) -> str:
    """``value`` if FalkorDB can index it, else a stable surrogate ``<head>#<sha256>``.

    The surrogate keeps up to 200 characters of the stripped value (without U+0001) for
    readability and a 128-bit digest of the whole value, so distinct ids stay distinct and a
    reload maps an id to the same surrogate. The extractor's ids are slugs: only an entity
    name of over a thousand characters, or ids from elsewhere, need it.
    """
    if not _unsafe_id(value):
        return value
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    head = value.replace("\x01", "").strip()[:200].strip()
    return f"{head}#{digest}"


def index_safe_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with every id (see ``_ID_KEYS``) made index-safe; the same list when all are."""
    out: list[dict[str, Any]] | None = None
    keys = [k for k in _ID_KEYS if rows and k in rows[0]]  # a step's rows share their keys
    for i, row in enumerate(rows):
        for key in keys:
            if _unsafe_id(row.get(key)):
                if out is None:
                    out = list(rows)
                if out[i] is row:
                    out[i] = dict(row)
                out[i][key] = index_safe_id(row[key])
    return rows if out is None else out


def new_entity_counts(steps: list[LoadStep], new: set[str]) -> dict[str, tuple[int, int]]:
    """``(mentions, doc_count)`` of new entities as ``refresh_entity_mentions`` computes them.

    A new entity's only ``MENTIONS`` links are the batch's: ``mentions`` is the number of
    batch sentences linked to it (its row's count when there are none) and ``doc_count`` the
    number of their documents.
    """
    sentences: dict[str, set[str]] = {eid: set() for eid in new}
    doc_of: dict[str, str] = {}
    fallback: dict[str, int] = {}
    for step in steps:
        if step.kind == "sentences":
            doc_of.update((r["id"], r["doc_id"]) for r in step.rows)
        elif step.kind == "mentions":
            for r in step.rows:
                linked = sentences.get(r["entity_id"])
                if linked is not None:
                    linked.add(r["sentence_id"])
        elif step.kind == "entity_mentions":
            fallback.update((r["id"], r["mentions"]) for r in step.rows if r["id"] in new)
    out: dict[str, tuple[int, int]] = {}
    for eid, linked in sentences.items():
        if linked:
            out[eid] = (len(linked), len({doc_of[s] for s in linked}))
        else:
            out[eid] = (fallback.get(eid, 0), 0)
    return out


MENTION_STATEMENT_FACTOR = 16
"""Relationship statements hold this many times ``batch_size`` mentions (80,000 by default,
about 12 MB of statement text): FalkorDB's cost per write statement grows with the size of its
relation matrices, so fewer, larger statements load a large graph faster (measured on one
relationship with 256k mentions, load CPU of client and server: factor 1 about 21 s, 4 about
13 s, 16 about 10.5 s, 50 no better)."""

Lookup = Callable[[str, list[Any]], list[list[Any]]]
"""Runs a read statement over rows (in chunks) and returns all result rows."""
Pipeline = Callable[[Iterable[tuple[str, Sequence[Any]]]], int]
"""Sends write statements with their rows, returns how many were sent."""


def unsafe_ids(batch: GraphBatch) -> list[str]:
    """Entity ids of a batch that FalkorDB cannot index (they are stored as surrogates)."""
    ids = dict.fromkeys(n.id for n in batch.entities)
    for m in batch.mentions:
        ids[m.source_id] = ids[m.target_id] = None
    return [i for i in ids if _unsafe_id(i)]


class FastLoad:
    """One batch through FalkorDB's fast path (see the module docstring).

    Args:
        lookup: Runs a lookup statement over rows, returns the result rows.
        pipeline: Sends write statements in order.
        batch_size: Rows per statement.
        mentions_per_statement: New mentions per relationship statement (default
            :data:`MENTION_STATEMENT_FACTOR` times ``batch_size``).
    """

    def __init__(
        self,
        *,
        lookup: Lookup,
        pipeline: Pipeline,
        batch_size: int,
        mentions_per_statement: int | None = None,
    ) -> None:
        self.lookup = lookup
        self.pipeline = pipeline
        self.batch_size = batch_size
        self.mentions_per_statement = (
            mentions_per_statement or MENTION_STATEMENT_FACTOR * batch_size
        )

    def _ids(self, statement: str, ids: Iterable[Any]) -> dict[Any, Any]:
        rows = list(dict.fromkeys(ids))
        if not rows:
            return {}
        return {row[0]: row[-1] for row in self.lookup(statement, rows)}

    def run(self, batch: GraphBatch) -> tuple[int, dict[str, int]]:
        """Load a batch (the caller holds the load lock); returns (statements, row counts)."""
        steps = load_plan(batch, relations=False)
        groups = mention_groups(batch.mentions)
        entity_ids = dict.fromkeys(
            row["id"] for step in steps if step.kind.startswith("entities:") for row in step.rows
        )
        # sentence id -> its document's id (a sentence can exist only if its document does)
        sentence_ids = {
            row["id"]: row["doc_id"]
            for step in steps
            if step.kind == "sentences"
            for row in step.rows
        }
        for pairs in groups.values():
            for (source, target), mentions in pairs.items():
                entity_ids[source] = entity_ids[target] = None
                for m in mentions:
                    sentence_ids.setdefault(m.sentence_id, m.doc_id)
        safe = {i: index_safe_id(i) for i in entity_ids}
        found = self._ids(cypher.falkor_entity_nodes(), safe.values())
        existing = {i for i, s in safe.items() if s in found}
        safe_docs = {d: index_safe_id(d) for d in dict.fromkeys(sentence_ids.values())}
        stored_docs = set(self._ids(cypher.falkor_document_nodes(), safe_docs.values()))
        known_docs = {d for d, s in safe_docs.items() if s in stored_docs}
        safe_sentences = {i: index_safe_id(i) for i in sentence_ids}
        maybe = [safe_sentences[i] for i, d in sentence_ids.items() if d in known_docs]
        stored = self._ids(cypher.falkor_sentence_nodes(), maybe)
        sentences = {i: stored[s] for i, s in safe_sentences.items() if s in stored}
        old_mentions: set[str] = set()
        if sentences:
            statement = cypher.falkor_sentence_mentions()
            old_mentions = {row[0] for row in self.lookup(statement, list(sentences.values()))}

        sent = self.pipeline(
            (statement, rows if kind == "fast" else index_safe_rows(rows))
            for kind, statement, rows in self._node_statements(steps, existing, set(sentences))
        )
        found.update(
            self._ids(cypher.falkor_entity_nodes(), (s for s in safe.values() if s not in found))
        )
        nodes = {i: found[s] for i, s in safe.items() if s in found}
        missing = [safe_sentences[i] for i in sentence_ids if i not in sentences]
        stored = self._ids(cypher.falkor_sentence_nodes(), missing)
        sentences.update((i, stored[s]) for i, s in safe_sentences.items() if s in stored)
        seen_docs = self._pair_documents(groups, existing, known_docs, nodes, old_mentions)
        sent += self.pipeline(
            self._relation_statements(groups, existing, nodes, sentences, old_mentions, seen_docs)
        )
        stats = plan_stats(steps)
        stats["relations"] = sum(len(pairs) for pairs in groups.values())
        return sent, stats

    def _pair_documents(
        self,
        groups: dict[RelationType, dict[tuple[str, str], list[MentionRecord]]],
        existing: set[str],
        known_docs: set[str],
        nodes: dict[str, int],
        old_mentions: set[str],
    ) -> dict[tuple[RelationType, str, str], set[str]]:
        """Documents that already have a mention of a relationship receiving new mentions.

        Only possible where both endpoints and the document existed before this load, so only
        those are looked up. Keys are (type, source id, target id).
        """
        keys: list[tuple[RelationType, str, str, str]] = []
        rows: list[list[Any]] = []
        for rtype, pairs in groups.items():
            for (source, target), mentions in pairs.items():
                if source not in existing or target not in existing:
                    continue
                docs = {m.doc_id for m in mentions if m.id not in old_mentions}
                for doc in docs & known_docs:
                    rows.append([nodes[source], nodes[target], rtype.value, doc, len(keys)])
                    keys.append((rtype, source, target, doc))
        out: dict[tuple[RelationType, str, str], set[str]] = {}
        if rows:
            for row in self.lookup(cypher.falkor_pair_documents(), rows):
                rtype, source, target, doc = keys[int(row[0])]
                out.setdefault((rtype, source, target), set()).add(doc)
        return out

    def _node_statements(
        self, steps: list[LoadStep], existing: set[str], known_sentences: set[str]
    ) -> Iterator[tuple[str, str, list[Any]]]:
        """``(kind, statement, rows)`` for everything but relationships, in plan order.

        ``existing`` holds the (original) ids of the entities that exist. Entities that do not
        exist yet are created outright, with the mention counts that
        :func:`~geokg.graph.cypher.refresh_entity_mentions` would give them (counted here from
        the batch's sentence links, which are all the links a new entity has); the rest are
        MERGEd and refreshed by the shared statements. Sentences in ``known_sentences``
        exist already (with the same properties, their id being a digest of them) and are left
        alone; the others are created outright. Kind ``fast`` rows are index-safe.
        """
        new = {
            r["id"]
            for step in steps
            if step.kind.startswith("entities:")
            for r in step.rows
            if r["id"] not in existing
        }
        counts = new_entity_counts(steps, new)
        for step in steps:
            rows = step.rows
            if step.kind.startswith("entities:"):
                created = [
                    [index_safe_id(r["id"]), r["name"], r["aliases"], r["iso3"], *counts[r["id"]]]
                    for r in rows
                    if r["id"] in new
                ]
                create = cypher.falkor_create_entities(step.kind.split(":", 1)[1])
                for positional in chunked(created, self.batch_size):
                    yield "fast", create, positional
                rows = [r for r in rows if r["id"] not in new]
            elif step.kind == "sentences":
                created = [
                    [
                        index_safe_id(r["id"]),
                        index_safe_id(r["doc_id"]),
                        r["doc"],
                        r["start"],
                        r["end"],
                        r["text"],
                    ]
                    for r in rows
                    if r["id"] not in known_sentences
                ]
                for positional in chunked(created, self.batch_size):
                    yield "fast", cypher.falkor_create_sentences(), positional
                continue
            elif step.kind == "entity_mentions":
                rows = [r for r in rows if r["id"] not in new]
            for chunk in chunked(rows, self.batch_size):
                yield "merge", step.statement, chunk

    def _relation_statements(
        self,
        groups: dict[RelationType, dict[tuple[str, str], list[MentionRecord]]],
        existing: set[str],
        nodes: dict[str, int],
        sentences: dict[str, int],
        old_mentions: set[str],
        seen_docs: dict[tuple[RelationType, str, str], set[str]],
    ) -> Iterator[tuple[str, list[list[Any]]]]:
        """Create and update statements, each holding at most ``mentions_per_statement`` new
        mentions.

        Per type, first the relationships with an endpoint new to the graph (created), then
        those between existing entities and the continuation of any relationship with more new
        mentions than one statement holds (MERGEd, counts raised), so that a relationship occurs
        at most once per statement and is created before it is raised. Mentions whose
        endpoint or sentence is not a node are dropped, as ``MATCH`` drops them elsewhere.
        Rows are built lazily, so that the client works while the server runs the previous
        statement.
        """
        size = self.mentions_per_statement
        for rtype, pairs in groups.items():
            polarity, symmetric = rtype.polarity.value, rtype.symmetric
            created: list[tuple[int, int, list[MentionRecord], set[str]]] = []
            updated: list[tuple[int, int, list[MentionRecord], set[str]]] = []
            for (source, target), mentions in pairs.items():
                a, b = nodes.get(source), nodes.get(target)
                if a is None or b is None:
                    continue
                new = [
                    m for m in mentions if m.id not in old_mentions and m.sentence_id in sentences
                ]
                if not new:
                    continue
                counted = set(seen_docs.get((rtype, source, target), ()))
                fresh = source not in existing or target not in existing
                for i, piece in enumerate(chunked(new, size)):
                    (created if fresh and i == 0 else updated).append((a, b, piece, counted))
            # Created before raised; within each, the pieces of many mentions (each holding a
            # whole statement's worth, but the last) before the single ones.
            for make, items in (
                (cypher.falkor_create_relations, created),
                (cypher.falkor_update_relations, updated),
            ):
                for one in (False, True):
                    statement = make(rtype, one=one)
                    rows: list[list[Any]] = []
                    held = 0
                    for a, b, piece, counted in items:
                        if (len(piece) == 1) is not one:
                            continue
                        if rows and held + len(piece) > size:
                            yield statement, rows
                            rows, held = [], 0
                        row = relation_row(a, b, piece, counted, sentences, polarity, symmetric)
                        if one:
                            row.extend(row.pop()[0])
                        rows.append(row)
                        held += len(piece)
                    if rows:
                        yield statement, rows


def relation_row(
    a: int,
    b: int,
    mentions: list[MentionRecord],
    counted: set[str],
    sentences: dict[str, int],
    polarity: str,
    symmetric: bool,
) -> list[Any]:
    """``[a, b, *RELATION_ROW_FIELDS, mention rows]``: the counts the mentions add.

    ``counted`` holds the documents that already count for this relationship; it gains
    those of these mentions.
    """
    fields = _new_counts()
    rows: list[list[Any]] = []
    for m in mentions:
        new_doc = m.doc_id not in counted
        if new_doc:
            counted.add(m.doc_id)
        count_mention(fields, m, new_doc=new_doc)
        rows.append([m.id, sentences[m.sentence_id], *mention_values(m)])
    for key in ("cues", "roles"):  # from triggers and roles, which may hold NULs
        samples = fields[key]
        if any("\x00" in v for v in samples):
            fields[key] = list(dict.fromkeys(v.replace("\x00", "") for v in samples))
    values = [fields[f] for f in cypher.RELATION_ROW_FIELDS[:-2]]  # all but the type's two
    return [a, b, *values, polarity, symmetric, rows]


_COUNTS_TEMPLATE = RelationEdge(source_id="", type=RelationType.SUPPORTS, target_id="").__dict__


_COUNTS_LISTS = tuple(k for k, v in _COUNTS_TEMPLATE.items() if isinstance(v, list))


def _new_counts() -> dict[str, Any]:
    """A relationship's field values before any mention (fresh lists)."""
    fields = dict(_COUNTS_TEMPLATE)
    for key in _COUNTS_LISTS:
        fields[key] = []
    return fields
