from django.urls import path

from . import views

app_name = "cases"
urlpatterns = [
    path("", views.CaseListView.as_view(), name="list"),
    path("worklist/", views.WorklistView.as_view(), name="worklist"),
    path("topics/", views.TopicListView.as_view(), name="topics"),
    path("topics/<int:pk>/toggle/", views.TopicToggleView.as_view(), name="topic_toggle"),
    path("open/<int:person_pk>/", views.CaseCreateView.as_view(), name="create"),
    path("<int:pk>/", views.CaseDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.CaseUpdateView.as_view(), name="update"),
    path("<int:pk>/close/", views.CaseCloseView.as_view(), name="close"),
    path(
        "<int:pk>/consultations/new/",
        views.ConsultationCreateView.as_view(),
        name="consultation_create",
    ),
    path(
        "<int:pk>/consultations/<int:consultation_pk>/edit/",
        views.ConsultationUpdateView.as_view(),
        name="consultation_update",
    ),
    path("<int:pk>/next-steps/new/", views.NextStepCreateView.as_view(), name="next_step_create"),
    path("next-steps/<int:pk>/done/", views.NextStepDoneView.as_view(), name="next_step_done"),
    path("<int:pk>/referrals/new/", views.ReferralCreateView.as_view(), name="referral_create"),
    path("referrals/<int:pk>/", views.ReferralUpdateView.as_view(), name="referral_update"),
    path("<int:pk>/outcomes/new/", views.OutcomeCreateView.as_view(), name="outcome_create"),
    path("<int:pk>/esf/", views.EsfUpdateView.as_view(), name="esf"),
]
