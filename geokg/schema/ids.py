"""Stable identifiers: the same entity, sentence or mention gets the same id in every run."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from geokg.schema.ontology import EntityLabel, RelationType

__all__ = ["document_id", "entity_id", "mention_id", "sentence_id", "slugify"]

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Index-friendly ids: a longer slug keeps its head and gains a digest of the whole name, so it
# stays unique and stable while every store can index it (FalkorDB and Neo4j cap key sizes).
MAX_SLUG = 96


@lru_cache(maxsize=65536)
def slugify(name: str) -> str:
    """Fold a name to ASCII words joined by ``-`` ("Bashar al-Assad" -> "bashar-al-assad").

    Characters that have no ASCII form are kept as their code points so that two different
    non-Latin names never share a slug.
    """
    folded = unicodedata.normalize("NFKD", name)
    out: list[str] = []
    for ch in folded:
        if unicodedata.combining(ch):
            continue
        if ch.isascii():
            out.append(ch.lower())
        elif ch.isalnum():
            out.append(f"u{ord(ch):x}")
        else:
            out.append(" ")
    slug = _NON_ALNUM.sub("-", "".join(out)).strip("-")
    if not slug:
        return "x" + hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    if len(slug) > MAX_SLUG:
        digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        slug = slug[: MAX_SLUG - 13].rstrip("-") + "-" + digest
    return slug


def entity_id(label: EntityLabel | str, name: str) -> str:
    """The id of an entity: ``<label>:<slug of canonical name>``, e.g. ``country:russia``."""
    return f"{EntityLabel(label).value.lower()}:{slugify(name)}"


def _digest(*parts: object) -> str:
    raw = "\x1f".join(str(p) for p in parts)
    return hashlib.blake2b(raw.encode("utf-8"), digest_size=10).hexdigest()


def document_id(doc: str) -> str:
    """The id of a document, from its name as given in the records (path relative to the input)."""
    return "doc:" + _digest(doc)


def sentence_id(doc: str, start: int, end: int) -> str:
    """The id of a sentence: its document and raw character span."""
    return "sent:" + _digest(doc, start, end)


def mention_id(
    doc: str,
    sentence_start: int,
    source_id: str,
    rtype: RelationType | str,
    target_id: str,
    trigger_start: int,
) -> str:
    """The id of one relation mention, stable across runs, so repeated loads are idempotent."""
    return "m:" + _digest(doc, sentence_start, source_id, str(rtype), target_id, trigger_start)
