from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lotse.accounts.scoping import OfficeScopedModel, network_scoped_manager, office_scoped_manager
from lotse.core.names import folded_key


class OrganisationKind(models.TextChoices):
    COMPANY = "company", _("company")
    SCHOOL = "school", _("school")
    MIGRANT_ORG = "migrant_org", _("migrant organisation (MSO)")
    INSTITUTION = "institution", _("standard institution")
    PROVIDER = "provider", _("provider (Träger)")
    OTHER = "other", _("other")


class InstitutionType(models.TextChoices):
    EMPLOYMENT_AGENCY = "employment_agency", _("Agentur für Arbeit (Berufsberatung)")
    JOBCENTER = "jobcenter", _("Jobcenter")
    IHK = "ihk", _("Chamber of industry and commerce (IHK)")
    HWK = "hwk", _("Chamber of crafts (HWK)")
    CITY = "city", _("City administration")
    MIGRATION_COUNCIL = "migration_council", _("Migrationsbeirat")
    RECOGNITION = "recognition", _("Recognition counselling")
    MIGRATION_COUNSELLING = "migration_counselling", _("Migration counselling")
    OTHER = "other", _("other institution")


class SizeClass(models.TextChoices):
    MICRO = "micro", _("micro (fewer than 10)")
    SMALL = "small", _("small (10–49)")
    MEDIUM = "medium", _("medium (50–249)")
    LARGE = "large", _("large (250 or more)")


class Chamber(models.TextChoices):
    IHK = "ihk", _("IHK")
    HWK = "hwk", _("HWK")
    LWK = "lwk", _("Chamber of agriculture")
    LIBERAL = "liberal", _("Chamber of a liberal profession")
    PUBLIC = "public", _("Public service")
    NONE = "none", _("none / unknown")


class InstitutionManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(kind=OrganisationKind.INSTITUTION)


class Organisation(OfficeScopedModel):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    institution_type = models.CharField(
        _("type of institution"), max_length=30, choices=InstitutionType.choices, blank=True
    )
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    town = models.CharField(_("town"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    languages = models.ManyToManyField(
        "core.Language", verbose_name=_("languages"), blank=True, related_name="+"
    )

    # Companies
    sector = models.CharField(_("sector"), max_length=100, blank=True)
    size_class = models.CharField(
        _("size class"), max_length=10, choices=SizeClass.choices, blank=True
    )
    migrant_led = models.BooleanField(_("migrant-led"), default=False)
    chamber = models.CharField(_("chamber"), max_length=10, choices=Chamber.choices, blank=True)

    notes = models.TextField(_("notes"), blank=True)
    search_key = models.CharField(max_length=400, editable=False, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = office_scoped_manager()
    # The institutions people are referred to (Jobcenter, Migrationsberatung …), for
    # the office's volunteer guides too: the `network` dimension of the same scope.
    referral_institutions = network_scoped_manager(manager_class=InstitutionManager)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["office", "name", "id"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", args=[self.pk])

    @property
    def is_company(self) -> bool:
        return self.kind == OrganisationKind.COMPANY

    def save(self, *args, **kwargs):
        self.search_key = folded_key(self.name, self.town)[:400]
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_key"}
        super().save(*args, **kwargs)


class AffiliationRole(models.TextChoices):
    OWNER = "owner", _("owner")
    CONTACT = "contact", _("contact person")
    EMPLOYEE = "employee", _("employee")
    APPRENTICE = "apprentice", _("apprentice")
    TEACHER = "teacher", _("teacher")
    PUPIL = "pupil", _("pupil")
    MSO_MEMBER = "mso_member", _("member of the MSO")
    MSO_BOARD = "mso_board", _("board member of the MSO")
    OTHER = "other", _("other")


class Affiliation(OfficeScopedModel):
    """A person's role at an organisation (owner, contact, teacher, MSO member …)."""

    person = models.ForeignKey(
        "people.Person",
        on_delete=models.CASCADE,
        related_name="affiliations",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="affiliations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=AffiliationRole.choices)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("role at an organisation")
        verbose_name_plural = _("roles at organisations")
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation", "role"], name="organisations_affiliation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.get_role_display()} · {self.organisation}"

    def get_additional_data(self) -> dict:
        return {"person": self.person_id, "organisation": self.organisation_id}
