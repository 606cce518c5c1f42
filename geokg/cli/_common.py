"""Helpers shared by the CLI commands: console, options, error handling."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from geokg.errors import GeokgError

__all__ = [
    "DB_DIR_OPTION",
    "DEFAULT_DB_DIR",
    "META_OPTION",
    "console",
    "err_console",
    "error_line",
    "fail_on_error",
    "warn",
]

console = Console()
err_console = Console(stderr=True)

DEFAULT_DB_DIR = Path(".geokg")
DB_DIR_OPTION = Annotated[
    Path,
    typer.Option(
        "--db-dir",
        help="Data directory of the embedded database.",
        envvar="GEOKG_DB_DIR",
    ),
]

META_OPTION = Annotated[
    Path | None,
    typer.Option(
        "--meta",
        help="Sidecar (CSV, TSV or JSON Lines): file name -> date, title, source, url.",
        dir_okay=False,
    ),
]


def _line(prefix: str, style: str, message: str, out: Console) -> None:
    # Messages carry file names and driver text: never read them as markup or emoji codes
    # ("[/b].txt", ":abc:"), and never wrap them, so that each stays one greppable line.
    text = Text(prefix, style=style) if prefix else Text()
    text.append(" ".join(message.splitlines()), style=None if prefix else style)
    out.print(text, soft_wrap=True, highlight=False)


def warn(message: str, *, out: Console | None = None) -> None:
    """One yellow line on stderr (a skipped or failed input), printed verbatim."""
    _line("", "yellow", message, out or err_console)


def error_line(message: str) -> None:
    """One ``error: ...`` line on stderr, printed verbatim."""
    _line("error: ", "bold red", message, err_console)


@contextmanager
def fail_on_error() -> Iterator[None]:
    """Turn an error into one red line on stderr and exit code 2 (the documented fatal code).

    A :class:`GeokgError` prints its coded message. Any other exception is a bug: it prints
    its type and message on one line too, unless ``GEOKG_DEBUG`` is set, which re-raises it
    for the traceback. typer/click exits and usage errors pass through unchanged.
    """
    try:
        yield
    except GeokgError as e:
        error_line(str(e))
        raise typer.Exit(code=2) from None
    except KeyboardInterrupt:
        err_console.print("[bold red]interrupted[/]")
        raise typer.Exit(code=130) from None
    except (typer.Exit, typer.Abort, typer.TyperException):
        raise
    except Exception as e:
        if os.environ.get("GEOKG_DEBUG"):
            raise
        error_line(
            f"unexpected {type(e).__name__}: {e} (a bug; set GEOKG_DEBUG=1 for the traceback)"
        )
        raise typer.Exit(code=2) from None
