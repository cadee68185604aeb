from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="list"),
    path("new/", views.EventCreateView.as_view(), name="create"),
    path("report/", views.ReportView.as_view(), name="report"),
    path("<int:pk>/", views.EventDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.EventUpdateView.as_view(), name="edit"),
    path("<int:pk>/delete/", views.EventDeleteView.as_view(), name="delete"),
    path("<int:pk>/check-in/", views.CheckInView.as_view(), name="checkin"),
    path("<int:pk>/add-person/", views.AddPersonView.as_view(), name="add_person"),
    path("<int:pk>/walk-in/", views.WalkInView.as_view(), name="walk_in"),
    path("<int:pk>/invite-guides/", views.InviteGuidesView.as_view(), name="invite_guides"),
    path("<int:pk>/participants.pdf", views.ParticipantsPdfView.as_view(), name="participants_pdf"),
    path(
        "<int:pk>/participants.xlsx",
        views.ParticipantsXlsxView.as_view(),
        name="participants_xlsx",
    ),
    path("<int:pk>/certificates.pdf", views.CertificatesView.as_view(), name="certificates"),
    path(
        "registrations/<int:pk>/check-in/",
        views.CheckInToggleView.as_view(),
        name="check_in",
    ),
    path(
        "registrations/<int:pk>/cancel/",
        views.CancelRegistrationView.as_view(),
        name="cancel_registration",
    ),
    path(
        "registrations/<int:pk>/certificate.pdf",
        views.CertificateView.as_view(),
        name="certificate",
    ),
]
