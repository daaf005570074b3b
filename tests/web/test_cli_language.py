"""``CTIP_LANGUAGE=mn`` (or a Mongolian ``LANG``/``LANGUAGE``): ``ctip`` prints its catalogued messages in
Mongolian; without it, in English."""

from __future__ import annotations

import pytest

from ctip.cli import language, main
from ctip.disclosure.simulate import make_ctdc_like
from tests.dataset import files
from tests.exchange.bad_files import BAD_FILES

LANGUAGE_VARIABLES = ("CTIP_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("CTIP_HOME", str(tmp_path))
    for name in LANGUAGE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return tmp_path


@pytest.fixture
def bad_rows(tmp_path):
    header, rows = files.fixture_rows()
    rows[6]["gender"] = "Mael"
    return files.write(tmp_path / "bad.csv", header, rows)


@pytest.mark.parametrize(("environ", "expected"), [
    ({}, "en"),
    ({"CTIP_LANGUAGE": "mn"}, "mn"),
    ({"LANG": "mn_MN.UTF-8"}, "mn"),
    ({"LANGUAGE": "mn:en", "LANG": "en_GB.UTF-8"}, "mn"),
    ({"LANGUAGE": "en", "LANG": "mn_MN.UTF-8"}, "en"),
    ({"CTIP_LANGUAGE": "en", "LANG": "mn_MN.UTF-8"}, "en"),
    ({"LC_ALL": "C.UTF-8"}, "en"),
])
def test_the_language_comes_from_ctip_language_then_the_locale(environ, expected):
    assert language.requested(environ) == expected


def test_a_bad_file_import_prints_its_problems_in_mongolian(home, bad_rows, monkeypatch, capsys):
    monkeypatch.setenv("CTIP_LANGUAGE", "mn")
    assert main(["dataset", "import", str(bad_rows)]) == 2
    err = capsys.readouterr().err
    assert ("ctip dataset: bad.csv: 500 мөрийн 1 нь алдаатай (1 алдаа); юу ч импортлоогүй. Файлаа засах, эсвэл "
            "хүчинтэй мөрүүдийг импортлохын тулд --skip-invalid хэрэглэнэ үү") in err
    assert ("7-р мөр, gender багана: 'Mael'; хүлээгдэж буй утга: дараахын аль нэг: Female, Male, "
            "Transgender/NonConforming, Unknown (мэдээлэлгүй бол хоосон)") in err
    assert "expected" not in err and "row 7" not in err


def test_a_bad_file_import_prints_english_without_the_setting(home, bad_rows, capsys):
    assert main(["dataset", "import", str(bad_rows)]) == 2
    err = capsys.readouterr().err
    assert "bad.csv: 1 of 500 rows invalid (1 problem(s)); nothing imported." in err
    assert ("row 7, column gender: 'Mael'; expected one of Female, Male, Transgender/NonConforming, Unknown "
            "(or empty for missing)") in err


@pytest.mark.parametrize(("setting", "expected"), [
    ({"LANG": "mn_MN.UTF-8"}, "protected.xlsx: Excel файл нууц үгээр хамгаалагдсан (шифрлэгдсэн) тул уншиж чадсангүй"),
    ({}, "protected.xlsx: the Excel workbook is protected by a password (encrypted), so it cannot be read"),
])
def test_an_unreadable_file_is_refused_in_the_chosen_language(home, tmp_path, monkeypatch, capsys, setting, expected):
    for name, value in setting.items():
        monkeypatch.setenv(name, value)
    protected = BAD_FILES["xlsx_encrypted"].make(tmp_path)
    assert main(["dataset", "import", str(protected)]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(f"ctip dataset: {expected}") and captured.out == ""


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "in.csv"
    make_ctdc_like(300, seed=2).write_csv(path)
    return path


def test_a_refused_release_is_explained_in_mongolian(home, source, monkeypatch, capsys):
    monkeypatch.setenv("CTIP_LANGUAGE", "mn")
    assert main(["release", "kanon", "--k", "5", "--input", str(source), "q1"]) == 0
    capsys.readouterr()
    assert main(["release", "kanon", "--k", "5", "--input", str(source), "q1"]) == 2
    assert capsys.readouterr().err == "ctip release: q1 нийтлэл аль хэдийн байна; өөр дугаар сонгоно уу.\n"
    assert main(["release", "synthetic", "--epsilon", "20", "--input", str(source), "q2"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ctip release: Татгалзлаа: энэ нийтлэлд ε = 20, δ = 1e-09 хэрэгтэй, гэтэл эдгээр "
                          "бүртгэлд нууцлалын төсвөөс зөвхөн ε = 10, δ = 1e-06 үлдсэн.")
    assert main(["release", "aggregates", "--epsilon", "-1", "--input", str(source), "q3"]) == 2
    assert capsys.readouterr().err == "ctip release: --epsilon нь 0-аас их тоо байх ёстой.\n"


def test_a_refused_release_is_explained_in_english_without_the_setting(home, source, capsys):
    assert main(["release", "kanon", "--k", "5", "--input", str(source), "q1"]) == 0
    capsys.readouterr()
    assert main(["release", "kanon", "--k", "5", "--input", str(source), "q1"]) == 2
    assert capsys.readouterr().err == "ctip release: release 'q1' exists already; choose another id\n"
    assert main(["release", "synthetic", "--epsilon", "20", "--input", str(source), "q2"]) == 2
    assert "refused: this release needs epsilon=20, delta=1e-09" in capsys.readouterr().err


@pytest.mark.parametrize(("setting", "expected"), [
    ("mn", ["posts.jsonl, 2-р мөр: JSON биш (1-р баганад утга байх ёстой)",
            "дэмжигдээгүй файлын төрөл '.exe'"]),
    ("en", ["posts.jsonl, line 2: not JSON (a value expected at column 1)", "unsupported file type '.exe'"]),
])
def test_osint_intake_problems_are_worded_in_the_chosen_language(home, tmp_path, monkeypatch, capsys, setting,
                                                                 expected):
    monkeypatch.setenv("CTIP_LANGUAGE", setting)
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "posts.jsonl").write_text('{"text": "work abroad, good pay"}\nnot json\n', encoding="utf-8")
    (posts / "tool.exe").write_bytes(b"MZ")
    assert main(["osint", "scan", str(posts), "--out", str(tmp_path / "out"), "--no-progress"]) == 0
    err = capsys.readouterr().err
    for text in expected:
        assert text in err
