"""Channel analytics: which way of reaching companies yields places."""

import datetime

import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from lotse.companies import services
from lotse.companies.analytics import channel_report
from lotse.companies.models import Channel, Stage
from lotse.factories import OrganisationFactory, PersonFactory
from lotse.matching.models import Occupation, Place, Placement
from lotse.organisations.models import OrganisationKind

TODAY = datetime.date.today()
YEAR_START = datetime.date(TODAY.year, 1, 1)
YEAR_END = datetime.date(TODAY.year, 12, 31)


@pytest.fixture
def occupation(db):
    return Occupation.objects.create(
        name="Fliesen-, Platten- und Mosaikleger/-in",
        duration_months=36,
        area="hwk",
        source="test",
        source_date=datetime.date(2025, 8, 1),
    )


def _place(company, occupation, seats, filled_by=(), by=None):
    with scopes_disabled():
        place = Place.objects.create(
            office=company.office,
            kind="apprenticeship",
            company=company,
            occupation=occupation,
            postcode="58095",
            start_date=TODAY,
            seats=seats,
        )
        for person, status in filled_by:
            Placement.objects.create(
                office=company.office, place=place, person=person, status=status, created_by=by
            )
    return place


@pytest.fixture
def pipeline(hagen, hagen_counsellor, occupation):
    """Two cold calls, one MSO recommendation, one person's recommendation, one old case.

    * cold call "Kaltakquise A": contacted only;
    * cold call "Kaltakquise B": jumped to "offers places", 2 seats, 1 accepted;
    * recommended by the MSO: trains, 2 seats, started and accepted; plus 1 cancelled;
    * recommended by Leyla Yılmaz: identified;
    * started two years ago: outside the period.
    """
    mso = OrganisationFactory(
        office=hagen, name="Afghanischer Kulturverein", kind=OrganisationKind.MIGRANT_ORG
    )
    leyla = PersonFactory(office=hagen, given_names="Leyla", family_name="Yılmaz")
    young = [PersonFactory(office=hagen) for _ in range(4)]
    companies = {
        name: OrganisationFactory(office=hagen, name=name)
        for name in ("Kaltakquise A", "Kaltakquise B", "Empfohlen MSO", "Empfohlen Leyla", "Alt")
    }
    start = max(YEAR_START, TODAY - datetime.timedelta(days=30))
    with scope(office=[hagen.pk]):

        def begin(name, channel, **data):
            return services.start_acquisition(
                companies[name],
                channel=channel,
                counsellor=hagen_counsellor,
                started_on=data.pop("started_on", start),
                **data,
            )

        a = begin("Kaltakquise A", Channel.COLD_CALL)
        services.move_to_stage(a, Stage.CONTACTED, by=hagen_counsellor)
        b = begin("Kaltakquise B", Channel.COLD_CALL)
        services.move_to_stage(b, Stage.OFFERS_PLACES, by=hagen_counsellor)
        c = begin("Empfohlen MSO", Channel.RECOMMENDATION, recommended_by_organisation=mso)
        services.move_to_stage(c, Stage.TRAINS, by=hagen_counsellor)
        begin("Empfohlen Leyla", Channel.RECOMMENDATION, recommended_by_person=leyla)
        begin(
            "Alt",
            Channel.OUTREACH_VISIT,
            started_on=datetime.date(TODAY.year - 2, 3, 1),
        )
    _place(companies["Kaltakquise B"], occupation, 2, [(young[0], "accepted")], hagen_counsellor)
    _place(
        companies["Empfohlen MSO"],
        occupation,
        2,
        [(young[1], "started"), (young[2], "accepted"), (young[3], "cancelled")],
        hagen_counsellor,
    )
    _place(companies["Alt"], occupation, 5, [], hagen_counsellor)
    return {"mso": mso, "leyla": leyla}


def test_it_counts_per_channel_and_recommender(hagen, pipeline):
    with scope(office=[hagen.pk]):
        report = channel_report(YEAR_START, YEAR_END)
    rows = {row.channel: row for row in report.channels}
    cold = rows[Channel.COLD_CALL]
    assert cold.companies == 2
    assert cold.reached[Stage.IDENTIFIED] == 2 and cold.reached[Stage.CONTACTED] == 2
    # B skipped "counselled" and "entitled": they count as reached.
    assert cold.reached[Stage.COUNSELLED] == 1 and cold.reached[Stage.OFFERS_PLACES] == 1
    assert (cold.places_offered, cold.places_filled) == (2, 1)
    assert cold.fill_rate == 0.5
    recommended = rows[Channel.RECOMMENDATION]
    assert recommended.companies == 2 and recommended.reached[Stage.TRAINS] == 1
    assert (recommended.places_offered, recommended.places_filled) == (2, 2)
    assert rows[Channel.OUTREACH_VISIT].companies == 0  # started before the period
    by_label = {row.label: row for row in report.recommenders}
    assert set(by_label) == {"Afghanischer Kulturverein", "Leyla Yılmaz"}
    assert by_label["Afghanischer Kulturverein"].places_filled == 2
    assert by_label["Leyla Yılmaz"].reached[Stage.IDENTIFIED] == 1
    assert report.recommenders[0].label == "Afghanischer Kulturverein"


def test_the_page_answers_the_question_with_a_chart_and_tables(client, hagen_counsellor, pipeline):
    client.force_login(hagen_counsellor)
    response = client.get(reverse("companies:analytics"))
    page = response.content.decode()
    assert response.status_code == 200
    # Default period: the current year.
    assert f'value="{YEAR_START.isoformat()}"' in page and f'value="{YEAR_END.isoformat()}"' in page
    assert "Which way of reaching companies works?" in page
    assert 'role="img" aria-labelledby="chart-title chart-desc"' in page
    assert '<title id="chart-title">' in page and '<desc id="chart-desc">' in page
    assert "Worked best in this period: personal recommendation" in page
    assert "Afghanischer Kulturverein (2)" in page
    channels_table = page.split('id="channels"')[1].split("</table>")[0]
    assert "cold call" in channels_table and "50 %" in channels_table
    recommenders_table = page.split('id="recommenders"')[1].split("</table>")[0]
    assert "Leyla Yılmaz" in recommenders_table
    # No decimal commas in SVG coordinates, whatever the language.
    client.post(reverse("set_language"), {"language": "de"})
    german = client.get(reverse("companies:analytics")).content.decode()
    svg = german.split("<svg")[1].split("</svg>")[0]
    shapes = svg.split("</desc>")[1]
    assert 'width="470"' in shapes and "," not in shapes and "." not in shapes


def test_a_chosen_period_excludes_later_starts(client, hagen_counsellor, pipeline):
    client.force_login(hagen_counsellor)
    old_year = TODAY.year - 2
    page = client.get(
        reverse("companies:analytics"),
        {"start": f"{old_year}-01-01", "end": f"{old_year}-12-31"},
    ).content.decode()
    channels_table = page.split('id="channels"')[1].split("</table>")[0]
    visit_row = channels_table.split("outreach visit")[1].split("</tr>")[0]
    assert "<td>1</td>" in visit_row
    assert "None of the companies reached in this period offers places yet." in page


def test_an_inverted_period_is_explained(client, hagen_counsellor):
    client.force_login(hagen_counsellor)
    page = client.get(
        reverse("companies:analytics"), {"start": "2026-12-31", "end": "2026-01-01"}
    ).content.decode()
    assert "The end of the period is before its start." in page
    assert "<svg" not in page
