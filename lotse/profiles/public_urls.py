"""The public application profile (no login) under /profil/."""

from django.urls import path

from lotse.core.converters import register_public_converters

from . import public_views as views

register_public_converters()

app_name = "public_profiles"

urlpatterns = [
    path("<slug:office>/", views.StartDefaultView.as_view(), name="start_default"),
    path("<slug:office>/<lang:lang>/", views.StartView.as_view(), name="start"),
    path("<slug:office>/<lang:lang>/<str:token>/", views.ResumeView.as_view(), name="resume"),
    path("<slug:office>/<lang:lang>/<str:token>/done/", views.DoneView.as_view(), name="done"),
    path(
        "<slug:office>/<lang:lang>/<str:token>/profile.pdf",
        views.PdfView.as_view(),
        name="pdf",
    ),
    # The step is one of lotse.profiles.models.STEPS (any other name: 404).
    path(
        "<slug:office>/<lang:lang>/<str:token>/<str:step>/",
        views.StepView.as_view(),
        name="step",
    ),
]
