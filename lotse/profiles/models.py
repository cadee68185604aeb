"""The application profile in Easy German (Bewerbungsprofil in Leichter Sprache).

A young person fills it in on a phone, step by step, without an account: opened from
an office's link (or QR code) or from a personal link a counsellor sends. Every step
is saved at once; the resume link (the profile's secret token) continues it later.
Unfinished profiles expire and are deleted. A submitted profile waits on the
counsellors' worklist until one of them links it to a person or creates the person
and case from it — nothing is imported without her confirmation.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lotse.accounts.scoping import OfficeScopedModel, office_scoped_manager
from lotse.core.names import search_key

# The steps of the form, in order; each keeps its answers under its name in `answers`.
STEPS = (
    "about",
    "languages",
    "school",
    "work",
    "interests",
    "occupations",
    "start",
    "photo",
    "consent",
)


class ProfileStatus(models.TextChoices):
    DRAFT = "draft", _("being filled in")
    SUBMITTED = "submitted", _("submitted, to review")
    IMPORTED = "imported", _("taken over")
    DISCARDED = "discarded", _("discarded")


def _new_token() -> str:
    return secrets.token_urlsafe(24)


def _photo_path(profile, filename: str) -> str:
    # Not guessable from the profile id; served only through a view that checks access.
    return f"profile-photos/{profile.office_id}/{secrets.token_hex(16)}.jpg"


class ProfileQuerySet(models.QuerySet):
    def to_review(self):
        return self.filter(status=ProfileStatus.SUBMITTED)


class ApplicationProfile(OfficeScopedModel):
    token = models.CharField(max_length=40, unique=True, default=_new_token, editable=False)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ProfileStatus.choices,
        default=ProfileStatus.DRAFT,
        db_index=True,
    )
    language = models.CharField(_("language of the form"), max_length=10, default="de-x-ls")
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    completed_steps = models.JSONField(default=list, blank=True, editable=False)
    photo = models.ImageField(_("photo"), upload_to=_photo_path, blank=True)
    # Explicit choices at the end: None until the person has answered.
    consent_service_point = models.BooleanField(
        _("the service point may keep the profile and contact me"), null=True, blank=True
    )
    consent_applications = models.BooleanField(
        _("the service point may send the profile to companies"), null=True, blank=True
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("personal link from"),
    )
    person = models.ForeignKey(
        "people.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="application_profiles",
        verbose_name=_("person"),
    )
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("case"),
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("taken over by"),
    )
    imported_at = models.DateTimeField(_("taken over"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    expires_at = models.DateTimeField(_("deleted if unfinished after"), null=True, blank=True)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    search_key = models.CharField(max_length=400, editable=False, default="")

    objects = office_scoped_manager(ProfileQuerySet)

    class Meta:
        verbose_name = _("application profile")
        verbose_name_plural = _("application profiles")
        ordering = ["-submitted_at", "-created_at", "-id"]
        indexes = [
            models.Index(fields=["office", "status", "submitted_at"]),
            models.Index(fields=["status", "expires_at"]),
        ]

    def __str__(self) -> str:
        return self.display_name or str(_("application profile"))

    def step(self, name: str) -> dict:
        return self.answers.get(name, {})

    @property
    def about(self) -> dict:
        return self.step("about")

    @property
    def display_name(self) -> str:
        about = self.about
        return " ".join(
            part for part in (about.get("given_names"), about.get("family_name")) if part
        )

    @property
    def is_complete(self) -> bool:
        required = [step for step in STEPS if step not in {"photo", "consent"}]
        return all(step in self.completed_steps for step in required)

    def refresh_search_key(self) -> None:
        about = self.about
        names = (
            about.get("given_names", ""),
            about.get("family_name", ""),
            about.get("name_original", ""),
        )
        self.search_key = search_key(*names)[:400]
