from django.apps import AppConfig


class WorkbenchConfig(AppConfig):
    name = "ctip.workbench"
    label = "workbench"
