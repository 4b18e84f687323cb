"""The live view: a dashboard notebook, rendered by Voila, that refreshes every few seconds.

``workshop room live FOLDER`` writes a one-cell notebook and serves it with Voila on a
loopback port. The same cell works in JupyterLab (``Dashboard("FOLDER").show()``), which is
the way on a hub where the facilitator has no port of their own. Each refresh reads only
what is new in the room's files and redraws ipywidgets HTML (charts are inline SVG).
Projector mode: large type, no names or pseudonyms.
"""
from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
import webbrowser
from pathlib import Path

from workshop.room import html_view as view
from workshop.room.reader import RoomReader
from workshop.room.summary import Checker, compute

VIEW_ENV = "WORKSHOP_ROOM_VIEW"
NAMES_ENV = "WORKSHOP_ROOM_VIEW_NAMES"
CAPSTONE_ENV = "WORKSHOP_ROOM_CAPSTONE"
INTERVAL_ENV = "WORKSHOP_ROOM_INTERVAL"

_PROJECTOR_CSS = """
.lwi-room.projector .widget-html-content, .lwi-room.projector .widget-html-content *{font-size:26px !important;line-height:1.3}
.lwi-room.projector .names{display:none}
.lwi-room.projector .widget-html-content svg{zoom:1.4}
.lwi-room.projector .widget-html-content svg, .lwi-room.projector .widget-html-content svg *{font-size:12px !important}
.lwi-room .widget-html-content{font-size:14px}
"""


class Dashboard:
    """The room, live: totals, answers per exercise, misconceptions, pace, stuck learners."""

    def __init__(self, folder, interval: float = 3.0, show_names: bool = False, capstone: str | None = None):
        import ipywidgets as w

        # One room folder, or several (on Zero to JupyterHub, one sub-folder per learner).
        self.folders = [Path(f) for f in folder] if isinstance(folder, (list, tuple)) else [Path(folder)]
        self.interval = interval
        self.allow_names = show_names
        self.capstone = capstone
        self.reader = RoomReader(self.folders)
        self.checker = Checker()
        self.last_refresh_ms = 0.0
        self.projector = w.ToggleButton(description="Projector mode", tooltip="Large type, no names", icon="desktop")
        self.names = w.ToggleButton(description="Show names", tooltip="Show the names learners chose instead of pseudonyms",
                                    disabled=not show_names, value=False)
        self.head = w.HTML()
        self.bars = w.HTML()
        self.table = w.HTML()
        self.misconceptions = w.HTML()
        self.pace = w.HTML()
        self.stuck = w.HTML()
        self.choices = w.Output()  # plotly, through its mimetype renderer (Voila and JupyterLab both have it)
        self._choices_shown = None
        self.problems = w.HTML()
        title = self.folders[0].name if len(self.folders) == 1 else f"{len(self.folders)} folders"
        self.box = w.VBox([
            w.HTML(f"<style>{view.STYLE}{_PROJECTOR_CSS}</style><h2>The room, live: {view.esc(title)}</h2>"),
            w.HBox([self.projector, self.names]), self.head,
            w.HTML("<h3>Answers per exercise</h3>"), self.bars,
            w.HTML("<h3>Misconceptions to discuss now</h3>"), self.misconceptions,
            w.HTML("<h3>How the room chose, per judgement question</h3>"), self.choices,
            w.HTML("<h3>Pace: learners in each module</h3>"), self.pace,
            w.HTML("<h3>Stuck: several attempts, none correct</h3>"), self.stuck,
            self.table, self.problems,
        ])
        self.box.add_class("lwi-room")
        self.projector.observe(self._on_projector, "value")
        self.names.observe(lambda change: self.refresh(), "value")
        self._task = None

    @classmethod
    def from_environment(cls) -> "Dashboard":
        return cls(
            os.environ[VIEW_ENV], interval=float(os.environ.get(INTERVAL_ENV) or 3.0),
            show_names=os.environ.get(NAMES_ENV) == "1", capstone=os.environ.get(CAPSTONE_ENV) or None,
        )

    def _on_projector(self, change) -> None:
        (self.box.add_class if change["new"] else self.box.remove_class)("projector")
        self.refresh()

    def refresh(self):
        """Read what is new, recompute, redraw; returns the figures (for tests and the bench)."""
        start = time.perf_counter()
        self.reader.refresh()
        names = self.allow_names and self.names.value and not self.projector.value
        figures = compute(self.reader.present(), self.checker, capstone=self.capstone, show_names=names)
        self.last_refresh_ms = (time.perf_counter() - start) * 1000
        self.head.value = view.totals(figures, time.strftime("%H:%M:%S") + f" (read and computed in {self.last_refresh_ms:.0f} ms)")
        self.bars.value = view.status_bars(figures, width=760)
        self.misconceptions.value = view.misconception_table(figures, limit=8)
        self.pace.value = view.simple_bars([(f"module {m}", n) for m, n in figures.pace.items()], "Learners in each module", "")
        self.stuck.value = view.stuck_list(figures) if not self.projector.value else (
            f"<p>{len(figures.stuck)} learner-exercise pair(s) stuck</p>")
        self.table.value = view.exercise_table(figures)
        self._draw_choices(figures)
        from workshop.room.poll import poll_notice, publish

        from workshop.room.reader import company_notice

        notices = [n for n in (poll_notice(folder) for folder in self.folders) if n]
        notices += [n for n in (company_notice(self.reader.present()),) if n]
        self.problems.value = view.problems_list(notices + self.reader.problems() + self.checker.notes()) + view.unknown_list(figures)

        for folder in self.folders:
            publish(folder, figures)
        return figures

    def _draw_choices(self, figures) -> None:
        """Redraw the plotly chart only when the distribution changed (a redraw costs the browser)."""
        data = (self.projector.value, [(f.exercise, sorted(f.choices.items())) for f in figures.exercises if f.choices])
        if data == self._choices_shown:
            return
        self._choices_shown = data
        # Set the outputs directly: a refresh runs in a background task, outside any cell, where
        # ``with output:`` would capture nothing.
        outputs = ()
        if data[1]:
            import json

            fig = choice_figure(figures, large=self.projector.value)
            bundle = {"application/vnd.plotly.v1+json": {**json.loads(fig.to_json()), "config": {"displaylogo": False}},
                      "text/plain": "How the room chose, per judgement question"}
            outputs = ({"output_type": "display_data", "data": bundle, "metadata": {}},)
        self.choices.outputs = outputs

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                self.refresh()
            except Exception as exc:  # keep the view alive; say what went wrong
                self.problems.value = f"<p role='alert'>Refresh failed: {view.esc(type(exc).__name__)}; retrying.</p>"

    def show(self):
        from IPython.display import display

        self.refresh()
        display(self.box)
        self._task = asyncio.get_event_loop().create_task(self._loop())
        return None


def choice_figure(figures, large: bool = False):
    """Learners per option for each choice question; the right option says so in its label."""
    import plotly.graph_objects as go

    from workshop.labs.charts import PALETTE
    from workshop.kinds.options import letter

    try:
        from workshop.bank.loader import get_bank

        bank = get_bank().exercises
    except Exception:
        bank = {}
    fig = go.Figure()
    rows = [f for f in figures.exercises if f.choices]
    for f in rows:
        right = {o.key for o in getattr(bank.get(f.exercise), "options", []) if getattr(o, "correct", False)}
        # The letters learners see (A, B, C... in the room's displayed order), not the bank's keys.
        shown = {o.key: i for i, o in enumerate(getattr(bank.get(f.exercise), "shown_options", []))}
        keys = sorted(f.choices, key=lambda k: (shown.get(k, len(shown)), k))
        fig.add_trace(go.Bar(
            y=[f"{f.exercise} {letter(shown[k]) if k in shown else k}{' (right)' if k in right else ''}" for k in keys], x=[f.choices[k] for k in keys],
            orientation="h", name=f.exercise, marker_color=[PALETTE[2] if k in right else PALETTE[1] for k in keys],
            marker_pattern_shape=["" if k in right else "/" for k in keys], hovertemplate="%{y}: %{x} learners<extra></extra>",
        ))
    fig.update_layout(template="simple_white", showlegend=False, height=120 + 28 * sum(len(f.choices) for f in rows),
                      margin={"t": 30, "l": 10, "r": 10, "b": 40}, font={"size": 22 if large else 13},
                      xaxis_title="learners (last answer)", yaxis={"autorange": "reversed"})
    return fig


def dashboard_notebook(folder: Path) -> Path:
    """A one-cell notebook that shows the dashboard (Voila renders only its output)."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(
        "from workshop.labs.charts import use_mimetype_renderer\nuse_mimetype_renderer()\n"
        "from workshop.room.live import Dashboard\nDashboard.from_environment().show()")]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "room-live.ipynb"
    nbformat.write(nb, path)
    return path


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_in_use(port: int) -> bool:
    import socket

    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


class LiveError(Exception):
    """Why the live view did not start, in one sentence."""


def voila_command(notebook: Path, port: int) -> list[str]:
    # No token here: a process's arguments are readable by every local user (``ps``), and on a
    # hub every learner is one. The token is in voila.json beside the notebook (mode 0600).
    return [sys.executable, "-m", "voila", str(notebook), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
            "--VoilaConfiguration.show_tracebacks=False", "--Voila.tornado_settings={'headers':{'Cache-Control':'no-store'}}"]


def _private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


def start(folder: Path, port: int | None = None, show_names: bool = False, capstone: str | None = None,
          interval: float = 3.0, log=None, wait: float = 0.0) -> tuple[subprocess.Popen, str]:
    """Start Voila on the dashboard; return the process and the URL (the caller stops it with ``stop``,
    which also removes its private folder, ``process.workdir``). ``wait``: seconds to wait for it to listen."""
    import json
    import secrets

    if port is not None and not 1 <= port <= 65535:
        raise LiveError(f"The port should be between 1 and 65535, not {port}.")
    if port is not None and port_in_use(port):
        raise LiveError(f"Port {port} is in use; choose another with --port, or leave --port out to use a free one.")
    port = port or free_port()
    workdir = Path(tempfile.mkdtemp(prefix="workshop-room-live-"))  # mode 0700: only the facilitator reads it
    notebook = dashboard_notebook(workdir)
    token = secrets.token_urlsafe(24)
    # Voila reads voila.json from its working folder. port_retries 0: a port taken meanwhile
    # fails, rather than Voila moving to another port while we print the one we asked for.
    _private(workdir / "voila.json", json.dumps({"Voila": {"token": token, "port_retries": 0,
                                                           "connection_dir_root": str(workdir)}}))
    env = {k: v for k, v in os.environ.items() if k != "WORKSHOP_ROOM"}
    env.update({VIEW_ENV: str(Path(folder).resolve()), NAMES_ENV: "1" if show_names else "0",
                CAPSTONE_ENV: capstone or "", INTERVAL_ENV: str(interval)})
    process = subprocess.Popen(voila_command(notebook, port), env=env, cwd=workdir, start_new_session=True,
                               stdout=log or subprocess.DEVNULL, stderr=subprocess.STDOUT if log else subprocess.DEVNULL)
    process.workdir = workdir
    url = f"http://127.0.0.1:{port}/?token={token}"
    if wait and not _listening(process, port, wait):
        stop(process)
        if process.returncode not in (None, 0) and port_in_use(port):
            raise LiveError(f"Port {port} is in use; choose another with --port, or leave --port out to use a free one.")
        raise LiveError("The live view did not start (Voila stopped); the lines above say why.")
    return process, url


def _listening(process: subprocess.Popen, port: int, seconds: float) -> bool:
    import socket

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        with socket.socket() as sock:
            sock.settimeout(0.5)
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.2)
    return False


def stop(process: subprocess.Popen) -> None:
    """Stop Voila and its kernels (its whole process group) and remove its private folder."""
    import shutil
    import signal

    workdir = getattr(process, "workdir", None)
    for sig, grace in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except (ProcessLookupError, PermissionError):
            break
        try:
            process.wait(timeout=grace)
            time.sleep(0.3)  # let the kernels of the group go too
            os.killpg(process.pid, signal.SIGKILL)  # anything of the group still there
        except subprocess.TimeoutExpired:
            continue
        except (ProcessLookupError, PermissionError):
            pass
        break
    if workdir is not None:
        shutil.rmtree(workdir, ignore_errors=True)


def _browser_page(workdir: Path, url: str) -> str:
    """A private page that forwards to the view: the browser's arguments name a file, never the token."""
    import html as _html

    page = workdir / "open.html"
    _private(page, f'<!doctype html><meta http-equiv="refresh" content="0;url={_html.escape(url)}">'
                   f'<a href="{_html.escape(url)}">Open the live view</a>')
    return page.as_uri()


def serve(folder: Path, port: int | None = None, open_browser: bool = True, show_names: bool = False,
          capstone: str | None = None) -> int:
    import signal

    from workshop.room.text import for_terminal

    if not Path(folder).is_dir():
        print(f"The room folder {for_terminal(str(folder))} does not exist; create it with `workshop room init FOLDER`.", file=sys.stderr)
        return 1
    try:
        process, url = start(folder, port, show_names, capstone, log=sys.stderr, wait=120)
    except LiveError as exc:
        print(str(exc), file=sys.stderr)
        return 1

    def terminated(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, terminated)  # `kill` stops Voila too, as Ctrl-C does
    try:
        print(f"The live view of {for_terminal(str(folder))} is at {url} (Ctrl-C stops it).", flush=True)
        if open_browser:
            webbrowser.open(_browser_page(process.workdir, url))
        return process.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        stop(process)
        signal.signal(signal.SIGTERM, previous)
