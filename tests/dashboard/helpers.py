"""Building dashboards' inputs for tests: a dataset file and release folders (the registry's contract)."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from ctip.exchange.ctdc import to_ctdc2024


def release_frame(n_mng: int, n_chn: int, n_kor: int = 0) -> pl.DataFrame:
    """Women from Mongolia, men from China and girls from Korea, all exploited in their own country."""
    rows = ([{"gender": "female", "age_band": "24-26", "citizenship": "MNG", "country_of_exploitation": "MNG",
              "year_of_registration": 2021, "exploit_sexual_exploitation": True}] * n_mng
            + [{"gender": "male", "age_band": "30-38", "citizenship": "CHN", "country_of_exploitation": "CHN",
                "year_of_registration": 2022, "exploit_forced_labour": True}] * n_chn
            + [{"gender": "female", "age_band": "9-17", "citizenship": "KOR", "country_of_exploitation": "KOR",
                "year_of_registration": 2022, "exploit_forced_labour": True}] * n_kor)
    return pl.DataFrame(rows, schema_overrides={"year_of_registration": pl.Int16})


def make_release(root: Path, release_id: str, frame: pl.DataFrame | None, *, published: bool,
                 aggregates: str | None = None) -> Path:
    """A release folder with a manifest, CTDC v2024 ``records.csv`` (unless ``frame`` is None) and
    ``aggregates.csv`` (when given), published or only created."""
    path = root / release_id
    path.mkdir(parents=True)
    stamp = "2026-11-01T00:00:00+00:00"
    manifest = {"id": release_id, "method": "kanon", "parameters": {"k": 11}, "epsilon": None, "delta": None,
                "seed": 1, "created_at": stamp, "dataset_version": "test",
                "approved_by": "supervisor" if published else None, "approved_at": stamp if published else None,
                "published_at": stamp if published else None}
    (path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    if frame is not None:
        to_ctdc2024(frame).write_csv(path / "records.csv")
    if aggregates is not None:
        (path / "aggregates.csv").write_text(aggregates, encoding="utf-8")
    return path
