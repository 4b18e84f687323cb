"""Every Python file in the repository compiles without a warning.

An invalid escape sequence ("\\s" in a plain string) is a SyntaxWarning today and a
SyntaxError in a later Python; it once hid in a browser test's JavaScript string.
"""
import pathlib
import warnings

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
SOURCES = sorted(p for p in ROOT.rglob("*.py")
                 if not {".venv", "build", "node_modules", ".git"} & set(p.relative_to(ROOT).parts))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_compiles_without_warnings(path):
    with warnings.catch_warnings(record=True) as heard:
        warnings.simplefilter("always")
        code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
    assert code.co_filename == str(path)
    assert not heard, [f"line {w.lineno}: {w.message}" for w in heard]
