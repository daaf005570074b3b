"""The de-identified extract: consented cases only, no identifier crosses, withdrawal removes the case."""

from __future__ import annotations

import pytest

from ctip.cases import extract, services
from ctip.cases.models import ConsentPurpose
from ctip.dataset import schema

pytestmark = pytest.mark.django_db


@pytest.fixture
def consented_case(new_case, worker, orgs):
    case = new_case(identity_number="УБ98031412", mobile_phone="+976 88112233", mailing_city="Zamiin-Uud",
                    email="sara@example.org")
    services.consent_record(actor=worker, case=case, purpose=ConsentPurpose.STATISTICS)
    services.case_update(actor=worker, case=case, exploitation_types=["SexualExploitation", "ForcedLabour"],
                         methods_of_control=["DebtBondage", "WithholdsDocuments"], exploitation_months=14,
                         labour_sector="I_AccommodationAndFoodServiceActivities", age_when_trafficked=17)
    services.event_add(actor=worker, case=case, event_type="Exploitation", country="MAC", city="Cotai Strip",
                       description="Karaoke bar")
    services.note_add(actor=worker, case=case, text="Sarangerel was met at the border")
    return case


def test_extract_holds_coded_facts_only(consented_case):
    frame = extract.build_extract()
    assert frame.columns == schema.DATA_COLUMNS
    assert frame.height == 1
    row = frame.row(0, named=True)
    assert row["data_source"] == "case_management"
    assert row["year_of_registration"] == consented_case.registered_on.year
    assert (row["gender"], row["citizenship"], row["country_of_exploitation"]) == ("female", "MNG", "MAC")
    assert row["age_band"] in {"24-26", "27-29"} and row["majority_status"] == "adult"
    assert row["majority_status_at_exploit"] == "minor" and row["traffick_months"] == "13-24"
    assert row["exploit_sexual_exploitation"] and row["exploit_forced_labour"] and row["exploit_sex_and_labour"]
    assert row["exploit_organ_removal"] is False
    assert row["means_debt_bondage"] and row["means_withholds_documents"] and row["means_threats"] is False
    assert row["sector_hospitality"] is True
    assert row["sex_prostitution"] is None  # nothing known about that group: NULL, not FALSE


def test_no_identifier_crosses_over(consented_case):
    text = extract.build_extract().write_csv()
    person = consented_case.person
    for secret in (person.first_name, person.last_name, "УБ98031412", "88112233", "Zamiin-Uud", "sara@",
                   "Cotai", "Karaoke", consented_case.public_id, "1998-03-14", str(consented_case.registered_on)):
        assert secret not in text


def test_cases_without_consent_to_statistics_are_left_out(new_case, consented_case):
    new_case(first_name="Nomin")
    assert extract.build_extract().height == 1


def test_withdrawn_consent_removes_the_case_on_the_next_extract(consented_case, worker, tmp_path):
    from ctip.dataset.store import Dataset

    dataset = Dataset(tmp_path / "dataset.duckdb")
    assert extract.push_extract(dataset).imported == 1
    assert dataset.frame(contributor="casestore").height == 1
    consent = consented_case.consents.get(purpose=ConsentPurpose.STATISTICS)
    services.consent_withdraw(actor=worker, consent=consent)
    extract.push_extract(dataset)
    assert dataset.frame(contributor="casestore").height == 0


def test_ctip_cases_extract_dry_run_counts(consented_case, capsys):
    from ctip.cli import main

    assert main(["cases", "extract", "--dry-run"]) == 0
    assert capsys.readouterr().out.startswith("1 de-identified records would replace contributor 'casestore'")


def test_a_returning_person_is_one_record_per_case_each_with_its_own_age(worker):
    """A person trafficked at 16 (registered 2020) and again at 21 (registered 2025) is two records, like two
    CTDC case records; each reads the age on its own registration date and nothing links the two rows."""
    import datetime as dt

    first = services.case_create(actor=worker, first_name="Nomin", gender="Feminine", citizenship="MNG",
                                 age_years=16, registered_on=dt.date(2020, 5, 1))
    second = services.case_create_for_person(actor=worker, person_id=first.person_id,
                                             registered_on=dt.date(2025, 6, 1))
    services.consent_record(actor=worker, case=first, purpose=ConsentPurpose.STATISTICS, given_by="guardian",
                            guardian_name="Mother", child_assent=True)
    services.consent_record(actor=worker, case=second, purpose=ConsentPurpose.STATISTICS)  # an adult now

    rows = extract.build_extract().rows(named=True)

    assert sorted((r["year_of_registration"], r["age_band"], r["majority_status"]) for r in rows) == [
        (2020, "9-17", "minor"), (2025, "21-23", "adult")]
    assert not {"person_id", "record_id", "case_id"} & set(extract.build_extract().columns)
