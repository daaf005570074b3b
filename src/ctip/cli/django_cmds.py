"""``ctip migrate`` and ``ctip manage``: thin wrappers over Django management commands."""

from __future__ import annotations

import argparse


def configure_migrate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true", help="exit 1 if migrations are missing or unapplied")


def run_migrate(args: argparse.Namespace) -> int:
    from ctip.web import setup

    setup()
    from django.core.management import call_command

    if args.check:
        call_command("makemigrations", "--check", "--dry-run", verbosity=1)
    call_command("migrate", interactive=False, verbosity=1)
    return 0


def configure_manage(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("django_args", nargs=argparse.REMAINDER, help="a Django management command and its arguments")


def run_manage(args: argparse.Namespace) -> int:
    from ctip.web import setup

    setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ctip manage", *args.django_args])
    return 0
