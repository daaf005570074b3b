"""``ctip keys``: rotate the field-encryption key (re-encrypting every identifying value), rotate the
blind-index key (recomputing every search index), or show which keys are in use."""

from __future__ import annotations

import argparse
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True)
    rotate = sub.add_parser("rotate", help="activate a new key and re-encrypt every identifying value under it")
    rotate.add_argument("--batch-size", type=int, default=500, help="rows per transaction (default 500)")
    rotate.add_argument("--reencrypt-only", action="store_true",
                        help="do not create a key; re-encrypt under the active one (after changing CTIP_FIELD_KEYS)")
    index = sub.add_parser("rotate-index", help="activate a new blind-index key and recompute every search index "
                                                "(searches keep working meanwhile)")
    index.add_argument("--batch-size", type=int, default=500, help="people per transaction (default 500)")
    index.add_argument("--reindex-only", action="store_true",
                       help="do not create a key; recompute under the active one and retire the previous one "
                            "(to finish an interrupted rotation, or after changing CTIP_BLIND_INDEX_KEY)")
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
        state = ("being rotated: searches use the active and the previous key until "
                 "'ctip keys rotate-index --reindex-only' completes") if ring.previous_index_key else "one key"
        print(f"blind-index key: {state}")
        return 0
    if args.batch_size < 1:
        raise UsageError("--batch-size must be a positive integer")

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    if args.action == "rotate-index":
        step = keys.reindex_all if args.reindex_only else keys.rotate_index
    else:
        step = keys.reencrypt_all if args.reencrypt_only else keys.rotate
    try:
        report = step(batch_size=args.batch_size, progress=progress)
    except crypto.FieldKeyError as exc:
        raise UsageError(str(exc)) from None
    if args.action == "rotate-index":
        print(f"blind indexes of {report.reindexed} people recomputed under the active key in {report.seconds:.1f} s"
              f"{f' ({report.skipped} changed meanwhile, indexed by that change)' if report.skipped else ''}; "
              "the previous key is retired")
        return 0
    print(f"active key {report.key_id}: {report.reencrypted} values re-encrypted in {report.seconds:.1f} s; "
          f"{report.remaining_old} still under older keys")
    return 0 if report.remaining_old == 0 else 1
