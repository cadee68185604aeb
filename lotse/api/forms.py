"""Validate API input with the same Django forms the pages use, so rules and messages match."""

from django.core.exceptions import ValidationError
from django.db.models import Model
from ninja import Schema, Status


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[dict]] = {}


def _plain(value):
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if value is None:
        return ""
    return value


def form_data(form_class, payload: dict, instance=None) -> dict:
    """Form data from PAYLOAD; fields it leaves out keep the values of INSTANCE (PATCH)."""
    data = {}
    if instance is not None:
        form = form_class(instance=instance)
        data = {name: _plain(form[name].value()) for name in form.fields}
    data.update({key: _plain(value) for key, value in payload.items()})
    return data


def invalid(form) -> Status:
    return Status(400, {"detail": "Invalid input.", "errors": form.errors.get_json_data()})


def service_error(form, error: ValidationError) -> Status:
    """A service's ValidationError as a 400 answer: under its field, else under __all__."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, ValidationError(errors))
    else:
        form.add_error(None, error)
    return invalid(form)


def required(form, field: str) -> Status:
    """A 400 answer saying FIELD is required, in the form's own words."""
    form.add_error(field, form.fields[field].error_messages["required"])
    return invalid(form)
