"""Dates of birth that may be partial (only a year, month and year) or placeholders.

Refugee documents often carry 01.01. of the birth year, or no day and month at
all. Lotse stores year, month and day separately and a flag for a known
placeholder, and shows them as a counsellor writes them: 22.11.2006, 11.2006, 2006.
"""

import datetime
import re
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

_PATTERNS = [
    re.compile(r"^(?:xx|00|\?\?)\.(?:xx|00|\?\?)\.(?P<year>\d{4})$", re.I),
    re.compile(r"^(?:xx|00|\?\?)\.(?P<month>\d{1,2})\.(?P<year>\d{4})$", re.I),
    re.compile(r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})$"),
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$"),
    re.compile(r"^(?P<month>\d{1,2})\.(?P<year>\d{4})$"),
    re.compile(r"^(?P<year>\d{4})$"),
]


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        if self.day and self.month:
            return f"{self.day:02d}.{self.month:02d}.{self.year}"
        if self.month:
            return f"{self.month:02d}.{self.year}"
        return str(self.year)

    def age_on(self, when: datetime.date) -> int:
        """Age in whole years; an unknown month or day counts as the earliest possible."""
        month, day = self.month or 1, self.day or 1
        return when.year - self.year - ((when.month, when.day) < (month, day))


def parse_partial_date(text: str) -> PartialDate:
    """Parse '22.11.2006', '2006-11-22', '11.2006', 'xx.11.2006', '2006'; ValueError if not."""
    value = (text or "").strip()
    for pattern in _PATTERNS:
        match = pattern.match(value)
        if not match:
            continue
        parts = {k: int(v) for k, v in match.groupdict().items() if v is not None}
        year, month, day = parts["year"], parts.get("month"), parts.get("day")
        if month is not None and not 1 <= month <= 12:
            raise ValueError("month")
        if day is not None:
            datetime.date(year, month, day)  # raises ValueError for 31.02.
        return PartialDate(year, month, day)
    raise ValueError("format")


class PartialDateField(forms.CharField):
    default_error_messages = {
        "invalid": _(
            "Please enter the date as DD.MM.YYYY (e.g. 22.11.2006), as MM.YYYY or only "
            "the year (YYYY)."
        ),
        "future": _("The date of birth cannot be in the future."),
        "too_old": _("Please check the year: it is more than 110 years ago."),
    }

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            parsed = parse_partial_date(value)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        today = datetime.date.today()
        if (parsed.year, parsed.month or 1, parsed.day or 1) > (today.year, today.month, today.day):
            raise forms.ValidationError(self.error_messages["future"], code="future")
        if parsed.year < today.year - 110:
            raise forms.ValidationError(self.error_messages["too_old"], code="too_old")
        return parsed
