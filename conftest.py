"""Test-wide isolation: no test, and no notebook kernel nbval starts, touches a real learner's files."""
import os
import tempfile

_scratch = tempfile.mkdtemp(prefix="lwi-tests-")
os.environ["WORKSHOP_PROGRESS"] = os.path.join(_scratch, "progress.jsonl")
os.environ["WORKSHOP_CONFIG"] = os.path.join(_scratch, "settings.yaml")
os.environ["WORKSHOP_OUTPUT_DIR"] = _scratch
os.environ.pop("WORKSHOP_SOLUTIONS", None)
os.environ.pop("WORKSHOP_EXERCISES", None)
_company = os.environ.pop("WORKSHOP_COMPANY", None)  # the tests read Larkspur's profile, whatever the shell says


def pytest_configure(config):
    """A notebook-only run (nbval on an edition, as docs/adapting.md does) keeps the company you chose."""
    if _company and config.args and all(str(a).split("::")[0].endswith(".ipynb") for a in config.args):
        os.environ["WORKSHOP_COMPANY"] = _company

try:  # property tests are never timed: a shared, loaded machine makes any deadline flaky
    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("untimed", deadline=None)
    _hypothesis_settings.load_profile("untimed")
except ImportError:  # hypothesis is a test extra; nbval kernels may not have it
    pass
