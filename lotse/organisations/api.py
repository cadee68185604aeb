from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from lotse.api.forms import ErrorOut, form_data, invalid
from lotse.core.models import Language

from . import services
from .forms import OrganisationForm
from .models import Organisation

router = Router(tags=["organisations"])


class OrganisationOut(Schema):
    id: int
    name: str
    kind: str
    institution_type: str
    street: str
    postcode: str
    town: str
    phone: str
    email: str
    website: str
    languages: list[str] = Field(description="ISO 639 codes")
    sector: str
    size_class: str
    migrant_led: bool
    chamber: str
    notes: str
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_languages(obj):
        return [language.code for language in obj.languages.all()]


class OrganisationIn(Schema):
    name: str | None = None
    kind: str | None = Field(
        None, description="company, school, migrant_org, institution, provider, other"
    )
    institution_type: str | None = None
    street: str | None = None
    postcode: str | None = None
    town: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    languages: list[str] | None = Field(None, description="ISO 639 codes")
    sector: str | None = None
    size_class: str | None = Field(None, description="micro, small, medium, large")
    migrant_led: bool | None = None
    chamber: str | None = None
    notes: str | None = None


def _payload(data: OrganisationIn) -> dict:
    payload = data.model_dump(exclude_unset=True)
    if "languages" in payload:
        codes = payload["languages"] or []
        known = dict(Language.objects.filter(code__in=codes).values_list("code", "pk"))
        payload["languages"] = [known.get(code, code) for code in codes]
    return payload


def _organisations():
    return Organisation.objects.prefetch_related("languages")


@router.get("", response=list[OrganisationOut], summary="List organisations (paged)")
@paginate(PageNumberPagination, page_size=25)
def list_organisations(request, q: str = "", kind: str = ""):
    queryset = _organisations()
    if kind:
        queryset = queryset.filter(kind=kind)
    return services.search_organisations(queryset, q)


@router.get("/{int:organisation_id}", response=OrganisationOut, summary="Read an organisation")
def get_organisation(request, organisation_id: int):
    return get_object_or_404(_organisations(), pk=organisation_id)


@router.post("", response={201: OrganisationOut, 400: ErrorOut}, summary="Create")
def create_organisation(request, data: OrganisationIn):
    form = OrganisationForm(data=form_data(OrganisationForm, _payload(data)))
    if not form.is_valid():
        return invalid(form)
    organisation = services.save_organisation(form, office=request.office)
    return Status(201, _organisations().get(pk=organisation.pk))


@router.patch(
    "/{int:organisation_id}", response={200: OrganisationOut, 400: ErrorOut}, summary="Update"
)
def update_organisation(request, organisation_id: int, data: OrganisationIn):
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    form = OrganisationForm(
        data=form_data(OrganisationForm, _payload(data), instance=organisation),
        instance=organisation,
    )
    if not form.is_valid():
        return invalid(form)
    services.save_organisation(form)
    return Status(200, _organisations().get(pk=organisation.pk))
