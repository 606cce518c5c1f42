"""Document-level harmonisation of entity names (alias merging within a document).

A document is parsed in chunks, so names seen in one chunk ("Vladimir Putin") must be able to
resolve short forms in another ("Putin"). :func:`harmonize_document` runs once per document on
the records, after every chunk has been parsed.

What it does, for people (``Leader`` and ``Person`` mentions):

* a short form takes the fullest name of its person in the document ("Putin", "President
  Putin" -> "Vladimir Putin"; "Tayyip Erdogan" -> "Recep Tayyip Erdogan"), or the shipped
  leader list's name where the document has no fuller one;
* two different full names that share a surname never merge ("Ilham Aliyev" and "Heydar
  Aliyev"); a bare shared surname goes to the full name mentioned most recently before it;
* a person who is a ``Leader`` anywhere in the document is a ``Leader`` everywhere;
* relation endpoints follow the renamed entities (names and ids).

Example:
    >>> from geokg.schema import EntityLabel, EntityMention
    >>> a = EntityMention(doc="d", name="Vladimir Putin", label=EntityLabel.LEADER, start=0,
    ...                   end=14, text="Vladimir Putin", id="leader:vladimir-putin")
    >>> b = EntityMention(doc="d", name="Putin", label=EntityLabel.PERSON, start=90, end=95,
    ...                   text="Putin", id="person:putin")
    >>> ents, _ = harmonize_document([a, b], [])
    >>> [(e.name, e.label.value) for e in ents]
    [('Vladimir Putin', 'Leader'), ('Vladimir Putin', 'Leader')]
"""

from __future__ import annotations

from geokg.extract.entities.lexicon import default_lexicons
from geokg.extract.entities.names import PersonMention, merge_people, name_words, spelled_out
from geokg.schema import EntityLabel, EntityMention, RelationMention, entity_id

__all__ = ["harmonize_document"]

_PEOPLE = (EntityLabel.LEADER, EntityLabel.PERSON)


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
    people = [(i, e) for i, e in enumerate(entities) if e.label in _PEOPLE]
    if not people:
        return entities, relations
    lex = default_lexicons()
    canonical: dict[str, str] = {}
    for _, e in people:
        if e.name in lex.alias_defaults:
            canonical[e.name] = lex.alias_defaults[e.name]
    names = _doc_spellings([e for _, e in people])
    mentions = [PersonMention(n, e.start) for n, (_, e) in zip(names, people, strict=True)]
    merged = merge_people(mentions, canonical=canonical)
    leaders = {
        merged[k]
        for k, (_, e) in enumerate(people)
        if e.label is EntityLabel.LEADER or lex.leader(merged[k]) is not None
    }
    out = list(entities)
    renamed: dict[str, tuple[str, str, EntityLabel]] = {}
    for k, (i, e) in enumerate(people):
        name = merged[k]
        label = EntityLabel.LEADER if name in leaders else EntityLabel.PERSON
        new_id = entity_id(label, name)
        if name != e.name or label is not e.label:
            out[i] = e.model_copy(update={"name": name, "label": label, "id": new_id})
            renamed[e.id] = (name, new_id, label)
    if not renamed:
        return out, relations
    rels: list[RelationMention] = []
    for r in relations:
        update: dict[str, object] = {}
        if r.source_id in renamed:
            name, new_id, label = renamed[r.source_id]
            update.update(source=name, source_id=new_id, source_label=label)
        if r.target_id in renamed:
            name, new_id, label = renamed[r.target_id]
            update.update(target=name, target_id=new_id, target_label=label)
        rels.append(r.model_copy(update=update) if update else r)
    return out, rels


def _doc_spellings(people: list[EntityMention]) -> list[str]:
    """Each mention's name, where a list-expanded short form takes the document's spelling.

    A chunk that saw only "Sarkozy" named it by the leader list ("Nicolas Sarkozy");
    where another chunk spells the same listed leader out ("Nicolas Sarkosy"), the short
    form takes that spelling, as the entity component does within one chunk.
    """
    lex = default_lexicons()
    doc_forms: dict[str, str] = {}
    for e in people:
        ids = lex.leader_ids(e.name)
        if len(ids) == 1 and spelled_out(e.text, ids[0]) and spelled_out(e.name, ids[0]):
            cur = doc_forms.get(ids[0])
            if cur is None or len(name_words(e.name)) > len(name_words(cur)):
                doc_forms[ids[0]] = e.name
    out: list[str] = []
    for e in people:
        ids = lex.leader_ids(e.name)
        short = len(ids) == 1 and not spelled_out(e.text, ids[0])
        out.append(doc_forms.get(ids[0], e.name) if short else e.name)
    return out
