"""Session 5: customers' failed payments are a business outcome even when the sentence says they fall."""
from workshop.framing.assess import assess


def test_failed_payments_that_fall_are_an_outcome():
    text = ("Keep all card payments on the in-house integration through the peak and start a 5% flagged trial of the "
            "new provider in January, so failed payments at checkout fall without risking Black Friday, measured "
            "against last month's dashboard.")
    assert assess(text).elements["outcome"]


def test_a_failed_build_is_not_a_customer_outcome():
    assert not assess("Retry failed builds in CI within a week, measured on the dashboard.").elements["outcome"]
