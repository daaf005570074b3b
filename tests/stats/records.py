"""A small hand-built dataset (dataset-schema columns) whose every figure is known by hand.

    #  gender  majority  age    cit  expl  year  contrib  months  exploitation            means / sectors / recruiter
    1  female  minor     30-38  MNG  CHN   2019  ngo-a    0-12    forced_labour + sexual  debt_bondage; construction; family
    2  female  NULL      9-17   MNG  MNG   2019  ngo-a    NULL    sexual                  means_group_threats; friend
    3  male    adult     NULL   CHN  CHN   2020  ngo-b    13-24   child_labour            all FALSE; agriculture + mining
    4  male    NULL      NULL   NULL KOR   2020  ngo-b    NULL    all FALSE               NULL
    5  NULL    NULL      48+    KOR  NULL  2021  ngo-a    25+     NULL                    NULL
    6  transg. adult     21-23  MNG  CHN   NULL  ngo-b    0-12    sex_and_labour + other  physical_abuse + sexual_abuse
    7  female  adult     0-8    MNG  CHN   2021  ngo-a    NULL    forced_military         takes_earnings
"""

from __future__ import annotations

import polars as pl

from ctip.stats import Indicators

ROWS = [
    dict(gender="female", majority_status="minor", age_band="30-38", citizenship="MNG",
         country_of_exploitation="CHN", year_of_registration=2019, contributor="ngo-a", traffick_months="0-12",
         exploit_forced_labour=True, exploit_sexual_exploitation=True, means_debt_bondage=True,
         sector_construction=True, recruiter_family=True),
    dict(gender="female", age_band="9-17", citizenship="MNG", country_of_exploitation="MNG",
         year_of_registration=2019, contributor="ngo-a", exploit_sexual_exploitation=True,
         exploit_forced_labour=False, means_group_threats=True, recruiter_friend=True),
    dict(gender="male", majority_status="adult", citizenship="CHN", country_of_exploitation="CHN",
         year_of_registration=2020, contributor="ngo-b", traffick_months="13-24", exploit_child_labour=True,
         means_debt_bondage=False, means_threats=False, sector_agriculture=True, sector_mining_or_drilling=True),
    dict(gender="male", country_of_exploitation="KOR", year_of_registration=2020, contributor="ngo-b",
         exploit_forced_labour=False, exploit_sexual_exploitation=False, exploit_other=False),
    dict(age_band="48+", citizenship="KOR", year_of_registration=2021, contributor="ngo-a", traffick_months="25+"),
    dict(gender="transgender_nonconforming", majority_status="adult", age_band="21-23", citizenship="MNG",
         country_of_exploitation="CHN", contributor="ngo-b", traffick_months="0-12",
         exploit_sex_and_labour=True, exploit_other=True, means_physical_abuse=True, means_sexual_abuse=True),
    dict(gender="female", majority_status="adult", age_band="0-8", citizenship="MNG", country_of_exploitation="CHN",
         year_of_registration=2021, contributor="ngo-a", exploit_forced_military=True, means_takes_earnings=True),
]

SCHEMA = {"year_of_registration": pl.Int16}

# A release's published tables (aggregates.csv: CTDC v2024 names and spellings, protected counts).
AGGREGATES = """attributes,values,count
gender,Woman,40
gender,Man,20
gender,Trans/Transgender/NonConforming,11
ageBroad,09--17,15
ageBroad,24--26,35
ageBroad,48+,12
yearOfRegistration,2021,30
yearOfRegistration,2020,25
citizenship,MNG,30
citizenship,CHN,25
citizenship,KOR,5
CountryOfExploitation,MNG,33
CountryOfExploitation,CHN,24
traffickMonths,25+ (2+ yrs),14
isForcedLabour,1,22
isSexualExploit,1,33
isOtherExploit,1,12
meansThreats,1,13
typeOfLabourAgriculture,1,11
recruiterRelationFriend,1,16
gender;ageBroad,Woman;09--17,10
gender;ageBroad,Woman;24--26,20
gender;ageBroad,Man;24--26,12
gender;ageBroad,Man;09--17,3
gender;ageBroad,Trans/Transgender/NonConforming;48+,11
citizenship;CountryOfExploitation,MNG;MNG,20
citizenship;CountryOfExploitation,CHN;MNG,12
citizenship;CountryOfExploitation,CHN;CHN,11
"""



def frame() -> pl.DataFrame:
    columns = sorted({k for row in ROWS for k in row})
    data = {c: [row.get(c) for row in ROWS] for c in columns}
    return pl.DataFrame(data, schema_overrides=SCHEMA)


def indicators() -> Indicators:
    return Indicators.from_frame(frame())


def write_dataset(path) -> None:
    """Store the records in a collaborative dataset file through the store, one batch per contributor."""
    import hashlib

    from ctip.dataset.store import Dataset

    store = Dataset(path)
    data = frame()
    for contributor in sorted(set(data["contributor"])):
        part = data.filter(pl.col("contributor") == contributor).drop("contributor")
        store.import_frame(part, contributor=contributor, source_format="ctdc2017",
                           source_sha256=hashlib.sha256(contributor.encode()).hexdigest(),
                           source_name="tests/stats/records.py")
