from django.urls import path

from . import views

app_name = "profiles"
urlpatterns = [
    path("", views.ProfileListView.as_view(), name="list"),
    path("invite/", views.InviteView.as_view(), name="invite"),
    path("<int:pk>/", views.ProfileDetailView.as_view(), name="detail"),
    path("<int:pk>/photo/", views.ProfilePhotoView.as_view(), name="photo"),
    path("<int:pk>/profile.pdf", views.ProfilePdfView.as_view(), name="pdf"),
    path("<int:pk>/import/", views.ImportView.as_view(), name="import"),
    path("<int:pk>/link/<int:person_pk>/", views.LinkView.as_view(), name="link"),
    path("<int:pk>/discard/", views.DiscardView.as_view(), name="discard"),
]
