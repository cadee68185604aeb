import datetime

from django import forms
from django.db.models import Q
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from lotse.cases.forms import DateInput
from lotse.core.models import Postcode
from lotse.organisations.models import Organisation, OrganisationKind

from .models import (
    PLACEMENT_TRANSITIONS,
    SEAT_HOLDING,
    CancelledBy,
    MatchingProfile,
    Occupation,
    OccupationArea,
    Place,
    PlaceKind,
    PlacementStatus,
    PlaceStatus,
)

WISH_SLOTS = 3


class OccupationsByArea(ModelChoiceIterator):
    """Options grouped by area (IHK, HWK, …) so that 300 occupations stay findable.

    Without JavaScript the browser's own select list is the search: typing the first
    letters jumps to the occupation, within each group.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups: dict[str, list] = {}
        for occupation in self.queryset.order_by("name"):
            groups.setdefault(occupation.area, []).append(self.choice(occupation))
        for area, label in OccupationArea.choices:
            if area in groups:
                yield (label, groups[area])


class OccupationChoiceField(forms.ModelChoiceField):
    iterator = OccupationsByArea

    def __init__(self, *, include=None, **kwargs):
        active = Q(active=True)
        if include is not None:
            active |= Q(pk=include)  # an occupation no longer recognised stays selectable
        super().__init__(queryset=Occupation.objects.filter(active), **kwargs)

    def label_from_instance(self, obj):
        if obj.name_female and obj.name_female != obj.name:
            return f"{obj.name} / {obj.name_female}"
        return obj.name


def clean_known_postcode(value: str) -> str:
    postcode = (value or "").strip()
    if not (postcode.isdigit() and len(postcode) == 5):
        raise forms.ValidationError(_("A German postcode has five digits, e.g. 58135."))
    if not Postcode.objects.filter(code=postcode).exists():
        raise forms.ValidationError(
            _("The postcode %(postcode)s does not exist in Germany. Please check it."),
            params={"postcode": postcode},
        )
    return postcode


class PlaceForm(forms.ModelForm):
    # Organisations are office-scoped: the real queryset is set in __init__, inside the scope.
    company = forms.ModelChoiceField(label=_("Company"), queryset=Organisation.objects.none())

    class Meta:
        model = Place
        fields = [
            "kind",
            "company",
            "occupation",
            "postcode",
            "start_date",
            "duration",
            "seats",
            "required_school_certificate",
            "required_german_level",
            "status",
            "description",
        ]
        widgets = {
            "postcode": forms.TextInput(
                attrs={"inputmode": "numeric", "maxlength": 5, "autocomplete": "off"}
            ),
            "start_date": DateInput,
            "seats": forms.NumberInput(attrs={"min": 1}),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = Organisation.objects.filter(
            kind=OrganisationKind.COMPANY
        ).order_by("name")
        self.fields["company"].help_text = _(
            "Only companies can offer places. Add the company under Organisations first."
        )
        occupation = self.fields["occupation"]
        self.fields["occupation"] = OccupationChoiceField(
            label=occupation.label,
            include=self.instance.occupation_id,
            help_text=_("Grouped by chamber; type the first letters to jump to an occupation."),
        )
        self.fields["required_school_certificate"].label = _("School certificate required")
        self.fields["required_german_level"].label = _("German level required (CEFR)")

    def clean_postcode(self):
        return clean_known_postcode(self.cleaned_data["postcode"])

    def clean_start_date(self):
        start = self.cleaned_data["start_date"]
        unchanged = self.instance.pk and start == self.instance.start_date
        if start < datetime.date.today() and not unchanged:
            raise forms.ValidationError(_("The start date is in the past."))
        return start

    def clean_seats(self):
        seats = self.cleaned_data["seats"]
        if seats < 1:
            raise forms.ValidationError(_("A place has at least one seat."))
        if self.instance.pk:
            taken = self.instance.placements.filter(status__in=SEAT_HOLDING).count()
            if seats < taken:
                raise forms.ValidationError(
                    _("%(taken)s young people have been accepted already."),
                    params={"taken": taken},
                )
        return seats

    def save(self, commit=True):
        if self.instance.pk and "postcode" in self.changed_data:
            self.instance.town = ""  # the town follows the new postcode
        return super().save(commit=commit)


class PlaceFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Occupation"),
        required=False,
        widget=forms.SearchInput(attrs={"placeholder": _("e.g. Kfz"), "autocomplete": "off"}),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("all"))] + PlaceKind.choices
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("all", _("all"))] + PlaceStatus.choices
    )
    company = forms.ModelChoiceField(
        label=_("Company"),
        required=False,
        queryset=Organisation.objects.none(),
        empty_label=_("all"),
    )

    def __init__(self, data=None, **kwargs):
        data = data.copy() if data is not None else {}
        data.setdefault("status", PlaceStatus.OPEN)
        super().__init__(data, **kwargs)
        self.fields["company"].queryset = (
            Organisation.objects.filter(kind=OrganisationKind.COMPANY, places__isnull=False)
            .distinct()
            .order_by("name")
        )


class MatchingProfileForm(forms.ModelForm):
    """The profile, with the wished occupations as a few choices of one occupation each."""

    class Meta:
        model = MatchingProfile
        fields = ["german_level", "school_certificate", "available_from", "max_distance_km"]
        widgets = {
            "available_from": DateInput,
            "max_distance_km": forms.NumberInput(attrs={"min": 1, "max": 500}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        wished = list(self.instance.wished_occupations.all()) if self.instance.pk else []
        wish_fields = {}
        for number in range(1, max(WISH_SLOTS, len(wished)) + 1):
            current = wished[number - 1] if number <= len(wished) else None
            wish_fields[f"wish_{number}"] = OccupationChoiceField(
                label=_("Wished occupation %(number)s") % {"number": number},
                required=False,
                include=current.pk if current else None,
                empty_label=_("– none –"),
                initial=current.pk if current else None,
            )
        self.fields = {**wish_fields, **self.fields}
        self.fields["available_from"].help_text = _("When could a place start at the earliest?")

    def clean_max_distance_km(self):
        km = self.cleaned_data["max_distance_km"]
        if not 1 <= km <= 500:
            raise forms.ValidationError(_("Please enter between 1 and 500 km."))
        return km

    def wishes(self) -> list[Occupation]:
        chosen = []
        for name in self.fields:
            occupation = self.cleaned_data.get(name) if name.startswith("wish_") else None
            if occupation is not None and occupation not in chosen:
                chosen.append(occupation)
        return chosen

    def _save_m2m(self):
        # Called by `save_m2m()` inside `services.save_profile`'s transaction.
        super()._save_m2m()
        self.instance.wished_occupations.set(self.wishes())


class PlacementStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=PlacementStatus.choices)
    on = forms.DateField(label=_("Since"), widget=DateInput, initial=datetime.date.today)
    cancelled_by = forms.ChoiceField(
        label=_("Cancelled by"),
        required=False,
        choices=[("", "–")] + CancelledBy.choices,
    )
    cancel_reason = forms.CharField(
        label=_("Reason for cancelling"),
        required=False,
        max_length=300,
    )

    def __init__(self, *args, current_status, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer only the statuses this placement may move to.
        allowed = PLACEMENT_TRANSITIONS[PlacementStatus(current_status)]
        self.fields["status"].choices = [("", _("– choose –"))] + [
            (value, label) for value, label in PlacementStatus.choices if value in allowed
        ]

    def clean_on(self):
        on = self.cleaned_data["on"]
        if on > datetime.date.today():
            raise forms.ValidationError(_("Please record what has happened: not a future date."))
        return on

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == PlacementStatus.CANCELLED:
            if not cleaned.get("cancelled_by"):
                self.add_error("cancelled_by", _("Who cancelled?"))
            if not cleaned.get("cancel_reason", "").strip():
                self.add_error("cancel_reason", _("Why was it cancelled?"))
        return cleaned
