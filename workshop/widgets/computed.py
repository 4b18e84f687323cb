"""A computed exercise can also be answered by typing the number it computes."""
from workshop.widgets.numeric import Control  # noqa: F401
