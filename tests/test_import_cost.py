"""`import workshop` stays light: heavy libraries load only when first used.

Speed itself is measured by scripts/bench.py; this only checks what gets imported.
"""
import subprocess
import sys


def test_import_workshop_does_not_load_heavy_libraries():
    code = (
        "import sys, workshop; "
        "print(','.join(m for m in ('pandas', 'plotly', 'ipywidgets', 'pydantic', 'numpy', 'yaml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
