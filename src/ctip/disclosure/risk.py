"""Privacy risks of synthetic records: anonymeter's three attacks (Giomi et al., PETS 2023), in ctip.

Each attack is run against the training records and, as a control, against held-out records of the
same population that the synthesiser never saw (as many as the training records). The risk is the
attack's success on training records beyond its success on the control: (train - control) / (1 - control),
floored at 0. 0 means the synthetic data teaches nothing about the people it came from in particular.
Each risk comes with a 95 % confidence interval (``ci``), computed as anonymeter does: Wilson score
intervals of both success rates, propagated to the risk and clipped to [0, 1].

- singling out: predicates (value combinations on 1-5 columns) unique in the synthetic data; success
  when one isolates exactly one record. When the synthetic records hold fewer than ``MIN_PREDICATES``
  unique combinations (as after ctip's rare-pair removal), a rate over so few attacks means nothing either
  way: the risk is reported as None ("not assessable") with the number found;
- linkability: the columns are split in two halves held by two parties; success when the nearest
  synthetic neighbour (Hamming distance) of a target on one half is also its nearest on the other;
- inference: an attacker knowing every column but a secret one guesses it from the nearest synthetic
  neighbour; success when the guess is right.

The attacks mirror anonymeter 1.1's evaluators; ``bench/disclosure.py`` runs anonymeter itself on the same
data for comparison (it needs numpy < 1.27, so it cannot be a runtime dependency).
"""

from __future__ import annotations

from math import sqrt
from statistics import NormalDist

import numpy as np
import polars as pl

from ctip.disclosure.table import Encoding

MIN_PREDICATES = 20  # fewer unique predicates than this: the singling-out rate is not assessable
CONFIDENCE = 0.95  # level of the risk's confidence interval


def _risk(train_rate: float, control_rate: float) -> float:
    if control_rate >= 1.0:
        return 0.0
    return max(0.0, (train_rate - control_rate) / (1.0 - control_rate))


def _wilson(rate: float, n: int, z: float) -> tuple[float, float]:
    """Wilson score estimate of a success rate over ``n`` attacks, and its error bound."""
    success = rate * n
    denominator = n + z * z
    centre = (success + 0.5 * z * z) / denominator
    return centre, z / denominator * sqrt(success * (n - success) / n + 0.25 * z * z)


def _risk_interval(train_rate: float, n_train: int, control_rate: float, n_control: int) -> list[float]:
    """The risk's confidence interval as anonymeter 1.1 computes it (``stats.confidence``): Wilson estimates
    of both rates, their errors propagated to (train - control) / (1 - control), clipped to [0, 1]."""
    z = NormalDist().inv_cdf(0.5 * (1 + CONFIDENCE))
    (a, da), (c, dc) = _wilson(train_rate, n_train, z), _wilson(control_rate, n_control, z)
    residual = (a - c) / (1 - c)
    error = sqrt((da / abs(1 - c)) ** 2 + (dc * (a - 1) / (1 - c) ** 2) ** 2)
    return [round(min(max(residual - error, 0.0), 1.0), 4), round(min(max(residual + error, 0.0), 1.0), 4)]


def _result(attacks: int, train_rate: float, n_train: int, control_rate: float, n_control: int) -> dict:
    return {"attacks": attacks, "train_rate": round(train_rate, 4), "control_rate": round(control_rate, 4),
            "risk": round(_risk(train_rate, control_rate), 4),
            "ci": _risk_interval(train_rate, n_train, control_rate, n_control)}


def _nearest(targets: np.ndarray, pool: np.ndarray, chunk: int = 64) -> np.ndarray:
    """Index of the nearest pool row (Hamming distance; first on ties) for each target row."""
    out = np.empty(targets.shape[0], dtype=np.int64)
    for start in range(0, targets.shape[0], chunk):
        block = targets[start:start + chunk]
        dist = (block[:, None, :] != pool[None, :, :]).sum(axis=2)
        out[start:start + chunk] = dist.argmin(axis=1)
    return out


def _encode(train: pl.DataFrame, control: pl.DataFrame, synth: pl.DataFrame):
    cols = list(train.columns)
    frames = [f.select([pl.col(c).cast(pl.Utf8) for c in cols]) for f in (train, control, synth)]
    enc = Encoding.fit(*frames)
    return [enc.encode(f) for f in frames]


def singling_out(train: np.ndarray, control: np.ndarray, synth: np.ndarray, rng: np.random.Generator,
                 n_attacks: int) -> dict:
    preds = []
    d = synth.shape[1]
    for _ in range(n_attacks * 20):
        if len(preds) >= n_attacks:
            break
        row = synth[rng.integers(synth.shape[0])]
        cols = rng.choice(d, size=int(rng.integers(1, 6)), replace=False)
        if int((synth[:, cols] == row[cols]).all(axis=1).sum()) == 1:
            preds.append((cols, row[cols]))
    if len(preds) < MIN_PREDICATES:
        return {"attacks": len(preds), "train_rate": None, "control_rate": None, "risk": None,
                "note": f"not assessable: only {len(preds)} value combinations are unique in the synthetic records "
                        f"(at least {MIN_PREDICATES} are needed for a meaningful rate)"}

    def rate(data: np.ndarray) -> float:
        return float(np.mean([int((data[:, c] == v).all(axis=1).sum()) == 1 for c, v in preds]))

    return _result(len(preds), rate(train), len(preds), rate(control), len(preds))


def linkability(train: np.ndarray, control: np.ndarray, synth: np.ndarray, rng: np.random.Generator,
                n_attacks: int) -> dict:
    d = synth.shape[1]
    perm = rng.permutation(d)
    left, right = perm[: d // 2], perm[d // 2:]

    def rate(data: np.ndarray) -> float:
        rows = data[rng.choice(data.shape[0], size=min(n_attacks, data.shape[0]), replace=False)]
        return float(np.mean(_nearest(rows[:, left], synth[:, left]) == _nearest(rows[:, right], synth[:, right])))

    return _result(n_attacks, rate(train), min(n_attacks, train.shape[0]), rate(control),
                   min(n_attacks, control.shape[0]))


def inference(train: np.ndarray, control: np.ndarray, synth: np.ndarray, rng: np.random.Generator,
              n_attacks: int, secret: int) -> dict:
    aux = [j for j in range(synth.shape[1]) if j != secret]

    def rate(data: np.ndarray) -> float:
        rows = data[rng.choice(data.shape[0], size=min(n_attacks, data.shape[0]), replace=False)]
        guess = synth[_nearest(rows[:, aux], synth[:, aux]), secret]
        return float(np.mean(guess == rows[:, secret]))

    return _result(n_attacks, rate(train), min(n_attacks, train.shape[0]), rate(control),
                   min(n_attacks, control.shape[0]))


def risk_report(train: pl.DataFrame, control: pl.DataFrame, synth: pl.DataFrame, *, n_attacks: int = 300,
                secrets: list[str] | None = None, max_synthetic: int = 20_000, seed: int = 0) -> dict:
    """Singling-out, linkability and inference risks (each in [0, 1]; singling out None when not
    assessable) of ``synth`` for ``train``."""
    rng = np.random.default_rng(seed)
    if synth.height > max_synthetic:
        synth = synth.sample(max_synthetic, seed=seed)
    tr, co, sy = _encode(train, control, synth)
    cols = list(train.columns)
    secrets = secrets or [c for c in ("citizenship", "CountryOfExploitation", "gender") if c in cols] or cols[:1]
    inf = {s: inference(tr, co, sy, rng, n_attacks, cols.index(s)) for s in secrets}
    return {
        "method": "anonymeter-style attacks implemented in ctip.disclosure.risk",
        "training_records": train.height, "control_records": control.height,
        "singling_out": singling_out(tr, co, sy, rng, n_attacks),
        "linkability": linkability(tr, co, sy, rng, n_attacks),
        "inference": inf,
        "max_inference_risk": max((v["risk"] for v in inf.values()), default=0.0),
    }
