"""Automatic checks of Easy German (Leichte Sprache).

The rules are the part of BITV 2.0 (Anlage 2, Teil 2), of the rules of the Netzwerk
Leichte Sprache and of DIN SPEC 33429 that a program can check without a language
model: sentence length, one sentence per line, long words, abbreviations, negations,
passive, Konjunktiv II, genitive, numbers as words, times with a leading zero,
semicolons and brackets. Every rule is a small, documented heuristic with word lists;
it flags a place for a person to look at. Human test readers decide.

`scan(text)` gives the hits with offsets; `check_text(text)` gives findings with
line and column. Django template syntax, placeholders (`%(name)s`, `{name}`), HTML
tags and entities, web and e-mail addresses are not text: they are blanked before
the rules run (offsets stay the same) and never counted as words.
"""

import bisect
import re
from dataclasses import dataclass

from lotse.easygerman.wordlists import (
    ABBREVIATIONS,
    ENDINGS,
    GENITIVE_ARTICLES,
    GENITIVE_ONLY_BEFORE_NOUN,
    GENITIVE_PREPOSITIONS,
    GENITIVE_PRONOUNS,
    KNOWN_CAPITALS,
    LONG_WORDS,
    NEGATIONS,
    NOT_NOUNS,
    NOT_PARTICIPLES,
    NOUNS_TOO,
    NUMBER_WORD,
    PARTICIPLE,
    PASSIVE_AUXILIARIES,
    SUBJUNCTIVES,
    TIMES,
)

MAX_SENTENCE_WORDS = 12
MAX_WORD_LETTERS = 12

# --- Findings -------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    id: str
    message: str  # German, short, names the rule
    summary: str  # English, for `--rules` and the docs
    source: str


RULES = {
    rule.id: rule
    for rule in [
        Rule(
            "sentence-length",
            f"Satz mit mehr als {MAX_SENTENCE_WORDS} Wörtern",
            f"a sentence (or a part after a colon) has more than {MAX_SENTENCE_WORDS} words",
            "BITV 2.0 Anlage 2; Netzwerk Leichte Sprache",
        ),
        Rule(
            "sentence-per-line",
            "Mehr als ein Satz in einer Zeile",
            "a second sentence starts on the same line (not checked in .po files)",
            "Netzwerk Leichte Sprache",
        ),
        Rule(
            "long-word",
            "Langes Wort",
            f"a word (or a part of a split word) has more than {MAX_WORD_LETTERS} letters",
            "BITV 2.0 Anlage 2; Netzwerk Leichte Sprache; DIN SPEC 33429",
        ),
        Rule(
            "abbreviation",
            "Abkürzung",
            "an abbreviation (z. B., bzw., usw., Nr. …) or a word in capitals (IHK)",
            "BITV 2.0 Anlage 2; Netzwerk Leichte Sprache",
        ),
        Rule(
            "negation",
            "Verneinung: positiv schreiben",
            "a negation (nicht, kein …, nie, nichts, niemand …)",
            "BITV 2.0 Anlage 2; Netzwerk Leichte Sprache",
        ),
        Rule(
            "passive",
            "Passiv: aktiv schreiben",
            "passive voice: a form of werden with a past participle in the same sentence",
            "BITV 2.0 Anlage 2; Netzwerk Leichte Sprache",
        ),
        Rule(
            "subjunctive",
            "Konjunktiv",
            "Konjunktiv II (würde, wäre, hätte, könnte, müsste, sollte …)",
            "BITV 2.0 Anlage 2; Netzwerk Leichte Sprache",
        ),
        Rule(
            "genitive",
            "Genitiv: mit von oder Dativ schreiben",
            "genitive (des …, wegen/während des/der …, noun + der + noun, dessen/deren)",
            "BITV 2.0 Anlage 2; Netzwerk Leichte Sprache",
        ),
        Rule(
            "number-word",
            "Zahl als Wort: als Ziffer schreiben",
            "a number written as a word (zwei, zwölf, zwanzig, hundert …)",
            "Netzwerk Leichte Sprache",
        ),
        Rule(
            "leading-zero",
            "Uhrzeit mit Null vorne",
            "a time with a leading zero (09:00: write 9:00 Uhr)",
            "Netzwerk Leichte Sprache",
        ),
        Rule(
            "semicolon",
            "Semikolon: lieber einen Punkt",
            "a semicolon",
            "BITV 2.0 Anlage 2 (Sonderzeichen); Netzwerk Leichte Sprache",
        ),
        Rule(
            "brackets",
            "Klammern",
            "round or square brackets",
            "BITV 2.0 Anlage 2 (Sonderzeichen); Netzwerk Leichte Sprache",
        ),
    ]
}


@dataclass(frozen=True)
class Hit:
    """A rule's finding in one text, by offsets into that text."""

    rule: str
    start: int
    end: int
    text: str  # the offending text, whitespace collapsed
    detail: str = ""  # appended to the rule's message, e.g. "(15 Wörter)"


@dataclass(frozen=True)
class Finding:
    """A hit placed in a file: 1-based line and column, and the catalogue entry if any."""

    rule: str
    line: int
    column: int
    text: str
    detail: str = ""
    source: str = ""
    msgid: str = ""

    @property
    def message(self) -> str:
        message = RULES[self.rule].message
        return f"{message} {self.detail}" if self.detail else message

    def format(self) -> str:
        where = f"{self.source or '-'}:{self.line}:{self.column}"
        line = f'{where}: {self.rule} {self.message}: "{self.text}"'
        if self.msgid:
            msgid = " ".join(self.msgid.split())
            if len(msgid) > 60:
                msgid = msgid[:57] + "…"
            line += f' (msgid "{msgid}")'
        return line


def check_text(text: str, *, html: bool = False, sentence_per_line: bool = True) -> list[Finding]:
    """The findings in TEXT with line and column (see `scan` for the options)."""
    lines = LineIndex(text)
    return [
        Finding(hit.rule, *lines.position(hit.start), hit.text, hit.detail)
        for hit in scan(text, html=html, sentence_per_line=sentence_per_line)
    ]


class LineIndex:
    """Offsets to 1-based (line, column)."""

    def __init__(self, text: str):
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


# --- What is not text ------------------------------------------------------------

# A sentence break that takes no room: block-level HTML tags and <br> become this.
BREAK = "\x1e"

_BLOCKS = re.compile(
    r"\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}"
    # Translated strings are message ids (English in Lotse): their Easy German is
    # checked in the catalogue.
    r"|\{%\s*blocktrans(?:late)?\b.*?\{%\s*endblocktrans(?:late)?\s*%\}"
    r"|<(script|style)\b.*?</\1\s*>"
    r"|<!--.*?-->",
    re.S | re.I,
)
_TEMPLATE_TAG = re.compile(r"\{%.*?%\}|\{#.*?#\}", re.S)
_HTML_TAG = re.compile(r"</?([A-Za-z][\w-]*)\b[^<>]*>")
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "button", "caption", "dd", "details",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "label", "legend", "li", "main", "nav", "ol", "option",
    "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title",
    "tr", "ul",
}  # fmt: skip
_VARIABLE = re.compile(r"\{\{.*?\}\}", re.S)
_PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]|%[sd]|\{\w*\}")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]\w*);")
_ADDRESS = re.compile(
    r"(?:\bhttps?://|\bwww\.)[^\s<>]*[^\s<>.,;:!?)\]]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"
)


def _blank(chars: list[str], start: int, end: int, first: str = " ") -> None:
    for index in range(start, end):
        if chars[index] != "\n":
            chars[index] = " "
    if first != " " and start < end:
        chars[start] = first


def visible(text: str) -> str:
    """TEXT without template tags, comments, translate blocks and HTML tags (same length)."""
    chars = list(text)
    # Each pass reads what the passes before left, so that a tag inside a comment
    # or a script is not seen.
    for match in _BLOCKS.finditer(text):
        _blank(chars, match.start(), match.end())
    for match in _TEMPLATE_TAG.finditer("".join(chars)):
        _blank(chars, match.start(), match.end())
    for match in _HTML_TAG.finditer("".join(chars)):
        block = match.group(1).lower() in _BLOCK_TAGS
        _blank(chars, match.start(), match.end(), BREAK if block else " ")
    return "".join(chars)


def words_only(shown: str) -> str:
    """SHOWN (from `visible`) without variables, placeholders, entities and addresses."""
    chars = list(shown)
    for pattern in (_VARIABLE, _PLACEHOLDER, _ENTITY, _ADDRESS):
        for match in pattern.finditer(shown):
            _blank(chars, match.start(), match.end())
    return "".join(chars)


# --- Words and sentences ---------------------------------------------------------

# Letters joined by a Mediopunkt or a hyphen form one word; digits (also 9:30, 1.000)
# are words too.
_JOINER = "·\\-\u2010\u2011"
WORD = re.compile(rf"[^\W\d_](?:[^\W_]|[{_JOINER}'’](?=[^\W_]))*|\d+(?:[:.,]\d+)*")
_PARTS = re.compile(rf"[{_JOINER}]")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    word: str

    @property
    def lower(self) -> str:
        return self.word.lower()

    @property
    def capitalised(self) -> bool:
        return self.word[:1].isupper()


_ABBREVIATION = re.compile(
    # Single letters with full stops: z. B., d. h., u. a., o. Ä., i. d. R.
    r"(?<![\w.])[^\W\d_]\.(?:\s?[^\W\d_]\.)+"
    r"|(?<![\w.])(?:" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)) + r")\.",
)
_CAPITALS = re.compile(r"(?<![\w·\-])[A-ZÄÖÜ]{2,6}s?(?![\w])")

_SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"'”“»«)\]" + BREAK + r"]|$)")
_CLAUSE_END = re.compile(r":(?=\s|$)")
_PARAGRAPH = re.compile(r"\n[ \t]*\n|" + BREAK)
_LINE_END = re.compile(r"\S?[ \t]*$")
_LINE_START = re.compile(r"[ \t]*(\S?)")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    same_line: bool  # it starts on the line where the sentence before it ends


def _ends_with_abbreviation(text: str, stop: int) -> bool:
    before = re.search(r"(?:^|[\s(])([^\W\d_]+)$", text[max(0, stop - 30) : stop])
    if not before:
        return False
    word = before.group(1)
    return len(word) == 1 or word in ABBREVIATIONS


def sentences(text: str, *, html: bool) -> list[Sentence]:
    """The sentences of TEXT (from `words_only`).

    A sentence ends at . ! ? (not after an abbreviation), at a block-level tag or <br>,
    and in plain text at a blank line or at the end of a line, unless the next line goes
    on in lower case or the line ends with a comma (a long sentence broken by sense).
    In HTML a line break in the source is only a space. A full stop after a number ends
    a sentence too ("von 0 bis 10."), so ordinals ("9. Klasse") split one.
    """
    cuts = {0, len(text)}
    for match in _SENTENCE_END.finditer(text):
        if not _ends_with_abbreviation(text, match.start()):
            cuts.add(match.end())
    for match in _PARAGRAPH.finditer(text):
        cuts.add(match.start())
    if not html:
        for match in re.finditer("\n", text):
            before = _LINE_END.search(text, max(0, match.start() - 200), match.start())
            after = _LINE_START.match(text, match.end())
            if not (before.group().startswith(",") or after.group(1).islower()):
                cuts.add(match.start())
    found: list[Sentence] = []
    ordered = sorted(cuts)
    for start, end in zip(ordered, ordered[1:], strict=False):
        tokens = list(WORD.finditer(text, start, end))
        if not tokens:
            continue
        start, end = tokens[0].start(), tokens[-1].end()
        while end < len(text) and text[end] in ".!?:":
            end += 1
        same_line = False
        if found:
            gap = text[found[-1].end : start]
            same_line = BREAK not in gap and (html or "\n" not in gap)
        found.append(Sentence(start, end, same_line))
    return found


def clauses(text: str, sentence: Sentence) -> list[list[Token]]:
    """The words of SENTENCE, split after each colon ("Zum Beispiel: …")."""
    parts, part = [], []
    stops = [m.start() for m in _CLAUSE_END.finditer(text, sentence.start, sentence.end)]
    for match in WORD.finditer(text, sentence.start, sentence.end):
        while stops and match.start() > stops[0]:
            stops.pop(0)
            if part:
                parts.append(part)
            part = []
        part.append(Token(match.start(), match.end(), match.group()))
    if part:
        parts.append(part)
    return parts


# 09:00, 09.30 (not a date: 01.05.2025, 01.01.)
_LEADING_ZERO = re.compile(r"(?<![\d.:])0\d(?::[0-5]\d(?![\d:])|\.[0-5]\d(?![\d.:]))")
_BRACKET = re.compile(r"[()\[\]]")


# --- The rules ---------------------------------------------------------------------


def scan(text: str, *, html: bool = False, sentence_per_line: bool = True) -> list[Hit]:
    """The hits of every rule in TEXT, in text order.

    HTML: TEXT is an HTML template; its source line breaks are not lines for the reader
    (block tags and <br> are). SENTENCE_PER_LINE off: the text's line layout is not what
    the reader sees (a catalogue's message, placed by a template).
    """
    shown = visible(text)
    words = words_only(shown)
    hits: list[Hit] = []

    def hit(rule, start, end, detail=""):
        hits.append(Hit(rule, start, end, " ".join(shown[start:end].split()), detail))

    all_sentences = sentences(words, html=html)
    for sentence in all_sentences:
        if sentence_per_line and sentence.same_line:
            hit("sentence-per-line", sentence.start, sentence.end)
        for clause in clauses(words, sentence):
            if len(clause) > MAX_SENTENCE_WORDS:
                end = clause[-1].end
                while end < sentence.end and words[end] in ".!?:":
                    end += 1
                hit("sentence-length", clause[0].start, end, f"({len(clause)})")
            _passive(clause, words, hit)
            _genitive(clause, hit)
            for index, token in enumerate(clause):
                _word_rules(token, hit, first=index == 0)
    _abbreviations(words, hit)
    for match in _LEADING_ZERO.finditer(words):
        hit("leading-zero", match.start(), match.end())
    for match in re.finditer(";", words):
        hit("semicolon", match.start(), match.end())
    _brackets(words, hit)
    unique = {(h.rule, h.start): h for h in hits}
    return sorted(unique.values(), key=lambda h: (h.start, h.rule))


def _word_rules(token: Token, hit, first: bool) -> None:
    lower = token.lower
    if lower in NEGATIONS:
        hit("negation", token.start, token.end)
    if lower in SUBJUNCTIVES:
        hit("subjunctive", token.start, token.end)
    if _is_number_word(token, first):
        hit("number-word", token.start, token.end)
    if _long_part(token.word):
        # Compound nouns are split; for a long verb or adjective a shorter word helps.
        advice = "mit Mediopunkt trennen" if token.capitalised else "kürzeres Wort wählen"
        hit("long-word", token.start, token.end, f"({advice})")


def _is_number_word(token: Token, first: bool) -> bool:
    """A number word; "Elf", "Acht" … with a capital inside a sentence are nouns."""
    lower = token.lower
    if not lower.isalpha() or not (NUMBER_WORD.fullmatch(lower) or TIMES.fullmatch(lower)):
        return False
    return first or not (lower in NOUNS_TOO and token.capitalised)


def _long_part(word: str) -> str:
    """The first part of WORD (split at Mediopunkt or hyphen) that is too long, or ""."""
    for part in _PARTS.split(word):
        if len(part) <= MAX_WORD_LETTERS or not part.isalpha() or part.isupper():
            continue
        lower = part.lower()
        if not any(
            lower.endswith(ending) and lower[: len(lower) - len(ending)] in LONG_WORDS
            for ending in ENDINGS
        ):
            return part
    return ""


def _is_participle(token: Token) -> bool:
    lower = token.lower
    return (
        not token.capitalised
        and lower not in NOT_PARTICIPLES
        and PARTICIPLE.fullmatch(lower) is not None
    )


def _passive(clause: list[Token], words: str, hit) -> None:
    """A form of werden and a past participle between the same commas.

    "worden" is always passive. "werden" with an infinitive (future: "wir werden Ihnen
    schreiben") is not flagged; nor is "werden" as a full verb ("ein Platz ist frei
    geworden"), nor "sein" with a participle ("die Anmeldung ist geschlossen", a state).
    A participle followed by "sein"/"haben" is the future perfect, not passive.
    """
    segment: list[Token] = []
    for index, token in enumerate(clause):
        segment.append(token)
        last = index + 1 == len(clause)
        if last or "," in words[token.end : clause[index + 1].start]:
            _passive_in(segment, hit)
            segment = []


def _passive_in(segment: list[Token], hit) -> None:
    auxiliaries = [token for token in segment if token.lower in PASSIVE_AUXILIARIES]
    participles = [
        token
        for position, token in enumerate(segment)
        if _is_participle(token)
        and not (position + 1 < len(segment) and segment[position + 1].lower in {"sein", "haben"})
    ]
    for auxiliary in auxiliaries:
        if auxiliary.lower == "worden":
            hit("passive", auxiliary.start, auxiliary.end)
        elif participles:
            other = participles.pop(0)
            hit("passive", min(auxiliary.start, other.start), max(auxiliary.end, other.end))


def _genitive(clause: list[Token], hit) -> None:
    after_preposition = False
    for index, token in enumerate(clause):
        lower = token.lower
        following = clause[index + 1 :]
        noun = _noun_after(following)
        if after_preposition:  # already part of "wegen des …"
            after_preposition = False
        elif lower in GENITIVE_PRONOUNS:
            hit("genitive", token.start, token.end)
        elif lower in GENITIVE_PREPOSITIONS and following:
            if following[0].lower in GENITIVE_ARTICLES:
                end = _noun_after(following[1:]) or following[0]
                hit("genitive", token.start, end.end)
                after_preposition = True
        elif lower == "des":
            hit("genitive", token.start, (noun or token).end)
        elif lower in GENITIVE_ONLY_BEFORE_NOUN and noun:
            hit("genitive", token.start, noun.end)
        elif (
            token.word == "der"
            and noun
            and index > 1  # the first word of a sentence has a capital anyway
            and clause[index - 1].capitalised
            and clause[index - 1].lower not in NOT_NOUNS
            and clause[index - 1].word.isalpha()
        ):
            hit("genitive", clause[index - 1].start, noun.end)


def _noun_after(tokens: list[Token]) -> Token | None:
    """The noun that TOKENS start with, after at most two adjectives ("der offenen Tür")."""
    for token in tokens[:3]:
        if token.capitalised:
            return token
        if not (token.word.isalpha() and token.lower.endswith(("en", "er", "es", "e"))):
            return None
    return None


def _abbreviations(words: str, hit) -> None:
    for match in _ABBREVIATION.finditer(words):
        hit("abbreviation", match.start(), match.end())
    for match in _CAPITALS.finditer(words):
        if match.group().removesuffix("s") not in KNOWN_CAPITALS:
            hit("abbreviation", match.start(), match.end())


def _brackets(words: str, hit) -> None:
    """A bracketed part on one line as one hit; a lone bracket alone."""
    opened: list[int] = []
    for match in _BRACKET.finditer(words):
        if match.group() in "([":
            opened.append(match.start())
        elif opened and "\n" not in words[opened[-1] : match.start()]:
            hit("brackets", opened.pop(), match.end())
        else:
            hit("brackets", match.start(), match.end())
    for start in opened:
        hit("brackets", start, start + 1)
