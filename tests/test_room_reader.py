"""Every learner file is untrusted: the room's reader skips and lists what is bad, never fails."""
import json
import os
import tracemalloc
from tests.helpers import no_hang

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop.cli import main
from workshop.progress.export import EXPORT_FORMAT
from workshop.room.reader import MAX_FILE_BYTES, Event, RoomReader, parse_event
from workshop.room.report import render
from workshop.room.summary import compute
from workshop.room.terminal import render as render_text

GOOD_EVENT = {"v": 1, "ts": 1764000000.0, "event": "check", "exercise": "02.mentor-metric", "answer": "b", "status": "correct"}


def _export(**fields):
    document = {"format": EXPORT_FORMAT, "version": 1, "learner": "ada", "learner_id": "id-ada", "events": [GOOD_EVENT]}
    document.update(fields)
    return json.dumps(document)




@pytest.mark.parametrize("fields, why", [
    ({"version": "9"}, "version"), ({"version": None}, "version"), ({"version": [1]}, "version"),
    ({"version": {"v": 1}}, "version"), ({"version": True}, "version"), ({"version": 2}, "newer"),
    ({"events": 3}, "events"), ({"events": None}, "events"), ({"events": {"a": 1}}, "events"),
    ({"format": None}, "not a workshop"),
])
def test_a_badly_typed_export_is_skipped_and_the_rest_of_the_room_is_read(tmp_path, capsys, fields, why):
    (tmp_path / "good.json").write_text(_export())
    (tmp_path / "bad.json").write_text(_export(**fields, learner_id="id-bad"))
    reader = RoomReader([tmp_path])
    reader.refresh()
    assert [learner.name for learner in reader.present()] == ["ada"]
    assert why in reader.skipped["bad.json"]
    assert main(["room", str(tmp_path)]) == 0
    assert "bad.json" in capsys.readouterr().err


def test_json_nested_a_thousand_levels_is_skipped_in_exports_and_in_lines(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "deep-events.json").write_text(_export(learner_id="x", events=[GOOD_EVENT, {"answer": [[[[]]]] * 1}]).replace(
        '"events": [', '"events": [' + "[" * 5000 + "]" * 5000 + ","))
    (tmp_path / "live.jsonl").write_text(json.dumps(GOOD_EVENT) + "\n" + "{" * 0 + "[" * 50_000 + "]" * 50_000 + "\n")
    reader = RoomReader([tmp_path])
    reader.refresh()
    assert "nested too deeply" in reader.skipped["deep.json"]
    assert reader.bad_lines["live.jsonl"] == 1 and len(reader.learners["live"].events) == 1
    assert "nested too deeply" in reader.skipped["deep-events.json"]


def test_a_fifo_and_a_symlink_to_dev_zero_are_skipped_without_hanging_or_filling_memory(tmp_path):
    os.mkfifo(tmp_path / "a.json")
    os.mkfifo(tmp_path / "b.jsonl")
    os.symlink("/dev/zero", tmp_path / "zero.json")
    os.symlink("/dev/zero", tmp_path / "zero.jsonl")
    (tmp_path / "folder.json").mkdir()
    with no_hang():
        reader = RoomReader([tmp_path])
        reader.refresh()
    for name in ("a.json", "b.jsonl", "zero.json", "zero.jsonl", "folder.json"):
        assert reader.skipped[name] == "not a regular file", name


def test_a_huge_file_is_refused_by_size_without_being_read(tmp_path):
    with open(tmp_path / "huge.json", "wb") as handle:
        handle.truncate(MAX_FILE_BYTES * 12)  # 190 MB, sparse
    (tmp_path / "big.jsonl").write_bytes((json.dumps(GOOD_EVENT) + "\n").encode() * 2 + b"x" * (MAX_FILE_BYTES + 10))
    tracemalloc.start()
    reader = RoomReader([tmp_path])
    for _ in range(6):
        reader.refresh()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "too large" in reader.skipped["huge.json"]
    assert "stopped reading" in reader.skipped["big.jsonl"] and len(reader.learners["big"].events) == 2
    assert peak < 3 * MAX_FILE_BYTES // 2  # never the whole 190 MB, never more than one capped chunk at a time


def test_terminal_output_has_no_escape_sequences_from_ids_names_or_file_names(tmp_path, capsys):
    evil = "\x1b[2J\x1b[31mALL CORRECT\x07"
    lines = [dict(GOOD_EVENT, exercise="99." + evil, name=evil), dict(GOOD_EVENT, event="check", exercise="00.build-wait", answer=1)] * 3
    (tmp_path / f"{evil}.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    (tmp_path / f"bad{evil}.json").write_text("{nope")
    assert main(["room", str(tmp_path), "--names"]) == 0
    out = capsys.readouterr()
    assert "\x1b" not in out.out + out.err and "\x07" not in out.out + out.err
    assert "ALL CORRECT" in out.out  # shown, but as inert text


def test_the_live_file_is_read_incrementally_and_a_partial_line_waits_for_its_end(tmp_path):
    path = tmp_path / "learner-1.jsonl"
    line = json.dumps(GOOD_EVENT) + "\n"
    path.write_text(line * 3)
    reader = RoomReader([tmp_path])
    assert reader.refresh() == 3
    assert reader.refresh() == 0  # nothing new, nothing read again
    with open(path, "a") as handle:
        handle.write(line[:20])
    assert reader.refresh() == 0
    with open(path, "a") as handle:
        handle.write(line[20:] + line)
    assert reader.refresh() == 2 and not reader.bad_lines
    path.write_text(line)  # replaced by a shorter file: read again from the start
    reader.refresh()
    assert len(reader.learners["learner-1"].events) == 1


def test_a_retried_line_with_the_same_seq_counts_once(tmp_path):
    line = json.dumps(dict(GOOD_EVENT, seq=0)) + "\n"
    (tmp_path / "p.jsonl").write_text(line + '{"half' + "\n" + line)
    reader = RoomReader([tmp_path])
    reader.refresh()
    assert len(reader.learners["p"].events) == 1 and reader.bad_lines["p.jsonl"] == 1


# -- property tests: arbitrary JSON never breaks the reader, and what it keeps is well typed --------
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
FIELDS = ("v", "ts", "event", "exercise", "answer", "status", "score", "level", "seq", "name")
event_like = st.dictionaries(st.sampled_from(FIELDS), json_values | st.sampled_from(
    ["check", "hint", "02.mentor-metric", "00.build-wait", "correct", "b", "<script>alert(1)</script>"]), max_size=8)


def _well_typed(event: Event) -> bool:
    return (event.kind in ("answer", "check", "hint", "reveal") and isinstance(event.exercise, str)
            and (event.ts is None or isinstance(event.ts, float)) and (event.score is None or isinstance(event.score, float))
            and event.status in (None, "correct", "partial", "incorrect", "not_attempted")
            and (event.level is None or type(event.level) is int))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=json_values | st.fixed_dictionaries({"format": st.just(EXPORT_FORMAT), "version": json_values | st.just(1)},
                                                     optional={"events": st.lists(event_like | json_values, max_size=6),
                                                               "learner": json_values, "learner_id": json_values}))
def test_any_json_export_is_read_or_skipped_never_fatal(tmp_path_factory, document):
    folder = tmp_path_factory.mktemp("room")
    (folder / "x.json").write_text(json.dumps(document))
    reader = RoomReader([folder])
    reader.refresh()
    learners = reader.present()
    assert bool(learners) != ("x.json" in reader.skipped)
    assert all(_well_typed(e) for learner in learners for e in learner.events)
    figures = compute(learners)
    assert "<script>" not in render(figures, reader.problems())
    render_text(figures, reader.problems())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(event_like | json_values, max_size=8))
def test_any_json_lines_are_read_or_counted_bad_never_fatal(tmp_path_factory, lines):
    folder = tmp_path_factory.mktemp("room")
    (folder / "x.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    reader = RoomReader([folder])
    reader.refresh()
    kept = reader.learners.get("x").events if "x" in reader.learners else []
    assert len(kept) + reader.bad_lines.get("x.jsonl", 0) <= len(lines)
    assert len(kept) == sum(1 for line in lines if parse_event(line, "x") is not None) - _duplicate_seqs(lines)
    assert all(_well_typed(e) for e in kept)
    assert "<script>" not in render(compute(reader.present()), reader.problems())


def _duplicate_seqs(lines) -> int:
    seen, duplicates = set(), 0
    for line in lines:
        if parse_event(line, "x") is None:
            continue
        seq = line.get("seq")
        if isinstance(seq, int) and not isinstance(seq, bool):
            duplicates += seq in seen
            seen.add(seq)
    return duplicates
