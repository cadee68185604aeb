from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from lotse.core.names import folded

from .models import Affiliation, Organisation


def search_organisations(queryset: QuerySet[Organisation], query: str) -> QuerySet[Organisation]:
    """Organisations whose name or town contains every word of QUERY (diacritics ignored)."""
    condition = Q()
    for word in folded(query).split():
        condition &= Q(search_key__contains=word)
    return queryset.filter(condition)


@transaction.atomic
def save_organisation(form, office=None) -> Organisation:
    organisation = form.save(commit=False)
    if organisation.pk is None:
        organisation.office = office
    organisation.save()
    form.save_m2m()
    return organisation


@transaction.atomic
def delete_organisation(organisation: Organisation) -> None:
    organisation.delete()


def affiliate(person, organisation: Organisation, role: str, note: str = "") -> Affiliation:
    """Record PERSON's ROLE at ORGANISATION."""
    if person.office_id != organisation.office_id:
        raise ValidationError(_("Both must belong to the same office."))
    try:
        with transaction.atomic():
            return Affiliation.objects.create(
                office_id=person.office_id,
                person=person,
                organisation=organisation,
                role=role,
                note=note,
            )
    except IntegrityError:
        raise ValidationError(_("This role is recorded already.")) from None


@transaction.atomic
def remove_affiliation(affiliation: Affiliation) -> None:
    affiliation.delete()
