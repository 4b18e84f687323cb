"""Size a one-machine workshop hub from measurement: 30 learners on the real deploy/jupyterhub.

    sudo make bench-hub            # or: sudo .venv/bin/python scripts/bench_hub.py --learners 30

Starts the tested hub (tests/hub/hubkit.py) on loopback ports, then:
1. all learners sign in through the login form at once, as a room does at 9:00, and wait for
   their servers: the time from sign-in to a ready server (median, 90th percentile, max);
2. each pulls the workshop with the nbgitpuller link and runs module 00's checks in their own
   kernel over the websocket;
3. memory: the hub and the proxy; each learner's processes (server plus kernel: RSS and PSS);
   one learner also runs every code cell of all module notebooks in one kernel, as a whole day
   does, and that kernel's memory is measured too;
4. the live view's delay: a learner checks an answer, and the facilitator's /services/room/ page
   is fetched until it counts it (plus up to one browser reload, 3 s, on a projector).
Prints a summary and writes test-artifacts/bench-hub.json. Leaves no process or unix user behind.
"""
from __future__ import annotations

import argparse
import json
import os
import pwd
import re
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hub.hubkit import GitDaemon, Hub, Learner, missing_reason, remove_stale_runs  # noqa: E402

MIB = 2**20


def _pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(p / 100 * len(values)) - 1))]


def _answers(module: str) -> list[tuple[str, object]]:
    """An answer for each checkable exercise of a module: the keyed option, the number, a model answer."""
    from workshop.bank.loader import get_bank

    out = []
    for exercise in get_bank().module_exercises(module):
        options = getattr(exercise, "options", None)
        if options and getattr(exercise, "kind", "") == "single_choice":
            out.append((exercise.id, next(o.key for o in options if o.correct)))
        elif getattr(exercise, "answer", None) is not None and getattr(exercise, "kind", "") == "numeric":
            out.append((exercise.id, exercise.answer))
        elif getattr(exercise, "kind", "") == "framing":
            plain = [a for a in getattr(exercise, "model_answers", []) or [] if "{{" not in a]
            out.append((exercise.id, plain[0] if plain else
                        "If we don't fix checkout before Black Friday, each hour it is down could cost us about 40,000 of margin."))
    return out


def _memory(uid: int) -> dict[str, float]:
    """A learner's processes: the server (with its children other than kernels) and the kernels."""
    import psutil

    out = {"server_rss": 0.0, "kernel_rss": 0.0, "rss": 0.0, "pss": 0.0, "kernels": 0}
    for proc in psutil.process_iter(["uids", "cmdline"]):
        try:
            if proc.info["uids"] and proc.info["uids"].real == uid:
                info = proc.memory_full_info()
                kernel = "ipykernel_launcher" in " ".join(proc.info["cmdline"] or [])
                out["kernel_rss" if kernel else "server_rss"] += info.rss / MIB
                out["rss"] += info.rss / MIB
                out["pss"] += getattr(info, "pss", info.rss) / MIB
                out["kernels"] += kernel
        except psutil.Error:
            continue
    return out


def _server_cpu(name: str) -> float:
    """CPU seconds a learner's processes have used: just after sign-in, what a server start costs."""
    import psutil

    uid = pwd.getpwnam(name).pw_uid
    total = 0.0
    for proc in psutil.process_iter(["uids"]):
        try:
            if proc.info["uids"] and proc.info["uids"].real == uid:
                times = proc.cpu_times()
                total += times.user + times.system + times.children_user + times.children_system
        except psutil.Error:
            continue
    return total


def _kernel_rss(learner: Learner, kernel: str) -> float:
    out = learner.execute(kernel, "import psutil, os; print(psutil.Process(os.getpid()).memory_info().rss)")
    return int(out["stdout"].strip()) / MIB


def _whole_day(learner: Learner) -> dict:
    """Every code cell of every module notebook, in order, in one kernel of this learner."""
    import nbformat

    kernel = learner.start_kernel("lead-with-impact/notebooks")
    started = time.monotonic()
    failed = []
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code" and cell.source.strip():
                result = learner.execute(kernel, cell.source, timeout=300)
                if result["error"]:
                    failed.append(f"{path.name}: {result['error'][:120]}")
    return {"kernel_id": kernel, "seconds": time.monotonic() - started, "kernel_rss_mib": _kernel_rss(learner, kernel),
            "cells_failed": failed}


def _room_count(session, url: str, what: str = "incorrect") -> int:
    page = session.get(url, timeout=30).text
    found = re.search(rf'data-testid="{what}">(\d+)<', page)
    return int(found.group(1)) if found else -1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--arrival-spread", type=float, default=0.0,
                        help="seconds over which learners arrive, evenly (0: all at once, the worst case)")
    parser.add_argument("--out", default=str(ROOT / "test-artifacts" / "bench-hub.json"))
    args = parser.parse_args()
    reason = missing_reason()
    if reason:
        print(f"bench-hub: {reason}", file=sys.stderr)
        return 2
    import psutil

    remove_stale_runs()
    workdir = Path(tempfile.mkdtemp(prefix="lwi-hub-bench-", dir="/tmp"))
    workdir.chmod(0o755)
    hub, git = Hub(workdir), GitDaemon(workdir)  # the workshop's own timeouts: 90 min culling, 5 min activity
    report: dict = {"learners": args.learners, "arrival_spread_s": args.arrival_spread, "cores": psutil.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30, 1)}
    try:
        git.start()
        t = time.monotonic()
        hub.start()
        report["hub_start_s"] = round(time.monotonic() - t, 1)
        learners = [Learner(hub, f"learner{i:02d}") for i in range(args.learners)]
        idle = hub.rss_mib()

        # 1. Everyone signs in at once.
        t = time.monotonic()
        gap = args.arrival_spread / max(1, args.learners - 1)

        def arrive(pair):
            index, learner = pair
            time.sleep(index * gap)
            return learner.sign_in_and_start(timeout=600)

        with ThreadPoolExecutor(args.learners) as pool:
            ready = list(pool.map(arrive, enumerate(learners)))
        report["all_ready_s"] = round(time.monotonic() - t, 1)
        report["sign_in_to_ready_s"] = {"median": round(statistics.median(ready), 1), "p90": round(_pct(ready, 90), 1),
                                        "max": round(max(ready), 1)}
        report["server_start_cpu_s"] = round(statistics.median(_server_cpu(learner.name) for learner in learners), 2)
        report["load_average_1min_at_ready"] = round(os.getloadavg()[0], 1)
        print(f"{args.learners} servers ready in {report['all_ready_s']} s; sign-in to ready {report['sign_in_to_ready_s']}; "
              f"CPU per server start {report['server_start_cpu_s']} s (load {report['load_average_1min_at_ready']})", flush=True)

        # 2. Everyone pulls the workshop and runs module 00's checks in their own kernel.
        answers = _answers("00")
        code = ("import json\nfrom workshop import Module\nm = Module('00')\n"
                f"print('RESULT' + json.dumps([m.check(e, a).status for e, a in {answers!r}]))")

        def module_00(learner: Learner):
            learner.pull(git.url)
            t0 = time.monotonic()
            kernel = learner.start_kernel("lead-with-impact/notebooks")
            result = learner.execute(kernel, code, timeout=600)
            learner.times["checks"] = time.monotonic() - t0
            return json.loads(result["stdout"].split("RESULT", 1)[1]) if not result["error"] else [result["error"]]

        t = time.monotonic()
        with ThreadPoolExecutor(args.learners) as pool:
            statuses = list(pool.map(module_00, learners))
        report["module_00_all_s"] = round(time.monotonic() - t, 1)
        report["module_00_statuses"] = sorted({s for row in statuses for s in row})
        for key in ("pull", "checks"):
            values = [learner.times[key] for learner in learners]
            report[f"{key}_s"] = {"median": round(statistics.median(values), 1), "p90": round(_pct(values, 90), 1)}
        print(f"module 00 checked by all in {report['module_00_all_s']} s ({report['module_00_statuses']})", flush=True)

        # 3. Memory: hub and proxy; each learner (server + kernel after module 00); a whole day's kernel.
        per = [_memory(pwd.getpwnam(learner.name).pw_uid) for learner in learners]
        busy = hub.rss_mib()
        report["hub_rss_mib"] = {"idle": round(idle["hub"]), f"with_{args.learners}": round(busy["hub"])}
        report["proxy_rss_mib"] = round(busy["proxy"])
        report["learner_after_module_00_mib"] = {
            "server_rss_median": round(statistics.median(p["server_rss"] for p in per)),
            "kernel_rss_median": round(statistics.median(p["kernel_rss"] for p in per)),
            "rss_median": round(statistics.median(p["rss"] for p in per)), "rss_max": round(max(p["rss"] for p in per)),
            "pss_median": round(statistics.median(p["pss"] for p in per))}
        first = learners[0]
        for kernel in first.api("GET", "/api/kernels").json():  # the whole day in one kernel, as a learner has
            first.api("DELETE", f"/api/kernels/{kernel['id']}")
        day = _whole_day(first)
        after_day = _memory(pwd.getpwnam(first.name).pw_uid)
        report["whole_day"] = {"seconds": round(day["seconds"]), "kernel_rss_mib": round(day["kernel_rss_mib"]),
                               "server_rss_mib": round(after_day["server_rss"]),
                               "learner_rss_mib": round(after_day["rss"]), "learner_pss_mib": round(after_day["pss"]),
                               "kernels_open": after_day["kernels"], "cells_failed": day["cells_failed"][:5]}
        used = psutil.virtual_memory()
        report["machine_used_gib"] = round((used.total - used.available) / 2**30, 2)
        print(f"memory: {json.dumps({k: report[k] for k in ('hub_rss_mib', 'proxy_rss_mib', 'learner_after_module_00_mib', 'whole_day')})}", flush=True)

        # 4. The live view's delay: one more answer, then the facilitator's page until it counts it.
        admin = hub.login("boss", hub.admin_password)
        url = f"{hub.url}/services/room/"
        delays = []
        for i, learner in enumerate(learners[1:6]):
            kernel = learner.start_kernel("lead-with-impact/notebooks")
            before = _room_count(admin, url)
            exercise, wrong = "00.build-wait", 600 + i
            learner.execute(kernel, f"from workshop import Module\nModule('00').check({exercise!r}, {wrong})")
            t0 = time.monotonic()
            while _room_count(admin, url) == before and time.monotonic() - t0 < 30:
                time.sleep(0.1)
            delays.append(time.monotonic() - t0)
        report["live_view_delay_s"] = {"median": round(statistics.median(delays), 1), "max": round(max(delays), 1),
                                       "plus_browser_reload_up_to_s": 3}
        print(f"live view delay: {report['live_view_delay_s']}", flush=True)
    finally:
        out_dir = Path(args.out).parent
        out_dir.mkdir(parents=True, exist_ok=True)
        try:
            (out_dir / "bench-hub.log").write_text(hub.log_path.read_text(errors="replace"))
        except OSError:
            pass
        hub.stop()
        git.stop()
        import shutil

        shutil.rmtree(workdir, ignore_errors=True)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    print(f"Wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
