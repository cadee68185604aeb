"""Offices, towns and organisations for the demo data.

The two offices and their contact data come from the seed descriptions; their
institutions are the real kinds of institution of these towns (Agentur für Arbeit,
Jobcenter, chambers, city, Integrationsrat/Migrationsbeirat). Schools are modelled
on the local school landscape; associations and companies are invented.
"""

from dataclasses import dataclass

from django.utils.text import slugify


@dataclass(frozen=True)
class OfficeSpec:
    slug: str
    name: str
    town: str
    land: str
    postcodes: tuple[str, ...]
    area_code: str
    streets: tuple[str, ...] = ()
    funding_line: str = "JOBSTARTER plus (BMBF/ESF)"
    contact_name: str = ""
    phone: str = ""
    address: str = ""


HAGEN = OfficeSpec(
    slug="hagen",
    name="KAUSA Servicestelle Hagen",
    town="Hagen",
    land="NW",
    postcodes=("58089", "58091", "58093", "58095", "58097", "58099", "58119", "58135"),
    area_code="02331",
    streets=(
        "Elberfelder Straße",
        "Bahnhofstraße",
        "Wehringhauser Straße",
        "Eppenhauser Straße",
        "Boeler Straße",
        "Voerder Straße",
        "Enneper Straße",
        "Altenhagener Straße",
        "Lange Straße",
        "Franzstraße",
        "Körnerstraße",
        "Berliner Straße",
    ),
    # From the seed description (Projektdurchführung).
    contact_name="Simone Laqua",
    phone="02331 / 48 87 80",
    address="Agentur Mark GmbH, Handwerkerstr. 11, 58135 Hagen",
)

OSNABRUECK = OfficeSpec(
    slug="osnabrueck",
    name="KAUSA Servicestelle Osnabrück",
    town="Osnabrück",
    land="NI",
    postcodes=("49074", "49076", "49078", "49080", "49082", "49084", "49086", "49088", "49090"),
    area_code="0541",
    streets=(
        "Johannisstraße",
        "Lotter Straße",
        "Iburger Straße",
        "Hansastraße",
        "Bramscher Straße",
        "Sutthauser Straße",
        "Meller Straße",
        "Natruper Straße",
        "Martinistraße",
        "Rheiner Landstraße",
        "Buersche Straße",
        "Pagenstecherstraße",
    ),
    phone="0541 / 69 29 610",
    address=(
        "Berufsbildungs- und Servicezentrum des Osnabrücker Handwerks GmbH, "
        "Bramscher Str. 134-136, 49088 Osnabrück"
    ),
)

# fmt: off
GENERIC_STREETS = (
    "Bahnhofstraße", "Hauptstraße", "Schulstraße", "Gartenstraße", "Lindenstraße", "Kirchstraße",
    "Goethestraße", "Schillerstraße", "Friedrichstraße", "Am Markt", "Bergstraße", "Ringstraße",
    "Mühlenweg", "Parkstraße",
)

# Further real towns for benchmark offices: (town, Land, first postcode, area code).
TOWNS = (
    ("Bonn", "NW", "53111", "0228"), ("Köln", "NW", "50667", "0221"),
    ("Dortmund", "NW", "44135", "0231"), ("Duisburg", "NW", "47051", "0203"),
    ("Essen", "NW", "45127", "0201"), ("Gelsenkirchen", "NW", "45879", "0209"),
    ("Bielefeld", "NW", "33602", "0521"), ("Wuppertal", "NW", "42103", "0202"),
    ("Bochum", "NW", "44787", "0234"), ("Münster", "NW", "48143", "0251"),
    ("Aachen", "NW", "52062", "0241"), ("Krefeld", "NW", "47798", "02151"),
    ("Mönchengladbach", "NW", "41061", "02161"), ("Mannheim", "BW", "68159", "0621"),
    ("Stuttgart", "BW", "70173", "0711"), ("Karlsruhe", "BW", "76133", "0721"),
    ("Freiburg im Breisgau", "BW", "79098", "0761"), ("Ulm", "BW", "89073", "0731"),
    ("Heilbronn", "BW", "74072", "07131"), ("Pforzheim", "BW", "75172", "07231"),
    ("Frankfurt am Main", "HE", "60311", "069"), ("Offenbach am Main", "HE", "63065", "069"),
    ("Kassel", "HE", "34117", "0561"), ("Wiesbaden", "HE", "65183", "0611"),
    ("Darmstadt", "HE", "64283", "06151"), ("Gießen", "HE", "35390", "0641"),
    ("Hannover", "NI", "30159", "0511"), ("Braunschweig", "NI", "38100", "0531"),
    ("Oldenburg", "NI", "26122", "0441"), ("Göttingen", "NI", "37073", "0551"),
    ("Bremen", "HB", "28195", "0421"), ("Hamburg", "HH", "20095", "040"),
    ("Berlin", "BE", "10117", "030"), ("Leipzig", "SN", "04109", "0341"),
    ("Dresden", "SN", "01067", "0351"), ("Chemnitz", "SN", "09111", "0371"),
    ("Halle (Saale)", "ST", "06108", "0345"), ("Magdeburg", "ST", "39104", "0391"),
    ("Erfurt", "TH", "99084", "0361"), ("Kiel", "SH", "24103", "0431"),
    ("Lübeck", "SH", "23552", "0451"), ("Rostock", "MV", "18055", "0381"),
    ("Potsdam", "BB", "14467", "0331"), ("Cottbus", "BB", "03046", "0355"),
    ("Mainz", "RP", "55116", "06131"), ("Ludwigshafen am Rhein", "RP", "67059", "0621"),
    ("Saarbrücken", "SL", "66111", "0681"), ("Nürnberg", "BY", "90402", "0911"),
    ("München", "BY", "80331", "089"), ("Augsburg", "BY", "86150", "0821"),
)


# fmt: on
def office_slug(town: str) -> str:
    for umlaut, replacement in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        town = town.replace(umlaut, replacement).replace(umlaut.upper(), replacement.title())
    return slugify(town)


def _generated_spec(town: str, land: str, postcode: str, area_code: str) -> OfficeSpec:
    first = int(postcode)
    return OfficeSpec(
        slug=office_slug(town),
        name=f"KAUSA Servicestelle {town}",
        town=town,
        land=land,
        postcodes=tuple(f"{first + 2 * i:05d}" for i in range(5)),
        area_code=area_code,
        streets=GENERIC_STREETS,
        funding_line="KAUSA-Landesstelle",
    )


ALL_OFFICE_SPECS = (
    HAGEN,
    OSNABRUECK,
    *(_generated_spec(*town) for town in TOWNS),
)
DEMO_OFFICE_SLUGS = tuple(spec.slug for spec in ALL_OFFICE_SPECS)
MAX_OFFICES = len(ALL_OFFICE_SPECS)


def office_specs(count: int) -> list[OfficeSpec]:
    if not 1 <= count <= MAX_OFFICES:
        raise ValueError(f"--offices must be between 1 and {MAX_OFFICES}.")
    return list(ALL_OFFICE_SPECS[:count])


# --------------------------------------------------------------------------- organisations


@dataclass(frozen=True)
class OrgSpec:
    """An organisation; NAME may contain {family}, {given} (of the owner) and {town}."""

    name: str
    kind: str
    institution_type: str = ""
    street: str = ""
    postcode: str = ""
    town: str = ""
    languages: tuple[str, ...] = ()
    sector: str = ""
    size_class: str = ""
    migrant_led: bool = False
    chamber: str = ""
    notes: str = ""
    # MSOs: the community it serves; migrant-led companies: the owner's community.
    community: str = ""
    # Companies named after the owner: "m" or "f" for the owner's gender.
    owner_gender: str = ""
    website: bool = True


def _institutions(town: str, land: str, ihk: str, hwk: str) -> list[OrgSpec]:
    council = (
        f"Integrationsrat der Stadt {town}"
        if land == "NW"
        else f"Migrationsbeirat der Stadt {town}"
    )
    integration = (
        f"Stadt {town} – Kommunales Integrationszentrum"
        if land == "NW"
        else f"Stadt {town} – Büro für Integration"
    )
    return [
        OrgSpec(
            f"Agentur für Arbeit {town} – Berufsberatung",
            "institution",
            "employment_agency",
            website=False,
        ),
        OrgSpec(f"Jobcenter {town}", "institution", "jobcenter", website=False),
        OrgSpec(ihk, "institution", "ihk", website=False),
        OrgSpec(hwk, "institution", "hwk", website=False),
        OrgSpec(integration, "institution", "city", website=False),
        OrgSpec(council, "institution", "migration_council", website=False),
    ]


HAGEN_ORGS = [
    *_institutions(
        "Hagen",
        "NW",
        "Südwestfälische Industrie- und Handelskammer zu Hagen (SIHK)",
        "Handwerkskammer Südwestfalen",
    ),
    OrgSpec("Gesamtschule Haspe", "school", notes="Kein Abschluss ohne Anschluss (KAoA)"),
    OrgSpec("Realschule Hohenlimburg", "school"),
    OrgSpec("Gesamtschule Eilpe", "school"),
    OrgSpec("Cuno-Berufskolleg I", "school", notes="Internationale Förderklassen"),
    OrgSpec("Käthe-Kollwitz-Berufskolleg", "school"),
    OrgSpec(
        "Türkisch-Islamische Gemeinde Hagen (DITIB)",
        "migrant_org",
        languages=("tr", "de"),
        community="turkish",
    ),
    OrgSpec(
        "Syrischer Kulturverein Hagen e. V.",
        "migrant_org",
        languages=("ar", "de"),
        community="syrian",
    ),
    OrgSpec(
        "Afghanischer Frauenverein Hagen e. V.",
        "migrant_org",
        languages=("prs", "ps", "de"),
        community="afghan",
    ),
    OrgSpec(
        "Eritreische Gemeinde Hagen e. V.",
        "migrant_org",
        languages=("ti", "de"),
        community="eritrean",
    ),
    OrgSpec(
        "Kurdisches Kulturzentrum Hagen e. V.",
        "migrant_org",
        languages=("kmr", "tr", "de"),
        community="kurdish",
    ),
    OrgSpec(
        "Polnische Katholische Mission Hagen",
        "migrant_org",
        languages=("pl", "de"),
        community="polish",
    ),
    OrgSpec(
        "Russischsprachiger Elternverein Hagen e. V.",
        "migrant_org",
        languages=("ru", "uk", "de"),
        community="russian",
    ),
    OrgSpec(
        "Agentur Mark GmbH",
        "provider",
        street="Handwerkerstr. 11",
        postcode="58135",
        notes="Träger der KAUSA Servicestelle Hagen",
        website=False,
    ),
    OrgSpec(
        "Lenne-Bildungswerk gGmbH",
        "provider",
        notes="Träger der Potenzialanalyse (KAoA) an Hagener Schulen",
    ),
    OrgSpec(
        "Bodenbeläge {family}",
        "company",
        sector="Bodenleger",
        size_class="micro",
        migrant_led=True,
        chamber="hwk",
        community="turkish",
        owner_gender="m",
        notes="Bietet Praktika und Ausbildung zum Bodenleger an.",
    ),
    OrgSpec(
        "Kfz-Werkstatt {family}",
        "company",
        sector="Kfz-Werkstatt",
        size_class="small",
        migrant_led=True,
        chamber="hwk",
        community="kurdish",
        owner_gender="m",
    ),
    OrgSpec(
        "Friseursalon {given}",
        "company",
        sector="Friseurhandwerk",
        size_class="micro",
        migrant_led=True,
        chamber="hwk",
        community="syrian",
        owner_gender="f",
    ),
    OrgSpec(
        "{family} Lebensmittelgroßhandel GmbH",
        "company",
        sector="Lebensmittelgroßhandel",
        size_class="medium",
        migrant_led=True,
        chamber="ihk",
        community="turkish",
        owner_gender="m",
    ),
    OrgSpec(
        "Ambulanter Pflegedienst {family}",
        "company",
        sector="Pflegedienst",
        size_class="small",
        migrant_led=True,
        chamber="none",
        community="polish",
        owner_gender="f",
    ),
    OrgSpec(
        "Steuerbüro {family}",
        "company",
        sector="Steuerberatung",
        size_class="micro",
        migrant_led=True,
        chamber="liberal",
        community="syrian",
        owner_gender="m",
    ),
    OrgSpec(
        "Restaurant Damaskus",
        "company",
        sector="Gastronomie",
        size_class="micro",
        migrant_led=True,
        chamber="ihk",
        community="syrian",
        owner_gender="m",
    ),
    OrgSpec(
        "Bäckerei {family}",
        "company",
        sector="Bäckerei",
        size_class="small",
        migrant_led=True,
        chamber="hwk",
        community="turkish",
        owner_gender="m",
    ),
    OrgSpec(
        "Elektrotechnik {family} GmbH",
        "company",
        sector="Elektrohandwerk",
        size_class="small",
        migrant_led=True,
        chamber="hwk",
        community="russian",
        owner_gender="m",
    ),
    OrgSpec(
        "Gebäudereinigung {family}",
        "company",
        sector="Gebäudereinigung",
        size_class="small",
        migrant_led=True,
        chamber="hwk",
        community="eritrean",
        owner_gender="m",
    ),
    OrgSpec(
        "Lenne Metallbau GmbH", "company", sector="Metallbau", size_class="medium", chamber="hwk"
    ),
    OrgSpec(
        "Volme Logistik GmbH",
        "company",
        sector="Spedition und Logistik",
        size_class="medium",
        chamber="ihk",
    ),
]

OSNABRUECK_ORGS = [
    *_institutions(
        "Osnabrück",
        "NI",
        "IHK Osnabrück – Emsland – Grafschaft Bentheim",
        "Handwerkskammer Osnabrück-Emsland-Grafschaft Bentheim",
    ),
    OrgSpec("Gesamtschule Schinkel", "school"),
    OrgSpec("Realschule In der Wüste", "school"),
    OrgSpec("Oberschule Innenstadt", "school"),
    OrgSpec("BBS Brinkstraße", "school", notes="Sprach- und Integrationsklassen (SPRINT)"),
    OrgSpec("BBS am Pottgraben", "school"),
    OrgSpec(
        "Türkisch-Islamische Gemeinde Osnabrück (DITIB)",
        "migrant_org",
        languages=("tr", "de"),
        community="turkish",
    ),
    OrgSpec(
        "Syrisch-Deutscher Kulturverein Osnabrück e. V.",
        "migrant_org",
        languages=("ar", "de"),
        community="syrian",
    ),
    OrgSpec(
        "Afghanischer Kulturverein Osnabrück e. V.",
        "migrant_org",
        languages=("prs", "ps", "de"),
        community="afghan",
    ),
    OrgSpec(
        "Eritreische Gemeinde Osnabrück e. V.",
        "migrant_org",
        languages=("ti", "de"),
        community="eritrean",
    ),
    OrgSpec(
        "Ezidisches Kulturzentrum Osnabrück e. V.",
        "migrant_org",
        languages=("kmr", "de"),
        community="kurdish",
    ),
    OrgSpec(
        "Polnische Katholische Mission Osnabrück",
        "migrant_org",
        languages=("pl", "de"),
        community="polish",
    ),
    OrgSpec(
        "Russlanddeutscher Kulturverein Osnabrück e. V.",
        "migrant_org",
        languages=("ru", "de"),
        community="russian",
    ),
    OrgSpec(
        "Ukrainischer Verein Osnabrück e. V.",
        "migrant_org",
        languages=("uk", "ru", "de"),
        community="ukrainian",
    ),
    OrgSpec(
        "Berufsbildungs- und Servicezentrum des Osnabrücker Handwerks GmbH",
        "provider",
        street="Bramscher Str. 134-136",
        postcode="49088",
        notes="Träger der KAUSA Servicestelle Osnabrück",
        website=False,
    ),
    OrgSpec(
        "Hase-Bildungswerk gGmbH",
        "provider",
        notes="Träger der Potenzialanalyse und der Berufseinstiegsbegleitung",
    ),
    OrgSpec(
        "Autoservice {family}",
        "company",
        sector="Kfz-Werkstatt",
        size_class="small",
        migrant_led=True,
        chamber="hwk",
        community="kurdish",
        owner_gender="m",
    ),
    OrgSpec(
        "Friseursalon {given}",
        "company",
        sector="Friseurhandwerk",
        size_class="micro",
        migrant_led=True,
        chamber="hwk",
        community="ukrainian",
        owner_gender="f",
    ),
    OrgSpec(
        "{family} Feinkost & Großhandel",
        "company",
        sector="Lebensmittelgroßhandel",
        size_class="small",
        migrant_led=True,
        chamber="ihk",
        community="turkish",
        owner_gender="m",
    ),
    OrgSpec(
        "Pflegedienst {family}",
        "company",
        sector="Pflegedienst",
        size_class="medium",
        migrant_led=True,
        chamber="none",
        community="russian",
        owner_gender="f",
    ),
    OrgSpec(
        "Steuerkanzlei {family}",
        "company",
        sector="Steuerberatung",
        size_class="micro",
        migrant_led=True,
        chamber="liberal",
        community="turkish",
        owner_gender="f",
    ),
    OrgSpec(
        "Restaurant Aleppo",
        "company",
        sector="Gastronomie",
        size_class="micro",
        migrant_led=True,
        chamber="ihk",
        community="syrian",
        owner_gender="m",
    ),
    OrgSpec(
        "Bäckerei {family}",
        "company",
        sector="Bäckerei",
        size_class="small",
        migrant_led=True,
        chamber="hwk",
        community="polish",
        owner_gender="m",
    ),
    OrgSpec(
        "Fliesenlegerbetrieb {family}",
        "company",
        sector="Fliesenleger",
        size_class="micro",
        migrant_led=True,
        chamber="hwk",
        community="afghan",
        owner_gender="m",
    ),
    OrgSpec(
        "Zahnarztpraxis Dr. {family}",
        "company",
        sector="Zahnarztpraxis",
        size_class="small",
        migrant_led=True,
        chamber="liberal",
        community="syrian",
        owner_gender="f",
    ),
    OrgSpec(
        "Hase Logistik GmbH",
        "company",
        sector="Spedition und Logistik",
        size_class="large",
        chamber="ihk",
    ),
    OrgSpec(
        "Osnabrücker Metallbau GmbH",
        "company",
        sector="Metallbau",
        size_class="medium",
        chamber="hwk",
    ),
]

CURATED_ORGS = {"hagen": HAGEN_ORGS, "osnabrueck": OSNABRUECK_ORGS}


def generic_orgs(town: str, land: str) -> list[OrgSpec]:
    """The organisations every generated office starts with."""
    return [
        *_institutions(
            town, land, f"Industrie- und Handelskammer {town}", f"Handwerkskammer {town}"
        ),
        OrgSpec(f"Gesamtschule {town}-Mitte", "school"),
        OrgSpec(f"Realschule {town}-Nord", "school"),
        OrgSpec(
            f"Berufskolleg {town}" if land == "NW" else f"Berufsbildende Schulen {town}",
            "school",
        ),
        OrgSpec(
            f"Türkisch-Islamische Gemeinde {town} (DITIB)",
            "migrant_org",
            languages=("tr", "de"),
            community="turkish",
        ),
        OrgSpec(
            f"Syrischer Kulturverein {town} e. V.",
            "migrant_org",
            languages=("ar", "de"),
            community="syrian",
        ),
        OrgSpec(
            f"Afghanischer Frauenverein {town} e. V.",
            "migrant_org",
            languages=("prs", "de"),
            community="afghan",
        ),
        OrgSpec(
            f"Eritreische Gemeinde {town} e. V.",
            "migrant_org",
            languages=("ti", "de"),
            community="eritrean",
        ),
        OrgSpec(
            f"Russischsprachiger Elternverein {town} e. V.",
            "migrant_org",
            languages=("ru", "uk", "de"),
            community="russian",
        ),
        OrgSpec(f"Bildungswerk {town} gGmbH", "provider", notes="Träger der Potenzialanalyse"),
    ]


# Companies generated at scale: (name pattern, sector, chamber, usual size classes).
# fmt: off
COMPANY_TEMPLATES = (
    ("Bodenbeläge {family}", "Bodenleger", "hwk", ("micro", "small")),
    ("Kfz-Werkstatt {family}", "Kfz-Werkstatt", "hwk", ("micro", "small")),
    ("Autoservice {family}", "Kfz-Werkstatt", "hwk", ("micro", "small")),
    ("Friseursalon {given}", "Friseurhandwerk", "hwk", ("micro",)),
    ("{family} Lebensmittelgroßhandel", "Lebensmittelgroßhandel", "ihk", ("small", "medium")),
    ("Supermarkt {family}", "Lebensmitteleinzelhandel", "ihk", ("micro", "small")),
    ("Pflegedienst {family}", "Pflegedienst", "none", ("small", "medium")),
    ("Steuerbüro {family}", "Steuerberatung", "liberal", ("micro", "small")),
    ("Restaurant {place}", "Gastronomie", "ihk", ("micro", "small")),
    ("Bäckerei {family}", "Bäckerei", "hwk", ("micro", "small")),
    ("Elektrotechnik {family}", "Elektrohandwerk", "hwk", ("micro", "small")),
    ("Gebäudereinigung {family}", "Gebäudereinigung", "hwk", ("small", "medium")),
    ("Fliesenlegerbetrieb {family}", "Fliesenleger", "hwk", ("micro",)),
    ("Malerbetrieb {family}", "Maler und Lackierer", "hwk", ("micro", "small")),
    ("Zahnarztpraxis Dr. {family}", "Zahnarztpraxis", "liberal", ("micro", "small")),
    ("Arztpraxis Dr. {family}", "Arztpraxis", "liberal", ("micro", "small")),
    ("{family} Logistik", "Spedition und Logistik", "ihk", ("small", "medium", "large")),
    ("Sanitär- und Heizungstechnik {family}", "Sanitär, Heizung, Klima", "hwk", ("micro", "small")),
    ("Reisebüro {family}", "Reisebüro", "ihk", ("micro",)),
    ("Metallbau {family}", "Metallbau", "hwk", ("small", "medium")),
)
LEGAL_FORMS = ("", "", " GmbH", " e. K.", " UG (haftungsbeschränkt)", " GmbH & Co. KG")
RESTAURANT_PLACES = (
    "Damaskus", "Aleppo", "Bosporus", "Anatolia", "Kabul", "Herat", "Asmara", "Kyjiw", "Odessa",
    "Krakau", "Ararat", "Beirut", "Istanbul", "Mesopotamien",
)
SCHOOL_KINDS = ("Gesamtschule", "Realschule", "Hauptschule", "Sekundarschule", "Gymnasium")
SCHOOL_NAMES = (
    "Anne-Frank", "Geschwister-Scholl", "Heinrich-Heine", "Bertha-von-Suttner", "Marie-Curie",
    "Albert-Einstein", "Friedrich-Ebert", "Käthe-Kollwitz", "Erich-Kästner", "Astrid-Lindgren",
    "Hannah-Arendt", "Willy-Brandt", "Sophie-Scholl", "Theodor-Heuss", "Janusz-Korczak",
)
PROVIDER_TEMPLATES = (
    ("Jugendmigrationsdienst {town}", "institution", "migration_counselling"),
    ("Migrationsberatung für Erwachsene {town}", "institution", "migration_counselling"),
    ("IQ Anerkennungsberatung {town}", "institution", "recognition"),
    ("Jugendberufshilfe {town} e. V.", "provider", ""),
    ("Berufseinstiegsbegleitung {town} gGmbH", "provider", ""),
    ("Sprachschule {place} {town}", "provider", ""),
)
DISTRICTS = (
    "Nord", "Süd", "Ost", "West", "Mitte", "Innenstadt", "Altstadt", "am Park", "am Markt",
    "Bahnhofsviertel",
)
# fmt: on
