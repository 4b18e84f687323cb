"""The live room as a JupyterHub service, at /services/room/ on the hub.

JupyterHub starts it (deploy/jupyterhub/jupyterhub_config.py) as the room folder's owner, with
``WORKSHOP_ROOM_VIEW`` naming the folder. People sign in through the hub (OAuth); only those
the hub grants ``access:services!service=room`` (hub admins, and the ``facilitators`` group)
get the page: anyone else gets 403, from the hub or from here.

The page is the room's report (``workshop room --html``: the same figures as the live view),
recomputed from what is new in the folder every few seconds and reloaded by the browser; it runs
no script. ``?projector=1`` hides every name and pseudonym for the screen that faces the room.
While it runs it also publishes poll mode's distributions, as the live view does.

Without a hub, ``workshop room live FOLDER`` is still the live view.
"""
from __future__ import annotations

import os
import re
import time
from pathlib import Path
from urllib.parse import urlparse

from jupyterhub.services.auth import HubOAuthCallbackHandler, HubOAuthenticated
from jupyterhub.utils import url_path_join
from tornado import ioloop, web

from workshop.room import html_view as view
from workshop.room import report
from workshop.room.live import CAPSTONE_ENV, INTERVAL_ENV, VIEW_ENV
from workshop.room.reader import RoomReader
from workshop.room.summary import Checker, compute

class Room:
    """One reader for the whole service: each refresh reads only what is new in the files."""

    def __init__(self, folder: Path, capstone: str | None = None):
        self.folder = Path(folder)
        self.capstone = capstone
        self.reader = RoomReader([self.folder])
        self.checker = Checker()
        self.figures = None
        self.refreshed = 0.0
        self.last_refresh_ms = 0.0

    def refresh(self):
        start = time.perf_counter()
        self.reader.refresh()
        self.figures = compute(self.reader.present(), self.checker, capstone=self.capstone, show_names=False)
        self.last_refresh_ms = (time.perf_counter() - start) * 1000
        self.refreshed = time.time()
        try:
            from workshop.room.poll import publish

            publish(self.folder, self.figures)
        except OSError:
            pass  # poll mode is a courtesy; the page must not fail for it
        return self.figures

    def page(self, interval: float, projector: bool = False, base: str = "") -> str:
        figures = self.figures if self.figures is not None else self.refresh()
        stamp = time.strftime("%H:%M:%S", time.localtime(self.refreshed))
        html = report.render(figures, self.reader.problems(), title=f"The room, live: {self.folder.name}")
        refresh = max(1, round(interval))
        other = ("Normal view", base) if projector else ("Projector mode (large type, no names)", base + "?projector=1")
        bar = (f"<p class='muted' data-testid='updated'>Updated {stamp} (read and computed in {self.last_refresh_ms:.0f} ms); "
               f"this page reloads every {refresh} s (<a href='{view.esc(other[1])}'>{view.esc(other[0])}</a>).</p>")
        html = html.replace("<head>", f"<head><meta http-equiv='refresh' content='{refresh}'>", 1)
        html = html.replace("<main class='lwi-room'>", f"<main class='lwi-room{' projector' if projector else ''}'>", 1)
        # The report's "Made ... by workshop room --html" line becomes the live page's status line.
        made = re.compile(r"<p class='muted'>Made .*? by <code>workshop room --html</code>\.(.*?)</p>", re.S)
        if made.search(html):
            return made.sub(lambda m: bar.replace("</p>", m.group(1) + "</p>"), html, count=1)
        return html.replace("</h1>", "</h1>" + bar, 1)


class RoomHandler(HubOAuthenticated, web.RequestHandler):
    """The page. The hub's OAuth decides who gets in; the user model is checked again here."""

    def initialize(self, room: Room, interval: float):
        self.room, self.interval = room, interval

    @property
    def hub_scopes(self):
        # Explicit, so that a service started without the hub's environment lets nobody in
        # (JupyterHub's default would allow every hub user when the variable is missing).
        return {f"access:services!service={os.environ.get('JUPYTERHUB_SERVICE_NAME', 'room')}"}

    @web.authenticated
    def get(self):
        if time.time() - self.room.refreshed > self.interval:
            self.room.refresh()
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        self.write(self.room.page(self.interval, projector=self.get_argument("projector", "") == "1",
                                  base=os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/")))


def make_app(folder: Path, prefix: str = "/", interval: float = 3.0, capstone: str | None = None) -> web.Application:
    room = Room(folder, capstone)
    args = {"room": room, "interval": interval}
    return web.Application([
        (prefix, RoomHandler, args),
        (url_path_join(prefix, "oauth_callback"), HubOAuthCallbackHandler),
        (url_path_join(prefix, r".*"), RoomHandler, args),
    ], cookie_secret=os.urandom(32), room=room)


def main() -> None:
    folder = Path(os.environ[VIEW_ENV])
    interval = float(os.environ.get(INTERVAL_ENV) or 3.0)
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/")
    app = make_app(folder, prefix, interval, os.environ.get(CAPSTONE_ENV) or None)
    room = app.settings["room"]
    # Keep the figures fresh between page loads, so a reload shows the room as of a moment ago.
    ioloop.PeriodicCallback(room.refresh, max(interval, 1) * 1000).start()
    url = urlparse(os.environ["JUPYTERHUB_SERVICE_URL"])
    app.listen(url.port, url.hostname)
    # The first refresh (which loads the exercise bank) runs in the loop, after the hub has seen the
    # service answer. Not in a thread: the bank's first load is not thread-safe.
    ioloop.IOLoop.current().start()


if __name__ == "__main__":
    main()
