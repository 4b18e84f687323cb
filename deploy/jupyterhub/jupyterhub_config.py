"""JupyterHub for a one-machine Lead with Impact workshop: the configuration the tests run.

Run it as root, from the hub environment that ``install.sh`` builds:

    sudo LWI_HUB_PASSWORD=... /opt/lead-with-impact-hub/bin/jupyterhub -f deploy/jupyterhub/jupyterhub_config.py

Everything that differs between a workshop and the test is an environment variable (see
README.md beside this file); nothing else needs editing.

- Walk-in sign-up: anyone with the workshop password signs in with a name of their choice
  (JupyterHub's shared-password authenticator). The hub name is the unix name: the prefix
  (``lwi-``) is added to what they type, so no sign-in can ever reach an existing system
  account such as ``root``.
- Each learner is a real unix user, created at first sign-in, with a private home; their
  server runs as them (LocalProcessSpawner), so the room folder's permissions hold.
- The room folder is created at start (owner: the room's service user; group: the
  facilitators' unix group; mode 3753), and every learner's notebooks write to it.
- The live room is a hub service at /services/room/ that only hub admins and members of the
  ``facilitators`` group can open (the facilitator password puts a person in that group).
- The idle culler stops servers idle for longer than the longest break.
"""
from __future__ import annotations

import grp
import os
import pwd
import re
import subprocess
import sys
from pathlib import Path

from jupyterhub.auth import LocalAuthenticator
from jupyterhub.authenticators.shared import SharedPasswordAuthenticator

c = get_config()  # noqa: F821 (JupyterHub provides it)


def env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name, "").strip()
    return value if value else default


PREFIX = Path(env("LWI_HUB_PREFIX", sys.prefix))                       # the hub environment (install.sh)
DATA = Path(env("LWI_HUB_DATA", "/srv/lead-with-impact-hub"))          # database, cookie secret
USER_PREFIX = env("LWI_HUB_USER_PREFIX", "lwi-")                      # every learner's unix name starts with it
HOMES = Path(env("LWI_HUB_HOMES", "/home"))
ROOM = Path(env("LWI_HUB_ROOM", "/srv/workshop-room"))
ROOM_USER = env("LWI_HUB_ROOM_USER", "workshop-room")                 # runs the live room; owns the room folder
ROOM_GROUP = env("LWI_HUB_ROOM_GROUP", "workshop-facilitators")       # reads every learner's room file
FACILITATORS = "facilitators"                                         # the hub group that may open the room
MEM_LIMIT = env("LWI_HUB_MEM_LIMIT", "1G")                             # per learner: see README.md (measured)

if not re.fullmatch(r"[a-z][a-z0-9]{0,7}-?", USER_PREFIX or ""):
    raise SystemExit("LWI_HUB_USER_PREFIX must be 1-8 lower-case letters or digits, optionally ending in '-'.")

# --- Where the hub listens -------------------------------------------------------------------
c.JupyterHub.bind_url = f"http://{env('LWI_HUB_IP', '')}:{env('LWI_HUB_PORT', '8000')}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(env("LWI_HUB_API_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{env('LWI_HUB_PROXY_API_PORT', '8001')}"
c.ConfigurableHTTPProxy.command = [str(PREFIX / "node" / "node_modules" / ".bin" / "configurable-http-proxy")]
DATA.mkdir(parents=True, exist_ok=True)
os.chmod(DATA, 0o700)
c.JupyterHub.db_url = f"sqlite:///{DATA / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(DATA / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(DATA / "jupyterhub.pid")
# How often the hub asks the proxy who was active (the culler reads it). 300 s on a workshop day.
c.JupyterHub.last_activity_interval = int(env("LWI_HUB_ACTIVITY_INTERVAL", "300"))
c.JupyterHub.template_vars = {
    "announcement_login": "Sign in with a name of your choice (letters and digits) and the workshop password.",
}


def plain_name(typed: str, prefix: str) -> str:
    """What a learner typed, as a unix name: lower case, separators dropped, the prefix added once."""
    name = typed.strip().lower()
    if name.startswith(prefix):
        name = name[len(prefix):]
    name = re.sub(r"[\s.'_-]+", "", name)
    return prefix + name if name else ""


# --- Walk-in sign-up: one shared password, a real unix user per learner ------------------------
class WorkshopAuthenticator(LocalAuthenticator, SharedPasswordAuthenticator):
    """The shared-password authenticator, creating a unix user at each new name's first sign-in."""

    def normalize_username(self, username: str) -> str:
        # "Ada Lovelace" -> "lwi-adalovelace". Idempotent: JupyterHub normalises more than once.
        return plain_name(username, USER_PREFIX)


c.JupyterHub.authenticator_class = WorkshopAuthenticator
c.SharedPasswordAuthenticator.user_password = env("LWI_HUB_PASSWORD")
c.SharedPasswordAuthenticator.admin_password = env("LWI_HUB_ADMIN_PASSWORD")  # 32+ characters
c.Authenticator.admin_users = {plain_name(n, USER_PREFIX) for n in (env("LWI_HUB_ADMINS", "") or "").split(",") if n.strip()}
c.Authenticator.allow_all = True
# Nobody signs in as the room's service user (it owns the room folder and reads every answer), even
# when its name happens to start with the learners' prefix.
c.Authenticator.blocked_users = {ROOM_USER}
# Letters and digits after the prefix, 1-20 of them: a safe unix name, never an existing account.
c.Authenticator.username_pattern = rf"^{re.escape(USER_PREFIX)}[a-z][a-z0-9]{{0,19}}$"
# The facilitator password signs a person in as a learner AND puts them in the `facilitators` group.
# Membership follows the password used at each sign-in: the learner password leaves the group.
_facilitator_password = env("LWI_HUB_FACILITATOR_PASSWORD")
if _facilitator_password:
    if _facilitator_password == env("LWI_HUB_PASSWORD"):
        raise SystemExit("LWI_HUB_FACILITATOR_PASSWORD must differ from LWI_HUB_PASSWORD.")
    c.SharedPasswordAuthenticator.manage_groups = True
    c.SharedPasswordAuthenticator.password_groups = {_facilitator_password: [FACILITATORS]}
c.LocalAuthenticator.create_system_users = True
# Private homes (0700) under HOMES; the name is appended by JupyterHub.
c.LocalAuthenticator.add_user_cmd = [
    "useradd", "--create-home", "--base-dir", str(HOMES), "--shell", "/bin/bash",
    "--comment", "Lead with Impact learner", "-K", "HOME_MODE=0700",
]

# --- Each learner's server, as them, from the hub environment -----------------------------------
c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
c.Spawner.cmd = [str(PREFIX / "bin" / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
c.Spawner.env_keep = []  # nothing of root's environment reaches a learner
c.Spawner.environment = {
    "PATH": f"{PREFIX / 'bin'}:/usr/local/bin:/usr/bin:/bin",
    "LANG": "C.UTF-8",
    "WORKSHOP_ROOM": str(ROOM),
    # How often each server tells the hub it is in use (the culler reads it).
    "JUPYTERHUB_ACTIVITY_INTERVAL": env("LWI_HUB_ACTIVITY_INTERVAL", "300"),
}
if env("LWI_HUB_SOLUTIONS"):  # "locked" for the room, "open" at the end (docs/deploying.md)
    c.Spawner.environment["WORKSHOP_SOLUTIONS"] = env("LWI_HUB_SOLUTIONS")
# Memory: about 306 MiB in use per learner (server + kernel) after the whole day, measured with
# `make bench-hub`; plan 0.5 GiB each (docs/deploying.md, "Sizing a one-machine hub"). The local
# spawner does not enforce limits: this figure is what JupyterLab is told (MEM_LIMIT), and the
# machine is sized so that it is never reached.
c.Spawner.mem_limit = MEM_LIMIT
# 30 servers starting at 9:00 on two cores: give each time to start.
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180


def _private_home(spawner) -> None:
    """A learner created before this configuration (or by hand) still gets a private home."""
    user = pwd.getpwnam(spawner.user.name)
    home = Path(user.pw_dir)
    if not home.exists():
        home.mkdir(parents=True)
        os.chown(home, user.pw_uid, user.pw_gid)
    os.chmod(home, 0o700)


c.Spawner.pre_spawn_hook = _private_home


# --- The room folder: learners add their own file, only facilitators read -----------------------
def _run(*cmd: str) -> None:
    subprocess.run(cmd, check=True, capture_output=True)


def prepare_room() -> None:
    try:
        grp.getgrnam(ROOM_GROUP)
    except KeyError:
        _run("groupadd", "--system", ROOM_GROUP)
    try:
        pwd.getpwnam(ROOM_USER)
    except KeyError:
        _run("useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin",
             "--gid", ROOM_GROUP, "--comment", "Lead with Impact live room", ROOM_USER)
    owner, group = pwd.getpwnam(ROOM_USER).pw_uid, grp.getgrnam(ROOM_GROUP).gr_gid
    for parent in reversed(ROOM.parents):  # every learner must be able to reach the folder
        if parent.exists() and not os.stat(parent).st_mode & 0o001:
            raise SystemExit(f"{parent} is not searchable by other users: learners could not reach {ROOM}.")
    ROOM.mkdir(parents=True, exist_ok=True)
    os.chown(ROOM, owner, group)
    os.chmod(ROOM, 0o3753)  # setgid, sticky, rwx owner, r-x group, -wx others (docs/deploying.md)
    salt = ROOM / ".salt"
    if not salt.exists():  # the room's salt, readable by learners (as `workshop room init` makes it)
        from workshop.room.mirror import room_salt

        room_salt(ROOM)
    os.chown(salt, owner, group)


prepare_room()

# --- Services: the live room and the idle culler ------------------------------------------------
_python = str(PREFIX / "bin" / "python")
c.JupyterHub.services = [
    {
        "name": "room",
        "url": f"http://127.0.0.1:{env('LWI_HUB_ROOM_PORT', '8102')}",
        "command": [_python, "-m", "workshop.room.hub_service"],
        "user": ROOM_USER,
        "cwd": "/",
        "environment": {
            "WORKSHOP_ROOM_VIEW": str(ROOM),
            "WORKSHOP_ROOM_INTERVAL": env("LWI_HUB_ROOM_INTERVAL", "3"),
            "PATH": f"{PREFIX / 'bin'}:/usr/bin:/bin",
            "LANG": "C.UTF-8",
        },
        "display": True,
        "oauth_no_confirm": True,
    },
    {
        "name": "idle-culler",
        "command": [
            _python, "-m", "jupyterhub_idle_culler",
            # Longer than the longest break, lunch included: a stopped server costs minutes to restart.
            f"--timeout={env('LWI_HUB_CULL_TIMEOUT', '5400')}",
            f"--cull-every={env('LWI_HUB_CULL_EVERY', '300')}",
        ],
    },
]
c.JupyterHub.load_roles = [
    # Hub admins have access:services already; the facilitators' group gets the room only.
    {"name": "room-facilitators", "description": "Open the live room", "scopes": ["access:services!service=room"],
     "groups": [FACILITATORS]},
    {"name": "idle-culler", "description": "Stop idle servers",
     "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"], "services": ["idle-culler"]},
]
