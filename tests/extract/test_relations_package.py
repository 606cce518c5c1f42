"""The relation package's shape: one concern per module, one-way layering, no import cycles."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import geokg.extract.relations as relations

PKG = Path(relations.__file__).resolve().parent
PREFIX = "geokg.extract.relations"
MODULES = sorted(p for p in PKG.glob("*.py") if p.name != "__init__.py")
SIBLINGS = {p.stem for p in MODULES}
MAX_LINES = 450


def _is_type_checking(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and (
        (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING")
        or (isinstance(node.test, ast.Attribute) and node.test.attr == "TYPE_CHECKING")
    )


def _runtime_imports(source: str) -> set[str]:
    """Sibling modules a module imports at run time: at module level or inside a function
    (a lazy import still closes a circle), but not under ``if TYPE_CHECKING:``."""
    found: set[str] = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if _is_type_checking(node):
                continue
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module == PREFIX:
                    found.update(a.name for a in node.names if a.name in SIBLINGS)
                elif node.module.startswith(PREFIX + "."):
                    found.add(node.module.removeprefix(PREFIX + ".").split(".")[0])
            elif isinstance(node, ast.Import):
                for a in node.names:
                    if a.name.startswith(PREFIX + "."):
                        found.add(a.name.removeprefix(PREFIX + ".").split(".")[0])
            for field in ("body", "orelse", "finalbody", "handlers"):
                inner = getattr(node, field, None)
                if isinstance(inner, list):
                    visit([n for n in inner if isinstance(n, ast.stmt | ast.ExceptHandler)])

    visit(ast.parse(source).body)
    return found


def _cyclic(graph: dict[str, set[str]]) -> list[str]:
    """Modules that reach themselves through the import graph."""

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, set()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    return sorted(m for m in graph if reaches(m, m, {m}))


def _graph() -> dict[str, set[str]]:
    return {p.stem: _runtime_imports(p.read_text(encoding="utf-8")) for p in MODULES}


def test_import_scan_sees_lazy_and_package_imports_but_not_type_only_ones() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "from geokg.extract.relations import slots\n"
        "if TYPE_CHECKING:\n"
        "    from geokg.extract.relations.context import Discourse\n"
        "class A:\n"
        "    def f(self):\n"
        "        from geokg.extract.relations.syntax import SentenceContext\n"
        "        return SentenceContext\n"
    )
    assert _runtime_imports(source) == {"slots", "syntax"}


def test_cycle_finder_flags_a_circle() -> None:
    assert _cyclic({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c"]
    assert _cyclic({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_relations_package_has_no_import_cycle() -> None:
    assert _cyclic(_graph()) == []


def test_context_sits_above_syntax_and_the_walks_below_it() -> None:
    graph = _graph()
    assert "syntax" in graph["context"]
    assert "context" not in graph["syntax"]
    assert "pairs" in graph["arguments"]
    # the pair resolver and the syntax walks never reach back up to the discourse
    for low in (
        "pairs",
        "nominals",
        "arguments",
        "pronouns",
        "subjects",
        "fronted_clauses",
        "shared_subjects",
    ):
        assert graph[low] <= {
            "lexicon",
            "event_lexicon",
            "pairs",
            "nominals",
            "subjects",
            "arguments",
            "founded",
            "speakers",
            "attempts",
            "fronted_clauses",
            "shared_subjects",
            "demonyms",
            "spokespeople",
            "act_agents",
            "titled_owners",
            "warned_pronouns",
            "organs",
            "reciprocals",
            "co_agents",
        }, low
    # what a sentence founds ("the bloc" is not it) is read by the walks: it imports nothing
    assert graph["founded"] == set()
    # whose attempt a thwarting verb's object is ("blocked efforts to ...") likewise
    assert graph["attempts"] == set()
    # the states a noun's demonyms name ("its Syrian allies") likewise
    assert graph["demonyms"] == set()
    # who officials speak for ("Chilean officials") and who an attack's "by" names likewise
    assert graph["spokespeople"] == set()
    assert graph["act_agents"] == set()
    # the state of an unnamed titled subject ("Chile's president ... his forces") likewise
    assert graph["titled_owners"] == set()
    # whose "it" a warning's announced act is ("warned Peru that it would") likewise
    assert graph["warned_pronouns"] == set()
    # which state an organ acts for ("the Chilean government") likewise
    assert graph["organs"] == set()
    # the parties of "each other" / "the other" are the clause's subjects: only the subject walk
    assert graph["reciprocals"] <= {"subjects"}
    # subjects hung away from the subject slot ("A and B each ...") likewise import nothing
    assert graph["co_agents"] == set()
    # a quotation's speaker ("we" in quoted speech) is found from the quotation marks alone
    assert graph["speakers"] <= {"quotes"}
    assert graph["quotes"] == set()


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_relations_module_stays_small(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_sentence_context_binds_the_walks_of_the_modules_below() -> None:
    from geokg.extract.relations import arguments, pronouns, subjects, syntax

    ctx_cls = syntax.SentenceContext
    assert ctx_cls.args is arguments.args
    assert ctx_cls.pronoun is pronouns.pronoun
    assert ctx_cls.referring_object is pronouns.referring_object
    assert ctx_cls.subjects is subjects.subjects
    assert ctx_cls.is_passive is subjects.is_passive
    assert syntax.is_purpose_clause is subjects.is_purpose_clause
