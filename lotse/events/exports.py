"""Files staff take away from an event: the participant list (PDF to print and sign,
XLSX to work with) and certificates of attendance (PDF, one page each).
"""

import io

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from lotse.core.pdf import data_url, render_pdf

from .models import Event, Registration, RegistrationStatus

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_STATUS_ORDER = Case(
    When(status=RegistrationStatus.CONFIRMED, then=Value(0)),
    When(status=RegistrationStatus.INVITED, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def participants(event: Event) -> QuerySet[Registration]:
    """Everyone still on the list: confirmed first, then invited, then the waiting list."""
    return (
        event.registrations.active()
        .annotate(status_order=_STATUS_ORDER)
        .order_by("status_order", "folded_name", "id")
    )


def _office_context(event: Event) -> dict:
    office = event.office
    return {"office": office, "logo": data_url(office.logo), "event": event}


def participants_pdf(event: Event, request=None) -> bytes:
    rows = list(participants(event))
    return render_pdf(
        "events/pdf/participants.html",
        {
            **_office_context(event),
            "registrations": rows,
            "seats": sum(r.seats for r in rows if r.status == RegistrationStatus.CONFIRMED),
            "printed_at": timezone.localtime(),
        },
        request=request,
    )


def certificates_pdf(event: Event, registrations, request=None) -> bytes:
    """One certificate of attendance per registration, each on its own page."""
    return render_pdf(
        "events/pdf/certificates.html",
        {
            **_office_context(event),
            "registrations": list(registrations),
            "issued_on": timezone.localdate(),
        },
        request=request,
    )


def _local(value):
    """Excel knows no time zones: the office's local time without one."""
    return timezone.localtime(value).replace(tzinfo=None) if value else None


def participants_xlsx(event: Event) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Participants")[:31])
    bold = Font(bold=True)

    def cell(value, number_format=None, font=None):
        item = WriteOnlyCell(sheet, value=value)
        if number_format:
            item.number_format = number_format
        if font:
            item.font = font
        return item

    sheet.append(
        [
            cell(header, font=bold)
            for header in (
                _("Name"),
                _("Companions"),
                _("Phone"),
                _("E-mail address"),
                _("May be contacted"),
                _("Photos allowed"),
                _("Attended"),
                _("Status"),
                pgettext("registration", "Source"),
                _("Registered"),
                _("Checked in"),
            )
        ]
    )
    for registration in participants(event):
        sheet.append(
            [
                registration.name,
                registration.companions,
                registration.phone,
                registration.email,
                registration.consent_contact,
                registration.consent_photos,
                registration.attended,
                registration.get_status_display(),
                registration.get_source_display(),
                cell(_local(registration.registered_at), "DD.MM.YYYY HH:MM"),
                cell(_local(registration.checked_in_at), "DD.MM.YYYY HH:MM"),
            ]
        )
    about = workbook.create_sheet(_("Event")[:31])
    for label, value, number_format in (
        (_("Title"), event.title, None),
        (_("Kind"), event.get_kind_display(), None),
        (_("Starts"), _local(event.starts_at), "DD.MM.YYYY HH:MM"),
        (_("Ends"), _local(event.ends_at), "DD.MM.YYYY HH:MM"),
        (pgettext("where an event takes place", "Place"), event.place_display, None),
        (_("Seats"), event.capacity, None),
        (_("Office"), event.office.name, None),
    ):
        about.append([cell(label, font=bold), cell(value, number_format)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def filename(event: Event, what: str) -> str:
    """e.g. teilnehmende-elternabend-2026-11-22"""
    day = timezone.localtime(event.starts_at).date().isoformat()
    return slugify(f"{what} {event.title}")[:80] + f"-{day}"
