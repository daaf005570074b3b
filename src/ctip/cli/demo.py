"""``ctip demo``: demo organisations, one user per role, and synthetic cases (labelled synthetic)."""

from __future__ import annotations

import argparse


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=int, default=2024, help="random seed (same seed, same cases)")
    parser.add_argument("--cases", type=int, default=None, help="number of synthetic cases (default 2000)")
    parser.add_argument("--reset-passwords", action="store_true", help="give every demo user a new password")


def load_demo(*, seed: int, cases: int | None, announce: bool, reset_passwords: bool = False) -> None:
    from ctip.accounts.demo import create_demo_accounts

    logins = create_demo_accounts(reset_passwords=reset_passwords)
    try:
        from ctip.cases.demo import create_demo_cases
    except ImportError:  # case management not installed in this build
        create_demo_cases = None
    if create_demo_cases is not None:
        n = create_demo_cases(seed=seed, count=cases)
        if announce and n:
            print(f"Created {n} synthetic demo cases (seed {seed}). They are labelled SYNTHETIC everywhere.")
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
