"""``geokg extract``: files or folders -> JSON Lines of entity and relation mentions."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer

from geokg.cli._common import META_OPTION, err_console, fail_on_error, warn

__all__ = ["register"]


def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (recursive).")],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write JSON Lines here (default stdout, also '-')."),
    ] = None,
    workers: Annotated[
        int,
        typer.Option("--workers", min=1, help="Processes that parse in parallel (same output)."),
    ] = 1,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first bad input.")] = False,
    meta: META_OPTION = None,
) -> None:
    """Extract entity and relation mentions (SCHEMA.md "The extractor's output").

    Exit code 0 when every input was processed, 1 when some were skipped or failed (the rest
    is written), 2 on a fatal error, 141 when the reader of stdout closed it (``| head``).
    """
    from geokg.extract.extractor import Extractor
    from geokg.extract.meta import load_sidecar
    from geokg.runner import RunSummary, iter_extractions

    summary = RunSummary()
    with fail_on_error():
        sidecar = load_sidecar(meta) if meta is not None else None
        extractor = Extractor(workers=workers)
        out: TextIO = sys.stdout  # also for "-o -"
        if output is not None and str(output) != "-":
            out = output.open("w", encoding="utf-8")
        try:
            for result in iter_extractions(
                paths,
                extractor=extractor,
                summary=summary,
                strict=strict,
                on_problem=warn,
                meta=sidecar,
            ):
                for record in result.records():
                    out.write(record.model_dump_json(exclude_none=False) + "\n")
        except BrokenPipeError:
            # The reader went away (``geokg extract ... | head``): stop quietly, as Unix tools
            # do, with the shell's code for SIGPIPE; silence the flush at interpreter exit.
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(code=141) from None
        finally:
            if out is not sys.stdout:
                out.close()
    err_console.print(
        f"processed {summary.processed}, skipped {summary.skipped}, failed {summary.failed}"
    )
    raise typer.Exit(code=summary.exit_code)


def register(app: typer.Typer) -> None:
    """Add the ``extract`` command to ``app``."""
    app.command("extract")(extract)
