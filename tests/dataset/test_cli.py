"""``ctip dataset``: the exact JSON report, exit statuses, batches, drop-batch and every export format."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import polars as pl
import pytest

from ctip.cli import main
from ctip.dataset.store import Dataset
from tests.dataset import files

KEYS = ["batch", "format", "rows_read", "imported", "rejected", "duplicate_of_batch", "duplicate_records", "errors"]


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("CTIP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("CTIP_DATASET", raising=False)
    return tmp_path / "home"


def _json(capsys) -> dict:
    return json.loads(capsys.readouterr().out)


def test_import_json_report_has_the_documented_shape(home, capsys):
    assert main(["dataset", "import", str(files.FIXTURE), "--json"]) == 0
    report = _json(capsys)
    assert list(report) == KEYS
    assert report["format"] == "ctdc2017" and report["rows_read"] == report["imported"] == 500
    assert report["rejected"] == 0 and report["errors"] == [] and report["duplicate_of_batch"] is None
    assert main(["dataset", "import", str(files.FIXTURE), "--json"]) == 0
    again = _json(capsys)
    assert again["batch"] is None and again["imported"] == 0 and again["duplicate_of_batch"] == report["batch"]


def test_strict_import_exits_2_and_writes_nothing(home, tmp_path, capsys):
    header, rows = files.fixture_rows()
    for row in rows[:150]:
        row["gender"] = "Mael"
    path = files.write(tmp_path / "bad.csv", header, rows)
    assert main(["dataset", "import", str(path), "--json"]) == 2
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["batch"] is None and report["imported"] == 0 and report["rejected"] == 150
    assert len(report["errors"]) == 100
    assert report["errors"][0] == {"row": 1, "column": "gender", "value": "Mael",
                                   "expected": report["errors"][0]["expected"], "code": "code",
                                   "params": {"choices": "Female, Male, Transgender/NonConforming, Unknown"}}
    assert "--skip-invalid" in captured.err
    assert Dataset().batches() == []


def test_skip_invalid_and_dry_run_flags(home, tmp_path, capsys):
    header, rows = files.fixture_rows()
    rows[0]["gender"] = "Mael"
    path = files.write(tmp_path / "one_bad.csv", header, rows)
    assert main(["dataset", "import", str(path), "--dry-run", "--skip-invalid", "--json"]) == 0
    dry = _json(capsys)
    assert dry["batch"] is None and dry["imported"] == 499 and dry["rejected"] == 1
    assert main(["dataset", "import", str(path), "--skip-invalid", "--contributor", "IOM", "--json"]) == 0
    done = _json(capsys)
    assert done["imported"] == 499 and (home / "rejected" / f"{done['batch']}.csv").exists()


def test_format_override_and_unknown_file(home, tmp_path, capsys):
    assert main(["dataset", "import", str(files.FIXTURE), "--format", "ctdc2024", "--json"]) == 2
    report = _json(capsys)
    assert report["format"] == "ctdc2024" and report["imported"] == 0
    assert main(["dataset", "import", str(tmp_path / "absent.csv")]) == 2
    captured = capsys.readouterr()
    assert "no such file" in captured.err and captured.out == ""


def test_batches_and_drop_batch(home, capsys):
    main(["dataset", "import", str(files.FIXTURE), "--json"])
    batch = _json(capsys)["batch"]
    assert main(["dataset", "batches"]) == 0
    listing = capsys.readouterr().out
    assert batch in listing and "ctdc_kanon_2017_sample500.csv" in listing
    assert main(["dataset", "drop-batch", batch]) == 0
    assert "500 records" in capsys.readouterr().out
    assert main(["dataset", "drop-batch", batch]) == 2
    assert "no active batch" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["ctdc2024", "ctdc2017", "htcds-csv"])
def test_csv_exports_contain_no_formula_cells(home, tmp_path, capsys, fmt):
    Dataset().import_file(files.FIXTURE)
    target = tmp_path / f"out.{fmt}.csv"
    assert main(["dataset", "export", "--format", fmt, str(target)]) == 0
    assert "exported 500 records" in capsys.readouterr().out
    with open(target, newline="") as fh:
        cells = [c for row in csv.reader(fh) for c in row]
    assert not any(c.startswith(("=", "+", "@")) or (c.startswith("-") and c != "-99") for c in cells)


def test_rejected_reasons_file_neutralises_formulas(home, tmp_path, capsys):
    header, rows = files.fixture_rows()
    rows[3]["gender"] = "=HYPERLINK(\"http://evil.example\",\"x\")"
    path = files.write(tmp_path / "evil.csv", header, rows)
    assert main(["dataset", "import", str(path), "--skip-invalid", "--json"]) == 0
    batch = _json(capsys)["batch"]
    with open(home / "rejected" / f"{batch}.csv", newline="") as fh:
        (row,) = [r for r in csv.DictReader(fh) if r["column"] == "gender"]
    assert row["value"].startswith("'=HYPERLINK")


def test_csv_writer_prefixes_risky_cells():
    from ctip.exchange.safe_csv import neutralise

    frame = pl.DataFrame({"a": ["=1+2", "+cmd", "-rm", "@SUM(A1)", "-99", "plain", None]})
    assert neutralise(frame)["a"].to_list() == ["'=1+2", "'+cmd", "'-rm", "'@SUM(A1)", "-99", "plain", None]


def test_parquet_export_is_partitioned_by_year(home, tmp_path, capsys):
    main(["dataset", "import", str(files.FIXTURE), "--json"])
    capsys.readouterr()
    target = tmp_path / "parquet"
    assert main(["dataset", "export", "--format", "parquet", str(target)]) == 0
    _, rows = files.fixture_rows()
    years = {r["yearOfRegistration"] for r in rows}
    assert {p.name for p in target.iterdir()} == {f"year_of_registration={y}" for y in years}
    frame = pl.read_parquet(target, hive_partitioning=True)
    assert frame.height == 500 and "citizenship" in frame.columns


def test_command_runs_as_a_subprocess(home, tmp_path):
    env = {"CTIP_HOME": str(home), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "ctip", "dataset", "import", str(files.FIXTURE), "--json"],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0 and json.loads(result.stdout)["imported"] == 500
    bad = tmp_path / "utf16.csv"
    bad.write_text(files.FIXTURE.read_text(), encoding="utf-16")
    result = subprocess.run([sys.executable, "-m", "ctip", "dataset", "import", str(bad)],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 2 and result.stdout == "" and "UTF-16" in result.stderr


def test_a_malformed_line_is_reported_without_a_column_or_value_it_does_not_have(home, tmp_path, capsys):
    header, rows = files.fixture_rows()
    path = files.write(tmp_path / "huge.csv", header, rows[:3])
    with path.open("a", encoding="utf-8") as fh:
        fh.write("2016," + "A" * 200_000 + "\n")
    assert main(["dataset", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "  row 4: expected cells of at most 131072 characters" in err
    assert "row 4 has a cell longer than 131072 characters" in err and "check the quoting" in err
    assert "None" not in err
    assert Dataset().batches() == []


def test_a_huge_cell_is_refused_the_same_after_an_osint_scan_in_the_same_process(home, tmp_path, capsys):
    """Reading collected posts raises the csv module's process-wide cell limit (posts can be long); a dataset
    import in the same process (the web server) must still refuse a cell no CTDC value can be."""
    from ctip.osint.intake import parse_file

    posts, _ = parse_file("posts.csv", ("text\n" + "long post " * 20_000 + "\n").encode())
    assert posts
    header, rows = files.fixture_rows()
    path = files.write(tmp_path / "huge.csv", header, rows[:3])
    with path.open("a", encoding="utf-8") as fh:
        fh.write("2016," + "A" * 200_000 + "\n")
    assert main(["dataset", "import", str(path)]) == 2
    assert "row 4 has a cell longer than 131072 characters" in capsys.readouterr().err
