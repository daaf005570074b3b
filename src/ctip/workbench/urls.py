from django.urls import path

from ctip.workbench import views

app_name = "workbench"
urlpatterns = [
    path("", views.home, name="home"),
    path("<uuid:scan_id>/", views.results, name="results"),
    path("<uuid:scan_id>/posts/<str:post_id>/", views.post_detail, name="post"),
    path("<uuid:scan_id>/clusters/<str:cluster_id>/", views.cluster_detail, name="cluster"),
    path("<uuid:scan_id>/download/<str:what>/", views.download, name="download"),
]
