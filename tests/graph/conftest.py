"""Fixtures for graph tests: the REAL embedded FalkorDB (started once, wiped per test) and a
small hand-written two-document corpus built through :class:`GraphBuilder`.

The corpus (documents ``a.txt`` and ``b.txt``) is written so that every named query has
a known answer; ``tests/graph/test_queries.py`` asserts those answers.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import redis

from geokg.graph.build import GraphBatch, GraphBuilder
from geokg.graph.falkor import FalkorServer, FalkorStore
from geokg.schema import (
    DocumentRecord,
    EntityMention,
    MemberStatus,
    Modality,
    RelationMention,
    SentenceRecord,
    TextSpan,
    document_id,
    entity_id,
    sentence_id,
)

# canonical name -> (label, iso3)
ENTITIES: dict[str, tuple[str, str | None]] = {
    "Russia": ("Country", "RUS"),
    "Turkey": ("Country", "TUR"),
    "Syria": ("Country", "SYR"),
    "Ukraine": ("Country", "UKR"),
    "United States": ("Country", "USA"),
    "Vladimir Putin": ("Leader", None),
    "Recep Tayyip Erdogan": ("Leader", None),
    "NATO": ("Organization", None),
    "European Union": ("Organization", None),
    "Crimea": ("Place", None),
}


def eid(name: str) -> str:
    """The entity id of a canonical name of :data:`ENTITIES`."""
    return entity_id(ENTITIES[name][0], name)


@dataclass
class Rel:
    """A relation mention to put in a sentence (trigger is a substring of the sentence)."""

    source: str
    type: str
    target: str
    trigger: str
    modality: Modality = Modality.ASSERTED
    negated: bool = False
    year: int | None = None
    role: str | None = None
    status: MemberStatus | None = None
    quoted: bool = False


@dataclass
class Sent:
    """A sentence: its text, entity mentions (surface text, canonical name) and relations."""

    text: str
    entities: list[tuple[str, str]] = field(default_factory=list)
    relations: list[Rel] = field(default_factory=list)


def build_document(name: str, sentences: list[Sent]) -> dict[str, Any]:
    """The records of one document, with offsets computed from the sentence texts."""
    raw = " ".join(s.text for s in sentences)
    doc = DocumentRecord(
        id=document_id(name),
        name=name,
        chars=len(raw),
        sha1=hashlib.sha1(raw.encode("utf-8")).hexdigest(),
    )
    ents: list[EntityMention] = []
    rels: list[RelationMention] = []
    sents: list[SentenceRecord] = []
    offset = 0
    for s in sentences:
        start, end = offset, offset + len(s.text)
        ids: list[str] = []
        for surface, canonical in s.entities:
            at = start + s.text.index(surface)
            label, iso3 = ENTITIES[canonical]
            ents.append(
                EntityMention(
                    doc=name,
                    name=canonical,
                    label=label,
                    start=at,
                    end=at + len(surface),
                    text=surface,
                    id=eid(canonical),
                    iso3=iso3,
                    sentence_start=start,
                    sentence_end=end,
                )
            )
            ids.append(eid(canonical))
        for r in s.relations:
            t_at = start + s.text.index(r.trigger)
            rels.append(
                RelationMention(
                    doc=name,
                    source=r.source,
                    source_id=eid(r.source),
                    source_label=ENTITIES[r.source][0],
                    type=r.type,
                    target=r.target,
                    target_id=eid(r.target),
                    target_label=ENTITIES[r.target][0],
                    negated=r.negated,
                    modality=r.modality,
                    quoted=r.quoted,
                    year=r.year,
                    sentence=TextSpan(start=start, end=end, text=s.text),
                    trigger=TextSpan(start=t_at, end=t_at + len(r.trigger), text=r.trigger),
                    rule="test.v1",
                    confidence=0.9,
                    role=r.role,
                    status=r.status,
                )
            )
        sents.append(
            SentenceRecord(
                id=sentence_id(name, start, end),
                doc=name,
                doc_id=doc.id,
                start=start,
                end=end,
                text=s.text,
                entity_ids=tuple(dict.fromkeys(ids)),
            )
        )
        offset = end + 1
    return {"document": doc, "entities": ents, "relations": rels, "sentences": sents}


DOC_A = [
    Sent(
        "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan.",
        [
            ("Russian", "Russia"),
            ("Vladimir Putin", "Vladimir Putin"),
            ("Turkish", "Turkey"),
            ("Recep Tayyip Erdogan", "Recep Tayyip Erdogan"),
        ],
        [
            Rel("Vladimir Putin", "LEADS", "Russia", "President", role="President"),
            Rel("Recep Tayyip Erdogan", "LEADS", "Turkey", "President Recep", role="President"),
            Rel("Vladimir Putin", "MEETS", "Recep Tayyip Erdogan", "met"),
        ],
    ),
    Sent(
        "Moscow backs Damascus, while Ankara opposes the Assad regime.",
        [
            ("Moscow", "Russia"),
            ("Damascus", "Syria"),
            ("Ankara", "Turkey"),
            ("the Assad regime", "Syria"),
        ],
        [Rel("Russia", "SUPPORTS", "Syria", "backs"), Rel("Turkey", "OPPOSES", "Syria", "opposes")],
    ),
    Sent(
        "Turkey, a member of NATO, may support Ukraine.",
        [("Turkey", "Turkey"), ("NATO", "NATO"), ("Ukraine", "Ukraine")],
        [
            Rel("Turkey", "MEMBER_OF", "NATO", "member", status=MemberStatus.MEMBER),
            Rel("Turkey", "SUPPORTS", "Ukraine", "support", modality=Modality.HEDGED),
        ],
    ),
    Sent(
        "In 2014 Russia annexed Crimea and the EU imposed sanctions on Russia.",
        [("Russia", "Russia"), ("Crimea", "Crimea"), ("EU", "European Union")],
        [
            Rel("Russia", "ANNEXES", "Crimea", "annexed", year=2014),
            Rel("European Union", "SANCTIONS", "Russia", "sanctions", year=2014),
        ],
    ),
]

DOC_B = [
    Sent(
        "In 2016 Russia and Turkey signed a deal.",
        [("Russia", "Russia"), ("Turkey", "Turkey")],
        [Rel("Turkey", "AGREES_WITH", "Russia", "signed", year=2016)],
    ),
    Sent(
        "Ankara claims Moscow betrayed it.",
        [("Ankara", "Turkey"), ("Moscow", "Russia")],
        [
            Rel("Russia", "BETRAYS", "Turkey", "betrayed", modality=Modality.REPORTED),
            Rel("Turkey", "CRITICIZES", "Russia", "claims"),
        ],
    ),
    Sent(
        "Yet Russia opposes Turkey in Syria and Russia partners with Turkey on gas.",
        [("Russia", "Russia"), ("Turkey", "Turkey"), ("Syria", "Syria")],
        [
            Rel("Russia", "OPPOSES", "Turkey", "opposes"),
            Rel("Russia", "PARTNERS_WITH", "Turkey", "partners"),
        ],
    ),
    Sent(
        "The United States sanctioned Russia in 2018, and Washington backs Ukraine.",
        [
            ("United States", "United States"),
            ("Russia", "Russia"),
            ("Washington", "United States"),
            ("Ukraine", "Ukraine"),
        ],
        [
            Rel("United States", "SANCTIONS", "Russia", "sanctioned", year=2018),
            Rel("United States", "SUPPORTS", "Ukraine", "backs"),
        ],
    ),
    Sent(
        "Russia did not attack NATO, and the EU never sanctioned Turkey.",
        [("Russia", "Russia"), ("NATO", "NATO"), ("EU", "European Union"), ("Turkey", "Turkey")],
        [
            Rel("Russia", "ATTACKS", "NATO", "attack", negated=True),
            Rel("European Union", "SANCTIONS", "Turkey", "sanctioned", negated=True),
        ],
    ),
]


def batch_of(*docs: tuple[str, list[Sent]]) -> GraphBatch:
    """A collapsed batch of the given documents, built by the real GraphBuilder."""
    builder = GraphBuilder()
    for name, sentences in docs:
        builder.add_extraction(**build_document(name, sentences))
    return builder.batch()


# A dated corpus written for the questions of change (name, date or None, sentences).
# Russia and Turkey cooperate in 2019-2020 and fall out in 2023-2024; the United States turns
# from criticising Ukraine (2020) to backing it (2022, 2024); Russia backs Syria throughout.
DATED: list[tuple[str, str | None, list[Sent]]] = [
    (
        "2023-turn.txt",
        "2023-02-01",
        [
            Sent(
                "Turkey condemned Russia, and Turkey opposes Russia in Syria.",
                [("Turkey", "Turkey"), ("Russia", "Russia"), ("Syria", "Syria")],
                [
                    Rel("Turkey", "CRITICIZES", "Russia", "condemned"),
                    Rel("Turkey", "OPPOSES", "Russia", "opposes"),
                ],
            ),
            Sent(
                "Moscow still backs Damascus.",
                [("Moscow", "Russia"), ("Damascus", "Syria")],
                [Rel("Russia", "SUPPORTS", "Syria", "backs")],
            ),
        ],
    ),
    (
        "2019-gas.txt",
        "2019-03-10",
        [
            Sent(
                "Russia partners with Turkey on gas.",
                [("Russia", "Russia"), ("Turkey", "Turkey")],
                [Rel("Russia", "PARTNERS_WITH", "Turkey", "partners")],
            ),
            Sent(
                "Russia backs Syria.",
                [("Russia", "Russia"), ("Syria", "Syria")],
                [Rel("Russia", "SUPPORTS", "Syria", "backs")],
            ),
        ],
    ),
    (
        "2020-deal.txt",
        "2020-06",
        [
            Sent(
                "Russia and Turkey signed a deal, though Turkey criticized Russia.",
                [("Russia", "Russia"), ("Turkey", "Turkey")],
                [
                    Rel("Turkey", "AGREES_WITH", "Russia", "signed"),
                    Rel("Turkey", "CRITICIZES", "Russia", "criticized"),
                ],
            ),
            Sent(
                "Washington criticized Ukraine.",
                [("Washington", "United States"), ("Ukraine", "Ukraine")],
                [Rel("United States", "CRITICIZES", "Ukraine", "criticized")],
            ),
        ],
    ),
    (
        "2022-aid.txt",
        "2022-09-15",
        [
            Sent(
                "The United States backs Ukraine.",
                [("United States", "United States"), ("Ukraine", "Ukraine")],
                [Rel("United States", "SUPPORTS", "Ukraine", "backs")],
            ),
        ],
    ),
    (
        "2024-rift.txt",
        "2024",
        [
            Sent(
                "Ankara says Russia betrayed Turkey and Turkey broke with Moscow.",
                [("Ankara", "Turkey"), ("Russia", "Russia"), ("Moscow", "Russia")],
                [
                    Rel("Russia", "BETRAYS", "Turkey", "betrayed", modality=Modality.REPORTED),
                    Rel("Turkey", "BREAKS_WITH", "Russia", "broke"),
                ],
            ),
            Sent(
                "Russia did not attack Turkey, and Washington backs Ukraine.",
                [("Russia", "Russia"), ("Turkey", "Turkey"), ("Washington", "United States")],
                [
                    Rel("Russia", "ATTACKS", "Turkey", "attack", negated=True),
                    Rel("United States", "SUPPORTS", "Ukraine", "backs"),
                ],
            ),
        ],
    ),
    (
        "undated.txt",
        None,
        [
            Sent(
                "Turkey broke with Russia and Russia backs Syria.",
                [("Turkey", "Turkey"), ("Russia", "Russia"), ("Syria", "Syria")],
                [
                    Rel("Turkey", "BREAKS_WITH", "Russia", "broke"),
                    Rel("Russia", "SUPPORTS", "Syria", "backs"),
                ],
            ),
        ],
    ),
]


def dated_batch(*names: str) -> GraphBatch:
    """The documents of :data:`DATED` (all, or those named) in one batch, with their dates."""
    builder = GraphBuilder()
    for name, date, sentences in DATED:
        if names and name not in names:
            continue
        records = build_document(name, sentences)
        records["document"] = records["document"].model_copy(update={"date": date})
        builder.add_extraction(**records)
    return builder.batch()


@pytest.fixture()
def dated_store(store: FalkorStore) -> FalkorStore:
    """The store with the dated corpus loaded."""
    store.load(dated_batch())
    return store


@pytest.fixture()
def batch_a() -> GraphBatch:
    """Document a.txt alone."""
    return batch_of(("a.txt", DOC_A))


@pytest.fixture()
def batch_b() -> GraphBatch:
    """Document b.txt alone."""
    return batch_of(("b.txt", DOC_B))


@pytest.fixture()
def batch_ab() -> GraphBatch:
    """Both documents in one batch."""
    return batch_of(("a.txt", DOC_A), ("b.txt", DOC_B))


@pytest.fixture(scope="session")
def falkor_server() -> Iterator[FalkorServer]:
    """One real embedded FalkorDB server for the session, in a short private tmp folder."""
    # A short path: unix socket paths are limited to ~100 bytes.
    with tempfile.TemporaryDirectory(prefix="gkt") as tmp:
        server = FalkorServer(Path(tmp) / "db")
        server.start()
        try:
            yield server
        finally:
            server.stop()


@pytest.fixture()
def store(falkor_server: FalkorServer) -> Iterator[FalkorStore]:
    """A FalkorStore on the session server, schema ensured and every node wiped (its first
    load goes through GRAPH.BULK)."""
    with FalkorStore(falkor_server.db_dir, graph="geokg_test") as st:
        st.clear()
        st.ensure_schema()
        yield st
        st.clear()


@pytest.fixture()
def cypher_store(falkor_server: FalkorServer) -> Iterator[FalkorStore]:
    """Like ``store``, but every load goes through the Cypher path (no GRAPH.BULK first load)."""
    with FalkorStore(falkor_server.db_dir, graph="geokg_test", bulk=False) as st:
        st.clear()
        st.ensure_schema()
        yield st
        st.clear()


@pytest.fixture()
def loaded(store: FalkorStore, batch_ab: GraphBatch) -> FalkorStore:
    """The store with both sample documents loaded."""
    store.load(batch_ab)
    return store


@pytest.fixture()
def sent(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every GRAPH.QUERY text sent to the server while the test runs."""
    texts: list[str] = []
    original = redis.connection.AbstractConnection.send_command

    def recording(self: Any, *args: Any, **kwargs: Any) -> None:
        if args and args[0] == "GRAPH.QUERY":
            texts.append(str(args[2]))
        original(self, *args, **kwargs)  # type: ignore[no-untyped-call]

    monkeypatch.setattr(redis.connection.AbstractConnection, "send_command", recording)
    return texts
