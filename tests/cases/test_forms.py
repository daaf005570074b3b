"""What the case forms offer a worker: countries by name in the reader's language."""

from __future__ import annotations

import pytest
from django.utils import translation

from ctip.cases.forms import EventForm, RegistrationForm

pytestmark = pytest.mark.django_db


def _country_names(lang: str) -> list[str]:
    with translation.override(lang):
        return [str(name) for code, name in RegistrationForm().fields["citizenship"].choices if code]


def test_countries_are_listed_alphabetically_by_english_name():
    names = _country_names("en")

    assert names[:3] == ["Afghanistan", "Åland Islands", "Albania"]
    assert names.index("Monaco") < names.index("Mongolia") < names.index("Montenegro")


def test_countries_are_listed_alphabetically_by_mongolian_name():
    names = _country_names("mn")

    assert names[0].startswith("А")
    assert names.index("Гаити") < names.index("Гайана")  # и, then й
    assert names.index("Оман") < names.index("Өмнөд Африк") < names.index("Пакистан")  # о, ө, п
    assert names.index("Монако") < names.index("Монгол") < names.index("Монтенегро")


def test_countries_are_named_in_the_readers_language():
    with translation.override("mn"):
        choices = dict(EventForm().fields["country"].choices)

    assert choices["MNG"] == "Монгол"


@pytest.mark.parametrize(("birth_date", "message"), [
    ("2999-01-01", "The birth date is later than the date of registration; check the year."),
    ("1850-06-01", "The birth date gives an age over 120 years; check the year."),
])
def test_impossible_birth_date_is_refused_at_the_birth_date_field(client, worker, birth_date, message):
    from ctip.cases.models import Case

    client.force_login(worker)

    response = client.post("/cases/new/", {"first_name": "Solongo", "birth_date": birth_date})

    html = response.content.decode()
    assert response.status_code == 400
    field = html[html.index('id="id_birth_date"') - 600:html.index('id="id_birth_date"')]
    assert message in field
    assert "age_years:" not in html and "greater than or equal to 0" not in html
    assert not Case.objects.exists()
