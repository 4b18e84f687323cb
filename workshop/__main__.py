"""`python -m workshop ...`, or `%run -m workshop ...` in a notebook: the same as the `workshop` command."""
from workshop.cli import main

raise SystemExit(main())
