import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who logs in. Signs in with user name or e-mail address."""

    email = models.EmailField(_("e-mail address"), blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                models.functions.Lower("email"),
                condition=~models.Q(email=""),
                name="accounts_user_email_unique_ci",
            )
        ]


class Office(models.Model):
    """A service point (Servicestelle): the tenant every personal record belongs to."""

    class Land(models.TextChoices):
        BW = "BW", "Baden-Württemberg"
        BY = "BY", "Bayern"
        BE = "BE", "Berlin"
        BB = "BB", "Brandenburg"
        HB = "HB", "Bremen"
        HH = "HH", "Hamburg"
        HE = "HE", "Hessen"
        MV = "MV", "Mecklenburg-Vorpommern"
        NI = "NI", "Niedersachsen"
        NW = "NW", "Nordrhein-Westfalen"
        RP = "RP", "Rheinland-Pfalz"
        SL = "SL", "Saarland"
        SN = "SN", "Sachsen"
        ST = "ST", "Sachsen-Anhalt"
        SH = "SH", "Schleswig-Holstein"
        TH = "TH", "Thüringen"

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), unique=True)
    town = models.CharField(_("town"), max_length=100)
    land = models.CharField(_("federal state"), max_length=2, choices=Land.choices)
    funding_line = models.CharField(
        _("funding line"),
        max_length=200,
        blank=True,
        help_text=_("e.g. JOBSTARTER plus (BMBF/ESF), KAUSA-Landesstelle"),
    )
    esf_enabled = models.BooleanField(
        _("collects ESF+ participant data"),
        default=True,
        help_text=_("Switch off when the office's funding line has no ESF+ share."),
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to="office-logos/",
        blank=True,
        help_text=_("Shown on certificates and participant lists (PNG or JPEG)."),
    )

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    COUNSELLOR = "counsellor", _("Counsellor")
    LEAD = "lead", _("Project lead")
    GUIDE = "guide", _("Volunteer guide")
    PROGRAMME = "programme", _("Programme office")
    ADMIN = "admin", _("Administration")


# Roles that work with personal records of their office.
PERSONAL_DATA_ROLES = frozenset({Role.COUNSELLOR, Role.LEAD})


class Membership(models.Model):
    """A user's role in one office. A user may belong to several offices."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("office")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["office__name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "office"], name="accounts_membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.office} · {self.get_role_display()}"

    @property
    def sees_personal_data(self) -> bool:
        return self.role in PERSONAL_DATA_ROLES


def _hash_token(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenManager(models.Manager):
    def issue(self, membership: Membership, name: str) -> tuple["ApiToken", str]:
        """Create a token; the plain key is returned once and only its hash is stored."""
        key = "lotse_" + secrets.token_urlsafe(32)
        token = self.create(
            membership=membership, name=name, prefix=key[:12], key_hash=_hash_token(key)
        )
        return token, key

    def for_key(self, key: str) -> "ApiToken | None":
        return (
            self.select_related("membership__user", "membership__office")
            .filter(key_hash=_hash_token(key), membership__user__is_active=True)
            .first()
        )


class ApiToken(models.Model):
    """Token for the JSON API; acts as its user in exactly one office."""

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="tokens", verbose_name=_("membership")
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("beginning of the key"), max_length=12, editable=False)
    key_hash = models.CharField(_("hash of the key"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ApiTokenManager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
