from django.apps import AppConfig


class DatahubConfig(AppConfig):
    name = "ctip.datahub"
    label = "datahub"
