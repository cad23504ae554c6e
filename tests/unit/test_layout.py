"""The layout stays one room per capability (issue 19): short modules, no import circles.

import-linter (tests/cli/test_import_hygiene.py) keeps the arrows pointing down between layers
and between the services' capabilities; this keeps what it cannot see: two modules that import
each other (even lazily, inside a function), a module grown past the 400-line budget, and a
loose module dropped into `services/` beside the capability packages.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "caseterm"
LINE_BUDGET = 400
GENERATED = PACKAGE / "store" / "migrations" / "versions"


def _modules() -> list[Path]:
    paths = [*PACKAGE.rglob("*.py"), *(ROOT / "scripts").rglob("*.py")]
    return sorted(p for p in paths if GENERATED not in p.parents)


def test_no_module_is_over_the_line_budget() -> None:
    sizes = {p: len(p.read_text(encoding="utf-8").splitlines()) for p in _modules()}
    assert len(sizes) > 100, "the walk found too few modules to mean anything"
    over = {str(p.relative_to(ROOT)): n for p, n in sizes.items() if n > LINE_BUDGET}
    assert over == {}


def _circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            step = next(successors, None)
            if step is not None:
                if step not in index:
                    index[step] = low[step] = len(index)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(sorted(edges[step]))))
                elif step in on_stack:
                    low[node] = min(low[node], index[step])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    circles.append(sorted(group))
    return circles


def test_the_circle_finder_finds_a_circle() -> None:
    """The control: a circle of three and one of two are found, a chain is not."""
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"e"}, "e": {"d"}, "f": {"a"}}
    assert _circles(edges) == [["a", "b", "c"], ["d", "e"]]


def test_no_two_modules_import_each_other() -> None:
    graph = grimp.build_graph("caseterm")
    modules = set(graph.modules)
    edges = {m: set(graph.find_modules_directly_imported_by(m)) & modules for m in modules}
    assert sum(len(e) for e in edges.values()) > 500, "the import graph looks empty"
    assert _circles(edges) == []


def test_services_holds_only_capability_packages_each_saying_what_it_offers() -> None:
    services = PACKAGE / "services"
    loose = sorted(p.name for p in services.glob("*.py") if p.name != "__init__.py")
    assert loose == []
    packages = sorted(p for p in services.iterdir() if (p / "__init__.py").exists())
    assert len(packages) >= 8
    for package in packages:
        doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8")))
        assert doc and "may use" in doc, f"{package.name}/__init__.py must say what it may use"
