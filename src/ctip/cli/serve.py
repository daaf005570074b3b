"""``ctip serve``: migrate, load the demo data on first start, and serve the web app."""

from __future__ import annotations

import argparse


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--no-demo", action="store_true", help="do not load demo data on first start")
    parser.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")


def run(args: argparse.Namespace) -> int:
    from ctip.web import setup

    setup()
    from django.core.management import call_command

    from ctip.accounts.demo import demo_loaded

    call_command("migrate", interactive=False, verbosity=0)
    if not args.no_demo and not demo_loaded():
        from ctip.cli.demo import load_demo

        load_demo(seed=2024, cases=None, announce=True)
    else:
        print("Log in with the demo passwords printed at first start, or reset them with:"
              " ctip demo --reset-passwords")
    import waitress

    from ctip.web.wsgi import application

    _warm_up()

    print(f"ctip is serving on http://{args.host}:{args.port}/  (Ctrl+C stops it)", flush=True)
    waitress.serve(application, host=args.host, port=args.port, threads=args.threads, ident="ctip")
    return 0


def _warm_up() -> None:
    """Load before the first visitor what the first requests would (statistics and chart modules, the
    vocabularies, the URL map), so nobody waits the 0.5 s a cold process needs for them."""
    from django.urls import get_resolver

    from ctip import vocab
    from ctip.dashboard import charts  # noqa: F401  (imports ctip.stats, DuckDB and Polars)

    vocab.codes("iso3166.alpha3")
    get_resolver().url_patterns  # noqa: B018  (builds the URL map)
