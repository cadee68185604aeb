from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from lotse.api.forms import ErrorOut, form_data, invalid
from lotse.core.models import Language

from . import services
from .forms import PersonForm
from .models import Person

router = Router(tags=["people"])


class PersonOut(Schema):
    id: int
    given_names: str
    family_name: str
    given_names_original: str
    family_name_original: str
    birth_date: str | None = Field(None, description="DD.MM.YYYY, MM.YYYY or YYYY")
    birth_date_placeholder: bool
    gender: str
    kinds: list[str]
    languages: list[str] = Field(description="ISO 639 codes")
    phone: str
    email: str
    street: str
    postcode: str
    town: str
    notes: str
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_birth_date(obj):
        return str(obj.birth_date) if obj.birth_date else None

    @staticmethod
    def resolve_languages(obj):
        return [language.code for language in obj.languages.all()]


class PersonIn(Schema):
    given_names: str | None = None
    family_name: str | None = None
    given_names_original: str | None = None
    family_name_original: str | None = None
    birth_date: str | None = Field(None, description="DD.MM.YYYY, MM.YYYY or YYYY")
    birth_date_placeholder: bool | None = None
    gender: str | None = Field(None, description="female, male, diverse, not_stated")
    kinds: list[str] | None = Field(
        None, description="young_person, parent, entrepreneur, guide, contact"
    )
    languages: list[str] | None = Field(None, description="ISO 639 codes, e.g. ['ar', 'de']")
    phone: str | None = None
    email: str | None = None
    street: str | None = None
    postcode: str | None = None
    town: str | None = None
    notes: str | None = None


def _payload(data: PersonIn) -> dict:
    payload = data.model_dump(exclude_unset=True)
    if "languages" in payload:
        codes = payload["languages"] or []
        known = dict(Language.objects.filter(code__in=codes).values_list("code", "pk"))
        # Unknown codes are passed on as such, so the form reports them as invalid choices.
        payload["languages"] = [known.get(code, code) for code in codes]
    return payload


def _people():
    return Person.objects.prefetch_related("languages")


@router.get("", response=list[PersonOut], summary="List people (paged, searchable)")
@paginate(PageNumberPagination, page_size=25)
def list_people(request, q: str = ""):
    return services.search_people(_people(), q)


@router.get("/{int:person_id}", response=PersonOut, summary="Read a person")
def get_person(request, person_id: int):
    return get_object_or_404(_people(), pk=person_id)


@router.post("", response={201: PersonOut, 400: ErrorOut}, summary="Create a person")
def create_person(request, data: PersonIn):
    form = PersonForm(data=form_data(PersonForm, _payload(data)))
    if not form.is_valid():
        return invalid(form)
    person = services.save_person(form, office=request.office)
    return Status(201, _people().get(pk=person.pk))


@router.patch("/{int:person_id}", response={200: PersonOut, 400: ErrorOut}, summary="Update")
def update_person(request, person_id: int, data: PersonIn):
    person = get_object_or_404(Person, pk=person_id)
    form = PersonForm(data=form_data(PersonForm, _payload(data), instance=person), instance=person)
    if not form.is_valid():
        return invalid(form)
    services.save_person(form)
    return Status(200, _people().get(pk=person.pk))
