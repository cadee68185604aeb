from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lotse.accounts.scoping import OfficeScopedModel
from lotse.core.levels import CefrLevel, Skill
from lotse.core.names import folded_key, search_key
from lotse.core.partial_dates import PartialDate


class Gender(models.TextChoices):
    FEMALE = "female", _("female")
    MALE = "male", _("male")
    DIVERSE = "diverse", _("diverse")
    NOT_STATED = "not_stated", _("not stated")


class PersonKind(models.TextChoices):
    """What a person is to the office; a person may be several at once."""

    YOUNG_PERSON = "young_person", _("young person")
    PARENT = "parent", _("parent")
    ENTREPRENEUR = "entrepreneur", _("entrepreneur")
    GUIDE = "guide", _("volunteer guide")
    CONTACT = "contact", _("contact person")


KIND_FIELDS = {
    PersonKind.YOUNG_PERSON: "is_young_person",
    PersonKind.PARENT: "is_parent",
    PersonKind.ENTREPRENEUR: "is_entrepreneur",
    PersonKind.GUIDE: "is_guide",
    PersonKind.CONTACT: "is_contact",
}


class Person(OfficeScopedModel):
    given_names = models.CharField(_("given names"), max_length=150)
    family_name = models.CharField(_("family name"), max_length=150)
    given_names_original = models.CharField(
        _("given names in original script"), max_length=150, blank=True
    )
    family_name_original = models.CharField(
        _("family name in original script"), max_length=150, blank=True
    )

    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    birth_month = models.PositiveSmallIntegerField(_("month of birth"), null=True, blank=True)
    birth_day = models.PositiveSmallIntegerField(_("day of birth"), null=True, blank=True)
    birth_date_placeholder = models.BooleanField(
        _("date of birth is a placeholder"),
        default=False,
        help_text=_("The document shows a date such as 01.01. because the real one is unknown."),
    )
    gender = models.CharField(
        _("gender"), max_length=12, choices=Gender.choices, default=Gender.NOT_STATED
    )
    languages = models.ManyToManyField(
        "core.Language", verbose_name=_("languages spoken"), blank=True, related_name="+"
    )

    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    town = models.CharField(_("town"), max_length=100, blank=True)

    is_young_person = models.BooleanField(_("young person"), default=False)
    is_parent = models.BooleanField(_("parent"), default=False)
    is_entrepreneur = models.BooleanField(_("entrepreneur"), default=False)
    is_guide = models.BooleanField(_("volunteer guide"), default=False)
    is_contact = models.BooleanField(_("contact person"), default=False)

    notes = models.TextField(_("notes"), blank=True)

    # Derived keys for tolerant search (see lotse.core.names); kept up to date in save().
    search_key = models.CharField(max_length=400, editable=False, default="")
    folded_name = models.CharField(max_length=400, editable=False, default="")

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["family_name", "given_names", "id"]
        indexes = [
            models.Index(fields=["office", "family_name", "given_names", "id"]),
            models.Index(fields=["office", "-updated_at", "-id"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(birth_month__isnull=True)
                | models.Q(birth_month__gte=1, birth_month__lte=12),
                name="people_person_birth_month_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(birth_day__isnull=True) | models.Q(birth_month__isnull=False),
                name="people_person_birth_day_needs_month",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.family_name}, {self.given_names}"

    def get_absolute_url(self) -> str:
        return reverse("people:detail", args=[self.pk])

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.family_name}"

    @property
    def original_name(self) -> str:
        return " ".join(n for n in (self.given_names_original, self.family_name_original) if n)

    @property
    def birth_date(self) -> PartialDate | None:
        if self.birth_year is None:
            return None
        return PartialDate(self.birth_year, self.birth_month, self.birth_day)

    @birth_date.setter
    def birth_date(self, value: PartialDate | None) -> None:
        self.birth_year = value.year if value else None
        self.birth_month = value.month if value else None
        self.birth_day = value.day if value else None

    @property
    def kinds(self) -> list[str]:
        return [kind for kind, field in KIND_FIELDS.items() if getattr(self, field)]

    def get_kinds_display(self) -> list[str]:
        return [PersonKind(kind).label for kind in self.kinds]

    def refresh_search_keys(self) -> None:
        names = (
            self.given_names,
            self.family_name,
            self.given_names_original,
            self.family_name_original,
        )
        self.search_key = search_key(*names)[:400]
        self.folded_name = folded_key(*names)[:400]

    def save(self, *args, **kwargs):
        self.refresh_search_keys()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_key", "folded_name"}
        super().save(*args, **kwargs)


class ParentChild(OfficeScopedModel):
    """A parent (or guardian) and their child, both people of the same office."""

    parent = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="child_links", verbose_name=_("parent")
    )
    child = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="parent_links", verbose_name=_("child")
    )

    class Meta:
        verbose_name = _("parent and child")
        verbose_name_plural = _("parents and children")
        constraints = [
            models.UniqueConstraint(fields=["parent", "child"], name="people_parentchild_unique"),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("child")),
                name="people_parentchild_not_self",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.parent} → {self.child}"

    def get_additional_data(self) -> dict:
        # Lets the history of either person show this link (see lotse.core.history).
        return {"parent": self.parent_id, "child": self.child_id}


class SkillSource(models.TextChoices):
    SELF_ASSESSMENT = "self_assessment", _("self-assessment")
    CERTIFICATE = "certificate", pgettext_lazy("source of a language level", "certificate")
    COUNSELLOR = "counsellor", _("counsellor's estimate")


class LanguageSkill(OfficeScopedModel):
    """How well a person speaks a language: one CEFR level per skill, with its source and date.

    An empty skill is the overall level. Self-assessments (e.g. from the application
    profile) stay marked as such, so nobody mistakes them for a certificate.
    """

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="language_skills", verbose_name=_("person")
    )
    language = models.ForeignKey(
        "core.Language", on_delete=models.PROTECT, related_name="+", verbose_name=_("language")
    )
    skill = models.CharField(_("skill"), max_length=20, choices=Skill.choices, blank=True)
    level = models.CharField(_("level"), max_length=2, choices=CefrLevel.choices)
    source = models.CharField(_("source"), max_length=20, choices=SkillSource.choices)
    assessed_on = models.DateField(_("assessed on"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("language skill")
        verbose_name_plural = _("language skills")
        ordering = ["language__name_de", "skill", "-assessed_on"]

    def __str__(self) -> str:
        skill = f" ({self.get_skill_display()})" if self.skill else ""
        return f"{self.language}{skill}: {self.level} · {self.get_source_display()}"
