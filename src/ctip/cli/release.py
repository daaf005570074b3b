"""``ctip release``: k-anonymous, differentially private and synthetic releases, and the privacy ledger.

    ctip release kanon --k 11 [--method generalise|suppress] OUT
    ctip release aggregates (--k K | --epsilon E [--delta D] [--mechanism laplace|gaussian]) [--max-length L]
                            [--columns A,B,...] OUT
    ctip release synthetic --epsilon E [--delta D] [--min-pair-count N] [--seed S] OUT
    ctip release ledger [--set-budget E [--delta-budget D]]
    ctip release list
    ctip release clean [--older-than MINUTES] [ID ...]

OUT is the release id: the name of the folder written under CTIP_HOME/releases/ (a-z, 0-9, '.', '_', '-').
The source is the collaborative dataset, or ``--input FILE`` (any format ``ctip dataset import`` reads).
A release whose writer stopped (killed, power cut) is listed as incomplete and removed by ``clean``
(``ctip.disclosure.registry``). Refusals are worded from ``ctip.publishing.refusals``, in Mongolian with
``CTIP_LANGUAGE=mn`` (``ctip.cli.language``).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from datetime import timedelta
from pathlib import Path

from ctip.cli import UsageError
from ctip.cli.language import say, worded
from ctip.disclosure._params import DEFAULT_DELTA
from ctip.disclosure.registry import STALE_AFTER
from ctip.publishing.refusals import REFUSALS


def _refused(code: str, english: str, **params: object) -> UsageError:
    """A refusal worded from the catalogue the Releases page uses (``english`` when not in Mongolian)."""
    return UsageError(say(english, REFUSALS[code], params))


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("out", metavar="OUT", help="release id (folder name under CTIP_HOME/releases/)")
    p.add_argument("--input", metavar="FILE", help="release from FILE instead of the collaborative dataset")
    p.add_argument("--seed", type=int, help="seed for a reproducible release (kept in the ledger, never published)")


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True,
                                metavar="{kanon,aggregates,synthetic,ledger,list,clean}")
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
    sub.add_parser("list", help="list releases, whether they are published, and incomplete ones")
    clean = sub.add_parser("clean", help="remove incomplete releases (their writer stopped), audited",
                           description="Remove releases whose writing stopped (a claimed id without a manifest, "
                                       "untouched for --older-than minutes) and their staging folders, giving "
                                       "the ids back. A privacy-ledger charge of such an id stays.")
    clean.add_argument("ids", nargs="*", metavar="ID", help="only these ids (default: every incomplete release)")
    clean.add_argument("--older-than", type=float, metavar="MINUTES",
                       default=STALE_AFTER.total_seconds() / 60,
                       help=f"untouched for at least this long (default {STALE_AFTER.total_seconds() / 60:g}; "
                            "a writer at work touches its files all the time)")


def _load(path: str | None):
    """The source frame: the collaborative dataset, or FILE imported into a throw-away dataset."""
    from ctip.dataset.store import Dataset
    from ctip.exchange.errors import ExchangeError
    from ctip.exchange.messages import CATALOGUE

    if path is None:
        frame = Dataset().frame()
        if frame.height == 0:
            raise _refused("empty_dataset", "the collaborative dataset is empty; import data with 'ctip dataset "
                                            "import FILE' or release from a file with --input FILE")
        return frame, "collaborative dataset"
    file = Path(path)
    if not file.is_file():
        raise _refused("input_missing", f"--input {path}: no such file", file=path)
    with tempfile.TemporaryDirectory() as tmp:
        dataset = Dataset(Path(tmp) / "input.duckdb")
        try:
            report = dataset.import_file(file)
        except ExchangeError as exc:  # the importer's errors name file, row, column and value
            raise UsageError(f"--input {path}: {worded(CATALOGUE, exc.code, exc.params, str(exc))}") from exc
        except Exception as exc:
            raise UsageError(f"--input {path}: {exc}") from exc
        frame = dataset.frame()
        if frame.height == 0:
            why = worded(CATALOGUE, report.message_code, report.message_params, report.summary())
            empty = say(f"--input {path}: no valid record could be read", REFUSALS["input_empty"], {"file": path})
            raise UsageError(f"{empty} ({why})")
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
    finished = _release_ids()
    if args.json:  # "finished": false for a release whose writer stopped after its charge (the charge stays)
        print(json.dumps({"budget": vars(budget), "budget_changes": ledger.budget_changes(),
                          "collaborative_dataset": {"accounts": accounts, "remaining": vars(left)},
                          "entries": [{**{k: v for k, v in e.items() if k != "seed"},
                                       "finished": e["release_id"] in finished} for e in entries]}, indent=2))
        return 0
    print(f"budget of every record: epsilon={budget.epsilon:g} delta={budget.delta:g} "
          "(releases using the same records add up, whatever the dataset version)")
    if accounts:
        print(f"the collaborative dataset as it is now ({len(accounts)} source(s)): "
              f"epsilon left {left.epsilon:g}, delta left {left.delta:g}")
    for e in entries:
        sources = len(e.get("accounts", [])) or "all"
        unfinished = "" if e["release_id"] in finished else "  (never finished: the charge stays)"
        print(f"  {e['created_at']}  {e['release_id']:<24} {e['method']:<14} epsilon={e['epsilon']:g} "
              f"delta={e['delta']:g}  dataset version {e['dataset_version'][:12]}, sources: {sources}{unfinished}")
    if not entries:
        print("no differentially private release yet")
    return 0


def _release_ids() -> set[str]:
    from ctip.disclosure.registry import list_releases

    return {r.id for r in list_releases()}


def _list() -> int:
    from ctip.disclosure.registry import incomplete_releases, list_releases, releases_being_written

    releases, incomplete, writing = list_releases(), incomplete_releases(), releases_being_written()
    if not releases and not incomplete and not writing:
        print("no release yet")
    for r in releases:
        state = f"published {r.published_at}" if r.is_published else "not published"
        eps = f"epsilon={r.epsilon:g}" if r.epsilon is not None else "no DP budget"
        print(f"{r.id:<24} {r.method:<14} {eps:<16} {r.created_at}  {state}")
    for release_id in writing:
        print(f"{release_id:<24} being written now")
    for r in incomplete:
        print(f"{r.id:<24} incomplete: its writing stopped (last written {_utc(r.last_written)}); "
              f"remove it with 'ctip release clean {r.id}'")
    return 0


def _utc(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def _clean(args: argparse.Namespace) -> int:
    """Remove incomplete releases (all, or the ids named), each audited as done from the command line."""
    from ctip.disclosure.registry import NotIncomplete, incomplete_releases
    from ctip.web import setup

    if args.older_than < 0:
        raise UsageError(f"--older-than must be 0 or more minutes; got {args.older_than:g}")
    older_than = timedelta(minutes=args.older_than)
    found = {r.id for r in incomplete_releases(older_than=older_than)}
    ids = args.ids or sorted(found)
    for release_id in ids:
        if release_id not in found:
            raise _refused("not_incomplete", str(NotIncomplete(release_id, older_than)), id=release_id,
                           minutes=f"{args.older_than:g}")
    if not ids:
        print(f"no incomplete release (untouched for {args.older_than:g} minutes)")
        return 0
    setup()
    from django.db import DatabaseError

    from ctip.publishing.services import release_incomplete_remove

    for release_id in ids:
        try:
            removed = release_incomplete_remove(release_id=release_id, actor=None, via="ctip release clean",
                                                older_than=older_than)
        except DatabaseError as exc:  # the removal is audited: no audit log, no removal
            raise UsageError(f"cannot write the audit log ({exc}); run 'ctip migrate' first") from exc
        print(f"removed incomplete release {removed.id} (last written {_utc(removed.last_written)} UTC, "
              f"{len(removed.staging)} staging folder(s)); the id is free again")
    return 0


def _taken(release_id: str) -> UsageError | None:
    """The refusal of an id that is taken (a release, one being written, an incomplete one), or None."""
    from ctip.disclosure.registry import id_state, incomplete_releases

    state = id_state(release_id)
    if state == "release":
        return _refused("id_taken", f"release {release_id!r} exists already; choose another id", id=release_id)
    if state == "writing":
        return _refused("id_being_written", f"release {release_id!r} is being written now (by another run); wait "
                                            "until 'ctip release list' shows it", id=release_id)
    if state == "incomplete":
        when = next((_utc(r.last_written) for r in incomplete_releases() if r.id == release_id), "?")
        return _refused("id_incomplete", f"release {release_id!r} was never finished (its writing stopped, last "
                                         f"written {when} UTC); remove it with 'ctip release clean {release_id}' "
                                         "or choose another id", id=release_id, when=when)
    return None


def _parameter_refusal(exc, request) -> UsageError:
    """An ``InvalidParameter`` in the page's words when Mongolian is active (the name and what is allowed)."""
    from ctip.cli.language import active

    if active() == "mn":
        from ctip.disclosure.release import parameter_rules
        from ctip.publishing.forms import allowed

        for rule in parameter_rules(request):
            if f"'{rule.name}'" in str(exc):
                return _refused("parameter", str(exc), name=f"--{rule.name.replace('_', '-')}",
                                allowed=allowed(rule.constraint))
    return UsageError(str(exc))


def _budget_refusal(exc, request, frame) -> UsageError:
    from ctip.disclosure.ledger import PrivacyLedger, version_account
    from ctip.disclosure.release import dataset_version, privacy_accounts, to_release_columns

    accounts = privacy_accounts(frame) or [version_account(dataset_version(to_release_columns(frame)))]
    left = PrivacyLedger().remaining_for(accounts)
    return _refused("budget", str(exc), need_eps=f"{request.epsilon:g}", need_delta=f"{request.delta or 0:g}",
                    eps=f"{left.epsilon:g}", delta=f"{left.delta:g}")


def run(args: argparse.Namespace) -> int:
    from ctip.disclosure.errors import BudgetExceeded, DisclosureError, InvalidParameter

    if args.action == "ledger":
        try:
            return _ledger(args)
        except InvalidParameter as exc:
            raise UsageError(str(exc)) from exc
    if args.action == "list":
        return _list()
    if args.action == "clean":
        return _clean(args)
    from ctip.disclosure.registry import RELEASE_ID, ReleaseExists, check_release_id
    from ctip.disclosure.release import check_budget, check_release_request, create_release

    request = _request(args)
    frame = None
    try:
        check_release_request(request)
        check_release_id(args.out)
        refusal = _taken(args.out)  # refused before reading any data
        if refusal:
            raise refusal
        frame, source = _load(args.input)
        check_budget(frame, request)
        info = create_release(frame, request, args.out, source=source)
    except InvalidParameter as exc:
        raise _parameter_refusal(exc, request) from exc
    except ReleaseExists as exc:  # taken by a writer that started meanwhile
        raise (_taken(args.out) or UsageError(str(exc))) from exc
    except BudgetExceeded as exc:
        raise _budget_refusal(exc, request, frame) from exc
    except DisclosureError as exc:
        if RELEASE_ID.match(args.out):
            raise _refused("cannot_make_detail", str(exc), detail=str(exc)) from exc
        raise _refused("id_invalid", str(exc), id=repr(args.out)) from exc
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
