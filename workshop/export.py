"""The progress file a learner hands to a facilitator (format documented in docs/progress-export.md)."""
from __future__ import annotations

import getpass
import json
import time
from pathlib import Path

from workshop import progress

EXPORT_FORMAT = "lead-with-impact/progress"
EXPORT_VERSION = 1


def export_progress(out: Path, learner: str | None = None, source: Path | None = None) -> Path:
    """Write one JSON file: who, when, the standing per module and every event."""
    try:
        learner = learner or getpass.getuser()
    except Exception:
        learner = "anonymous"
    document = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "learner": learner,
        "exported_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "standing": progress.standing(source),
        "events": list(progress.events(source)),
    }
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(document, indent=1, ensure_ascii=False), encoding="utf-8")
    return out
