"""The printable application profile: the answers in Easy German, for the young person
and for her applications.

Always in Easy German, whatever language the form was filled in: companies read
German, and the young person can read Easy German with her counsellor. Names and free
text stay as she wrote them (an Arabic name is set right to left and shaped).
"""

import base64
import datetime
from functools import cache
from pathlib import Path

from django.utils import timezone, translation

from lotse.cases.esf import SchoolCertificate
from lotse.core.levels import CEFR_ORDER, Skill
from lotse.core.models import Language
from lotse.core.pdf import data_url, render_pdf

from .forms import I_CAN, SKILL_LABELS
from .models import STEPS, ApplicationProfile

PDF_LANGUAGE = "de-x-ls"
PICTOGRAM_DIR = Path(__file__).resolve().parent / "static" / "profiles" / "pictograms"
# The pictograms take the colour of the headings (an <img> knows no currentColor).
PICTOGRAM_COLOUR = "#1f4e79"


@cache
def pictogram_data_url(name: str, colour: str = PICTOGRAM_COLOUR) -> str:
    """The pictogram of step NAME as a data: URL (the PDF fetcher loads nothing else)."""
    if name not in STEPS:
        raise ValueError(f"unknown step {name!r}")
    svg = (PICTOGRAM_DIR / f"{name}.svg").read_text(encoding="utf-8")
    svg = svg.replace("currentColor", colour)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _years(entry: dict) -> str:
    start, end = entry.get("from_year"), entry.get("to_year")
    if start and end:
        return f"{start} – {end}" if start != end else str(start)
    return str(start or end or "")


def _languages(answers: dict) -> list[Language]:
    codes = [code for code in answers.get("languages", []) if code]
    by_code = {language.code: language for language in Language.objects.filter(code__in=codes)}
    return [by_code[code] for code in codes if code in by_code]


def _german(answers: dict) -> list[dict]:
    levels = answers.get("german", {})
    rows = []
    for skill in Skill:
        level = levels.get(skill.value)
        if level in CEFR_ORDER:
            rows.append(
                {"label": SKILL_LABELS[skill], "level": level, "i_can": I_CAN[skill][level]}
            )
    return rows


def _school(answers: dict) -> list[dict]:
    labels = dict(SchoolCertificate.choices)
    return [
        {
            **entry,
            "years": _years(entry),
            "german_equivalent_label": labels.get(entry.get("german_equivalent") or "", ""),
        }
        for entry in answers.get("entries", [])
    ]


def _work(answers: dict) -> list[dict]:
    return [{**entry, "years": _years(entry)} for entry in answers.get("entries", [])]


def _occupations(answers: dict) -> list:
    from lotse.matching.models import Occupation

    ids = [int(pk) for pk in answers.get("occupations", []) if str(pk).isdigit()]
    by_id = Occupation.objects.in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


def profile_context(profile: ApplicationProfile) -> dict:
    office = profile.office
    about = profile.about
    assessed = profile.submitted_at or profile.updated_at or timezone.now()
    start = profile.step("start")
    return {
        "profile": profile,
        "office": office,
        "logo": data_url(office.logo),
        "photo": data_url(profile.photo),
        "pictograms": {step: pictogram_data_url(step) for step in STEPS},
        "about": about,
        "birth_date": _date(about.get("birth_date")),
        "languages": _languages(profile.step("languages")),
        "german": _german(profile.step("languages")),
        "assessed_on": timezone.localdate(assessed),
        "school": _school(profile.step("school")),
        "work": _work(profile.step("work")),
        "interests": profile.step("interests"),
        "occupations": _occupations(profile.step("occupations")),
        "start_answered": "start" in profile.completed_steps,
        "available_from": _date(start.get("available_from")),
        "printed_on": timezone.localdate(),
    }


def render_profile_pdf(profile: ApplicationProfile, request=None) -> bytes:
    """The profile as an A4 PDF in Easy German. Call it inside the office's scope."""
    with translation.override(PDF_LANGUAGE):
        return render_pdf("profiles/pdf/profile.html", profile_context(profile), request=request)
