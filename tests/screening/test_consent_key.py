"""An interview that records consent is refused with the reason, not only as an unknown key."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ctip.screening import Interview, InvalidInterview


@pytest.mark.parametrize(("data", "field"), [({"consent": True}, "consent"),
                                             ({"person": {"age": 20, "consented": True}}, "person.consented")])
def test_consent_key_is_refused_with_the_palermo_reason(data, field):
    with pytest.raises(InvalidInterview) as refused:
        Interview.from_dict(data)

    assert refused.value.field == field
    assert "unknown key (consent is never an input: it is irrelevant once a means was used, and for a child; " \
           "Palermo Protocol Art. 3 (b), (c))" in str(refused.value)


def test_ctip_screen_explains_why_consent_is_refused():
    done = subprocess.run([sys.executable, "-m", "ctip", "screen", "-"], input='{"consent": true}',
                          capture_output=True, text=True)

    assert done.returncode == 2 and done.stdout == ""
    assert "consent: unknown key (consent is never an input" in done.stderr
