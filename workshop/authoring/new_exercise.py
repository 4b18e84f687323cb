"""``workshop new exercise MODULE KIND ID``: append a commented skeleton to a module's YAML.

The file is edited as text, not re-dumped: an instructor's comments, quoting and order
survive untouched, and the new block lands at the end of the ``exercises:`` list. The
result is validated before anything is written, so a failed command leaves the file as
it was.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from workshop.bank.loader import BankError, default_bank_dir, load_bank
from workshop.kinds.base import ID_PATTERN

SKELETONS = Path(__file__).resolve().parent / "skeletons"
TOP_LEVEL_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*:")
EXERCISES_KEY = re.compile(r"^exercises\s*:\s*(#.*)?$")
LIST_ITEM = re.compile(r"^(\s*)- ")
CODE_ANSWERED_KINDS = {"computed"}


class AuthoringError(Exception):
    """A mistake in an authoring command, said in one friendly sentence (no traceback)."""


def available_kinds() -> list[str]:
    from workshop.kinds import models

    return list(models())


def skeleton(kind: str, exercise_id: str, title: str) -> str:
    """The commented YAML block for one exercise of ``kind``, at column 0."""
    path = SKELETONS / f"{kind}.yaml"
    if kind not in available_kinds() or not path.exists():
        raise AuthoringError(f"There is no exercise kind {kind!r}. Kinds: {', '.join(available_kinds())}.")
    # A title is YAML-quoted as JSON (a subset of YAML's double-quoted style), so quotes,
    # backslashes ("C:\\q drive") and ": " or " #" in it stay text.
    quoted = json.dumps(" ".join(str(title).split()), ensure_ascii=False)
    return path.read_text(encoding="utf-8").replace("{id}", exercise_id).replace('"{title}"', quoted).replace("{title}", quoted)


def module_file(bank_dir: Path, module: str) -> Path:
    matches = sorted(bank_dir.glob(f"{module}_*.yaml"))
    if not matches:
        raise AuthoringError(
            f"There is no module {module} in {bank_dir}. Start one with: workshop new module {module} \"Title\""
        )
    return matches[0]


def normalise_ids(module: str, exercise_id: str) -> tuple[str, str]:
    """``("5", "payback")`` or ``("05", "05.payback")`` -> ``("05", "05.payback")``."""
    module = str(module).strip()
    if not re.fullmatch(r"\d{1,2}", module):
        raise AuthoringError(f"The module should be a two-digit code such as 05, not {module!r}.")
    module = f"{int(module):02d}"
    short = exercise_id.strip()
    if short.startswith(module + "."):
        short = short[len(module) + 1:]
    full = f"{module}.{short}"
    from workshop.room.reader import MAX_ID_CHARS

    if len(full) > MAX_ID_CHARS:
        raise AuthoringError(f"{exercise_id[:40]!r}... is {len(full)} characters long with its module; keep ids under "
                             f"{MAX_ID_CHARS} (the room reads no longer ones), such as 'payback-period'.")
    if not re.fullmatch(ID_PATTERN, full):
        raise AuthoringError(
            f"{exercise_id!r} is not a usable id: use lower-case words joined by '-', such as 'payback-period'."
        )
    return module, full


def insert_exercise(text: str, block: str) -> str:
    """``text`` with ``block`` appended to its top-level ``exercises:`` list, all else unchanged."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if EXERCISES_KEY.match(line)), None)
    if start is None:
        raise AuthoringError("The module file has no block-style 'exercises:' list to add to.")
    end = len(lines)
    for i in range(start + 1, len(lines)):
        if TOP_LEVEL_KEY.match(lines[i]):
            end = i
            break
    last = start
    for i in range(start + 1, end):
        if lines[i].strip() and not lines[i].startswith("#"):
            last = i
    indent = next((m.group(1) for line in lines[start + 1:end] if (m := LIST_ITEM.match(line))), "  ")
    body = "".join(indent + line if line.strip() else line for line in block.splitlines(keepends=True))
    before = "".join(lines[: last + 1])
    if before and not before.endswith("\n"):
        before += "\n"
    separator = "\n" if last > start else ""
    return before + separator + body + "".join(lines[last + 1:])


def add_exercise(module: str, kind: str, exercise_id: str, bank_dir: str | Path | None = None,
                 title: str | None = None) -> tuple[Path, str]:
    """Append a skeleton; return the file and the full id. Validates before writing."""
    bank_dir = Path(bank_dir) if bank_dir else default_bank_dir()
    module, full_id = normalise_ids(module, exercise_id)
    try:
        bank = load_bank(bank_dir)
    except BankError as exc:
        raise AuthoringError(f"Fix the bank's problems first (workshop validate shows them):\n{exc}") from None
    if full_id in bank.exercises:
        raise AuthoringError(f"Exercise {full_id} already exists; choose another id.")
    path = module_file(bank_dir, module)
    title = title or full_id.split(".", 1)[1].replace("-", " ").capitalize()
    new_text = insert_exercise(path.read_text(encoding="utf-8"), skeleton(kind, full_id, title))
    _check_then_write(path, new_text)
    return path, full_id


def _check_then_write(path: Path, new_text: str) -> None:
    """Validate the edited file on its own, then replace the original atomically."""
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch) / path.name
        trial.write_text(new_text, encoding="utf-8")
        try:
            load_bank(trial)
        except BankError as exc:  # a skeleton that does not validate is our bug, not the instructor's
            raise AuthoringError(f"The new exercise would not validate, so nothing was written:\n{exc}") from None
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(new_text)
    os.replace(tmp, path)


def notebook_cell(kind: str, exercise_id: str) -> str:
    """The code cell that shows the exercise in its module's notebook (after ``m = Module(..)``)."""
    short = exercise_id.split(".", 1)[1]
    if kind in CODE_ANSWERED_KINDS:
        variable = short.replace("-", "_")
        return f'{variable} = ...  # what to compute, with its unit\nm.check("{short}", {variable})'
    return f'm.show("{short}")'
