"""A chart shows as plotly's mimetype bundle without loading plotly.io's renderers.

Those renderers import nbformat only to check its version, and nbformat's jsonschema compiles
some forty grammars on import: 3-25 seconds before each number module's first chart, in every
learner's kernel (and in every nbval run of 05, 06 and 09). The check runs in a fresh process,
because this test process has nbformat loaded already (nbval).
"""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SHOW_A_CHART = """
import json, sys
from IPython.core.interactiveshell import InteractiveShell
from IPython.core.displaypub import CapturingDisplayPublisher
shell = InteractiveShell.instance()
shell.display_pub = CapturingDisplayPublisher()
from workshop.labs.charts import use_mimetype_renderer, wait_cost_by_build_time
use_mimetype_renderer()
shell.run_cell("from workshop.labs.charts import wait_cost_by_build_time\\n"
               "from IPython.display import display\\n"
               "display(wait_cost_by_build_time(22, 10, 30, 4.8, 75))\\n"
               "wait_cost_by_build_time(22, 10, 30, 4.8, 75)")
print("\\n" + json.dumps({"nbformat": "nbformat" in sys.modules,
                  "outputs": [output["data"] for output in shell.display_pub.outputs]}))  # after the Out[] prompt
"""


def test_a_chart_is_shown_as_the_plotly_bundle_without_loading_nbformat():
    done = subprocess.run([sys.executable, "-c", SHOW_A_CHART], cwd=ROOT, capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["nbformat"] is False, "showing a chart loaded plotly.io's renderers (and nbformat with them)"
    assert len(seen["outputs"]) == 2, "display() and the cell's last value each show the chart once"
    for data in seen["outputs"]:
        figure = data["application/vnd.plotly.v1+json"]
        assert figure["data"][0]["type"] == "bar"
        assert figure["layout"]["title"]["text"].startswith("Faster builds would save")
        assert data["text/plain"] == "Chart: " + figure["layout"]["title"]["text"]


def test_the_bundle_is_the_one_plotlys_mimetype_renderer_makes():
    import plotly.io as pio

    from workshop.labs.charts import PLOTLY_MIMETYPE, figure_bundle, wait_cost_by_build_time

    fig = wait_cost_by_build_time(22, 10, 30, 4.8, 75)
    theirs = pio.renderers["plotly_mimetype"].to_mimebundle(fig.to_dict())
    assert figure_bundle(fig)[PLOTLY_MIMETYPE] == theirs[PLOTLY_MIMETYPE]
