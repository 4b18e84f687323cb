"""The workshop day on a real JupyterHub: deploy/jupyterhub, as a facilitator runs it.

One hub (proxy, live-room service and idle culler included) on 127.0.0.1, started and stopped
here; real unix users for the learners, removed at the end even on failure. In order:

1. five learners sign in through the shared-password login form, as a browser would;
2. each pulls the workshop into their home with an nbgitpuller link (a local git daemon);
3. each runs real checks in their own kernel over the kernel websocket: a wrong answer, a
   framing rewrite, a right answer; one learner tries to read another's room file and home;
4. the facilitator sees all five and their answers at /services/room/ in Chromium;
5. a learner gets 403 there (a hub admin gets the page);
6. the idle culler stops the server of a sixth learner who signed in and did nothing.

The time of each step goes to test-artifacts/hub-steps.json; the page to hub-room.png.
Needs root and the hub environment (deploy/jupyterhub/install.sh, run by .ci/run).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.hub.hubkit import ROOT, GitDaemon, Hub, Learner, missing_reason, remove_stale_runs

pytestmark = [pytest.mark.hub, pytest.mark.skipif(missing_reason(browser=True) is not None, reason=missing_reason(browser=True) or "")]

NAMES = ["Ada", "Grace", "Linus", "Margaret", "Barbara"]
ARTIFACTS = ROOT / "test-artifacts"
CULL_TIMEOUT = 30  # seconds idle before the culler stops a server (5400 on a workshop day)


def _answers():
    """From the bank: a wrong and the right option of a choice question, and a model rewrite."""
    from workshop import check
    from workshop.bank.loader import get_bank

    module = get_bank().module_exercises("04")
    choice = next(e for e in module if e.kind in ("single_choice", "multiple_select"))  # 04.spot-elements today
    right = next(o.key for o in choice.options if o.correct)
    wrong = next(o.key for o in choice.options if not o.correct)
    if choice.kind == "multiple_select":  # ticked boxes: all the keyed ones, or one wrong one
        right, wrong = [o.key for o in choice.options if o.correct], [wrong]
    # A framing rewrite (04.rewrite-library today): its first model answer with no placeholder.
    framing = next(e for e in module if e.kind == "framing" and any("{{" not in a for a in e.model_answers))
    rewrite_id = framing.id
    rewrite = next(a for a in framing.model_answers if "{{" not in a)
    return {"choice": choice.id, "right": right, "wrong": wrong, "rewrite_id": rewrite_id, "rewrite": rewrite,
            "rewrite_status": check(rewrite_id, rewrite).status}


@pytest.fixture(scope="module")
def hub():
    remove_stale_runs()
    workdir = Path(tempfile.mkdtemp(prefix="lwi-hub-test-", dir="/tmp"))
    os.chmod(workdir, 0o755)
    server = Hub(workdir, cull_timeout=CULL_TIMEOUT, cull_every=5, activity_interval=5)
    git = GitDaemon(workdir)
    try:
        git.start()
        server.git = git
        started = time.monotonic()
        server.start()
        server.steps = {"hub_start_s": round(time.monotonic() - started, 1)}
        yield server
    finally:
        log = server.log_tail(100000)
        server.stop()
        git.stop()
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "hub-test.log").write_text(log)
        shutil.rmtree(workdir, ignore_errors=True)


def _learner_day(hub: Hub, index: int, typed: str, answers: dict) -> dict:
    """Steps 1-3 for one learner, start to finish without a pause (so the culler leaves them be)."""
    learner = Learner(hub, typed)
    learner.sign_in_and_start()
    notebooks = learner.pull(hub.git.url)
    assert "04_business_impact_framing.ipynb" in notebooks, notebooks
    started = time.monotonic()
    kernel = learner.start_kernel("lead-with-impact/notebooks")
    last = answers["wrong"] if index == len(NAMES) - 1 else answers["right"]  # the last learner stays wrong
    code = (
        "import json\nfrom workshop import Module\nm = Module('04')\nout = {}\n"
        f"out['wrong'] = m.check({answers['choice']!r}, {answers['wrong']!r}).status\n"
        f"out['rewrite'] = m.check({answers['rewrite_id']!r}, {answers['rewrite']!r}).status\n"
        f"out['last'] = m.check({answers['choice']!r}, {last!r}).status\n"
        "import os\nout['room'] = os.environ.get('WORKSHOP_ROOM')\n"
        "print('RESULT' + json.dumps(out))"
    )
    result = learner.execute(kernel, code)
    assert result["error"] is None and result["status"] == "ok", result
    out = json.loads(result["stdout"].split("RESULT", 1)[1])
    learner.times["checks"] = time.monotonic() - started
    return {"learner": learner, "kernel": kernel, "out": out, "last": last}


def test_a_workshop_day_on_a_real_hub(hub):
    answers = _answers()
    steps = hub.steps

    # 1-3. Five learners, each signing in, pulling and answering, all at once as in a room; a sixth
    # signs in and then does nothing, for the culler (step 6) while the others work.
    started = time.monotonic()
    idle = Learner(hub, "Idle")
    with ThreadPoolExecutor(len(NAMES) + 1) as pool:
        idle_ready = pool.submit(idle.sign_in_and_start)
        days = list(pool.map(lambda pair: _learner_day(hub, pair[0], pair[1], answers), enumerate(NAMES)))
        idle_ready.result()
    steps["learners_1_to_3_s"] = round(time.monotonic() - started, 1)
    for key in ("sign_in_to_ready", "pull", "checks"):
        values = sorted(d["learner"].times[key] for d in days)
        steps[f"{key}_s"] = {"median": round(values[len(values) // 2], 1), "max": round(values[-1], 1)}
    for day in days:
        out = day["out"]
        assert out["wrong"] == "incorrect" and out["rewrite"] == answers["rewrite_status"], out
        assert out["last"] == ("correct" if day["last"] == answers["right"] else "incorrect"), out
        assert out["room"] == str(hub.room)

    # Each learner is a unix user with a private home, and their room file is theirs alone.
    import pwd

    room_files = {}
    for day in days:
        user = pwd.getpwnam(day["learner"].name)
        home = Path(user.pw_dir)
        assert stat.S_IMODE(home.stat().st_mode) == 0o700 and home.stat().st_uid == user.pw_uid
        assert (home / "lead-with-impact" / "notebooks" / "04_business_impact_framing.ipynb").is_file()
        assert (home / ".lead-with-impact" / "progress.jsonl").stat().st_uid == user.pw_uid
        mine = [f for f in hub.room.glob("*.jsonl") if f.stat().st_uid == user.pw_uid]
        assert len(mine) == 1, mine
        assert stat.S_IMODE(mine[0].stat().st_mode) == 0o640
        room_files[day["learner"].name] = mine[0]
    assert stat.S_IMODE(hub.room.stat().st_mode) == 0o3753

    # 5 (files). Learner 2 tries, in their own kernel, to list the room and read learner 1's answers.
    first, second = days[0]["learner"], days[1]
    probe = (
        "import json, os\n"
        "def denied(f):\n    try:\n        f()\n        return False\n    except PermissionError:\n        return True\n"
        f"print('RESULT' + json.dumps({{'list_room': denied(lambda: os.listdir({str(hub.room)!r})),"
        f" 'read_room_file': denied(lambda: open({str(room_files[first.name])!r}).read()),"
        f" 'append_room_file': denied(lambda: open({str(room_files[first.name])!r}, 'a').write('{{}}')),"
        f" 'read_home': denied(lambda: open({str(Path(pwd.getpwnam(first.name).pw_dir) / '.lead-with-impact' / 'progress.jsonl')!r}).read())}}))"
    )
    result = second["learner"].execute(second["kernel"], probe)
    assert json.loads(result["stdout"].split("RESULT", 1)[1]) == {
        "list_room": True, "read_room_file": True, "append_room_file": True, "read_home": True}, result

    # 4. The facilitator (signed in with the facilitator password) watches the room in Chromium.
    started = time.monotonic()
    ARTIFACTS.mkdir(exist_ok=True)
    rewrite_counts = {"answered": "5", "correct": "5" if answers["rewrite_status"] == "correct" else "0",
                      "incorrect": "5" if answers["rewrite_status"] == "incorrect" else "0"}
    expect = {"learners": str(len(NAMES)), "rows": {answers["choice"]: {"answered": "5", "correct": "4", "incorrect": "1"},
                                                   answers["rewrite_id"]: rewrite_counts}}
    request = {"hub": hub.url, "name": "Facilitator", "password": hub.facilitator_password, "timeout": 30,
               "exercises": list(expect["rows"]), "expect": expect, "screenshot": str(ARTIFACTS / "hub-room.png")}
    run = subprocess.run([sys.executable, "-m", "tests.hub.facilitator_view", json.dumps(request)], cwd=ROOT,
                         capture_output=True, text=True, timeout=180, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "RESULT" in run.stdout, run.stderr[-3000:]
    seen = json.loads(run.stdout.split("RESULT", 1)[1])
    assert "/services/room/" in seen["url"]
    assert {"learners": seen["learners"], "rows": seen["rows"]} == expect, seen
    assert "The room, live" in seen["text"] and "Answers per exercise" in seen["text"]
    for day in days:  # pseudonymous: no learner's name on the facilitator's page
        assert day["learner"].name not in seen["text"]
    steps["facilitator_page_s"] = round(time.monotonic() - started, 1)

    # 5 (the page). A learner gets 403 from /services/room/; a hub admin gets the page.
    denied = days[2]["learner"].session.get(f"{hub.url}/services/room/", timeout=60)
    assert denied.status_code == 403, (denied.status_code, denied.url)
    with pytest.raises(RuntimeError, match="sign-in"):  # the room's service user (prefix + "room") is blocked
        hub.login("room")
    admin = hub.login("boss", hub.admin_password)
    allowed = admin.get(f"{hub.url}/services/room/", timeout=60)
    assert allowed.status_code == 200 and 'data-testid="learners">5<' in allowed.text

    # 6. The idle learner's server: the culler stops it after CULL_TIMEOUT seconds without use.
    started = time.monotonic()
    while (idle.hub_model().get("servers") or {}) and time.monotonic() - started < CULL_TIMEOUT + 60:
        time.sleep(1)
    assert not idle.hub_model().get("servers"), f"the idle server was not culled:\n{hub.log_tail()}"
    assert re.search(rf"DELETE /hub/api/users/{idle.name}/server .*idle-culler", hub.log_path.read_text()), hub.log_tail()
    steps["cull_wait_after_steps_1_to_5_s"] = round(time.monotonic() - started, 1)
    steps["idle_server_culled_after_ready_s"] = round(time.monotonic() - idle.ready_at, 1)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "hub-steps.json").write_text(json.dumps(steps, indent=2))
