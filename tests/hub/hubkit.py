"""A real JupyterHub for tests and the bench: the deploy/jupyterhub configuration, on loopback ports.

``Hub`` starts the hub (which starts configurable-http-proxy, the live room service and the idle
culler) from the hub environment install.sh builds, in its own session, and stops it by PID:
the hub first (it stops the servers it spawned), then every process it left, then every unix
user and group made under the run's prefix (``userdel -r``). ``Learner`` signs in through the
login form as a browser would, starts a server, pulls the workshop with an nbgitpuller link and
runs code in its own kernel over the kernel websocket.
"""
from __future__ import annotations

import grp
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
import uuid
from pathlib import Path
from urllib.parse import quote, urlencode

import requests

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"
HUB_PREFIX = Path(os.environ.get("LWI_HUB_PREFIX") or "/opt/lead-with-impact-hub")
RUN_PREFIX = "lwh"  # unix names of every test or bench run start with it, then 5 hex digits


def missing_reason(browser: bool = False) -> str | None:
    """Why a real hub (and, with ``browser``, Chromium to watch it) cannot run here, or None."""
    if os.name != "posix" or os.geteuid() != 0:
        return "the real-hub test needs root (it creates unix users); CI runs as root"
    if shutil.which("useradd") is None or shutil.which("userdel") is None:
        return "the real-hub test needs useradd and userdel"
    if shutil.which("git") is None:
        return "the real-hub test needs git (nbgitpuller and the local git daemon)"
    for path in (HUB_PREFIX / "bin" / "jupyterhub", HUB_PREFIX / "node" / "node_modules" / ".bin" / "configurable-http-proxy"):
        if not path.exists():
            return f"the hub environment is missing ({path}): run `sudo deploy/jupyterhub/install.sh` (.ci/run does)"
    if browser and not (shutil.which("chromium") or shutil.which("chromium-browser")):
        return "the real-hub test watches the room in Debian's chromium, which is not installed (.ci/run installs it)"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _processes_of(uids: set[int]):
    import psutil

    for proc in psutil.process_iter(["uids"]):
        try:
            if proc.info["uids"] and proc.info["uids"].real in uids:
                yield proc
        except Exception:
            continue


def remove_run_users(prefix: str) -> list[str]:
    """Kill every process of the run's users, then ``userdel -r`` them and ``groupdel`` their groups."""
    names = [p.pw_name for p in pwd.getpwall() if p.pw_name.startswith(prefix)]
    uids = {pwd.getpwnam(n).pw_uid for n in names}
    for _ in range(3):
        procs = list(_processes_of(uids))
        if not procs:
            break
        for proc in procs:
            try:
                proc.kill()
            except Exception:
                pass
        time.sleep(0.3)
    for name in names:
        subprocess.run(["userdel", "-r", name], capture_output=True)
    for group in [g.gr_name for g in grp.getgrall() if g.gr_name.startswith(prefix)]:
        subprocess.run(["groupdel", group], capture_output=True)
    return names


def remove_stale_runs() -> None:
    """Users left by a run that was killed before its finaliser (lwh + 5 hex digits)."""
    prefixes = {p.pw_name[:8] for p in pwd.getpwall() if re.match(rf"^{RUN_PREFIX}[0-9a-f]{{5}}", p.pw_name)}
    for prefix in prefixes:
        remove_run_users(prefix)


class GitDaemon:
    """The workshop's repository, served read-only on 127.0.0.1 (as a hub would pull from a forge)."""

    def __init__(self, workdir: Path, name: str = "lead-with-impact"):
        self.base = workdir / "git"
        self.name = name
        self.port = free_port()
        self.process = None

    def start(self) -> "GitDaemon":
        bare = self.base / f"{self.name}.git"
        bare.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
        env = {**os.environ, "GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "safe.directory", "GIT_CONFIG_VALUE_0": "*"}
        # The working tree as it is (committed or not), as one commit on main.
        tree_env = {**env, "GIT_INDEX_FILE": str(self.base / "index")}
        subprocess.run(["git", "-C", str(ROOT), "add", "-A", "--", "."], env=tree_env, check=True, capture_output=True)
        tree = subprocess.run(["git", "-C", str(ROOT), "write-tree"], env=tree_env, check=True, capture_output=True, text=True).stdout.strip()
        commit = subprocess.run(["git", "-C", str(ROOT), "-c", "user.name=test", "-c", "user.email=test@example.invalid",
                                 "commit-tree", tree, "-m", "workshop"], env=env, check=True, capture_output=True, text=True).stdout.strip()
        subprocess.run(["git", "-C", str(ROOT), "push", "-q", str(bare), f"{commit}:refs/heads/main"], env=env, check=True, capture_output=True)
        self.process = subprocess.Popen(
            ["git", "daemon", "--reuseaddr", "--listen=127.0.0.1", f"--port={self.port}", f"--base-path={self.base}",
             "--export-all", "--informative-errors", str(self.base)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("git daemon did not start")

    @property
    def url(self) -> str:
        return f"git://127.0.0.1:{self.port}/{self.name}"

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


class Hub:
    def __init__(self, workdir: Path, *, cull_timeout: int = 5400, cull_every: int = 300, activity_interval: int = 300,
                 prefix: str | None = None):
        self.workdir = Path(workdir)
        self.prefix = prefix or f"{RUN_PREFIX}{secrets.token_hex(3)[:5]}"
        self.port = free_port()
        self.password = secrets.token_urlsafe(12)
        self.facilitator_password = secrets.token_urlsafe(12)
        self.admin_password = secrets.token_urlsafe(32)
        self.room = self.workdir / "room"
        self.homes = self.workdir / "homes"
        self.env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "LANG": "C.UTF-8",
            "LWI_HUB_PREFIX": str(HUB_PREFIX), "LWI_HUB_DATA": str(self.workdir / "data"),
            "LWI_HUB_USER_PREFIX": self.prefix, "LWI_HUB_HOMES": str(self.homes),
            "LWI_HUB_ROOM": str(self.room), "LWI_HUB_ROOM_USER": f"{self.prefix}room", "LWI_HUB_ROOM_GROUP": f"{self.prefix}fac",
            "LWI_HUB_PASSWORD": self.password, "LWI_HUB_FACILITATOR_PASSWORD": self.facilitator_password,
            "LWI_HUB_ADMIN_PASSWORD": self.admin_password, "LWI_HUB_ADMINS": "boss",
            "LWI_HUB_IP": "127.0.0.1", "LWI_HUB_PORT": str(self.port), "LWI_HUB_API_PORT": str(free_port()),
            "LWI_HUB_PROXY_API_PORT": str(free_port()), "LWI_HUB_ROOM_PORT": str(free_port()),
            "LWI_HUB_CULL_TIMEOUT": str(cull_timeout), "LWI_HUB_CULL_EVERY": str(cull_every),
            "LWI_HUB_ACTIVITY_INTERVAL": str(activity_interval),
        }
        self.process = None
        self.descendants: set[int] = set()
        self.log_path = self.workdir / "jupyterhub.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 120) -> "Hub":
        # Learners must be able to reach their homes and the room through every parent folder.
        for folder in (self.workdir, self.homes):
            folder.mkdir(parents=True, exist_ok=True)
            os.chmod(folder, 0o755)
        parent = self.workdir.parent
        while parent != parent.parent:
            if not os.stat(parent).st_mode & 0o001:
                raise RuntimeError(f"{parent} is not searchable by other users; run the hub under another folder")
            parent = parent.parent
        (self.workdir / "data").mkdir(exist_ok=True)
        self._log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [str(HUB_PREFIX / "bin" / "jupyterhub"), "-f", str(CONFIG)], env=self.env, cwd=self.workdir / "data",
            stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the hub exited with {self.process.returncode}:\n{self.log_tail()}")
            if b"JupyterHub is now running" in self.log_path.read_bytes():
                self._remember_children()
                return self
            time.sleep(0.25)
        raise RuntimeError(f"the hub did not start in {timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def _remember_children(self) -> None:
        """Every process the hub started (proxy, services, servers, their kernels), to stop by PID."""
        import psutil

        try:
            self.descendants |= {p.pid for p in psutil.Process(self.process.pid).children(recursive=True)}
        except psutil.Error:
            pass

    def stop(self) -> None:
        import psutil

        if self.process is not None:
            self._remember_children()
            # The hub stops its services one by one, each after a 10-20 s grace, and each server
            # after a grace too: a test has no work to save, so stop them all now, by PID.
            for pid in self.descendants:
                try:
                    proc = psutil.Process(pid)
                    if "configurable-http-proxy" not in " ".join(proc.cmdline()):
                        proc.terminate()
                except psutil.Error:
                    pass
            if self.process.poll() is None:
                self.process.send_signal(signal.SIGTERM)  # the hub stops the servers, the services and the proxy
                try:
                    self.process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()
            for pid in self.descendants:
                try:
                    proc = psutil.Process(pid)
                    proc.kill()
                    proc.wait(timeout=5)
                except psutil.Error:
                    pass
            self._log.close()
            self.process = None
        remove_run_users(self.prefix)

    def rss_mib(self) -> dict[str, float]:
        """Resident memory of the hub and the proxy (MiB)."""
        import psutil

        out = {"hub": psutil.Process(self.process.pid).memory_info().rss / 2**20, "proxy": 0.0}
        for child in psutil.Process(self.process.pid).children(recursive=True):
            try:
                if "configurable-http-proxy" in " ".join(child.cmdline()):
                    out["proxy"] += child.memory_info().rss / 2**20
            except psutil.Error:
                pass
        return out

    def login(self, name: str, password: str | None = None, next_url: str = "") -> requests.Session:
        """Sign in through the login form, as a browser does (the form's _xsrf, its cookies)."""
        session = requests.Session()
        page = session.get(f"{self.url}/hub/login", timeout=30)
        page.raise_for_status()
        xsrf = session.cookies.get("_xsrf") or re.search(r'name="_xsrf" value="([^"]+)"', page.text).group(1)
        response = session.post(f"{self.url}/hub/login?next={quote(next_url)}", timeout=60, allow_redirects=False,
                                data={"username": name, "password": password or self.password, "_xsrf": xsrf})
        if response.status_code != 302:
            raise RuntimeError(f"sign-in of {name!r} failed: {response.status_code}")
        return session


class _NotStarted(Exception):
    """The websocket closed before any reply to our request: the code never ran."""


class Learner:
    """One learner: a browser-like session, then a token for the REST API and the kernel websocket."""

    def __init__(self, hub: Hub, typed_name: str):
        self.hub, self.typed_name = hub, typed_name
        self.name = hub.prefix + re.sub(r"[^a-z0-9]", "", typed_name.lower())
        self.session: requests.Session | None = None
        self.token = None
        self.times: dict[str, float] = {}

    @property
    def server(self) -> str:
        return f"{self.hub.url}/user/{self.name}"

    def _xsrf(self) -> dict:
        return {"X-XSRFToken": self.session.cookies.get("_xsrf", path="/hub/") or self.session.cookies.get("_xsrf")}

    def sign_in_and_start(self, timeout: float = 240) -> float:
        """Sign in, start the server as the login's redirect does, wait until it is ready; seconds taken."""
        start = time.monotonic()
        self.session = self.hub.login(self.typed_name)
        self.session.get(f"{self.hub.url}/hub/spawn", allow_redirects=False, timeout=120)
        deadline = start + timeout
        while time.monotonic() < deadline:
            model = self.session.get(f"{self.hub.url}/hub/api/users/{self.name}", headers=self._xsrf(), timeout=30).json()
            server = (model.get("servers") or {}).get("")
            if server and server.get("ready"):
                break
            time.sleep(0.25)
        else:
            raise RuntimeError(f"{self.name}'s server was not ready in {timeout:.0f} s")
        response = self.session.post(f"{self.hub.url}/hub/api/users/{self.name}/tokens", headers=self._xsrf(),
                                     json={"note": "test", "expires_in": 3600}, timeout=30)
        response.raise_for_status()
        self.token = response.json()["token"]
        self.ready_at = time.monotonic()
        self.times["sign_in_to_ready"] = self.ready_at - start
        return self.times["sign_in_to_ready"]

    def api(self, method: str, path: str, **kwargs):
        headers = {"Authorization": f"token {self.token}", **kwargs.pop("headers", {})}
        return requests.request(method, f"{self.server}{path}", headers=headers, timeout=kwargs.pop("timeout", 60), **kwargs)

    def hub_model(self) -> dict:
        return requests.get(f"{self.hub.url}/hub/api/users/{self.name}", headers={"Authorization": f"token {self.token}"},
                            timeout=30).json()

    def pull(self, repo: str, branch: str = "main") -> float:
        """Open the nbgitpuller link (the page a learner sees), then run the pull it starts."""
        start = time.monotonic()
        folder = repo.rstrip("/").split("/")[-1]
        link = (f"{self.hub.url}/hub/user-redirect/git-pull?"
                + urlencode({"repo": repo, "branch": branch, "urlpath": f"lab/tree/{folder}/notebooks/00_welcome.ipynb"}))
        page = self.session.get(link, timeout=60)
        if page.status_code != 200 or "nbgitpuller" not in page.text.lower():
            raise RuntimeError(f"the nbgitpuller link gave {page.status_code} at {page.url}")
        # The page's script opens this event stream; the pull runs while it is open.
        stream = self.api("GET", "/git-pull/api?" + urlencode({"repo": repo, "branch": branch}), stream=True, timeout=180)
        phases = []
        for line in stream.iter_lines(decode_unicode=True):
            if line and line.startswith("data:"):
                event = json.loads(line[5:])
                phases.append(event)
                if event.get("phase") in ("finished", "error"):
                    break
        stream.close()
        if not phases or phases[-1].get("phase") != "finished":
            raise RuntimeError(f"nbgitpuller did not finish: {phases[-1:]}")
        listing = self.api("GET", f"/api/contents/{folder}/notebooks").json()
        self.times["pull"] = time.monotonic() - start
        return [entry["name"] for entry in listing.get("content", [])]

    def start_kernel(self, path: str = "") -> str:
        response = self.api("POST", "/api/kernels", json={"name": "python3", "path": path})
        response.raise_for_status()
        return response.json()["id"]

    def execute(self, kernel_id: str, code: str, timeout: float = 180) -> dict:
        """Run code in the kernel over its websocket; returns stdout, the result and any error.

        If the server closes the websocket before the kernel has started on the code (it does when
        a kernel is slow to answer its first request), connect again and resend, as JupyterLab does.
        """
        for attempt in range(4):
            try:
                return self._execute(kernel_id, code, timeout)
            except _NotStarted:
                time.sleep(2)
        raise RuntimeError(f"the kernel of {self.name} never started on the code")

    def _execute(self, kernel_id: str, code: str, timeout: float) -> dict:
        import websocket

        ws_url = self.server.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels"
        ws = websocket.create_connection(ws_url, header=[f"Authorization: token {self.token}"], timeout=timeout)
        try:
            msg_id = uuid.uuid4().hex
            ws.send(json.dumps({
                "header": {"msg_id": msg_id, "username": self.name, "session": uuid.uuid4().hex, "msg_type": "execute_request",
                           "version": "5.3", "date": ""},
                "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                            "allow_stdin": False, "stop_on_error": True},
            }))
            out = {"stdout": "", "error": None, "status": None}
            idle = replied = False
            deadline = time.monotonic() + timeout
            started = False
            while not (idle and replied) and time.monotonic() < deadline:
                try:
                    msg = json.loads(ws.recv())
                except websocket.WebSocketConnectionClosedException:
                    if not started:
                        raise _NotStarted() from None
                    raise
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                started = True
                kind = msg["header"]["msg_type"]
                if kind == "stream" and msg["content"].get("name") == "stdout":
                    out["stdout"] += msg["content"]["text"]
                elif kind == "error":
                    out["error"] = f"{msg['content']['ename']}: {msg['content']['evalue']}"
                elif kind == "status" and msg["content"]["execution_state"] == "idle":
                    idle = True
                elif kind == "execute_reply":
                    replied, out["status"] = True, msg["content"]["status"]
            if not (idle and replied):
                raise RuntimeError(f"the kernel did not finish in {timeout:.0f} s")
            return out
        finally:
            ws.close()
