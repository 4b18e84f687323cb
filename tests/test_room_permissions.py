"""The room folder scheme of docs/deploying.md, tried with real unix users (needs root, as CI runs).

Learners can add their own file but cannot list the room, read, change or delete another
learner's file; the facilitators' group can read them all. Each user's part runs in a
forked child that drops to that user, so no interpreter has to be reachable by them.
"""
import os
import secrets
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from workshop.progress import log as progress
from workshop.room import mirror
from workshop.room.reader import RoomReader

pytestmark = pytest.mark.skipif(
    os.name != "posix" or os.geteuid() != 0 or shutil.which("useradd") is None,
    reason="room permissions are tried with real unix users only when the tests run as root (CI does)",
)


def _as_user(uid: int, gid: int, groups: list[int], action) -> int:
    """Run ``action`` as the user in a forked child; its return value (0-255) is the exit code."""
    pid = os.fork()
    if pid == 0:
        code = 99
        try:
            os.setgroups(groups)
            os.setgid(gid)
            os.setuid(uid)
            code = action()
        except BaseException:
            code = 98
        finally:
            os._exit(code)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def _denied(fn) -> int:
    try:
        fn()
    except PermissionError:
        return 0
    return 1


@pytest.fixture
def users():
    tag = secrets.token_hex(3)
    group, names = f"lwif{tag}", [f"lwil{tag}a", f"lwil{tag}b", f"lwif{tag}u"]
    made = []
    try:
        subprocess.run(["groupadd", group], check=True, capture_output=True)
        for name in names:
            subprocess.run(["useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", name], check=True, capture_output=True)
            made.append(name)
        subprocess.run(["usermod", "-aG", group, names[2]], check=True, capture_output=True)
        import grp
        import pwd

        info = {n: pwd.getpwnam(n) for n in names}
        yield {"group": grp.getgrnam(group).gr_gid, "a": info[names[0]], "b": info[names[1]], "facilitator": info[names[2]]}
    finally:
        for name in made:
            subprocess.run(["userdel", name], capture_output=True)
        subprocess.run(["groupdel", group], capture_output=True)


def test_learners_cannot_read_change_or_list_each_others_answers(users, monkeypatch):
    base = Path(tempfile.mkdtemp(prefix="lwi-room-perm-"))
    try:
        os.chmod(base, 0o755)
        room = base / "room"
        fac, group = users["facilitator"], users["group"]
        # The deploying guide's steps: facilitator owns it, the facilitators' group reads, learners only add.
        room.mkdir()
        os.chown(room, fac.pw_uid, group)
        os.chmod(room, 0o3753)
        assert _as_user(fac.pw_uid, fac.pw_gid, [group], lambda: mirror.room_salt(room) and 0) == 0
        monkeypatch.setenv("WORKSHOP_ROOM", str(room))
        monkeypatch.delenv("WORKSHOP_LEARNER", raising=False)
        homes = {}
        for who in ("a", "b"):
            user = users[who]
            home = base / f"home-{who}"
            home.mkdir()
            os.chown(home, user.pw_uid, user.pw_gid)
            homes[who] = home / "progress.jsonl"

            def answer(log=homes[who]):
                progress.record("check", "02.mentor-metric", log, answer="b", status="correct")
                return 0 if list(log.parent.glob("*.room.json")) and mirror.forward(log) else 3

            assert _as_user(user.pw_uid, user.pw_gid, [], answer) == 0, who
        files = sorted(room.glob("*.jsonl"))
        assert len(files) == 2
        owners = {f.stat().st_uid for f in files}
        assert owners == {users["a"].pw_uid, users["b"].pw_uid}
        a_file = next(f for f in files if f.stat().st_uid == users["a"].pw_uid)
        assert all(f.stat().st_gid == group for f in files)  # the setgid folder gives the facilitators' group

        b = users["b"]

        def b_attacks_a() -> int:
            failures = 0
            failures += _denied(lambda: a_file.read_bytes())
            failures += _denied(lambda: open(a_file, "a").write("{}\n"))
            failures += _denied(lambda: os.listdir(room))
            failures += _denied(lambda: a_file.unlink())
            failures += _denied(lambda: a_file.rename(room / "mine.jsonl"))
            return failures

        assert _as_user(b.pw_uid, b.pw_gid, [], b_attacks_a) == 0

        def facilitator_reads_all() -> int:
            reader = RoomReader([room])
            reader.refresh()
            return len(reader.present())

        assert _as_user(fac.pw_uid, fac.pw_gid, [group], facilitator_reads_all) == 2
    finally:
        shutil.rmtree(base, ignore_errors=True)
