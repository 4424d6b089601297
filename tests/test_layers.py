"""The layers are visible in the folders, and the imports keep to them.

words (the catalogue of fixed words per language) < records (the records and their validation) < facts (derived from records and
history) < render (pages, feeds, open data, pack) < build (MkDocs glue) < cli.
A module may import its own layer and those below it; only ``ogp/build/`` and
``hooks/`` may import MkDocs, Material or static-i18n.
"""
from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

LAYERS = ["words", "records", "facts", "render", "build", "cli"]
UPSTREAM = {"mkdocs", "material", "mkdocs_static_i18n"}


def imports(path: Path) -> list[tuple[int, str]]:
    """Every imported module of a file (``from x import y`` gives x and x.y), with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path}:{node.lineno}: use absolute imports (ogp.<layer>.<module>)"
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__":
            found += [(node.lineno, arg.value) for arg in node.args if isinstance(arg, ast.Constant)]
    return found


def layer_of(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[0] == "ogp" and parts[1] in LAYERS else None


def test_every_module_lives_in_a_layer():
    loose = [p.name for p in (ROOT / "ogp").glob("*.py") if p.name != "__init__.py"]
    assert loose == [], "put these modules in one of ogp/" + "|".join(LAYERS)
    assert {p.name for p in (ROOT / "ogp").iterdir() if p.is_dir() and p.name != "__pycache__"} == set(LAYERS)


def test_no_layer_imports_a_higher_one():
    wrong = []
    for layer, name in enumerate(LAYERS):
        for path in sorted((ROOT / "ogp" / name).glob("*.py")):
            for line, module in imports(path):
                target = layer_of(module)
                if target is not None and target > layer:
                    wrong.append(f"{path.relative_to(ROOT)}:{line}: {name} imports {module}")
    assert wrong == []


def test_only_the_build_glue_knows_mkdocs():
    wrong = []
    for path in sorted([*(ROOT / "ogp").rglob("*.py"), *(ROOT / "scripts").glob("*.py")]):
        if path.parent.name == "build":
            continue
        for line, module in imports(path):
            if module.split(".")[0] in UPSTREAM:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: imports {module}")
    assert wrong == []


def test_the_check_itself_sees_imports():
    # A test that cannot fail is a defect: the scanner must see each form of import.
    sample = ROOT / "ogp/cli/main.py"
    modules = {module for _, module in imports(sample)}
    assert "ogp.facts.audit" in modules and "ogp.records.validate" in modules
    assert layer_of("ogp.build.parallel") == 4 and layer_of("ogp.words") == 0 and layer_of("ogp") is None
