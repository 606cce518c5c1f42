"""``notebooks/explore.ipynb`` runs top to bottom, offline, and its key cells show results."""

from __future__ import annotations

import importlib
import os
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK = REPO / "notebooks" / "explore.ipynb"
# Modules the notebook and its runner need (dev dependencies).
NEEDS = ("nbformat", "nbclient", "ipykernel", "matplotlib", "neo4j_viz")
CHECK_TAGS = {"check-output", "check-image", "check-html", "check-rows"}


def _require(name: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI is set but {name} is not installed (a dev dependency)")
        pytest.skip(f"{name} is not installed (pip install -e '.[dev]')")


def _tags(cell: Any) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def _text(cell: Any) -> str:
    parts: list[str] = []
    for output in cell.get("outputs", []):
        parts.append(output.get("text", ""))
        data = output.get("data", {})
        parts.extend(str(data.get(k, "")) for k in ("text/plain", "text/html"))
    return "\n".join(parts)


def _mimes(cell: Any) -> set[str]:
    out: set[str] = set()
    for output in cell.get("outputs", []):
        if output["output_type"] == "stream" and output.get("text", "").strip():
            out.add("text/plain")
        elif output["output_type"] in ("display_data", "execute_result"):
            out.update(k for k, v in output.get("data", {}).items() if v)
    return out


def test_explore_notebook_is_committed_with_outputs() -> None:
    nbformat = _require("nbformat")
    from geokg.testing.notebook import empty_sections, machine_paths

    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    for cell in code:
        assert cell.outputs, f"no committed output: {cell.source[:80]!r}"
        assert cell.execution_count is not None, cell.source[:80]
        assert not [o for o in cell.outputs if o["output_type"] == "error"], cell.source[:80]
        assert "execution" not in cell.metadata  # no timing noise in diffs
    images = sum("image/png" in _mimes(c) for c in code)
    assert images >= 3, "the charts are committed as PNG images"
    assert empty_sections(nb) == []
    assert machine_paths(nb) == []


def test_explore_notebook_tags_its_key_cells() -> None:
    nbformat = _require("nbformat")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    tagged = [c for c in nb.cells if _tags(c) & CHECK_TAGS]
    assert len(tagged) >= 8
    assert sum("check-image" in _tags(c) for c in tagged) >= 2
    assert sum("check-html" in _tags(c) for c in tagged) >= 1
    assert sum("check-rows" in _tags(c) for c in tagged) >= 3


@pytest.mark.slow
def test_explore_notebook_runs_top_to_bottom() -> None:
    for name in NEEDS:
        _require(name)
    from geokg.testing.notebook import (
        empty_sections,
        execute_notebook,
        machine_paths,
        strip_machine_paths,
    )

    started = time.perf_counter()
    nb = execute_notebook(NOTEBOOK)  # a private database, stopped whatever happens
    elapsed = time.perf_counter() - started
    assert elapsed < 180, f"the notebook took {elapsed:.0f}s"

    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        errors = [o for o in cell.outputs if o["output_type"] == "error"]
        assert not errors, f"{cell.source[:80]!r}: {errors[0].get('ename')}"
        stderr = "".join(o.get("text", "") for o in cell.outputs if o.get("name") == "stderr")
        assert "Traceback" not in stderr, stderr[-2000:]
        tags = _tags(cell)
        mimes = _mimes(cell)
        if "check-output" in tags:
            assert mimes, f"no output from {cell.source[:80]!r}"
        if "check-image" in tags:
            assert "image/png" in mimes, f"no chart from {cell.source[:80]!r}"
        if "check-html" in tags:
            assert "text/html" in mimes, f"no HTML from {cell.source[:80]!r}"
        if "check-rows" in tags:
            assert "(no rows)" not in _text(cell), f"an empty table from {cell.source[:80]!r}"
    assert empty_sections(nb) == []
    strip_machine_paths(nb)
    assert machine_paths(nb) == []
