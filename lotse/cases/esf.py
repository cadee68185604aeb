"""ESF+ participant data (common indicators, Reg. (EU) 2021/1057, Annex I).

Entry data are recorded once per person and office, as of the day of entry; a
re-entry (a later case) keeps the first entry data. Derived values (age band,
ISCED level, gender category) are stored at entry, so reports stay correct after
the person's data are changed or erased.
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from lotse.accounts.scoping import OfficeScopedModel

# Entry and exit data are due within four weeks.
DATA_DUE_WITHIN_DAYS = 28
# Longer-term result: six months after leaving.
FOLLOW_UP_AFTER_DAYS = 182


class EmploymentStatus(models.TextChoices):
    UNEMPLOYED = "unemployed", _("unemployed")
    LONG_TERM_UNEMPLOYED = "long_term_unemployed", _("long-term unemployed")
    INACTIVE = "inactive", _("inactive (not in employment, not looking)")
    EMPLOYED = "employed", _("employed, including self-employed")


class SchoolCertificate(models.TextChoices):
    NONE = "none", _("no school certificate")
    FOERDERSCHULE = "foerderschule", _("Förderschulabschluss")
    HAUPTSCHULE = "hauptschule", _("Hauptschulabschluss / Erster Schulabschluss")
    MITTLERER = "mittlerer", _("Mittlerer Schulabschluss")
    FACHHOCHSCHULREIFE = "fachhochschulreife", _("Fachhochschulreife")
    ABITUR = "abitur", _("Allgemeine Hochschulreife (Abitur)")
    FOREIGN_UNRECOGNISED = "foreign", _("foreign certificate, not (yet) recognised")


class VocationalCertificate(models.TextChoices):
    NONE = "none", _("no vocational certificate")
    APPRENTICESHIP = "apprenticeship", _("completed vocational training")
    MASTER_CRAFTSMAN = "master", _("Meister / Techniker / Fachwirt")
    BACHELOR = "bachelor", _("Bachelor or equivalent")
    MASTER_DEGREE = "master_degree", _("Master / Diplom or higher")


class Isced(models.TextChoices):
    LOW = "0-2", _("ISCED 0–2")
    MEDIUM = "3-4", _("ISCED 3–4")
    HIGH = "5-8", _("ISCED 5–8")


_ISCED_RANK = {Isced.LOW: 0, Isced.MEDIUM: 1, Isced.HIGH: 2}
SCHOOL_ISCED = {
    SchoolCertificate.NONE: Isced.LOW,
    SchoolCertificate.FOERDERSCHULE: Isced.LOW,
    SchoolCertificate.HAUPTSCHULE: Isced.LOW,
    SchoolCertificate.MITTLERER: Isced.LOW,
    SchoolCertificate.FACHHOCHSCHULREIFE: Isced.MEDIUM,
    SchoolCertificate.ABITUR: Isced.MEDIUM,
    SchoolCertificate.FOREIGN_UNRECOGNISED: Isced.LOW,
}
VOCATIONAL_ISCED = {
    VocationalCertificate.NONE: Isced.LOW,
    VocationalCertificate.APPRENTICESHIP: Isced.MEDIUM,
    VocationalCertificate.MASTER_CRAFTSMAN: Isced.HIGH,
    VocationalCertificate.BACHELOR: Isced.HIGH,
    VocationalCertificate.MASTER_DEGREE: Isced.HIGH,
}


def isced_level(school: str, vocational: str) -> str:
    """The higher ISCED level of the school and the vocational certificate."""
    levels = [SCHOOL_ISCED.get(school), VOCATIONAL_ISCED.get(vocational)]
    levels = [level for level in levels if level is not None]
    if not levels:
        return ""
    return max(levels, key=_ISCED_RANK.__getitem__)


class AgeBand(models.TextChoices):
    UNDER_18 = "<18", _("under 18")
    FROM_18_TO_29 = "18-29", _("18 to 29")
    FROM_30_TO_54 = "30-54", _("30 to 54")
    FROM_55 = "55+", _("55 or older")


def age_band(age: int) -> str:
    if age < 18:
        return AgeBand.UNDER_18
    if age < 30:
        return AgeBand.FROM_18_TO_29
    if age < 55:
        return AgeBand.FROM_30_TO_54
    return AgeBand.FROM_55


class EsfGender(models.TextChoices):
    WOMEN = "women", _("woman")
    MEN = "men", _("man")
    NON_BINARY = "non_binary", _("non-binary")
    NOT_STATED = "not_stated", _("not stated")


PERSON_GENDER_TO_ESF = {
    "female": EsfGender.WOMEN,
    "male": EsfGender.MEN,
    "diverse": EsfGender.NON_BINARY,
    "not_stated": EsfGender.NOT_STATED,
}


class YesNoNotStated(models.TextChoices):
    YES = "yes", _("yes")
    NO = "no", _("no")
    NOT_STATED = "not_stated", _("not stated")


VOLUNTARY_ITEMS = [
    "disability",
    "third_country_national",
    "foreign_background",
    "minority",
    "homeless",
    "rural",
]
ENTRY_REQUIRED = ["entry_date", "employment_status", "school_certificate", "vocational_certificate"]
EXIT_REQUIRED = ["exit_date", "exit_employment_status", "exit_in_education", "exit_qualification"]


def _yes_no_field(label):
    return models.CharField(label, max_length=12, choices=YesNoNotStated.choices, blank=True)


class EsfRecord(OfficeScopedModel):
    """The ESF+ questionnaire of one participant: entry, exit, and the results after leaving."""

    person = models.OneToOneField(
        "people.Person", on_delete=models.PROTECT, related_name="esf", verbose_name=_("person")
    )
    first_case = models.ForeignKey(
        "cases.Case",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("case of entry"),
    )

    # Entry, as of the day of entry.
    entry_date = models.DateField(_("date of entry"), null=True, blank=True)
    employment_status = models.CharField(
        _("employment status"), max_length=24, choices=EmploymentStatus.choices, blank=True
    )
    school_certificate = models.CharField(
        _("highest school certificate"),
        max_length=24,
        choices=SchoolCertificate.choices,
        blank=True,
    )
    vocational_certificate = models.CharField(
        _("highest vocational certificate"),
        max_length=24,
        choices=VocationalCertificate.choices,
        blank=True,
    )
    disability = _yes_no_field(_("disability"))
    third_country_national = _yes_no_field(_("third-country national"))
    foreign_background = _yes_no_field(_("foreign background"))
    minority = _yes_no_field(_("minority (e.g. Roma)"))
    homeless = _yes_no_field(_("homeless or affected by housing exclusion"))
    rural = _yes_no_field(_("living in a rural area"))

    # Derived at entry and kept (see module docstring).
    age_band = models.CharField(_("age band"), max_length=6, choices=AgeBand.choices, blank=True)
    gender = models.CharField(_("gender"), max_length=12, choices=EsfGender.choices, blank=True)
    isced = models.CharField(_("ISCED level"), max_length=4, choices=Isced.choices, blank=True)

    # Exit.
    exit_date = models.DateField(_("date of leaving"), null=True, blank=True)
    exit_employment_status = models.CharField(
        _("employment status on leaving"),
        max_length=24,
        choices=EmploymentStatus.choices,
        blank=True,
    )
    exit_in_education = _yes_no_field(_("in education or training on leaving"))
    exit_qualification = _yes_no_field(_("gained a qualification"))

    # Results after leaving.
    immediate_result_on = models.DateField(
        _("immediate result recorded on"),
        null=True,
        blank=True,
        help_text=_("Within 28 days after leaving."),
    )
    follow_up_on = models.DateField(_("6-month follow-up done on"), null=True, blank=True)
    follow_up_employed = _yes_no_field(_("employed six months after leaving"))

    class Meta:
        verbose_name = _("ESF+ participant data")
        verbose_name_plural = _("ESF+ participant data")

    def __str__(self) -> str:
        return str(_("ESF+ data of %(person)s")) % {"person": self.person.full_name}

    @property
    def entry_complete(self) -> bool:
        return all(getattr(self, name) for name in ENTRY_REQUIRED + VOLUNTARY_ITEMS)

    @property
    def exit_complete(self) -> bool:
        return all(getattr(self, name) for name in EXIT_REQUIRED)

    @property
    def entry_state(self) -> str:
        """complete, incomplete (still within four weeks) or late."""
        if self.entry_complete:
            return "complete"
        return "late" if datetime.date.today() > self.entry_due_on() else "incomplete"

    @property
    def exit_state(self) -> str:
        """not_due (still participating), complete, incomplete or late."""
        if self.exit_date is None:
            return "not_due"
        if self.exit_complete:
            return "complete"
        due = self.exit_date + datetime.timedelta(days=DATA_DUE_WITHIN_DAYS)
        return "late" if datetime.date.today() > due else "incomplete"

    def entry_due_on(self) -> datetime.date:
        start = self.entry_date or self.first_case.opened_on
        return start + datetime.timedelta(days=DATA_DUE_WITHIN_DAYS)

    def derive(self) -> None:
        """Fill the derived values from the entry data and the person as of entry."""
        person = self.person
        if self.entry_date and person.birth_date:
            self.age_band = age_band(person.birth_date.age_on(self.entry_date))
        self.gender = PERSON_GENDER_TO_ESF.get(person.gender, EsfGender.NOT_STATED)
        self.isced = isced_level(self.school_certificate, self.vocational_certificate)
