"""The word lists of the Easy-German checker (see checker.py), each with its reason.

They are deliberately small and hand-made: a word missing here is a finding missed,
a word too many is a finding lost. Extend them when a real text shows the need.
"""

import re

# Abbreviations that end with a full stop (case as written; see the abbreviation rule).
ABBREVIATIONS = {
    "bzw", "usw", "ggf", "ggfs", "evtl", "ca", "etc", "Nr", "nr", "inkl", "exkl", "bspw",
    "vgl", "bzgl", "zzgl", "zzt", "Zt", "Tel", "tel", "Str", "Abs", "Hr", "Fr", "Dr",
    "Prof", "St", "max", "min", "mind", "sog", "allg", "ehem", "geb", "Std", "Min", "Mio",
    "Mrd", "Tsd", "Jh", "Mo", "Di", "Mi", "Do", "Sa", "Feb", "Aug", "Sept", "Sep", "Okt",
    "Nov", "Dez", "Hbf", "Pkt", "u", "o", "d", "z", "v", "s",
}  # fmt: skip
# At the start of a sentence these are written with a capital ("Max." is a name).
ABBREVIATIONS |= {
    word.capitalize()
    for word in ABBREVIATIONS
    if word.islower() and len(word) > 1 and word != "max"
}
# Words in capitals that readers know (everything else in capitals is flagged).
KNOWN_CAPITALS = {"OK", "TV", "WC", "PC", "SMS", "WLAN", "USB", "CD", "DVD", "LKW", "PKW", "QR"}

# Long words that are not compounds (or hardly split), accepted as they are, with
# inflection endings (ENDINGS). Compounds belong split, not here.
LONG_WORDS = {
    "veranstaltung", "information", "entschuldigung", "unterstützung", "verantwortung",
    "voraussetzung", "möglichkeit", "gemeinschaft", "kommunikation", "organisation",
    "unterschrift", "unterschiedlich", "selbstständig", "selbständig", "wahrscheinlich",
    "gleichzeitig", "dolmetscher", "übersetzung", "verständigung", "aufmerksamkeit",
    "administration", "qualifikation", "qualifizierung", "registrierung", "bescheinigung",
    "benachrichtigung", "einverständnis", "einverstanden",
}  # fmt: skip
ENDINGS = ("", "e", "em", "en", "er", "ern", "es", "n", "s", "in", "innen")

NEGATIONS = {
    "nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals",
    "nichts", "niemand", "niemandem", "niemanden", "nirgends", "nirgendwo", "weder",
}  # fmt: skip

# Konjunktiv II. "möchte" is left out on purpose: Easy-German texts use it as the
# polite "want" ("Ich möchte …"). Some forms are also the simple past (sollte,
# blieben), which Easy German avoids as well.
SUBJUNCTIVES = {
    "würde", "würdest", "würden", "würdet", "wäre", "wärst", "wärest", "wären", "wärt",
    "hätte", "hättest", "hätten", "hättet", "könnte", "könntest", "könnten", "könntet",
    "müsste", "müsstest", "müssten", "müsstet", "sollte", "solltest", "sollten", "solltet",
    "dürfte", "dürftest", "dürften", "dürftet", "bräuchte", "bräuchten", "käme", "kämen",
    "gäbe", "gäben", "ginge", "wüsste", "wüssten", "ließe", "ließen", "bliebe", "blieben",
    "stünde", "stünden", "läge", "lägen", "fände", "fänden", "täte", "täten",
}  # fmt: skip

# Forms of werden that make the passive (the full verb's participle "geworden" does not).
PASSIVE_AUXILIARIES = {
    "werde", "wirst", "wird", "werden", "werdet", "wurde", "wurdest", "wurden", "wurdet",
    "würde", "würdest", "würden", "würdet", "worden",
}  # fmt: skip
SEPARABLE_PREFIXES = (
    "ab|an|auf|aus|bei|dar|durch|ein|fest|frei|her|heraus|hin|hinaus|los|mit|nach|teil|um"
    "|vor|vorbei|weg|weiter|wieder|zu|zurück|zusammen"
)
PARTICIPLE = re.compile(
    rf"(?:{SEPARABLE_PREFIXES})?ge[^\W\d_]{{2,}}(?:t|en)"  # gemacht, geschrieben, angemeldet
    r"|(?:be|emp|ent|er|ver|zer|miss)[^\W\d_]{2,}t"  # bestätigt, verschickt, erledigt
    r"|[^\W\d_]{3,}iert"  # informiert, registriert
)
# Words that look like a participle but are not one (or are mostly adjectives).
NOT_PARTICIPLES = {
    "gehören", "gewinnen", "genießen", "geschehen", "gelingen", "gestalten", "gewöhnen",
    "gebrauchen", "gelangen", "geraten", "gestehen", "gehorchen", "genügen", "gefallen",
    "geworden", "gerecht", "gesamt", "genehmigen", "gewähren", "bereit", "bestimmt",
    "gelten", "bekannt", "beliebt", "berühmt", "erst", "ernst", "verrückt", "besonders",
    "bereits", "begeistert", "verliebt", "verheiratet",
}  # fmt: skip
# Words after which "der" + noun is not a genitive (pronouns written with a capital).
NOT_NOUNS = {"sie", "ihnen", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres", "ich", "wir"}
GENITIVE_PREPOSITIONS = {
    "wegen", "während", "trotz", "statt", "anstatt", "innerhalb", "außerhalb", "aufgrund",
    "anhand", "infolge", "bezüglich", "mithilfe", "angesichts", "seitens", "zwecks",
    "oberhalb", "unterhalb", "ungeachtet", "mittels",
}  # fmt: skip
GENITIVE_ARTICLES = {
    "des", "der", "eines", "einer", "meines", "meiner", "deines", "deiner", "seines",
    "seiner", "ihres", "ihrer", "unseres", "unserer", "eures", "eurer", "dieses", "dieser",
    "jenes", "jener", "aller",
}  # fmt: skip
# Only genitive when a noun follows ("eines Tages", "Ihres Kindes").
GENITIVE_ONLY_BEFORE_NOUN = {
    "eines", "meines", "deines", "seines", "ihres", "unseres", "eures", "keines",
}  # fmt: skip
GENITIVE_PRONOUNS = {"dessen", "deren", "wessen"}

UNITS = "ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun"
TEENS = "zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn"
TENS = "zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig"
NUMBER_WORD = re.compile(
    rf"(?:(?:{UNITS})?(?:hundert|tausend))*"
    rf"(?:(?:{UNITS})und(?:{TENS})|{TENS}|{TEENS}|eins|zwei|drei|vier|fünf|sechs"
    rf"|sieben|acht|neun|null)?"
    r"|(?:hunderte|tausende|millionen?|milliarden?)"
)
# Counting words: zweimal, dreimal ("einmal" is left out: "noch einmal").
TIMES = re.compile(rf"(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|{TEENS}|{TENS})mal")
# Number words that are also nouns when written with a capital (die Elf, die Acht).
NOUNS_TOO = {"elf", "acht", "eins", "null"}
