from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def change_rows(entry):
    """(field, old, new) rows of a log entry, with field names and choices as shown in forms."""
    rows = []
    for field, change in (entry.changes_display_dict or {}).items():
        if isinstance(change, dict):  # many-to-many
            operation = change.get("operation")
            objects = ", ".join(str(o) for o in change.get("objects", []))
            if operation == "add":
                rows.append((field, "", _("added: %(items)s") % {"items": objects}))
            elif operation == "delete":
                rows.append((field, _("removed: %(items)s") % {"items": objects}, ""))
            else:
                rows.append((field, "", _("cleared")))
            continue
        old, new = (list(change) + ["", ""])[:2]
        rows.append(
            (field, "" if old in ("None", None) else old, "" if new in ("None", None) else new)
        )
    return rows


@register.simple_tag(takes_context=True)
def query_with(context, **kwargs):
    """The current query string with some parameters replaced (for paging links)."""
    params = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag
def qr_code(url: str, label: str = ""):
    """URL as a QR code, an inline SVG (nothing is fetched), with LABEL as its accessible name."""
    import segno
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    svg = segno.make(url, error="m").svg_inline(scale=4, dark="#000", light="#fff")
    name = escape(label or url)
    # role=img + aria-label: screen readers announce it as one picture with its purpose.
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{name}" ', 1))  # noqa: S308
