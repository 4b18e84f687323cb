"""An instructor's data that cannot be used is a DataError naming the file, the column and the row."""
import os

import pytest

from workshop.company.data import DataError, load

HEADER = "run_id,started_at,engineer,queue_minutes,build_minutes,status,is_rerun\n"


def _csv(tmp_path, rows):
    path = tmp_path / "ci.csv"
    path.write_text(HEADER + "".join(rows))
    return path


def test_mixed_time_zones_name_the_column_and_rows(tmp_path):
    path = _csv(tmp_path, ["1,2025-01-01T09:00:00+00:00,e1,1,2,passed,False\n",
                           "2,2025-01-01T10:00:00+00:00,e1,1,2,passed,False\n",
                           "3,2025-01-01T11:00:00+02:00,e1,1,2,passed,False\n"])
    with pytest.raises(DataError) as caught:
        load("ci_runs", path)
    message = str(caught.value)
    assert str(path) in message and "'started_at'" in message and "row 4" in message and "time zone" in message


def test_a_forty_digit_id_is_refused_not_wrapped_to_a_negative_number(tmp_path):
    path = _csv(tmp_path, ["1,2025-01-01 09:00,e1,1,2,passed,False\n",
                           "1234567890123456789012345678901234567890,2025-01-01 09:00,e1,1,2,passed,False\n"])
    with pytest.raises(DataError) as caught:
        load("ci_runs", path)
    message = str(caught.value)
    assert str(path) in message and "'run_id'" in message and "row 3" in message


def test_a_folder_is_not_a_csv(tmp_path):
    folder = tmp_path / "ci.csv"
    folder.mkdir()
    with pytest.raises(DataError, match="is a folder"):
        load("ci_runs", folder)


def test_an_unreadable_file_says_permission_denied(tmp_path, monkeypatch):
    path = _csv(tmp_path, ["1,2025-01-01 09:00,e1,1,2,passed,False\n"])
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything: refuse the read as the file system would
        import pandas as pd

        def refuse(*_args, **_kwargs):
            raise PermissionError(13, "Permission denied", str(path))

        monkeypatch.setattr(pd, "read_csv", refuse)
    with pytest.raises(DataError, match="permission denied"):
        load("ci_runs", path)


def test_a_missing_data_folder_names_the_variable_that_is_set(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(tmp_path / "missing"))
    monkeypatch.delenv("WORKSHOP_DATA_CI_RUNS", raising=False)
    with pytest.raises(DataError) as caught:
        load("ci_runs")
    message = str(caught.value)
    assert "$WORKSHOP_DATA_DIR" in message and "does not exist" in message
    assert "WORKSHOP_DATA_CI_RUNS" not in message


def test_a_missing_table_variable_names_that_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKSHOP_DATA_CI_RUNS", str(tmp_path / "nope.csv"))
    with pytest.raises(DataError, match=r"\$WORKSHOP_DATA_CI_RUNS"):
        load("ci_runs")
