"""Stream documents through cleaning, the spaCy pipeline and record building."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geokg.errors import ExtractionError
from geokg.extract.clean import clean_text, split_paragraphs
from geokg.extract.coref import harmonize_document
from geokg.extract.io import RawDocument
from geokg.extract.records import (
    DocumentExtraction,
    chunk_records,
    link_sentences,
    make_document_record,
)

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["DocumentFailure", "Extractor"]


@dataclass(frozen=True, slots=True)
class DocumentFailure:
    """A document that could not be extracted; the batch goes on without it."""

    name: str
    reason: str


class Extractor:
    """Turn raw documents into :class:`DocumentExtraction` records, streaming.

    Documents are cleaned, split on paragraph boundaries into chunks of at most
    ``chunk_chars`` characters and parsed in batches, so memory follows the batch, not the
    corpus.

    Example:
        >>> from geokg.extract.io import iter_documents
        >>> extractor = Extractor()  # doctest: +SKIP
        >>> for result in extractor.extract(iter_documents(["examples"])):  # doctest: +SKIP
        ...     print(result.document.name, len(result.relations))
    """

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        chunk_chars: int = 50_000,
        batch_size: int = 16,
    ) -> None:
        if nlp is None:
            from geokg.extract.pipeline import load_nlp

            nlp = load_nlp()
        self.nlp = nlp
        self.chunk_chars = chunk_chars
        self.batch_size = batch_size

    def extract_one(self, raw: RawDocument) -> DocumentExtraction:
        """Extract a single document.

        Raises:
            ExtractionError: The pipeline failed on this document.
        """
        for result in self.extract([raw]):
            if isinstance(result, DocumentFailure):
                raise ExtractionError(f"{result.name}: {result.reason}")
            return result
        raise ExtractionError(f"{raw.name}: no result")  # pragma: no cover

    def extract(
        self, docs: Iterable[RawDocument]
    ) -> Iterator[DocumentExtraction | DocumentFailure]:
        """Extract documents in order; a failing document yields a :class:`DocumentFailure`."""
        for raw in docs:
            try:
                clean = clean_text(raw.text)
                chunks = split_paragraphs(clean, max_chars=self.chunk_chars)
                texts = [clean.text[a:b] for a, b in chunks]
                document = make_document_record(raw.name, clean)
                ents, rels, sents = [], [], []
                for (a, _b), doc in zip(
                    chunks, self.nlp.pipe(texts, batch_size=self.batch_size), strict=True
                ):
                    e, r, s = chunk_records(doc, name=raw.name, clean=clean, offset=a)
                    ents.extend(e)
                    rels.extend(r)
                    sents.extend(s)
                ents, rels = harmonize_document(ents, rels)
                yield DocumentExtraction(
                    document=document,
                    entities=ents,
                    relations=rels,
                    sentences=link_sentences(sents, ents, rels),
                )
            except Exception as e:  # one broken document never sinks a batch
                yield DocumentFailure(name=raw.name, reason=f"{type(e).__name__}: {e}")
