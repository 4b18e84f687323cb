"""The instructor's authoring commands: new exercises and modules, and notebook checks.

An instructor adapts the workshop without reading our code: ``workshop new exercise``
appends a commented skeleton of any kind to a module's YAML (keeping every comment and
the order of the file), ``workshop new module`` starts a module's YAML and notebook, and
``workshop validate`` checks the notebooks against the bank as well as the bank itself.
"""
from workshop.authoring.new_exercise import AuthoringError, add_exercise, notebook_cell
from workshop.authoring.new_module import create_module
from workshop.authoring.notebook_checks import check_notebooks

__all__ = ["AuthoringError", "add_exercise", "check_notebooks", "create_module", "notebook_cell"]
