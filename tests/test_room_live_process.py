"""Issue 23, finding 4: the live view's process. Its token never in a process's arguments, a taken
port refused (or the real one printed), SIGTERM stops Voila and its kernels and leaves no temp folder."""
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workshop.cli import main

pytestmark = pytest.mark.skipif(os.name != "posix", reason="process groups and ps are POSIX")


def _launch(room: Path, tmp: Path, *extra):
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    return subprocess.Popen([sys.executable, "-m", "workshop", "room", "live", str(room), "--no-browser", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True)


def _url(process, seconds=90) -> str:
    deadline = time.time() + seconds
    while time.time() < deadline:
        line = process.stdout.readline()
        if "http://" in line:
            return line.split("http://", 1)[1].split()[0].rstrip(").,")
        if process.poll() is not None:
            raise AssertionError(f"the live view stopped: {process.stderr.read()[-2000:]}")
    raise AssertionError("no URL printed")


def _all_args() -> str:
    return subprocess.run(["ps", "-ww", "-eo", "args"], capture_output=True, text=True).stdout


def _stop(process):
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except OSError:
        pass


def test_the_token_is_in_no_process_arguments_and_sigterm_stops_everything(tmp_path):
    room, tmp = tmp_path / "room", tmp_path / "tmp"
    room.mkdir()
    tmp.mkdir()
    process = _launch(room, tmp)
    try:
        url = _url(process)
        token = url.split("token=", 1)[1]
        assert len(token) >= 20
        args = _all_args()
        assert token not in args
        assert str(tmp) in args or "voila" in args  # Voila is running (from our temp folder)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        time.sleep(1)
        assert "voila" not in " ".join(line for line in _all_args().splitlines() if str(tmp) in line)
        assert not [p for p in tmp.iterdir() if p.name.startswith(("workshop-room-live-", "voila_"))], list(tmp.iterdir())
    finally:
        _stop(process)


def test_a_taken_port_is_refused(tmp_path):
    room = tmp_path / "room"
    room.mkdir()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = _launch(room, tmp_path, "--port", str(port))
        try:
            out, err = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            _stop(process)
            out, err = process.communicate()
            raise AssertionError(f"a taken port was not refused; it printed {out!r}")
        finally:
            _stop(process)
    assert process.returncode != 0
    assert f"{port}" in err and "in use" in err


@pytest.mark.parametrize("port", ["70000", "0", "-1"])
def test_a_port_out_of_range_is_refused(tmp_path, capsys, port):
    assert main(["room", "live", str(tmp_path), "--no-browser", "--port", port]) == 2
    assert "between 1 and 65535" in capsys.readouterr().err
