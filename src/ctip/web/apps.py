from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "ctip.web"
    label = "web"
