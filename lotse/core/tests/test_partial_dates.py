import datetime

import pytest
from django import forms

from lotse.core.partial_dates import PartialDate, PartialDateField, parse_partial_date


@pytest.mark.parametrize(
    ("text", "expected", "shown"),
    [
        ("22.11.2006", PartialDate(2006, 11, 22), "22.11.2006"),
        ("1.1.2007", PartialDate(2007, 1, 1), "01.01.2007"),
        ("2006-11-22", PartialDate(2006, 11, 22), "22.11.2006"),
        ("11.2006", PartialDate(2006, 11), "11.2006"),
        ("xx.11.2006", PartialDate(2006, 11), "11.2006"),
        ("00.00.2006", PartialDate(2006), "2006"),
        ("2006", PartialDate(2006), "2006"),
    ],
)
def test_it_reads_full_partial_and_unknown_dates(text, expected, shown):
    assert parse_partial_date(text) == expected
    assert str(expected) == shown


@pytest.mark.parametrize("text", ["31.02.2007", "13.2007", "22/11/2006", "morgen", "07"])
def test_it_refuses_impossible_dates(text):
    with pytest.raises(ValueError):
        parse_partial_date(text)


def test_the_form_field_explains_the_format_and_refuses_the_future():
    field = PartialDateField(required=False)
    with pytest.raises(forms.ValidationError) as error:
        field.clean("31.02.2007")
    assert "22.11.2006" in str(error.value)
    next_year = datetime.date.today().year + 1
    with pytest.raises(forms.ValidationError):
        field.clean(str(next_year))
    assert field.clean("") is None


def test_age_counts_unknown_day_and_month_as_earliest():
    assert PartialDate(2008).age_on(datetime.date(2026, 11, 22)) == 18
    assert PartialDate(2008, 12, 1).age_on(datetime.date(2026, 11, 22)) == 17
