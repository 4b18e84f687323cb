"""The progress file a learner hands to a facilitator (format documented in docs/progress-export.md)."""
from __future__ import annotations

import getpass
import json
import os
import time
from pathlib import Path

from workshop.progress import log as progress

EXPORT_FORMAT = "lead-with-impact/progress"
EXPORT_VERSION = 1


class ExportError(Exception):
    """Why an export was not written, in a sentence for the learner."""


def export_progress(out: Path, learner: str | None = None, source: Path | None = None, force: bool = False) -> Path:
    """Write one JSON file: who (a display name and a unique id), when, the standing per module and every event.

    Never writes over the progress log itself, nor over an existing file unless ``force``:
    an export that replaced the log would lose the learner's whole progress.
    """
    from workshop.room.mirror import learner_id

    source = Path(source) if source else progress.progress_path()
    out = Path(out).expanduser()
    if out.is_dir():
        raise ExportError(f"{out} is a folder; give a file name, for example {out / 'my-progress.json'}.")
    try:
        same = out.exists() and source.exists() and os.path.samefile(out, source)
    except OSError:
        same = False
    if same:
        raise ExportError(f"{out} is your progress log itself; export to another file, for example my-progress.json.")
    if out.exists() and not force:
        raise ExportError(f"{out} already exists; choose another name, or add --force to replace it.")
    try:
        learner = learner or os.environ.get("WORKSHOP_LEARNER") or getpass.getuser()
    except Exception:
        learner = "anonymous"
    events = list(progress.events(source))
    document = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "learner": learner,
        "learner_id": learner_id(source),
        "exported_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "standing": progress.standing(source),
        "events": events,
    }
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(document, indent=1, ensure_ascii=False), encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"Could not write {out} ({exc.strerror or type(exc).__name__}); choose a folder you can write to.") from None
    return out
