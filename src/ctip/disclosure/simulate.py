"""A generator of CTDC-like victim records in CTDC v2024 columns, for tests, benchmarks and demos.

The records are invented: a latent "profile" (labour / sexual / other exploitation, hotline or case
management) drives gender, age, citizenship, destination, means of control, sectors and recruiter,
so the table has the correlated, sparse, heavy-tailed structure of the real Global Synthetic Dataset
(27 variables; binary fields written "1" or empty; 85-99 % of the means of control empty).
"""

from __future__ import annotations

import numpy as np
import polars as pl

AGE_BANDS = ["0--8", "09--17", "18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+"]
MONTHS = ["0--12 (0-1 yr)", "13--24 (1-2 yrs)", "25+ (2+ yrs)"]
GENDERS = ["Woman", "Man", "Trans/Transgender/NonConforming"]
MEANS = ["meansDebtBondageEarnings", "meansThreats", "meansAbusePsyPhySex", "meansFalsePromises",
         "meansDrugsAlcohol", "meansDenyBasicNeeds", "meansExcessiveWorkHours", "meansWithholdDocs"]
EXPLOIT = ["isForcedLabour", "isSexualExploit", "isOtherExploit"]
LABOUR = ["typeOfLabourAgriculture", "typeOfLabourConstruction", "typeOfLabourDomesticWork",
          "typeOfLabourHospitality"]
SEX = ["typeOfSexProstitution", "typeOfSexPornography"]
RECRUITER = ["recruiterRelationIntimatePartner", "recruiterRelationFriend", "recruiterRelationFamily",
             "recruiterRelationOther"]
CTDC2024_COLUMNS = (["yearOfRegistration", "gender", "ageBroad", "citizenship", "CountryOfExploitation",
                     "traffickMonths"] + MEANS + EXPLOIT + LABOUR + SEX + RECRUITER)
_COUNTRIES = ["PHL", "UKR", "MDA", "USA", "IDN", "KHM", "MMR", "BLR", "NGA", "ROU", "THA", "VNM", "MNG",
              "CHN", "HTI", "UZB", "NPL", "BGD", "IND", "GHA", "KGZ", "ETH", "ERI", "SLE", "MEX", "HND",
              "GTM", "SLV", "BOL", "COL", "VEN", "AFG", "KAZ", "LAO", "LKA", "PAK", "KEN", "UGA", "TZA",
              "SEN", "MLI", "NER", "BFA", "CIV", "CMR", "COD", "SDN", "SOM", "YEM", "EGY", "MAR", "TUN",
              "LBY", "ALB", "SRB", "BIH", "MKD", "BGR", "HUN", "POL", "SVK", "CZE", "LTU", "LVA", "EST",
              "GEO", "ARM", "AZE", "TJK", "TKM", "RUS", "TUR", "IRN", "IRQ", "SYR", "JOR", "LBN", "SAU",
              "ARE", "QAT", "KWT", "OMN", "BHR", "MYS", "SGP", "BRN", "TLS", "PNG", "FJI", "AUS", "NZL",
              "JPN", "KOR", "PRK", "TWN", "HKG", "MAC", "BRA", "ARG", "PER", "ECU", "PRY", "URY", "CHL",
              "CUB", "DOM", "JAM", "TTO", "GUY", "SUR", "NIC", "CRI", "PAN", "BLZ", "CAN", "GBR", "IRL",
              "FRA", "DEU", "ITA", "ESP", "PRT", "NLD", "BEL", "CHE", "AUT", "GRC", "CYP", "MLT", "ISR",
              "ZAF", "ZWE", "ZMB", "MOZ", "MWI", "AGO", "NAM", "BWA", "LSO", "SWZ", "MDG", "MUS", "RWA",
              "BDI", "TCD", "CAF", "GAB", "COG", "GNQ", "BEN", "TGO", "LBR", "GIN", "GMB", "MRT", "DZA"]


def _zipf(rng: np.random.Generator, n: int, k: int, a: float, shift: int = 0) -> np.ndarray:
    weights = 1.0 / np.arange(1, k + 1) ** a
    weights = np.roll(weights, shift)
    return rng.choice(k, size=n, p=weights / weights.sum())


def make_ctdc_like(n: int, *, seed: int = 0) -> pl.DataFrame:
    """``n`` invented records in the 27 CTDC v2024 columns (all strings; NULL for empty).

    >>> frame = make_ctdc_like(1000, seed=1)
    >>> frame.shape
    (1000, 27)
    """
    rng = np.random.default_rng(seed)
    profile = rng.choice(4, size=n, p=[0.42, 0.38, 0.12, 0.08])  # labour, sexual, other, unknown
    hotline = rng.random(n) < np.where(profile == 1, 0.45, 0.25)
    cols: dict[str, np.ndarray] = {}
    year = 2002 + np.minimum(20, rng.binomial(20, np.where(hotline, 0.8, 0.6)))
    cols["yearOfRegistration"] = year.astype(str).astype(object)
    gp = np.where(profile[:, None] == 1, [0.85, 0.13, 0.02], [0.35, 0.645, 0.005])
    gender = (rng.random(n)[:, None] > gp.cumsum(1)).sum(1)
    cols["gender"] = np.where(rng.random(n) < 0.03, None, np.array(GENDERS, dtype=object)[np.minimum(gender, 2)])
    age_centre = np.where(profile == 1, 3.2, np.where(profile == 0, 5.5, 4.0)) + np.where(gender == 0, -0.4, 0.3)
    age = np.clip(np.rint(rng.normal(age_centre, 1.6)), 0, 8).astype(int)
    cols["ageBroad"] = np.where(rng.random(n) < np.where(hotline, 0.45, 0.1), None,
                                np.array(AGE_BANDS, dtype=object)[age])
    k = len(_COUNTRIES)
    cit = _zipf(rng, n, k, 1.15)
    cit = np.where(hotline, rng.choice([3, 3, 3, 0, 12, 13, 14], size=n), cit)
    domestic = rng.random(n) < np.where(hotline, 0.7, 0.35)
    dest = np.where(domestic, cit, (cit + 1 + _zipf(rng, n, 40, 1.0)) % k)
    countries = np.array(_COUNTRIES, dtype=object)
    cols["citizenship"] = np.where(rng.random(n) < 0.04, None, countries[cit])
    cols["CountryOfExploitation"] = np.where(rng.random(n) < 0.08, None, countries[dest])
    months = np.clip(rng.poisson(np.where(profile == 0, 0.9, 0.5)), 0, 2)
    cols["traffickMonths"] = np.where(rng.random(n) < 0.8, None, np.array(MONTHS, dtype=object)[months])
    informed = rng.random(n) < np.where(hotline, 0.35, 0.08)
    means_p = {0: [0.5, 0.3, 0.25, 0.35, 0.05, 0.3, 0.4, 0.35], 1: [0.3, 0.45, 0.5, 0.4, 0.3, 0.2, 0.1, 0.2],
               2: [0.2, 0.4, 0.3, 0.3, 0.15, 0.2, 0.1, 0.1], 3: [0.2, 0.3, 0.3, 0.3, 0.1, 0.1, 0.1, 0.1]}
    intensity = rng.random(n) < 0.4
    for j, name in enumerate(MEANS):
        p = np.array([means_p[int(c)][j] for c in range(4)])[profile]
        p = np.where(intensity, np.minimum(1, p * 1.8), p * 0.6)
        cols[name] = np.where(informed & (rng.random(n) < p), "1", None)
    known = profile < 3
    both = known & (rng.random(n) < 0.04)
    cols["isForcedLabour"] = np.where(known & ((profile == 0) | (both & (profile == 1))), "1", None)
    cols["isSexualExploit"] = np.where(known & ((profile == 1) | (both & (profile == 0))), "1", None)
    cols["isOtherExploit"] = np.where(profile == 2, "1", None)
    sector = rng.choice(5, size=n, p=[0.25, 0.2, 0.3, 0.15, 0.1])
    sector = np.where(gender == 0, np.where(rng.random(n) < 0.6, 2, sector), sector)
    has_sector = (profile == 0) & (rng.random(n) < 0.55)
    for j, name in enumerate(LABOUR):
        cols[name] = np.where(has_sector & (sector == j), "1", None)
    has_sex = (profile == 1) & (rng.random(n) < 0.5)
    porn = rng.random(n) < np.where(age <= 1, 0.35, 0.12)
    cols["typeOfSexProstitution"] = np.where(has_sex & (~porn | (rng.random(n) < 0.3)), "1", None)
    cols["typeOfSexPornography"] = np.where(has_sex & porn, "1", None)
    rec = rng.choice(4, size=n, p=[0.2, 0.35, 0.25, 0.2])
    rec = np.where(age <= 1, np.where(rng.random(n) < 0.6, 2, rec), rec)
    has_rec = rng.random(n) < np.where(profile == 1, 0.35, 0.15)
    for j, name in enumerate(RECRUITER):
        cols[name] = np.where(has_rec & (rec == j), "1", None)
    return pl.DataFrame({c: pl.Series(c, cols[c].tolist(), dtype=pl.Utf8) for c in CTDC2024_COLUMNS})
