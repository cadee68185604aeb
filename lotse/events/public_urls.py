"""Public pages (no login) under /v/: an office's calendar, event pages, registration."""

from django.urls import path

from lotse.core.converters import register_public_converters

from . import public_views as views

register_public_converters()

app_name = "public_events"

urlpatterns = [
    path("<slug:office>/", views.CalendarRedirectView.as_view(), name="calendar_default"),
    path("<slug:office>/calendar.ics", views.FeedView.as_view(), name="feed"),
    path("<slug:office>/<lang:lang>/", views.CalendarView.as_view(), name="calendar"),
    path("<slug:office>/<lang:lang>/<int:pk>/", views.EventView.as_view(), name="detail"),
    path(
        "<slug:office>/<lang:lang>/<int:pk>/event.ics",
        views.EventIcsView.as_view(),
        name="event_ics",
    ),
    path(
        "<slug:office>/<lang:lang>/registration/<str:token>/",
        views.RegisteredView.as_view(),
        name="registered",
    ),
    path(
        "<slug:office>/<lang:lang>/cancel/<str:token>/",
        views.CancelView.as_view(),
        name="cancel",
    ),
]
