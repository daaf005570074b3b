"""Every new release explains itself in English (``README.md``) and Mongolian (``README.mn.md``): the method in
plain words, its privacy parameters, the date, the records, the public files, percentages and the citation;
never the seed, and never an internal file offered as if it were public."""

from __future__ import annotations

import json
import re

import polars as pl
import pytest

from ctip.disclosure import readme
from ctip.disclosure.release import Request, create_release
from ctip.disclosure.simulate import make_ctdc_like

SEED = 918273645
CYRILLIC_WORD = re.compile(r"[А-Яа-яӨөҮүЁё]{3,}")
REQUESTS = {
    "kanon": Request(method="kanon", k=5, seed=SEED),
    "aggregates-k": Request(method="aggregates-k", k=5, columns=("gender", "citizenship")),
    "aggregates-dp": Request(method="aggregates-dp", epsilon=0.5, delta=1e-9, seed=SEED,
                             columns=("gender", "citizenship")),
    "synthetic": Request(method="synthetic", epsilon=1.0, delta=1e-9, seed=SEED),
}
MONGOLIAN_METHODS = {"kanon": "k-нэргүйжүүлсэн бичил өгөгдөл", "aggregates-k": "хамгаалсан тооны хүснэгт",
                     "aggregates-dp": "дифференциал нууцлалтай тооны хүснэгт",
                     "synthetic": "дифференциал нууцлалтай синтетик бүртгэл"}


@pytest.fixture(scope="module")
def frame() -> pl.DataFrame:
    return make_ctdc_like(600, seed=8)


def written(frame, method: str):
    info = create_release(frame, REQUESTS[method], f"{method}-1")
    manifest = json.loads((info.path / "manifest.json").read_text(encoding="utf-8"))
    return info, manifest, (info.path / "README.md").read_text("utf-8"), (info.path / "README.mn.md").read_text("utf-8")


@pytest.mark.parametrize("method", list(REQUESTS))
def test_mongolian_readme_names_the_method_privacy_and_citation(home, frame, method):
    _, manifest, english, mongolian = written(frame, method)
    assert mongolian.startswith(f"# Нийтлэл {method}-1\n")
    assert MONGOLIAN_METHODS[method] in mongolian
    assert readme.citation(manifest, "mn") in mongolian
    assert "Эх сурвалж: ctip хамтын өгөгдлийн сан" in mongolian
    assert readme.citation(manifest, "en") in english
    if method in ("aggregates-dp", "synthetic"):
        epsilon = f"ε = {manifest['epsilon']:g}, δ = 1e-09"
        assert f"{epsilon} (дифференциал нууцлал)" in mongolian and "ε (эпсилон) нь" in mongolian
        assert f"{epsilon} (differential privacy)" in english and "ε (epsilon) bounds" in english
    else:
        assert "k = 5 (" in mongolian and "k = 5 (" in english
        assert "ε" not in english + mongolian
    # the same sections, in real Mongolian
    assert english.count("\n## ") == mongolian.count("\n## ") == 3
    prose = re.sub(r"`[^`]*`", "", mongolian)
    assert len(CYRILLIC_WORD.findall(prose)) > 5 * len(re.findall(r"\b[A-Za-z]{3,}\b", prose))


@pytest.mark.parametrize("method", list(REQUESTS))
def test_readmes_offer_only_public_files_and_never_the_seed(home, frame, method):
    info, manifest, english, mongolian = written(frame, method)
    for text in (english, mongolian):
        assert str(SEED) not in text
        offered = set(re.findall(r"^- `([^`]+)`", text, flags=re.MULTILINE))
        assert offered == {p.name for p in info.path.iterdir()} & set(readme.PUBLIC_FILES)
        for internal in ("report.json", "report.html", "manifest.json"):
            assert internal not in text
    assert "quality and risk report is internal" in english
    assert "чанар ба эрсдэлийн тайлан дотоод хэрэгцээнд" in mongolian
    records = "none: tables of counts only" if manifest["records"] is None else str(manifest["records"])
    assert f"- Records: {records}\n" in english


def test_readme_is_written_in_the_language_asked(home, frame):
    from ctip.disclosure.release import render_readme

    _, manifest, english, mongolian = written(frame, "aggregates-k")
    assert render_readme(manifest) == english and render_readme(manifest, "mn") == mongolian
    assert readme.summary(manifest, "mn")["method_name"] == MONGOLIAN_METHODS["aggregates-k"]
    assert readme.method_name("future-method", "mn") == "future-method"  # unknown codes stay readable
