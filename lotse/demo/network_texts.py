"""The events and the guides network of the demo offices (see network.py).

The events are the formats the two seed descriptions name: in Hagen the Hagener
Ausbildungsmesse, info events at schools together with migrant organisations,
parents' evenings in the families' languages, open days at migrant-led
companies, company tours, the "Praktikumsknigge" workshop and
Berufsfelderkundungstage (KAoA); in Osnabrück info events with MSOs at schools
with many pupils of migrant background, open days at migrant-led companies,
company tours and the network of training entrepreneurs with a migration
background.

Organisations are named by their name template in places.py ("Bodenbeläge
{family}", "Agentur für Arbeit {town} – Berufsberatung"); "provider" is the
office's own provider. A title's {venue} is the venue's name, {year} the event's
year.
"""

from dataclasses import dataclass

from lotse.events.models import Audience, EventKind

YOUNG = Audience.YOUNG_PEOPLE
PARENTS = Audience.PARENTS
ENTREPRENEURS = Audience.ENTREPRENEURS
SCHOOLS = Audience.SCHOOLS
MSOS = Audience.MSOS


@dataclass(frozen=True)
class EventSpec:
    kind: str
    day: int  # days from the day of seeding (negative: past)
    time: str  # "18:00", local time
    hours: float
    title: str
    description: str = ""
    venue: str = ""  # organisation reference (see module docstring)
    place: str = ""  # address or room
    partners: tuple[str, ...] = ()
    capacity: int | None = None
    audiences: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("de",)
    # Registrations: how many, from whom ("parents", "young", "entrepreneurs",
    # "mixed") and with how many companions (drawn from the tuple).
    guests: int = 0
    pool: str = "mixed"
    companions: tuple[int, ...] = (0,)
    known_share: float = 0.4  # registrations of people the office knows (linked)
    walk_ins: int = 0  # past events: came without registering
    cancelled: int = 0  # upcoming events: registrations cancelled again
    # (language, title, description) in further public languages.
    texts: tuple[tuple[str, str, str], ...] = ()


# The parents' evening "what parents should know", also in Arabic and Turkish.
PARENTS_EVENING_TEXTS = (
    (
        "ar",
        "أمسية للأهالي: التدريب المهني في ألمانيا – ما يجب أن يعرفه الأهل",
        "كيف يجد ابني أو ابنتي مكانًا للتدريب المهني؟ كم يبلغ الأجر خلال التدريب؟ "
        "من يقدّم المساعدة؟ تتوفر ترجمة إلى العربية والتركية. المشاركة مجانية.",
    ),
    (
        "tr",
        "Veli akşamı: Almanya'da meslek eğitimi – velilerin bilmesi gerekenler",
        "Çocuğum nasıl bir meslek eğitimi yeri bulur? Meslek eğitiminde ne kadar "
        "kazanılır? Kim yardımcı olur? Arapça ve Türkçe tercüme yapılacaktır. "
        "Katılım ücretsizdir.",
    ),
)


HAGEN_EVENTS = (
    # ---- past
    EventSpec(
        EventKind.TRAINING_FAIR,
        -63,
        "09:00",
        6,
        "Hagener Ausbildungsmesse {year}",
        "Rund 80 Betriebe, die Kammern und die Berufskollegs stellen Ausbildungsberufe vor. "
        "Die KAUSA Servicestelle berät am Stand auf Türkisch, Arabisch, Dari und Russisch; "
        "Elternlotsinnen und Elternlotsen begleiten Familien über die Messe.",
        place="Stadthalle Hagen",
        partners=(
            "Südwestfälische Industrie- und Handelskammer zu Hagen (SIHK)",
            "Handwerkskammer Südwestfalen",
            "Agentur für Arbeit {town} – Berufsberatung",
            "Stadt {town} – Kommunales Integrationszentrum",
        ),
        capacity=1500,
        audiences=(YOUNG, PARENTS, ENTREPRENEURS),
        languages=("de", "tr", "ar", "prs", "ru"),
        guests=24,
        pool="mixed",
        companions=(0, 0, 1, 1, 2, 3),
        known_share=0.3,
        walk_ins=6,
        texts=(
            (
                "de-x-ls",
                "Ausbildungs·messe in Hagen",
                "Viele Betriebe stellen sich vor. Sie können mit den Betrieben sprechen. "
                "Sie können nach einem Ausbildungs·platz fragen. Der Eintritt ist frei.",
            ),
        ),
    ),
    EventSpec(
        EventKind.WORKSHOP,
        -105,
        "09:00",
        4,
        "Praktikumsknigge: fit fürs erste Praktikum",
        "Spielerisch vorbereitet auf das erste Praktikum: pünktlich sein, sich krankmelden, "
        "Fragen stellen, Sicherheit im Betrieb. Für junge Geflüchtete der internationalen "
        "Förderklassen.",
        venue="Cuno-Berufskolleg I",
        place="Raum 1.12",
        partners=("Cuno-Berufskolleg I", "Lenne-Bildungswerk gGmbH"),
        capacity=16,
        audiences=(YOUNG,),
        languages=("de", "ar", "prs", "ti"),
        guests=12,
        pool="young",
        known_share=0.6,
        walk_ins=1,
    ),
    EventSpec(
        EventKind.SCHOOL_INFO,
        -88,
        "10:00",
        2,
        "Ausbildung statt Warteschleife: Infoveranstaltung für die 9. und 10. Klassen",
        "Was ist eine duale Ausbildung, wie finde ich einen Praktikumsplatz, wer hilft bei "
        "der Bewerbung? Mit Eltern aus der DITIB-Gemeinde und dem Syrischen Kulturverein, "
        "die von ihren Kindern in Ausbildung erzählen.",
        venue="Gesamtschule Haspe",
        place="Aula",
        partners=(
            "Gesamtschule Haspe",
            "Türkisch-Islamische Gemeinde Hagen (DITIB)",
            "Syrischer Kulturverein Hagen e. V.",
            "Agentur für Arbeit {town} – Berufsberatung",
        ),
        capacity=120,
        audiences=(YOUNG, PARENTS),
        languages=("de", "tr", "ar"),
        guests=14,
        pool="young",
        companions=(0, 0, 1),
        walk_ins=4,
    ),
    EventSpec(
        EventKind.COMPANY_TOUR,
        -54,
        "09:30",
        3,
        "Betriebsbesichtigung {venue}: Metallbau zum Anfassen",
        "Rundgang durch Werkstatt und Schweißerei; Auszubildende zeigen, was sie im ersten "
        "Lehrjahr lernen.",
        venue="Lenne Metallbau GmbH",
        partners=("Lenne Metallbau GmbH", "Gesamtschule Eilpe"),
        capacity=20,
        audiences=(YOUNG,),
        guests=12,
        pool="young",
        known_share=0.5,
    ),
    EventSpec(
        EventKind.PARENTS_EVENING,
        -47,
        "18:00",
        2,
        "Elternabend auf Arabisch: Wie funktioniert die Ausbildung in Deutschland?",
        "Schule, Praktikum, Ausbildung, Studium: Eltern fragen, die Berufsberatung und die "
        "KAUSA Servicestelle antworten – auf Arabisch und Deutsch.",
        venue="Syrischer Kulturverein Hagen e. V.",
        partners=(
            "Syrischer Kulturverein Hagen e. V.",
            "Agentur für Arbeit {town} – Berufsberatung",
        ),
        capacity=40,
        audiences=(PARENTS,),
        languages=("ar", "de"),
        guests=12,
        pool="parents:syrian",
        companions=(0, 0, 1),
        known_share=0.5,
        walk_ins=4,
    ),
    EventSpec(
        EventKind.PARENTS_EVENING,
        -33,
        "18:30",
        2,
        "Veli akşamı – Elternabend auf Türkisch: Ausbildung, Praktikum oder Studium?",
        "Eltern erfahren, warum eine duale Ausbildung ein guter Weg ist und wie sie ihre "
        "Kinder bei der Berufswahl begleiten können.",
        venue="Türkisch-Islamische Gemeinde Hagen (DITIB)",
        partners=(
            "Türkisch-Islamische Gemeinde Hagen (DITIB)",
            "Südwestfälische Industrie- und Handelskammer zu Hagen (SIHK)",
        ),
        capacity=50,
        audiences=(PARENTS,),
        languages=("tr", "de"),
        guests=12,
        pool="parents:turkish",
        companions=(0, 0, 1),
        known_share=0.5,
        walk_ins=3,
    ),
    EventSpec(
        EventKind.OPEN_DAY,
        -26,
        "15:00",
        3,
        "Tag der offenen Tür bei {venue}",
        "Ein migrantisch geführter Handwerksbetrieb zeigt, wie Ausbildung bei ihm läuft; ein "
        "Auszubildender erzählt von Praktikum, Einstiegsqualifizierung und Ausbildung.",
        venue="Bodenbeläge {family}",
        partners=(
            "Bodenbeläge {family}",
            "Türkisch-Islamische Gemeinde Hagen (DITIB)",
            "Handwerkskammer Südwestfalen",
        ),
        capacity=30,
        audiences=(YOUNG, PARENTS, ENTREPRENEURS),
        languages=("de", "tr"),
        guests=8,
        pool="mixed",
        companions=(0, 1),
        walk_ins=4,
    ),
    EventSpec(
        EventKind.COMPANY_TOUR,
        -19,
        "08:00",
        6,
        "Berufsfelderkundungstag im Handwerk (KAoA)",
        "Einen Tag lang in einem Handwerksbetrieb mitarbeiten: Kfz, Elektro, Bäckerei. Für "
        "Schülerinnen und Schüler der 8. Klassen im Rahmen von „Kein Abschluss ohne Anschluss“.",
        venue="Kfz-Werkstatt {family}",
        partners=(
            "Kfz-Werkstatt {family}",
            "Elektrotechnik {family} GmbH",
            "Bäckerei {family}",
            "Realschule Hohenlimburg",
        ),
        capacity=12,
        audiences=(YOUNG, SCHOOLS),
        guests=12,
        pool="young",
        known_share=0.5,
    ),
    # ---- upcoming
    EventSpec(
        EventKind.WORKSHOP,
        9,
        "09:00",
        4,
        "Praktikumsknigge: fit fürs erste Praktikum",
        "Spielerisch vorbereitet auf das erste Praktikum: pünktlich sein, sich krankmelden, "
        "Fragen stellen, Sicherheit im Betrieb.",
        venue="Käthe-Kollwitz-Berufskolleg",
        place="Raum A 04",
        partners=("Käthe-Kollwitz-Berufskolleg",),
        capacity=16,
        audiences=(YOUNG,),
        languages=("de", "ar", "prs", "ti", "uk"),
        guests=20,  # four more than places: the waiting list
        pool="young",
        known_share=0.5,
        cancelled=1,
    ),
    EventSpec(
        EventKind.PARENTS_EVENING,
        16,
        "18:00",
        2,
        "Elternabend: Ausbildung in Deutschland – was Eltern wissen sollten",
        "Wie findet mein Kind einen Ausbildungsplatz? Was verdient man in der Ausbildung? Wer "
        "hilft? Mit Übersetzung ins Arabische und Türkische. Die Teilnahme ist kostenlos.",
        venue="Gesamtschule Eilpe",
        place="Mensa",
        partners=(
            "Gesamtschule Eilpe",
            "Türkisch-Islamische Gemeinde Hagen (DITIB)",
            "Syrischer Kulturverein Hagen e. V.",
            "Agentur für Arbeit {town} – Berufsberatung",
        ),
        capacity=60,
        audiences=(PARENTS,),
        languages=("de", "ar", "tr"),
        guests=12,
        pool="parents",
        companions=(0, 0, 1, 2),
        known_share=0.5,
        cancelled=1,
        texts=PARENTS_EVENING_TEXTS,
    ),
    EventSpec(
        EventKind.SCHOOL_INFO,
        23,
        "10:00",
        2,
        "Infoveranstaltung Ausbildung an der {venue}",
        "Ausbildungsberufe, Praktikum und Bewerbung – mit Müttern und Vätern aus dem "
        "Kurdischen Kulturzentrum und dem Russischsprachigen Elternverein.",
        venue="Realschule Hohenlimburg",
        partners=(
            "Realschule Hohenlimburg",
            "Kurdisches Kulturzentrum Hagen e. V.",
            "Russischsprachiger Elternverein Hagen e. V.",
        ),
        capacity=90,
        audiences=(YOUNG, PARENTS),
        languages=("de", "kmr", "ru"),
        guests=8,
        pool="young",
    ),
    EventSpec(
        EventKind.PARENTS_EVENING,
        30,
        "17:30",
        2,
        "Elternabend auf Dari und Tigrinya: Schule, Praktikum, Ausbildung",
        "Für Eltern aus Afghanistan und Eritrea: wie das Schulsystem und die duale Ausbildung "
        "zusammenhängen und wo es Hilfe gibt.",
        venue="Afghanischer Frauenverein Hagen e. V.",
        partners=(
            "Afghanischer Frauenverein Hagen e. V.",
            "Eritreische Gemeinde Hagen e. V.",
            "Cuno-Berufskolleg I",
        ),
        capacity=35,
        audiences=(PARENTS,),
        languages=("prs", "ti", "de"),
        guests=9,
        pool="parents:afghan,eritrean",
        companions=(0, 1),
        known_share=0.6,
        texts=(
            (
                "fa",
                "شب والدین: مکتب، کارآموزی و آموزش حرفه‌ای",
                "برای والدین از افغانستان و اریتره: نظام مکتب و آموزش حرفه‌ای دوگانه در آلمان "
                "چگونه به هم مربوط‌اند و از کجا می‌توان کمک گرفت. شرکت رایگان است.",
            ),
        ),
    ),
    EventSpec(
        EventKind.OPEN_DAY,
        37,
        "14:00",
        3,
        "Tag der offenen Tür: Ausbildung im Elektrohandwerk bei {venue}",
        "Werkstatt ansehen, Schaltungen ausprobieren, mit dem Chef und den Auszubildenden "
        "sprechen.",
        venue="Elektrotechnik {family} GmbH",
        partners=(
            "Elektrotechnik {family} GmbH",
            "Russischsprachiger Elternverein Hagen e. V.",
            "Handwerkskammer Südwestfalen",
        ),
        capacity=25,
        audiences=(YOUNG, PARENTS),
        languages=("de", "ru"),
        guests=6,
        pool="mixed",
        companions=(0, 1),
    ),
    EventSpec(
        EventKind.COMPANY_TOUR,
        58,
        "08:00",
        6,
        "Berufsfelderkundungstage: Handel und Logistik (KAoA)",
        "Drei Tage, drei Betriebe: Großhandel, Lager und Büro kennenlernen.",
        venue="{family} Lebensmittelgroßhandel GmbH",
        partners=("{family} Lebensmittelgroßhandel GmbH", "Gesamtschule Haspe"),
        capacity=15,
        audiences=(YOUNG, SCHOOLS),
        guests=5,
        pool="young",
    ),
)

OSNABRUECK_EVENTS = (
    # ---- past
    EventSpec(
        EventKind.WORKSHOP,
        -96,
        "18:00",
        2.5,
        "Treffen des Netzwerks ausbildender Unternehmerinnen und Unternehmer mit "
        "Migrationshintergrund",
        "Erfahrungsaustausch: Azubis finden, Ausbildereignung (AEVO), Förderung der "
        "Einstiegsqualifizierung. Mit der IHK und der Handwerkskammer.",
        venue="provider",
        partners=(
            "IHK Osnabrück – Emsland – Grafschaft Bentheim",
            "Handwerkskammer Osnabrück-Emsland-Grafschaft Bentheim",
        ),
        capacity=40,
        audiences=(ENTREPRENEURS,),
        languages=("de", "tr", "ar", "ru"),
        guests=10,
        pool="entrepreneurs",
        known_share=0.7,
        walk_ins=2,
    ),
    EventSpec(
        EventKind.SCHOOL_INFO,
        -82,
        "10:00",
        2,
        "Infoveranstaltung Ausbildung an der {venue}",
        "Gemeinsam mit dem Ezidischen Kulturzentrum und der DITIB-Gemeinde: Wege in die duale "
        "Ausbildung, Praktikum und Bewerbung.",
        venue="Gesamtschule Schinkel",
        partners=(
            "Gesamtschule Schinkel",
            "Ezidisches Kulturzentrum Osnabrück e. V.",
            "Türkisch-Islamische Gemeinde Osnabrück (DITIB)",
        ),
        capacity=100,
        audiences=(YOUNG, PARENTS),
        languages=("de", "kmr", "tr"),
        guests=12,
        pool="young",
        walk_ins=4,
    ),
    EventSpec(
        EventKind.SCHOOL_INFO,
        -61,
        "11:00",
        2,
        "Wege in die Ausbildung: Infoveranstaltung an der {venue}",
        "Mit dem Syrisch-Deutschen Kulturverein, dem Afghanischen Kulturverein und der "
        "Berufsberatung.",
        venue="Oberschule Innenstadt",
        partners=(
            "Oberschule Innenstadt",
            "Syrisch-Deutscher Kulturverein Osnabrück e. V.",
            "Afghanischer Kulturverein Osnabrück e. V.",
            "Agentur für Arbeit {town} – Berufsberatung",
        ),
        capacity=80,
        audiences=(YOUNG, PARENTS),
        languages=("de", "ar", "prs"),
        guests=12,
        pool="young",
        companions=(0, 0, 1),
        walk_ins=3,
    ),
    EventSpec(
        EventKind.PARENTS_EVENING,
        -54,
        "18:00",
        2,
        "Elternabend auf Russisch und Ukrainisch: Ausbildung in Deutschland",
        "Anerkennung von Zeugnissen, Ausbildung oder Studium, Unterstützung in der Ausbildung.",
        venue="Russlanddeutscher Kulturverein Osnabrück e. V.",
        partners=(
            "Russlanddeutscher Kulturverein Osnabrück e. V.",
            "Ukrainischer Verein Osnabrück e. V.",
        ),
        capacity=45,
        audiences=(PARENTS,),
        languages=("ru", "uk", "de"),
        guests=12,
        pool="parents:russian,ukrainian",
        companions=(0, 0, 1),
        known_share=0.5,
        walk_ins=3,
    ),
    EventSpec(
        EventKind.OPEN_DAY,
        -40,
        "15:00",
        3,
        "Tag der offenen Tür im {venue}",
        "Ein Kfz-Betrieb aus dem Netzwerk der migrantischen Ausbildungsbetriebe zeigt seine "
        "Werkstatt und seine Ausbildungsplätze.",
        venue="Autoservice {family}",
        partners=(
            "Autoservice {family}",
            "Ezidisches Kulturzentrum Osnabrück e. V.",
            "Handwerkskammer Osnabrück-Emsland-Grafschaft Bentheim",
        ),
        capacity=30,
        audiences=(YOUNG, PARENTS, ENTREPRENEURS),
        languages=("de", "kmr"),
        guests=9,
        pool="mixed",
        companions=(0, 1),
        walk_ins=3,
    ),
    EventSpec(
        EventKind.COMPANY_TOUR,
        -26,
        "09:00",
        3,
        "Betriebsbesichtigung bei {venue}",
        "Lager, Fuhrpark und Büro: Ausbildung in der Logistik.",
        venue="Hase Logistik GmbH",
        partners=("Hase Logistik GmbH", "BBS am Pottgraben"),
        capacity=20,
        audiences=(YOUNG,),
        guests=14,
        pool="young",
        known_share=0.5,
    ),
    # ---- upcoming
    EventSpec(
        EventKind.PARENTS_EVENING,
        13,
        "18:00",
        2,
        "Elternabend: Ausbildung in Deutschland – was Eltern wissen sollten",
        "Wie findet mein Kind einen Ausbildungsplatz? Was verdient man in der Ausbildung? Wer "
        "hilft? Mit Übersetzung ins Arabische und Türkische. Die Teilnahme ist kostenlos.",
        venue="Gesamtschule Schinkel",
        partners=(
            "Gesamtschule Schinkel",
            "Türkisch-Islamische Gemeinde Osnabrück (DITIB)",
            "Syrisch-Deutscher Kulturverein Osnabrück e. V.",
        ),
        capacity=60,
        audiences=(PARENTS,),
        languages=("de", "ar", "tr"),
        guests=12,
        pool="parents",
        companions=(0, 0, 1, 2),
        known_share=0.5,
        cancelled=1,
        texts=PARENTS_EVENING_TEXTS,
    ),
    EventSpec(
        EventKind.COMPANY_TOUR,
        20,
        "09:00",
        3,
        "Betriebsbesichtigung {venue}",
        "Werkstatt, Schweißerei, Montage: ein Vormittag im Metallbau.",
        venue="Osnabrücker Metallbau GmbH",
        partners=("Osnabrücker Metallbau GmbH", "Realschule In der Wüste"),
        capacity=12,
        audiences=(YOUNG,),
        guests=16,  # four more than places: the waiting list
        pool="young",
        known_share=0.5,
        cancelled=1,
    ),
    EventSpec(
        EventKind.OPEN_DAY,
        27,
        "14:00",
        3,
        "Tag der offenen Tür: {venue}",
        "Fliesen legen ausprobieren und den Ausbildungsberuf kennenlernen.",
        venue="Fliesenlegerbetrieb {family}",
        partners=("Fliesenlegerbetrieb {family}", "Afghanischer Kulturverein Osnabrück e. V."),
        capacity=20,
        audiences=(YOUNG, PARENTS),
        languages=("de", "prs"),
        guests=5,
        pool="mixed",
    ),
    EventSpec(
        EventKind.SCHOOL_INFO,
        34,
        "10:00",
        2,
        "Infoveranstaltung an den {venue}: nach der Sprachklasse in die Ausbildung",
        "Für die Sprach- und Integrationsklassen (SPRINT): Praktikum, Einstiegsqualifizierung, "
        "Ausbildung.",
        venue="BBS Brinkstraße",
        partners=(
            "BBS Brinkstraße",
            "Ukrainischer Verein Osnabrück e. V.",
            "Eritreische Gemeinde Osnabrück e. V.",
        ),
        capacity=60,
        audiences=(YOUNG,),
        languages=("de", "uk", "ti"),
        guests=7,
        pool="young",
        texts=(
            (
                "uk",
                "Інформаційний захід: після мовного класу – до професійного навчання",
                "Для учнів мовних та інтеграційних класів: практика, вступна кваліфікація та "
                "дуальне професійне навчання. Участь безкоштовна.",
            ),
        ),
    ),
    EventSpec(
        EventKind.WORKSHOP,
        48,
        "18:00",
        2,
        "Ausbilden im eigenen Betrieb: Infoabend für Selbstständige mit Migrationshintergrund",
        "Was braucht ein Betrieb, um auszubilden? Ausbildereignung (AEVO), Verträge, "
        "Förderung – mit der IHK, der Handwerkskammer und dem Migrationsbeirat.",
        venue="IHK Osnabrück – Emsland – Grafschaft Bentheim",
        partners=(
            "IHK Osnabrück – Emsland – Grafschaft Bentheim",
            "Handwerkskammer Osnabrück-Emsland-Grafschaft Bentheim",
            "Migrationsbeirat der Stadt {town}",
        ),
        capacity=40,
        audiences=(ENTREPRENEURS,),
        languages=("de", "tr", "ar"),
        guests=6,
        pool="entrepreneurs",
        known_share=0.7,
    ),
)

EVENTS = {"hagen": HAGEN_EVENTS, "osnabrueck": OSNABRUECK_EVENTS}

# --------------------------------------------------------------------------- guides network

# What the volunteers are called in each office (the seeds: Elternlotsen in Hagen,
# Elternmentoren in Osnabrück).
GUIDE_TITLE = {"osnabrueck": "Elternmentoren"}
DEFAULT_GUIDE_TITLE = "Elternlotsen"

SERIES_DESCRIPTION = (
    "Qualifizierung von Multiplikatorinnen und Multiplikatoren aus Migrantenorganisationen: "
    "Sie beantworten als „Ersthelfer“ Fragen aus ihrer Community zu dualer Ausbildung und "
    "Berufsorientierung und verweisen an die richtigen Stellen."
)
# (title, description) of the four required modules.
MODULES = (
    (
        "Modul 1: Das duale Ausbildungssystem",
        "Betrieb und Berufsschule, Ausbildungsberufe, Ausbildungsvergütung, Einstiegs"
        "qualifizierung.",
    ),
    (
        "Modul 2: Schule und Berufsorientierung",
        "Schulabschlüsse, Potenzialanalyse, Praktikum und Berufsfelderkundung; wie Eltern "
        "begleiten können.",
    ),
    (
        "Modul 3: Wer hilft wobei? Beratungsstellen und Regelinstitutionen",
        "Berufsberatung, Jobcenter, Kammern, Anerkennungsberatung, Migrationsberatung – und "
        "die KAUSA Servicestelle.",
    ),
    (
        "Modul 4: Die Rolle als Lotsin oder Lotse",
        "Gesprächsführung, Grenzen des Ehrenamts, Datenschutz; Anfragen im Lotsenbuch festhalten.",
    ),
)
MEETING_DESCRIPTION = (
    "Austausch über die Anfragen aus den Communities, neue Angebote der Servicestelle und "
    "die nächsten Veranstaltungen, die die Lotsinnen und Lotsen bewerben."
)

# How the guides describe the communities they serve.
COMMUNITY_LABELS = {
    "turkish": "türkische Familien",
    "syrian": "syrische und arabischsprachige Familien",
    "afghan": "afghanische Familien",
    "eritrean": "eritreische Familien",
    "kurdish": "kurdische und ezidische Familien",
    "polish": "polnische Familien",
    "ukrainian": "ukrainische Familien",
    "russian": "russischsprachige Familien",
    "german": "Familien im Stadtteil",
}
DISTRICTS = {
    "hagen": (
        "Haspe",
        "Wehringhausen",
        "Altenhagen",
        "Eppenhausen",
        "Boele",
        "Hohenlimburg",
        "Eilpe",
        "Mitte",
        "Vorhalle",
    ),
    "osnabrueck": (
        "Schinkel",
        "Wüste",
        "Innenstadt",
        "Eversburg",
        "Dodesheide",
        "Kalkhügel",
        "Voxtrup",
        "Haste",
    ),
}
DEFAULT_DISTRICTS = ("Nord", "Süd", "Ost", "West", "Mitte", "Innenstadt")
AVAILABILITY = (
    "wochentags ab 17 Uhr",
    "dienstags und donnerstags",
    "am Wochenende",
    "vormittags, nach Absprache",
    "nach Absprache per Messenger",
)
# Community → public language of registrations and guides' extra language.
COMMUNITY_LANGUAGE = {
    "turkish": "tr",
    "syrian": "ar",
    "afghan": "fa",
    "kurdish": "de",
    "eritrean": "de",
    "polish": "de",
    "ukrainian": "uk",
    "russian": "ru",
}

# --------------------------------------------------------------------------- inquiries

# Topic (catalogue name) → weight.
INQUIRY_TOPICS = (
    ("Berufsorientierung", 16),
    ("Ausbildungssuche", 12),
    ("Praktikum", 10),
    ("Schule", 10),
    ("Sprachförderung", 9),
    ("Bewerbung", 8),
    ("Anerkennung ausländischer Abschlüsse", 8),
    ("Aufenthalt", 6),
    ("Elternarbeit", 6),
    ("Finanzierung/BAB", 5),
    ("Einstiegsqualifizierung", 3),
    ("Ausbildungsplatz anbieten", 3),
    ("Gründung", 2),
    ("Ausbildungsberechtigung (AEVO)", 2),
)
# Topic → institution type the guide refers to.
INQUIRY_INSTITUTIONS = {
    "Berufsorientierung": "employment_agency",
    "Ausbildungssuche": "employment_agency",
    "Praktikum": "employment_agency",
    "Schule": "city",
    "Sprachförderung": "city",
    "Bewerbung": "employment_agency",
    "Anerkennung ausländischer Abschlüsse": "recognition",
    "Aufenthalt": "migration_counselling",
    "Elternarbeit": "city",
    "Finanzierung/BAB": "employment_agency",
    "Einstiegsqualifizierung": "employment_agency",
    "Ausbildungsplatz anbieten": "ihk",
    "Gründung": "ihk",
    "Ausbildungsberechtigung (AEVO)": "hwk",
}
INQUIRY_NOTES = {
    "Berufsorientierung": (
        "Mutter fragt, welche Berufe es ohne Abitur gibt.",
        "Vater möchte wissen, was eine duale Ausbildung ist.",
        "Sohn weiß nicht, was er nach der 10. Klasse machen soll.",
    ),
    "Ausbildungssuche": (
        "Tochter sucht einen Ausbildungsplatz im Büro.",
        "Junger Mann sucht Ausbildung im Handwerk, hat schon ein Praktikum gemacht.",
        "Familie fragt, wo freie Ausbildungsplätze stehen.",
    ),
    "Praktikum": (
        "Schülerpraktikum in der 9. Klasse: wie findet man einen Platz?",
        "Frage, ob ein Praktikum bezahlt wird.",
    ),
    "Schule": (
        "Eltern verstehen den Brief der Schule zur Potenzialanalyse nicht.",
        "Frage nach dem Unterschied zwischen Gesamtschule und Berufskolleg.",
        "Kind wechselt die Schule; Eltern fragen nach dem Abschluss.",
    ),
    "Sprachförderung": (
        "Mutter sucht einen Deutschkurs mit Kinderbetreuung.",
        "Jugendlicher braucht B1 für die Ausbildung, sucht einen Kurs.",
    ),
    "Bewerbung": (
        "Hilfe beim Lebenslauf gewünscht.",
        "Absage bekommen; Frage, was man besser machen kann.",
    ),
    "Anerkennung ausländischer Abschlüsse": (
        "Schulzeugnis aus Syrien: wird es anerkannt?",
        "Frage nach der Übersetzung von Zeugnissen.",
    ),
    "Aufenthalt": (
        "Darf mein Sohn mit Duldung eine Ausbildung machen?",
        "Frage zur Ausbildungsduldung.",
    ),
    "Elternarbeit": (
        "Eltern möchten zum Elternabend kommen, brauchen Übersetzung.",
        "Mutter fragt, wie sie ihr Kind bei der Berufswahl unterstützen kann.",
    ),
    "Finanzierung/BAB": (
        "Reicht die Ausbildungsvergütung? Frage nach Berufsausbildungsbeihilfe.",
        "Frage, ob das Kindergeld in der Ausbildung weiter gezahlt wird.",
    ),
    "Einstiegsqualifizierung": ("Was ist eine Einstiegsqualifizierung (EQ)?",),
    "Ausbildungsplatz anbieten": (
        "Bekannter mit eigenem Betrieb möchte ausbilden.",
        "Inhaberin eines Restaurants fragt, ob sie ausbilden darf.",
    ),
    "Gründung": ("Frage zur Gründung eines Betriebs; möchte später auch ausbilden.",),
    "Ausbildungsberechtigung (AEVO)": ("Betriebsinhaber fragt nach dem AEVO-Kurs.",),
}
# Referral of an inquiry: (referred_to, weight).
INQUIRY_REFERRALS = (("institution", 35), ("service_point", 30), ("event", 20), ("none", 15))
