"""A Check reads the progress log once, and only what was appended since the last read."""
import builtins
import json

import pytest

from workshop import Module

from workshop.progress import log as progress


@pytest.fixture
def big_log(tmp_path, monkeypatch):
    path = tmp_path / "p.jsonl"
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(path))
    monkeypatch.setenv("WORKSHOP_SOLUTIONS", "after-attempt")
    line = json.dumps({"v": 1, "ts": 1.0, "event": "check", "exercise": "01.self-inventory", "answer": "x" * 400,
                       "status": "correct", "score": 1.0}) + "\n"
    path.write_text(line * 10_000)  # about 4.6 MB
    return path


def _count_reads(monkeypatch, path):
    reads = {"opens": 0, "bytes": 0}
    real_open = builtins.open

    class Counting:
        def __init__(self, handle):
            self.handle = handle

        def read(self, *args):
            data = self.handle.read(*args)
            reads["bytes"] += len(data)
            return data

        def readlines(self, *args):
            lines = self.handle.readlines(*args)
            reads["bytes"] += sum(map(len, lines))
            return lines

        def __iter__(self):
            for line in self.handle:
                reads["bytes"] += len(line)
                yield line

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return self.handle.__exit__(*exc)

        def __getattr__(self, name):
            return getattr(self.handle, name)

    def counting_open(file, *args, **kwargs):
        handle = real_open(file, *args, **kwargs)
        if str(file) == str(path):
            reads["opens"] += 1
            return Counting(handle)
        return handle

    monkeypatch.setattr(progress, "open", counting_open, raising=False)
    return reads


def test_a_check_click_reads_the_log_once_and_only_the_new_part(big_log, monkeypatch):
    view = Module("02").show("mentor-metric")  # the first view reads the whole log once
    reads = _count_reads(monkeypatch, big_log)
    for answer in ("a", "b", "c"):
        view.control.set(answer)
        before = dict(reads)
        view.check_button.click()
        assert reads["opens"] - before["opens"] <= 1, "the log was opened more than once for one Check"
        assert reads["bytes"] - before["bytes"] < 5_000, "a Check re-read the whole log"
    assert not view.solution_button.disabled  # and the index still knows the learner has attempted it


def test_the_index_notices_a_log_replaced_under_it(big_log):
    Module("02").check("mentor-metric", "b")
    assert progress.last_answer("02.mentor-metric") == "b"
    big_log.write_text(json.dumps({"v": 1, "event": "check", "exercise": "02.mentor-metric", "answer": "c",
                                   "status": "incorrect"}) + "\n")
    assert progress.last_answer("02.mentor-metric") == "c"
    assert progress.standing()["02"]["02.mentor-metric"]["attempts"] == 1


def test_the_index_notices_a_log_rewritten_in_place_with_more_lines(big_log):
    assert progress.attempted("01.self-inventory")
    replacement = json.dumps({"v": 1, "event": "hint", "exercise": "02.other", "level": 1}) + "\n"
    big_log.write_text(replacement * 60_000)  # larger than before, same file
    assert not progress.attempted("01.self-inventory")
    assert progress.standing()["02"]["02.other"]["hints"] == 60_000
