"""The entity package's shape: one concern per module, no import cycles, spaCy-free lower floors."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import geokg.extract.entities as entities

PKG = Path(entities.__file__).resolve().parent
MODULES = sorted(p for p in PKG.glob("*.py") if p.name != "__init__.py")


def _imports(path: Path) -> set[str]:
    """Sibling modules imported at module level (not under ``TYPE_CHECKING``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    prefix = "geokg.extract.entities."
    return {
        node.module.removeprefix(prefix)
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(prefix)
    }


def test_entities_package_has_no_import_cycle() -> None:
    graph = {p.stem: _imports(p) for p in MODULES}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, set()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    cyclic = [m for m in graph if reaches(m, m, {m})]
    assert cyclic == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_entities_module_stays_small(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400


def test_entities_lexicon_and_names_import_without_spacy() -> None:
    code = (
        "import sys, geokg.extract.entities.lexicon, geokg.extract.entities.names, "
        "geokg.extract.coref; print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_entities_package_exports_the_factory() -> None:
    from geokg.extract.entities.component import make_entity_component

    assert entities.make_entity_component is make_entity_component
    with pytest.raises(AttributeError):
        _ = entities.no_such_name
