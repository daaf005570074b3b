from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "ctip.dashboard"
    label = "dashboard"
