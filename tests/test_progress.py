"""The event log survives restarts, concurrent writers and damage."""
import json
import multiprocessing
import warnings

import pytest

from workshop.progress import log as progress
from workshop.progress.export import EXPORT_FORMAT, export_progress


@pytest.fixture
def log(tmp_path, monkeypatch):
    path = tmp_path / "p.jsonl"
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(path))
    return path


def test_record_and_restore_last_answer(log):
    progress.record("check", "02.mentor-metric", answer="a", status="incorrect")
    progress.record("check", "02.mentor-metric", answer="b", status="correct")
    progress.record("hint", "02.mentor-metric", level=1)
    assert progress.last_answer("02.mentor-metric") == "b"
    assert progress.last_answer("02.other") is None
    row = progress.standing()["02"]["02.mentor-metric"]
    assert row == {"status": "correct", "attempts": 2, "hints": 1, "revealed": False}


def test_exotic_answers_are_stored_as_json(log):
    import numpy as np
    progress.record("check", "00.build-wait", answer=np.float64(10.0), status="correct")
    progress.record("check", "00.build-wait", answer=float("nan"), status="not_attempted")
    lines = [json.loads(line) for line in log.read_text().splitlines()]
    assert lines[0]["answer"] == 10.0 and lines[1]["answer"] is None


def test_corrupt_and_truncated_lines_are_skipped_with_a_warning(log):
    progress.record("check", "02.mentor-metric", answer="b", status="correct")
    with open(log, "a") as handle:
        handle.write('{"v": 1, "event": "check", "exerc')  # a write cut off mid-line
        handle.write("\nnot json at all\n[1, 2]\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert progress.last_answer("02.mentor-metric") == "b"
    assert any("Skipped 3 damaged line" in str(w.message) for w in caught)


def test_unwritable_log_warns_and_does_not_raise(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(blocker / "p.jsonl"))
    with pytest.warns(UserWarning, match="could not be saved"):
        assert progress.record("check", "02.x", answer="a", status="incorrect") is False


def _writer(path, worker, count):
    import os

    os.environ["WORKSHOP_PROGRESS"] = path
    for n in range(count):
        progress.record("check", f"02.w{worker}", answer="x" * 2000 + str(n), status="incorrect")


def test_several_processes_writing_at_once_lose_nothing(log):
    workers, count = 6, 150
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(str(log), w, count)) for w in range(workers)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=60)
    lines = log.read_text().splitlines()
    assert len(lines) == workers * count
    assert all(json.loads(line)["event"] == "check" for line in lines)
    for w in range(workers):
        assert progress.standing()["02"][f"02.w{w}"]["attempts"] == count


def test_export_is_one_versioned_json_file(log, tmp_path):
    progress.record("check", "02.mentor-metric", answer="b", status="correct")
    out = export_progress(tmp_path / "me.json", learner="ada")
    document = json.loads(out.read_text())
    assert document["format"] == EXPORT_FORMAT and document["version"] == 1
    assert document["learner"] == "ada"
    assert document["standing"]["02"]["02.mentor-metric"]["status"] == "correct"
    assert document["events"][0]["answer"] == "b"


def test_cli_progress_and_export(log, tmp_path, capsys):
    from workshop.cli import main
    progress.record("check", "02.mentor-metric", answer="b", status="correct")
    assert main(["progress"]) == 0
    out = capsys.readouterr().out
    assert "02 The three hats: 1/" in out and "02.mentor-metric" in out
    assert main(["export", str(tmp_path / "x.json"), "--name", "bo"]) == 0
    assert json.loads((tmp_path / "x.json").read_text())["learner"] == "bo"


def test_python_dash_m_workshop_runs_the_cli(log):
    import subprocess
    import sys
    progress.record("check", "02.mentor-metric", answer="b", status="correct")
    out = subprocess.run([sys.executable, "-m", "workshop", "progress"], capture_output=True, text=True)
    assert out.returncode == 0 and "02.mentor-metric" in out.stdout and "correct" in out.stdout


# --- issue 25.10: the report keeps the best result, counts real attempts, totals, and says what is next ----

def _report_lines(capsys):
    from workshop.cli import main

    assert main(["progress"]) == 0
    return capsys.readouterr().out


def test_report_keeps_the_best_attempt_not_the_latest(log, capsys):
    progress.record("check", "04.rewrite-messy", answer="a strong rewrite", status="correct", score=1.0)
    progress.record("check", "04.rewrite-messy", answer="a later, weaker variant", status="partial", score=0.6)
    out = _report_lines(capsys)
    line = next(l for l in out.splitlines() if "04.rewrite-messy" in l)
    assert "correct" in line and "partly" not in line and "best of 2 attempts" in line
    assert progress.last_answer("04.rewrite-messy") == "a later, weaker variant"  # the widget still restores the latest


def test_run_all_after_a_restart_is_not_a_new_attempt(log, capsys):
    for _ in range(3):  # the same answer, checked by three Run Alls
        progress.record("check", "05.hours-waited", answer=1234.5, status="incorrect", score=0.0)
    out = _report_lines(capsys)
    line = next(l for l in out.splitlines() if "05.hours-waited" in l)
    assert "best of 1 attempt," in line


def test_report_has_a_total_and_the_next_module(log, capsys):
    from workshop.bank.loader import get_bank

    bank = get_bank()
    for exercise in bank.module_exercises("00"):
        progress.record("check", exercise.id, answer="x", status="correct", score=1.0)
    out = _report_lines(capsys)
    total = len(bank.exercises)
    done = len(bank.module_exercises("00"))
    assert f"Total: {done} of {total} exercises correct" in out
    assert f"Next module: 01 {bank.modules['01'].title}." in out
    progress.record("check", "01.without-permission", answer="retro", status="partial", score=0.5)
    out = _report_lines(capsys)
    assert f"Next module: 02 {bank.modules['02'].title}." in out and "Still open in 01" in out


def test_make_lab_puts_the_venv_on_the_lab_terminals_path():
    """`workshop progress` in a Lab terminal: `make lab` exports the venv's bin, and terminals start a non-login
    shell (a login shell's /etc/profile would reset PATH)."""
    from pathlib import Path

    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text()
    recipe = makefile.split("\nlab: env\n", 1)[1].split("\n\n", 1)[0]
    assert 'PATH="$(CURDIR)/$(BIN):$$PATH"' in recipe
    assert "terminado_settings" in recipe and "shell_command=" in recipe and " -l" not in recipe
