"""Regressions found in review of the acquisition services."""

from django_scopes import scope

from lotse.companies import services
from lotse.companies.models import Stage
from lotse.factories import AcquisitionFactory


def test_a_stale_copy_never_moves_a_company_back(hagen, hagen_counsellor):
    acquisition = AcquisitionFactory(company__office=hagen, counsellor=hagen_counsellor)
    with scope(office=[hagen.pk]):
        services.move_to_stage(acquisition, Stage.OFFERS_PLACES, by=hagen_counsellor)
        # `acquisition` still says "identified" in memory; logging must not move it back.
        services.log_activity(acquisition, by=hagen_counsellor, kind="call", outcome="Rückruf")
        acquisition.refresh_from_db()
    assert acquisition.stage == Stage.OFFERS_PLACES
    assert acquisition.version == 2
