"""anonymeter's three risks for one synthetic set (run with bench/.peers/anonymeter/bin/python).

    python bench/peers/run_anonymeter.py TRAIN.csv CONTROL.csv SYNTH.csv N_ATTACKS SECRET

Prints one JSON line: singling-out (multivariate), linkability and inference (on SECRET) risks.
"""

from __future__ import annotations

import json
import sys

import pandas as pd
from anonymeter.evaluators import InferenceEvaluator, LinkabilityEvaluator, SinglingOutEvaluator


def read(path: str) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False).replace("", "NULL")


def main() -> None:
    train, control, synth = (read(p) for p in sys.argv[1:4])
    n_attacks, secret = int(sys.argv[4]), sys.argv[5]
    cols = list(train.columns)
    out = {}
    so = SinglingOutEvaluator(ori=train, syn=synth, control=control, n_attacks=n_attacks, n_cols=3)
    so.evaluate(mode="multivariate")
    out["singling_out"] = round(so.risk().value, 4)
    half = len(cols) // 2
    link = LinkabilityEvaluator(ori=train, syn=synth, control=control, n_attacks=n_attacks,
                                aux_cols=(cols[:half], cols[half:]), n_neighbors=1)
    link.evaluate(n_jobs=2)
    out["linkability"] = round(link.risk().value, 4)
    inf = InferenceEvaluator(ori=train, syn=synth, control=control, aux_cols=[c for c in cols if c != secret],
                             secret=secret, n_attacks=n_attacks)
    inf.evaluate(n_jobs=2)
    out["inference"] = round(inf.risk().value, 4)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
