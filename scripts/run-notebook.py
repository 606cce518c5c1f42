#!/usr/bin/env python3
"""Re-execute notebooks/explore.ipynb and write it back with its outputs, machine paths removed.

Usage (from the repository root, with the development dependencies installed)::

    .venv/bin/python scripts/run-notebook.py                 # examples/, then write back
    .venv/bin/python scripts/run-notebook.py --corpus ../shared/voa/docs \
        --meta ../shared/voa/SOURCES.tsv                     # another (dated) corpus
    .venv/bin/python scripts/run-notebook.py --check         # committed outputs are clean?

Rich outputs over 500 kB (the interactive neo4j-viz graph bundles its JavaScript) are replaced
by a note in the written file. Exit code 0 on success; 1 when a cell fails (nothing is
written), a numbered section has no output, or (with --check) the committed notebook holds
machine paths or a section without output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from geokg.testing.notebook import (  # noqa: E402
    NOTEBOOK,
    drop_large_outputs,
    empty_sections,
    execute_notebook,
    machine_paths,
    strip_machine_paths,
)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebook", nargs="?", type=Path, default=NOTEBOOK)
    parser.add_argument("--corpus", type=Path, help="folder of articles (default examples/)")
    parser.add_argument("--meta", type=Path, help="--meta sidecar for the corpus")
    parser.add_argument("--check", action="store_true", help="only check the committed file")
    args = parser.parse_args(argv)

    import nbformat

    if args.check:
        nb = nbformat.read(args.notebook, as_version=4)
        problems = [f"machine path in outputs: {p}" for p in machine_paths(nb)]
        problems += [f"section without output: {s}" for s in empty_sections(nb)]
        for problem in problems:
            print(f"{args.notebook}: {problem}", file=sys.stderr)
        return 1 if problems else 0

    nb = execute_notebook(args.notebook, corpus=args.corpus, meta=args.meta)
    strip_machine_paths(nb)
    dropped = drop_large_outputs(nb)
    left = machine_paths(nb)
    empty = empty_sections(nb)
    for path in left:
        print(f"{args.notebook}: machine path left in outputs: {path}", file=sys.stderr)
    for section in empty:
        print(f"{args.notebook}: section without output: {section}", file=sys.stderr)
    if left or empty:
        return 1
    nbformat.write(nb, args.notebook)
    note = f" ({dropped} interactive output(s) too large to commit left out)" if dropped else ""
    print(f"wrote {args.notebook.resolve().relative_to(REPO)} with its outputs{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
