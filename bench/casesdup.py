"""What the check for the same person costs a registration, against the case list's exact search.

``python -m bench casesdup`` loads ``CTIP_BENCH_CASES`` synthetic demo cases (default 20,000) into a fresh
store (SQLite, or the PostgreSQL database named by ``CTIP_BENCH_DATABASE_URL``), then times
``duplicates.possible_matches`` as the registration page runs it, for the details of an existing person
(name and birth date or age, phone) and for a person nobody has registered. The baseline, in the same run,
is the case list's exact search for the same phone (``case_list_for(search=...)``, one page of 50 and the
count), which a worker would otherwise run by hand before registering.
"""

from __future__ import annotations

from bench.cases import _load_cases, _selector_page, _setup, _timed


def main() -> None:
    _setup()
    from ctip.accounts.models import User
    from ctip.cases import duplicates
    from ctip.cases.models import Case

    count = _load_cases()
    worker = User.objects.get(username="caseworker")
    sample = (Case.objects.filter(organisation_id=worker.organisation_id).select_related("person")
              .exclude(person__mobile_phone_bidx=None).order_by("id")[count // 3])
    person = sample.person
    known = {"first_name": person.first_name, "last_name": person.last_name, "birth_date": person.birth_date,
             "age_years": person.age_years, "mobile_phone": person.mobile_phone}
    stranger = {"first_name": "Nobody", "last_name": "Registered", "age_years": 30, "mobile_phone": "+976 90000001"}
    found = duplicates.possible_matches(worker, known)
    print(f"possible matches for the sample person: {len(found)} "
          f"({', '.join('+'.join(m.reasons) for m in found)})")

    scenarios = [
        ("check, an existing person (name, age, phone)", lambda: duplicates.possible_matches(worker, known)),
        ("check, nobody registered", lambda: duplicates.possible_matches(worker, stranger)),
        ("baseline: exact search of the phone", _selector_page(worker, search=person.mobile_phone)),
    ]
    print(f"{'query':<48} {'median ms':>10} {'p95 ms':>8}")
    for label, run in scenarios:
        med, p95 = _timed(run)
        print(f"{label:<48} {med:>10.1f} {p95:>8.1f}")
