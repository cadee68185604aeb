from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path(
        "people/<int:person_pk>/consents/new/",
        views.ConsentCreateView.as_view(),
        name="consent_create",
    ),
    path(
        "consents/<int:pk>/withdraw/", views.ConsentWithdrawView.as_view(), name="consent_withdraw"
    ),
]
