from django.contrib.auth import views as auth_views
from django.urls import include, path

from ctip.accounts import password_views
from ctip.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("login/", password_views.SignInView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", password_views.PasswordChangeView.as_view(), name="password_change"),
    path("password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("cases/", include("ctip.cases.urls")),
    path("data/", include("ctip.datahub.urls")),
    path("releases/", include("ctip.publishing.urls")),
    path("osint/", include("ctip.workbench.urls")),
    path("accounts/", include("ctip.accounts.urls")),
    path("", include("ctip.dashboard.urls")),
]
