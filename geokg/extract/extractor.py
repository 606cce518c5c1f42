"""Stream documents through cleaning, the spaCy pipeline and record building.

The extractor is a three-stage stream that never holds the corpus:

1. **Prepare** (in the calling process): each document is read from the input iterator only
   when the current batch needs more text, cleaned (:func:`~geokg.extract.clean.clean_text`)
   and cut on paragraph boundaries into chunks of at most ``chunk_chars`` characters
   (:func:`~geokg.extract.clean.split_paragraphs`; offsets are preserved through
   :class:`~geokg.extract.clean.CleanText`).
2. **Parse**: chunks of consecutive documents are packed into batches of about
   ``batch_chars`` characters (peak memory follows the text of the largest batch, and
   batching by size beats batching by document count), and each batch goes through one
   ``nlp.pipe`` call; every ``Doc`` becomes records at once and is dropped. With
   ``workers > 1`` the batches go to a pool of processes, each holding its own pipeline, with
   at most ``2 * workers`` batches in flight; an idle worker takes the next batch, so the work
   spreads evenly. Workers are spawned (not forked: the caller may run threads) and load the
   pipeline themselves, at the first batch or ahead of time with :meth:`Extractor.start`.
3. **Assemble**: a document's records are harmonised and yielded as soon as all its chunks are
   parsed, in input order.

Batches are the same whatever the number of workers and every chunk is parsed in the same
batch, so ``workers=N`` yields exactly the records of ``workers=1``, in the same order.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from geokg.errors import ConfigError, ExtractionError
from geokg.extract.clean import CleanText, clean_text, split_paragraphs
from geokg.extract.coref import harmonize_document
from geokg.extract.meta import DocumentMeta
from geokg.extract.records import (
    DocumentExtraction,
    chunk_records,
    date_records,
    link_sentences,
    make_document_record,
)
from geokg.extract.titlecase import normaliser_for

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from geokg.schema import DocumentRecord, EntityMention, RelationMention, SentenceRecord

__all__ = [
    "DEFAULT_BATCH_CHARS",
    "DEFAULT_CHUNK_CHARS",
    "DocumentFailure",
    "Extractor",
    "TextDocument",
    "iter_batches",
]

#: Characters of chunk text per ``nlp.pipe`` call. en_core_web_sm needs about 0.5 GB plus
#: 2.5-3 GB per MB of text in a batch, so this keeps a worker near 1 GB.
DEFAULT_BATCH_CHARS = 200_000
#: The longest chunk a document is cut into (on paragraph boundaries) before parsing.
DEFAULT_CHUNK_CHARS = 50_000


class TextDocument(Protocol):
    """What the extractor reads from an input document (e.g. ``geokg.extract.io.RawDocument``).

    A document may also have a ``meta`` attribute (:class:`~geokg.extract.meta.DocumentMeta`):
    its values go on the document record, and its date on every mention (``doc_date``).
    """

    @property
    def name(self) -> str: ...  # pragma: no cover

    @property
    def text(self) -> str: ...  # pragma: no cover


@dataclass(frozen=True, slots=True)
class DocumentFailure:
    """A document that could not be extracted; the batch goes on without it."""

    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class _Chunk:
    """One chunk to parse: ``clean.text[start:end]`` of the ``seq``-th input document."""

    seq: int
    index: int
    name: str
    clean: CleanText
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.clean.text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class _ChunkResult:
    """The records of one parsed chunk, or why it failed."""

    seq: int
    index: int
    entities: list[EntityMention] = field(default_factory=list)
    relations: list[RelationMention] = field(default_factory=list)
    sentences: list[SentenceRecord] = field(default_factory=list)
    error: str | None = None


@dataclass(slots=True)
class _Pending:
    """A document whose chunks are being parsed."""

    name: str
    document: DocumentRecord | None
    parts: list[_ChunkResult | None]
    done: int = 0
    failure: str | None = None

    @property
    def complete(self) -> bool:
        return self.failure is not None or self.done == len(self.parts)


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def _records(chunk: _Chunk, doc: Doc) -> _ChunkResult:
    try:
        ents, rels, sents = chunk_records(
            doc, name=chunk.name, clean=chunk.clean, offset=chunk.start
        )
    except Exception as e:  # one broken chunk fails only its document
        return _ChunkResult(chunk.seq, chunk.index, error=_describe(e))
    return _ChunkResult(chunk.seq, chunk.index, ents, rels, sents)


def parse_batch(nlp: Language, batch: list[_Chunk]) -> list[_ChunkResult]:
    """Parse one batch of chunks in a single ``nlp.pipe`` call and turn each Doc into records.

    When the batch call fails, its chunks are parsed one at a time so that only the
    documents whose chunks fail are lost.
    """
    # Title Case lines (headlines) are parsed in sentence case; offsets do not change
    norm = normaliser_for(nlp)
    texts = [norm(chunk.text) for chunk in batch]
    results: list[_ChunkResult] = []
    try:
        for chunk, doc in zip(batch, nlp.pipe(texts, batch_size=len(texts)), strict=True):
            results.append(_records(chunk, doc))
    except Exception:
        results = []
        for chunk, text in zip(batch, texts, strict=True):
            try:
                doc = nlp(text)
            except Exception as e:
                results.append(_ChunkResult(chunk.seq, chunk.index, error=_describe(e)))
                continue
            results.append(_records(chunk, doc))
    return results


def iter_batches(sizes: Iterable[int], batch_chars: int) -> Iterator[list[int]]:
    """Group consecutive items into batches of at most ``batch_chars`` characters.

    An item larger than ``batch_chars`` forms a batch of its own.

    Args:
        sizes: The size of each item, in order.
        batch_chars: The target batch size.

    Yields:
        Lists of item indices, in order.

    Example:
        >>> list(iter_batches([3, 3, 3, 9, 1], 6))
        [[0, 1], [2], [3], [4]]
    """
    batch: list[int] = []
    total = 0
    for i, size in enumerate(sizes):
        if batch and total + size > batch_chars:
            yield batch
            batch, total = [], 0
        batch.append(i)
        total += size
    if batch:
        yield batch


# --- worker processes ------------------------------------------------------------------------

_WORKER_NLP: Language | None = None


def _init_worker(pickled_nlp: bytes | None) -> None:
    global _WORKER_NLP
    from geokg.extract.annotations import ensure_extensions

    ensure_extensions()
    if pickled_nlp is None:
        from geokg.extract.pipeline import load_nlp

        _WORKER_NLP = load_nlp()
    else:
        _WORKER_NLP = pickle.loads(pickled_nlp)


def _worker_pid() -> int:
    time.sleep(0.05)  # long enough for the other workers to take their share
    return os.getpid()


def _worker_parse(batch: list[_Chunk]) -> list[_ChunkResult]:
    assert _WORKER_NLP is not None, "worker pipeline not initialised"
    return parse_batch(_WORKER_NLP, batch)


class Extractor:
    """Turn raw documents into :class:`DocumentExtraction` records, streaming.

    Args:
        nlp: The pipeline; by default :func:`geokg.extract.pipeline.load_nlp` (loaded in
            each worker when ``workers > 1``; a given pipeline is pickled to the workers).
        chunk_chars: The longest chunk a document is cut into before parsing.
        batch_chars: Characters of chunk text parsed per ``nlp.pipe`` call.
        workers: Processes that parse batches; 1 parses in the calling process.

    Raises:
        ConfigError: A size or the number of workers is smaller than 1.

    Example:
        >>> from geokg.extract.io import iter_documents
        >>> extractor = Extractor(workers=2)  # doctest: +SKIP
        >>> for result in extractor.extract(iter_documents(["examples"])):  # doctest: +SKIP
        ...     print(result.document.name, len(result.relations))
    """

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        chunk_chars: int = DEFAULT_CHUNK_CHARS,
        batch_chars: int = DEFAULT_BATCH_CHARS,
        workers: int = 1,
    ) -> None:
        for option, value in (
            ("chunk_chars", chunk_chars),
            ("batch_chars", batch_chars),
            ("workers", workers),
        ):
            if value < 1:
                raise ConfigError(f"{option} must be at least 1, got {value}")
        self.chunk_chars = chunk_chars
        self.batch_chars = batch_chars
        self.workers = workers
        self._nlp = nlp
        self._pool: ProcessPoolExecutor | None = None

    @property
    def nlp(self) -> Language:
        """The pipeline used in this process (loaded on first use)."""
        if self._nlp is None:
            from geokg.extract.pipeline import load_nlp

            self._nlp = load_nlp()
        return self._nlp

    def extract_one(self, raw: TextDocument) -> DocumentExtraction:
        """Extract a single document (in this process).

        Raises:
            ExtractionError: The pipeline failed on this document.
        """
        workers, self.workers = self.workers, 1
        try:
            for result in self.extract([raw]):
                if isinstance(result, DocumentFailure):
                    raise ExtractionError(f"{result.name}: {result.reason}")
                return result
        finally:
            self.workers = workers
        raise ExtractionError(f"{raw.name}: no result")  # pragma: no cover

    def extract(
        self, docs: Iterable[TextDocument]
    ) -> Iterator[DocumentExtraction | DocumentFailure]:
        """Extract documents in input order; a failing document yields a :class:`DocumentFailure`.

        Documents are read from ``docs`` lazily, as batches need them.
        """
        if self.workers == 1:
            nlp = self.nlp
            yield from self._run(docs, lambda batch: _done(parse_batch(nlp, batch)))
            return
        if self._pool is not None:
            pool = self._pool
            yield from self._run(docs, lambda batch: pool.submit(_worker_parse, batch))
            return
        with self._new_pool() as pool:
            try:
                yield from self._run(docs, lambda batch: pool.submit(_worker_parse, batch))
            finally:  # a consumer that stops early does not wait for batches in flight
                pool.shutdown(wait=True, cancel_futures=True)

    def _new_pool(self) -> ProcessPoolExecutor:
        pickled = None if self._nlp is None else pickle.dumps(self._nlp)
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(pickled,),
        )

    def start(self) -> Extractor:
        """Start the worker processes now and wait until each has loaded its pipeline.

        Without it, workers start with the first batch of each :meth:`extract` call and stop
        at its end; once started they serve every call until :meth:`close`.

        Returns:
            The extractor itself.
        """
        if self.workers == 1:
            _ = self.nlp
            return self
        if self._pool is None:
            self._pool = self._new_pool()
        pids: set[int] = set()
        while len(pids) < self.workers:  # a worker runs tasks only once its pipeline is loaded
            futures = [self._pool.submit(_worker_pid) for _ in range(self.workers)]
            pids.update(f.result() for f in futures)
        return self

    def close(self) -> None:
        """Stop the worker processes started by :meth:`start` (if any)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _run(
        self,
        docs: Iterable[TextDocument],
        submit: Callable[[list[_Chunk]], Future[list[_ChunkResult]]],
    ) -> Iterator[DocumentExtraction | DocumentFailure]:
        pending: dict[int, _Pending] = {}
        in_flight: deque[Future[list[_ChunkResult]]] = deque()
        window = 2 * self.workers
        next_out = 0

        def drain() -> Iterator[DocumentExtraction | DocumentFailure]:
            nonlocal next_out
            while next_out in pending and pending[next_out].complete:
                yield _assemble(pending.pop(next_out))
                next_out += 1

        def collect(future: Future[list[_ChunkResult]]) -> None:
            try:
                results = future.result()
            except Exception as e:  # a worker died: its batch's documents fail
                raise ExtractionError(f"a worker failed: {_describe(e)}") from e
            for result in results:
                state = pending[result.seq]
                state.parts[result.index] = result
                state.done += 1
                if result.error is not None and state.failure is None:
                    state.failure = result.error

        try:
            for batch in self._batches(docs, pending):
                if batch:
                    in_flight.append(submit(batch))
                while in_flight and (len(in_flight) >= window or in_flight[0].done()):
                    collect(in_flight.popleft())
                yield from drain()
            while in_flight:
                collect(in_flight.popleft())
                yield from drain()
            yield from drain()
        finally:  # a consumer that stops early leaves no batch queued
            for future in in_flight:
                future.cancel()

    def _batches(
        self, docs: Iterable[TextDocument], pending: dict[int, _Pending]
    ) -> Iterator[list[_Chunk]]:
        """Batches of chunks of about ``batch_chars``; registers each document in ``pending``.

        Yields an empty batch after a document that needs no parsing (empty or failed), so
        that the caller can hand it out without waiting for the next batch.
        """
        batch: list[_Chunk] = []
        total = 0
        for seq, raw in enumerate(docs):
            try:
                clean = clean_text(raw.text)
                spans = split_paragraphs(clean, max_chars=self.chunk_chars)
                meta = getattr(raw, "meta", None)  # RawDocument has it; plain text may not
                document = make_document_record(
                    raw.name, clean, meta if isinstance(meta, DocumentMeta) else None
                )
            except Exception as e:  # one broken document never sinks a batch
                pending[seq] = _Pending(raw.name, None, [], failure=_describe(e))
                yield []
                continue
            pending[seq] = _Pending(raw.name, document, [None] * len(spans))
            if not spans:
                yield []
            for index, (start, end) in enumerate(spans):
                size = end - start
                if batch and total + size > self.batch_chars:
                    yield batch
                    batch, total = [], 0
                batch.append(_Chunk(seq, index, raw.name, clean, start, end))
                total += size
        if batch:
            yield batch


def _done(results: list[_ChunkResult]) -> Future[list[_ChunkResult]]:
    future: Future[list[_ChunkResult]] = Future()
    future.set_result(results)
    return future


def _assemble(state: _Pending) -> DocumentExtraction | DocumentFailure:
    if state.failure is not None or state.document is None:
        return DocumentFailure(name=state.name, reason=state.failure or "not extracted")
    try:
        ents: list[EntityMention] = []
        rels: list[RelationMention] = []
        sents: list[SentenceRecord] = []
        for part in state.parts:
            assert part is not None
            ents.extend(part.entities)
            rels.extend(part.relations)
            sents.extend(part.sentences)
        ents, rels = harmonize_document(ents, rels)
        ents, rels = date_records(ents, rels, state.document.date)
        return DocumentExtraction(
            document=state.document,
            entities=ents,
            relations=rels,
            sentences=link_sentences(sents, ents, rels),
        )
    except Exception as e:
        return DocumentFailure(name=state.name, reason=_describe(e))
