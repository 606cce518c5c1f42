"""Registers the graph sub-commands (db, query, export) that live in their own modules."""

from __future__ import annotations

import importlib

import typer

__all__ = ["register"]

_MODULES = ("geokg.cli.db", "geokg.cli.query", "geokg.cli.export")


def register(app: typer.Typer) -> None:
    """Register every graph sub-command module that exists."""
    for name in _MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name == name:
                continue
            raise
        module.register(app)
