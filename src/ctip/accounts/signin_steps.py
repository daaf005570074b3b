"""What a signed-in person must still do before any page opens, in this order:

1. **their code** (``accounts:two_factor_verify``), when the account has an authenticator and this session has
   not given it yet;
2. **their own password** (``password_change``), when the password they signed in with was issued by an
   administrator (``User.temporary_password_expires``);
3. **enrolling an authenticator** (``accounts:two_factor_enrol``), under ``CTIP_TWO_FACTOR=required`` when the
   account has none yet.

Why this order: whoever holds only an issued password (the administrator who read it out, someone who
overheard it) cannot get past an enrolled device, since the code comes first, and cannot enrol a phone of their
own while the password is still the issued one, since the password step comes before enrolment. To enrol, they
would first have to replace the issued password, which the real person notices at once (the password they
were given no longer works, and they call their administrator) and the audit log shows
(``user.password_change``, then ``auth.enrol_two_factor``, with the client address).
"""

from __future__ import annotations

from ctip.accounts import twofactor
from ctip.accounts.models import User

VERIFY = "accounts:two_factor_verify"
PASSWORD = "password_change"
ENROL = "accounts:two_factor_enrol"

# Pages that open whatever step is pending (URL names): signing out or in again, the language, staying signed in.
ALWAYS_OPEN = frozenset({"logout", "set_language", "healthz", "accounts:keepalive", "accounts:sign_in_again"})


def pending_step(user: User) -> str | None:
    """The URL name of the step this signed-in person must pass before any other page; None when signed in
    fully (or not signed in, or a service account)."""
    verified = getattr(user, "is_verified", None)  # set by django-otp's middleware on every request
    if not twofactor.applies_to(user) or verified is None:
        return None
    if not verified() and twofactor.is_enrolled(user):
        return VERIFY
    if user.has_temporary_password:
        return PASSWORD
    if not verified() and twofactor.required():
        return ENROL
    return None


def may_open(step: str, view_name: str | None) -> bool:
    """Whether the page ``view_name`` opens while ``step`` is pending: the step's own page and ``ALWAYS_OPEN``."""
    return view_name == step or view_name in ALWAYS_OPEN
