"""Where HTCDS v2.0 fields land in the dataset, as spelled by the Excel template and the XLSForm.

File-format definitions only (field names and their English labels as the template and the Kobo form
print them); codes inside the cells are normalised through ``ctip.vocab``.
"""

from __future__ import annotations

# HTCDS field -> (label in the template / form, vocabulary scheme of its codes or None)
FIELDS: dict[str, tuple[str, str | None]] = {
    "prs_Gender": ("Gender", "htcds.prs_Gender"),
    "prs_Citizenship": ("Citizenship", None),
    "prs_Birthdate": ("Birthdate", None),
    "vic_AgeWhenTrafficked": ("Age when Trafficked", None),
    "vic_MethodsOfControl": ("Methods of Control", "htcds.vic_MethodsOfControl"),
    "vic_TypeOfExploitation": ("Type of Exploitation", "htcds.vic_TypeOfExploitation"),
    "vic_ForcedLabourIndustry": ("Forced Labour Industry", "htcds.vic_ForcedLabourIndustry"),
    "vic_TypeOfSexExploitation": ("Type of Sex Exploitation", "htcds.vic_TypeOfSexExploitation"),
    "vic_RelationshipToTrafficker": ("Relationship to Trafficker", "htcds.vic_RelationshipToTrafficker"),
    "vic_LocationOfExploitation": ("Location of Exploitation", None),
    "cas_IncomingReferralDate": ("Incoming Referral Date", None),
}
# Multi-select picklists and the dataset binary group each one fills (through a vocab mapping).
MULTI_SELECT: dict[str, tuple[str, str]] = {
    "vic_MethodsOfControl": ("means", "htcds.vic_MethodsOfControl->ctip.means"),
    "vic_TypeOfExploitation": ("exploit", "htcds.vic_TypeOfExploitation->ctip.exploit"),
    "vic_ForcedLabourIndustry": ("sector", "htcds.vic_ForcedLabourIndustry->ctip.sector"),
    "vic_TypeOfSexExploitation": ("sex", "htcds.vic_TypeOfSexExploitation->ctip.sex"),
    "vic_RelationshipToTrafficker": ("recruiter", "htcds.vic_RelationshipToTrafficker->ctip.recruiter"),
}
GENDER_MAPPING = "htcds.prs_Gender->ctip.gender"
# Columns that give the date of registration when the referral date is empty, best first.
KOBO_DATES = ("_submission_time", "end", "start", "today")
KOBO_MARKERS = {"_uuid", "_submission_time", "_id", "_index", "__version__", "meta/instanceid", "instanceid",
                "_validation_status", "formhub/uuid"}
# ctip's own columns, for what HTCDS v2.0 has no field for (written by `export --format htcds-csv`).
EXTENSIONS: dict[str, tuple[str, str | None]] = {
    "ctip_YearOfRegistration": ("year_of_registration", None),
    "ctip_DataSource": ("data_source", "ctip.data_source"),
    "ctip_AgeBand": ("age_band", "ctdc.age_band"),
    "ctip_MajorityStatus": ("majority_status", "ctip.majority"),
    "ctip_MajorityStatusAtExploit": ("majority_status_at_exploit", "ctip.majority"),
    "ctip_MajorityEntry": ("majority_entry", "ctip.majority"),
    "ctip_CountryOfExploitation": ("country_of_exploitation", None),
    "ctip_TraffickMonths": ("traffick_months", "ctdc.traffick_months"),
    "ctip_IsAbduction": ("is_abduction", None),
}
