"""No import circle inside khsmodel or khsmodel_exporters (issue 16).

Every module of ``src/khsmodel`` and ``src/khsmodel_exporters`` is parsed with
:mod:`ast` (never imported) and every ``import`` / ``from … import`` in it is
an edge, wherever it stands: at module level, inside a function (a lazy
import is still a dependency, and a circle through it is only postponed),
inside ``try`` blocks. Relative imports are resolved against the module's
package. What counts:

- ``from .a import b`` is an edge to ``pkg.a.b`` when that is a module, else
  to ``pkg.a``; ``import pkg.a.b`` is an edge to ``pkg.a.b``.
- Importing a submodule runs its package's ``__init__`` first, but that is
  Python's import order, not a dependency the code chose: no edge is added
  from a module to its enclosing packages.
- A package ``__init__`` that re-exports from its submodules
  (``from .engine import validate``) is an ordinary edge ``pkg → pkg.engine``;
  so a submodule importing its own package's ``__init__`` (``from . import x``
  where ``x`` is a name of ``__init__``, not a module) closes a circle and is
  reported. ``khsmodel/__init__.py`` loads its names lazily through a table of
  strings (PEP 562), which are not imports and make no edge.
- Imports under ``if TYPE_CHECKING:`` are left out: they never run, and
  annotations are strings (``from __future__ import annotations``), so a
  circle through them cannot happen at run time. Type checkers handle them.

The test fails listing the circles (for each module on one, the shortest
circle through it, as a path ``a → b → … → a``). A circle that must stay for a
while is allowed by the import that closes it (:data:`ALLOWED`, with its
reason); any other circle fails.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGES = ("khsmodel", "khsmodel_exporters")

#: Imports that close a circle known today, each with the reason it is allowed for now
#: (importer, imported). The graph is checked without them: any other circle fails the
#: test, and so does an entry that no longer closes a circle (remove it then).
ALLOWED: dict[tuple[str, str], str] = {
    # None today. (Until the content package of issue 16, the content builder's dispatch
    # to the status report and meeting plan builders, which imported it back, stood here:
    # ("khsmodel_exporters._content", "khsmodel_exporters._content_report"): "…".)
}


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((SRC / package).rglob("*.py")):
            parts = list(path.relative_to(SRC).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement, at any depth, except those under ``if TYPE_CHECKING:``."""
    todo: list[ast.AST] = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            todo.extend(node.orelse)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        todo.extend(ast.iter_child_nodes(node))


def _edges(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    out: set[str] = set()
    for node in _imports(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            if node.level:
                base = package.split(".")
                if node.level > 1:
                    base = base[: -(node.level - 1)]
                prefix = ".".join(base)
                base_name = f"{prefix}.{node.module}" if node.module else prefix
            else:
                base_name = node.module or ""
            targets = []
            for alias in node.names:
                sub = f"{base_name}.{alias.name}"
                targets.append(sub if sub in modules else base_name)
        for target in targets:
            # the deepest known module the target names (``import a.b.c`` of a function c)
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _edges(name, path, modules) for name, path in modules.items()}


def _components(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, list[str]]] = [(root, sorted(graph[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            v, todo = work[-1]
            if todo:
                w = todo.pop()
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, sorted(graph.get(w, ()))))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = set()
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.add(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    components.append(comp)
    return components


def _shortest_cycle(graph: dict[str, set[str]], start: str, comp: set[str]) -> tuple[str, ...]:
    """The shortest circle from ``start`` back to it inside ``comp`` (breadth first)."""
    came: dict[str, str] = {}
    frontier = [start]
    while frontier:
        nxt = []
        for v in frontier:
            for w in sorted(graph[v] & comp):
                if w == start:
                    path = [v]
                    while path[-1] != start:
                        path.append(came[path[-1]])
                    return tuple(reversed(path))
                if w not in came:
                    came[w] = v
                    nxt.append(w)
        frontier = nxt
    raise AssertionError(f"{start} is in a component but on no circle")  # pragma: no cover


def cycles(graph: dict[str, set[str]]) -> list[tuple[str, ...]]:
    """The circles of the graph: for each module on one, the shortest circle through it.

    Listing every elementary circle would run into thousands for one tangle of model
    modules; the shortest circle through each module names every import to undo.
    Each circle starts at its smallest module name and is listed once.
    """
    found: set[tuple[str, ...]] = set()
    for comp in _components(graph):
        for v in sorted(comp):
            c = _shortest_cycle(graph, v, comp)
            i = c.index(min(c))
            found.add(c[i:] + c[:i])
    return sorted(found)


def _show(cycle: tuple[str, ...]) -> str:
    return " → ".join((*cycle, cycle[0]))


def problems(
    graph: dict[str, set[str]], allowed: dict[tuple[str, str], str]
) -> tuple[list[tuple[str, ...]], list[tuple[str, str]]]:
    """The circles left once the ``allowed`` imports are taken out, and the allowed
    imports that close no circle any more (stale entries)."""
    without = {v: ws - {w for (u, w) in allowed if u == v} for v, ws in graph.items()}
    in_components = {(v, w) for comp in _components(graph) for v in comp for w in graph[v] & comp}
    return cycles(without), [edge for edge in allowed if edge not in in_components]


def test_no_import_cycles() -> None:
    found, stale = problems(import_graph(), ALLOWED)
    assert not found, "import circles:\n" + "\n".join(_show(c) for c in found)
    assert not stale, "allowed imports that close no circle any more (remove them):\n" + (
        "\n".join(f"{v} → {w}" for v, w in stale)
    )


def test_an_allowed_import_lets_its_circle_through_and_no_other() -> None:
    graph = {"p.a": {"p.b"}, "p.b": {"p.a", "p.c"}, "p.c": {"p.b"}, "p.d": {"p.a"}}
    assert problems(graph, {("p.b", "p.a"): "why"}) == ([("p.b", "p.c")], [])
    assert problems(graph, {("p.b", "p.a"): "", ("p.b", "p.c"): ""}) == ([], [])
    assert problems(graph, {("p.d", "p.a"): "not on a circle"}) == (
        [("p.a", "p.b"), ("p.b", "p.c")],
        [("p.d", "p.a")],
    )


def test_the_graph_sees_function_level_and_relative_imports(tmp_path: Path) -> None:
    """The finder itself: a circle through a function-level relative import is reported."""
    graph = {"p": set(), "p.a": {"p.b"}, "p.b": {"p.a"}, "p.c": {"p.a"}}
    assert cycles(graph) == [("p.a", "p.b")]
    pkg = tmp_path / "p"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .b import f\n")
    (pkg / "b.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from . import c\n"
        "def f():\n    from .a import g\n    from . import c\n"
    )
    (pkg / "c.py").write_text("")
    modules = {"p": pkg / "__init__.py", **{f"p.{n}": pkg / f"{n}.py" for n in "abc"}}
    graph = {name: _edges(name, path, modules) for name, path in modules.items()}
    assert graph["p.a"] == {"p.b"}
    assert graph["p.b"] == {"p.a", "p.c"}
    assert cycles(graph) == [("p.a", "p.b")]


def test_the_graph_covers_every_module() -> None:
    graph = import_graph()
    assert "khsmodel.serialization" in graph
    assert "khsmodel.validation.plans" in graph
    assert "khsmodel_exporters" in graph
    # the registry imports the file writer; the validation package re-exports its engine
    assert any(t.startswith("khsmodel.") for t in graph["khsmodel.exporters"])
