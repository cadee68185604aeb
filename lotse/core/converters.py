"""Path converters shared by URL modules."""

import re

from django.urls import register_converter
from django.urls.converters import get_converters

from .public import PUBLIC_LANGUAGE_CODES


class PublicLanguageConverter:
    """`<lang:lang>`: one of the public languages (de, de-x-ls, en, ar …), else no match."""

    # Longest first, so that "de-x-ls" is not cut short to "de".
    regex = "|".join(
        re.escape(code) for code in sorted(PUBLIC_LANGUAGE_CODES, key=len, reverse=True)
    )

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        if value not in PUBLIC_LANGUAGE_CODES:
            raise ValueError(f"{value!r} is not a public language")
        return value


def register_public_converters() -> None:
    """Register `lang` once; every URL module with public pages may call this."""
    if "lang" not in get_converters():
        register_converter(PublicLanguageConverter, "lang")
