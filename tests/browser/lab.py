"""A real JupyterLab for browser tests: a copy of the notebooks, a free loopback port, a token."""
from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def quiet_lab_settings(folder: Path) -> None:
    """No news pop-ups, and every cell kept in the page (no windowing) so tests can find it."""
    settings = {
        "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
        "notebook-extension/tracker": {"windowingMode": "none"},
    }
    for name, values in settings.items():
        plugin, file = name.split("/")
        target = folder / "@jupyterlab" / plugin
        target.mkdir(parents=True, exist_ok=True)
        (target / f"{file}.jupyterlab-settings").write_text(json.dumps(values))


class Lab:
    def __init__(self, workdir: Path, env: dict[str, str]):
        self.workdir, self.port, self.token = workdir, free_port(), secrets.token_hex(16)
        self.env = {**os.environ, **env}
        self.log = open(workdir / "jupyterlab.log", "w")
        self.process = None

    def start(self, timeout: float = 180) -> "Lab":
        root = self.workdir / "notebooks"
        shutil.copytree(ROOT / "notebooks", root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        settings = self.workdir / "lab-settings"
        quiet_lab_settings(settings)
        self.env.update(JUPYTERLAB_SETTINGS_DIR=str(settings), JUPYTERLAB_WORKSPACES_DIR=str(self.workdir / "ws"))
        # As `make lab` does: the venv's bin first on PATH, and terminals in a non-login shell that keeps it.
        self.env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{self.env.get('PATH', '')}"
        shell = self.env.get("SHELL") or "/bin/sh"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={self.port}",
             f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={root}",
             "--ServerApp.open_browser=False", "--LabApp.news_url=", "--allow-root",
             f"--ServerApp.terminado_settings=shell_command={shell}"],
            env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.base}/api/status?token={self.token}", timeout=2)
                return self
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"JupyterLab did not start; see {self.workdir / 'jupyterlab.log'}")

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, notebook: str) -> str:
        # A fresh workspace each time, so no tab from an earlier test is restored.
        return f"{self.base}/lab/workspaces/t{secrets.token_hex(4)}/tree/{notebook}?reset&token={self.token}"

    def forget_learner(self) -> None:
        """Shut every kernel and empty the progress log: each test starts as a new learner.

        One JupyterLab serves a whole worker's tests (starting one costs a minute), so without
        this a test inherits the answers, restored widgets and kernels of the tests before it.
        """
        import json

        api = f"{self.base}/api/sessions?token={self.token}"
        with urllib.request.urlopen(api, timeout=10) as response:
            sessions = json.load(response)
        for session in sessions:
            request = urllib.request.Request(f"{self.base}/api/sessions/{session['id']}?token={self.token}", method="DELETE")
            urllib.request.urlopen(request, timeout=30).close()
        for log in self.workdir.glob("progress*.jsonl*"):
            log.unlink()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()
