"""Name keys that make search tolerant of case, diacritics, script and transliteration.

`name_key` reduces a name to a consonant skeleton, so that the spellings one name
takes in German offices meet in one key:

    Mohammed, Muhammad, Mohamad, Мухаммад, محمد  → mhmd
    Özdemir, Oezdemir, Ozdemir                 → azdmr
    Yusuf, Youssef, Jusuf, يوسف               → jsf

It is a first, deliberately forgiving step: it finds too much rather than too
little (Mahmoud also reduces to mhmd), and `folded` ranks the closer spellings
first. Full duplicate detection builds on it later.
"""

import re

from anyascii import anyascii

# German umlaut spellings (oe, ae, ue) and common transliteration digraphs.
# Order matters: longer patterns first.
_DIGRAPHS = [
    ("dsch", "j"),
    ("tsch", "c"),
    ("sch", "s"),
    ("sh", "s"),
    ("kh", "h"),
    ("ch", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("dj", "j"),
    ("dzh", "j"),
    ("zh", "j"),
    ("ck", "k"),
    ("ks", "x"),
    ("c", "k"),
    ("q", "k"),
    ("v", "w"),
    ("y", "j"),
]
_VOWELS = set("aeiouw")
_NON_LETTERS = re.compile(r"[^a-z0-9`' ]+")
_WORDS = re.compile(r"[a-z0-9`']+")


def folded(text: str) -> str:
    """Lower case, in Latin letters, without diacritics: 'Özdemir' → 'ozdemir'."""
    return " ".join(_WORDS.findall(anyascii(text or "").lower()))


def _skeleton(word: str) -> str:
    for pattern, replacement in _DIGRAPHS:
        word = word.replace(pattern, replacement)
    if not word:
        return ""
    # An initial vowel (or Arabic hamza/ain, transliterated ' and `) is kept as one
    # generic vowel, so Omar/Umar/عمر and Özdemir/Oezdemir meet.
    head, rest = word[0], word[1:]
    if head in _VOWELS or head in "`'":
        head = "a"
    consonants = [ch for ch in rest if ch not in _VOWELS and ch not in "`'"]
    # A final h is mostly a transliterated ta marbuta (Fatimah/فاطمة → Fatima).
    if len(consonants) > 1 and consonants[-1] == "h":
        consonants.pop()
    skeleton = head
    for ch in consonants:
        if ch != skeleton[-1]:
            skeleton += ch
    return skeleton


def name_keys(text: str) -> list[str]:
    """One skeleton per word of TEXT."""
    return [_skeleton(word) for word in _WORDS.findall(anyascii(text or "").lower())]


def search_key(*names: str) -> str:
    """The stored key: every word's skeleton, each preceded by a space (for prefix search)."""
    keys = []
    for name in names:
        keys.extend(name_keys(name))
    return "".join(f" {key}" for key in keys if key)


def folded_key(*names: str) -> str:
    return "".join(f" {word}" for name in names for word in folded(name).split())
