"""Peak memory of one kernel running every module notebook, as one participant would.

`python scripts/measure_memory.py` prints the kernel's peak resident memory (MiB),
the figure docs/deploying.md sizes JupyterHub servers with.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import nbformat
from jupyter_client.manager import start_new_kernel

ROOT = Path(__file__).resolve().parent.parent


def run(kernel_client, code: str) -> str:
    """Execute code, return its stdout; raise if it errors."""
    out = []

    def hook(msg):
        if msg["msg_type"] == "stream":
            out.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            raise RuntimeError("\n".join(msg["content"]["traceback"]))

    kernel_client.execute_interactive(code, output_hook=hook, timeout=300)
    return "".join(out)


def main() -> None:
    scratch = tempfile.mkdtemp(prefix="lwi-memory-")
    os.environ.update(WORKSHOP_PROGRESS=f"{scratch}/progress.jsonl", WORKSHOP_OUTPUT_DIR=scratch)
    manager, client = start_new_kernel(kernel_name="python3", cwd=str(ROOT / "notebooks"))
    try:
        baseline = float(run(client, "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"))
        notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
        for path in notebooks:
            for cell in nbformat.read(path, as_version=4).cells:
                if cell.cell_type == "code":
                    run(client, cell.source)
        peak = float(run(client, "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"))
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    print(f"kernel at start: {baseline / 1024:.0f} MiB; peak after {len(notebooks)} notebooks: {peak / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
