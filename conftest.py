"""Test-wide isolation: no test, and no notebook kernel nbval starts, touches a real learner's files."""
import os
import tempfile

_scratch = tempfile.mkdtemp(prefix="lwi-tests-")
os.environ["WORKSHOP_PROGRESS"] = os.path.join(_scratch, "progress.jsonl")
os.environ["WORKSHOP_CONFIG"] = os.path.join(_scratch, "settings.yaml")
os.environ["WORKSHOP_OUTPUT_DIR"] = _scratch
os.environ.pop("WORKSHOP_SOLUTIONS", None)
os.environ.pop("WORKSHOP_EXERCISES", None)
