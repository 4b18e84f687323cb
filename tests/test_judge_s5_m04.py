"""Session 5: a full sentence whose subject names people and time is not a 'list of words'."""
from workshop.framing.assess import assess


def test_a_clause_with_its_verbs_is_not_a_pile():
    text = ("Two engineers spending two weeks, about $12,000, rebuilding the gift-card page with this library "
            "will show whether features reach customers sooner; if it saves a fifth of their time or more, "
            "we adopt it next quarter.")
    assert not [p for p in assess(text).problems if p.kind == "list"]


def test_a_keyword_pile_is_still_a_pile():
    assert assess("Fees fines penalties breach $1M $2M $3M.").problems


def test_count_times_minutes_must_match_the_hours_stated():
    from workshop import check
    wrong = ("Per the CI log, about 44 builds a week are re-run after random test failures, each holding an engineer "
             "up for 27 minutes, some 200 engineer-hours a week; a $6,000 fix would give back half of that within a quarter.")
    right = wrong.replace("some 200", "some 20")
    assert not check("04.rewrite-your-own", wrong).correct
    assert "19.8 hours" in check("04.rewrite-your-own", wrong).text()
    assert check("04.rewrite-your-own", right).correct


def test_count_times_a_price_a_ticket_must_match_the_total_either_side():
    from workshop import check
    after = ("Per the support queue, password resets made about 300 tickets last month at $12 a ticket, roughly "
             "$36,000 of support time; a $16,000 fix would remove half of them and pay back in a month.")
    before = ("Per the support queue, 300 tickets last month cost $36,000 at $12 a ticket; a $16,000 fix would "
              "remove half of them and pay back in a month.")
    for wrong in (after, before):
        assert not check("04.rewrite-your-own", wrong).correct
        assert "3,600" in check("04.rewrite-your-own", wrong).text()
    right = before.replace("$36,000", "$3,600").replace("half of them and pay back in a month",
                                                          "two thirds of them and pay back within a year")
    assert check("04.rewrite-your-own", right).correct
