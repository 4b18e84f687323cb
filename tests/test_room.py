"""The facilitator's view of the room, from learners' exported files."""
import json

from workshop import progress
from workshop.cli import main
from workshop.export import export_progress
from workshop.room import read_exports, summary


def _learner(tmp_path, monkeypatch, name, answers):
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(tmp_path / f"{name}.jsonl"))
    for exercise_id, answer in answers:
        progress.record("check", exercise_id, answer=answer, status="?")
    return export_progress(tmp_path / "room" / f"{name}.json", learner=name)


def test_summary_counts_statuses_and_names_the_common_misconception(tmp_path, monkeypatch, capsys):
    _learner(tmp_path, monkeypatch, "ada", [("02.mentor-metric", "a"), ("02.mentor-metric", "b")])
    _learner(tmp_path, monkeypatch, "bo", [("02.mentor-metric", "a")])
    _learner(tmp_path, monkeypatch, "cy", [("02.mentor-metric", "a"), ("00.build-wait", 600)])
    (tmp_path / "room" / "broken.json").write_text("{not json")
    (tmp_path / "room" / "other.json").write_text(json.dumps({"format": "something-else"}))
    room = read_exports([tmp_path / "room"])
    assert sorted(room.learners) == ["ada", "bo", "cy"] and len(room.skipped) == 2
    table = summary(room).set_index("exercise")
    row = table.loc["02.mentor-metric"]
    assert (row["answered"], row["correct"], row["incorrect"]) == (3, 1, 2)
    assert row["most common misconception"] == "Personal output measures leadership. (2)"
    assert table.loc["00.build-wait", "most common misconception"] == "Mixing up minutes and hours. (1)"
    assert main(["room", str(tmp_path / "room")]) == 0
    out = capsys.readouterr()
    assert "3 learners" in out.out and "Skipped broken.json" in out.err


def test_room_with_no_files_says_what_to_do(tmp_path, capsys):
    assert main(["room", str(tmp_path)]) == 1
    assert "workshop export" in capsys.readouterr().out
