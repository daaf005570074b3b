"""The one ``ctip`` command.

Each subcommand lives in its own module under ``ctip.cli`` and exposes
``configure(parser)`` (adds its arguments) and ``run(args) -> int`` (does the work and
returns the exit status). Modules are imported only when their command runs, so
``ctip --help`` stays fast and a broken optional part cannot break the others.

Exit statuses: 0 success, 1 failure at run time, 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from ctip import __version__

# name -> (module, one-line help). Add a line here to add a command.
COMMANDS: dict[str, tuple[str, str]] = {
    "screen": ("ctip.cli.screen", "apply the Palermo screening rules to one JSON interview"),
    "serve": ("ctip.cli.serve", "migrate, load demo data on first start, and serve the web app"),
    "migrate": ("ctip.cli.django_cmds", "create or upgrade the case store's tables"),
    "demo": ("ctip.cli.demo", "create demo organisations, users and synthetic cases"),
    "manage": ("ctip.cli.django_cmds", "run any Django management command (advanced)"),
    "audit": ("ctip.cli.audit", "verify the hash-chained audit log"),
    "keys": ("ctip.cli.keys", "manage encryption keys (rotate)"),
    "cases": ("ctip.cli.cases", "push the de-identified extract to the dataset; apply the retention rule"),
    "dataset": ("ctip.cli.dataset", "import, list, drop and export collaborative dataset batches"),
    "stats": ("ctip.cli.stats", "trafficking statistics from the collaborative dataset"),
    "release": ("ctip.cli.release", "k-anonymous, differentially private and synthetic releases"),
    "osint": ("ctip.cli.osint", "screen collected online posts for trafficking red flags"),
    "backup": ("ctip.cli.backup", "back up everything under CTIP_HOME but the keys, or verify a backup"),
    "restore": ("ctip.cli.backup", "restore a backup, then erase again what was erased since"),
}


class UsageError(Exception):
    """Bad input from the user: the CLI prints the message and exits with status 2."""


def _root_help() -> str:
    width = max(len(n) for n in COMMANDS)
    lines = [
        "usage: ctip [--version] [--help] COMMAND [ARGS]",
        "",
        "ctip: counter-trafficking information platform.",
        "",
        "commands:",
    ]
    lines += [f"  {name:<{width}}  {help_}" for name, (_, help_) in COMMANDS.items()]
    lines += ["", "Run 'ctip COMMAND --help' for a command's options.",
              "Data is written under CTIP_HOME (default ./var); DATABASE_URL selects PostgreSQL."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(_root_help())
        return 0 if argv else 2
    if argv[0] in ("-V", "--version"):
        print(f"ctip {__version__}")
        return 0
    name = argv[0]
    if name not in COMMANDS:
        print(f"ctip: unknown command '{name}'; expected one of: {', '.join(COMMANDS)}", file=sys.stderr)
        return 2
    module_name, help_ = COMMANDS[name]
    module = importlib.import_module(module_name)
    parser = argparse.ArgumentParser(prog=f"ctip {name}", description=help_)
    configure = getattr(module, f"configure_{name}", None) or module.configure
    run = getattr(module, f"run_{name}", None) or module.run
    configure(parser)
    args = parser.parse_args(argv[1:])
    from ctip.cli import language

    language.activate()  # Mongolian messages with CTIP_LANGUAGE=mn (argparse's help above stays English)
    try:
        return int(run(args) or 0)
    except UsageError as exc:
        print(f"ctip {name}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"ctip {name}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``ctip stats --json | head``): not an error of ours.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    finally:
        language.reset()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
