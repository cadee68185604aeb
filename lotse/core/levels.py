"""Language levels of the Common European Framework of Reference (CEFR)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CefrLevel(models.TextChoices):
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"


CEFR_ORDER = {level: index for index, level in enumerate(CefrLevel.values)}


class Skill(models.TextChoices):
    """The five skills of the CEFR self-assessment grid."""

    LISTENING = "listening", _("listening")
    READING = "reading", _("reading")
    SPOKEN_INTERACTION = "spoken_interaction", _("spoken interaction")
    SPOKEN_PRODUCTION = "spoken_production", _("spoken production")
    WRITING = "writing", _("writing")
