from django.urls import path

from ctip.accounts import signin_views, views

app_name = "accounts"
urlpatterns = [
    path("users/", views.user_list, name="users"),
    path("users/new/", views.user_new, name="user_new"),
    path("users/<int:user_id>/change/", views.user_change, name="user_change"),
    path("users/<int:user_id>/deactivate/", views.user_deactivate, name="user_deactivate"),
    path("users/<int:user_id>/reactivate/", views.user_reactivate, name="user_reactivate"),
    path("users/<int:user_id>/reset-password/", views.user_reset_password, name="user_reset_password"),
    path("users/<int:user_id>/unlock/", views.user_unlock, name="user_unlock"),
    path("users/<int:user_id>/token/", views.service_account_token, name="service_account_token"),
    path("users/<int:user_id>/revoke-tokens/", views.service_account_revoke, name="service_account_revoke"),
    path("users/<int:user_id>/reset-two-factor/", views.user_reset_two_factor, name="user_reset_two_factor"),
    path("me/", signin_views.account, name="me"),
    path("me/keepalive/", signin_views.keepalive, name="keepalive"),
    path("me/sign-in-again/", signin_views.sign_in_again, name="sign_in_again"),
    path("me/two-factor/", signin_views.two_factor_enrol, name="two_factor_enrol"),
    path("me/recovery-codes/", signin_views.recovery_codes_renew, name="recovery_codes_renew"),
    path("verify/", signin_views.two_factor_verify, name="two_factor_verify"),
    path("organisations/", views.organisation_list, name="organisations"),
    path("organisations/new/", views.organisation_new, name="organisation_new"),
    path("organisations/<slug:code>/rename/", views.organisation_rename, name="organisation_rename"),
    path("organisations/<slug:code>/deactivate/", views.organisation_deactivate, name="organisation_deactivate"),
    path("organisations/<slug:code>/reactivate/", views.organisation_reactivate, name="organisation_reactivate"),
]
