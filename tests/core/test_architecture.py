"""The shape of the code: no import cycles, no grab-bag modules (ARCHITECTURE.md, STYLE.md).

The layers themselves are checked by import-linter (``lint-imports``, contracts in
pyproject.toml); these tests add what import-linter does not: cycles between any two modules
of ``fieldapp`` and ``ui`` (function-level and TYPE_CHECKING imports included: a cycle there
is still two modules that each need the other), and a size limit per module.

Each known exception must still be true: once it is fixed, the test says so, and the entry
is removed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[2]
MAX_MODULE_LINES = 450

# (modules of the cycle) -> why it is still there. Keep this empty; add only with an issue.
KNOWN_CYCLES: dict[frozenset[str], str] = {
    frozenset({"fieldapp.planning.instance", "fieldapp.planning.instance_json"}): (
        "planner contract in progress: instance_from_json() lazily imports its parser"
    ),
}
# path -> why it is still too long. Keep this empty; add only with an issue.
KNOWN_LARGE: dict[str, str] = {}


def strongly_connected(graph: Mapping[str, Iterable[str]]) -> list[frozenset[str]]:
    """Tarjan's algorithm, iterative (the graph has hundreds of modules): every group of two
    or more modules that reach each other, plus modules that import themselves."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[frozenset[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, list[str]]] = [(root, sorted(graph[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, todo = work[-1]
            if todo:
                nxt = todo.pop()
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, sorted(graph.get(nxt, ()))))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group: set[str] = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1 or node in graph.get(node, ()):
                    found.append(frozenset(group))
    return found


def test_strongly_connected_finds_cycles_and_ignores_chains() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}, "f": set()}
    assert sorted(map(sorted, strongly_connected(graph))) == [["a", "b", "c"], ["e"]]


@pytest.fixture(scope="module")
def import_graph() -> dict[str, set[str]]:
    graph = grimp.build_graph("fieldapp", "ui", include_external_packages=False, cache_dir=None)
    return {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}


def test_no_import_cycles_in_fieldapp_and_ui(import_graph: dict[str, set[str]]) -> None:
    cycles = strongly_connected(import_graph)
    new = [sorted(c) for c in cycles if c not in KNOWN_CYCLES]
    assert new == [], f"import cycles (break them: move the shared name down a layer): {new}"
    fixed = [sorted(c) for c in KNOWN_CYCLES if c not in cycles]
    assert fixed == [], f"fixed, remove from KNOWN_CYCLES: {fixed}"


def _module_lines() -> dict[str, int]:
    sizes: dict[str, int] = {}
    for package in ("fieldapp", "ui"):
        for path in (ROOT / package).rglob("*.py"):
            rel = path.relative_to(ROOT).as_posix()
            if "/migrations/" in rel:
                continue
            with path.open(encoding="utf-8") as handle:
                sizes[rel] = sum(1 for _ in handle)
    return sizes


def test_no_module_over_450_lines_outside_migrations_and_tests() -> None:
    sizes = _module_lines()
    assert len(sizes) > 100  # the walk found the tree
    too_long = {p: n for p, n in sorted(sizes.items()) if n > MAX_MODULE_LINES}
    new = {p: n for p, n in too_long.items() if p not in KNOWN_LARGE}
    assert new == {}, f"modules over {MAX_MODULE_LINES} lines (split them by topic): {new}"
    fixed = [p for p in KNOWN_LARGE if p not in too_long]
    assert fixed == [], f"now short enough, remove from KNOWN_LARGE: {fixed}"
