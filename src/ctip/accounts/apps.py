from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ctip.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from ctip.accounts import signin_audit
        from ctip.accounts.middleware import start_session_clock

        signin_audit.connect()
        user_logged_in.connect(start_session_clock, dispatch_uid="ctip.session_clock")
