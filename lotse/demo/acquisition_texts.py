"""How the demo offices won their companies, the places offered and the placements.

The seeds name three ways to reach entrepreneurs with a migration background that
worked: cold calls (Kaltakquise), outreach visits (aufsuchende Beratung) and personal
recommendations — by migrant organisations and by companies already won. Hagen's
companies follow the stories of stories.py (Bodenbeläge Özdemir trains Hadi Rezaie;
Elif Özdemir applies at the Steuerbüro; Emre Yılmaz does his internship in a Kfz
workshop); Osnabrück's are built on its network of training entrepreneurs. Generated
offices and generated companies get a generic pipeline (see acquisitions.py).

Days count from the day of seeding. Companies and recommenders are organisation name
templates of places.py; a recommender "guide:<community>" is a volunteer guide of that
community. People in placements are featured people (names.FEATURED) or "young:<n>",
the n-th young person of the office with an open case who is not featured. Places
starting on "august" start on the next 1 August.
"""

from dataclasses import dataclass

from lotse.companies.models import ActivityKind, Channel, Entitlement, Stage
from lotse.matching.models import PlaceKind, PlacementStatus

CALL, VISIT, EMAIL, MEETING = (
    ActivityKind.CALL,
    ActivityKind.VISIT,
    ActivityKind.EMAIL,
    ActivityKind.MEETING,
)
COLD, OUTREACH, RECOMMENDATION = Channel.COLD_CALL, Channel.OUTREACH_VISIT, Channel.RECOMMENDATION


@dataclass(frozen=True)
class Act:
    """An activity, optionally with the next step agreed (open unless DONE)."""

    kind: str
    day: int
    outcome: str
    next_step: str = ""
    due: int | None = None
    done: int | None = None


@dataclass(frozen=True)
class PlaceSpec:
    key: str
    kind: str
    occupation: str  # name of a shipped Occupation
    start: int | str  # days from today, or "august"
    seats: int = 1
    duration: str = ""
    school: str = ""
    german: str = ""
    description: str = ""


@dataclass(frozen=True)
class AcquisitionSpec:
    company: str
    channel: str
    started: int
    stages: tuple[tuple[str, int], ...] = ()  # stages after "contacted" and the day reached
    recommender: str = ""
    entitlement: str = Entitlement.UNKNOWN
    status: str = "active"
    reason: str = ""
    counsellor: str = "counsellor"  # or "lead"
    notes: str = ""
    activities: tuple[Act, ...] = ()
    places: tuple[PlaceSpec, ...] = ()


@dataclass(frozen=True)
class PlacementSpec:
    person: str
    place: str
    suggested: int
    steps: tuple[tuple[str, int], ...] = ()  # (status, day) after "suggested"
    cancelled_by: str = ""
    cancel_reason: str = ""


@dataclass(frozen=True)
class ProfileSpec:
    person: str
    wishes: tuple[str, ...]
    german: str = ""
    school: str = ""
    available: int | str = "august"
    distance: int = 25


HAGEN_ACQUISITIONS = (
    AcquisitionSpec(
        "Bodenbeläge {family}",
        RECOMMENDATION,
        -520,
        stages=(
            (Stage.COUNSELLED, -500),
            (Stage.ENTITLED, -420),
            (Stage.OFFERS_PLACES, -410),
            (Stage.TRAINS, -300),
        ),
        recommender="Türkisch-Islamische Gemeinde Hagen (DITIB)",
        entitlement=Entitlement.YES,
        counsellor="lead",
        notes="Über den Vorstand der DITIB-Gemeinde gewonnen. Bildet seit der "
        "Einstiegsqualifizierung aus.",
        activities=(
            Act(
                VISIT,
                -515,
                "Erstbesuch im Betrieb; der Inhaber möchte ausbilden, die Ausbildereignung "
                "(AEVO) fehlt noch.",
            ),
            Act(
                MEETING,
                -500,
                "Beratung zum AEVO-Kurs und zur Eintragung als Ausbildungsbetrieb.",
                "Anmeldung zum AEVO-Kurs der Handwerkskammer nachfragen",
                -470,
                -468,
            ),
            Act(CALL, -420, "AEVO-Prüfung bestanden."),
            Act(
                VISIT,
                -65,
                "Ausbildungsplatz zum Bodenleger an einen Teilnehmer unserer Beratung "
                "vergeben; der Vertrag wird vorbereitet.",
                "Eintragung des Ausbildungsvertrags bei der Handwerkskammer nachhalten",
                5,
            ),
        ),
        places=(
            PlaceSpec(
                "boden_ausbildung",
                PlaceKind.APPRENTICESHIP,
                "Bodenleger",
                40,
                duration="3 Jahre",
                german="B1",
                description="Ausbildung nach der Einstiegsqualifizierung.",
            ),
            PlaceSpec(
                "boden_praktikum",
                PlaceKind.INTERNSHIP,
                "Bodenleger",
                30,
                duration="2 Wochen",
                description="Schnupperpraktikum; Arbeitskleidung wird gestellt.",
            ),
        ),
    ),
    AcquisitionSpec(
        "Kfz-Werkstatt {family}",
        OUTREACH,
        -210,
        stages=(
            (Stage.COUNSELLED, -190),
            (Stage.ENTITLED, -190),
            (Stage.OFFERS_PLACES, -150),
        ),
        entitlement=Entitlement.YES,
        notes="Meisterbetrieb; bildete bisher nicht aus.",
        activities=(
            Act(
                VISIT,
                -210,
                "Aufsuchende Beratung im Gewerbegebiet; der Inhaber ist Kfz-Meister.",
            ),
            Act(MEETING, -190, "Beratung zu Ausbildung, Berufsschule und Förderung."),
            Act(CALL, -150, "Bietet Praktikumsplätze und ab Sommer einen Ausbildungsplatz an."),
            Act(
                CALL,
                -30,
                "Praktikum in den Herbstferien für einen Schüler vereinbart.",
                "Nach dem Praktikum Rückmeldung des Betriebs einholen",
                3,
            ),
        ),
        places=(
            PlaceSpec(
                "kfz_praktikum",
                PlaceKind.INTERNSHIP,
                "Kraftfahrzeugmechatroniker",
                -14,
                duration="2 Wochen",
            ),
            PlaceSpec(
                "kfz_ausbildung",
                PlaceKind.APPRENTICESHIP,
                "Kraftfahrzeugmechatroniker",
                "august",
                duration="3,5 Jahre",
                school="hauptschule",
                german="B1",
            ),
        ),
    ),
    AcquisitionSpec(
        "Friseursalon {given}",
        RECOMMENDATION,
        -95,
        stages=((Stage.COUNSELLED, -80),),
        recommender="guide:syrian",
        entitlement=Entitlement.AEVO_IN_PROGRESS,
        activities=(
            Act(
                MEETING,
                -95,
                "Über die Elternlotsin des Syrischen Kulturvereins vermittelt; die Inhaberin "
                "möchte ausbilden.",
            ),
            Act(
                CALL,
                -80,
                "Meisterbrief aus Syrien ist nicht anerkannt; Weg über Anerkennung und AEVO "
                "besprochen.",
                "Anmeldung zum AEVO-Kurs der Handwerkskammer nachfragen",
                -3,
            ),
        ),
    ),
    AcquisitionSpec(
        "{family} Lebensmittelgroßhandel GmbH",
        COLD,
        -160,
        stages=(
            (Stage.COUNSELLED, -140),
            (Stage.ENTITLED, -140),
            (Stage.OFFERS_PLACES, -120),
        ),
        entitlement=Entitlement.YES,
        activities=(
            Act(CALL, -160, "Kaltakquise: der Geschäftsführer ist offen für Ausbildung."),
            Act(VISIT, -140, "Betriebsbesuch; ein Ausbilder mit AEVO ist im Betrieb."),
            Act(
                EMAIL,
                -120,
                "Zwei Ausbildungsplätze, eine Einstiegsqualifizierung und "
                "Berufsfelderkundungstage gemeldet.",
                "Bewerberinnen und Bewerber aus unserer Beratung vorschlagen",
                2,
            ),
        ),
        places=(
            PlaceSpec(
                "handel_ausbildung",
                PlaceKind.APPRENTICESHIP,
                "Kaufmann im Groß- und Außenhandelsmanagement",
                "august",
                seats=2,
                duration="3 Jahre",
                school="mittlerer",
                german="B2",
            ),
            PlaceSpec(
                "handel_eq",
                PlaceKind.EQ,
                "Fachlagerist",
                40,
                duration="6–12 Monate",
                german="A2",
            ),
            PlaceSpec(
                "handel_bfe",
                PlaceKind.ORIENTATION_DAY,
                "Fachkraft für Lagerlogistik",
                58,
                seats=5,
                duration="3 Tage",
                description="Berufsfelderkundungstage (KAoA) in Lager und Büro.",
            ),
        ),
    ),
    AcquisitionSpec(
        "Ambulanter Pflegedienst {family}",
        RECOMMENDATION,
        -300,
        stages=(
            (Stage.COUNSELLED, -280),
            (Stage.ENTITLED, -280),
            (Stage.OFFERS_PLACES, -260),
            (Stage.TRAINS, -40),
        ),
        recommender="Polnische Katholische Mission Hagen",
        entitlement=Entitlement.YES,
        notes="Bildet Pflegefachkräfte aus (Pflegeberufegesetz) und sucht eine kaufmännische "
        "Auszubildende.",
        activities=(
            Act(CALL, -300, "Empfehlung der Polnischen Mission; Termin vereinbart."),
            Act(VISIT, -280, "Beratung zur Ausbildung; Praktikum für eine Teilnehmerin."),
            Act(CALL, -40, "Ausbildungsvertrag in der Pflege mit unserer Teilnehmerin."),
        ),
        places=(
            PlaceSpec(
                "pflege_buero",
                PlaceKind.APPRENTICESHIP,
                "Kaufmann im Gesundheitswesen",
                "august",
                duration="3 Jahre",
                school="mittlerer",
                german="B2",
            ),
        ),
    ),
    AcquisitionSpec(
        "Steuerbüro {family}",
        COLD,
        -170,
        stages=(
            (Stage.COUNSELLED, -150),
            (Stage.ENTITLED, -150),
            (Stage.OFFERS_PLACES, -100),
        ),
        entitlement=Entitlement.YES,
        activities=(
            Act(CALL, -170, "Kaltakquise; der Inhaber kennt die KAUSA Servicestelle nicht."),
            Act(VISIT, -150, "Beratung: Ausbildung zur/zum Steuerfachangestellten."),
            Act(CALL, -100, "Praktikum für eine Teilnehmerin zugesagt."),
            Act(
                CALL,
                -5,
                "Ausbildungsplatz zum Sommer ist frei; Bewerbung unserer Teilnehmerin angekündigt.",
                "Nachfragen, ob die Bewerbung angekommen ist",
                10,
            ),
        ),
        places=(
            PlaceSpec(
                "steuer_ausbildung",
                PlaceKind.APPRENTICESHIP,
                "Steuerfachangestellter",
                "august",
                duration="3 Jahre",
                school="mittlerer",
                german="C1",
            ),
        ),
    ),
    AcquisitionSpec(
        "Restaurant Damaskus",
        OUTREACH,
        -90,
        status="paused",
        reason="Der Inhaber renoviert; Gespräch im Frühjahr wieder aufnehmen.",
        activities=(
            Act(
                VISIT,
                -90,
                "Aufsuchende Beratung in der Innenstadt; Interesse an einer Ausbildung zum "
                "Koch, aber keine Ausbildereignung.",
            ),
        ),
    ),
    AcquisitionSpec(
        "Bäckerei {family}",
        RECOMMENDATION,
        -120,
        stages=((Stage.COUNSELLED, -100), (Stage.ENTITLED, -15)),
        recommender="Bodenbeläge {family}",
        entitlement=Entitlement.YES,
        activities=(
            Act(CALL, -120, "Herr Özdemir hat uns empfohlen; Termin vereinbart."),
            Act(
                VISIT,
                -100,
                "Beratung zur Ausbildereignung; der Sohn des Inhabers macht den AEVO-Kurs.",
                "Nachfragen, ob der AEVO-Kurs begonnen hat",
                -60,
                -58,
            ),
            Act(
                CALL,
                -15,
                "AEVO-Prüfung bestanden; der Betrieb ist als Ausbildungsbetrieb eingetragen.",
                "Ausbildungsplatz zum Bäcker für den Sommer besprechen",
                6,
            ),
        ),
    ),
    AcquisitionSpec(
        "Elektrotechnik {family} GmbH",
        RECOMMENDATION,
        -240,
        stages=(
            (Stage.COUNSELLED, -220),
            (Stage.ENTITLED, -220),
            (Stage.OFFERS_PLACES, -200),
        ),
        recommender="Russischsprachiger Elternverein Hagen e. V.",
        entitlement=Entitlement.YES,
        activities=(
            Act(CALL, -240, "Empfehlung des Russischsprachigen Elternvereins."),
            Act(VISIT, -220, "Betriebsbesuch; Ausbildung zum Elektroniker besprochen."),
            Act(EMAIL, -200, "Ausbildungsplatz und Schulpraktika gemeldet."),
        ),
        places=(
            PlaceSpec(
                "elektro_ausbildung",
                PlaceKind.APPRENTICESHIP,
                "Elektroniker (Fachrichtung Energie- und Gebäudetechnik)",
                -110,
                duration="3,5 Jahre",
                school="hauptschule",
                german="B1",
            ),
            PlaceSpec(
                "elektro_praktikum",
                PlaceKind.INTERNSHIP,
                "Elektroniker (Fachrichtung Energie- und Gebäudetechnik)",
                20,
                duration="3 Wochen",
                description="Schulpraktikum der 9. Klasse.",
            ),
        ),
    ),
    AcquisitionSpec(
        "Gebäudereinigung {family}",
        COLD,
        -12,
        activities=(
            Act(
                CALL,
                -12,
                "Kaltakquise; der Inhaber möchte mehr über Ausbildung wissen.",
                "Termin für einen Betriebsbesuch vereinbaren",
                0,
            ),
        ),
    ),
    AcquisitionSpec(
        "Lenne Metallbau GmbH",
        COLD,
        -400,
        stages=(
            (Stage.COUNSELLED, -380),
            (Stage.ENTITLED, -380),
            (Stage.OFFERS_PLACES, -360),
        ),
        entitlement=Entitlement.YES,
        notes="Öffnet sich für Bewerberinnen und Bewerber mit Migrationshintergrund.",
        activities=(
            Act(CALL, -400, "Kaltakquise; Ausbildungsleitung offen für unsere Teilnehmenden."),
            Act(MEETING, -380, "Beratung zu Sprachförderung während der Ausbildung."),
            Act(EMAIL, -360, "Zwei Ausbildungsplätze gemeldet."),
        ),
        places=(
            PlaceSpec(
                "metall_jetzt",
                PlaceKind.APPRENTICESHIP,
                "Metallbauer",
                -110,
                seats=2,
                duration="3,5 Jahre",
                school="hauptschule",
                german="B1",
            ),
            PlaceSpec(
                "metall_august",
                PlaceKind.APPRENTICESHIP,
                "Metallbauer",
                "august",
                seats=2,
                duration="3,5 Jahre",
                school="hauptschule",
                german="B1",
            ),
        ),
    ),
    AcquisitionSpec(
        "Volme Logistik GmbH",
        COLD,
        -60,
        status="lost",
        reason="Kein Interesse: bildet nur über die eigene Konzernakademie aus.",
        activities=(Act(CALL, -60, "Kaltakquise; kein Interesse."),),
    ),
)

HAGEN_PROFILES = (
    ProfileSpec("hadi", ("Bodenleger", "Parkettleger"), "B1", "foreign", -20),
    ProfileSpec(
        "mohammed",
        ("Elektroniker (Fachrichtung Energie- und Gebäudetechnik)", "Mechatroniker"),
        "B1",
        "none",
    ),
    ProfileSpec("emre", ("Kraftfahrzeugmechatroniker", "Zweiradmechatroniker"), "B2", "none"),
    ProfileSpec(
        "elif",
        ("Steuerfachangestellter", "Kaufmann für Büromanagement"),
        "C1",
        "mittlerer",
        distance=30,
    ),
    ProfileSpec(
        "selam",
        ("Medizinischer Fachangestellter", "Zahnmedizinischer Fachangestellter"),
        "B1",
        "foreign",
    ),
    ProfileSpec("daryna", ("Kaufmann für Büromanagement",), "A2", "none", distance=15),
)
HAGEN_PLACEMENTS = (
    PlacementSpec(
        "hadi",
        "boden_ausbildung",
        -70,
        ((PlacementStatus.APPLIED, -65), (PlacementStatus.ACCEPTED, -20)),
    ),
    PlacementSpec(
        "emre",
        "kfz_praktikum",
        -30,
        (
            (PlacementStatus.APPLIED, -28),
            (PlacementStatus.ACCEPTED, -25),
            (PlacementStatus.STARTED, -14),
        ),
    ),
    PlacementSpec("elif", "steuer_ausbildung", -5),
    PlacementSpec("mohammed", "elektro_praktikum", -12, ((PlacementStatus.APPLIED, -8),)),
    PlacementSpec(
        "young:0",
        "elektro_ausbildung",
        -150,
        (
            (PlacementStatus.APPLIED, -145),
            (PlacementStatus.INTERVIEW, -135),
            (PlacementStatus.ACCEPTED, -130),
            (PlacementStatus.STARTED, -110),
        ),
    ),
    PlacementSpec(
        "young:1",
        "metall_jetzt",
        -140,
        (
            (PlacementStatus.APPLIED, -135),
            (PlacementStatus.ACCEPTED, -125),
            (PlacementStatus.STARTED, -110),
        ),
    ),
    PlacementSpec(
        "young:2",
        "metall_jetzt",
        -140,
        ((PlacementStatus.APPLIED, -134), (PlacementStatus.CANCELLED, -120)),
        cancelled_by="person",
        cancel_reason="Hat sich für eine Ausbildung in der Nähe des Wohnorts entschieden.",
    ),
    PlacementSpec("young:3", "handel_ausbildung", -10, ((PlacementStatus.APPLIED, -4),)),
)

OSNABRUECK_ACQUISITIONS = (
    AcquisitionSpec(
        "Autoservice {family}",
        RECOMMENDATION,
        -330,
        stages=(
            (Stage.COUNSELLED, -310),
            (Stage.ENTITLED, -310),
            (Stage.OFFERS_PLACES, -290),
        ),
        recommender="Ezidisches Kulturzentrum Osnabrück e. V.",
        entitlement=Entitlement.YES,
        notes="Gründungsmitglied im Netzwerk ausbildender Unternehmerinnen und Unternehmer.",
        activities=(
            Act(CALL, -330, "Empfehlung des Ezidischen Kulturzentrums."),
            Act(VISIT, -310, "Betriebsbesuch; der Inhaber ist Kfz-Meister."),
            Act(EMAIL, -290, "Ausbildungsplatz und Praktika gemeldet."),
        ),
        places=(
            PlaceSpec(
                "kfz_jetzt",
                PlaceKind.APPRENTICESHIP,
                "Kraftfahrzeugmechatroniker",
                -100,
                duration="3,5 Jahre",
                school="hauptschule",
                german="B1",
            ),
            PlaceSpec(
                "kfz_praktikum",
                PlaceKind.INTERNSHIP,
                "Kraftfahrzeugmechatroniker",
                15,
                seats=2,
                duration="2 Wochen",
            ),
        ),
    ),
    AcquisitionSpec(
        "Friseursalon {given}",
        OUTREACH,
        -75,
        stages=((Stage.COUNSELLED, -60),),
        entitlement=Entitlement.AEVO_IN_PROGRESS,
        activities=(
            Act(VISIT, -75, "Aufsuchende Beratung; die Inhaberin ist Friseurmeisterin aus Kyjiw."),
            Act(
                MEETING,
                -60,
                "Anerkennung des Meisterbriefs und AEVO besprochen.",
                "Bescheid der Anerkennungsstelle nachfragen",
                -1,
            ),
        ),
    ),
    AcquisitionSpec(
        "{family} Feinkost & Großhandel",
        COLD,
        -200,
        stages=(
            (Stage.COUNSELLED, -180),
            (Stage.ENTITLED, -180),
            (Stage.OFFERS_PLACES, -150),
        ),
        entitlement=Entitlement.YES,
        activities=(
            Act(CALL, -200, "Kaltakquise; Termin vereinbart."),
            Act(VISIT, -180, "Beratung; der Inhaber hat die AEVO."),
            Act(EMAIL, -150, "Ausbildungsplatz und Einstiegsqualifizierung gemeldet."),
        ),
        places=(
            PlaceSpec(
                "handel_ausbildung",
                PlaceKind.APPRENTICESHIP,
                "Kaufmann im Groß- und Außenhandelsmanagement",
                "august",
                duration="3 Jahre",
                school="mittlerer",
                german="B2",
            ),
            PlaceSpec("handel_eq", PlaceKind.EQ, "Fachlagerist", 30, duration="6–12 Monate"),
        ),
    ),
    AcquisitionSpec(
        "Pflegedienst {family}",
        RECOMMENDATION,
        -260,
        stages=(
            (Stage.COUNSELLED, -240),
            (Stage.ENTITLED, -240),
            (Stage.OFFERS_PLACES, -200),
        ),
        recommender="Russlanddeutscher Kulturverein Osnabrück e. V.",
        entitlement=Entitlement.YES,
        activities=(
            Act(CALL, -260, "Empfehlung des Russlanddeutschen Kulturvereins."),
            Act(VISIT, -240, "Beratung zur kaufmännischen Ausbildung."),
            Act(EMAIL, -200, "Ausbildungsplatz gemeldet."),
        ),
        places=(
            PlaceSpec(
                "pflege_buero",
                PlaceKind.APPRENTICESHIP,
                "Kaufmann im Gesundheitswesen",
                "august",
                duration="3 Jahre",
                school="mittlerer",
                german="B2",
            ),
        ),
    ),
    AcquisitionSpec(
        "Steuerkanzlei {family}",
        COLD,
        -140,
        stages=(
            (Stage.COUNSELLED, -120),
            (Stage.ENTITLED, -120),
            (Stage.OFFERS_PLACES, -90),
        ),
        entitlement=Entitlement.YES,
        activities=(
            Act(CALL, -140, "Kaltakquise; die Inhaberin bildet gern aus."),
            Act(MEETING, -120, "Beratung beim Netzwerktreffen."),
            Act(
                EMAIL,
                -90,
                "Ausbildungsplatz gemeldet.",
                "Termin für das Vorstellungsgespräch bestätigen",
                4,
            ),
        ),
        places=(
            PlaceSpec(
                "steuer_ausbildung",
                PlaceKind.APPRENTICESHIP,
                "Steuerfachangestellter",
                "august",
                duration="3 Jahre",
                school="mittlerer",
                german="B2",
            ),
        ),
    ),
    AcquisitionSpec(
        "Restaurant Aleppo",
        OUTREACH,
        -50,
        status="lost",
        reason="Der Betrieb wurde verkauft.",
        activities=(Act(VISIT, -50, "Aufsuchende Beratung; Interesse an Ausbildung zum Koch."),),
    ),
    AcquisitionSpec(
        "Bäckerei {family}",
        RECOMMENDATION,
        -110,
        stages=((Stage.COUNSELLED, -90),),
        recommender="Polnische Katholische Mission Osnabrück",
        entitlement=Entitlement.AEVO_IN_PROGRESS,
        activities=(
            Act(CALL, -110, "Empfehlung der Polnischen Mission."),
            Act(
                VISIT,
                -90,
                "Beratung zur Ausbildereignung.",
                "Nachfragen, ob die AEVO-Prüfung bestanden ist",
                4,
            ),
        ),
    ),
    AcquisitionSpec(
        "Fliesenlegerbetrieb {family}",
        OUTREACH,
        -180,
        stages=(
            (Stage.COUNSELLED, -160),
            (Stage.ENTITLED, -120),
            (Stage.OFFERS_PLACES, -100),
        ),
        entitlement=Entitlement.YES,
        activities=(
            Act(VISIT, -180, "Aufsuchende Beratung auf einer Baustelle."),
            Act(MEETING, -160, "Beratung zur Eintragung als Ausbildungsbetrieb."),
            Act(CALL, -120, "Eintragung bei der Handwerkskammer erfolgt."),
        ),
        places=(
            PlaceSpec(
                "fliesen_ausbildung",
                PlaceKind.APPRENTICESHIP,
                "Fliesen-, Platten- und Mosaikleger",
                "august",
                duration="3 Jahre",
                german="A2",
            ),
            PlaceSpec(
                "fliesen_praktikum",
                PlaceKind.INTERNSHIP,
                "Fliesen-, Platten- und Mosaikleger",
                27,
                duration="1 Woche",
            ),
        ),
    ),
    AcquisitionSpec(
        "Zahnarztpraxis Dr. {family}",
        RECOMMENDATION,
        -90,
        stages=(
            (Stage.COUNSELLED, -70),
            (Stage.ENTITLED, -70),
            (Stage.OFFERS_PLACES, -60),
        ),
        recommender="Steuerkanzlei {family}",
        entitlement=Entitlement.YES,
        activities=(
            Act(CALL, -90, "Empfehlung der Steuerkanzlei aus dem Unternehmernetzwerk."),
            Act(VISIT, -70, "Beratung in der Praxis."),
            Act(EMAIL, -60, "Ausbildungsplatz gemeldet."),
        ),
        places=(
            PlaceSpec(
                "zahn_ausbildung",
                PlaceKind.APPRENTICESHIP,
                "Zahnmedizinischer Fachangestellter",
                "august",
                duration="3 Jahre",
                school="mittlerer",
                german="B2",
            ),
        ),
    ),
    AcquisitionSpec(
        "Hase Logistik GmbH",
        COLD,
        -420,
        stages=(
            (Stage.COUNSELLED, -400),
            (Stage.ENTITLED, -400),
            (Stage.OFFERS_PLACES, -380),
        ),
        entitlement=Entitlement.YES,
        activities=(
            Act(CALL, -420, "Kaltakquise bei der Ausbildungsleitung."),
            Act(MEETING, -400, "Beratung zu Einstiegsqualifizierung und Sprachförderung."),
            Act(EMAIL, -380, "Drei Ausbildungsplätze im Lager gemeldet."),
        ),
        places=(
            PlaceSpec(
                "lager_jetzt",
                PlaceKind.APPRENTICESHIP,
                "Fachkraft für Lagerlogistik",
                -100,
                seats=3,
                duration="3 Jahre",
                german="B1",
            ),
            PlaceSpec(
                "fahrer_august",
                PlaceKind.APPRENTICESHIP,
                "Berufskraftfahrer",
                "august",
                seats=2,
                duration="3 Jahre",
                german="B1",
            ),
        ),
    ),
    AcquisitionSpec(
        "Osnabrücker Metallbau GmbH",
        OUTREACH,
        -30,
        activities=(
            Act(
                VISIT,
                -30,
                "Aufsuchende Beratung; die Ausbildungsleitung ist interessiert.",
                "Termin mit der Ausbildungsleitung vereinbaren",
                0,
            ),
        ),
    ),
)

OSNABRUECK_PROFILES = (
    ProfileSpec(
        "muhammad",
        ("Kaufmann im Groß- und Außenhandelsmanagement", "Fachkraft für Lagerlogistik"),
        "B1",
        "foreign",
    ),
    ProfileSpec("rojda", ("Zahnmedizinischer Fachangestellter",), "B2", "none"),
    ProfileSpec("yusuf", ("Kraftfahrzeugmechatroniker",), "C1", "none"),
    ProfileSpec("yonas", ("Fachkraft für Lagerlogistik", "Berufskraftfahrer"), "A2", "foreign", 30),
)
OSNABRUECK_PLACEMENTS = (
    PlacementSpec(
        "young:0",
        "kfz_jetzt",
        -130,
        (
            (PlacementStatus.APPLIED, -125),
            (PlacementStatus.ACCEPTED, -115),
            (PlacementStatus.STARTED, -100),
        ),
    ),
    PlacementSpec(
        "young:1",
        "steuer_ausbildung",
        -30,
        ((PlacementStatus.APPLIED, -20), (PlacementStatus.INTERVIEW, -6)),
    ),
    PlacementSpec(
        "young:2",
        "lager_jetzt",
        -130,
        (
            (PlacementStatus.APPLIED, -128),
            (PlacementStatus.ACCEPTED, -120),
            (PlacementStatus.STARTED, -100),
        ),
    ),
    PlacementSpec("yusuf", "kfz_praktikum", -7),
    PlacementSpec("yonas", "lager_jetzt", -40, ((PlacementStatus.APPLIED, -35),)),
)

ACQUISITIONS = {"hagen": HAGEN_ACQUISITIONS, "osnabrueck": OSNABRUECK_ACQUISITIONS}
PROFILES = {"hagen": HAGEN_PROFILES, "osnabrueck": OSNABRUECK_PROFILES}
PLACEMENTS = {"hagen": HAGEN_PLACEMENTS, "osnabrueck": OSNABRUECK_PLACEMENTS}

# --------------------------------------------------------------------------- generic

# The occupation a company of a sector trains in (sector as in places.py).
SECTOR_OCCUPATION = {
    "Bodenleger": "Bodenleger",
    "Kfz-Werkstatt": "Kraftfahrzeugmechatroniker",
    "Friseurhandwerk": "Friseur",
    "Lebensmittelgroßhandel": "Kaufmann im Groß- und Außenhandelsmanagement",
    "Lebensmitteleinzelhandel": "Verkäufer",
    "Pflegedienst": "Kaufmann im Gesundheitswesen",
    "Steuerberatung": "Steuerfachangestellter",
    "Gastronomie": "Koch",
    "Bäckerei": "Bäcker",
    "Elektrohandwerk": "Elektroniker (Fachrichtung Energie- und Gebäudetechnik)",
    "Gebäudereinigung": "Gebäudereiniger",
    "Fliesenleger": "Fliesen-, Platten- und Mosaikleger",
    "Maler und Lackierer": "Maler und Lackierer",
    "Zahnarztpraxis": "Zahnmedizinischer Fachangestellter",
    "Arztpraxis": "Medizinischer Fachangestellter",
    "Spedition und Logistik": "Fachkraft für Lagerlogistik",
    "Sanitär, Heizung, Klima": "Anlagenmechaniker für Sanitär-, Heizungs- und Klimatechnik",
    "Reisebüro": "Tourismuskaufmann (Kaufmann für Privat- und Geschäftsreisen)",
    "Metallbau": "Metallbauer",
}
DEFAULT_OCCUPATION = "Kaufmann im Einzelhandel"
# At most this many generated companies of an office are in the pipeline.
GENERATED_ACQUISITIONS = 6
# (channel, weight) and (furthest stage, weight) of a generated acquisition.
CHANNEL_WEIGHTS = ((COLD, 40), (OUTREACH, 35), (RECOMMENDATION, 25))
STAGE_WEIGHTS = (
    (Stage.CONTACTED, 30),
    (Stage.COUNSELLED, 25),
    (Stage.ENTITLED, 15),
    (Stage.OFFERS_PLACES, 25),
    (Stage.TRAINS, 5),
)
GENERIC_OUTCOMES = {
    Stage.CONTACTED: (
        (CALL, "Kaltakquise; Interesse an Ausbildung, Termin vereinbart."),
        (VISIT, "Aufsuchende Beratung im Betrieb; Infomaterial dagelassen."),
        (CALL, "Empfehlung aufgegriffen; Inhaber möchte mehr wissen."),
    ),
    Stage.COUNSELLED: (
        (VISIT, "Beratung zu Ausbildung, Berufsschule und Förderung."),
        (MEETING, "Beratung zur Ausbildereignung (AEVO)."),
    ),
    Stage.ENTITLED: ((CALL, "Ausbildereignung liegt vor; Eintragung bei der Kammer erfolgt."),),
    Stage.OFFERS_PLACES: ((EMAIL, "Ausbildungsplatz gemeldet."),),
    Stage.TRAINS: ((CALL, "Die Ausbildung hat begonnen."),),
}
GENERIC_NEXT_STEPS = (
    "Termin für einen Betriebsbesuch vereinbaren",
    "Informationen zur AEVO schicken",
    "Bewerberinnen und Bewerber vorschlagen",
    "Nachfragen, ob die Eintragung bei der Kammer erfolgt ist",
)
