"""Imports run one way: from a later stage to an earlier one, never back.

The stages, in the order the data flows: read → text → search → site → publish. Before
them, what every stage shares (the model, access, the Vietnamese language rules, errors,
the report, progress, the configuration, where and how a build writes); after them, what
runs the stages (``build``, ``cli``). A module of the shared layer imports only shared
modules; a stage imports shared modules, its own stage and earlier ones. Every import is
read, also those inside functions (the CLI imports lazily). A new module must be placed
in a layer here, so the rule keeps holding as the code grows.
"""

from __future__ import annotations

import ast
from pathlib import Path

CATALOG = Path(__file__).resolve().parent.parent / "catalog"

SHARED = 0
LAYERS = {
    "catalog": SHARED,
    "catalog.errors": SHARED,
    "catalog.progress": SHARED,
    "catalog.atomic": SHARED,
    "catalog.report": SHARED,
    "catalog.config": SHARED,
    "catalog.output_paths": SHARED,
    "catalog.model": SHARED,
    "catalog.authority": SHARED,  # the authority form of names spelt several ways (issue 11)
    "catalog.access": SHARED,
    "catalog.language": SHARED,
    "catalog.state": SHARED,
    "catalog.read": 1,
    "catalog.text": 2,
    "catalog.search": 3,
    "catalog.site": 4,
    "catalog.publish": 5,
    "catalog.records": 5,
    "catalog.build": 6,
    "catalog.cli": 6,
    "catalog.__main__": 6,
}


def layer_of(module: str) -> int | None:
    """The layer of ``catalog.x.y``: that of its longest listed prefix."""
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        prefix = ".".join(parts[:end])
        if prefix in LAYERS and (end > 1 or len(parts) == 1):
            return LAYERS[prefix]
    return None


def module_name(path: Path, root: Path) -> str:
    rel = path.relative_to(root.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, module: str) -> list[tuple[int, str]]:
    """(line, imported module) for every import of a ``catalog`` module in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # "from catalog.read import values" imports catalog.read.values
            found += [(node.lineno, f"{base}.{alias.name}" if base in LAYERS or _is_package(base) else base)
                      for alias in node.names]
    return [(line, name) for line, name in found if name == "catalog" or name.startswith("catalog.")]


def _is_package(module: str) -> bool:
    return (CATALOG.parent / module.replace(".", "/") / "__init__.py").is_file()


def violations(root: Path = CATALOG) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        module = module_name(path, root)
        own = layer_of(module)
        if own is None:
            found.append(f"{module}: not placed in a layer (add it to LAYERS in {Path(__file__).name})")
            continue
        for line, imported in imports_of(path, module):
            theirs = layer_of(imported)
            if theirs is None:
                continue  # a name imported from a shared module, e.g. "from catalog import atomic"
            back = theirs > own or (own == SHARED and theirs != SHARED)
            if back:
                found.append(f"{path.relative_to(root.parent)}:{line}: {module} (layer {own}) imports {imported} (layer {theirs})")
    return found


def test_imports_run_from_later_stages_to_earlier_ones():
    assert violations() == []


def test_a_back_import_is_caught(tmp_path):
    """The checker itself: a text-stage module importing the site stage is refused."""
    fake = tmp_path / "catalog"
    for package in ("", "text", "site"):
        (fake / package).mkdir(parents=True, exist_ok=True)
        (fake / package / "__init__.py").write_text("", encoding="utf-8")
    (fake / "site" / "pages.py").write_text("X = 1\n", encoding="utf-8")
    (fake / "text" / "extract.py").write_text(
        "def f():\n    from catalog.site.pages import X\n    return X\n", encoding="utf-8")
    (fake / "model.py").write_text("from catalog.text import extract\n", encoding="utf-8")
    found = violations(fake)
    assert any("catalog.text.extract (layer 2) imports catalog.site.pages (layer 4)" in v for v in found), found
    assert any("catalog.model (layer 0) imports catalog.text" in v for v in found), found
