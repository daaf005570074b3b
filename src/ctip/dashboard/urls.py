from django.urls import path

from ctip.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("dashboard/", views.internal, name="internal"),
    path("dashboard/chart/<slug:chart>.json", views.internal_chart, name="internal_chart"),
    path("public/", views.public, name="public"),
    path("public/chart/<slug:chart>.json", views.public_chart, name="public_chart"),
    path("public/files/<str:name>", views.public_file, name="public_file"),
]
