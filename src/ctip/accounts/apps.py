from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ctip.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from axes.apps import AppConfig as AxesConfig
        from django.contrib.auth.signals import user_logged_in

        from ctip.accounts import signin_audit
        from ctip.accounts.middleware import start_session_clock

        # This app comes before axes in INSTALLED_APPS (so that its axes_* commands win), but django-axes' signal
        # receivers must run before ours: the audit reads what they decided (``signin_audit._on_failure``).
        # ``initialize`` connects them and is safe to call again from axes' own ``ready``.
        AxesConfig.initialize()
        signin_audit.connect()
        user_logged_in.connect(start_session_clock, dispatch_uid="ctip.session_clock")
