from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "ctip.publishing"
    label = "publishing"
