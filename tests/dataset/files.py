"""Test files in every variant the importers must read, written from plain Python rows."""

from __future__ import annotations

import csv
from pathlib import Path

FIXTURE = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "ctdc_kanon_2017_sample500.csv"
TERMS = "Terms of use: cite the Counter Trafficking Data Collaborative (CTDC); never attempt to re-identify anyone"
CONCATENATED = ["meansOfControlConcatenated", "typeOfExploitConcatenated", "typeOfLabourConcatenated",
                "typeOfSexConcatenated"]
V2024_HEADER = ["yearOfRegistration", "gender", "ageBroad", "citizenship", "CountryOfExploitation", "traffickMonths",
                "meansDebtBondageEarnings", "meansThreats", "meansAbusePsyPhySex", "meansFalsePromises",
                "meansDrugsAlcohol", "meansDenyBasicNeeds", "meansExcessiveWorkHours", "meansWithholdDocs",
                "isForcedLabour", "isSexualExploit", "isOtherExploit", "typeOfLabourAgriculture",
                "typeOfLabourConstruction", "typeOfLabourDomesticWork", "typeOfLabourHospitality",
                "typeOfSexProstitution", "typeOfSexPornography", "recruiterRelationIntimatePartner",
                "recruiterRelationFriend", "recruiterRelationFamily", "recruiterRelationOther"]


def fixture_rows() -> tuple[list[str], list[dict[str, str]]]:
    with open(FIXTURE, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def write(path: Path, header: list[str], rows: list[dict[str, str]], delimiter: str = ",",
          encoding: str = "utf-8") -> Path:
    with open(path, "w", newline="", encoding=encoding) as fh:
        writer = csv.DictWriter(fh, fieldnames=header, delimiter=delimiter, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def ctdc2017_variant(path: Path, *, delimiter: str = ",", terms: bool = False, slavery: bool = False,
                     minus99: bool = False, concatenated: bool = False) -> Path:
    """The fixture rewritten as another copy in the wild would have it."""
    header, rows = fixture_rows()
    out = []
    for row in rows:
        row = dict(row)
        if minus99:
            row = {k: (v if v != "" else "-99") for k, v in row.items()}
        if slavery:
            row["isSlaveryAndPractices"] = "0" if row["isForcedLabour"] == "1" else ""
        if concatenated:
            row.update(concatenated_cells(row))
        if terms:
            row[TERMS] = ""
        out.append(row)
    if slavery:
        header = header[: header.index("isOrganRemoval") + 1] + ["isSlaveryAndPractices"] + \
            header[header.index("isOrganRemoval") + 1:]
    if concatenated:
        header = header + CONCATENATED
    if terms:
        header = [TERMS] + header
    return write(path, header, out, delimiter)


MEANS_LABELS = {"meansOfControlDebtBondage": "Debt bondage", "meansOfControlTakesEarnings": "Takes/Withholds Earnings",
                "meansOfControlThreats": "Threats to individual or others",
                "meansOfControlPsychologicalAbuse": "Psychological abuse",
                "meansOfControlPhysicalAbuse": "Physical abuse", "meansOfControlSexualAbuse": "Sexual abuse",
                "meansOfControlFalsePromises": "False promises/deception",
                "meansOfControlPsychoactiveSubstances": "Use of psychoactive substances",
                "meansOfControlRestrictsMovement": "Denied freedom of movement/kept in isolation",
                "meansOfControlRestrictsMedicalCare": "Limits/restricts medical services",
                "meansOfControlExcessiveWorkingHours": "Excessive working hours",
                "meansOfControlUsesChildren": "Restricts access to/manipulates children",
                "meansOfControlThreatOfLawEnforcement": "Threat of action by law enforcement",
                "meansOfControlWithholdsNecessities": "Withholds/denies basic necessities",
                "meansOfControlWithholdsDocuments": "Withholds/Destroys Important Documents",
                "meansOfControlOther": "Other", "meansOfControlNotSpecified": "Not Specified"}
EXPLOIT_LABELS = {"isForcedLabour": "Forced labour and/or services", "isSexualExploit": "Sexual exploitation",
                  "isOtherExploit": "Other"}
LABOUR_LABELS = {"typeOfLabourConstruction": "Construction", "typeOfLabourDomesticWork": "Domestic Work",
                 "typeOfLabourManufacturing": "Manufacturing/Factory work", "typeOfLabourOther": "Other",
                 "typeOfLabourNotSpecified": "Not Specified", "typeOfLabourAquafarming": "Aquafarming/Fishing",
                 "typeOfLabourBegging": "Begging", "typeOfLabourAgriculture": "Agriculture/Farms/Animal Husbandry",
                 "typeOfLabourHospitality": "Hospitality/Restaurant/Food Service/Hotel",
                 "typeOfLabourIllicitActivities": "Illicit Activities",
                 "typeOfLabourMiningOrDrilling": "Mining, Quarrying, Oil/Gas Extraction",
                 "typeOfLabourPeddling": "Peddling/informal street commerce",
                 "typeOfLabourTransportation": "Transportation"}
SEX_LABELS = {"typeOfSexProstitution": "Prostitution", "typeOfSexPornography": "Pornography",
              "typeOfSexRemoteInteractiveServices": "Remote interactive services",
              "typeOfSexPrivateSexualServices": "Private sexual services"}


def concatenated_cells(row: dict[str, str]) -> dict[str, str]:
    """The four *Concatenated cells as CTDC writes them: labels of the columns set to 1, ';'-joined."""
    out = {}
    for name, labels in zip(CONCATENATED, [MEANS_LABELS, EXPLOIT_LABELS, LABOUR_LABELS, SEX_LABELS], strict=True):
        out[name] = ";".join(label for column, label in labels.items() if row.get(column) == "1")
    return out
