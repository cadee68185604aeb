"""PDF documents from Django templates (WeasyPrint: HTML and CSS to PDF).

WeasyPrint lays text out with Pango/HarfBuzz, so Arabic and Farsi are shaped
and set right to left. Fonts come from the system (Debian: fonts-noto-core,
fonts-dejavu-core); nothing is fetched: the URL fetcher refuses every address
that is not a data: URL.
"""

import base64
import mimetypes

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify


def data_url(field_file) -> str:
    """An uploaded image (e.g. the office logo) as a data: URL, or '' when there is none."""
    if not field_file:
        return ""
    try:
        with field_file.open("rb") as handle:
            content = handle.read()
    except OSError:
        return ""
    mime = mimetypes.guess_type(field_file.name)[0] or "image/png"
    return f"data:{mime};base64,{base64.b64encode(content).decode()}"


def render_pdf(template_name: str, context: dict, request=None) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string(template_name, context, request=request)
    # Only data: URLs (the embedded logo); any other address is refused, not fetched.
    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, url_fetcher=fetcher).write_pdf()


def pdf_response(pdf: bytes, filename: str, *, inline: bool = False) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(filename.removesuffix(".pdf")) or "dokument"
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{name}.pdf"'
    return response
