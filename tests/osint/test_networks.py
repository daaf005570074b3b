"""Networks: near-duplicates with changed phones and names, shared identifiers, hubs, templates."""

from __future__ import annotations

from ctip.osint.model import Post
from ctip.osint.networks import NetworkSettings
from ctip.osint.rules import load_rules
from ctip.osint.scan import analyse, screen_posts
from ctip.osint.template import build_template

RULES = load_rules()

EN = ("Young girls wanted for karaoke in Macau! Salary {pay} USD per week, free visa and ticket. "
      "No experience needed. Contact {name} {phone}")
MN = ("Солонгост массажны газарт 18-25 насны залуу бүсгүйчүүд авна. Өндөр цалинтай, виз онгоцны тийз үнэгүй. "
      "{name} утас {phone}")


def run(texts: list[str], authors: list[str] | None = None, settings: NetworkSettings | None = None):
    posts = [Post(f"p{i}", "t.jsonl", t, author=(authors or [""] * len(texts))[i]) for i, t in enumerate(texts)]
    items = screen_posts(posts, RULES)
    clusters, graph = analyse(items, RULES, settings)
    return items, clusters, graph


def test_near_duplicates_with_changed_phones_and_names_form_one_cluster():
    texts = [EN.format(pay=p, name=n, phone=ph) for p, n, ph in
             [("3000", "Anna", "88000011"), ("3500", "Sara", "99000022"), ("3000", "Mira", "95000033")]]
    texts.append("Welders needed in Ulaanbaatar, 5 years experience required, call 70000011.")
    items, clusters, _ = run(texts, authors=["anna", "sara", "mira", "khan"])
    assert [c.post_ids for c in clusters] == [["p0", "p1", "p2"]]
    assert items[3].cluster == ""
    cluster = clusters[0]
    assert "[…]" in cluster.template["text"] and "karaoke in Macau" in cluster.template["text"]
    assert any("Anna 88000011" in values for values in cluster.template["slots"])
    assert "several authors share one text template" in cluster.network_cues
    assert cluster.level in ("medium", "high")


def test_cyrillic_near_duplicates_cluster_by_character_shingles():
    texts = [MN.format(name=n, phone=p) for n, p in [("Сараа", "94000066"), ("Номин", "86000055"), ("Ану", "80000044")]]
    _, clusters, _ = run(texts)
    assert len(clusters) == 1 and len(clusters[0].post_ids) == 3


def test_a_shared_phone_links_different_texts():
    texts = ["Nanny needed in Tokyo, call 88000011", "Selling a sofa, good condition, call 8800 0011",
             "Unrelated post about a football match"]
    _, clusters, graph = run(texts)
    assert [c.post_ids for c in clusters] == [["p0", "p1"]]
    assert graph.has_edge("p0", "phone:+97688000011") and graph.has_edge("p1", "phone:+97688000011")


def test_hub_identifiers_are_down_weighted_and_do_not_link_clusters():
    topics = ["Selling a blue sofa, barely used, pick up from the third district after six",
              "Football match on Sunday morning at the central stadium, bring your own boots",
              "Lost our grey cat near the old market; she answers to the name Bumbaa",
              "Piano lessons for children aged seven to twelve, first lesson is a trial",
              "Two-room apartment for rent downtown, heating included, long term only",
              "Used mountain bicycle in good shape, new tyres, the price is negotiable"]
    texts = [f"{topic}. www.big-portal-example.mn" for topic in topics]
    _, clusters, graph = run(texts, settings=NetworkSettings(hub_limit=5))
    assert clusters == []
    weights = [graph.edges["p0", "domain:big-portal-example.mn"]["weight"]]
    assert weights[0] < 0.5
    _, clusters, _ = run(texts[:3], settings=NetworkSettings(hub_limit=5))
    assert len(clusters) == 1


def test_exact_copies_repeated_many_times_are_one_cluster():
    texts = [EN.format(pay="3000", name="Anna", phone="88000011")] * 300
    _, clusters, _ = run(texts)
    assert len(clusters) == 1 and len(clusters[0].post_ids) == 300


def test_template_is_kept_only_when_it_shortens_the_description():
    assert build_template(["completely different words here", "nothing alike at all in this one"]) is None
    template = build_template(["Work in Seoul call 99000011", "Work in Busan call 88000022"])
    assert template.text == "Work in […] call […]" and template.compression < 1


def test_graph_exports_as_graphml(tmp_path):
    import networkx as nx

    texts = [EN.format(pay="3000", name=n, phone="88000011") for n in ("Anna", "Sara")]
    _, _, graph = run(texts)
    nx.write_graphml(graph, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert back.nodes["p0"]["kind"] == "post" and back.edges["p0", "p1"]["type"] == "near_duplicate"


def test_shared_platforms_shorteners_and_service_numbers_do_not_link_unrelated_posts():
    """Two unrelated posts that only share a link shortener, a job portal, a Telegram invite path, a
    Facebook section or a number Mongolia does not give to persons stay apart."""
    pairs = [("Cheap flights to Seoul via https://bit.ly/3xYz", "Lost cat, details at https://bit.ly/9aBc"),
             ("Hiring drivers, apply https://www.zangia.mn/job/1", "Accountant wanted https://zangia.mn/job/2"),
             ("Join our group t.me/joinchat/abcd", "Football fans, join t.me/joinchat/wxyz"),
             ("Sofa for sale https://www.facebook.com/marketplace/item/1", "Bike https://facebook.com/marketplace/item/2"),
             ("Bank info line 1800-1234", "Shop hotline 1800-1234, reference 12 34 56 78 90")]
    for a, b in pairs:
        _, clusters, _ = run([a, b])
        assert clusters == [], (a, b)


def test_template_and_slot_values_keep_the_posts_own_spelling():
    """Tokens were re-joined with spaces: "hr.job@gmail.com" read as "hr. job @gmail. com" in the slots."""
    template = build_template(["Work in Seoul, mail hr.job@gmail.com or call 99112233 now",
                               "Work in Busan, mail anna.k@mail.ru or call 88223344 now",
                               "Work in Tokyo, mail x_y@yahoo.com or call 9911-2244 now"])
    assert template.text == "Work in […], mail […]@[…].com or call […] now"
    assert ["88223344", "9911-2244", "99112233"] in template.slots
    assert ["anna.k", "hr.job", "x_y"] in template.slots


def test_template_is_built_from_the_near_duplicates_only():
    """A post linked to the cluster only by a shared phone (the same number in an unrelated ad) stays in the
    cluster but does not feed the template: its words must not turn up among the slot values."""
    texts = [EN.format(pay=p, name=n, phone=ph) for p, n, ph in
             [("3000", "Anna", "88000011"), ("3500", "Sara", "99000022"), ("3000", "Mira", "95000033")]]
    texts.append("Selling a used bicycle in good condition, pick it up any evening, call Mira 95000033")
    _, clusters, _ = run(texts)
    assert [c.post_ids for c in clusters] == [["p0", "p1", "p2", "p3"]]
    cluster = clusters[0]
    assert cluster.template_post_ids == ["p0", "p1", "p2"]
    slot_text = " ".join(v for values in cluster.template["slots"] for v in values)
    assert "bicycle" not in slot_text and "condition" not in slot_text and "evening" not in slot_text
    assert "Anna 88000011" in slot_text
    assert cluster.to_dict()["template_post_ids"] == ["p0", "p1", "p2"]


def test_a_cluster_linked_only_by_identifiers_gets_no_template():
    """Two different ads sharing a phone: a template over them would be slots of unrelated words."""
    texts = ["Work in Seoul for good pay, call 99112233 now, visa free",
             "Apartment in Seoul for rent, call 99112233 now, heating free"]
    _, clusters, _ = run(texts)
    assert [c.post_ids for c in clusters] == [["p0", "p1"]]
    assert clusters[0].template is None and clusters[0].template_post_ids == []
    assert "several authors share one text template" not in clusters[0].network_cues


def test_a_mongolian_service_number_shared_by_unrelated_posts_links_them_not():
    """A bank's toll-free line quoted in two unrelated Mongolian posts: shown in each, linking neither."""
    texts = ["Хаан банкны зээлийн мэдээлэл авах бол 1800-1917 дугаарт залгаарай",
             "Манай дэлгүүрт шинэ бараа ирлээ, төлбөрийн асуудлаар банкны 1800-1917 утсаар лавлана уу"]
    items, clusters, graph = run(texts)
    assert [[i.key for i in item.identifiers if i.kind == "phone"] for item in items] == [["phone:1800-1917"]] * 2
    assert clusters == []
    assert graph.has_edge("p0", "phone:1800-1917") and graph.has_edge("p1", "phone:1800-1917")
