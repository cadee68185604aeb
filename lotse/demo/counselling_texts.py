"""German texts and catalogues for the counselling demo data (see counselling.py)."""

# What a consultation about a topic may have been like (notes are in German, as a
# counsellor would write them).
TOPIC_NOTES = {
    "Berufsorientierung": (
        "Interessen und Stärken besprochen; Handwerk und Technik kommen in Frage.",
        "Ergebnisse der Potenzialanalyse angesehen und drei Berufsfelder ausgewählt.",
        "Duale Ausbildung und Berufsschule erklärt; Unterschied zum Studium besprochen.",
        "Berufsfelderkundung in der Werkstatt eines Netzwerkbetriebs vorbereitet.",
    ),
    "Ausbildungssuche": (
        "Gemeinsam in der Lehrstellenbörse gesucht, drei passende Stellen notiert.",
        "Ausbildungsbetriebe aus unserem Netzwerk vorgeschlagen, zwei davon migrantisch geführt.",
        "Nachvermittlung: noch freie Ausbildungsplätze zum Herbst durchgesehen.",
    ),
    "Bewerbung": (
        "Lebenslauf überarbeitet, Anschreiben begonnen.",
        "Vorstellungsgespräch geübt (Rollenspiel), Rückmeldung gegeben.",
        "Bewerbungsfoto und Zeugniskopien besprochen; Online-Bewerbung gemeinsam abgeschickt.",
    ),
    "Praktikum": (
        "Praktikumsplatz vereinbart, Beginn in zwei Wochen.",
        "Rückmeldung zum Praktikum: der Betrieb ist sehr zufrieden.",
        "Praktikumsbericht für die Schule besprochen.",
    ),
    "Einstiegsqualifizierung": (
        "Einstiegsqualifizierung (EQ) als Weg in die Ausbildung besprochen; Förderung erklärt.",
        "EQ-Vertrag mit dem Betrieb durchgesehen; Berufsschulbesuch geklärt.",
    ),
    "Anerkennung ausländischer Abschlüsse": (
        "Zeugnisse aus dem Herkunftsland gesichtet; Anerkennung bei der Bezirksregierung möglich.",
        "Übersetzung der Zeugnisse besprochen; Kosten übernimmt ggf. das Jobcenter.",
    ),
    "Sprachförderung": (
        "Deutschkurs B1 empfohlen; Anmeldung bei der VHS besprochen.",
        "Berufsbezogener Sprachkurs als nächstes Ziel vereinbart.",
    ),
    "Schule": (
        "Schulabschluss im Sommer absehbar; Noten und Nachprüfung besprochen.",
        "Gespräch mit der StuBo-Lehrkraft vereinbart.",
    ),
    "Aufenthalt": (
        "Aufenthaltsstatus und Ausbildungsduldung erklärt; an die Migrationsberatung verwiesen.",
        "Beschäftigungserlaubnis für die Ausbildung bei der Ausländerbehörde beantragen.",
    ),
    "Finanzierung/BAB": (
        "Berufsausbildungsbeihilfe (BAB) erklärt, Antrag vorbereitet.",
        "Fahrtkosten und Ausbildungsvergütung durchgerechnet.",
    ),
    "Elternarbeit": (
        "Eltern über das duale System informiert; Fragen zur Ausbildungsvergütung beantwortet.",
        "Mit der Mutter über die Berufswünsche des Kindes gesprochen.",
        "Elternabend im Verein angekündigt, Eltern wollen kommen.",
    ),
    "Gründung": ("Fragen zur Betriebsgründung und zur Eintragung bei der Kammer besprochen.",),
    "Ausbildungsberechtigung (AEVO)": (
        "Vorbereitungskurs zur Ausbilder-Eignungsprüfung (AEVO) bei der Kammer empfohlen.",
        "AEVO-Prüfung bestanden; Eintragung als Ausbildungsbetrieb kann beantragt werden.",
    ),
    "Ausbildungsplatz anbieten": (
        "Betrieb möchte zum nächsten Ausbildungsjahr ausbilden; Stellenprofil besprochen.",
        "Passende Bewerber·innen aus der Beratung vorgeschlagen.",
    ),
}

# Agreed next steps (Vereinbarungen), by topic.
TOPIC_STEPS = {
    "Berufsorientierung": "Berufe-Test machen und Ergebnis mitbringen",
    "Ausbildungssuche": "Bei drei Betrieben aus der Liste bewerben",
    "Bewerbung": "Lebenslauf fertigstellen und per Mail schicken",
    "Praktikum": "Praktikumsbetrieb anrufen und Termin vereinbaren",
    "Einstiegsqualifizierung": "EQ-Vertrag unterschrieben zurückgeben",
    "Anerkennung ausländischer Abschlüsse": "Zeugnisse übersetzen lassen und Kopien mitbringen",
    "Sprachförderung": "Anmeldung zum Deutschkurs abgeben",
    "Schule": "Halbjahreszeugnis mitbringen",
    "Aufenthalt": "Termin bei der Ausländerbehörde wahrnehmen",
    "Finanzierung/BAB": "BAB-Antrag ausfüllen und abgeben",
    "Elternarbeit": "Eltern zum Infoabend einladen",
    "Gründung": "Unterlagen für die Kammer zusammenstellen",
    "Ausbildungsberechtigung (AEVO)": "Zum AEVO-Vorbereitungskurs anmelden",
    "Ausbildungsplatz anbieten": "Stellenanzeige für die Lehrstellenbörse formulieren",
}

# Topics by target group: (topic, weight).
GROUP_TOPICS = {
    "young_person": (
        ("Berufsorientierung", 16),
        ("Ausbildungssuche", 16),
        ("Bewerbung", 16),
        ("Praktikum", 10),
        ("Einstiegsqualifizierung", 5),
        ("Schule", 9),
        ("Finanzierung/BAB", 4),
        ("Sprachförderung", 3),
    ),
    "young_refugee": (
        ("Berufsorientierung", 10),
        ("Sprachförderung", 12),
        ("Anerkennung ausländischer Abschlüsse", 8),
        ("Aufenthalt", 7),
        ("Ausbildungssuche", 10),
        ("Bewerbung", 10),
        ("Praktikum", 7),
        ("Einstiegsqualifizierung", 7),
        ("Schule", 5),
        ("Finanzierung/BAB", 4),
    ),
    "parent": (
        ("Elternarbeit", 20),
        ("Schule", 8),
        ("Berufsorientierung", 8),
        ("Ausbildungssuche", 4),
        ("Finanzierung/BAB", 3),
        ("Anerkennung ausländischer Abschlüsse", 3),
        ("Sprachförderung", 3),
    ),
    "entrepreneur": (
        ("Ausbildungsplatz anbieten", 14),
        ("Ausbildungsberechtigung (AEVO)", 10),
        ("Gründung", 4),
        ("Einstiegsqualifizierung", 4),
        ("Praktikum", 4),
    ),
}

# Referrals by type of institution: (reason, what was shared).
REFERRAL_TEXTS = {
    "employment_agency": (
        "Berufsberatung und Vermittlung in Ausbildung",
        "Name, Kontaktdaten, Schulabschluss, Berufswünsche",
    ),
    "jobcenter": (
        "Förderung der Ausbildung (U25) und Leistungen",
        "Name, Kontaktdaten, Lebenslauf",
    ),
    "ihk": (
        "Ausbildungsberatung und Lehrstellenbörse der IHK",
        "Name, Kontaktdaten, Lebenslauf, Zeugnisse",
    ),
    "hwk": (
        "Ausbildungsberatung Handwerk, Vermittlung in ein Praktikum",
        "Name, Kontaktdaten, Lebenslauf, Zeugnisse",
    ),
    "city": (
        "Sprachförderung und Integrationskurs",
        "Name, Kontaktdaten, Sprachstand",
    ),
    "recognition": (
        "Anerkennung des ausländischen Abschlusses",
        "Name, Kontaktdaten, Kopien der Zeugnisse",
    ),
    "migration_counselling": (
        "Aufenthaltsrechtliche Fragen, Begleitung zur Ausländerbehörde",
        "Name, Kontaktdaten, Aufenthaltsstatus",
    ),
}
ENTREPRENEUR_REFERRAL = (
    "Eintragung als Ausbildungsbetrieb, AEVO-Vorbereitungskurs",
    "Name des Betriebs, Kontaktdaten, Ausbildungsberuf",
)
# Institutions a young person or parent is referred to: (institution type, weight).
REFERRAL_TARGETS = (
    ("employment_agency", 36),
    ("jobcenter", 14),
    ("ihk", 12),
    ("hwk", 14),
    ("city", 8),
    ("recognition", 8),
    ("migration_counselling", 8),
)
FEEDBACK_ACCEPTED = (
    "Termin angeboten; die Person hat ihn bestätigt.",
    "Erstgespräch hat stattgefunden, weitere Termine vereinbart.",
    "Aufgenommen; Ansprechperson ist die Ausbildungsberatung.",
)
FEEDBACK_COMPLETED = (
    "Beratung abgeschlossen, Ergebnis an uns zurückgemeldet.",
    "Vermittlungsvorschläge erhalten, zwei Bewerbungen laufen.",
    "Anliegen erledigt; keine weitere Begleitung nötig.",
)
DECLINED_REASONS = (
    "Nicht zuständig: Leistungsbezug beim Jobcenter.",
    "Termin nicht wahrgenommen.",
    "Keine freien Plätze im Kurs in diesem Halbjahr.",
    "Unterlagen unvollständig; bitte erneut melden.",
)
CLOSING_REASONS = (
    "Kein Kontakt mehr seit drei Monaten.",
    "Umgezogen; an die KAUSA Servicestelle am neuen Wohnort verwiesen.",
    "Anliegen geklärt.",
    "Möchte zurzeit keine Begleitung.",
)
CASE_NOTES = (
    "Kam über die Schule (StuBo) zu uns.",
    "Kontakt über einen Elternlotsen im Verein.",
    "Auf einer Ausbildungsmesse angesprochen.",
    "Kam auf Empfehlung einer Freundin.",
    "Vom Jugendmigrationsdienst an uns verwiesen.",
)
ENTREPRENEUR_OUTCOME_NOTES = (
    "Ausbildungsberechtigung (AEVO) erworben; als Ausbildungsbetrieb eingetragen.",
    "Erste·n Auszubildende·n eingestellt.",
    "Bietet Praktikumsplätze für unsere Jugendlichen an.",
)

# Training occupation by company sector (for Praktikum, EQ and Ausbildung).
SECTOR_OCCUPATIONS = {
    "Bodenleger": "Bodenleger·in",
    "Kfz-Werkstatt": "Kraftfahrzeugmechatroniker·in",
    "Friseurhandwerk": "Friseur·in",
    "Lebensmittelgroßhandel": "Kaufmann/-frau für Groß- und Außenhandelsmanagement",
    "Lebensmitteleinzelhandel": "Verkäufer·in",
    "Pflegedienst": "Pflegefachfrau/Pflegefachmann",
    "Steuerberatung": "Steuerfachangestellte·r",
    "Gastronomie": "Koch/Köchin",
    "Bäckerei": "Bäcker·in",
    "Elektrohandwerk": "Elektroniker·in für Energie- und Gebäudetechnik",
    "Gebäudereinigung": "Gebäudereiniger·in",
    "Fliesenleger": "Fliesen-, Platten- und Mosaikleger·in",
    "Maler und Lackierer": "Maler·in und Lackierer·in",
    "Zahnarztpraxis": "Zahnmedizinische·r Fachangestellte·r",
    "Arztpraxis": "Medizinische·r Fachangestellte·r",
    "Spedition und Logistik": "Fachkraft für Lagerlogistik",
    "Sanitär, Heizung, Klima": "Anlagenmechaniker·in für Sanitär-, Heizungs- und Klimatechnik",
    "Reisebüro": "Tourismuskaufmann/-frau",
    "Metallbau": "Metallbauer·in",
}
DEFAULT_OCCUPATION = "Kaufmann/-frau im Einzelhandel"

# Colleagues that counsel in the generated offices (one per office, by position).
COUNSELLOR_GIVEN = (
    "Katharina", "Murat", "Leyla", "Tobias", "Aylin", "Sebastian", "Nadia", "Jonas", "Fatma",
    "Michael", "Olga", "Daniel", "Hülya", "Stefan", "Amira", "Lukas", "Sevgi", "Julia",
    "Dimitri",
)  # fmt: skip
COUNSELLOR_FAMILY = (
    "Schneider", "Demir", "Hoffmann", "Kaya", "Becker", "Nowak", "Schulz", "Yıldız", "Richter",
    "Haddad", "Wagner", "Popescu", "Koch", "Şahin", "Neumann", "Kovač", "Braun", "Aydın",
    "Krüger", "Meyer", "Çelik", "Hartmann", "Rahimi",
)  # fmt: skip
