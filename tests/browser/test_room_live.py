"""The live room in a real browser: 40 learners (separate processes) answer while the view is open.

Done-when of the live-room issue: the page's counts reach the right totals within a few
seconds of the last answer (polled, never a fixed sleep), the HTML report of the same room
opens with its charts, and every learner string (names are script) is shown as text.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.browser.room_learner import plan
from workshop import check
from workshop.room import live
from workshop.room.mirror import room_salt

pytestmark = pytest.mark.browser
LEARNERS = 40
EVIL = "<img src=x onerror=\"document.title='p'\"><script>document.title='p'</script>"  # under the 80-character name cap


def _expected():
    answered = correct = incorrect = stuck = 0
    for i in range(LEARNERS):
        last, attempts, ever = {}, {}, set()
        for exercise_id, answer in plan(i):
            last[exercise_id] = answer
            attempts[exercise_id] = attempts.get(exercise_id, 0) + 1
            if check(exercise_id, answer).status == "correct":
                ever.add(exercise_id)
        for exercise_id, answer in last.items():
            status = check(exercise_id, answer).status
            answered += 1
            correct += status == "correct"
            incorrect += status == "incorrect"
        stuck += sum(1 for e, n in attempts.items() if n >= 3 and e not in ever)
    return {"learners": LEARNERS, "answered": answered, "correct": correct, "incorrect": incorrect, "stuck": stuck}


def _wait_for_port(url: str, process, timeout: float = 90) -> None:
    """Wait until Voila listens (a GET of the page would start a kernel of its own)."""
    import socket
    from urllib.parse import urlparse

    address = urlparse(url)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection((address.hostname, address.port), timeout=2).close()
            return
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.3)
    raise RuntimeError("the live view (Voila) did not start")


def test_forty_learners_answer_into_the_live_room_and_the_report_escapes_them(page, artifacts, tmp_path):
    room = tmp_path / "room"
    room.mkdir()
    room_salt(room)
    expected = _expected()
    log = open(tmp_path / "voila.log", "w")
    process, url = live.start(room, show_names=True, interval=1.0, log=log)
    learners = []
    try:
        _wait_for_port(url, process)
        import urllib.request

        without_token = urllib.request.urlopen(url.split("?")[0], timeout=120)  # a learner on the same machine
        assert "/login" in without_token.geturl()
        page.goto(url, timeout=120_000)  # Voila runs the dashboard notebook before it answers
        counts = {key: page.locator(f"[data-testid={key}]") for key in expected}
        counts["learners"].wait_for(timeout=90_000)
        assert counts["learners"].inner_text() == "0"

        root = Path(__file__).resolve().parents[2]
        for i in range(LEARNERS):
            env = {**os.environ, "WORKSHOP_ROOM": str(room), "WORKSHOP_PROGRESS": str(tmp_path / f"l{i}" / "progress.jsonl"),
                   "WORKSHOP_LEARNER": f"{EVIL} {i}", "WORKSHOP_CONFIG": str(tmp_path / "none.yaml"), "PYTHONPATH": str(root)}
            learners.append(subprocess.Popen([sys.executable, str(Path(__file__).with_name("room_learner.py")), str(i)],
                                             env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))
        for learner in learners:
            assert learner.wait(timeout=300) == 0, learner.stderr.read().decode()[-2000:]

        from playwright.sync_api import expect

        for key, value in expected.items():  # polled by Playwright until it holds or 15 s pass
            expect(counts[key]).to_have_text(str(value), timeout=15_000)
        expect(page.locator(".js-plotly-plot")).to_have_count(1, timeout=15_000)  # the choices chart (plotly)
        page.get_by_role("button", name="Show names").click()
        expect(page.get_by_text(f"{EVIL} 0 on", exact=False).first).to_be_visible(timeout=15_000)
        assert page.title() != "p" and page.locator("img[src=x]").count() == 0
        page.screenshot(path=str(artifacts / "room-live.png"), full_page=True)
        page.get_by_role("button", name="Projector mode").click()
        expect(page.get_by_text(EVIL)).to_have_count(0, timeout=15_000)  # projector mode: no names
        page.screenshot(path=str(artifacts / "room-live-projector.png"))
    finally:
        for learner in learners:
            if learner.poll() is None:
                learner.kill()
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()

    report = tmp_path / "report.html"
    from workshop.cli import main

    assert main(["room", str(room), "--html", str(report), "--names"]) == 0
    page.goto(report.as_uri())
    assert page.locator("svg[role=img]").count() >= 3
    assert page.locator("script").count() == 0 and page.locator("img").count() == 0 and page.title() != "p"
    expect(page.locator("[data-testid=answered]")).to_have_text(str(expected["answered"]))
    expect(page.get_by_text(f"{EVIL} 0 on", exact=False).first).to_be_visible()  # the name, as text
    page.screenshot(path=str(artifacts / "room-report.png"), full_page=True)
