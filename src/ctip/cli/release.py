"""``ctip release``: k-anonymous, differentially private and synthetic releases, and the privacy ledger.

    ctip release kanon --k 11 [--method generalise|suppress] OUT
    ctip release aggregates (--k K | --epsilon E [--delta D] [--mechanism laplace|gaussian]) [--max-length L]
                            [--columns A,B,...] OUT
    ctip release synthetic --epsilon E [--delta D] [--min-pair-count N] [--seed S] OUT
    ctip release ledger [--set-budget E [--delta-budget D]]
    ctip release list

OUT is the release id: the name of the folder written under CTIP_HOME/releases/ (a-z, 0-9, '.', '_', '-').
The source is the collaborative dataset, or ``--input FILE`` (any format ``ctip dataset import`` reads).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from ctip.cli import UsageError
from ctip.disclosure._params import DEFAULT_DELTA


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("out", metavar="OUT", help="release id (folder name under CTIP_HOME/releases/)")
    p.add_argument("--input", metavar="FILE", help="release from FILE instead of the collaborative dataset")
    p.add_argument("--seed", type=int, help="seed for a reproducible release (kept in the ledger, never published)")


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="{kanon,aggregates,synthetic,ledger,list}")
    kanon = sub.add_parser("kanon", help="k-anonymous microdata (records.csv, CTDC v2024)")
    kanon.add_argument("--k", type=int, required=True, help="smallest group size (CTDC used 11)")
    kanon.add_argument("--method", choices=["generalise", "suppress"], default="generalise",
                       help="generalise first then suppress (default), or suppress only (CTDC's method)")
    _add_common(kanon)
    agg = sub.add_parser("aggregates", help="counts of every attribute combination (aggregates.csv)")
    which = agg.add_mutually_exclusive_group(required=True)
    which.add_argument("--k", type=int, help="threshold: suppress counts below K (with secondary suppression)")
    which.add_argument("--epsilon", type=float, help="differential privacy budget for noisy counts")
    agg.add_argument("--delta", type=float, help=f"DP delta (default {DEFAULT_DELTA:g} with Gaussian noise)")
    agg.add_argument("--mechanism", choices=["gaussian", "laplace"], default="gaussian",
                     help="noise for --epsilon (laplace is pure epsilon-DP)")
    agg.add_argument("--max-length", type=int, default=2, help="longest attribute combination (default 2)")
    agg.add_argument("--columns", metavar="A,B,...",
                     help="count only these CTDC v2024 variables (default: all 27); with --epsilon the budget is "
                          "shared by fewer tables, so each count is less noisy")
    _add_common(agg)
    syn = sub.add_parser("synthetic", help="differentially private synthetic microdata")
    syn.add_argument("--epsilon", type=float, required=True, help="differential privacy budget")
    syn.add_argument("--delta", type=float, default=DEFAULT_DELTA, help=f"DP delta (default {DEFAULT_DELTA:g})")
    syn.add_argument("--min-pair-count", type=int, metavar="N",
                     help="change values making a pair fewer than N synthetic records share, whatever that moves "
                          "(default: 14, one per 1,000 records below 14,000, lowered while it would give more than "
                          "5 %% of a variable's records other values; 0 keeps them: more accurate, more invented "
                          "combinations)")
    _add_common(syn)
    ledger = sub.add_parser("ledger", help="show (or set) the privacy budget and what each release spent")
    ledger.add_argument("--set-budget", type=float, metavar="E",
                        help="total epsilon any record may spend (recorded in the ledger)")
    ledger.add_argument("--delta-budget", type=float, metavar="D", help="total delta any record may spend")
    ledger.add_argument("--json", action="store_true", help="print JSON")
    sub.add_parser("list", help="list releases and whether they are published")


def _load(path: str | None):
    """The source frame: the collaborative dataset, or FILE imported into a throw-away dataset."""
    from ctip.dataset.store import Dataset

    if path is None:
        frame = Dataset().frame()
        if frame.height == 0:
            raise UsageError("the collaborative dataset is empty; import data with 'ctip dataset import FILE' "
                             "or release from a file with --input FILE")
        return frame, "collaborative dataset"
    file = Path(path)
    if not file.is_file():
        raise UsageError(f"--input {path}: no such file")
    with tempfile.TemporaryDirectory() as tmp:
        dataset = Dataset(Path(tmp) / "input.duckdb")
        try:
            report = dataset.import_file(file)
        except Exception as exc:  # the importer's errors name file, row, column and value
            raise UsageError(f"--input {path}: {exc}") from exc
        frame = dataset.frame()
        if frame.height == 0:
            raise UsageError(f"--input {path}: no valid record could be read ({report})")
        return frame, f"file {file.name}"


def _request(args: argparse.Namespace):
    from ctip.disclosure.release import Request

    if args.action == "kanon":
        return Request(method="kanon", k=args.k, kanon_method=args.method, seed=args.seed)
    if args.action == "aggregates":
        columns = tuple(c.strip() for c in args.columns.split(",") if c.strip()) if args.columns else None
        if args.columns is not None and not columns:
            raise UsageError("--columns: give at least one CTDC v2024 variable, e.g. --columns gender,ageBroad")
        if args.k is not None:
            return Request(method="aggregates-k", k=args.k, max_length=args.max_length, seed=args.seed,
                           columns=columns)
        delta = args.delta if args.delta is not None else (None if args.mechanism == "laplace" else DEFAULT_DELTA)
        return Request(method="aggregates-dp", epsilon=args.epsilon, delta=delta, mechanism=args.mechanism,
                       max_length=args.max_length, seed=args.seed, columns=columns)
    return Request(method="synthetic", epsilon=args.epsilon, delta=args.delta, seed=args.seed,
                   min_pair_count=args.min_pair_count)


def _ledger(args: argparse.Namespace) -> int:
    from ctip.disclosure.ledger import PrivacyLedger
    from ctip.disclosure.release import dataset_budget

    ledger = PrivacyLedger()
    if args.delta_budget is not None and args.set_budget is None:
        raise UsageError("--delta-budget goes with --set-budget")
    if args.set_budget is not None:
        ledger.set_budget(epsilon=args.set_budget,
                          delta=args.delta_budget if args.delta_budget is not None else ledger.budget().delta)
    budget = ledger.budget()
    entries = ledger.entries()
    accounts, left = dataset_budget(ledger)
    if args.json:
        print(json.dumps({"budget": vars(budget), "budget_changes": ledger.budget_changes(),
                          "collaborative_dataset": {"accounts": accounts, "remaining": vars(left)},
                          "entries": [{k: v for k, v in e.items() if k != "seed"} for e in entries]}, indent=2))
        return 0
    print(f"budget of every record: epsilon={budget.epsilon:g} delta={budget.delta:g} "
          "(releases using the same records add up, whatever the dataset version)")
    if accounts:
        print(f"the collaborative dataset as it is now ({len(accounts)} source(s)): "
              f"epsilon left {left.epsilon:g}, delta left {left.delta:g}")
    for e in entries:
        sources = len(e.get("accounts", [])) or "all"
        print(f"  {e['created_at']}  {e['release_id']:<24} {e['method']:<14} epsilon={e['epsilon']:g} "
              f"delta={e['delta']:g}  dataset version {e['dataset_version'][:12]}, sources: {sources}")
    if not entries:
        print("no differentially private release yet")
    return 0


def _list() -> int:
    from ctip.disclosure.registry import list_releases

    releases = list_releases()
    if not releases:
        print("no release yet")
    for r in releases:
        state = f"published {r.published_at}" if r.is_published else "not published"
        eps = f"epsilon={r.epsilon:g}" if r.epsilon is not None else "no DP budget"
        print(f"{r.id:<24} {r.method:<14} {eps:<16} {r.created_at}  {state}")
    return 0


def run(args: argparse.Namespace) -> int:
    from ctip.disclosure.errors import DisclosureError, InvalidParameter

    if args.action == "ledger":
        try:
            return _ledger(args)
        except InvalidParameter as exc:
            raise UsageError(str(exc)) from exc
    if args.action == "list":
        return _list()
    from ctip.disclosure.registry import ReleaseExists, check_release_id, release_id_taken
    from ctip.disclosure.release import check_budget, check_release_request, create_release

    request = _request(args)
    try:
        check_release_request(request)
        if release_id_taken(check_release_id(args.out)):  # refused before reading any data
            raise ReleaseExists(args.out)
        frame, source = _load(args.input)
        check_budget(frame, request)
        info = create_release(frame, request, args.out, source=source)
    except (DisclosureError, InvalidParameter) as exc:
        raise UsageError(str(exc)) from exc
    report = info.report()
    print(f"release {info.id} written to {info.path}")
    if info.epsilon is not None:
        from ctip.disclosure.ledger import PrivacyLedger, version_account
        from ctip.disclosure.release import privacy_accounts

        left = PrivacyLedger().remaining_for(privacy_accounts(frame) or [version_account(info.dataset_version)])
        print(f"spent epsilon={info.epsilon:g} delta={info.delta:g} (dataset version {info.dataset_version[:12]}); "
              f"these records have epsilon={left.epsilon:g}, delta={left.delta:g} left")
    for key in ("k_anonymity", "suppression", "noise"):
        if key in report:
            print(f"{key}: {json.dumps(report[key])}")
    if "utility" in report:
        u = report["utility"]
        print(f"utility: 2-way k-marginal {u.get('nist_k_marginal_2way_0_1000')} / 1000, "
              f"3-way {u.get('k_marginal_3way')}")
    for note in report.get("review_notes", []):
        print(f"review: {note['text']}")
    print("not published: a supervisor approves publication on the Releases page")
    return 0
