from workshop.widgets.reflection import Control as _TextControl


class Control(_TextControl):
    """Free text like a reflection, but checked against the framing rubric."""

    check_label = "Check"
    description = "Your rewrite:"
    placeholder = "Who or what does the business lose or gain, how much, by when, and how do you know?"
