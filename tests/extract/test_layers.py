"""The extractors stand one layer above nlp/model and below the pipeline, without import circles.

Read from the source with ``ast`` (imports inside functions count; ``if TYPE_CHECKING:`` blocks
do not), so a lazy import cannot hide a circle: issue 20 found ``nlp.py`` and
``extract/places.py`` importing each other that way.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"

# Layers from the bottom; a module may import only from its own layer and those below it.
LAYERS: list[tuple[str, ...]] = [
    ("sitrep.errors", "sitrep.model"),
    ("sitrep.nlp", "sitrep.store"),
    ("sitrep.extract",),
    ("sitrep.pipeline",),
]
# sitrep.extract is also the API function sitrep.extract(...): calling it runs the pipeline.
# pipeline.extract(text_or_html) reads its input through ingest.document, a layer above: known,
# left for the layer work (the function belongs above ingest, with its callers in api/).
ALLOWED_UP = {("sitrep.extract", "sitrep.pipeline"), ("sitrep.pipeline", "sitrep.ingest.document")}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, modules: set[str]) -> set[str]:
    out: set[str] = set()
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _type_checking(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name in modules)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                if sub in modules:
                    out.add(sub)
                elif node.module in modules:
                    out.add(node.module)
        stack.extend(ast.iter_child_nodes(node))
    return out


def _graph() -> dict[str, set[str]]:
    paths = {_module_name(p): p for p in (SRC / "sitrep").rglob("*.py")}
    modules = set(paths)
    return {
        name: _imports(ast.parse(path.read_text(encoding="utf-8")), modules) - {name}
        for name, path in paths.items()
    }


def _layer(module: str) -> int | None:
    for rank, prefixes in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return rank
    return None


def _room(module: str) -> str:
    return next(p for layer in LAYERS for p in layer if module == p or module.startswith(p + "."))


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_circle_up_to_the_pipeline() -> None:
    graph = _graph()
    lower = {m: {d for d in deps if _layer(d) is not None} for m, deps in graph.items()}
    lower = {m: deps for m, deps in lower.items() if _layer(m) is not None}
    assert _cycles(lower) == []


def test_layers_import_downward_only() -> None:
    wrong = []
    for module, deps in _graph().items():
        rank = _layer(module)
        if rank is None:
            continue
        for dep in deps:
            dep_rank = _layer(dep)
            up = dep_rank is None or dep_rank > rank
            if up and (module, _room(dep) if dep_rank is not None else dep) not in ALLOWED_UP:
                wrong.append(f"{module} imports {dep}")
    assert wrong == []


def test_rooms_of_extract_do_not_import_the_package_api() -> None:
    # Only sitrep.extract itself may reach up to the pipeline (to be callable); its rooms not.
    graph = _graph()
    for module, deps in graph.items():
        if module.startswith("sitrep.extract."):
            assert "sitrep.pipeline" not in deps, module


def test_any_import_of_sitrep_registers_the_place_ruler() -> None:
    # nlp.load() adds what is registered; sitrep/__init__ imports sitrep.extract, which
    # registers the ruler, so a parse through sitrep.nlp alone still finds gazetteer places.
    from sitrep import nlp
    from sitrep.extract.places import COMPONENT

    assert COMPONENT in nlp._COMPONENTS
