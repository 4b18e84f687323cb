"""Print how far the framing checker agrees with each labelled set, element by element.

    .venv/bin/python scripts/framing_agreement.py [--misses]

Labelled sets: ../shared/framing/calibration.yaml and tests/data/framing_*.yaml. The gaming set has
no element labels: for it the table counts how many items the checker calls strong (must be 0).
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "calibration": ROOT.parent / "shared" / "framing" / "calibration.yaml",
    "holdout": ROOT / "tests" / "data" / "framing_holdout.yaml",
    "fresh": ROOT / "tests" / "data" / "framing_fresh.yaml",
    "new domains": ROOT / "tests" / "data" / "framing_new_domains.yaml",
    "tuning": ROOT / "tests" / "data" / "framing_tuning.yaml",
    "unseen": ROOT / "tests" / "data" / "framing_unseen.yaml",
}
GAMING = ROOT / "tests" / "data" / "framing_gaming.yaml"
KEYS = ("outcome", "magnitude", "timeframe", "evidence", "jargon", "strong")


def compare(row, assessment) -> dict[str, bool]:
    got = {**assessment.elements, "strong": assessment.strong,
           "jargon": sorted(t.lower() for t in assessment.jargon)}
    want = {**{k: row[k] for k in KEYS if k != "jargon"}, "jargon": sorted(t.lower() for t in row["jargon"])}
    return {key: got[key] == want[key] for key in KEYS}


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from workshop.framing import assess

    show_misses = "--misses" in argv
    print(f"{'set':<12} {'n':>3}  " + "  ".join(f"{k:>9}" for k in KEYS))
    for name, path in SETS.items():
        if not path.exists():
            continue
        rows = yaml.safe_load(path.read_text(encoding="utf-8"))
        results = [(row, compare(row, assess(row["text"]))) for row in rows]
        scores = {k: sum(r[k] for _, r in results) / len(rows) for k in KEYS}
        print(f"{name:<12} {len(rows):>3}  " + "  ".join(f"{scores[k]:>9.3f}" for k in KEYS))
        if show_misses:
            for row, result in results:
                wrong = [k for k in KEYS if not result[k]]
                if wrong:
                    a = assess(row["text"])
                    got = {**a.elements, "strong": a.strong, "jargon": a.jargon}
                    print(f"    miss {', '.join(f'{k}={got[k]}' for k in wrong)}: {row['text']}")
    gaming = yaml.safe_load(GAMING.read_text(encoding="utf-8"))
    strong = [row["text"] for row in gaming if assess(row["text"]).strong]
    print(f"{'gaming':<12} {len(gaming):>3}  strong: {len(strong)} of {len(gaming)} (must be 0)")
    if show_misses:
        for text in strong:
            print(f"    strong: {text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
