"""One measurement, run in a fresh process: ``python -m bench.measure KIND ...``.

Prints one JSON object on the last line of stdout: ``seconds`` of the timed part plus what
the kind counts (words, relationships). Memory is measured from outside by ``bench.run``.

Kinds:
    bare: the spaCy model alone (no geokg components) over the same chunks and batches the
        extractor makes (``nlp.pipe`` per batch; ``n_process`` for more than one worker).
    bare-pool: the bare model through the extractor's own process pool (the ceiling of
        ``extract`` with the same number of workers).
    paired: ``bare`` and ``extract`` alternating slice by slice in one process.
    extract: ``geokg extract`` in-process: the Extractor over the corpus folder through
        :func:`geokg.runner.iter_extractions`, writing JSON Lines.
    build: ``geokg build`` in-process, into a fresh embedded database.
    load: ``store.load`` of a synthetic :class:`~geokg.graph.build.GraphBatch` (``--path``
        bulk or cypher into a fresh database, ``--onto N`` into one holding N others).
    scale: aggregation and load of N mentions of one relationship (or of many).
    one-doc: extraction, aggregation and load of one sentence repeated N times.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["main", "measure_scale", "scale_mentions", "synthetic_batch"]


def _cpu() -> float:
    """CPU seconds of this process and its children, finished (waited for) or running."""
    import resource

    import psutil  # type: ignore[import-untyped,unused-ignore]

    own = resource.getrusage(resource.RUSAGE_SELF)
    done = resource.getrusage(resource.RUSAGE_CHILDREN)
    running = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:
            continue
        running += times.user + times.system + times.children_user + times.children_system
    return own.ru_utime + own.ru_stime + done.ru_utime + done.ru_stime + running


def _chunk_texts(corpus: Path) -> list[str]:
    """The chunk texts the extractor parses, in order (cleaned, split on paragraphs)."""
    from geokg.extract.clean import clean_text, split_paragraphs
    from geokg.extract.extractor import DEFAULT_CHUNK_CHARS
    from geokg.extract.io import RawDocument, iter_documents

    texts: list[str] = []
    for raw in iter_documents([corpus]):
        if isinstance(raw, RawDocument):
            clean = clean_text(raw.text)
            spans = split_paragraphs(clean, max_chars=DEFAULT_CHUNK_CHARS)
            texts.extend(clean.text[a:b] for a, b in spans)
    return texts


def _bare_nlp() -> Any:
    import spacy

    from geokg.extract.pipeline import MODEL_NAME

    return spacy.load(MODEL_NAME)


def measure_bare(corpus: Path, workers: int) -> dict[str, Any]:
    """``nlp.pipe`` of the bare model over the extractor's chunks and batches."""
    from geokg.extract.extractor import DEFAULT_BATCH_CHARS, iter_batches

    nlp = _bare_nlp()
    texts = _chunk_texts(corpus)
    batches = [[texts[i] for i in b] for b in iter_batches(map(len, texts), DEFAULT_BATCH_CHARS)]
    tokens = 0
    started, cpu = time.perf_counter(), _cpu()
    if workers == 1:
        for batch in batches:
            tokens += sum(len(doc) for doc in nlp.pipe(batch, batch_size=len(batch)))
    else:
        # spaCy's n_process takes a batch size in texts: the average of the batches above.
        size = max(1, round(len(texts) / len(batches)))
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=size, n_process=workers))
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "timed_cpu_seconds": _cpu() - cpu,
        "tokens": tokens,
        "chunks": len(texts),
        "batches": len(batches),
    }


def measure_bare_pool(corpus: Path, workers: int) -> dict[str, Any]:
    """The bare model through the extractor (its batching and process pool)."""
    from geokg.extract.extractor import Extractor
    from geokg.extract.io import RawDocument, iter_documents

    nlp = _bare_nlp()
    docs = [d for d in iter_documents([corpus]) if isinstance(d, RawDocument)]
    with Extractor(nlp, workers=workers).start() as extractor:
        started, cpu = time.perf_counter(), _cpu()
        n = sum(1 for _ in extractor.extract(docs))
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "timed_cpu_seconds": _cpu() - cpu, "documents": n}


# One worker: slices of about this much text (the machine's speed drifts over tens of seconds).
_PAIRED_SLICE_CHARS = 250_000


def measure_paired(corpus: Path, workers: int, out: Path, *, slices: int = 0) -> dict[str, Any]:
    """``bare`` and ``extract`` in one process, alternating slice by slice (ABBA order).

    The corpus files are cut into ``slices`` runs of consecutive files; each slice goes through
    the bare model (its chunks, its size-based batches) and through the extractor (its
    documents, records written as JSON Lines), the order alternating from slice to slice. Both
    sides then see the same load from other processes, so their ratio holds on a shared
    machine where separate runs minutes apart do not.

    With one worker the slices are about 250 KB (at least 10): on a shared machine the speed
    drifts by 10% and more over tens of seconds, and short alternations spread it evenly.
    With several workers a slice must hold many batches per worker, or both sides spend its
    end with idle processes (a slice of two batches keeps one of two workers idle half the
    time) and the ratio measures that, not the extraction. Slices are therefore at least
    ``8 * workers`` batches long; a corpus too small for two of them is run twice whole
    (bare, extract, extract, bare) and the times are per pass.
    """
    from geokg.extract.extractor import DEFAULT_BATCH_CHARS, Extractor, iter_batches
    from geokg.extract.io import RawDocument, iter_documents
    from geokg.extract.pipeline import load_nlp
    from geokg.extract.records import DocumentExtraction

    bare = _bare_nlp()
    docs = [d for d in iter_documents([corpus]) if isinstance(d, RawDocument)]
    passes = 1
    if not slices:
        chars = sum(len(d.text) for d in docs)
        if workers == 1:  # the finer the alternation, the better both sides share slow spells
            slices = max(10, chars // _PAIRED_SLICE_CHARS)
        else:
            slices = min(4, chars // (8 * workers * DEFAULT_BATCH_CHARS))
    if slices >= 2:
        size = -(-len(docs) // slices)
        parts = [docs[i : i + size] for i in range(0, len(docs), size)]
    else:
        parts, passes = [docs, docs], 2
    extractor = Extractor(load_nlp()) if workers == 1 else Extractor(workers=workers)
    extractor.start()
    seconds = {"bare": 0.0, "extract": 0.0}
    records = 0

    def run_bare(part: list[RawDocument]) -> None:
        texts = _texts_of(part)
        batches = [
            [texts[i] for i in b] for b in iter_batches(map(len, texts), DEFAULT_BATCH_CHARS)
        ]
        if workers == 1:
            for batch in batches:
                for _ in bare.pipe(batch, batch_size=len(batch)):
                    pass
        else:
            n = max(1, round(len(texts) / len(batches)))
            for _ in bare.pipe(texts, batch_size=n, n_process=workers):
                pass

    def run_extract(part: list[RawDocument]) -> None:
        nonlocal records
        with out.open("a", encoding="utf-8") as f:
            for result in extractor.extract(part):
                if isinstance(result, DocumentExtraction):
                    for record in result.records():
                        f.write(record.model_dump_json() + "\n")
                        records += 1

    for i, part in enumerate(parts):
        steps = [("bare", run_bare), ("extract", run_extract)]
        for name, step in steps if i % 2 == 0 else steps[::-1]:
            started = time.perf_counter()
            step(part)
            seconds[name] += time.perf_counter() - started
    extractor.close()
    return {
        "seconds": seconds["extract"] / passes,
        "bare_seconds": seconds["bare"] / passes,
        "slices": len(parts),
        "passes": passes,
        "records": records // passes,
    }


def _texts_of(docs: Sequence[Any]) -> list[str]:
    from geokg.extract.clean import clean_text, split_paragraphs
    from geokg.extract.extractor import DEFAULT_CHUNK_CHARS

    texts: list[str] = []
    for raw in docs:
        clean = clean_text(raw.text)
        spans = split_paragraphs(clean, max_chars=DEFAULT_CHUNK_CHARS)
        texts.extend(clean.text[a:b] for a, b in spans)
    return texts


def measure_extract(corpus: Path, workers: int, out: Path) -> dict[str, Any]:
    """``geokg extract``: records of every document written as JSON Lines."""
    from geokg.extract.extractor import Extractor
    from geokg.extract.pipeline import load_nlp
    from geokg.runner import RunSummary, iter_extractions

    # The pipeline is loaded before the clock starts, here or in the workers (as bare loads
    # its model before the clock; spaCy's n_process forks processes that share it).
    extractor = Extractor(load_nlp()) if workers == 1 else Extractor(workers=workers)
    extractor.start()
    summary = RunSummary()
    records = relations = 0
    started, cpu = time.perf_counter(), _cpu()
    with out.open("w", encoding="utf-8") as f:
        for result in iter_extractions([corpus], extractor=extractor, summary=summary):
            for record in result.records():
                f.write(record.model_dump_json() + "\n")
                records += 1
            relations += len(result.relations)
    seconds = time.perf_counter() - started
    extractor.close()
    return {
        "seconds": seconds,
        "timed_cpu_seconds": _cpu() - cpu,
        "documents": summary.processed,
        "failed": summary.failed + summary.skipped,
        "records": records,
        "relation_mentions": relations,
    }


def measure_build(corpus: Path, workers: int, db_dir: Path) -> dict[str, Any]:
    """``geokg build`` into a fresh embedded database (model loading on the clock)."""
    from geokg.cli import app
    from geokg.graph.registry import open_store

    args = ["build", str(corpus), "--db-dir", str(db_dir), "--workers", str(workers)]
    started, cpu = time.perf_counter(), _cpu()
    code = app(args=args, standalone_mode=False)
    seconds = time.perf_counter() - started
    timed_cpu = _cpu() - cpu
    with open_store(db_dir=db_dir) as store:
        counts = store.counts()
    return {
        "seconds": seconds,
        "timed_cpu_seconds": timed_cpu,
        "exit_code": code or 0,
        "nodes": counts.get("total_nodes"),
        "relationships": counts.get("total_relationships"),
    }


def synthetic_batch(edges: int, *, nodes: int = 5_000, seed: int = 7, tag: str = "") -> Any:
    """A collapsed :class:`GraphBatch` of ``edges`` distinct relationships between countries.

    Each relationship carries one mention (a Mention node) in its own sentence, of one of
    1,000 documents, like a real relationship seen once. ``tag`` prefixes the ids of
    sentences, mentions and documents, so that batches with different tags (and seeds) share
    their entities but no evidence.
    """
    import random

    from geokg.graph.build import GraphBatch, GraphBuilder
    from geokg.schema import (
        EntityLabel,
        EntityNode,
        MentionRecord,
        RelationType,
        SentenceRecord,
        document_id,
        entity_id,
    )

    rng = random.Random(seed)
    labels = EntityLabel.COUNTRY
    ids = [entity_id(labels, f"Country {i}") for i in range(nodes)]
    entities = [
        EntityNode(id=i, label=labels, name=f"Country {n}", mentions=1) for n, i in enumerate(ids)
    ]
    types = [RelationType.SUPPORTS, RelationType.OPPOSES, RelationType.TRADES_WITH]
    seen: set[tuple[str, RelationType, str]] = set()
    builder = GraphBuilder()
    sentences: list[SentenceRecord] = []
    while len(seen) < edges:
        s, t = rng.sample(ids, 2)
        rtype = rng.choice(types)
        if rtype.symmetric and t < s:
            s, t = t, s
        if (s, rtype, t) in seen:
            continue
        seen.add((s, rtype, t))
        k = len(seen)
        doc = f"{tag}doc{k % 1000:04d}.txt"
        sentence = SentenceRecord(
            id=f"{tag}sent:{k:08d}",
            doc=doc,
            doc_id=document_id(doc),
            start=k * 40,
            end=k * 40 + 30,
            text=f"Country {k} backs another country.",
        )
        sentences.append(sentence)
        builder.add_mention(
            MentionRecord(
                id=f"{tag}m:{k:08d}",
                type=rtype,
                source_id=s,
                target_id=t,
                sentence_id=sentence.id,
                doc_id=sentence.doc_id,
                year=2000 + k % 25,
                trigger="backs",
                rule="bench.v1",
                confidence=0.9,
            )
        )
    batch = builder.batch()
    return GraphBatch(
        entities=entities, sentences=sentences, relations=batch.relations, mentions=batch.mentions
    )


def scale_mentions(mentions: int, *, pairs: int) -> list[Any]:
    """``mentions`` relation mentions of ``pairs`` relationships, round robin, one document.

    One pair is the worst case of the old model (every mention folded into one relationship);
    many pairs is a corpus with many relationships. Records are built outside the clock.
    """
    from geokg.schema import RelationMention, RelationType, TextSpan

    text = "Russia supports Syria."
    out: list[Any] = []
    for i in range(mentions):
        p = i % pairs
        start = i * (len(text) + 1)
        out.append(
            RelationMention(
                doc="one.txt",
                source="Russia" if pairs == 1 else f"Country {p}",
                source_id="country:russia" if pairs == 1 else f"country:c{p}",
                source_label="Country",
                type=RelationType.SUPPORTS,
                target="Syria" if pairs == 1 else f"Country {p + 1}",
                target_id="country:syria" if pairs == 1 else f"country:c{p + 1}",
                target_label="Country",
                year=1990 + i % 30,
                sentence=TextSpan(start=start, end=start + len(text), text=text),
                trigger=TextSpan(start=start + 7, end=start + 15, text="supports"),
                rule="bench.v1",
                confidence=0.9,
            )
        )
    return out


def _server_cpu(store: Any) -> float:
    """CPU seconds the embedded store's server process has used so far."""
    import psutil  # type: ignore[import-untyped,unused-ignore]

    pid = store.server.status().pid
    times = psutil.Process(pid).cpu_times()
    return float(times.user + times.system)


def measure_scale(mentions: int, pairs: int, db_dir: Path) -> dict[str, Any]:
    """Aggregate ``mentions`` relation mentions of ``pairs`` relationships, then load them.

    ``aggregate`` is :class:`~geokg.graph.build.GraphBuilder` alone; ``load`` the load into a
    fresh embedded database (one batch, as ``geokg build`` loads one long document);
    ``reload`` the same batch again (every mention found: nothing written). Each is given in
    wall seconds and in CPU seconds (this process, plus the database server for loads): the
    machine is shared, so CPU seconds are the figures to compare.
    """
    from geokg.graph.build import GraphBuilder
    from geokg.graph.registry import open_store

    records = scale_mentions(mentions, pairs=pairs)
    started, cpu = time.perf_counter(), time.process_time()
    builder = GraphBuilder()
    builder.add_relations(records)  # as ``geokg build`` folds in a document's relations
    batch = builder.batch()
    out: dict[str, Any] = {
        "mentions": mentions,
        "pairs": pairs,
        "aggregate_seconds": time.perf_counter() - started,
        "aggregate_cpu": time.process_time() - cpu,
    }
    with open_store(db_dir=db_dir) as store:
        store.ensure_schema()
        for run in ("load", "reload"):
            server = _server_cpu(store)
            started, cpu = time.perf_counter(), time.process_time()
            store.load(batch)
            out[f"{run}_seconds"] = time.perf_counter() - started
            out[f"{run}_cpu"] = time.process_time() - cpu + _server_cpu(store) - server
            if run == "load":
                counts = store.counts()
        if store.counts() != counts:
            raise RuntimeError("reloading the same batch changed the graph")
        stored = store.query("MATCH ()-[r:SUPPORTS]->() RETURN sum(r.mentions)").rows[0][0]
    if int(stored) != mentions:
        raise RuntimeError(f"the relationships count {stored} mentions, not {mentions}")
    out["seconds"] = out["aggregate_seconds"] + out["load_seconds"]
    out["cpu"] = out["aggregate_cpu"] + out["load_cpu"]
    out["nodes"] = counts.get("total_nodes")
    out["relationships"] = counts.get("total_relationships")
    return out


def one_sentence_document(folder: Path, repeats: int = 250_000) -> Path:
    """A document that repeats one sentence (``Russia supports Syria.``) ``repeats`` times.

    250,000 repetitions are 5.75 MB: one relationship with a quarter of a million mentions.
    The sentences are separated by spaces, in one paragraph (the cleaner drops repeated
    paragraphs, so one sentence per line would leave one sentence).
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"repeat-{repeats}.txt"
    if not path.is_file():
        path.write_text("Russia supports Syria. " * repeats, encoding="utf-8")
    return path


def measure_one_doc(repeats: int, db_dir: Path, work: Path) -> dict[str, Any]:
    """Extraction, then aggregation and load, of :func:`one_sentence_document`.

    ``geokg build`` is extraction followed by aggregation and loading; timing them apart in
    one process (CPU seconds, the database server's included) gives build / extraction.
    """
    from geokg.extract.extractor import Extractor
    from geokg.extract.pipeline import load_nlp
    from geokg.graph.build import GraphBuilder
    from geokg.graph.registry import open_store
    from geokg.runner import RunSummary, iter_extractions

    path = one_sentence_document(work, repeats)
    extractor = Extractor(load_nlp())
    extractor.start()
    started, cpu = time.perf_counter(), time.process_time()
    results = list(iter_extractions([path], extractor=extractor, summary=RunSummary()))
    out: dict[str, Any] = {
        "repeats": repeats,
        "bytes": path.stat().st_size,
        "extract_seconds": time.perf_counter() - started,
        "extract_cpu": time.process_time() - cpu,
    }
    extractor.close()
    started, cpu = time.perf_counter(), time.process_time()
    builder = GraphBuilder()
    for result in results:
        builder.add_extraction(
            document=result.document,
            entities=result.entities,
            relations=result.relations,
            sentences=result.sentences,
        )
    batch = builder.batch()
    out["aggregate_seconds"] = time.perf_counter() - started
    out["aggregate_cpu"] = time.process_time() - cpu
    with open_store(db_dir=db_dir) as store:
        store.ensure_schema()
        server = _server_cpu(store)
        started, cpu = time.perf_counter(), time.process_time()
        store.load(batch)
        out["load_seconds"] = time.perf_counter() - started
        out["load_cpu"] = time.process_time() - cpu + _server_cpu(store) - server
        row = store.query("MATCH ()-[r:SUPPORTS]->() RETURN r.mentions, r.doc_count").rows
    out["relationship"] = row
    out["relation_mentions"] = sum(len(r.relations) for r in results)
    extract = out["extract_cpu"]
    out["build_over_extract_cpu"] = (extract + out["aggregate_cpu"] + out["load_cpu"]) / extract
    return out


def measure_load(edges: int, db_dir: Path, *, path: str = "bulk", onto: int = 0) -> dict[str, Any]:
    """Rate of loading ``edges`` new relationships into an embedded database, then again.

    ``path`` ``bulk``: into a fresh database, which the store fills through GRAPH.BULK (its
    first load); ``cypher``: the same through the Cypher path (``FalkorStore(bulk=False)``);
    ``onto``: a graph that already holds ``onto`` other relationships between the same
    entities (loaded before the clock), so the Cypher path of every later load. The second
    load of the same batch finds every entity, sentence and mention in place: the rate of a
    re-run (after a crash, or of the same documents). Besides wall seconds, each load reports
    the CPU seconds of this process and of the database server: the rate a load reaches when
    neither waits for other jobs is ``edges`` over the larger of the two.
    """
    from geokg.graph.falkor import FalkorStore
    from geokg.schema import RelationType

    batch = synthetic_batch(edges)
    used = "cypher" if onto or path == "cypher" else "bulk"  # a non-empty graph: Cypher
    out: dict[str, Any] = {"relationships": edges, "path": used, "onto": onto}
    with FalkorStore(db_dir, bulk=path != "cypher") as store:
        store.ensure_schema()
        if onto:
            store.load(synthetic_batch(onto, seed=11, tag="base-"))
            before = store.counts()
        for run in ("load", "reload"):
            server = _server_cpu(store)
            started, cpu = time.perf_counter(), time.process_time()
            stats = store.load(batch)
            seconds = time.perf_counter() - started
            client = time.process_time() - cpu
            server = _server_cpu(store) - server
            prefix = "" if run == "load" else "reload_"
            out[f"{prefix}seconds"] = seconds
            out[f"{prefix}client_cpu"] = client
            out[f"{prefix}server_cpu"] = server
            out[f"{prefix}cpu_bound_rate"] = edges / max(client, server)
            out[f"{prefix}statements"] = stats.statements
            if run == "load":
                counts = store.counts()
        if store.counts() != counts:
            raise RuntimeError("reloading the same batch changed the graph")
    types = {t.value for t in RelationType}
    loaded = sum(n for t, n in counts.get("relationships", {}).items() if t in types)
    mentions = counts.get("nodes", {}).get("Mention")
    if onto:
        loaded -= sum(n for t, n in before.get("relationships", {}).items() if t in types)
        mentions -= before.get("nodes", {}).get("Mention", 0)
    out["loaded_relationships"] = loaded
    out["mention_nodes"] = mentions
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Run one measurement and print its JSON result on the last line of stdout."""
    parser = argparse.ArgumentParser(prog="python -m bench.measure")
    parser.add_argument(
        "kind",
        choices=["bare", "bare-pool", "extract", "paired", "build", "load", "scale", "one-doc"],
    )
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--edges", type=int, default=50_000)
    parser.add_argument("--mentions", type=int, default=16_000)
    parser.add_argument("--pairs", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=250_000)
    parser.add_argument("--path", choices=["bulk", "cypher"], default="bulk")
    parser.add_argument("--onto", type=int, default=0, help="load: relationships loaded before")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="geokg-bench-") as tmp:
        work = Path(tmp)
        if args.kind == "bare":
            result = measure_bare(args.corpus, args.workers)
        elif args.kind == "bare-pool":
            result = measure_bare_pool(args.corpus, args.workers)
        elif args.kind == "extract":
            result = measure_extract(args.corpus, args.workers, work / "out.jsonl")
        elif args.kind == "paired":
            result = measure_paired(args.corpus, args.workers, work / "out.jsonl")
        elif args.kind == "build":
            result = measure_build(args.corpus, args.workers, work / "db")
        elif args.kind == "one-doc":
            result = measure_one_doc(args.repeats, work / "db", work)
        elif args.kind == "scale":
            result = measure_scale(args.mentions, args.pairs, work / "db")
        else:
            result = measure_load(args.edges, work / "db", path=args.path, onto=args.onto)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
