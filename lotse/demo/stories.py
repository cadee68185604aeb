"""The written-out cases of the Hagen demo people (see names.FEATURED).

Each story is a case of a featured person: its consultations, next steps,
referrals and outcomes, with days counted from the day of seeding (0 = today,
-14 = two weeks ago, 3 = in three days). They make sure that the demo counsellor
`beratung.hagen` has something in every section of her worklist — an overdue and a
due-today next step, referrals to follow up and waiting for feedback, incomplete
ESF+ data — and that the person pages tell a story (Hadi: Praktikum → EQ →
Ausbildung as Bodenleger at a migrant-led company).

Consents are not written here: every referral that passes on personal data gets one
(by a parent for minors), recorded before the referral (see counselling.py).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Talk:
    """A consultation."""

    day: int
    channel: str
    language: str
    topics: tuple[str, ...]
    note: str = ""
    minutes: int = 45
    interpreter: bool = False
    guide: bool = False
    about: str = ""  # key of the featured person whose case this concerns


@dataclass(frozen=True)
class Step:
    """A next step agreed in the consultation of day AFTER (or the latest before DUE)."""

    description: str
    due: int
    done: int | None = None


@dataclass(frozen=True)
class Ref:
    """A referral to the office's institution of INSTITUTION type."""

    institution: str
    status: str
    created: int
    reason: str
    sent: int | None = None
    feedback_day: int | None = None
    follow_up: int | None = None
    feedback: str = ""
    declined_reason: str = ""
    shares: bool = True


@dataclass(frozen=True)
class Out:
    """An outcome; ORG is an organisation name template of places.py."""

    kind: str
    day: int
    org: str = ""
    occupation: str = ""
    note: str = ""


@dataclass(frozen=True)
class Story:
    person: str  # key in names.FEATURED
    group: str
    opened: int
    counsellor: str = "counsellor"  # or "lead"
    closed: int | None = None
    closing_reason: str = ""
    short: bool = False
    notes: str = ""
    talks: tuple[Talk, ...] = ()
    steps: tuple[Step, ...] = ()
    referrals: tuple[Ref, ...] = ()
    outcomes: tuple[Out, ...] = ()
    esf: str = "complete"  # entry data: complete / incomplete
    esf_exit: str = "complete"  # exit data of a closed case: complete / incomplete


BODENLEGER = "Bodenbeläge {family}"

HAGEN = (
    Story(
        person="hadi",
        group="young_refugee",
        opened=-430,
        notes="Kam über den Afghanischen Frauenverein. Ziel: Ausbildung im Handwerk.",
        talks=(
            Talk(
                -430,
                "in_person",
                "prs",
                ("Berufsorientierung", "Sprachförderung", "Anerkennung ausländischer Abschlüsse"),
                "Erstgespräch mit Dolmetscher (Dari). Schule in Herat bis Klasse 10; möchte ins "
                "Handwerk. Deutschkurs B1 läuft.",
                minutes=75,
                interpreter=True,
            ),
            Talk(
                -405,
                "in_person",
                "de",
                ("Praktikum",),
                "Vierwöchiges Praktikum bei Bodenbeläge Özdemir vereinbart.",
            ),
            Talk(
                -335,
                "phone",
                "de",
                ("Praktikum", "Einstiegsqualifizierung"),
                "Praktikum gut gelaufen; Herr Özdemir bietet eine Einstiegsqualifizierung an.",
                minutes=20,
            ),
            Talk(
                -310,
                "in_person",
                "prs",
                ("Einstiegsqualifizierung", "Aufenthalt"),
                "EQ-Vertrag besprochen; Beschäftigungserlaubnis bei der Ausländerbehörde "
                "beantragt. Ein Lotse des Vereins hat übersetzt.",
                guide=True,
            ),
            Talk(
                -60,
                "in_person",
                "de",
                ("Ausbildungssuche", "Finanzierung/BAB"),
                "Ausbildungsplatz als Bodenleger im Betrieb zugesagt. BAB-Antrag besprochen.",
            ),
            Talk(
                -20,
                "messenger",
                "de",
                ("Ausbildungssuche",),
                "Ausbildungsvertrag unterschrieben; geht zur Eintragung an die Handwerkskammer.",
                minutes=10,
            ),
        ),
        steps=(
            Step("Beschäftigungserlaubnis bei der Ausländerbehörde abholen", -290, -292),
            Step("BAB-Antrag bei der Agentur für Arbeit abgeben", -45, -47),
            Step("Bei der Handwerkskammer nachfragen, ob der Vertrag eingetragen ist", 0),
        ),
        referrals=(
            Ref(
                "employment_agency",
                "completed",
                -425,
                "Berufsberatung; Förderung einer Einstiegsqualifizierung",
                sent=-425,
                feedback_day=-400,
                feedback="Berufsberatung empfiehlt Handwerksberufe; EQ-Förderung ist möglich.",
            ),
            Ref(
                "hwk",
                "sent",
                -19,
                "Eintragung des Ausbildungsvertrags (Bodenleger), Ausbildungsberatung",
                sent=-19,
            ),
        ),
        outcomes=(
            Out("internship", -400, BODENLEGER, "Bodenleger·in", "Vierwöchiges Praktikum"),
            Out("eq", -300, BODENLEGER, "Bodenleger·in", "Einstiegsqualifizierung, zwölf Monate"),
            Out("apprenticeship", -20, BODENLEGER, "Bodenleger·in", "Ausbildungsvertrag"),
        ),
    ),
    Story(
        person="mohammed",
        group="young_refugee",
        opened=-75,
        notes="Die Mutter (Rasha Haddad) kommt oft mit.",
        talks=(
            Talk(
                -75,
                "outreach_school",
                "ar",
                ("Schule", "Berufsorientierung"),
                "Sprechstunde in der Gesamtschule Haspe; Mutter war dabei, ein Lotse des "
                "Syrischen Kulturvereins hat übersetzt.",
                guide=True,
            ),
            Talk(
                -40,
                "in_person",
                "de",
                ("Berufsorientierung", "Praktikum"),
                "Interesse an Elektrotechnik; Schulpraktikum soll in einem Elektrobetrieb sein.",
            ),
            Talk(-12, "phone", "de", ("Bewerbung",), "Bewerbungsmappe begonnen.", minutes=15),
        ),
        steps=(
            Step("Bewerbungsmappe für das Schulpraktikum fertigstellen", -4),
            Step("Zeugnis der 9. Klasse mitbringen", -35, -36),
        ),
        referrals=(
            Ref(
                "employment_agency",
                "planned",
                -12,
                "Berufsberatung: Termin in der Schule",
                follow_up=-1,
            ),
        ),
        esf="incomplete",
    ),
    Story(
        person="rasha",
        group="parent",
        opened=-70,
        short=True,
        talks=(
            Talk(
                -70,
                "outreach_mso",
                "ar",
                ("Elternarbeit", "Schule"),
                "Elterncafé im Syrischen Kulturverein: Fragen zu Praktikum und Ausbildung ihres "
                "Sohnes.",
                minutes=30,
                guide=True,
                about="mohammed",
            ),
        ),
    ),
    Story(
        person="emre",
        group="young_person",
        opened=-40,
        talks=(
            Talk(
                -40,
                "in_person",
                "tr",
                ("Berufsorientierung", "Elternarbeit"),
                "Mit Emre und seiner Mutter (Elternlotsin) auf Türkisch gesprochen; Emre möchte "
                "Kfz-Mechatroniker werden.",
                minutes=60,
            ),
            Talk(
                -25,
                "video",
                "de",
                ("Praktikum",),
                "Praktikum in den Herbstferien bei einer Kfz-Werkstatt vorbereitet.",
                minutes=30,
            ),
        ),
        steps=(Step("Termin bei der Berufsberatung bestätigen", 0),),
        referrals=(
            Ref(
                "employment_agency",
                "accepted",
                -30,
                "Berufsberatung, Ausbildungsplatzsuche Kfz",
                sent=-30,
                feedback_day=-22,
                follow_up=-1,
                feedback="Termin bei der Berufsberatung angeboten.",
            ),
        ),
    ),
    Story(
        person="elif",
        group="young_person",
        opened=-150,
        talks=(
            Talk(
                -150,
                "in_person",
                "de",
                ("Berufsorientierung", "Ausbildungssuche"),
                "Möchte Steuerfachangestellte werden; gutes Zeugnis (Fachoberschulreife).",
            ),
            Talk(-90, "in_person", "de", ("Bewerbung",), "Anschreiben überarbeitet."),
            Talk(
                -60,
                "phone",
                "de",
                ("Praktikum",),
                "Praktikum im Steuerbüro läuft; Rückmeldung sehr gut.",
                minutes=15,
            ),
            Talk(-5, "in_person", "de", ("Bewerbung",), "Bewerbung um den Ausbildungsplatz."),
        ),
        steps=(Step("Bewerbung beim Steuerbüro abschicken", 3),),
        referrals=(
            Ref(
                "ihk",
                "completed",
                -140,
                "Lehrstellenbörse, Beratung zu kaufmännischen Berufen",
                sent=-140,
                feedback_day=-120,
                feedback="Drei Vermittlungsvorschläge, darunter ein Steuerbüro.",
            ),
        ),
        outcomes=(Out("internship", -60, "Steuerbüro {family}", "Steuerfachangestellte·r"),),
    ),
    Story(
        person="selam",
        group="young_refugee",
        opened=-200,
        talks=(
            Talk(
                -200,
                "in_person",
                "ti",
                ("Berufsorientierung", "Anerkennung ausländischer Abschlüsse"),
                "Erstgespräch mit Dolmetscherin (Tigrinya). Schulzeugnis aus Eritrea liegt vor.",
                minutes=90,
                interpreter=True,
            ),
            Talk(
                -120,
                "in_person",
                "ti",
                ("Sprachförderung", "Ausbildungssuche"),
                "Deutschkurs B1 abgeschlossen; sucht Ausbildung in der Pflege.",
                interpreter=True,
            ),
            Talk(-30, "phone", "de", ("Bewerbung",), "Bewerbungen laufen.", minutes=15),
        ),
        steps=(Step("Übersetzte Zeugnisse mitbringen", -10),),
        referrals=(
            Ref(
                "jobcenter",
                "declined",
                -190,
                "Förderung der Ausbildung",
                sent=-190,
                feedback_day=-175,
                declined_reason="Nicht zuständig: keine Leistungen nach SGB II.",
            ),
            Ref(
                "employment_agency",
                "sent",
                -25,
                "Berufsberatung Pflege, Förderung",
                sent=-25,
            ),
        ),
        esf="incomplete",
    ),
    Story(
        person="tesfay",
        group="parent",
        opened=-110,
        short=True,
        talks=(
            Talk(
                -110,
                "in_person",
                "ti",
                ("Elternarbeit",),
                "Vater fragt nach Ausbildungsmöglichkeiten für seine Tochter.",
                minutes=30,
                interpreter=True,
                about="selam",
            ),
        ),
    ),
    Story(
        person="daryna",
        group="young_refugee",
        opened=-12,
        talks=(
            Talk(
                -12,
                "in_person",
                "uk",
                ("Schule", "Sprachförderung"),
                "Erstgespräch mit der Mutter; Dolmetscherin für Ukrainisch. Daryna besucht eine "
                "internationale Förderklasse.",
                minutes=60,
                interpreter=True,
            ),
        ),
        steps=(Step("Anmeldung zum Deutschkurs abgeben", 5),),
        referrals=(
            Ref(
                "city",
                "planned",
                -12,
                "Sprachförderung (Deutschkurs B1)",
                follow_up=6,
            ),
        ),
        esf="incomplete",
    ),
    Story(
        person="olena",
        group="parent",
        opened=-12,
        short=True,
        talks=(
            Talk(
                -12,
                "in_person",
                "uk",
                ("Elternarbeit",),
                "Mutter begleitet ihre Tochter; Fragen zu Schule und Anerkennung.",
                minutes=20,
                interpreter=True,
                about="daryna",
            ),
        ),
    ),
    Story(
        person="zahra",
        group="young_refugee",
        opened=-380,
        closed=-35,
        talks=(
            Talk(
                -380,
                "outreach_school",
                "prs",
                ("Berufsorientierung", "Sprachförderung"),
                "Sprechstunde im Cuno-Berufskolleg; Interesse an der Pflege.",
                guide=True,
            ),
            Talk(-250, "in_person", "de", ("Praktikum",), "Praktikum im Pflegedienst vereinbart."),
            Talk(-120, "in_person", "de", ("Bewerbung",), "Bewerbung geschrieben."),
            Talk(-40, "phone", "de", ("Ausbildungssuche",), "Ausbildungsvertrag unterschrieben."),
        ),
        referrals=(
            Ref(
                "city",
                "completed",
                -300,
                "Berufsbezogener Deutschkurs",
                sent=-300,
                feedback_day=-280,
                feedback="Kurs B2 (Pflege) begonnen.",
            ),
        ),
        outcomes=(
            Out("internship", -230, "Ambulanter Pflegedienst {family}", "Pflegefachfrau"),
            Out(
                "apprenticeship",
                -40,
                "Ambulanter Pflegedienst {family}",
                "Pflegefachfrau",
                "Ausbildung beginnt im Herbst",
            ),
        ),
        esf_exit="incomplete",
    ),
    Story(
        person="mehmet",
        group="entrepreneur",
        counsellor="lead",
        opened=-500,
        talks=(
            Talk(
                -500,
                "in_person",
                "tr",
                ("Ausbildungsplatz anbieten", "Ausbildungsberechtigung (AEVO)"),
                "Betrieb möchte ausbilden; AEVO fehlt noch.",
                minutes=60,
            ),
            Talk(
                -420,
                "phone",
                "tr",
                ("Ausbildungsberechtigung (AEVO)",),
                "AEVO-Prüfung bestanden.",
                minutes=15,
            ),
            Talk(
                -410,
                "in_person",
                "de",
                ("Praktikum", "Ausbildungsplatz anbieten"),
                "Praktikant aus unserer Beratung (Hadi Rezaie) vorgeschlagen.",
            ),
            Talk(
                -65,
                "in_person",
                "de",
                ("Ausbildungsplatz anbieten",),
                "Ausbildungsplatz zum Bodenleger wird an Hadi Rezaie vergeben.",
            ),
        ),
        referrals=(
            Ref(
                "hwk",
                "completed",
                -495,
                "AEVO-Vorbereitungskurs, Eintragung als Ausbildungsbetrieb",
                sent=-495,
                feedback_day=-430,
                feedback="AEVO-Kurs besucht, Prüfung bestanden.",
            ),
        ),
        outcomes=(Out("other", -415, BODENLEGER, note="Ausbildungsberechtigung (AEVO) erworben"),),
    ),
)

STORIES = {"hagen": HAGEN}
