"""Helpers shared by the profile tests: profiles made as the public form makes them."""

from django_scopes import scope

from lotse.accounts.scoping import office_values
from lotse.profiles import services
from lotse.profiles.models import ApplicationProfile

EASY = "de-x-ls"


def in_office(office):
    return scope(**office_values(office))


def new_profile(office, **answers) -> ApplicationProfile:
    with in_office(office):
        profile = services.start_profile(office)
        for step, values in answers.items():
            profile = services.save_step(profile, step, values)
        return profile


def reload(profile) -> ApplicationProfile:
    with in_office(profile.office):
        return ApplicationProfile.objects.get(pk=profile.pk)


def step_url(profile, step, lang=EASY):
    return f"/profil/{profile.office.slug}/{lang}/{profile.token}/{step}/"
