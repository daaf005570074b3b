"""The OSINT workspace pages: capability, organisation scope, upload, filters, post and cluster views,
access log, and a browser run of upload → flagged post with highlighted hits."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ctip.workbench.models import AccessEvent, Scan
from ctip.workbench.services import scan_folder

pytestmark = pytest.mark.django_db

RISKY = ("Young girls wanted for karaoke in Macau! Salary 3000 USD per week, free visa and ticket. "
         "Contact {name} {phone}")


def jsonl() -> bytes:
    lines = [{"text": RISKY.format(name="Anna", phone="88000011"), "author": "anna", "posted_at": "2026-03-01"},
             {"text": RISKY.format(name="Sara", phone="99000022"), "author": "sara", "posted_at": "2026-03-04"},
             {"text": "Selling a used bicycle in good condition, call 9500 0033"}]
    return "\n".join(json.dumps(x) for x in lines).encode()


@pytest.fixture
def analyst(make_user):
    return make_user("analyst", role="police_analyst")


@pytest.fixture
def scan(client, analyst):
    client.force_login(analyst)
    response = client.post("/osint/", {"name": "March ads", "files": [
        SimpleUploadedFile("ads.jsonl", jsonl()), SimpleUploadedFile("blob.txt", b"\x00\x01binary")]})
    assert response.status_code == 302
    return Scan.objects.get()


def test_only_police_analysts_may_use_the_workspace(client, make_user):
    assert client.get("/osint/").status_code == 302  # anonymous: to the login page
    client.force_login(make_user("worker", role="case_worker"))
    assert client.get("/osint/").status_code == 403


def test_upload_scans_files_and_keeps_them_apart_from_case_data(scan):
    assert (scan.posts, scan.flagged, scan.clusters, scan.files_skipped) == (3, 2, 1, 1)
    folder = scan_folder(scan.id)
    assert (folder / "input" / "ads.jsonl").is_file() and (folder / "output" / "report.html").is_file()
    assert "osint" in folder.parts
    assert Scan._meta.db_table.startswith("workbench_")


def test_results_list_posts_most_risky_first_with_filters(client, scan):
    page = client.get(f"/osint/{scan.id}/").content.decode()
    assert "Scores are triage, not evidence." in page
    assert page.index("Anna") < page.index("bicycle")
    assert "blob.txt" in page and "binary" in page
    flagged = client.get(f"/osint/{scan.id}/", {"level": "flagged"}).content.decode()
    assert "bicycle" not in flagged and "Anna" in flagged
    by_identifier = client.get(f"/osint/{scan.id}/", {"identifier": "99000022"}).content.decode()
    assert "Sara" in by_identifier and "Anna" not in by_identifier
    by_family = client.get(f"/osint/{scan.id}/", {"family": "venue"}).content.decode()
    assert "2 matching posts" in by_family


def test_post_view_highlights_hits_with_family_and_rule(client, scan):
    post_id = next(p for p in (scan_folder(scan.id) / "output" / "posts.jsonl").read_text().splitlines()
                   if "Anna" in p)
    post_id = json.loads(post_id)["post_id"]
    page = client.get(f"/osint/{scan.id}/posts/{post_id}/").content.decode()
    assert '<mark class="hit" title="Venue (massage, karaoke, hostess, dancer, casino…) · en.venue.sexualised">karaoke</mark>' in page
    assert "+97688000011" in page


def test_cluster_view_shows_template_slots_and_network(client, scan):
    page = client.get(f"/osint/{scan.id}/clusters/c00001/").content.decode()
    assert "karaoke in Macau" in page and "[…]" in page
    assert "Anna 88000011" in page and "<svg" in page and "phone: +97688000011" in page


def test_every_access_is_logged(client, scan, analyst):
    client.get(f"/osint/{scan.id}/")
    client.get(f"/osint/{scan.id}/clusters/c00001/")
    client.get(f"/osint/{scan.id}/download/report/")
    actions = list(AccessEvent.objects.filter(user=analyst).values_list("action", flat=True))
    assert {"upload", "results", "cluster", "download"} <= set(actions)


def test_other_organisations_get_not_found(client, scan, make_user):
    from ctip.accounts.models import Organisation

    other = Organisation.objects.create(name="Other Police", code="other-police", org_type="Police")
    client.force_login(make_user("outsider", role="police_analyst", organisation=other))
    assert client.get(f"/osint/{scan.id}/").status_code == 404
    assert client.get(f"/osint/{scan.id}/clusters/c00001/").status_code == 404
    assert "March ads" not in client.get("/osint/").content.decode()
    refused = AccessEvent.objects.filter(user__username="outsider", action="denied")
    assert refused.count() == 2 and all(str(scan.id) in e.target for e in refused)
    assert scan.access_events.filter(user__username="outsider").count() == 0


def test_report_download_is_an_attachment(client, scan):
    response = client.get(f"/osint/{scan.id}/download/report/")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert client.get(f"/osint/{scan.id}/download/secrets/").status_code == 404


def test_pages_in_mongolian(client, scan):
    page = client.get(f"/osint/{scan.id}/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    assert "нотлох баримт биш" in page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_analyst_uploads_and_sees_a_flagged_post_with_highlighted_hits(page, live_server, make_user, login, tmp_path):
    make_user("analyst", role="police_analyst")
    upload = tmp_path / "ads.jsonl"
    upload.write_bytes(jsonl())
    login(page, "analyst")
    page.get_by_role("link", name="OSINT").click()
    page.get_by_label("Name of this collection").fill("Browser ads")
    page.get_by_label("Files (JSONL, CSV, TXT or HTML)").set_input_files(str(upload))
    page.get_by_role("button", name="Upload and scan").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Browser ads").is_visible()
    page.get_by_label("Risk level").select_option("flagged")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state()
    page.get_by_role("row").filter(has_text="Anna").get_by_role("link").first.click()
    page.wait_for_load_state()
    hit = page.locator("mark.hit", has_text="karaoke")
    assert hit.is_visible()
    assert "en.venue.sexualised" in hit.get_attribute("title")
    assert page.get_by_text("Scores are triage, not evidence.").is_visible()


def test_an_upload_over_the_limit_is_refused_with_a_reason(client, analyst, monkeypatch):
    monkeypatch.setattr("ctip.workbench.services.MAX_UPLOAD_BYTES", 100)
    client.force_login(analyst)
    response = client.post("/osint/", {"files": [SimpleUploadedFile("ads.jsonl", jsonl())]}, follow=True)
    assert "Uploads are limited to 0 MB" in response.content.decode()
    assert not Scan.objects.exists()


def test_post_view_explains_every_point_of_the_score(client, scan):
    """Each family that fired is shown with the hit that counted, its rule, weight and strength, and the
    product of those factors gives the score shown at the top."""
    post = next(json.loads(line) for line in (scan_folder(scan.id) / "output" / "posts.jsonl").read_text().splitlines()
                if "Anna" in line)
    page = client.get(f"/osint/{scan.id}/posts/{post['post_id']}/").content.decode()
    assert "How the score was computed" in page
    section = page[page.index("How the score was computed"):]
    for family in post["families"]:
        assert next(h["rule"] for h in post["hits"] if h["family"] == family) in section
    assert "<td>0.35</td><td>strong (1.00)</td><td>0.35</td>" in section  # venue: weight × strength
    # destination, weak: 0.15 × 0.5, written the same in the table and in the formula
    assert "<td>0.15</td><td>weak (0.50)</td><td>0.075</td>" in section and "(1 − 0.075)" in section
    assert f"= {post['score']:.2f}</code>" in section
    assert "Medium needs at least 2 families" in section
    mongolian = client.get(f"/osint/{scan.id}/posts/{post['post_id']}/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    assert "Оноог хэрхэн тооцсон бэ" in mongolian and "Weight" not in mongolian


def test_an_empty_file_in_an_upload_is_taken_and_listed_with_no_posts(client, analyst):
    """As on the command line: one empty file in a folder must not refuse the whole upload."""
    client.force_login(analyst)
    response = client.post("/osint/", {"files": [SimpleUploadedFile("ads.jsonl", jsonl()),
                                                 SimpleUploadedFile("empty.txt", b"")]})
    assert response.status_code == 302
    scan = Scan.objects.get()
    custody = json.loads((scan_folder(scan.id) / "output" / "custody.json").read_text())["files"]
    assert {(f["path"], f["posts"]) for f in custody} == {("ads.jsonl", 3), ("empty.txt", 0)}


@pytest.mark.parametrize("role", ["case_worker", "supervisor", "org_admin", "data_analyst", "sysadmin"])
def test_every_other_role_is_refused_on_every_page(client, scan, make_user, role):
    urls = ["/osint/", f"/osint/{scan.id}/", f"/osint/{scan.id}/clusters/c00001/",
            f"/osint/{scan.id}/download/report/", f"/osint/{scan.id}/download/posts/"]
    client.logout()
    assert all(client.get(u).status_code == 302 and "login" in client.get(u)["Location"] for u in urls)
    client.force_login(make_user(f"someone-{role}", role=role))
    assert [client.get(u).status_code for u in urls] == [403] * len(urls)
    assert client.post("/osint/", {"files": [SimpleUploadedFile("a.txt", b"work abroad")]}).status_code == 403
    assert Scan.objects.count() == 1


def test_results_show_the_chain_of_custody_and_who_accessed_the_scan(client, scan, make_user):
    import hashlib

    colleague = make_user("colleague", role="police_analyst")
    client.force_login(colleague)
    client.get(f"/osint/{scan.id}/download/posts/")
    page = client.get(f"/osint/{scan.id}/").content.decode()
    assert hashlib.sha256(jsonl()).hexdigest() in page  # the upload's fingerprint, as received
    custody = page[page.index("Chain of custody"):page.index("Access log")]
    assert "ads.jsonl" in custody and "blob.txt" in custody and ">skipped<" in custody
    log = page[page.index("Access log"):]
    assert log.index("colleague") < log.index("analyst")  # newest first: the colleague's download
    assert "download" in log and "posts.csv" in log and "upload" in log
    mongolian = client.get(f"/osint/{scan.id}/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    assert "Хандалтын бүртгэл" in mongolian and ">алгассан<" in mongolian


def test_custody_keeps_the_name_a_file_was_uploaded_under(client, analyst):
    """Stored under a safe name (no path, no leading dot or '='), the file keeps its name as received."""
    client.force_login(analyst)
    client.post("/osint/", {"files": [SimpleUploadedFile("../../etc/=ads.jsonl", jsonl())]})
    scan = Scan.objects.get()
    assert [p.name for p in (scan_folder(scan.id) / "input").iterdir()] == ["_ads.jsonl"]
    custody = json.loads((scan_folder(scan.id) / "output" / "custody.json").read_text())["files"]
    assert [(f["path"], f["received_as"]) for f in custody] == [("_ads.jsonl", "=ads.jsonl")]
    assert "uploaded as <code>=ads.jsonl</code>" in client.get(f"/osint/{scan.id}/").content.decode()


def test_post_view_says_when_the_weights_changed_since_the_scan(client, scan, monkeypatch):
    import dataclasses

    from ctip.osint.rules import load_rules
    from ctip.workbench import selectors

    table = load_rules().scoring
    venue = dataclasses.replace(table.families["venue"], weight=0.9)
    changed = dataclasses.replace(table, families={**table.families, "venue": venue})
    monkeypatch.setattr(selectors, "scoring", lambda: changed)
    post = next(json.loads(line) for line in (scan_folder(scan.id) / "output" / "posts.jsonl").read_text().splitlines()
                if "Anna" in line)
    page = client.get(f"/osint/{scan.id}/posts/{post['post_id']}/").content.decode()
    assert "The scoring table changed since this scan" in page
    assert f"risk score {post['score']:.2f}" in page  # the score shown is still the scan's own


def test_a_copy_uploaded_twice_is_listed_as_skipped_in_the_readers_language(client, analyst):
    client.force_login(analyst)
    client.post("/osint/", {"files": [SimpleUploadedFile("ads.jsonl", jsonl()),
                                      SimpleUploadedFile("ads-copy.jsonl", jsonl())]})
    scan = Scan.objects.get()
    assert (scan.posts, scan.files_skipped) == (3, 1)
    page = client.get(f"/osint/{scan.id}/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    assert "ads-copy.jsonl файлтай агуулга нь ижил" in page  # files are read in sorted order


def test_a_scan_made_before_skip_reasons_had_codes_is_worded_in_the_readers_language(client, scan):
    """custody.json and the summary of an older scan keep only the English reason: it is still translated."""
    custody_path = scan_folder(scan.id) / "output" / "custody.json"
    custody = json.loads(custody_path.read_text())
    for record in custody["files"]:
        record.pop("reason_code"), record.pop("reason_params")
    custody_path.write_text(json.dumps(custody))
    scan.summary["files_skipped"] = [{"path": s["path"], "reason": s["reason"]} for s in scan.summary["files_skipped"]]
    scan.save()
    page = client.get(f"/osint/{scan.id}/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    assert "хоёртын агуулга (NUL байт)" in page and "binary content" not in page


def test_a_scan_whose_files_are_gone_says_so_instead_of_failing(client, scan):
    """The output folder was deleted (or not restored from a backup): every page of the scan answers 410 with
    what happened and what to do, in the reader's language; the scan list still works."""
    import shutil

    post_id = json.loads((scan_folder(scan.id) / "output" / "posts.jsonl").read_text().splitlines()[0])["post_id"]
    shutil.rmtree(scan_folder(scan.id) / "output")
    for url in (f"/osint/{scan.id}/", f"/osint/{scan.id}/posts/{post_id}/", f"/osint/{scan.id}/clusters/c00001/",
                f"/osint/{scan.id}/download/report/"):
        response = client.get(url)
        assert response.status_code == 410, url
        assert "are no longer on the server" in response.content.decode() and str(scan.id) in response.content.decode()
    assert "серверт байхгүй болсон" in client.get(f"/osint/{scan.id}/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    assert client.get("/osint/").status_code == 200


def test_a_cluster_linked_only_by_a_shared_phone_says_it_has_no_template(client, analyst):
    """Two unrelated ads carrying one phone form a cluster; a template over them would mix unrelated words,
    so the cluster page and the offline report say why there is none, in English and Mongolian."""
    lines = [{"text": "Work in Seoul for good pay, call 99112233 now, visa free"},
             {"text": "Apartment in Seoul for rent, call 99112233 now, heating free"}]
    client.force_login(analyst)
    client.post("/osint/", {"files": [SimpleUploadedFile("ads.jsonl", "\n".join(json.dumps(x) for x in lines).encode())]})
    scan = Scan.objects.get()
    page = client.get(f"/osint/{scan.id}/clusters/c00001/").content.decode()
    assert "No template: no two posts of this cluster are near-duplicates" in page and "[…]" not in page
    mongolian = client.get(f"/osint/{scan.id}/clusters/c00001/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    assert "Загвар алга: энэ кластерын аль ч хоёр нийтлэл бараг ижил биш" in mongolian
    report = (scan_folder(scan.id) / "output" / "report.html").read_text()
    assert "No template: no two posts of this cluster are near-duplicates" in report
    assert "аль ч хоёр нийтлэл бараг ижил биш" in report


def test_a_template_says_which_posts_it_was_built_from(client, analyst):
    lines = json.loads("[" + ",".join(jsonl().decode().splitlines()) + "]")
    lines[2]["text"] = "Selling a used bicycle in good condition, pick it up any evening, call Anna 88000011"
    client.force_login(analyst)
    client.post("/osint/", {"files": [SimpleUploadedFile("ads.jsonl", "\n".join(json.dumps(x) for x in lines).encode())]})
    scan = Scan.objects.get()
    page = client.get(f"/osint/{scan.id}/clusters/c00001/").content.decode()
    assert "Built from the 2 near-duplicate posts of this cluster" in page and "bicycle" in page
    template = page[page.index('class="card template"'):page.index("<h2>", page.index('class="card template"'))]
    assert "bicycle" not in template and "evening" not in template
    mongolian = client.get(f"/osint/{scan.id}/clusters/c00001/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    assert "бараг ижил 2 нийтлэлээс гаргасан" in mongolian


def test_refused_uploads_are_in_the_access_log_without_file_names(client, analyst, make_user, monkeypatch):
    """Over the size limit, no organisation, or a form error: each refused upload is logged (who, why, how many
    files and bytes), and no file or collection name, which may name people."""
    monkeypatch.setattr("ctip.workbench.services.MAX_UPLOAD_BYTES", 100)
    client.force_login(analyst)
    client.post("/osint/", {"name": "Bat-Erdene's ads", "files": [SimpleUploadedFile("anna-bat.jsonl", jsonl())]})
    client.post("/osint/", {"name": "nothing attached"})
    client.post("/osint/", {"name": "n" * 201, "files": [SimpleUploadedFile("b.txt", b"work")]})
    loner = make_user("loner", role="police_analyst")
    loner.organisation = None
    loner.save()
    client.force_login(loner)
    client.post("/osint/", {"files": [SimpleUploadedFile("a.txt", b"work abroad")]})
    refused = list(AccessEvent.objects.filter(action="upload_refused").order_by("at", "id"))
    assert [(e.user.username, e.scan) for e in refused] == [("analyst", None)] * 3 + [("loner", None)]
    over, none, form, orphan = (e.target for e in refused)
    assert "over the size limit of 100 bytes" in over and f"1 file(s), {len(jsonl())} bytes" in over
    assert none == "no file chosen; 0 file(s), 0 bytes"
    assert form == "the collection's name is longer than 200 characters; 1 file(s), 4 bytes"
    assert orphan.startswith("the account has no organisation")
    assert [e.detail["reason"] for e in refused] == ["too_large", "no_file", "name_too_long", "no_organisation"]
    assert not any(word in e.target for e in refused for word in ("anna", "Bat-Erdene", ".txt", "nothing", "nnn"))
    assert not Scan.objects.exists()


def test_per_line_intake_problems_are_worded_in_the_readers_language(client, analyst):
    data = jsonl() + b"\nnot json\n[1, 2]\n" + json.dumps({"url": "x"}).encode()
    client.force_login(analyst)
    client.post("/osint/", {"files": [SimpleUploadedFile("ads.jsonl", data)]})
    scan = Scan.objects.get()
    custody = json.loads((scan_folder(scan.id) / "output" / "custody.json").read_text())["files"][0]
    assert [p["code"] for p in custody["problems"]] == ["json_value", "not_object", "no_text"]
    assert custody["problems"][1]["text"] == "ads.jsonl, line 5: expected a JSON object, got array"
    page = client.get(f"/osint/{scan.id}/").content.decode()
    assert "ads.jsonl, line 5: expected a JSON object, got array" in page
    assert "ads.jsonl, line 6: no &#x27;text&#x27; field, or it is empty" in page
    mongolian = client.get(f"/osint/{scan.id}/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    assert "ads.jsonl, 5-р мөр: JSON объект байх ёстой, array байна" in mongolian
    assert "ads.jsonl, 6-р мөр: &#x27;text&#x27; талбар алга, эсвэл хоосон" in mongolian
    assert "expected a JSON object" not in mongolian


def test_the_pages_word_every_intake_problem_with_the_osint_catalogue_in_mongolian():
    from django.utils import translation

    from ctip.osint.messages import CATALOGUE, CATALOGUE_MN
    from ctip.workbench.templatetags.workbench import problem

    with translation.override("mn"):
        for code in CATALOGUE:
            assert str(translation.gettext(CATALOGUE[code])) == CATALOGUE_MN[code], code
        assert problem({"code": "too_large", "params": {"mb": 512}, "text": "larger than 512 MB"}) == "512 MB-аас том"


def test_refused_uploads_are_shown_on_the_upload_page_worded_in_the_readers_language(client, analyst, make_user,
                                                                                   monkeypatch):
    monkeypatch.setattr("ctip.workbench.services.MAX_UPLOAD_BYTES", 100)
    colleague = make_user("colleague", role="police_analyst", organisation=analyst.organisation)
    client.force_login(colleague)
    client.post("/osint/", {"name": "Bat-Erdene's ads", "files": [SimpleUploadedFile("anna.jsonl", jsonl())]})
    client.post("/osint/", {"name": "nothing attached"})
    from ctip.accounts.models import Organisation

    other = Organisation.objects.create(code="other-police", name="Other police", org_type="NGO")
    stranger = make_user("stranger", role="police_analyst", organisation=other)
    client.force_login(stranger)
    client.post("/osint/", {"name": "x"})
    client.force_login(analyst)
    page = client.get("/osint/").content.decode()
    section = page[page.index('id="refused"'):]
    assert "Refused uploads" in page
    assert "over the size limit of 100 bytes" in section and "no file chosen" in section
    assert section.count("<td>colleague</td>") == 2 and "stranger" not in section, "only the organisation's own"
    assert f"<td>{len(jsonl())}</td>" in section
    assert "anna" not in section and "Bat-Erdene" not in section
    mongolian = client.get("/osint/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    section = mongolian[mongolian.index('id="refused"'):]
    assert "Татгалзсан байршуулалт" in mongolian
    assert "хэмжээний хязгаар болох 100 байтаас хэтэрсэн" in section and "файл сонгоогүй" in section
    assert "no file chosen" not in section


def test_an_analyst_without_organisation_sees_only_their_own_refused_uploads(client, analyst, make_user):
    loner = make_user("loner", role="police_analyst")
    loner.organisation = None
    loner.save()
    client.force_login(analyst)
    client.post("/osint/", {"name": "x"})
    client.force_login(loner)
    client.post("/osint/", {"files": [SimpleUploadedFile("a.txt", b"work abroad")]})
    section = client.get("/osint/").content.decode().split('id="refused"')[1]
    assert "the account has no organisation" in section and "<td>analyst</td>" not in section


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_analyst_sees_why_an_upload_was_refused_below_the_scans(page, live_server, make_user, login, tmp_path,
                                                                monkeypatch):
    monkeypatch.setattr("ctip.workbench.services.MAX_UPLOAD_BYTES", 100)
    make_user("analyst", role="police_analyst")
    upload = tmp_path / "ads.jsonl"
    upload.write_bytes(jsonl())
    login(page, "analyst")
    page.get_by_role("link", name="OSINT").click()
    page.get_by_label("Files (JSONL, CSV, TXT or HTML)").set_input_files(str(upload))
    page.get_by_role("button", name="Upload and scan").click()
    page.wait_for_load_state()
    assert page.get_by_text("Uploads are limited to").is_visible()
    assert page.get_by_role("heading", name="Refused uploads").is_visible()
    row = page.get_by_role("row").filter(has_text="over the size limit of 100 bytes")
    assert row.is_visible()
    assert "analyst" in row.inner_text() and str(len(jsonl())) in row.inner_text()
