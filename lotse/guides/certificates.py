"""The qualification certificate a guide gets when she completed a training series."""

from lotse.core.pdf import data_url, render_pdf

from .models import GuideProfile
from .services import SeriesProgress


def qualification_certificate(guide: GuideProfile, state: SeriesProgress) -> bytes:
    """A one-page PDF: office and logo, the guide's name, the modules she attended."""
    office = guide.office
    return render_pdf(
        "guides/certificate.html",
        {
            "office": office,
            "logo": data_url(office.logo),
            "guide": guide,
            "series": state.series,
            "modules": [entry.module.event for entry in state.modules if entry.attended],
            "completed_on": state.completion.completed_on,
        },
    )
