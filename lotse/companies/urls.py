from django.urls import path

from . import views

app_name = "companies"
urlpatterns = [
    path("", views.BoardView.as_view(), name="board"),
    path("list/", views.AcquisitionListView.as_view(), name="list"),
    path("analytics/", views.AnalyticsView.as_view(), name="analytics"),
    path("start/", views.StartAcquisitionView.as_view(), name="start"),
    path("start/<int:company_pk>/", views.StartAcquisitionView.as_view(), name="start_for"),
    path("<int:pk>/", views.AcquisitionDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.AcquisitionUpdateView.as_view(), name="update"),
    path("<int:pk>/status/", views.AcquisitionStatusView.as_view(), name="status"),
    path("<int:pk>/stage/", views.MoveView.as_view(), name="move"),
    path("<int:pk>/activities/new/", views.ActivityCreateView.as_view(), name="activity_create"),
    path("activities/<int:pk>/done/", views.ActivityDoneView.as_view(), name="activity_done"),
]
