app_name = "datahub"
urlpatterns: list = []
