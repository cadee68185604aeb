"""What happens to people records. Views, the API and commands all call these."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import (
    Case,
    IntegerField,
    ProtectedError,
    Q,
    QuerySet,
    RestrictedError,
    Value,
    When,
)
from django.utils.translation import gettext as _

from lotse.core.names import folded, name_keys

from .models import ParentChild, Person


def search_people(queryset: QuerySet[Person], query: str) -> QuerySet[Person]:
    """People matching every word of QUERY in any spelling, closest spellings first.

    A word with '@' searches e-mail addresses, a word of digits phone numbers
    (and postcodes); any other word matches the start of a name word in any script
    or transliteration (see lotse.core.names).
    """
    words = (query or "").split()
    if not words:
        return queryset
    condition = Q()
    closeness = []
    for word in words:
        if "@" in word:
            condition &= Q(email__icontains=word)
        elif word.replace("+", "").replace("/", "").replace("-", "").isdigit():
            condition &= Q(phone__contains=word) | Q(postcode__startswith=word)
        else:
            keys = [key for key in name_keys(word) if key]
            for key in keys:
                condition &= Q(search_key__contains=f" {key}")
            closeness.extend(f" {part}" for part in folded(word).split())
    queryset = queryset.filter(condition)
    if closeness:
        exact = Q()
        for part in closeness:
            exact &= Q(folded_name__contains=part)
        queryset = queryset.annotate(
            closeness=Case(
                When(exact, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        ).order_by("closeness", *Person._meta.ordering)
    return queryset


@transaction.atomic
def save_person(form, office=None) -> Person:
    """Save a valid PersonForm; a new person goes into OFFICE."""
    person = form.save(commit=False)
    if person.pk is None:
        person.office = office
    person.save()
    form.save_m2m()
    return person


@transaction.atomic
@transaction.atomic
def delete_person(person: Person) -> None:
    """Delete a person; refused while records that must be kept point to them."""
    try:
        with transaction.atomic():
            person.delete()
    except (ProtectedError, RestrictedError) as exc:
        blocking = (
            exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects
        )
        kinds = sorted({str(obj._meta.verbose_name_plural) for obj in blocking})
        raise ValidationError(
            _("%(name)s cannot be deleted while these records refer to them: %(records)s.")
            % {"name": person.full_name, "records": ", ".join(kinds)}
        ) from exc


def link_parent_child(parent: Person, child: Person) -> ParentChild:
    """Record that PARENT is a parent (or guardian) of CHILD."""
    if parent.pk == child.pk:
        raise ValidationError(_("A person cannot be their own parent."))
    if parent.office_id != child.office_id:
        raise ValidationError(_("Both people must belong to the same office."))
    if ParentChild.objects.filter(parent=child, child=parent).exists():
        raise ValidationError(
            _("%(child)s is already recorded as a parent of %(parent)s.")
            % {"child": child.full_name, "parent": parent.full_name}
        )
    try:
        with transaction.atomic():
            return ParentChild.objects.create(
                office_id=parent.office_id, parent=parent, child=child
            )
    except IntegrityError:
        raise ValidationError(_("This link exists already.")) from None


@transaction.atomic
def unlink_parent_child(link: ParentChild) -> None:
    link.delete()
