from django.urls import path

from ctip.datahub import views

app_name = "datahub"
urlpatterns = [
    path("", views.batches, name="batches"),
    path("upload/", views.upload, name="upload"),
    path("upload/<str:token>/", views.preview, name="preview"),
    path("upload/<str:token>/commit/", views.commit, name="commit"),
    path("batches/<str:batch_id>/drop/", views.drop, name="drop"),
]
