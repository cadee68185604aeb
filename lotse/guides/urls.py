from django.urls import path

from . import views

app_name = "guides"

urlpatterns = [
    path("", views.GuideListView.as_view(), name="list"),
    path("new/", views.GuideCreateView.as_view(), name="create"),
    path("<int:pk>/", views.GuideDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.GuideUpdateView.as_view(), name="edit"),
    path(
        "<int:pk>/certificate/<int:series_pk>.pdf",
        views.CertificateView.as_view(),
        name="certificate",
    ),
    path("series/", views.SeriesListView.as_view(), name="series_list"),
    path("series/new/", views.SeriesCreateView.as_view(), name="series_create"),
    path("series/<int:pk>/", views.SeriesDetailView.as_view(), name="series_detail"),
    path("series/<int:pk>/edit/", views.SeriesUpdateView.as_view(), name="series_edit"),
    path("series/<int:pk>/modules/add/", views.ModuleAddView.as_view(), name="module_add"),
    path(
        "series/<int:pk>/modules/<int:module_pk>/remove/",
        views.ModuleRemoveView.as_view(),
        name="module_remove",
    ),
    path("meetings/", views.MeetingsView.as_view(), name="meetings"),
    path("inquiries/", views.InquiryListView.as_view(), name="inquiry_list"),
    path("inquiries/new/", views.InquiryCreateView.as_view(), name="inquiry_create"),
    path("inquiries/summary/", views.InquirySummaryView.as_view(), name="inquiry_summary"),
    path("inquiries/<int:pk>/", views.InquiryDetailView.as_view(), name="inquiry_detail"),
    path("inquiries/<int:pk>/edit/", views.InquiryUpdateView.as_view(), name="inquiry_edit"),
    path("inquiries/<int:pk>/followed-up/", views.InquiryDoneView.as_view(), name="inquiry_done"),
    path("me/", views.MyRecordView.as_view(), name="my_record"),
]
