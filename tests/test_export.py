"""`workshop export`: never over the log, never over a file unasked, always a unique learner id."""
import json

import pytest

from workshop.progress import log as progress
from workshop.cli import main


@pytest.fixture
def log(tmp_path, monkeypatch):
    path = tmp_path / "home" / "progress.jsonl"
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(path))
    monkeypatch.delenv("WORKSHOP_ROOM", raising=False)
    progress.record("check", "02.mentor-metric", answer="b", status="correct")
    return path


def test_export_refuses_to_write_over_the_progress_log(log, capsys):
    before = log.read_text()
    assert main(["export", str(log)]) == 1
    assert "progress log itself" in capsys.readouterr().err
    assert main(["export", str(log), "--force"]) == 1
    assert log.read_text() == before


def test_export_refuses_an_existing_file_unless_forced(log, tmp_path, capsys):
    out = tmp_path / "mine.json"
    out.write_text("keep me")
    assert main(["export", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err and out.read_text() == "keep me"
    assert main(["export", str(out), "--force"]) == 0
    assert json.loads(out.read_text())["events"][0]["answer"] == "b"


def test_export_to_a_folder_or_an_unwritable_path_says_so_without_a_traceback(log, tmp_path, capsys):
    assert main(["export", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err
    (tmp_path / "afile").write_text("")
    assert main(["export", str(tmp_path / "afile" / "x.json")]) == 1
    err = capsys.readouterr().err
    assert "Could not write" in err and "Traceback" not in err


def test_every_export_carries_a_unique_learner_id_that_stays_the_same(log, tmp_path, monkeypatch):
    main(["export", str(tmp_path / "one.json"), "--name", "jovyan"])
    main(["export", str(tmp_path / "two.json"), "--name", "jovyan"])
    first, second = (json.loads((tmp_path / n).read_text()) for n in ("one.json", "two.json"))
    assert first["learner_id"] == second["learner_id"] and len(first["learner_id"]) >= 16
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(tmp_path / "other" / "progress.jsonl"))
    progress.record("check", "02.mentor-metric", answer="a", status="incorrect")
    main(["export", str(tmp_path / "three.json"), "--name", "jovyan"])
    assert json.loads((tmp_path / "three.json").read_text())["learner_id"] != first["learner_id"]


def test_export_of_an_empty_log_warns(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(tmp_path / "nothing.jsonl"))
    assert main(["export", str(tmp_path / "empty.json")]) == 0
    assert "empty" in capsys.readouterr().err
