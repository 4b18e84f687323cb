"""Speed figures for the issue notes: medians over repeated runs, never asserted in tests."""
from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def import_time_us(module: str, runs: int = 7) -> float:
    """Median cumulative -X importtime of a module, in microseconds, fresh interpreter each run."""
    totals = []
    for _ in range(runs):
        err = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"],
                             capture_output=True, text=True, check=True).stderr
        rows = [line for line in err.splitlines() if re.search(rf"\|\s*{re.escape(module)}$", line)]
        totals.append(int(rows[-1].split("|")[1]))
    return statistics.median(totals)


def median_seconds(fn, runs: int = 200) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def notebook_seconds(path: Path) -> float:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - start


def make_room(folder: Path, learners: int, events_each: int = 300, seed: int = 1) -> int:
    """A full day of a room: each learner works through the bank (right, wrong, hints), ~5 min apart."""
    import json
    import random

    from workshop.bank.loader import get_bank

    rng = random.Random(seed)
    exercises = list(get_bank().exercises.values())
    answers = {e.id: [e.key()] + [a for a, _ in e.wrong_answers()] for e in exercises}
    total = 0
    for i in range(learners):
        ts, lines = 1764057600.0 + rng.uniform(0, 600), []
        for n in range(events_each):
            exercise = exercises[min(len(exercises) - 1, n * len(exercises) // events_each)]
            ts += rng.uniform(20, 160)
            if rng.random() < 0.2:
                entry = {"v": 1, "ts": round(ts, 3), "event": "hint", "exercise": exercise.id, "level": 1}
            else:
                entry = {"v": 1, "ts": round(ts, 3), "event": "check", "exercise": exercise.id, "answer": rng.choice(answers[exercise.id])}
            entry["seq"] = n
            lines.append(json.dumps(entry, default=str))
        (folder / f"learner-{i:04d}.jsonl").write_text("\n".join(lines) + "\n")
        total += len(lines)
    return total


def room_figures(learners: int) -> str:
    """Ingestion (events a second, cold) and the live view's refresh time once a few learners add events."""
    import json
    import tempfile

    from workshop.room.live import Dashboard
    from workshop.room.reader import RoomReader

    folder = Path(tempfile.mkdtemp(prefix="bench-room-"))
    total = make_room(folder, learners)
    ingest = []
    for _ in range(5):
        reader = RoomReader([folder])
        start = time.perf_counter()
        reader.refresh()
        ingest.append(time.perf_counter() - start)
    dashboard = Dashboard(folder)
    start = time.perf_counter()
    dashboard.refresh()
    first = time.perf_counter() - start
    files = sorted(folder.glob("*.jsonl"))
    line = json.dumps({"v": 1, "ts": 1764090000.0, "event": "check", "exercise": "02.mentor-metric", "answer": "b"}) + "\n"

    def tick():
        for path in files[:10]:  # ten learners answer between two refreshes
            with open(path, "a") as handle:
                handle.write(line)
        dashboard.refresh()

    refresh = median_seconds(tick, runs=15)
    ingest_s = statistics.median(ingest)
    return (f"room, {learners} learners x 300 events ({total} events, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB): "
            f"ingest {total / ingest_s:,.0f} events/s ({ingest_s * 1e3:.0f} ms); first view {first * 1e3:.0f} ms (checks every answer once); "
            f"refresh after 10 new events: median {refresh * 1e3:.0f} ms")


def log_check_seconds(megabytes: int = 50, runs: int = 15) -> tuple[int, float]:
    """Median time of one widget Check click with a learner log of ``megabytes`` (the log's real size returned)."""
    import json
    import os
    import tempfile

    from workshop import Module

    path = os.path.join(tempfile.mkdtemp(), "big-progress.jsonl")
    line = json.dumps({"v": 1, "ts": 1.0, "event": "check", "exercise": "01.self-inventory", "answer": "x" * 400,
                       "status": "correct", "score": 1.0}) + "\n"
    with open(path, "w") as handle:
        handle.write(line * (megabytes * 1_000_000 // len(line)))
    previous = os.environ.get("WORKSHOP_PROGRESS")
    os.environ["WORKSHOP_PROGRESS"] = path
    try:
        view = Module("02").show("mentor-metric")
        seconds = median_seconds(view.check_button.click, runs=runs)
    finally:
        os.environ["WORKSHOP_PROGRESS"] = previous or ""
    size = os.path.getsize(path)
    os.remove(path)
    return size, seconds


def hostile_room_seconds(runs: int = 3) -> tuple[float, float]:
    """Median seconds to summarise 40 hostile learners, and one learner with 3,000 long answers.

    The tests assert the per-learner cap that makes these fast; the time itself is measured here.
    """
    import tempfile

    from tests.test_room_hostile import EVENT, _hostile_room, _learner_file
    from workshop.room import read_exports
    from workshop.room.summary import compute

    room = Path(tempfile.mkdtemp())
    _hostile_room(room)
    forty = median_seconds(lambda: compute(read_exports([room]).present()), runs=runs)
    one = Path(tempfile.mkdtemp())
    lines = [dict(EVENT, exercise="05.proposal-headline", ts=1764000000.0 + i, status="incorrect",
                  answer=("we will save money per year by fixing the build queue " * 40)[:2000] + str(i)) for i in range(3000)]
    _learner_file(one, "learner-00000001.jsonl", lines)
    single = median_seconds(lambda: compute(read_exports([one]).present()), runs=runs)
    return forty, single


def framing_first_use_seconds(runs: int = 5) -> float:
    """Median time of the first assessment in a fresh interpreter: it loads the word tables."""
    code = ("import time, workshop.framing as f; s = time.perf_counter(); f.assess('Signups fell 15% last month.'); "
            "print(time.perf_counter() - s)")
    return statistics.median(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout)
        for _ in range(runs))


def a_matching_answer() -> tuple[str, dict]:
    """The bank's first matching exercise and its keyed answer: no exercise id written here to go stale."""
    from workshop.bank.loader import get_bank

    exercise = next(e for e in get_bank().exercises.values() if e.kind == "matching")
    return exercise.id, {item.key: item.category for item in exercise.items}


def first_check_seconds(runs: int = 5) -> float:
    """Median time of a fresh interpreter's first check (a kernel's first answer): import, bank, facts, judge."""
    code = ("import time; s = time.perf_counter(); from workshop import Module; "
            "Module('00').check('build-wait', 600); print(time.perf_counter() - s)")
    return statistics.median(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
              .stdout.split()[-1])
        for _ in range(runs))


def framing_benchmark() -> None:
    """Median time per statement over every labelled set and the gaming set, warm (issue 11: well under 2 ms)."""
    import yaml

    from workshop.framing import assess

    paths = sorted((ROOT / "tests" / "data").glob("framing_*.yaml"))
    statements = [row["text"] for path in paths for row in yaml.safe_load(path.read_text(encoding="utf-8"))]
    assess("warm up")
    per_statement = [median_seconds(lambda text=text: assess(text), runs=15) for text in statements]
    print(f"framing assess: median {statistics.median(per_statement) * 1e3:.2f} ms per statement, "
          f"slowest {max(per_statement) * 1e3:.2f} ms ({len(statements)} statements, warm); "
          f"first use in a fresh process {framing_first_use_seconds() * 1e3:.0f} ms (loads the word tables)")


def main() -> None:
    import os
    import tempfile

    # Notebooks record progress: keep the benchmark's answers out of the learner's own log.
    os.environ["WORKSHOP_PROGRESS"] = os.path.join(tempfile.mkdtemp(), "bench-progress.jsonl")
    workshop_us = import_time_us("workshop")
    pandas_us = import_time_us("pandas")
    print(f"import workshop: median {workshop_us / 1000:.1f} ms; import pandas: {pandas_us / 1000:.1f} ms; "
          f"ratio {workshop_us / pandas_us:.3f}")
    import workshop

    print(f"first check in a fresh process (a kernel's first answer): median {first_check_seconds():.2f} s")
    workshop.exercise_ids()  # load the bank once, as a notebook would
    exercise_id, answer = a_matching_answer()
    check_s = median_seconds(lambda: workshop.check(exercise_id, answer))
    print(f"workshop.check (matching {exercise_id}, warm): median {check_s * 1e6:.0f} µs")
    framing_benchmark()
    from workshop.impact import simulate

    inputs = {"p": (0.1, 0.2, 0.4), "loss": {"low": 1e5, "likely": 2e5, "high": 5e5, "dist": "pert"}}
    sim_s = median_seconds(lambda: simulate(lambda p, loss: p * loss, inputs, n=100_000, seed=1), runs=30)
    print(f"simulate, 100,000 draws: median {sim_s * 1e3:.1f} ms")
    for learners in (40, 200):
        print(room_figures(learners))
    size, click_s = log_check_seconds(50)
    forty, single = hostile_room_seconds()
    print(f"room summary: 40 hostile learners median {forty:.2f} s; one learner with 3,000 long answers median {single:.2f} s")
    print(f"Check click with a {size / 1e6:.0f} MB progress log: median {click_s * 1e3:.1f} ms")
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        print(f"notebook {path.name}: {notebook_seconds(path):.2f} s to execute")


if __name__ == "__main__":
    if sys.argv[1:] == ["framing"]:
        sys.path.insert(0, str(ROOT))
        framing_benchmark()
    elif sys.argv[1:] == ["room"]:  # the live room alone: python scripts/bench.py room
        sys.path.insert(0, str(ROOT))
        for learners in (40, 200):
            print(room_figures(learners))
    else:
        main()
