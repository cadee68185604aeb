import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Case, Count, IntegerField, Q, When
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lotse.accounts.models import Role
from lotse.cases.forms import DateInput
from lotse.cases.models import Topic
from lotse.core.models import Language
from lotse.events.models import Event, EventKind
from lotse.organisations.models import Organisation, OrganisationKind
from lotse.people.models import Person
from lotse.people.services import search_people

from .models import GuideProfile, Inquiry, ReferredTo, TrainingSeries

PERSON_CANDIDATES = 20


def language_label(language: Language) -> str:
    """ "Tigrinya – ትግርኛ": the name in the UI language and the language's own name."""
    if language.native_name and language.native_name != language.name:
        return f"{language.name} – {language.native_name}"
    return language.name


def language_name_field() -> str:
    """The Language field that holds the name in the active UI language (for ordering)."""
    return "name_en" if (get_language() or "de").startswith("en") else "name_de"


class LanguageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return language_label(obj)


class LanguagesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return language_label(obj)


def languages_by_use():
    """All languages, those the guides in scope speak first (most guides first).

    For a volunteer guide the scope holds only her own profile, so her own
    languages come first; for staff the languages of all the office's guides.
    """
    through = GuideProfile.languages.through
    spoken = list(
        through.objects.filter(guideprofile__in=GuideProfile.objects.all())
        .values("language_id")
        .annotate(n=Count("id"))
        .order_by("-n", "language_id")
        .values_list("language_id", flat=True)
    )
    queryset = Language.objects.all()
    if not spoken:
        return queryset.order_by(language_name_field())
    rank = Case(
        *[When(pk=pk, then=position) for position, pk in enumerate(spoken)],
        default=len(spoken),
        output_field=IntegerField(),
    )
    return queryset.annotate(rank=rank).order_by("rank", language_name_field())


def referral_institutions():
    """The institutions a guide may refer people to (network dimension of the scope)."""
    return Organisation.referral_institutions.order_by("name", "id")


def office_topics():
    """The active counselling topics: the shipped catalogue plus the office's own."""
    return Topic.objects.active().order_by("position", "name")


def guide_users_of(office, profile=None):
    """Logins with a volunteer-guide membership in OFFICE not yet linked to another guide."""
    users = get_user_model().objects.filter(
        memberships__office=office, memberships__role=Role.GUIDE, is_active=True
    )
    free = Q(guide_profile__isnull=True)
    if profile is not None and profile.pk:
        free |= Q(guide_profile=profile)
    return users.filter(free).order_by("first_name", "last_name", "username").distinct()


class LoginChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name()
        return f"{name} ({obj.username})" if name else obj.username


class GuideForm(forms.ModelForm):
    """A guide's profile. A new guide is a person of the office chosen by a search step."""

    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=Person.objects.none(),
        widget=forms.HiddenInput,  # shown as the candidates of the search step
        error_messages={"required": _("Choose the person who becomes a guide.")},
    )
    person_query = forms.CharField(label=_("Find the person"), required=False, max_length=100)
    organisation = forms.ModelChoiceField(
        label=_("Migrant organisation (MSO)"),
        queryset=Organisation.objects.none(),
        required=False,
    )
    languages = LanguagesField(
        label=_("Languages"),
        queryset=Language.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    user = LoginChoiceField(
        label=_("Login"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_(
            "Her own login, so she can log inquiries on her phone. Only logins with the "
            "role “volunteer guide” in this office can be chosen."
        ),
    )

    class Meta:
        model = GuideProfile
        fields = [
            "person",
            "organisation",
            "languages",
            "communities",
            "districts",
            "availability",
            "qualified_on",
            "active",
            "user",
            "notes",
        ]
        widgets = {"qualified_on": DateInput, "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            kind=OrganisationKind.MIGRANT_ORG
        ).order_by("name", "id")
        self.fields["languages"].queryset = Language.objects.order_by(language_name_field())
        self.fields["user"].queryset = guide_users_of(office, self.instance)
        if self.instance.pk:
            # The person of an existing profile stays; change her data on her person page.
            del self.fields["person"]
            del self.fields["person_query"]
        else:
            self.fields["person"].queryset = Person.objects.filter(guide_profile__isnull=True)

    def chosen_person(self) -> Person | None:
        if "person" not in self.fields:
            return None
        value = self["person"].value()
        if isinstance(value, Person):
            return value
        if value and str(value).isdigit():
            return self.fields["person"].queryset.filter(pk=value).first()
        return None

    def person_candidates(self) -> list[Person]:
        """The chosen person, the search hits, else people marked as guides without profile."""
        chosen = self.chosen_person()
        candidates = [chosen] if chosen else []
        queryset = self.fields["person"].queryset
        query = (self["person_query"].value() or "").strip()
        if query:
            hits = search_people(queryset, query)[:PERSON_CANDIDATES]
        else:
            hits = queryset.filter(is_guide=True).order_by("family_name", "given_names", "id")[
                :PERSON_CANDIDATES
            ]
        candidates += [person for person in hits if person != chosen]
        return candidates

    @property
    def person_searched(self) -> bool:
        return "person_query" in self.fields and bool((self["person_query"].value() or "").strip())


class GuideFilterForm(forms.Form):
    q = forms.CharField(label=_("Name, community or district"), required=False, max_length=100)


class SeriesForm(forms.ModelForm):
    class Meta:
        model = TrainingSeries
        fields = ["name", "starts_on", "required_modules", "description"]
        widgets = {"starts_on": DateInput, "description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"name": _("e.g. Elternlotsen 2026")}


class ModuleEventField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


class ModuleAddForm(forms.Form):
    event = ModuleEventField(
        label=_("Training module (event)"),
        queryset=Event.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    required = forms.TypedChoiceField(
        label=_("Required for the qualification?"),
        choices=[("1", _("yes")), ("0", _("no"))],
        coerce=lambda value: value == "1",
        initial="1",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = Event.objects.filter(
            kind=EventKind.TRAINING_MODULE, training_module__isnull=True
        ).order_by("starts_at", "id")


class InquiryForm(forms.ModelForm):
    """The guide's log entry, made to be filled in on a phone.

    No name is needed. Contact data only when the service point should follow
    up, and only with the person's explicit consent (the database refuses
    contact data without consent, too).
    """

    language = LanguageChoiceField(
        label=_("Language"), queryset=Language.objects.none(), required=False
    )
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.none(), required=False)
    institution = forms.ModelChoiceField(
        label=_("Institution"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Only when you referred the person to an institution."),
    )
    event = forms.ModelChoiceField(
        label=_("Event"),
        queryset=Event.objects.none(),
        required=False,
        help_text=_("Only when you referred the person to an event."),
    )
    guide = forms.ModelChoiceField(
        label=_("Guide"),
        queryset=GuideProfile.objects.none(),
        help_text=_("The guide who answered the inquiry."),
    )

    class Meta:
        model = Inquiry
        fields = [
            "guide",
            "date",
            "language",
            "topic",
            "community",
            "referred_to",
            "institution",
            "event",
            "note",
            "follow_up_wanted",
            "contact_name",
            "contact_phone",
            "contact_email",
            "contact_consent",
        ]
        widgets = {
            "date": DateInput,
            "referred_to": forms.RadioSelect,
            "note": forms.Textarea(attrs={"rows": 3}),
            "contact_phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "off"}),
        }
        labels = {
            "follow_up_wanted": _("The service point should follow up"),
            "contact_consent": _("The person agreed that I pass on these contact data"),
            "referred_to": _("I referred the person to"),
        }
        help_texts = {
            "community": _("e.g. Eritrean families, Syrian community"),
            "note": _("What was asked? Please write no names here."),
        }

    def __init__(self, *args, office, guide=None, **kwargs):
        """GUIDE: the profile of the guide logging (None: staff log for a guide they choose)."""
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = datetime.date.today
        self.fields["referred_to"].choices = ReferredTo.choices  # no empty radio button
        self.fields["language"].queryset = languages_by_use()
        self.fields["topic"].queryset = office_topics()
        self.fields["institution"].queryset = referral_institutions()
        events = Q(pk__in=Event.objects.upcoming().values("pk"))
        if self.instance.event_id:
            events |= Q(pk=self.instance.event_id)
        self.fields["event"].queryset = Event.objects.filter(events).order_by("starts_at", "id")
        if guide is not None or self.instance.pk:
            del self.fields["guide"]
        else:
            self.fields["guide"].queryset = GuideProfile.objects.active().select_related("person")
        profile = guide or (self.instance.guide if self.instance.pk else None)
        if not self.instance.pk and profile is not None:
            communities = [c.strip() for c in profile.communities.split(",") if c.strip()]
            if len(communities) == 1:
                self.fields["community"].initial = communities[0]

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > datetime.date.today():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return date

    def clean(self):
        cleaned = super().clean()
        referred_to = cleaned.get("referred_to")
        if referred_to == ReferredTo.INSTITUTION:
            if not cleaned.get("institution"):
                self.add_error("institution", _("Which institution did you refer the person to?"))
        elif referred_to:
            cleaned["institution"] = None
        if referred_to and referred_to != ReferredTo.EVENT:
            cleaned["event"] = None

        has_contact = any(
            (cleaned.get(name) or "").strip()
            for name in ("contact_name", "contact_phone", "contact_email")
        )
        reachable = any(
            (cleaned.get(name) or "").strip() for name in ("contact_phone", "contact_email")
        )
        consent = cleaned.get("contact_consent")
        if cleaned.get("follow_up_wanted"):
            if not reachable and "contact_email" not in self.errors:
                self.add_error(
                    "contact_phone",
                    _(
                        "For a follow-up the service point needs a phone number or an "
                        "e-mail address."
                    ),
                )
            if not consent:
                self.add_error(
                    "contact_consent",
                    _(
                        "Please confirm that the person agreed to pass on the contact data. "
                        "Without the person's consent the service point cannot follow up."
                    ),
                )
        elif has_contact:
            self.add_error(
                "follow_up_wanted",
                _(
                    "Contact data are only passed on for a follow-up. Tick “The service "
                    "point should follow up”, or remove the contact data."
                ),
            )
            if not consent:
                self.add_error(
                    "contact_consent",
                    _(
                        "You entered contact data: confirm that the person agreed to pass "
                        "them on, or remove them."
                    ),
                )
        return cleaned


class InquiryFilterForm(forms.Form):
    follow_up = forms.ChoiceField(
        label=_("Follow-up"),
        required=False,
        choices=[
            ("", _("all")),
            ("open", _("follow-up open")),
            ("done", _("followed up")),
            ("none", _("no follow-up wanted")),
        ],
    )
    start = forms.DateField(label=_("From"), required=False, widget=DateInput)
    end = forms.DateField(label=_("To"), required=False, widget=DateInput)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end of the period is before its start."))
        return cleaned
