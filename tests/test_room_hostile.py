"""Issue 23: one hostile learner must not blind or freeze the facilitator, nor hang other learners.

Each test reproduces one finding of the issue (numbered as there) and failed before the fix.
"""
import json
import os
import time
import warnings
from pathlib import Path
from tests.helpers import no_hang

import pytest

from workshop.progress import log as progress
from workshop.cli import main
from workshop.progress.export import EXPORT_FORMAT
from workshop.room import mirror, read_exports
from workshop.room.poll import POLL_FILE, poll_on, read_poll, room_distribution, set_poll
from workshop.room.reader import MAX_READ_CHUNK, RoomReader, pseudonym
from workshop.room.summary import compute

EVENT = {"v": 1, "ts": 1764000000.0, "event": "check", "exercise": "02.mentor-metric", "answer": "b", "status": "correct"}




def _learner_file(room: Path, name: str, events=(EVENT,), mtime=None):
    path = room / name
    path.write_text("".join(json.dumps(dict(e, seq=i)) + "\n" for i, e in enumerate(events)))
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


# 1 -------------------------------------------------------------------------------------------
def test_five_thousand_empty_files_do_not_hide_the_real_learners(tmp_path, capsys):
    old = time.time() - 3600
    for n in range(3):
        _learner_file(tmp_path, f"learner-{n:08x}.jsonl", mtime=old)  # written an hour ago: oldest of all
    for i in range(5500):
        (tmp_path / f"0{i}.jsonl").touch()
    for i in range(300):
        (tmp_path / f"0junk{i}.jsonl").write_text("not json\n")
    start = time.perf_counter()
    reader = read_exports([tmp_path])
    elapsed = time.perf_counter() - start
    assert len(reader.present()) == 3, reader.problems()[:5]
    problems = " ".join(reader.problems())
    assert "5500 empty" in problems
    assert len(reader.problems()) < 80  # said in a few lines, not one per file
    assert main(["room", str(tmp_path)]) == 0
    out = capsys.readouterr()
    assert "3 learners" in out.out and "5500 empty" in out.err
    print(f"flood of 5,800 files read in {elapsed:.2f} s")
    assert elapsed < 10


def test_more_files_than_the_limit_are_counted_and_valid_learners_preferred(tmp_path, monkeypatch):
    from workshop.room import reader as reader_module

    monkeypatch.setattr(reader_module, "MAX_FILES", 50)
    old = time.time() - 3600
    for n in range(5):
        _learner_file(tmp_path, f"learner-{n:08x}.jsonl", mtime=old)
    for i in range(200):
        (tmp_path / f"0{i:04d}.jsonl").write_text("x\n")
    reader = read_exports([tmp_path])
    assert len(reader.present()) == 5
    assert any("beyond the first 50" in p for p in reader.problems())


# 2 -------------------------------------------------------------------------------------------
def test_a_planted_fifo_poll_file_hangs_no_learner_and_no_live_view(tmp_path, monkeypatch):
    os.mkfifo(tmp_path / POLL_FILE)
    monkeypatch.setenv("WORKSHOP_ROOM", str(tmp_path))
    with no_hang(5):
        assert read_poll(tmp_path) == {}
        assert room_distribution("02.mentor-metric") is None
        from workshop.room.live import Dashboard

        Dashboard(tmp_path).refresh()


def test_a_planted_fifo_salt_or_learner_file_hangs_no_learner(tmp_path, monkeypatch):
    room = tmp_path / "room"
    room.mkdir()
    os.mkfifo(room / ".salt")
    monkeypatch.setenv("WORKSHOP_ROOM", str(room))
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(tmp_path / "p.jsonl"))
    mirror._warned.clear()
    start = time.perf_counter()
    with no_hang(5), warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        progress.record("check", "02.mentor-metric", answer="b", status="correct")
    assert time.perf_counter() - start < 3


def test_a_poll_file_written_by_a_learner_is_ignored_with_a_notice(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("needs root to give the file another owner")
    set_poll(tmp_path, True)
    assert poll_on(tmp_path)
    fake = {"on": True, "exercises": {"02.mentor-metric": {"answered": 38, "choices": {"a": 37, "b": 1}}}}
    (tmp_path / POLL_FILE).write_text(json.dumps(fake))
    os.chown(tmp_path / POLL_FILE, 4242, 4242)  # a learner's uid, not the room owner's
    assert not poll_on(tmp_path)
    from workshop.room.poll import poll_notice

    assert "not written by" in (poll_notice(tmp_path) or "")


def test_a_poll_file_others_can_write_is_ignored(tmp_path):
    set_poll(tmp_path, True)
    os.chmod(tmp_path / POLL_FILE, 0o666)
    assert not poll_on(tmp_path)


# 3 -------------------------------------------------------------------------------------------
def _hostile_room(room: Path, learners: int = 40):
    from workshop.bank.loader import get_bank

    bank = get_bank()
    text = ",".join(["1"] * 2500)
    for n in range(learners):
        lines = []
        for i, e in enumerate(bank.exercises.values()):
            if e.kind == "framing":
                answer = text + str(n)
            elif e.kind == "case":
                answer = {field: text + str(n) for field in e.model_case}
            elif e.kind == "record":
                answer = {part.key: text + str(n) for part in e.parts}
            else:
                continue
            lines.append(json.dumps({"v": 1, "ts": 1764000000.0 + i, "event": "check", "exercise": e.id, "answer": answer, "seq": i}))
        (room / f"learner-{n:08x}.jsonl").write_text("\n".join(lines) + "\n")


class CountingChecker:
    """The room's Checker, counting the characters of answers it really checks (cache misses).

    The room's speed is measured by `make bench`; a test asserts the mechanism that makes it
    fast (each learner's checking is capped), which holds on any machine, loaded or not.
    """

    def __new__(cls):
        from workshop.room.summary import Checker

        class Counting(Checker):
            def __init__(self):
                super().__init__()
                self.checked_chars = 0
                self.calls = 0

            def __call__(self, exercise_id, answer):
                from workshop.room.summary import _cost, bounded

                if not self.has(exercise_id, answer):
                    self.calls += 1
                    self.checked_chars += _cost(bounded(answer))
                return super().__call__(exercise_id, answer)

        return Counting()


def test_forty_hostile_learners_cost_what_forty_real_ones_do(tmp_path):
    from workshop.bank.loader import get_bank
    from workshop.room.summary import MAX_CHECK_CHARS

    _hostile_room(tmp_path)
    checker = CountingChecker()
    with no_hang(120):  # a hang guard only: 576 s before the per-learner cap, well under 5 s after (make bench)
        figures = compute(read_exports([tmp_path]).present(), checker)
    assert figures.learners == 40
    fields = {"framing": lambda e: 1, "case": lambda e: len(e.model_case), "record": lambda e: len(e.parts)}
    boxes = sum(fields[e.kind](e) for e in get_bank().exercises.values() if e.kind in fields)
    # each learner answered each free-text exercise once, every box 5,000 characters: every box is a
    # last answer, so it is checked, but only as much of it as a real answer is long
    written = 40 * boxes * len(",".join(["1"] * 2500))
    assert checker.checked_chars <= 40 * boxes * MAX_CHECK_CHARS < written / 2, (checker.checked_chars, written)


def test_the_framing_patterns_are_linear_on_long_runs_of_digits_and_commas():
    """Four times the text costs about four times the work, not sixteen (no backtracking blow-up).

    A ratio of two timings on the same machine, best of three, so a loaded machine slows both
    sides alike; the absolute speed is `make bench`'s to report.
    """
    from workshop.framing.assess import assess

    def best_of_three(n: int) -> float:
        texts = [",".join(["1"] * n), ", ".join(["12"] * (n * 2 // 3)) + " dollars", ".".join(["1"] * n) + " hours"]
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            for text in texts:
                assess(text)
            runs.append(time.perf_counter() - start)
        return min(runs)

    with no_hang(120):
        small, large = best_of_three(1000), best_of_three(4000)
    assert large < 8 * small + 0.05, (small, large)  # linear is about 4x; quadratic would be 16x


# 5 -------------------------------------------------------------------------------------------
def test_no_event_is_lost_after_the_learner_resets_their_log(tmp_path, monkeypatch):
    room = tmp_path / "room"
    room.mkdir()
    log = tmp_path / "home" / "progress.jsonl"
    monkeypatch.setenv("WORKSHOP_ROOM", str(room))
    monkeypatch.delenv("WORKSHOP_LEARNER", raising=False)
    mirror._warned.clear()
    for answer in ("a", "c", "d"):
        progress.record("check", "02.mentor-metric", log, answer=answer, status="incorrect")
    reader = RoomReader([room])
    reader.refresh()
    (learner,) = reader.present()
    assert len(learner.events) == 3
    log.write_text("")  # the learner clears their log (or deletes it) and carries on
    for answer in ("b", "a", "b", "c"):
        progress.record("check", "02.mentor-metric", log, answer=answer, status="correct")
    reader.refresh()
    (learner,) = reader.present()
    assert [e.answer for e in learner.events] == ["a", "c", "d", "b", "a", "b", "c"]
    # a retried write is still counted once
    path = next(room.glob("*.jsonl"))
    last = path.read_text().splitlines()[-1]
    with open(path, "a") as handle:
        handle.write(last + "\n")
    reader.refresh()
    assert len(reader.present()[0].events) == 7


# 6 -------------------------------------------------------------------------------------------
def test_a_file_over_the_per_refresh_read_cap_is_read_whole_by_the_summary_and_reported_live(tmp_path):
    line = json.dumps(EVENT) + "\n"
    pad = json.dumps(dict(EVENT, exercise="02.which-hat-now", answer={"x": "y" * 2000})) + "\n"
    count = (MAX_READ_CHUNK // len(pad)) + 200
    (tmp_path / "learner-00000001.jsonl").write_text(pad * count + line)
    reader = RoomReader([tmp_path])
    reader.refresh()
    assert any("so far" in p for p in reader.problems())  # one refresh: said, not silent
    whole = read_exports([tmp_path])  # the summary reads it all (up to the 16 MB cap)
    assert len(whole.present()[0].events) == count + 1
    assert not any("so far" in p for p in whole.problems())


# 7 -------------------------------------------------------------------------------------------
def test_an_export_and_the_live_file_of_the_same_learner_count_once(tmp_path, monkeypatch):
    room = tmp_path / "room"
    room.mkdir()
    log = tmp_path / "home" / "progress.jsonl"
    monkeypatch.setenv("WORKSHOP_ROOM", str(room))
    mirror._warned.clear()
    progress.record("check", "02.mentor-metric", log, answer="b", status="correct")
    from workshop.progress.export import export_progress

    export_progress(room / "ada.json", learner="Ada", source=log)
    figures = compute(read_exports([room]).present())
    assert figures.learners == 1
    assert main(["room", str(room)]) == 0


# 8 -------------------------------------------------------------------------------------------
def test_duplicate_keys_in_a_multiple_select_count_once(tmp_path):
    from workshop.bank.loader import get_bank

    first, second = [o.key for o in get_bank().exercises["04.spot-elements"].options][:2]
    answer = [first] * 500 + [second]
    _learner_file(tmp_path, "learner-00000001.jsonl", [dict(EVENT, exercise="04.spot-elements", answer=answer)])
    figures = compute(read_exports([tmp_path]).present())
    (row,) = [f for f in figures.exercises if f.exercise == "04.spot-elements"]
    assert max(row.choices.values()) == 1


# 13 (room parts) ------------------------------------------------------------------------------
def test_timestamps_of_huge_magnitude_never_show_inf_minutes(tmp_path, capsys):
    events = [dict(EVENT, ts=-1e308), dict(EVENT, ts=1e308), dict(EVENT, ts=1764000000.0)]
    _learner_file(tmp_path, "learner-00000001.jsonl", events)
    figures = compute(read_exports([tmp_path]).present())
    assert all(m["median"] is None or m["median"] < 10_000 for m in figures.minutes.values())
    assert main(["room", str(tmp_path)]) == 0
    assert "inf" not in capsys.readouterr().out


def test_poll_on_several_folders_goes_on_past_a_bad_one(tmp_path, capsys):
    good = tmp_path / "good"
    good.mkdir()
    assert main(["room", "poll", str(tmp_path / "missing" / "x"), str(good), "on"]) == 1
    assert poll_on(good)
    assert "missing" in capsys.readouterr().err


def test_the_unreachable_room_notice_is_one_line_without_file_internals(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKSHOP_ROOM", str(tmp_path / "nowhere"))
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(tmp_path / "p.jsonl"))
    mirror._warned.clear()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        progress.record("check", "02.mentor-metric", answer="b", status="correct")
    (warning,) = [w for w in caught if "room" in str(w.message)]
    shown = warnings.formatwarning(warning.message, warning.category, warning.filename, warning.lineno, None)
    assert len(shown.strip().splitlines()) == 1
    assert "mirror.py" not in shown and ".py:" not in shown


def test_an_id_the_reader_would_drop_is_refused_by_new_exercise(tmp_path):
    from workshop.authoring import AuthoringError
    from workshop.authoring.new_exercise import normalise_ids
    from workshop.room.reader import MAX_ID_CHARS

    with pytest.raises(AuthoringError, match="long"):
        normalise_ids("05", "x" * MAX_ID_CHARS)


# the facilitator's own files: settings ------------------------------------------------------
def test_a_settings_file_someone_else_planted_is_ignored_with_a_notice(tmp_path, monkeypatch):
    if os.geteuid() != 0:
        pytest.skip("needs root to give the file another owner")
    from workshop import settings

    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)  # a folder every user can write, as /tmp
    path = shared / "settings.yaml"
    path.write_text("solutions: open\n")
    os.chown(path, 4242, 4242)
    monkeypatch.setenv("WORKSHOP_CONFIG", str(path))
    monkeypatch.delenv("WORKSHOP_SOLUTIONS", raising=False)
    with pytest.warns(UserWarning, match="not written by"):
        assert settings.solution_mode() == settings.DEFAULT_MODE


def test_a_settings_file_others_can_write_or_a_fifo_is_ignored(tmp_path, monkeypatch):
    from workshop import settings

    path = tmp_path / "settings.yaml"
    path.write_text("solutions: open\n")
    os.chmod(path, 0o666)
    monkeypatch.setenv("WORKSHOP_CONFIG", str(path))
    monkeypatch.delenv("WORKSHOP_SOLUTIONS", raising=False)
    with pytest.warns(UserWarning, match="writable by other users"):
        assert settings.solution_mode() == settings.DEFAULT_MODE
    path.unlink()
    os.mkfifo(path)
    with no_hang(5), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert settings.solution_mode() == settings.DEFAULT_MODE
        assert mirror.room_folder() is None or True


# adversarial pass: one learner with thousands of long, distinct answers ------------------------
def test_one_learner_with_thousands_of_long_answers_costs_a_bounded_amount_of_checking(tmp_path):
    import random

    random.seed(7)
    words = "we will save money per year by fixing the build queue which costs 36000 dollars a quarter".split()
    lines = [dict(EVENT, exercise="05.proposal-headline", ts=1764000000.0 + i, status="incorrect",
                  answer=" ".join(random.choice(words) for _ in range(330))[:2000] + str(i)) for i in range(3000)]
    lines.append(dict(EVENT, exercise="05.proposal-headline", answer="x", ts=1764009999.0))
    _learner_file(tmp_path, "learner-00000001.jsonl", lines)
    reader = read_exports([tmp_path])
    from workshop.room.summary import Checker

    from workshop.room.summary import MAX_CHECK_CHARS, MAX_CHECK_COST_PER_LEARNER

    checker = CountingChecker()
    with no_hang(120):  # a hang guard only; the time is make bench's
        figures = compute(reader.present(), checker)
    assert checker.checked_chars <= MAX_CHECK_COST_PER_LEARNER + MAX_CHECK_CHARS * 20, checker.checked_chars
    assert checker.calls < 100  # of 3,001 answers: the cap, not the learner, decides the room's work
    (row,) = [f for f in figures.exercises if f.exercise == "05.proposal-headline"]
    assert row.answered == 1  # the last answer ("x") is the one counted
    assert checker.over_budget and "not checked again" in " ".join(checker.notes())
    assert figures.stuck and figures.stuck[0][2] == 3001


def test_a_hundred_thousand_unknown_ids_are_listed_in_a_few_lines(tmp_path, capsys):
    events = [dict(EVENT, exercise=f"99.made-up-{i}") for i in range(100_000)] + [EVENT]
    _learner_file(tmp_path, "learner-00000001.jsonl", events)
    figures = compute(read_exports([tmp_path]).present())
    assert len(figures.unknown) <= 31 and any("other unknown ids" in key for key in figures.unknown)
    assert main(["room", str(tmp_path)]) == 0
    assert len(capsys.readouterr().out.splitlines()) < 200
