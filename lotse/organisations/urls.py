from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("", views.OrganisationListView.as_view(), name="list"),
    path("new/", views.OrganisationCreateView.as_view(), name="create"),
    path("<int:pk>/", views.OrganisationDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.OrganisationUpdateView.as_view(), name="update"),
    path("<int:pk>/delete/", views.OrganisationDeleteView.as_view(), name="delete"),
    path("<int:pk>/history/", views.OrganisationHistoryView.as_view(), name="history"),
    path(
        "for-person/<int:person_pk>/add/",
        views.AffiliationCreateView.as_view(),
        name="add_affiliation",
    ),
    path(
        "roles/<int:pk>/remove/",
        views.AffiliationDeleteView.as_view(),
        name="remove_affiliation",
    ),
]
