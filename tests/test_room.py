"""The facilitator's summary of the room, from exported files and live room folders."""
import json

from workshop.progress import log as progress
from workshop.cli import main
from workshop.progress.export import export_progress
from workshop.room import read_exports, summary_table


def _misconception_of(exercise_id: str, key: str) -> str:
    from workshop.bank.loader import get_bank

    return next(o.misconception for o in get_bank().exercises[exercise_id].options if o.key == key)


MENTOR_A = _misconception_of("02.mentor-metric", "a")  # from the bank: rewording the option must not break the room


def _learner(tmp_path, monkeypatch, name, answers, out=None):
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(tmp_path / name / "progress.jsonl"))
    for exercise_id, answer in answers:
        progress.record("check", exercise_id, answer=answer, status="?")
    return export_progress(tmp_path / "room" / (out or f"{name}.json"), learner=name)


def test_summary_counts_statuses_and_names_the_common_misconception(tmp_path, monkeypatch, capsys):
    _learner(tmp_path, monkeypatch, "ada", [("02.mentor-metric", "a"), ("02.mentor-metric", "b")])
    _learner(tmp_path, monkeypatch, "bo", [("02.mentor-metric", "a")])
    _learner(tmp_path, monkeypatch, "cy", [("02.mentor-metric", "a"), ("00.build-wait", 600)])
    (tmp_path / "room" / "broken.json").write_text("{not json")
    (tmp_path / "room" / "other.json").write_text(json.dumps({"format": "something-else"}))
    room = read_exports([tmp_path / "room"])
    assert sorted(learner.name for learner in room.present()) == ["ada", "bo", "cy"]
    assert sorted(room.skipped) == ["broken.json", "other.json"]
    table = summary_table(room).set_index("exercise")
    row = table.loc["02.mentor-metric"]
    assert (row["answered"], row["correct"], row["incorrect"], row["not attempted"]) == (3, 1, 2, 0)
    assert row["most common misconception"] == f"{MENTOR_A} (2)"
    assert table.loc["00.build-wait", "most common misconception"] == "Mixing up minutes and hours. (1)"
    assert main(["room", str(tmp_path / "room")]) == 0
    out = capsys.readouterr()
    assert "3 learners" in out.out and "Skipped broken.json" in out.err


def test_room_table_is_grouped_by_module_with_not_attempted_out_of_learners_present(tmp_path, monkeypatch, capsys):
    _learner(tmp_path, monkeypatch, "ada", [("02.mentor-metric", "b"), ("00.build-wait", 600)])
    _learner(tmp_path, monkeypatch, "bo", [("02.mentor-metric", "a")])
    table = summary_table(read_exports([tmp_path / "room"]))
    assert list(table["module"]) == sorted(table["module"])
    # every exercise of a module someone touched is listed, the untouched ones "not attempted" by all
    untouched = table[(table["module"] == "02") & (table["exercise"] != "02.mentor-metric")]
    assert len(untouched) >= 2 and set(untouched["not attempted"]) == {2}
    assert table.set_index("exercise").loc["00.build-wait", "not attempted"] == 1
    assert main(["room", str(tmp_path / "room")]) == 0
    out = capsys.readouterr().out
    assert out.index("Module 00") < out.index("Module 02") and "1 of 2" in out


def test_room_does_not_count_empty_exports_as_learners(tmp_path, monkeypatch, capsys):
    _learner(tmp_path, monkeypatch, "ada", [("02.mentor-metric", "b")])
    _learner(tmp_path, monkeypatch, "empty", [])
    room = read_exports([tmp_path / "room"])
    assert [learner.name for learner in room.present()] == ["ada"]
    assert "empty" in room.skipped["empty.json"]
    assert main(["room", str(tmp_path / "room")]) == 0
    out = capsys.readouterr()
    assert "1 learner\n" in out.out and "empty.json" in out.err


def test_learners_with_the_same_name_are_counted_apart(tmp_path, monkeypatch):
    for i, answer in enumerate(["a", "b", "c", "b", "a"]):
        _learner(tmp_path, monkeypatch, f"home{i}", [("02.mentor-metric", answer)], out=f"jovyan-{i}.json")
        data = json.loads((tmp_path / "room" / f"jovyan-{i}.json").read_text())
        data["learner"] = "jovyan"
        (tmp_path / "room" / f"jovyan-{i}.json").write_text(json.dumps(data))
    room = read_exports([tmp_path / "room"])
    assert len(room.present()) == 5
    assert summary_table(room).set_index("exercise").loc["02.mentor-metric", "answered"] == 5


def test_old_exports_without_an_id_count_once_per_file(tmp_path, monkeypatch):
    for i in range(3):
        _learner(tmp_path, monkeypatch, f"h{i}", [("02.mentor-metric", "b")], out=f"x{i}.json")
        path = tmp_path / "room" / f"x{i}.json"
        data = json.loads(path.read_text())
        del data["learner_id"]
        data["learner"] = "jovyan"
        path.write_text(json.dumps(data))
    assert len(read_exports([tmp_path / "room"]).present()) == 3


def test_the_same_learner_exported_twice_counts_once(tmp_path, monkeypatch):
    _learner(tmp_path, monkeypatch, "ada", [("02.mentor-metric", "a")], out="first.json")
    _learner(tmp_path, monkeypatch, "ada", [("02.mentor-metric", "b")], out="second.json")
    room = read_exports([tmp_path / "room"])
    assert len(room.present()) == 1
    assert summary_table(room).set_index("exercise").loc["02.mentor-metric", "correct"] == 1


def test_unknown_exercise_ids_are_listed_apart_not_as_rows_of_zeros(tmp_path, monkeypatch, capsys):
    _learner(tmp_path, monkeypatch, "ada", [("02.mentor-metric", "b"), ("99.nope", "x")])
    table = summary_table(read_exports([tmp_path / "room"]))
    assert "99.nope" not in set(table["exercise"])
    assert main(["room", str(tmp_path / "room")]) == 0
    out = capsys.readouterr().out
    assert "Unknown exercise ids" in out and "99.nope: 1 learner" in out


def test_room_with_no_files_says_what_to_do(tmp_path, capsys):
    assert main(["room", str(tmp_path)]) == 1
    assert "workshop export" in capsys.readouterr().out


def test_a_missing_path_is_said_not_to_exist(tmp_path, capsys):
    assert main(["room", str(tmp_path / "nowhere")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_room_commands_init_poll_report_and_live_say_what_they_did(tmp_path, monkeypatch, capsys):
    room = tmp_path / "live-room"
    assert main(["room", "init", str(room)]) == 0 and (room / ".salt").read_text().strip()
    assert main(["room", "poll", str(room), "on"]) == 0
    assert json.loads((room / ".poll.json").read_text())["on"] is True
    assert main(["room", "poll", str(room), "maybe"]) == 2
    (room / "learner-1.jsonl").write_text(json.dumps({"event": "check", "exercise": "02.mentor-metric", "answer": "c"}) + "\n")
    assert main(["room", "poll", str(room), "on"]) == 0  # publishes the room's answers at once
    assert json.loads((room / ".poll.json").read_text())["exercises"]["02.mentor-metric"]["choices"] == {"c": 1}
    assert main(["room", "live", str(tmp_path / "nowhere"), "--no-browser"]) == 1
    assert "does not exist" in capsys.readouterr().err
    _learner(tmp_path, monkeypatch, "ada", [("02.mentor-metric", "a")])
    assert main(["room", str(tmp_path / "room"), "--html", str(tmp_path / "r.html")]) == 0
    assert "1 learners" in capsys.readouterr().out
    assert main(["room", str(tmp_path / "room"), "--html", str(tmp_path / "r.html" / "x")]) == 1
    assert "Could not write the report" in capsys.readouterr().err


def test_the_dashboard_refreshes_with_new_events_and_escapes_names(tmp_path):
    from workshop.room.live import Dashboard

    line = {"v": 1, "ts": 1.0, "event": "check", "exercise": "02.mentor-metric", "answer": "a", "name": "<script>x</script>"}
    path = tmp_path / "learner-1.jsonl"
    path.write_text(json.dumps(line) + "\n")
    board = Dashboard(tmp_path, show_names=True)
    assert board.refresh().totals()["answered"] == 1
    for answer in ("c", "d"):
        with open(path, "a") as handle:
            handle.write(json.dumps(dict(line, answer=answer)) + "\n")
    board.names.value = True
    figures = board.refresh()
    assert figures.stuck == [("<script>x</script>", "02.mentor-metric", 3)]
    assert "&lt;script&gt;x&lt;/script&gt;" in board.stuck.value and "<script>" not in board.stuck.value
    board.projector.value = True  # projector mode: no names at all
    assert "script" not in board.stuck.value and "projector" in board.box._dom_classes


def test_first_answer_misconceptions_stay_in_the_report_after_learners_correct_them(tmp_path, monkeypatch):
    """Issue 25.13: three learners first chose a misconception, then corrected it. The debrief needs what
    the room believed before the feedback, and how many changed their mind."""
    from workshop.room import html_view
    from workshop.room.summary import compute

    for name in ("ada", "bo", "cy"):
        _learner(tmp_path, monkeypatch, name, [("02.mentor-metric", "a"), ("02.mentor-metric", "b")])
    figures = compute(read_exports([tmp_path / "room"]).present())
    row = next(f for f in figures.exercises if f.exercise == "02.mentor-metric")
    assert row.correct == 3 and not row.misconceptions  # everyone's last answer is right
    assert row.first_misconceptions == {MENTOR_A: 3}
    assert row.changed_mind == 3 and row.repaired == 3
    table = html_view.misconception_table(figures)
    assert "No misconceptions seen yet" not in table and MENTOR_A in table
    assert "<td class='n' data-col='first'>3</td><td class='n' data-col='now'>0</td>" in table
    assert 'data-col="changed">3 (3 repaired a misconception)' in html_view.exercise_table(figures)
    from workshop.cli import main

    assert main(["room", str(tmp_path / "room"), "--html", str(tmp_path / "r.html")]) == 0
    report = (tmp_path / "r.html").read_text()
    assert MENTOR_A in report and "learners, first answer" in report


def test_room_growth_is_like_for_like_first_baseline_and_both_through_the_capstone_judge(tmp_path, monkeypatch):
    """The facilitator's baseline-to-capstone chart scores as the learner's own view does
    (labs/capstone/growth.py): the FIRST baseline, and both texts through 10.baseline-again's judge,
    so the same sentence written twice shows no change; an ungraded baseline counts as saved, not correct."""
    from workshop import check
    from workshop.labs.capstone.growth import AGAIN_ID, BASELINE_ID
    from workshop.room import html_view
    from workshop.room.summary import compute

    revenue = ("Pre-scaling before the peak protects $577 a minute of revenue, so two engineers for two weeks "
               "pays back within the first 21 minutes of an outage avoided.")
    later = "A rewrite after the afternoon, which must not overwrite the morning's before."
    _learner(tmp_path, monkeypatch, "ada", [(BASELINE_ID, revenue), (BASELINE_ID, later), (AGAIN_ID, revenue)])
    figures = compute(read_exports([tmp_path / "room"]).present())
    (_, before, after), = figures.growth
    assert before == after == check(AGAIN_ID, revenue).score  # same text, same judge: no drop, no rise
    assert before < 1  # revenue as margin is caught in the baseline column too
    row = next(f for f in figures.exercises if f.exercise == BASELINE_ID)
    assert row.correct == 0 and row.saved == 1 and figures.totals()["saved"] == 1
    assert "1 saved, not marked" in html_view.exercise_table(figures)
