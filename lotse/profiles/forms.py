"""The forms of the public application profile (no login), one per step.

Each step form knows its initial values from the profile's answers and turns its
cleaned data into the JSON-friendly answers that lotse.profiles.services documents
(dates as ISO strings, languages as codes, occupations as ids). Messages are short
and in the page's language, because a young person fills this in alone on a phone.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image

from lotse.cases.esf import SchoolCertificate
from lotse.cases.forms import DateInput
from lotse.core.levels import CefrLevel, Skill
from lotse.core.models import Language
from lotse.matching.models import Occupation

from . import services
from .models import ApplicationProfile

# The languages of the form: Easy German is its German (plain German is not offered).
PROFILE_LANGUAGES = ["de-x-ls", "en", "ar", "fa", "tr", "uk", "ru"]
DEFAULT_PROFILE_LANGUAGE = "de-x-ls"
MAX_ENTRIES = 3
MAX_OCCUPATIONS = 3
MAX_PHOTO_BYTES = 5 * 1024 * 1024
PHOTO_FORMATS = {"JPEG", "PNG"}
# Photos are stored re-encoded, without their metadata (place, camera), and not larger.
EARLIEST_YEAR = 1950
# People type dates by hand where the browser has no date picker.
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%d-%m-%Y"]

STEP_TITLES = {
    "about": _("About me"),
    "languages": _("My languages"),
    "school": _("My school"),
    "work": _("Work and internships"),
    "interests": _("What I like and what I can do"),
    "occupations": _("Occupations I want"),
    "start": _("When I can start"),
    "photo": _("My photo"),
    "consent": _("My consent"),
}

SKILL_LABELS = {
    Skill.LISTENING: _("Listening"),
    Skill.READING: _("Reading"),
    Skill.SPOKEN_INTERACTION: _("Talking with people"),
    Skill.SPOKEN_PRODUCTION: _("Speaking on my own"),
    Skill.WRITING: _("Writing"),
}

# Our own short statements per skill and level (the official descriptors are copyrighted).
I_CAN = {
    Skill.LISTENING: {
        "A1": _("I understand a few words, like numbers and prices, if people speak slowly."),
        "A2": _("I understand short messages, like on the bus or in a shop."),
        "B1": _("I understand people at school or at work if they speak clearly."),
        "B2": _("I understand most news on the radio or on TV."),
        "C1": _("I understand long talks and films without effort."),
        "C2": _("I understand all spoken German, also fast speech and dialect."),
    },
    Skill.READING: {
        "A1": _("I can read single words and short signs, like street names."),
        "A2": _("I can read short texts, like a timetable or a text message."),
        "B1": _("I can read simple letters and texts about things I know."),
        "B2": _("I can read articles in a newspaper."),
        "C1": _("I can read long texts, like reports or work instructions."),
        "C2": _("I can read all texts, also contracts and difficult forms."),
    },
    Skill.SPOKEN_INTERACTION: {
        "A1": _("I can say hello and answer simple questions about me."),
        "A2": _("I can buy things and ask for the way."),
        "B1": _("I can talk about things I know, like my hobbies or my school."),
        "B2": _("I can talk with German speakers without big problems."),
        "C1": _("I can take part in discussions, like in a meeting at work."),
        "C2": _("I can take part in every talk and quickly find the right words."),
    },
    Skill.SPOKEN_PRODUCTION: {
        "A1": _("I can say my name, my age and my home country."),
        "A2": _("I can tell in a few sentences about my family or my school."),
        "B1": _("I can tell a story or talk about my plans."),
        "B2": _("I can say my opinion and give reasons for it."),
        "C1": _("I can talk about difficult topics in detail."),
        "C2": _("I can speak in front of a group, clearly and in good order."),
    },
    Skill.WRITING: {
        "A1": _("I can write my name and my address in a form."),
        "A2": _("I can write a short message, like a text message to a friend."),
        "B1": _("I can write a simple letter or e-mail about things I know."),
        "B2": _("I can write a letter of application."),
        "C1": _("I can write long texts with a clear order."),
        "C2": _("I can write all texts without mistakes, also difficult letters."),
    },
}

I_DO_NOT_KNOW = _("I do not know")
REQUIRED = _("Please fill in this field.")
WRONG_DATE = _("Please write the date like this: 14.03.2008.")
YEAR_ERRORS = {
    "invalid": _("Please write a year, like 2019."),
    "min_value": _("Please write a year, like 2019."),
    "max_value": _("Please write a year, like 2019."),
}


def _year_field(label):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=EARLIEST_YEAR,
        max_value=datetime.date.today().year + 1,
        error_messages=YEAR_ERRORS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "dir": "ltr"}),
    )


def _date_field(label, **kwargs):
    return forms.DateField(
        label=label,
        input_formats=DATE_FORMATS,
        error_messages={"invalid": WRONG_DATE, "required": REQUIRED},
        widget=DateInput,
        **kwargs,
    )


def _text(label, max_length=200, required=False, **attrs):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        error_messages={"required": REQUIRED},
        widget=forms.TextInput(attrs=attrs),
    )


def _parse_date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _iso(value) -> str:
    return value.isoformat() if value else ""


class StepForm(forms.Form):
    """One step of the profile: initial values from the answers, answers from the data."""

    step: str

    def __init__(self, *args, profile: ApplicationProfile, **kwargs):
        self.profile = profile
        kwargs.setdefault("initial", self.initial_from(profile.step(self.step)))
        super().__init__(*args, **kwargs)

    def initial_from(self, answers: dict) -> dict:
        return dict(answers)

    def answers(self) -> dict:
        return dict(self.cleaned_data)

    def save(self) -> ApplicationProfile:
        return services.save_step(self.profile, self.step, self.answers())

    def error_summary(self) -> list[dict]:
        """Every error with the field it belongs to, for the summary on top of the page."""
        found = [{"id": "", "label": "", "message": error} for error in self.non_field_errors()]
        for field in self:
            for error in field.errors:
                found.append({"id": field.id_for_label, "label": field.label, "message": error})
        return found


class AboutForm(StepForm):
    step = "about"

    given_names = _text(_("First name"), 150, required=True, autocomplete="given-name")
    family_name = _text(_("Family name"), 150, required=True, autocomplete="family-name")
    name_original = forms.CharField(
        label=_("My name in my own letters"),
        help_text=_("For example in Arabic or Cyrillic letters. You can leave this empty."),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    birth_date = _date_field(_("Date of birth"), required=False)
    phone = _text(_("Phone number"), 50, autocomplete="tel", type="tel", dir="ltr")
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        error_messages={"invalid": _("An e-mail address needs an @. Like this: name@example.org.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    street = _text(_("Street and house number"), 200, autocomplete="street-address")
    postcode = _text(_("Postcode"), 10, autocomplete="postal-code", inputmode="numeric")
    town = _text(_("Town"), 100, autocomplete="address-level2")

    def initial_from(self, answers):
        initial = dict(answers)
        if answers.get("birth_date"):
            initial["birth_date"] = _parse_date(answers["birth_date"])
        return initial

    def clean_birth_date(self):
        birth = self.cleaned_data["birth_date"]
        if birth is None:
            return birth
        if birth > timezone.localdate():
            raise ValidationError(_("This date is in the future. Please check it."))
        if birth.year < EARLIEST_YEAR - 10:
            raise ValidationError(_("Please check the year."))
        return birth

    def answers(self):
        data = self.cleaned_data
        return {
            "given_names": data["given_names"],
            "family_name": data["family_name"],
            "name_original": data["name_original"],
            "birth_date": _iso(data["birth_date"]),
            "phone": data["phone"],
            "email": data["email"],
            "street": data["street"],
            "postcode": data["postcode"],
            "town": data["town"],
        }


class LanguageChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, language):
        return language.native_name or language.name


class LanguagesForm(StepForm):
    """The languages I speak, and for German a self-assessment per skill."""

    step = "languages"

    languages = LanguageChoiceField(
        label=_("Which languages do you speak?"),
        queryset=Language.objects.none(),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].queryset = Language.objects.exclude(code__startswith="de-x-")
        for skill in Skill:
            self.fields[f"german_{skill.value}"] = forms.ChoiceField(
                label=SKILL_LABELS[skill],
                required=False,
                choices=[
                    *((level, I_CAN[skill][level]) for level in CefrLevel.values),
                    ("", I_DO_NOT_KNOW),
                ],
                widget=forms.RadioSelect,
            )

    def initial_from(self, answers):
        initial = {"languages": answers.get("languages", [])}
        for skill, level in answers.get("german", {}).items():
            initial[f"german_{skill}"] = level
        return initial

    def skill_fields(self):
        return [self[f"german_{skill.value}"] for skill in Skill]

    def answers(self):
        data = self.cleaned_data
        return {
            "languages": [language.code for language in data["languages"]],
            "german": {skill.value: data[f"german_{skill.value}"] for skill in Skill},
        }


class EntryForm(forms.Form):
    """One row of the school or work history; a row left empty is no entry."""

    def clean(self):
        data = super().clean()
        start, end = data.get("from_year"), data.get("to_year")
        if start and end and end < start:
            self.add_error("to_year", _("The end cannot be before the start."))
        return data

    def entry(self) -> dict | None:
        data = {
            name: ("" if value is None and name not in {"from_year", "to_year"} else value)
            for name, value in self.cleaned_data.items()
        }
        return data if any(value not in (None, "") for value in data.values()) else None


class SchoolEntryForm(EntryForm):
    country = _text(_("Country"), 100)
    from_year = _year_field(_("From (year)"))
    to_year = _year_field(_("To (year)"))
    certificate = _text(_("Certificate"), 200)
    german_equivalent = forms.ChoiceField(
        label=_("This is like in Germany"),
        required=False,
        choices=[("", I_DO_NOT_KNOW), *SchoolCertificate.choices],
    )


class WorkEntryForm(EntryForm):
    what = _text(_("What did you do?"), 200)
    where = _text(_("Where?"), 200)
    from_year = _year_field(_("From (year)"))
    to_year = _year_field(_("To (year)"))


class EntriesStep:
    """Up to three optional rows (school or work), shown and saved like a step form."""

    step: str
    entry_form: type[EntryForm]
    entry_title: str

    def __init__(self, data=None, files=None, *, profile: ApplicationProfile):
        self.profile = profile
        formset_class = forms.formset_factory(
            self.entry_form, extra=MAX_ENTRIES, max_num=MAX_ENTRIES, absolute_max=MAX_ENTRIES
        )
        initial = profile.step(self.step).get("entries", [])[:MAX_ENTRIES]
        self.formset = formset_class(data, initial=initial, prefix=self.step)
        self.is_bound = data is not None

    def is_valid(self) -> bool:
        return self.formset.is_valid()

    def non_field_errors(self):
        return self.formset.non_form_errors()

    def answers(self) -> dict:
        entries = [form.entry() for form in self.formset.forms]
        return {"entries": [entry for entry in entries if entry]}

    def save(self) -> ApplicationProfile:
        return services.save_step(self.profile, self.step, self.answers())

    def rows(self):
        return [
            {"number": index, "form": form}
            for index, form in enumerate(self.formset.forms, start=1)
        ]

    def error_summary(self) -> list[dict]:
        found = [{"id": "", "label": "", "message": e} for e in self.formset.non_form_errors()]
        for index, form in enumerate(self.formset.forms, start=1):
            for field in form:
                for error in field.errors:
                    label = f"{self.entry_title} {index}: {field.label}"
                    found.append({"id": field.id_for_label, "label": label, "message": error})
        return found


class SchoolStep(EntriesStep):
    step = "school"
    entry_form = SchoolEntryForm
    entry_title = _("School")


class WorkStep(EntriesStep):
    step = "work"
    entry_form = WorkEntryForm
    entry_title = _("Work")


class InterestsForm(StepForm):
    step = "interests"

    likes = forms.CharField(
        label=_("What do you like?"),
        help_text=_("For example: sports, music, cars, helping people."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )
    skills = forms.CharField(
        label=_("What can you do well?"),
        help_text=_("For example: repairing bikes, cooking, explaining things."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )


class OccupationChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, occupation):
        return occupation.name


def occupation_explanation(occupation) -> str:
    """What the occupation is, shown under its name: the Easy-German explanation.

    It is German (Easy German) in every language of the form, like the occupation's
    name: translating the explanations of all occupations into the form's other
    languages is not part of Lotse yet. An occupation loaded from a file without
    Easy-German texts shows its plain description instead.
    """
    return occupation.easy_description or occupation.description


class OccupationCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes whose explanation (see the step's template) describes each box."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        occupation = getattr(value, "instance", None)
        option_id = option["attrs"].get("id")
        if occupation is not None and option_id and occupation_explanation(occupation):
            option["attrs"]["aria-describedby"] = f"{option_id}-explanation"
        return option


class OccupationsForm(StepForm):
    step = "occupations"

    occupations = OccupationChoiceField(
        label=_("Which occupations do you want to learn?"),
        help_text=_("Choose up to 3."),
        queryset=Occupation.objects.none(),
        required=False,
        widget=OccupationCheckboxes,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["occupations"].queryset = Occupation.objects.filter(active=True)

    def clean_occupations(self):
        chosen = self.cleaned_data["occupations"]
        if len(chosen) > MAX_OCCUPATIONS:
            raise ValidationError(_("Please choose at most 3 occupations."))
        return chosen

    def answers(self):
        return {"occupations": [occupation.pk for occupation in self.cleaned_data["occupations"]]}


class StartForm(StepForm):
    step = "start"

    when = forms.ChoiceField(
        label=_("When can you start?"),
        choices=[("now", _("Now")), ("date", _("From a date"))],
        error_messages={"required": _("Please choose one answer.")},
        widget=forms.RadioSelect,
    )
    available_from = _date_field(_("From this date"), required=False)

    def initial_from(self, answers):
        if "available_from" not in answers:
            return {}
        date = _parse_date(answers["available_from"])
        return {"when": "date" if date else "now", "available_from": date}

    def clean(self):
        data = super().clean()
        no_date = not data.get("available_from") and "available_from" not in self.errors
        if data.get("when") == "date" and no_date:
            self.add_error("available_from", _("Please write the date."))
        return data

    def answers(self):
        data = self.cleaned_data
        if data["when"] == "now":
            return {"available_from": ""}
        return {"available_from": _iso(data["available_from"])}


class PhotoForm(StepForm):
    """An optional photo for applications: JPEG or PNG, at most 5 MB."""

    step = "photo"

    photo = forms.FileField(
        label=_("Choose a photo"),
        help_text=_("A JPEG or PNG file. At most 5 MB. You can leave this empty."),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png"}),
    )
    remove = forms.BooleanField(label=_("Delete my photo"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.profile.photo:
            del self.fields["remove"]

    def initial_from(self, answers):
        return {}

    def clean_photo(self):
        upload = self.cleaned_data["photo"]
        if not upload:
            return upload
        if upload.size > MAX_PHOTO_BYTES:
            raise ValidationError(_("This photo is too big. It may have at most 5 MB."))
        try:
            upload.seek(0)
            with Image.open(upload) as image:
                image_format = image.format
                image.load()  # decodes it all: a broken file fails here, not when stored
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            image_format = None
        if image_format not in PHOTO_FORMATS:
            raise ValidationError(_("This file is not a photo. Please choose a JPEG or PNG file."))
        upload.seek(0)
        return upload

    def answers(self):
        return {}

    def save(self) -> ApplicationProfile:
        profile = self.profile
        if self.cleaned_data.get("photo"):
            profile = services.save_photo(profile, self.cleaned_data["photo"])
        elif self.cleaned_data.get("remove"):
            profile = services.save_photo(profile, None)
        return services.save_step(profile, self.step, self.answers())


YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class ConsentForm(StepForm):
    """Two explicit choices; nothing is chosen in advance."""

    step = "consent"

    consent_service_point = forms.ChoiceField(
        label=_("May the service point keep your profile and contact you?"),
        choices=YES_NO,
        error_messages={"required": _("Please choose yes or no.")},
        widget=forms.RadioSelect,
    )
    consent_applications = forms.ChoiceField(
        label=_("May the service point send your profile to companies?"),
        help_text=_("Only to companies that have a training place for you."),
        choices=YES_NO,
        error_messages={"required": _("Please choose yes or no.")},
        widget=forms.RadioSelect,
    )

    def initial_from(self, answers):
        return {}

    def save(self) -> ApplicationProfile:
        data = self.cleaned_data
        return services.submit(
            self.profile,
            consent_service_point=data["consent_service_point"] == "yes",
            consent_applications=data["consent_applications"] == "yes",
        )


STEP_FORMS = {
    "about": AboutForm,
    "languages": LanguagesForm,
    "school": SchoolStep,
    "work": WorkStep,
    "interests": InterestsForm,
    "occupations": OccupationsForm,
    "start": StartForm,
    "photo": PhotoForm,
    "consent": ConsentForm,
}


def step_form(step: str, profile: ApplicationProfile, data=None, files=None, initial=None):
    """The form of STEP for PROFILE, bound to DATA/FILES when given."""
    form_class = STEP_FORMS[step]
    kwargs = {"profile": profile}
    if initial is not None:
        kwargs["initial"] = initial
    if form_class is PhotoForm:
        return form_class(data, files, **kwargs)
    return form_class(data, **kwargs)
