"""Release folders, the registry contract, the ledger at release time, and the ``ctip release`` command."""

from __future__ import annotations

import json

import polars as pl
import pytest

from ctip.cli import main
from ctip.disclosure import registry
from ctip.disclosure.errors import BudgetExceeded, DisclosureError
from ctip.disclosure.ledger import PrivacyLedger
from ctip.disclosure.release import Request, create_release, identifier_check
from ctip.disclosure.simulate import make_ctdc_like

FILES = {"manifest.json", "records.csv", "aggregates.csv", "README.md", "README.mn.md", "report.html", "report.json"}


@pytest.fixture(scope="module")
def frame() -> pl.DataFrame:
    return make_ctdc_like(4000, seed=8)


def test_synthetic_release_has_the_contract_layout(home, frame):
    info = create_release(frame, Request(method="synthetic", epsilon=1.0, delta=1e-9, seed=1), "syn-1")
    assert {p.name for p in info.path.iterdir()} == FILES
    manifest = json.loads((info.path / "manifest.json").read_text())
    for key in ("id", "method", "parameters", "epsilon", "delta", "seed", "created_at", "dataset_version",
                "approved_by", "approved_at", "published_at"):
        assert key in manifest
    assert manifest["seed"] is None, "a DP release never publishes its seed"
    assert manifest["published_at"] is None
    report = info.report()
    assert 0 <= report["utility"]["nist_k_marginal_2way_0_1000"] <= 1000
    assert {"singling_out", "linkability", "inference"} <= set(report["risk"])
    assert report["risk"]["training_records"] == report["risk"]["control_records"]
    assert report["identifier_check"]["passed"] is True
    records = pl.read_csv(info.path / "records.csv", infer_schema=False)
    assert records.columns == frame.columns
    assert "ε = 1, δ = 1e-09" in (info.path / "README.md").read_text()
    # the report's figures are exact: it stays internal, and the README says so without offering it
    assert "Internal, not for publication" in (info.path / "report.html").read_text()
    assert "quality and risk report is internal, not for publication" in (info.path / "README.md").read_text()


def test_same_seed_same_release(home, frame):
    a = create_release(frame, Request(method="synthetic", epsilon=0.5, delta=1e-9, seed=21), "same-a")
    b = create_release(frame, Request(method="synthetic", epsilon=0.5, delta=1e-9, seed=21), "same-b")
    assert (a.path / "records.csv").read_bytes() == (b.path / "records.csv").read_bytes()
    assert (a.path / "aggregates.csv").read_bytes() == (b.path / "aggregates.csv").read_bytes()


def test_kanon_release_reports_smallest_k_and_loss(home, frame):
    info = create_release(frame.head(1500), Request(method="kanon", k=11), "kanon-1")
    report = info.report()
    assert report["risk"]["smallest_k"] >= 11
    for name in ("records.csv", "records_generalised.csv"):
        records = pl.read_csv(info.path / name, infer_schema=False)
        assert records.group_by(records.columns).len().get_column("len").min() >= 11
    strict = pl.read_csv(info.path / "records.csv", infer_schema=False)
    assert not strict.get_column("citizenship").drop_nulls().str.starts_with("M49:").any()
    assert "records_suppressed" in report["k_anonymity"] and "information_loss" in report["k_anonymity"]
    assert info.epsilon is None


def test_kanon_row_order_does_not_follow_the_dataset_order(home, frame):
    """Row order could betray provenance (which contributor or import batch came first)."""
    a = create_release(frame.head(1500), Request(method="kanon", k=11), "order-a")
    b = create_release(frame.head(1500).reverse(), Request(method="kanon", k=11), "order-b")
    for name in ("records.csv", "records_generalised.csv"):
        assert (a.path / name).read_bytes() == (b.path / name).read_bytes()


def test_threshold_aggregates_release_has_no_records(home, frame):
    info = create_release(frame, Request(method="aggregates-k", k=11, max_length=2), "agg-k")
    assert info.file("records.csv") is None
    counts = pl.read_csv(info.path / "aggregates.csv").get_column("count")
    assert counts.min() >= 11


def test_ledger_refuses_an_over_budget_release_and_writes_nothing(home, frame):
    PrivacyLedger().set_budget(epsilon=1.5, delta=1e-6)
    create_release(frame, Request(method="aggregates-dp", epsilon=1.0, delta=1e-9), "dp-1")
    with pytest.raises(BudgetExceeded, match=r"have only epsilon=0.5"):
        create_release(frame, Request(method="synthetic", epsilon=1.0, delta=1e-9), "dp-2")
    assert not (home / "releases" / "dp-2").exists()
    assert [r.id for r in registry.list_releases()] == ["dp-1"]


def test_identifier_columns_in_the_input_are_refused(home, frame):
    with pytest.raises(DisclosureError, match="identifier column"):
        create_release(frame.with_columns(pl.lit("A1").alias("passportNumber")),
                       Request(method="kanon", k=11), "bad")


def test_no_file_of_a_dp_release_reveals_its_seed(home, frame):
    seed = 918273645
    for method, release_id in (("synthetic", "seed-syn"), ("aggregates-dp", "seed-agg")):
        info = create_release(frame, Request(method=method, epsilon=1.0, delta=1e-9, seed=seed), release_id)
        for path in info.path.iterdir():
            assert str(seed) not in path.read_text(encoding="utf-8"), f"{path.name} reveals the seed"


def test_identifier_check_inspects_what_is_written():
    records = pl.DataFrame({"gender": ["Woman"], "phoneNumber": ["+976"]})
    aggregates = pl.DataFrame({"attributes": ["gender;email"], "values": ["Woman;a@b"], "count": [12]})
    check = identifier_check(["gender"], records, aggregates)
    assert check["passed"] is False
    assert check["released_identifier_columns"] == ["phoneNumber", "email"]
    assert identifier_check(["gender"], records.drop("phoneNumber"), None)["passed"] is True


def test_a_release_being_written_is_not_listed(home, frame):
    create_release(frame, Request(method="aggregates-k", k=11), "done-1")
    staging = home / "releases" / ".half-1.abc"
    staging.mkdir()
    (staging / "manifest.json").write_text((home / "releases" / "done-1" / "manifest.json").read_text())
    assert [r.id for r in registry.list_releases()] == ["done-1"]
    assert registry.list_releases()[0].path.name == "done-1"


def test_registry_publishes_only_after_approval(home, frame):
    create_release(frame, Request(method="aggregates-k", k=11), "pub-1")
    assert registry.published_releases() == []
    assert registry.latest_published() is None
    info = registry.publish_release("pub-1", approved_by="sam")
    assert info.is_published and info.approved_by == "sam"
    assert registry.latest_published().id == "pub-1"
    assert registry.load_release("pub-1").published_at == info.published_at
    with pytest.raises(DisclosureError, match="no release 'nope'"):
        registry.load_release("nope")


def test_cli_writes_a_release_and_shows_the_ledger(home, frame, tmp_path, capsys):
    source = tmp_path / "in.csv"
    frame.head(2000).write_csv(source)
    status = main(["release", "aggregates", "--epsilon", "1", "--input", str(source), "cli-agg"])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert "release cli-agg written" in captured.out
    assert main(["release", "ledger"]) == 0
    assert "cli-agg" in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["release", "synthetic", "--epsilon", "0", "x"], "The 'epsilon' parameter of ctip release must be a float in (0, inf)"),
    (["release", "synthetic", "--epsilon", "-2", "x"], "Got -2.0 instead"),
    (["release", "kanon", "--k", "1", "x"], "The 'k' parameter of ctip release must be an int in [2, inf)"),
    (["release", "aggregates", "--k", "0", "x"], "must be an int in [2, inf)"),
    (["release", "kanon", "--k", "11", "Bad/Id"], "release id 'Bad/Id' must be"),
])
def test_cli_bad_parameters_exit_2_with_a_message(home, capsys, argv, message):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert captured.out == ""


def test_singling_out_is_not_assessable_when_few_combinations_are_unique():
    from ctip.disclosure.risk import MIN_PREDICATES, risk_report

    real = make_ctdc_like(600, seed=3)
    train, control = real[:300], real[300:]
    common = pl.concat([train.head(1)] * 300)  # every synthetic record the same: nothing is unique
    report = risk_report(train, control, common, n_attacks=100)
    assert report["singling_out"]["risk"] is None and report["singling_out"]["attacks"] < MIN_PREDICATES
    assert "not assessable" in report["singling_out"]["note"]
    assert risk_report(train, control, train, n_attacks=100)["singling_out"]["risk"] > 0.5  # the real records


def test_cli_synthetic_release_records_its_rare_pair_threshold(home, frame, tmp_path, capsys):
    source = tmp_path / "in.csv"
    frame.write_csv(source)
    assert main(["release", "synthetic", "--epsilon", "1", "--min-pair-count", "0", "--input", str(source),
                 "syn-keep"]) == 0
    assert main(["release", "synthetic", "--epsilon", "1", "--seed", "1", "--input", str(source), "syn-default"]) == 0
    keep = json.loads((home / "releases" / "syn-keep" / "manifest.json").read_text())["parameters"]
    default = json.loads((home / "releases" / "syn-default" / "manifest.json").read_text())["parameters"]
    assert keep["min_pair_count"] == 0
    # the default rule starts at one per 1,000 records (3 or 4 here) and lowers it when the removal would move
    # more than 5 % of a column, as here: the manifest records the threshold used, the approver is told why
    assert default["min_pair_count"] == 0
    notes = json.loads((home / "releases" / "syn-default" / "report.json").read_text())["review_notes"]
    lowered = next(n for n in notes if n["code"] == "rare_pairs_lowered")
    assert lowered["params"]["used"] == 0 and lowered["params"]["rule"] in (3, 4)
    assert "The rare-pair threshold was lowered from" in lowered["text"]
    assert main(["release", "synthetic", "--epsilon", "1", "--min-pair-count", "3", "--input", str(source),
                 "syn-strict"]) == 0
    assert json.loads((home / "releases" / "syn-strict" / "manifest.json").read_text())["parameters"][
        "min_pair_count"] == 3  # a threshold given is applied as given
    assert main(["release", "synthetic", "--epsilon", "1", "--min-pair-count", "-1", "x"]) == 2
    assert "The 'min_pair_count' parameter of ctip release must be" in capsys.readouterr().err


def test_cli_tells_the_approver_when_synthetic_records_of_a_small_table_are_full_of_rare_pairs(home, capsys):
    """The shared CTDC sample (500 records): most distinct pairs of values in the real records are rare, and
    the synthetic records keep many; the release says so and points to protected tables."""
    from tests.dataset.files import FIXTURE

    assert main(["release", "synthetic", "--epsilon", "4", "--input", str(FIXTURE), "syn-small"]) == 0
    out = capsys.readouterr().out
    notes = json.loads((home / "releases" / "syn-small" / "report.json").read_text())["review_notes"]
    assert notes[0]["code"] == "rare_pairs_small"
    assert "held by fewer than 10 real people" in notes[0]["text"] and "500 records" in notes[0]["text"]
    assert f"review: {notes[0]['text']}" in out
    assert "held by fewer than 10" in (home / "releases" / "syn-small" / "report.html").read_text()


def test_no_review_note_when_few_released_pairs_are_rare():
    from ctip.disclosure.release import synthetic_review_notes

    utility = {"combinations_2way": {"fabricated": 0.01, "rare": 0.03, "combinations": 5000}}
    assert synthetic_review_notes(utility, 14, 250_000) == []
    utility["combinations_2way"]["rare"] = 0.2
    (note,) = synthetic_review_notes(utility, 14, 250_000)
    assert note["code"] == "rare_pairs" and note["params"]["share"] == "21%" and note["text"].startswith("21% ")


def test_report_counts_the_values_a_release_loses():
    """Every value held by 10 or more real records is checked: a value missing from the release is listed."""
    from ctip.disclosure.metrics import values_kept

    real = pl.DataFrame({"gender": ["Woman"] * 60 + ["Man"] * 30 + ["Trans/Transgender/NonConforming"] * 12 + [None] * 5,
                         "ageBroad": ["18--20"] * 100 + ["48+"] * 7})
    released = real.with_columns(pl.when(pl.col("gender").str.starts_with("Trans")).then(pl.lit("Woman"))
                                 .otherwise(pl.col("gender")).alias("gender"))
    kept = values_kept(real, released)
    assert kept["values"] == 4  # Woman, Man, Trans, 18--20 (48+ has 7 records; NULL is not a value)
    assert kept["lost_half"] == 1
    assert kept["worst"] == [{"column": "gender", "value": "Trans/Transgender/NonConforming", "real": 12,
                              "released": 0}]
    assert values_kept(real, real)["lost_half"] == 0


def test_review_note_when_many_values_lose_half_their_count():
    from ctip.disclosure.release import synthetic_review_notes

    utility = {"combinations_2way": {"fabricated": 0.01, "rare": 0.02}, "values_kept": {"values": 100, "lost_half": 3}}
    assert synthetic_review_notes(utility, 14, 250_000) == []
    utility["values_kept"]["lost_half"] = 30
    (note,) = synthetic_review_notes(utility, 14, 250_000)
    assert note["code"] == "values_lost" and note["text"].startswith("30 of the 100 values held by at least 10")
    (note,) = synthetic_review_notes(utility, 0, 250_000)
    assert note["code"] == "values_lost_noise" and "the noise hides groups this small" in note["text"]


def test_report_names_the_variable_a_release_moves_most():
    from ctip.disclosure.metrics import largest_shift, utility_report

    real = pl.DataFrame({"gender": ["Woman"] * 70 + ["Man"] * 30, "citizenship": ["MNG"] * 50 + ["LAO"] * 50})
    released = real.with_columns(pl.when(pl.arange(0, 100) < 80).then(pl.lit("MNG")).otherwise(pl.lit("LAO"))
                                 .alias("citizenship"))
    assert largest_shift(real, released) == {"column": "citizenship", "tvd": 0.3}
    assert utility_report(real, real)["tvd_1way_largest"]["tvd"] == 0.0


def test_review_note_when_a_variable_moves_more_than_the_noise_would():
    from ctip.disclosure.release import synthetic_review_notes

    utility = {"combinations_2way": {"fabricated": 0.0, "rare": 0.02},
               "tvd_1way_largest": {"column": "citizenship", "tvd": 0.05}}
    assert synthetic_review_notes(utility, 14, 20_000) == []
    utility["tvd_1way_largest"]["tvd"] = 0.171
    (note,) = synthetic_review_notes(utility, 14, 20_000)
    assert note["code"] == "distribution_moved" and note["params"] == {"share": "17%", "column": "citizenship"}
    assert note["text"].startswith("17% of the records carry another value of “citizenship” than in the real data")


def test_dp_tables_of_chosen_variables_are_less_noisy_and_record_the_choice(home, frame, tmp_path, capsys):
    source = tmp_path / "in.csv"
    frame.write_csv(source)
    assert main(["release", "aggregates", "--epsilon", "1", "--input", str(source), "dp-all"]) == 0
    assert main(["release", "aggregates", "--epsilon", "1", "--columns", "gender, ageBroad,citizenship",
                 "--input", str(source), "dp-three"]) == 0
    capsys.readouterr()
    three, everything = registry.load_release("dp-three"), registry.load_release("dp-all")
    tables = pl.read_csv(three.path / "aggregates.csv", infer_schema=False)
    assert set(tables.get_column("attributes").unique()) <= {"gender", "ageBroad", "citizenship", "gender;ageBroad",
                                                              "gender;citizenship", "ageBroad;citizenship"}
    assert three.parameters["columns"] == ["gender", "ageBroad", "citizenship"]
    assert "columns" not in everything.parameters
    # 6 tables instead of 378 share the same budget: the noise is about 8 times smaller
    assert three.report()["noise"]["sigma"] < everything.report()["noise"]["sigma"] / 7
    assert main(["release", "aggregates", "--k", "11", "--columns", "gender,Name", "--input", str(source), "x"]) == 2
    assert "unknown column(s) 'Name'" in capsys.readouterr().err
    assert main(["release", "aggregates", "--k", "11", "--columns", ",", "x"]) == 2
    assert "--columns: give at least one" in capsys.readouterr().err
