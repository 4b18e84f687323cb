"""Progress is never lost silently: bad paths, a crash mid-write, a full disk, garbage, oversized answers."""
import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from workshop import Module, settings

from workshop.progress import log as progress


@pytest.fixture
def log(tmp_path, monkeypatch):
    path = tmp_path / "p.jsonl"
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(path))
    getattr(progress, "notices", list)()  # forget what earlier tests were told
    return path


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


# -- the path itself ----------------------------------------------------------------------------
def test_progress_under_a_home_folder_that_does_not_exist_works_in_memory_and_says_so_once(monkeypatch, capsys):
    monkeypatch.setenv("WORKSHOP_PROGRESS", "~nosuchuser-lwi/p.jsonl")
    getattr(progress, "notices", list)()  # forget what earlier tests were told
    m = Module("02")
    first = m.check("mentor-metric", "a")
    told = [d for d in first.details if "could not be saved" in d]
    assert told and "WORKSHOP_PROGRESS" in told[0] and "~nosuchuser-lwi" in told[0]
    second = m.check("mentor-metric", "b")
    assert not [d for d in second.details if "could not be saved" in d]  # told once, not on every click
    assert m.last_answer("mentor-metric") == "b" and m.attempted("mentor-metric")
    assert progress.standing()["02"]["02.mentor-metric"]["attempts"] == 2


def test_cli_progress_with_a_bad_path_explains_instead_of_a_traceback(tmp_path):
    env = {**os.environ, "WORKSHOP_PROGRESS": "~nosuchuser-lwi/p.jsonl"}
    out = subprocess.run([sys.executable, "-m", "workshop", "progress"], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr and "RuntimeError" not in out.stderr
    assert "WORKSHOP_PROGRESS" in out.stderr and "does not exist" in out.stderr


def test_settings_under_a_home_folder_that_does_not_exist_warns_and_uses_the_default(monkeypatch):
    monkeypatch.setenv("WORKSHOP_CONFIG", "~nosuchuser-lwi/settings.yaml")
    monkeypatch.delenv("WORKSHOP_SOLUTIONS", raising=False)
    with pytest.warns(settings.SettingsWarning, match="WORKSHOP_CONFIG.*does not exist"):
        assert settings.solution_mode() == "after-attempt"


def test_checks_work_with_both_paths_broken(monkeypatch):
    monkeypatch.setenv("WORKSHOP_CONFIG", "~nosuchuser-lwi/settings.yaml")
    monkeypatch.setenv("WORKSHOP_PROGRESS", "~nosuchuser-lwi/other.jsonl")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        view = Module("02").show("mentor-metric")
        view.control.set("b")
        assert view.check().status in ("correct", "incorrect")
        assert "Solution" in Module("02").solution_html("mentor-metric")


# -- settings ---------------------------------------------------------------------------------------
@pytest.fixture
def config(tmp_path, monkeypatch):
    path = tmp_path / "settings.yaml"
    monkeypatch.setenv("WORKSHOP_CONFIG", str(path))
    monkeypatch.delenv("WORKSHOP_SOLUTIONS", raising=False)
    return path


def test_a_settings_file_that_is_a_list_is_reported(config):
    config.write_text("- solutions: open\n")
    with pytest.warns(settings.SettingsWarning, match="should be a mapping"):
        assert settings.solution_mode() == "after-attempt"


@pytest.mark.parametrize("text", ["solutions: lockd\n", "solutions: opn\n", "solutions: [open]\n", "solutions: 1\n"])
def test_a_mistyped_solutions_value_falls_back_to_locked(config, text):
    config.write_text(text)
    with pytest.warns(settings.SettingsWarning, match="locked"):
        assert settings.solution_mode() == "locked"


def test_a_mistyped_environment_value_falls_back_to_locked(monkeypatch):
    monkeypatch.setenv("WORKSHOP_SOLUTIONS", "lockd")
    with pytest.warns(settings.SettingsWarning, match="lockd"):
        assert settings.solution_mode() == "locked"


# -- the log's last line ----------------------------------------------------------------------------
def test_a_record_after_a_crash_mid_write_is_not_swallowed(log):
    progress.record("check", "02.mentor-metric", answer="a", status="incorrect")
    with open(log, "a") as handle:
        handle.write('{"v": 1, "event": "check", "exercise": "02.mentor-metric", "answer": "hal')  # the crash
    assert progress.record("check", "02.mentor-metric", answer="b", status="correct") is True
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert progress.last_answer("02.mentor-metric") == "b"
        assert progress.standing()["02"]["02.mentor-metric"]["status"] == "correct"
    assert _whole_lines(log) == 2  # the first record and the new one; only the crashed line is lost


def _whole_lines(log) -> int:
    good = 0
    for line in log.read_text().splitlines():
        try:
            json.loads(line)
            good += 1
        except ValueError:
            pass
    return good


@pytest.mark.parametrize("tail", [b"\x00\x00\x00", b"garbage without newline", b"\xff\xfe{", b"{\"v\":1,"])
def test_a_record_after_a_garbage_tail_starts_on_a_fresh_line(log, tail):
    progress.record("hint", "02.mentor-metric", level=1)
    with open(log, "ab") as handle:
        handle.write(tail)
    progress.record("check", "02.mentor-metric", answer="b", status="correct")
    last = log.read_bytes().split(b"\n")[-2]
    assert json.loads(last)["answer"] == "b"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert progress.last_answer("02.mentor-metric") == "b"


def test_reading_while_a_line_is_half_written_picks_it_up_once_complete(log):
    progress.record("check", "02.mentor-metric", answer="a", status="incorrect")
    assert progress.last_answer("02.mentor-metric") == "a"
    entry = json.dumps({"v": 1, "event": "check", "exercise": "02.mentor-metric", "answer": "b", "status": "correct"})
    with open(log, "a") as handle:
        handle.write(entry[:20])
        handle.flush()
        assert progress.last_answer("02.mentor-metric") == "a"
        handle.write(entry[20:] + "\n")
    assert progress.last_answer("02.mentor-metric") == "b"
    assert progress.standing()["02"]["02.mentor-metric"]["attempts"] == 2


@pytest.fixture
def full_disk(tmp_path, monkeypatch):
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode:
        pytest.skip("cannot mount a small tmpfs here (needs root); CI runs this as root")
    path = mount / "p.jsonl"
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(path))
    getattr(progress, "notices", list)()  # forget what earlier tests were told
    yield path
    subprocess.run(["umount", "-l", str(mount)], check=False)  # lazy: detaches even if something still holds it


def test_a_full_disk_loses_nothing_silently_and_leaves_no_partial_line(full_disk):
    m = Module("01")
    results = [m.check("self-inventory", "I lead " * 130 + str(n)) for n in range(40)]  # 36 kB into 16 kB
    told = [d for r in results for d in r.details if "could not be saved" in d]
    assert len(told) == 1 and "disk" in told[0]
    for line in full_disk.read_text().splitlines():
        json.loads(line)  # every line on disk is whole: the failed write was cut back
    assert m.last_answer("self-inventory").endswith("39")  # the newest answer is still there, in memory
    assert progress.standing()["01"]["01.self-inventory"]["attempts"] == 40


# -- oversized answers ------------------------------------------------------------------------------
def test_an_oversized_answer_is_capped_in_the_log_and_the_learner_is_told(log):
    result = Module("01").check("self-inventory", "word " * 2_000_000)  # 10 MB
    assert log.stat().st_size < 100_000
    entry = _lines(log)[-1]
    assert len(entry["answer"]) == progress.MAX_STORED_TEXT and entry["truncated"] == ["answer"]
    assert any("first 20,000 characters were saved" in d for d in result.details)


def test_a_huge_container_is_capped_in_the_log(log):
    Module("02").check("which-hat-now", {str(n): "x" * 10_000 for n in range(500)})
    assert log.stat().st_size <= progress.MAX_LINE_CHARS * 4 + 1
    _lines(log)
