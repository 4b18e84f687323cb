"""Notebook transforms: keep participant notebooks clean and build the solution edition.

One transform per class, in the spirit of nbgrader's preprocessors; ``editions``
chains them.
"""
