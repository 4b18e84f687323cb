"""``workshop room ...``: the facilitator's commands, kept out of the general CLI."""
from __future__ import annotations

import sys
from pathlib import Path

from workshop.room.text import for_terminal


def run(args) -> int:
    verb = args.paths[0]
    if verb in ("live", "poll", "init") and len(args.paths) >= 2:
        return {"live": _live, "poll": _poll, "init": _init}[verb](args, args.paths[1:])
    return _summary(args)


def _summary(args) -> int:
    from workshop.room import read_exports
    from workshop.room.summary import compute
    from workshop.room.terminal import render

    from workshop.room.reader import company_notice
    from workshop.room.summary import Checker

    reader = read_exports(args.paths)
    checker = Checker()
    figures = compute(reader.present(), checker, capstone=args.capstone, show_names=args.names)
    problems = reader.problems() + checker.notes()
    notice = company_notice(reader.present())
    if notice:
        print(f"Warning: {for_terminal(notice, 300)}", file=sys.stderr)
    if args.html:
        from workshop.room.report import write_report

        try:
            out = write_report(Path(args.html), figures, problems)
        except OSError as exc:
            print(f"Could not write the report to {for_terminal(args.html)}: {exc.strerror}.", file=sys.stderr)
            return 1
        print(f"Wrote the room's report ({figures.learners} learners) to {for_terminal(str(out))}.")
        return 0 if figures.learners else 1
    if not figures.learners:
        for problem in problems:
            print(f"Skipped {for_terminal(problem, 160)}", file=sys.stderr)
        print("No learners' progress found. Ask learners to run `workshop export` and collect the .json files, "
              "or to set WORKSHOP_ROOM to a shared room folder.")
        return 1
    for problem in problems:
        print(f"Skipped {for_terminal(problem, 160)}", file=sys.stderr)
    print(render(figures, []))
    return 0


def _live(args, rest) -> int:
    from workshop.room.live import serve

    if args.port is not None and not 1 <= args.port <= 65535:
        print(f"The port should be between 1 and 65535, not {args.port}.", file=sys.stderr)
        return 2

    return serve(Path(rest[0]), port=args.port, open_browser=not args.no_browser, show_names=args.names, capstone=args.capstone)


def _poll(args, rest) -> int:
    from workshop.room.poll import set_poll

    if len(rest) < 2 or rest[-1] not in ("on", "off"):
        print("Usage: workshop room poll FOLDER... on|off", file=sys.stderr)
        return 2
    from workshop.room import read_exports
    from workshop.room.summary import compute

    done, failed = [], 0
    for folder in rest[:-1]:  # every folder is tried: one bad folder does not leave the rest unchanged
        try:
            if not Path(folder).is_dir():
                raise FileNotFoundError(2, "no such folder")
            figures = compute(read_exports([folder]).present()) if rest[-1] == "on" else None
            set_poll(Path(folder), rest[-1] == "on", figures)
            done.append(folder)
        except OSError as exc:
            print(f"Could not change the poll in {for_terminal(folder)}: {exc.strerror or type(exc).__name__}.", file=sys.stderr)
            failed += 1
    if done:
        print(f"Poll mode is {rest[-1]} for {for_terminal(', '.join(done))}; the live view publishes the room's answers while it runs.")
    return 1 if failed else 0


def _init(args, rest) -> int:
    from workshop.room.mirror import room_salt

    folder = Path(rest[0])
    try:
        folder.mkdir(parents=True, exist_ok=True)
        room_salt(folder)
    except OSError as exc:
        print(f"Could not set up the room {for_terminal(rest[0])}: {exc.strerror}.", file=sys.stderr)
        return 1
    print(f"Room ready: ask learners to set WORKSHOP_ROOM={for_terminal(str(folder.resolve()))} "
          "(see docs/deploying.md for the folder's permissions).")
    return 0
