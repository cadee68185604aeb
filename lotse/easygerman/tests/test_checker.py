"""Each rule of the Easy-German checker: what it flags and what it leaves alone."""

import pytest

from lotse.easygerman.checker import RULES, check_text


def flagged(text: str, rule: str, **options) -> list[str]:
    """The offending texts RULE finds in TEXT."""
    return [finding.text for finding in check_text(text, **options) if finding.rule == rule]


# (rule, text with a finding, the flagged text, a text of the same kind without one)
EXAMPLES = [
    (
        "sentence-length",
        "Sie können sich hier für die Veranstaltung am Montag in der Schule anmelden.",
        "Sie können sich hier für die Veranstaltung am Montag in der Schule anmelden.",
        "Sie können sich hier anmelden.\nDie Veranstaltung ist am Montag in der Schule.",
    ),
    (
        "sentence-per-line",
        "Sie haben einen Platz. Wir freuen uns.",
        "Wir freuen uns.",
        "Sie haben einen Platz.\nWir freuen uns.",
    ),
    (
        "long-word",
        "Die Kalenderdatei ist im Anhang.",
        "Kalenderdatei",
        "Die Kalender·datei ist hier.",
    ),
    ("abbreviation", "Bringen Sie z. B. Ihr Zeugnis mit.", "z. B.", "Zum Beispiel Ihr Zeugnis."),
    ("negation", "Das kostet nichts.", "nichts", "Der Eintritt ist frei."),
    ("passive", "Die Anmeldung wird bestätigt.", "wird bestätigt", "Wir bestätigen die Anmeldung."),
    ("subjunctive", "Wir würden uns freuen.", "würden", "Wir freuen uns."),
    (
        "genitive",
        "Das ist die Adresse des Betriebs.",
        "des Betriebs",
        "Das ist die Adresse vom Betrieb.",
    ),
    ("number-word", "Es kommen zwei Kinder.", "zwei", "Es kommen 2 Kinder."),
    ("leading-zero", "Wir beginnen um 09:00 Uhr.", "09:00", "Wir beginnen um 9:00 Uhr."),
    ("semicolon", "Sie kommen; wir warten.", ";", "Sie kommen.\nWir warten."),
    ("brackets", "Das Treffen (in Raum 1) beginnt.", "(in Raum 1)", "Das Treffen ist in Raum 1."),
]


def test_every_rule_has_examples():
    assert sorted(rule for rule, *_ in EXAMPLES) == sorted(RULES)


@pytest.mark.parametrize(("rule", "text", "offending", "fine"), EXAMPLES, ids=lambda x: x)
def test_the_rule_flags_its_example_and_not_the_easy_one(rule, text, offending, fine):
    assert flagged(text, rule) == [offending]
    assert check_text(fine) == []


def test_a_finding_names_the_rule_in_german():
    (finding,) = check_text("Das kostet nichts.")
    assert finding.message == "Verneinung: positiv schreiben"
    assert finding.format() == '-:1:12: negation Verneinung: positiv schreiben: "nichts"'


def test_line_and_column_point_at_the_offending_text():
    text = "Hallo.\nDas ist gut.\n  Es kostet\u00a0nichts."
    (finding,) = check_text(text)
    assert (finding.line, finding.column) == (3, 13)
    assert text.splitlines()[2][finding.column - 1 :].startswith("nichts")


def test_template_syntax_and_placeholders_are_not_words():
    text = (
        "{% load i18n %}Hallo {{ person.first_name|default:'Gast' }}, %(name)s, {name}!\n"
        '<p class="notice">Ihr Platz: %(position)s.</p> {# kein Kommentar (zwei) #}\n'
        "Schreiben Sie an name@example.org oder https://example.org/seite?a=1;b=2.\n"
    )
    assert check_text(text) == []


def test_placeholders_do_not_count_towards_the_sentence_length():
    placeholders = " ".join(f"%(p{i})s" for i in range(20))
    assert check_text(f"Sie haben {placeholders} Plätze.") == []


def test_a_long_sentence_counts_its_words_and_a_colon_starts_a_new_part():
    text = "Ein Satz mit sehr vielen Wörtern ist für sehr viele Leute schwer zu lesen."
    (finding,) = check_text(text)
    assert finding.message == "Satz mit mehr als 12 Wörtern (14)"
    twelve = "Bitte sagen Sie uns bis morgen um 12 Uhr am Telefon Bescheid"
    assert check_text(f"Wichtig: {twelve}.") == []  # 12 words after the colon


def test_a_sentence_broken_by_sense_over_two_lines_is_one_sentence():
    text = "Sie können sich hier für die Veranstaltung\nam Montag in der Schule anmelden."
    assert [f.rule for f in check_text(text)] == ["sentence-length"]
    # A line that does not go on in lower case is a sentence (a heading, an item).
    assert check_text("Anmeldung\nBitte schreiben Sie Ihren Namen.") == []


def test_long_words_split_with_a_mediopunkt_or_hyphen_pass():
    assert check_text("Die Informations·veranstaltung und die E-Mail-Adresse.") == []
    assert flagged("Die Informations·veranstaltungsreihe.", "long-word") == [
        "Informations·veranstaltungsreihe"
    ]


def test_a_long_noun_is_split_and_a_long_verb_replaced():
    (noun, verb) = check_text("Die Kalenderdatei können Sie herunterladen.")
    assert noun.message == "Langes Wort (mit Mediopunkt trennen)"
    assert verb.message == "Langes Wort (kürzeres Wort wählen)"


def test_common_long_words_are_accepted_with_their_endings():
    assert check_text("Die Veranstaltungen und die Informationen.") == []
    assert check_text("Bringen Sie Unterschriften und eine Dolmetscherin mit.") == []


def test_abbreviations_in_every_spelling():
    text = "Ggf. bzw. usw. d.h. etc. Nr. 5 und die IHK."
    assert flagged(text, "abbreviation") == ["Ggf.", "bzw.", "usw.", "d.h.", "etc.", "Nr.", "IHK"]
    assert check_text("Das ist OK.\nSie bekommen eine SMS.\nSagen Sie bitte ab.") == []


@pytest.mark.parametrize(
    "word", ["nicht", "kein", "keine", "keinen", "nie", "niemals", "nichts", "niemand"]
)
def test_negations(word):
    assert flagged(f"Das ist {word} gut.", "negation") == [word]


def test_passive_with_werden_but_not_the_future_or_the_full_verb():
    assert flagged("Sie werden informiert, wenn es losgeht.", "passive") == ["werden informiert"]
    assert flagged("Das Formular wurde gestern ausgefüllt.", "passive") == [
        "wurde gestern ausgefüllt"
    ]
    assert flagged("Die Daten sind gelöscht worden.", "passive") == ["worden"]
    assert flagged("Ich weiß, dass die Seite gedruckt wird.", "passive") == ["gedruckt wird"]
    for active in [
        "Wir werden Ihnen eine E-Mail schicken.",  # future
        "Ein Platz ist frei geworden.",  # werden as a full verb
        "Sie wird Ärztin.",
        "Die Anmeldung ist geschlossen.",  # a state, with sein
        "Das wird bestimmt schön.",
        "Sie werden begeistert sein.",
        "Wir werden gewinnen.",
    ]:
        assert flagged(active, "passive") == [], active


def test_konjunktiv_but_not_moechte():
    assert flagged("Es wäre schön. Könnten Sie kommen?", "subjunctive") == ["wäre", "Könnten"]
    assert check_text("Ich möchte mich anmelden.") == []


def test_genitive_patterns():
    assert flagged("Wegen des Wetters fällt es aus.", "genitive") == ["Wegen des Wetters"]
    assert flagged("Während der Veranstaltung gibt es Tee.", "genitive") == [
        "Während der Veranstaltung"
    ]
    assert flagged("Wir zeigen Ihnen die Adresse der Seite.", "genitive") == ["Adresse der Seite"]
    assert flagged("Das ist der Betrieb, dessen Chef hier ist.", "genitive") == ["dessen"]
    assert flagged("Das ist die Adresse Ihres Betriebs.", "genitive") == ["Ihres Betriebs"]
    for fine in [
        "Bitte lassen Sie dieses Feld leer.",
        "Ihre Nummer auf der Warte·liste.",
        "Kommt der Bus pünktlich?",
        "Dann bekommt der Nächste den Platz.",
        "Das ist Annas Zeugnis.",  # an s-genitive of a name is not detected
    ]:
        assert flagged(fine, "genitive") == [], fine


def test_numbers_as_words_but_not_articles_or_nouns():
    text = "Zwanzig Gäste, hundert Stühle, einundzwanzig Tische und dreimal Kaffee."
    assert flagged(text, "number-word") == ["Zwanzig", "hundert", "einundzwanzig", "dreimal"]
    assert flagged("Elf Kinder kommen.", "number-word") == ["Elf"]
    for fine in [
        "Ein Kind kommt mit einer Mutter.",
        "Bitte versuchen Sie es noch einmal.",
        "Wir achten auf die Zeit.",
        "Die Acht ist eine Zahl.",
    ]:
        assert flagged(fine, "number-word") == [], fine


def test_a_leading_zero_in_a_time_but_not_in_a_date():
    assert flagged("Von 08.30 bis 10:00 Uhr.", "leading-zero") == ["08.30"]
    assert flagged("Am 01.05.2025 ist frei.", "leading-zero") == []
    assert flagged("Ein Datum wie 01.01. ist gemeint.", "leading-zero") == []


def test_brackets_each_pair_once_and_lone_ones_too():
    assert flagged("Das (Raum 1) und [hier]. Punkt 1) ist neu.", "brackets") == [
        "(Raum 1)",
        "[hier]",
        ")",
    ]


def test_html_only_block_tags_and_br_end_a_line():
    html = "<p>Sie haben einen Platz.\nWir freuen uns.</p>\n<p>Bis bald.<br>Ihr Team.</p>"
    assert flagged(html, "sentence-per-line", html=True) == ["Wir freuen uns."]
    assert flagged(html, "sentence-per-line") == []


def test_the_line_rule_can_be_switched_off():
    assert check_text("Hallo. Bis bald.", sentence_per_line=False) == []
