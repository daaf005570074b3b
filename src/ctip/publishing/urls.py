from django.urls import path

from ctip.publishing import views

app_name = "publishing"
urlpatterns = [
    path("", views.release_list, name="list"),
    path("new", views.release_create, name="create"),
    path("incomplete/<str:release_id>/remove", views.incomplete_remove, name="incomplete_remove"),
    path("<str:release_id>/", views.release_detail, name="detail"),
    path("<str:release_id>/report/", views.release_report, name="report"),
    path("<str:release_id>/files/<str:name>", views.release_file, name="file"),
    path("<str:release_id>/request", views.release_request, name="request"),
    path("<str:release_id>/approve", views.release_approve, name="approve"),
    path("<str:release_id>/reject", views.release_reject, name="reject"),
]
