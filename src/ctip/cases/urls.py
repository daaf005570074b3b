"""URLs of the case pages (mounted at ``/cases/``) and of the JSON API (``/cases/api/``)."""

from django.urls import path

from ctip.cases.api import api
from ctip.cases.views import actions, case, history, inbox, merge, retention, screening

app_name = "cases"

CASE = "<str:public_id>/"

urlpatterns = [
    path("", case.case_list, name="list"),
    path("new/", case.case_register, name="register"),
    path("referrals/", inbox.referral_inbox, name="referrals"),
    path("referrals/<int:referral_id>/<str:action>/", inbox.referral_respond, name="referral_respond"),
    path("approvals/", inbox.approval_queue, name="approvals"),
    path("approvals/<int:approval_id>/decide/", inbox.approval_decide, name="approval_decide"),
    path("retention/", retention.retention_list, name="retention"),
    path("api/", api.urls),
    path(CASE, case.case_detail, name="detail"),
    path(CASE + "history/", history.case_history, name="history"),
    path(CASE + "screening/", screening.screening_form, name="screening"),
    path(CASE + "screening/preview/", screening.screening_preview, name="screening_preview"),
    path(CASE + "determination/", actions.determination_request, name="determination"),
    path(CASE + "consents/", actions.consent_record, name="consent_record"),
    path(CASE + "consents/<int:consent_id>/withdraw/", actions.consent_withdraw, name="consent_withdraw"),
    path(CASE + "referrals/", actions.referral_create, name="referral_create"),
    path(CASE + "transfers/", actions.transfer_create, name="transfer_create"),
    path(CASE + "person/", actions.person_update, name="person_update"),
    path(CASE + "assign/", actions.case_assign, name="assign"),
    path(CASE + "context/", actions.context_update, name="context_update"),
    path(CASE + "perpetrators/", actions.perpetrator_add, name="perpetrator_add"),
    path(CASE + "services/", actions.service_add, name="service_add"),
    path(CASE + "services/<int:service_id>/", actions.service_update, name="service_update"),
    path(CASE + "notes/", actions.note_add, name="note_add"),
    path(CASE + "closure/", actions.closure_request, name="closure_request"),
    path(CASE + "reopen/", actions.case_reopen, name="reopen"),
    path(CASE + "events/", actions.event_add, name="event_add"),
    path(CASE + "assessments/", actions.assessment_record, name="assessment_record"),
    path(CASE + "plans/", actions.plan_create, name="plan_create"),
    path(CASE + "plans/<int:plan_id>/submit/", actions.plan_submit, name="plan_submit"),
    path(CASE + "anonymise/", retention.case_anonymise, name="anonymise"),
    path(CASE + "hold/", retention.hold_place, name="hold_place"),
    path(CASE + "hold/<int:hold_id>/lift/", retention.hold_lift, name="hold_lift"),
    path(CASE + "subject-access/", retention.subject_access_download, name="subject_access"),
    path(CASE + "merge/", merge.person_merge, name="person_merge"),
]
