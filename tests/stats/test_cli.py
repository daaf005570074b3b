"""``ctip stats`` on a dataset file: JSON keys, text report, filters, SDG and the population table."""

from __future__ import annotations

import json

import pytest

from ctip.cli import main
from tests.stats.records import write_dataset


@pytest.fixture
def dataset(tmp_path, monkeypatch):
    monkeypatch.setenv("CTIP_HOME", str(tmp_path))
    monkeypatch.delenv("CTIP_DATASET", raising=False)
    write_dataset(tmp_path / "dataset.duckdb")
    return tmp_path / "dataset.duckdb"


def test_json_holds_the_documented_keys(dataset, capsys):
    assert main(["stats", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["records"] == 7
    assert result["gender"] == {"female": 3, "male": 2, "transgender_nonconforming": 1, "unknown": 1}
    assert result["majority"] == {"adult": 3, "minor": 1, "unknown": 3}
    assert set(result["sex_age"]) >= {"women", "men", "girls", "boys", "unknown"}
    assert result["exploitation"]["denominator"] == 5
    assert {"sexual_exploitation", "forced_labour", "other", "forced_marriage", "organ_removal"} <= set(
        result["exploitation"]["counts"])
    assert result["citizenship"] == {"MNG": 4, "CHN": 1, "KOR": 1}
    assert {"citizenship": "MNG", "exploitation": "CHN", "count": 3} in result["flows"]
    assert result["breakdowns"]["contributor"]["counts"] == {"ngo-a": 4, "ngo-b": 3}


def test_filters_narrow_every_figure(dataset, capsys):
    args = ["stats", "--json", "--year-from", "2019", "--year-to", "2019", "--citizenship", "MN", "--sex", "female",
            "--form", "sexual_exploitation", "--exploitation-country", "CHN"]
    assert main(args) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["records"] == 1
    assert result["filters"]["citizenship"] == "MNG"
    assert result["flows"] == [{"citizenship": "MNG", "exploitation": "CHN", "count": 1}]


def test_text_report_states_denominators(dataset, capsys):
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert "Records: 7" in out
    assert "denominator 5 (records with at least one category = yes); missing 2 of 7" in out
    assert "shares may add up to more than 100 %" in out
    assert "Mongolia" in out


@pytest.mark.parametrize(("args", "message"), [
    (["--sex", "woman"], "unknown sex 'woman'"),
    (["--year-from", "soon"], "year from must be a year such as 2019"),
    (["--citizenship", "Narnia"], "unknown country 'Narnia' for citizenship"),
])
def test_bad_filters_exit_2_with_a_message(dataset, capsys, args, message):
    assert main(["stats", "--json", *args]) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert captured.out == ""


def test_missing_dataset_is_reported(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CTIP_HOME", str(tmp_path))
    monkeypatch.delenv("CTIP_DATASET", raising=False)
    assert main(["stats"]) == 2
    assert "no collaborative dataset" in capsys.readouterr().err


def test_sdg_prints_rates_as_csv(dataset, capsys):
    assert main(["stats", "sdg", "--csv", "--exploitation-country", "MNG"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "country,year,sex,age_group,form,victims,population,per_100k"
    total = next(line for line in lines if line.startswith("MNG,2019,all,all,all,"))
    victims, population, rate = total.split(",")[5:]
    assert victims == "1" and int(population) > 3_000_000 and 0 < float(rate) < 0.1


def test_population_load_and_show(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CTIP_HOME", str(tmp_path))
    source = tmp_path / "new.csv"
    source.write_text("iso3,year,sex,age_group,population\nMNG,2025,female,0-17,600000\n")
    assert main(["stats", "population", "load", str(source), "--source", "NSO Mongolia, estimates 2025"]) == 0
    assert "population table installed: 1 rows" in capsys.readouterr().out
    assert main(["stats", "population", "show"]) == 0
    shown = capsys.readouterr().out
    assert str(tmp_path / "population") in shown and "NSO Mongolia, estimates 2025" in shown
    source.write_text("iso3,year,sex,age_group,population\nMNG,2025,female,kids,600000\n")
    assert main(["stats", "population", "load", str(source), "--source", "NSO Mongolia, estimates 2025"]) == 2
    assert "row 2, column age_group: 'kids'" in capsys.readouterr().err


def test_sdg_table_shows_all_forms_together(dataset, capsys):
    assert main(["stats", "sdg", "--exploitation-country", "MNG"]) == 0
    out = capsys.readouterr().out
    assert "per_100k" in out and "sexual_exploitation" not in out
    assert "by form: ctip stats sdg --csv" in out


def test_sdg_table_cites_the_population_it_divides_by(dataset, capsys):
    assert main(["stats", "sdg"]) == 0
    assert "Population: United Nations, Department of Economic and Social Affairs, Population Division (2019). " \
           "World Population Prospects 2019" in capsys.readouterr().out


def test_sdg_table_of_one_form_shows_that_form(dataset, capsys):
    assert main(["stats", "sdg", "--exploitation-country", "MNG", "--form", "sexual_exploitation"]) == 0
    out = capsys.readouterr().out
    assert "MNG" in out and "form sexual_exploitation" in out


def test_sdg_refuses_a_sex_without_population(dataset, capsys):
    assert main(["stats", "sdg", "--sex", "unknown"]) == 2
    captured = capsys.readouterr()
    assert "SDG 16.2.2 has rates for female and male victims only" in captured.err and captured.out == ""
