"""Orchestration shared by ``extract`` and ``build``: inputs -> extractions, with a tally.

One bad file costs only itself: input problems and extraction failures are reported and
counted, and the run goes on (unless ``strict``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from geokg.errors import ExtractionError, InputError
from geokg.extract.extractor import DocumentFailure, Extractor
from geokg.extract.io import InputProblem, RawDocument, iter_documents
from geokg.extract.meta import Sidecar
from geokg.extract.records import DocumentExtraction

__all__ = ["RunSummary", "iter_extractions"]


@dataclass(slots=True)
class RunSummary:
    """What happened to every input: processed, skipped (bad input) or failed (pipeline)."""

    processed: int = 0
    skipped: int = 0
    failed: int = 0
    dated: int = 0
    words: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no input was skipped or failed."""
        return not (self.skipped or self.failed)

    @property
    def exit_code(self) -> int:
        """0 all processed; 1 some inputs were skipped or failed (the rest was processed)."""
        return 0 if self.ok else 1


def iter_extractions(
    paths: Sequence[str | Path],
    *,
    extractor: Extractor,
    summary: RunSummary,
    strict: bool = False,
    on_problem: Callable[[str], None] | None = None,
    meta: Sidecar | None = None,
) -> Iterator[DocumentExtraction]:
    """Yield the extraction of every good input document, tallying the bad ones.

    Args:
        paths: Files or folders.
        extractor: The extractor to use.
        summary: Updated in place (``dated`` counts the documents with a date).
        strict: Raise at the first bad input or failed document.
        on_problem: Called with one message per bad input or failure.
        meta: A ``--meta`` sidecar: its values override what a file declares, field by field.

    Raises:
        InputError: With ``strict``, at the first bad input.
        ExtractionError: With ``strict``, at the first failed document.
    """

    def report(message: str) -> None:
        summary.problems.append(message)
        if on_problem is not None:
            on_problem(message)

    def good_documents() -> Iterable[RawDocument]:
        for item in iter_documents(paths, strict=strict):
            if isinstance(item, InputProblem):
                summary.skipped += 1
                message = f"{item.name}: {item.reason}"
                if strict:
                    raise InputError(message)
                report(f"skipped {message}")
                continue
            if meta is not None:
                item = replace(item, meta=item.meta.merged(meta.lookup(item.name)))
            yield item

    for result in extractor.extract(good_documents()):
        if isinstance(result, DocumentFailure):
            summary.failed += 1
            message = f"{result.name}: {result.reason}"
            if strict:
                raise ExtractionError(message)
            report(f"failed {message}")
            continue
        summary.processed += 1
        if result.document.date is not None:
            summary.dated += 1
        yield result
