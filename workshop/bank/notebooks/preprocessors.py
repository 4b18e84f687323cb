"""Each class does one transform to a notebook (an ``nbformat`` node) in place."""
from __future__ import annotations

import nbformat

from workshop.bank.loader import Bank
from workshop.bank.notebooks.cells import BARE_SHOW_RE, CHECK_RE, PLACEHOLDER_RE, exercise_in, is_checked, module_code


class Preprocessor:
    def __call__(self, nb):
        self.module = module_code(nb)
        for index, cell in enumerate(nb.cells):
            self.cell(cell, index)
        return nb

    def cell(self, cell, index: int) -> None:
        pass


class StripOutputs(Preprocessor):
    """No stored outputs, counts or run metadata: small diffs, no stale widgets."""

    def cell(self, cell, index):
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        for key in ("execution", "collapsed", "scrolled", "widgets"):
            cell.metadata.pop(key, None)


class ExpectStatus(Preprocessor):
    """Store '<id>: <status>' as the output nbval compares in every checked cell."""

    def __init__(self, status: str):
        self.status = status.replace("_", " ")

    def cell(self, cell, index):
        exercise_id = exercise_in(cell, self.module)
        if exercise_id and is_checked(cell):
            # nbval skips a reference output whose cell has no execution count.
            cell.execution_count = index + 1
            data = {"text/plain": f"{exercise_id}: {self.status}"}
            if CHECK_RE.search(cell.source):
                # A checked Result also renders HTML; tests/nbval_sanitize.cfg reduces it to its class,
                # so nbval compares the status in text/plain and that the feedback box was drawn.
                data["text/html"] = f'<div class="lwi-result lwi-{self.status.replace(" ", "_")}">Run the cell to check your answer.</div>'
            cell.outputs = [nbformat.v4.new_output("execute_result", data=data, execution_count=index + 1)]


class FillAnswers(Preprocessor):
    """Write each exercise's key into the cell that shows or checks it."""

    def __init__(self, bank: Bank):
        self.bank = bank

    def cell(self, cell, index):
        exercise_id = exercise_in(cell, self.module)
        if exercise_id is None or exercise_id not in self.bank.exercises:
            return
        exercise = self.bank.exercises[exercise_id]
        if PLACEHOLDER_RE.search(cell.source):
            # `answer = ...` gets the key; for computed answers, the computation itself, which teaches more.
            fill = getattr(exercise, "solution_code", None) or repr(exercise.key())
            cell.source = PLACEHOLDER_RE.sub(lambda m: f"{m.group('target')}{fill}", cell.source, count=1)
            return
        key = repr(exercise.key())
        cell.source = BARE_SHOW_RE.sub(lambda m: f"{m.group('call')}, answer={key})", cell.source)
        cell.source = CHECK_RE.sub(lambda m: f"{m.group('call')} {key})", cell.source)


class AddFacilitatorNotes(Preprocessor):
    """Open the solution edition with the module's timings and facilitator notes."""

    def __init__(self, bank: Bank):
        self.bank = bank

    def __call__(self, nb):
        module = module_code(nb)
        spec = self.bank.modules.get(module) if module else None
        if spec is None:
            return nb
        notes = "\n".join(f"- {note}" for note in spec.facilitator_notes)
        text = (
            "> **Solution edition, for facilitators.** Every exercise below is answered from the "
            "exercise bank's keys.\n>\n"
            f"> **Timing:** {spec.minutes.teaching} min teaching, {spec.minutes.exercises} min exercises.\n\n"
            f"**Facilitator notes**\n\n{notes}"
        )
        nb.cells.insert(1, nbformat.v4.new_markdown_cell(text))
        return nb


def set_kernelspec(nb):
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nb.metadata.setdefault("language_info", {"name": "python"})
    nb.metadata.pop("widgets", None)
    return nb
