from django.urls import path

from . import views

app_name = "matching"
urlpatterns = [
    path("", views.PlaceListView.as_view(), name="place_list"),
    path("places/new/", views.PlaceCreateView.as_view(), name="place_create"),
    path("places/<int:pk>/", views.PlaceDetailView.as_view(), name="place_detail"),
    path("places/<int:pk>/edit/", views.PlaceUpdateView.as_view(), name="place_update"),
    path(
        "places/<int:pk>/suggest/<int:person_pk>/",
        views.SuggestView.as_view(),
        name="suggest",
    ),
    path("people/<int:person_pk>/profile/", views.ProfileUpdateView.as_view(), name="profile"),
    path("people/<int:person_pk>/places/", views.PersonPlacesView.as_view(), name="person_places"),
    path("placements/<int:pk>/", views.PlacementUpdateView.as_view(), name="placement_update"),
]
