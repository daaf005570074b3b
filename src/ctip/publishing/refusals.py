"""Why a release is refused or an incomplete one cannot be removed, worded once for the page and the CLI.

Each message is an English ``gettext`` msgid (plain strings: ``ctip release`` uses them without loading
Django unless Mongolian is asked for); ``translations_mn.py`` gives the Mongolian. Parameters hold data
(ids, numbers, dates), never English words.
"""

from __future__ import annotations

REFUSALS: dict[str, str] = {
    "id_taken": "Release %(id)s exists already; choose another id.",
    "id_being_written": ("Release %(id)s is being made right now (by an earlier click or by someone else); wait "
                         "until it appears in the list of releases. It will not be made twice."),
    "id_incomplete": ("Release %(id)s was never finished: its writing stopped (last written %(when)s UTC). "
                      "Remove the incomplete release, or choose another id."),
    "id_invalid": ("Release id %(id)s: use 1 to 64 small letters a–z, digits, '.', '_' or '-', starting with a "
                   "letter or digit."),
    "budget": ("Refused: this release needs ε = %(need_eps)s, δ = %(need_delta)s, but these records have only "
               "ε = %(eps)s, δ = %(delta)s left of their privacy budget. Lower ε (or δ), or ask an "
               "administrator to raise the budget."),
    "parameter": "%(name)s must be %(allowed)s.",
    "empty_dataset": ("The collaborative dataset is empty: import data first (ctip dataset import FILE), or release "
                      "from a file with --input FILE."),
    "input_missing": "--input %(file)s: no such file.",
    "input_empty": "--input %(file)s: no valid record could be read.",
    "cannot_make": ("This release cannot be made from these records with these parameters. The reason was "
                    "written to the server's log; try other parameters or ask an administrator."),
    "cannot_make_detail": "This release cannot be made with these parameters: %(detail)s",
    "not_incomplete": ("%(id)s is not an incomplete release untouched for %(minutes)s minutes (it is a release, "
                       "one being made now, or nothing); nothing was removed."),
}
