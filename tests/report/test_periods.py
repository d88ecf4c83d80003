"""Report periods: months and quarters, their first and last days, the one before, and bad text."""

from __future__ import annotations

from datetime import date

import pytest

from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.report.periods import Period, parse_period


def test_a_month() -> None:
    p = parse_period("2022-06", "monthly")
    assert (p.code, p.label, p.first_day, p.last_day) == ("2022-06", "2022年6月", date(2022, 6, 1), date(2022, 6, 30))
    assert p.months == ["2022-06"]
    assert date(2022, 6, 30) in p and date(2022, 7, 1) not in p and date(2022, 5, 31) not in p


def test_february_in_a_leap_year_and_not() -> None:
    assert parse_period("2024-02", "monthly").last_day == date(2024, 2, 29)
    assert parse_period("2022-02", "monthly").last_day == date(2022, 2, 28)
    assert parse_period("2000-02", "monthly").last_day == date(2000, 2, 29)
    assert parse_period("1900-02", "monthly").last_day == date(1900, 2, 28)


def test_quarters_and_q4_ends_on_december_31() -> None:
    q2 = parse_period("2022-Q2", "quarterly")
    assert (q2.code, q2.label, q2.first_day, q2.last_day) == ("2022-Q2", "2022年第二季度", date(2022, 4, 1), date(2022, 6, 30))
    assert q2.months == ["2022-04", "2022-05", "2022-06"]
    q4 = parse_period("2022-Q4", "quarterly")
    assert (q4.first_day, q4.last_day, q4.label) == (date(2022, 10, 1), date(2022, 12, 31), "2022年第四季度")
    assert parse_period("2022-Q1", "quarterly").last_day == date(2022, 3, 31)
    assert parse_period("2022-q3", "quarterly").code == "2022-Q3"


def test_the_period_before() -> None:
    assert parse_period("2022-01", "monthly").previous() == Period("monthly", 2021, 12)
    assert parse_period("2022-07", "monthly").previous().code == "2022-06"
    assert parse_period("2022-Q1", "quarterly").previous() == Period("quarterly", 2021, 4)
    assert parse_period("2022-Q1", "quarterly").previous().last_day == date(2021, 12, 31)
    assert parse_period("2022-Q3", "quarterly").previous().code == "2022-Q2"


@pytest.mark.parametrize("text", ["2022-13", "2022-00", "2022-6", "June", "2022-Q2", "22-06", "2022-06-01", "", "0000-01"])
def test_a_bad_month_says_how_to_write_one(text: str) -> None:
    with pytest.raises(CampaignError) as err:
        parse_period(text, "monthly")
    assert err.value.kind is ErrorKind.USAGE
    assert "write YYYY-MM, e.g. 2022-06" in err.value.text("en")


@pytest.mark.parametrize("text", ["2022-Q5", "2022-Q0", "2022-06", "Q2", "2022Q2", "2022-Q12"])
def test_a_bad_quarter_says_how_to_write_one(text: str) -> None:
    with pytest.raises(CampaignError) as err:
        parse_period(text, "quarterly")
    assert err.value.kind is ErrorKind.USAGE
    assert "write YYYY-QN, e.g. 2022-Q2" in err.value.text("en")
