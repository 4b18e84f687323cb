"""The learner's side of a room: events mirrored to the room folder, nothing lost, nobody else's to read."""
import errno
import json
import os
import warnings

import pytest

from workshop import Module

from workshop.progress import log as progress
from workshop.room import mirror
from workshop.room.poll import learner_view, set_poll
from workshop.room.reader import RoomReader
from workshop.room.summary import compute


@pytest.fixture
def learner(tmp_path, monkeypatch):
    """A learner with their own log, in a room folder, with no settings file."""
    room = tmp_path / "room"
    room.mkdir()
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(tmp_path / "home" / "progress.jsonl"))
    monkeypatch.setenv("WORKSHOP_ROOM", str(room))
    monkeypatch.setenv("WORKSHOP_CONFIG", str(tmp_path / "settings.yaml"))
    monkeypatch.delenv("WORKSHOP_LEARNER", raising=False)
    mirror._warned.clear()
    return room


def _room_events(room):
    reader = RoomReader([room])
    reader.refresh()
    return reader


def test_every_event_reaches_the_room_under_a_stable_pseudonym(learner, monkeypatch):
    monkeypatch.setenv("WORKSHOP_LEARNER", "Ada <b>")
    m = Module("02")
    m.check("mentor-metric", "a")
    m.hint("mentor-metric")
    m.check("mentor-metric", "b")
    files = list(learner.glob("*.jsonl"))
    assert len(files) == 1 and files[0].name.startswith("learner-")
    assert oct(files[0].stat().st_mode & 0o777) == oct(0o640)
    reader = _room_events(learner)
    (who,) = reader.present()
    assert [e.kind for e in who.events] == ["check", "hint", "check"] and who.name == "Ada <b>"
    assert "learner_id" not in files[0].read_text()  # the raw id never leaves the learner's machine
    m.check("mentor-metric", "c")
    assert list(learner.glob("*.jsonl")) == files  # same pseudonym for the whole session


def test_learners_who_are_all_jovyan_get_different_pseudonyms(learner, tmp_path, monkeypatch):
    for home in ("a", "b", "c"):
        monkeypatch.setenv("WORKSHOP_PROGRESS", str(tmp_path / home / "progress.jsonl"))
        Module("02").check("mentor-metric", "b")
    reader = _room_events(learner)
    assert len(reader.present()) == 3
    assert compute(reader.present()).totals()["correct"] == 3


def test_room_and_name_can_come_from_the_settings_file(learner, tmp_path, monkeypatch):
    monkeypatch.delenv("WORKSHOP_ROOM")
    (tmp_path / "settings.yaml").write_text(f"room: {learner}\nname: Bo\n")
    Module("02").check("mentor-metric", "b")
    assert [l.name for l in _room_events(learner).present()] == ["Bo"]


def test_a_missing_room_warns_once_keeps_everything_locally_and_catches_up(learner, tmp_path):
    learner.rmdir()
    m = Module("02")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for answer in ("a", "c", "b"):
            m.check("mentor-metric", answer)
    room_lines = [w for w in caught if "room folder" in str(w.message)]
    assert len(room_lines) == 1 and "saved on your own machine" in str(room_lines[0].message)
    assert len(list(progress.events())) == 3
    learner.mkdir()
    m.hint("mentor-metric")
    (who,) = _room_events(learner).present()
    assert [e.kind for e in who.events] == ["check", "check", "check", "hint"]


def test_a_full_or_failing_room_loses_nothing_and_counts_nothing_twice(learner, monkeypatch):
    real_write = os.write
    calls = {"n": 0}

    def disk_full_after_half(fd, data):
        calls["n"] += 1
        if calls["n"] == 1:
            real_write(fd, bytes(data[: len(data) // 2]))  # half a batch lands, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    m = Module("02")
    m.check("mentor-metric", "a")
    m.check("mentor-metric", "c")
    monkeypatch.setattr(mirror, "_write", disk_full_after_half)
    (learner / next(learner.glob("*.jsonl")).name).write_text("")  # the room forgot, as a restore would
    state = json.loads(next(iter(learner.parent.glob("home/*.room.json"))).read_text())
    state["offset"] = 0
    next(iter(learner.parent.glob("home/*.room.json"))).write_text(json.dumps(state))
    with pytest.warns(UserWarning, match="room folder"):
        m.check("mentor-metric", "d")
    m.check("mentor-metric", "b")
    reader = _room_events(learner)
    (who,) = reader.present()
    assert [e.answer for e in who.events] == ["a", "c", "d", "b"]


def test_poll_mode_shows_the_rooms_distribution_never_names(learner, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKSHOP_LEARNER", "Secret Name")
    for home, answer in (("a", "a"), ("b", "a"), ("c", "b")):
        monkeypatch.setenv("WORKSHOP_PROGRESS", str(tmp_path / home / "progress.jsonl"))
        Module("02").check("mentor-metric", answer)
    exercise = Module("02").exercises["mentor-metric"]
    figures = compute(_room_events(learner).present())
    set_poll(learner, False, figures)
    assert learner_view(exercise) == ""
    set_poll(learner, True, figures)
    shown = learner_view(exercise)
    assert "How the room answered" in shown and "2 of 3" in shown and "1 of 3" in shown
    assert "Secret Name" not in shown and "learner-" not in shown
    assert "Secret Name" not in (learner / ".poll.json").read_text()
    (learner / ".poll.json").write_text('{"on": true, "exercises": {"02.mentor-metric": {"choices": {"<img src=x>": 5}}}}')
    assert "<img" not in learner_view(exercise)


def test_the_check_button_shows_the_rooms_answers_when_the_poll_is_on(learner, tmp_path, monkeypatch):
    for home, answer in (("a", "a"), ("b", "c")):
        monkeypatch.setenv("WORKSHOP_PROGRESS", str(tmp_path / home / "progress.jsonl"))
        Module("02").check("mentor-metric", answer)
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(tmp_path / "me" / "progress.jsonl"))
    view = Module("02").show("mentor-metric")
    view.control.set("b")
    view.check_button.click()
    assert "How the room answered" not in view.feedback.value  # poll mode is off
    set_poll(learner, True, compute(_room_events(learner).present()))
    view.check_button.click()
    assert "How the room answered" in view.feedback.value and "1 of 3" in view.feedback.value
    free_text = Module("00").show("build-wait")
    free_text.control.set(600)
    free_text.check_button.click()
    assert "How the room answered" not in free_text.feedback.value  # only judgement (choice) questions
