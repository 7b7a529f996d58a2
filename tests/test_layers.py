"""The house rules of ``src/``: no import circles, every module imports only from its own layer
or below, and no source file over 600 lines (docs/architecture.md explains the layers).

The import graph is read from the code, not run: every ``import`` and ``from ... import`` in
every module under ``src/sitrep`` counts, at module level or inside a function or an
``if TYPE_CHECKING:`` block alike. ``from a.b import c`` is an edge to the module ``a.b.c``
when there is one, else to ``a.b``. A package's ``__init__`` importing its own submodules (to
name its public functions) is not a circle.
"""

from __future__ import annotations

import ast
import fnmatch
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
ROOT = "sitrep"

# The layer contract, lowest first. A module may import from its own layer or below, never
# from above. A pattern is a module name (that module only) or ``package.*`` (every module
# inside the package, not its ``__init__``); a module named outright is in that layer, any
# other in the one layer whose ``package.*`` holds it.
# fmt: off
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("model/errors", ("sitrep.model", "sitrep.errors")),
    # clean.py: residue removal for scraped text; imports only model
    ("nlp/store", ("sitrep.nlp", "sitrep.store", "sitrep.store.*", "sitrep.clean")),
    # Reading one document into an Article (ingest.document, ingest.html) stands beside the
    # extractors: it reads datelines with extract.times, and pipeline.extract(text) uses it.
    ("extract", ("sitrep.extract.*", "sitrep.ingest.document", "sitrep.ingest.html")),
    # ``sitrep.extract`` itself is the public API, the package made callable: it calls
    # pipeline.extract. The root package re-exports it.
    ("pipeline", ("sitrep.pipeline", "sitrep.extract", "sitrep")),
    # timing.py: the bench corpus loader and timed fresh-process runs, below both benches
    ("ingest/scale", ("sitrep.ingest", "sitrep.ingest.*", "sitrep.scale", "sitrep.scale.*",
                      "sitrep.timing")),
    ("reconcile", ("sitrep.reconcile", "sitrep.reconcile.*")),
    # web/: the dashboard's static files, served by the API
    ("api/report/export", ("sitrep.api", "sitrep.api.*", "sitrep.report", "sitrep.export",
                           "sitrep.web", "sitrep.web.*")),
    # render.py draws eval reports as well as records (it imports eval.base), for the cli
    # train/: recipes that fit sitrep's learned components on gold data read by eval's readers
    ("eval/bench", ("sitrep.eval", "sitrep.eval.*", "sitrep.bench", "sitrep.render",
                    "sitrep.train", "sitrep.train.*")),
    ("cli", ("sitrep.cli", "sitrep.cli.*")),
)
# fmt: on

# Known edges that break the rules above, each with the change that removes it. The test
# fails when an entry is no longer needed, so that it is deleted with the edge.
ALLOWED_EDGES: dict[tuple[str, str], str] = {}

MAX_LINES = 600
# Files over MAX_LINES, each with the change that splits it. Only files under
# src/sitrep/extract/ may be listed.
ALLOWED_LONG_FILES: dict[str, str] = {}
# Source that is ours (third-party copies under web/static/vendor/ are not).
SOURCE_SUFFIXES = (".py", ".js", ".css", ".html")


def _modules() -> dict[str, tuple[Path, bool]]:
    """Every module under src/sitrep: its dotted name -> (path, is a package's __init__)."""
    mods: dict[str, tuple[Path, bool]] = {}
    for path in sorted((SRC / ROOT).rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        is_pkg = parts[-1] == "__init__"
        if is_pkg:
            parts.pop()
        mods[".".join(parts)] = (path, is_pkg)
    return mods


def _imported(tree: ast.AST, package: str) -> Iterator[tuple[str, str | None]]:
    """(module, name or None) for every import in the tree, relative ones made absolute."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            for alias in node.names:
                yield module, alias.name


def import_graph() -> dict[str, set[str]]:
    """Module -> the sitrep modules it imports."""
    mods = _modules()

    def known(name: str) -> str | None:
        while name and name not in mods:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, (path, is_pkg) in mods.items():
        package = name if is_pkg else name.rpartition(".")[0]
        edges: set[str] = set()
        for module, attr in _imported(ast.parse(path.read_text(encoding="utf-8")), package):
            if module != ROOT and not module.startswith(ROOT + "."):
                continue
            full = f"{module}.{attr}" if attr else module
            target = full if full in mods else known(module)
            if target and target != name:
                edges.add(target)
        graph[name] = edges
    return graph


def _cycle_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The graph without a package's imports of its own submodules and without allowed edges."""
    return {
        m: {t for t in ts if not t.startswith(m + ".") and (m, t) not in ALLOWED_EDGES}
        for m, ts in graph.items()
    }


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components of more than one module (the import circles)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _describe(component: list[str], graph: dict[str, set[str]]) -> str:
    inside = set(component)
    edges = sorted(f"{a} -> {b}" for a in component for b in graph[a] if b in inside)
    return f"circle among {', '.join(component)}:\n    " + "\n    ".join(edges)


def layer_of(module: str) -> int:
    """The layer of a module: the one that names it, else the one whose ``package.*`` holds it."""
    exact = [i for i, (_, patterns) in enumerate(LAYERS) if module in patterns]
    inside = [
        i
        for i, (_, patterns) in enumerate(LAYERS)
        for p in patterns
        if p.endswith(".*") and fnmatch.fnmatchcase(module, p)
    ]
    hits = exact or inside
    assert len(hits) == 1, f"{module} matches {len(hits)} layer patterns; give it exactly one"
    return hits[0]


def test_the_graph_is_read() -> None:
    graph = import_graph()
    assert "sitrep.ingest.single" in graph["sitrep.cli.documents"]
    assert "sitrep.model" in graph["sitrep.pipeline"]
    assert "sitrep.errors" in graph["sitrep.scale.cluster"]


def test_no_import_circles() -> None:
    graph = _cycle_graph(import_graph())
    circles = [_describe(c, graph) for c in strongly_connected(graph)]
    assert not circles, "import circles in src/:\n  " + "\n  ".join(circles)


def test_a_circle_is_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert strongly_connected(graph) == [["a", "b", "c"]]


def test_every_module_has_one_layer() -> None:
    for module in import_graph():
        layer_of(module)


def test_modules_import_only_their_layer_or_below() -> None:
    graph = import_graph()
    wrong = [
        f"{m} ({LAYERS[layer_of(m)][0]}) imports {t} ({LAYERS[layer_of(t)][0]})"
        for m, targets in sorted(graph.items())
        for t in sorted(targets)
        if layer_of(t) > layer_of(m) and (m, t) not in ALLOWED_EDGES
    ]
    assert not wrong, "imports from a higher layer:\n  " + "\n  ".join(wrong)


def test_allowed_edges_are_still_needed() -> None:
    graph = import_graph()
    stale = [f"{a} -> {b}" for a, b in ALLOWED_EDGES if b not in graph.get(a, set())]
    assert not stale, f"no longer imported; delete from ALLOWED_EDGES: {stale}"


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_source_file_over_600_lines() -> None:
    too_long = [
        f"{rel} ({n} lines)"
        for path in sorted((SRC / ROOT).rglob("*"))
        if path.suffix in SOURCE_SUFFIXES and "vendor" not in path.parts
        if (n := _lines(path)) > MAX_LINES
        if (rel := path.relative_to(SRC).as_posix()) not in ALLOWED_LONG_FILES
    ]
    assert not too_long, f"over {MAX_LINES} lines; split them: {too_long}"


def test_long_file_allowances_are_for_extract_and_still_needed() -> None:
    for rel in ALLOWED_LONG_FILES:
        assert rel.startswith("sitrep/extract/"), f"{rel}: only extract/ files may be listed"
        path = SRC / rel
        assert path.is_file() and _lines(path) > MAX_LINES, (
            f"{rel} is gone or within {MAX_LINES} lines; delete it from ALLOWED_LONG_FILES"
        )
