"""`workshop progress` in a JupyterLab terminal, as module 10 asks learners to run it (issue 25.10).

The Lab here starts as `make lab` starts it: the venv's bin on PATH and terminals in a non-login
shell (a login shell's /etc/profile resets PATH). The terminal is driven over Jupyter's own
terminal websocket, the same channel the terminal tab uses.
"""
from __future__ import annotations

import json
import time
import urllib.request

import pytest

pytestmark = pytest.mark.browser


def run_in_terminal(lab, command: str, until: str, timeout: float = 60) -> str:
    """Type a command into a new Lab terminal; return what it printed. Runs its own event loop on a
    thread of its own, so Playwright's loop (the browser tests share the session) is left alone."""
    import asyncio
    import threading

    from tornado.websocket import websocket_connect

    request = urllib.request.Request(f"{lab.base}/api/terminals?token={lab.token}", data=b"{}", method="POST",
                                     headers={"Content-Type": "application/json"})
    name = json.loads(urllib.request.urlopen(request, timeout=30).read())["name"]
    url = f"ws://127.0.0.1:{lab.port}/terminals/websocket/{name}?token={lab.token}"

    async def talk():
        socket = await websocket_connect(url)
        await socket.write_message(json.dumps(["stdin", command + "\r"]))
        seen, deadline = "", time.monotonic() + timeout
        while until not in seen and time.monotonic() < deadline:
            message = await socket.read_message()
            if message is None:
                break
            kind, *rest = json.loads(message)
            if kind == "stdout":
                seen += rest[0]
        socket.close()
        return seen

    box: dict = {}

    def work():
        try:
            box["out"] = asyncio.run(asyncio.wait_for(talk(), timeout + 10))
        except BaseException as exc:  # noqa: BLE001 - handed to the test below
            box["error"] = exc

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(timeout + 20)
    if "error" in box:
        raise box["error"]
    return box.get("out", "")


def test_workshop_progress_runs_in_a_lab_terminal(lab):
    out = run_in_terminal(lab, "workshop progress", until="Next")
    assert "command not found" not in out and "not found" not in out
    assert "Progress from" in out and "Total:" in out and "Next" in out
