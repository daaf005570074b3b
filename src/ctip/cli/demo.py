"""``ctip demo``: demo organisations, one user per role, synthetic cases, their de-identified extract
in the collaborative dataset, and one published differentially private release — all labelled synthetic.

With it, every page of ctip has something to show on first start: the case pages, the internal dashboard
(reading the dataset) and the public dashboard (reading only the published release).
"""

from __future__ import annotations

import argparse

DEMO_RELEASE_ID = "demo-synthetic"
DEMO_RELEASE_EPSILON = 1.0
DEMO_RELEASE_DELTA = 1e-9


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=int, default=2024, help="random seed (same seed, same cases)")
    parser.add_argument("--cases", type=int, default=None, help="number of synthetic cases (default 2000)")
    parser.add_argument("--reset-passwords", action="store_true", help="give every demo user a new password")


def _publish_demo_release(seed: int) -> str | None:
    """Release the demo dataset as DP synthetic records, requested by the demo analyst and approved by the
    demo supervisor through the same services as the pages. Returns the release id, or None if it exists."""
    from ctip.accounts.models import User
    from ctip.dataset.store import Dataset
    from ctip.disclosure.registry import list_releases
    from ctip.disclosure.release import Request, create_release
    from ctip.publishing.services import publication_approve, publication_request

    if any(info.id == DEMO_RELEASE_ID for info in list_releases()):
        return None
    frame = Dataset().frame()
    if frame.height == 0:
        return None
    request = Request(method="synthetic", epsilon=DEMO_RELEASE_EPSILON, delta=DEMO_RELEASE_DELTA, seed=seed)
    create_release(frame, request, DEMO_RELEASE_ID, source="demo: synthetic cases (SYNTHETIC)")
    publication_request(release_id=DEMO_RELEASE_ID, user=User.objects.get(username="analyst"),
                        note="Demo release of synthetic cases.")
    publication_approve(release_id=DEMO_RELEASE_ID, user=User.objects.get(username="supervisor"))
    return DEMO_RELEASE_ID


def load_demo(*, seed: int, cases: int | None, announce: bool, reset_passwords: bool = False) -> None:
    from ctip.accounts.demo import create_demo_accounts
    from ctip.cases.demo import create_demo_cases
    from ctip.cases.extract import push_extract

    logins = create_demo_accounts(reset_passwords=reset_passwords)
    created = create_demo_cases(seed=seed, count=cases)
    if created:
        report = push_extract()
        release = _publish_demo_release(seed)
        if announce:
            print(f"Created {created} synthetic demo cases (seed {seed}). They are labelled SYNTHETIC everywhere.")
            print(f"Pushed {report.imported} de-identified records (consent to statistics) to the dataset.")
            if release:
                print(f"Published release '{release}' (DP synthetic records, epsilon {DEMO_RELEASE_EPSILON}) "
                      "for the public dashboard.")
    if logins:
        print("Demo logins (shown once; keep them or run 'ctip demo --reset-passwords'):")
        for login in logins:
            print(f"  {login.username:<14} {login.password:<20} {login.role} · {login.organisation}")


def run(args: argparse.Namespace) -> int:
    from ctip.web import setup

    setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    load_demo(seed=args.seed, cases=args.cases, announce=True, reset_passwords=args.reset_passwords)
    return 0
