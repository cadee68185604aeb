from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("", views.PersonListView.as_view(), name="list"),
    path("new/", views.PersonCreateView.as_view(), name="create"),
    path("<int:pk>/", views.PersonDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.PersonUpdateView.as_view(), name="update"),
    path("<int:pk>/delete/", views.PersonDeleteView.as_view(), name="delete"),
    path("<int:pk>/history/", views.PersonHistoryView.as_view(), name="history"),
    path("<int:pk>/relatives/add/", views.LinkRelativeView.as_view(), name="link_relative"),
    path(
        "<int:pk>/relatives/<int:link_pk>/remove/",
        views.UnlinkRelativeView.as_view(),
        name="unlink_relative",
    ),
]
