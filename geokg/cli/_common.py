"""Helpers shared by the CLI commands: console, options, error handling."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console

from geokg.errors import GeokgError

__all__ = ["DB_DIR_OPTION", "DEFAULT_DB_DIR", "console", "err_console", "fail_on_error"]

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

T = TypeVar("T")


@contextmanager
def fail_on_error() -> Iterator[None]:
    """Turn a :class:`GeokgError` into one red line on stderr and exit code 2."""
    try:
        yield
    except GeokgError as e:
        err_console.print(f"[bold red]error:[/] {e}", highlight=False, markup=True)
        raise typer.Exit(code=2) from None
    except KeyboardInterrupt:
        err_console.print("[bold red]interrupted[/]")
        raise typer.Exit(code=130) from None


def run_guarded(func: Callable[[], T]) -> T:
    """Call ``func`` under :func:`fail_on_error`."""
    with fail_on_error():
        return func()


def stdout_is_tty() -> bool:
    """Whether progress bars make sense."""
    return sys.stderr.isatty()
