"""The ``geokg`` command line: extract, build, query, show, export, evaluate, rules, db.

Each sub-command lives in its own module with a ``register(app)`` function.
"""

from __future__ import annotations

import typer

__all__ = ["app", "main"]

app = typer.Typer(
    name="geokg",
    help="Turn articles about international politics into a typed, auditable knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register_all() -> None:
    from geokg.cli import (
        build,
        db,
        distributed,
        evaluate,
        export,
        extract,
        query,
        rules,
        show,
    )

    for module in (extract, build, query, show, export, evaluate, rules, db, distributed):
        module.register(app)


_register_all()


def main() -> None:
    """Entry point of the ``geokg`` script."""
    app()
