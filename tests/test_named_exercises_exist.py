"""Every exercise id that a script or a browser test names exists in the bank.

Content changes rename and replace exercises; `make bench` once crashed on an id (02.hat-for-situation)
that a rewrite of module 02 had removed. Ids written as "05.payback" or as Module("05").check("payback").
"""
import re
from functools import cache
from pathlib import Path

import pytest

from workshop.bank.loader import load_bank

ROOT = Path(__file__).resolve().parent.parent
FULL_ID = re.compile(r"""["'](\d{2}\.[a-z0-9]+(?:-[a-z0-9]+)*)["']""")
SPLIT_ID = re.compile(r"""Module\(\s*["'](\d{2})["']\s*\)\.(?:check|show|hint|solution)\(\s*["']([a-z0-9-]+)["']""")
FILES = sorted([*(ROOT / "scripts").glob("*.py"), *(ROOT / "tests" / "browser").glob("*.py"), *(ROOT / "tests" / "hub").glob("*.py")])


@cache
def bank_ids() -> frozenset[str]:
    return frozenset(load_bank(quality=False).exercises)


def named_ids(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    return set(FULL_ID.findall(text)) | {f"{module}.{short}" for module, short in SPLIT_ID.findall(text)}


def test_the_scan_finds_ids_in_both_spellings(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('check("05.payback", 9)\nModule("00").check("build-wait", 600)\nversion = "3.11"\n')
    assert named_ids(sample) == {"05.payback", "00.build-wait"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_each_named_exercise_is_in_the_bank(path):
    missing = named_ids(path) - bank_ids()
    assert not missing, f"{path.name} names exercises the bank no longer has: {sorted(missing)}"
