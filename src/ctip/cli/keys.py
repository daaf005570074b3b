"""``ctip keys``: rotate the field-encryption key (re-encrypting every identifying value) or show usage."""

from __future__ import annotations

import argparse
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True)
    rotate = sub.add_parser("rotate", help="activate a new key and re-encrypt every identifying value under it")
    rotate.add_argument("--batch-size", type=int, default=500, help="rows per transaction (default 500)")
    rotate.add_argument("--reencrypt-only", action="store_true",
                        help="do not create a key; re-encrypt under the active one (after changing CTIP_FIELD_KEYS)")
    sub.add_parser("status", help="show the active key and how many values each key encrypts")


def run(args: argparse.Namespace) -> int:
    from ctip.cli import UsageError
    from ctip.web import setup

    setup()
    from ctip.cases import crypto, keys

    if args.action == "status":
        ring = crypto.keyring(refresh=True)
        print(f"active key: {ring.active} ({'environment' if ring.from_environment else 'key files'})")
        usage = keys.key_usage()
        for kid in sorted(set(ring.keys) | set(usage)):
            print(f"  {kid}: {usage.get(kid, 0)} values{'  (active)' if kid == ring.active else ''}")
        return 0
    if args.batch_size < 1:
        raise UsageError("--batch-size must be a positive integer")

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    try:
        report = (keys.reencrypt_all if args.reencrypt_only else keys.rotate)(
            batch_size=args.batch_size, progress=progress)
    except crypto.FieldKeyError as exc:
        raise UsageError(str(exc)) from None
    print(f"active key {report.key_id}: {report.reencrypted} values re-encrypted in {report.seconds:.1f} s; "
          f"{report.remaining_old} still under older keys")
    return 0 if report.remaining_old == 0 else 1
