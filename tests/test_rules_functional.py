"""Functional rules: chrome found by what it does (asks for an e-mail, links to share endpoints,
offers sums of money, ...), each with a page where it fires and one where it must not.

Every widget sits between the paragraphs of a short article, with class names
that name nothing, so only what the widget does can give it away.
"""

from __future__ import annotations

import pytest

import cleanpress
from cleanpress.rules import RULES

PROSE = [
    ("The council voted on Tuesday to close two of the town's four swimming pools, citing a repair bill "
     "that has grown every year since the roof of the oldest one began to leak."),
    ("Parents who use the pools for lessons said the decision had come without warning, and several "
     "clubs said they would have to find water time in a neighbouring district."),
    ("The deputy mayor said the savings would pay for a new learner pool at the leisure centre, which "
     "she expects to open in the spring of next year if the tender goes smoothly."),
    ("Opponents have collected more than two thousand signatures and plan to present them at the next "
     "meeting of the council, where the budget for the coming year will be set."),
]


def page(widget: str, after: int = 2, url: str = "https://news.example.org/2025/03/pools-close") -> str:
    paragraphs = [f"<p>{p}</p>" for p in PROSE]
    paragraphs.insert(after, widget)
    return (f'<html><head><title>Pools to close</title><link rel="canonical" href="{url}"></head>'
            f'<body><article><h1>Pools to close</h1>{"".join(paragraphs)}</article></body></html>')


def removed_by(markup: str, **options: object) -> tuple[cleanpress.Article, set[str]]:
    article = cleanpress.extract(markup, **options)  # type: ignore[arg-type]
    return article, {r.rule for r in article.removed}


def assert_prose_kept(article: cleanpress.Article) -> None:
    for paragraph in PROSE:
        assert paragraph in article.text


# (rule id, widget that fires it, its texts that must go)
FIRES: list[tuple[str, str, list[str]]] = [
    ("func.newsletter-signup",
     ('<div class="k-3"><div><b>Evening Notes</b></div><div>A short letter from our desk every evening.</div>'
     '<form><input type="email" placeholder="you@example.org"><button>Go</button></form></div>'),
     ["Evening Notes", "A short letter from our desk every evening."]),
    ("func.share-bar",
     ('<div class="k-4"><span>Tell a friend</span> <a href="https://www.facebook.com/sharer/sharer.php?u=x">f</a> '
     '<a href="https://twitter.com/intent/tweet?url=x">t</a> <a href="mailto:?subject=Pools&amp;body=x">@</a></div>'),
     ["Tell a friend"]),
    ("func.payment-widget",
     ('<div class="k-5"><div>Pick an amount</div><a href="/give?a=7">€7</a> <a href="/give?a=14">€14</a> '
     '<a href="/give?a=40">€40</a></div>'),
     ["Pick an amount", "€14"]),
    ("func.dismiss",
     ('<div class="k-6"><p>Your fifth free story this month. Readers with a pass read everything.</p>'
     '<a href="/pass">Get a pass</a> <button>Not now</button></div>'),
     ["Your fifth free story this month.", "Get a pass", "Not now"]),
    ("func.feedback",
     '<div class="k-7"><span>Did this story answer your question?</span> <button>Yes</button> <button>No</button></div>',
     ["Did this story answer your question?"]),
    ("func.reader-ask",
     ('<div class="k-8"><p>Local reporting like this is paid for by readers like you.</p>'
     '<a href="https://news.example.org/donate">Chip in</a></div>'),
     ["Local reporting like this is paid for by readers like you.", "Chip in"]),
    ("func.ask-button",  # loose blocks: heading, pitch, a paragraph that is only the call to action
     ('<h3>Before you go</h3><p>Stories like this one are paid for by the people who read them. If you can, '
      'be one of them.</p><p><a href="/support-us">Count me in</a></p>'),
     ["Before you go", "Stories like this one are paid for", "Count me in"]),
    ("func.ad-slot",
     '<div class="k-9"><small>Sponsored</small><div style="width:300px;height:250px"></div></div>',
     ["Sponsored"]),
    ("func.teaser",
     ('<p class="k-10"><b>The lido that came back.</b> How a village saved its open-air pool. '
     '<a href="https://news.example.org/2024/07/lido-returns">Keep reading →</a></p>'),
     ["The lido that came back.", "Keep reading"]),
    ("func.caption",
     '<div class="k-11"><img src="/pool.jpg" alt=""><p>The old pool on its last day of opening</p></div>',
     ["The old pool on its last day of opening"]),
]


def test_every_functional_rule_is_registered_and_tested() -> None:
    functional = {rule_id for rule_id in RULES if rule_id.startswith("func.")}
    assert functional == {rule_id for rule_id, _, _ in FIRES} | {"func.appeal-head"}
    for rule_id in functional:
        assert RULES[rule_id].doc and RULES[rule_id].kind in cleanpress.REMOVAL_KINDS


@pytest.mark.parametrize(("rule_id", "widget", "texts"), FIRES, ids=[f[0] for f in FIRES])
def test_rule_fires_on_its_widget(rule_id: str, widget: str, texts: list[str]) -> None:
    article, rules = removed_by(page(widget))
    assert rule_id in rules
    for text in texts:
        assert text not in article.text
    assert_prose_kept(article)


@pytest.mark.parametrize(("rule_id", "widget", "texts"), FIRES, ids=[f[0] for f in FIRES])
def test_rule_switches_off_by_id(rule_id: str, widget: str, texts: list[str]) -> None:
    _, rules = removed_by(page(widget), disabled_rules={rule_id})
    assert rule_id not in rules


# (rule id, look-alike that must stay, its text)
SPARED: list[tuple[str, str, str]] = [
    ("func.newsletter-signup",  # a search box: a text field and a button, but no e-mail address asked for
     '<div class="k-3"><p>Find a pool near you.</p><form><input type="text" name="q"><button>Search</button></form></div>',
     "Find a pool near you."),
    ("func.share-bar",  # one link to a network's page, not to a share endpoint
     ('<p>The club posts its timetable on <a href="https://www.facebook.com/townswimclub">its page</a> every week, '
     'and members say the page is the quickest way to learn about cancelled sessions.</p>'),
     "The club posts its timetable on its page every week"),
    ("func.payment-widget",  # sums of money in a sentence
     ('<p>Entry will rise from <a href="/fees">€4</a> to <a href="/fees">€6</a> for adults, while children '
     'under five will still swim free, the council said in a statement on Tuesday.</p>'),
     "Entry will rise from €4 to €6 for adults"),
    ("func.dismiss",  # a close button with nothing to dismiss in favour of
     '<div class="k-6"><p>Diving boards were removed in 2019.</p><button>Close</button></div>',
     "Diving boards were removed in 2019."),
    ("func.feedback",  # a question in prose, no vote controls
     ('<p>Will the pools reopen? Yes, the mayor said, but not before the repairs are paid for and the roof of the '
     'oldest building has been replaced.</p>'),
     "Will the pools reopen? Yes, the mayor said"),
    ("func.reader-ask",  # a subscribe link inside a sentence of the story
     ('<p>You can follow the debate in the council\'s own bulletin, which anyone can '
     '<a href="https://council.example.org/subscribe">subscribe to</a> free of charge, the clerk said.</p>'),
     "which anyone can subscribe to free of charge"),
    ("func.ask-button",  # the article points readers to another body's appeal: not the outlet's own ask
     ('<p>Families who want to help can give to the swimming club, whose appeal you can find on its site.</p>'
      '<p><a href="https://club.example.com/support">Swim club appeal</a></p>'),
     "Families who want to help can give to the swimming club"),
    ("func.ad-slot",  # a short label over a sentence, not over an empty box
     '<div class="k-9"><small>Timeline</small><p>The oldest pool opened in 1936 and was last renovated in 1988.</p></div>',
     "The oldest pool opened in 1936 and was last renovated in 1988."),
    ("func.teaser",  # a link closing a sentence of the story, with no sign of a teaser
     '<p>The report was published last week. <a href="https://news.example.org/2025/02/pool-report">Full report</a></p>',
     "The report was published last week."),
    ("func.caption",  # a long paragraph beside a picture is prose, not a caption
     f'<div class="k-11"><img src="/pool.jpg" alt=""><p>{PROSE[0]} {PROSE[1]}</p></div>',
     PROSE[1]),
]


@pytest.mark.parametrize(("rule_id", "widget", "text"), SPARED, ids=[s[0] for s in SPARED])
def test_rule_spares_a_look_alike(rule_id: str, widget: str, text: str) -> None:
    article, rules = removed_by(page(widget))
    assert rule_id not in rules
    assert text in article.text


def test_appeal_takes_its_heading_and_pitch() -> None:
    """An appeal set as loose siblings goes from its heading down to its last control."""
    appeal = ('<h3>One more thing</h3><p>We never lock a story. If you found this useful, will you help keep it open?</p>'
              '<div class="k-2"><label><input type="radio">Once</label><label><input type="radio">Every month</label>'
              '<a href="/give?a=5">$5</a> <a href="/give?a=20">$20</a> <a href="/give">Next</a></div>')
    article, rules = removed_by(page(appeal))
    assert {"func.payment-widget", "func.appeal-head"} <= rules
    for text in ("One more thing", "We never lock a story.", "Every month", "Next"):
        assert text not in article.text
    assert_prose_kept(article)


def test_appeal_head_stops_at_prose_that_is_not_addressed_to_the_reader() -> None:
    widget = ('<h3>Costs</h3><p>The repairs would cost the town more than it spends on parks in a year.</p>'
              '<div class="k-2"><a href="/give?a=5">$5</a> <a href="/give?a=20">$20</a></div>')
    article, rules = removed_by(page(widget))
    assert "func.appeal-head" not in rules
    assert "Costs" in article.text and "The repairs would cost the town" in article.text


# Appeals that name no sum and never say "donate": the reader is addressed by a pronoun or a verb form, and the
# link goes to a support or membership page of the site.
PLEAS = {
    "fr": ('<div class="k-8"><h4>Un mot avant de partir</h4><p>Aucun groupe ne possède ce journal. Rejoignez-nous '
           'et gardez-le libre.</p><a href="/adherer">Je me lance</a></div>', "Aucun groupe ne possède ce journal."),
    "es": ('<div class="k-8"><p>Este diario no tiene dueño. Únete a quienes lo sostienen cada mes.</p>'
           '<a href="https://news.example.org/socios">Quiero entrar</a></div>', "Este diario no tiene dueño."),
    "pl": ('<div class="k-8"><p>Ten tekst powstał dzięki czytelnikom. Jeśli możesz, dorzuć się do kolejnego.</p>'
           '<a href="/wsparcie-dla-redakcji">Dorzucam</a></div>', "Ten tekst powstał dzięki czytelnikom."),
    "ru": ('<div class="k-8"><p>Редакция живёт на взносы читателей. Станьте одним из них.</p>'
           '<a href="/support">Хочу помочь</a></div>', "Редакция живёт на взносы читателей."),
}


@pytest.mark.parametrize("lang", sorted(PLEAS))
def test_reader_ask_reads_verb_forms_and_landing_pages(lang: str) -> None:
    widget, pitch = PLEAS[lang]
    article, rules = removed_by(page(widget))
    assert "func.reader-ask" in rules
    assert pitch not in article.text
    assert_prose_kept(article)


# Links to pages named like an ask that are not one: a forum's member profiles, a help section, a file,
# another site's address quoted in an answer.
NOT_ASKS = [
    ('<div class="k-8"><p>Thanks, that fixed it for me. Have you tried the newer driver on your card?</p>'
     '<a href="/members/jane.1234/">jane</a></div>'),
    ('<div class="k-8"><p>If your card was charged twice, you can ask for a refund within a month.</p>'
     '<a href="/support/billing/refunds">Refunds</a></div>'),
    ('<div class="k-8"><p>Which pool is nearest to you? The list is kept up to date by volunteers.</p>'
     '<a href="/memberlist.php">Members</a></div>'),
    ('<div class="k-8"><p>Are you eligible? Most of our visitors are, and the full list is on the site at '
     '<a href="https://help.example.com/Support">help.example.com/Support</a></p></div>'),
]


@pytest.mark.parametrize("widget", NOT_ASKS)
def test_reader_ask_spares_links_that_only_look_like_asks(widget: str) -> None:
    article, rules = removed_by(page(widget))
    assert "func.reader-ask" not in rules and "func.ask-button" not in rules


def test_caption_kept_with_keep_captions() -> None:
    widget = '<div class="k-11"><img src="/pool.jpg" alt=""><p class="wp-caption-text">The pool in 1936</p></div>'
    _, rules = removed_by(page(widget), keep_captions=True)
    assert "func.caption" not in rules
    _, rules = removed_by(page(widget))
    assert "func.caption" in rules


def test_malformed_link_does_not_break_extraction() -> None:
    widget = '<p><a href="http://[not-an-address]/x">x</a> <a href="http://[::1">y</a></p>'
    article, _ = removed_by(page(widget))
    assert_prose_kept(article)


# Articles ABOUT what chrome does: their paragraphs use its words, link to share endpoints and name prices in
# sentences, and must all be kept (the functional rules read controls and regions, not the topic).
ABOUT: dict[str, list[str]] = {
    "en": [
        ("Newsletters have become the quiet engine of small newsrooms: readers who subscribe to a daily email are "
         "far more likely to donate, and several outlets now say half of their income comes from members."),
        ("The trick, editors say, is not to beg. A sign-up box that asks for your email address after every "
         "paragraph annoys readers, and a donation appeal that offers $5, $10 or $25 a month works best when it "
         "comes once, at the end."),
        ('Sharing still matters too. A story posted through a <a href="https://www.facebook.com/sharer/sharer.php?u=x">'
         'share link</a> reaches people who would never open a newsletter, one publisher told the conference.'),
        ("Cookie banners were the one thing everybody in the room agreed on: nobody likes them, and most readers "
         "click accept without reading a word of what they consent to."),
    ],
    "de": [
        ("Cookie-Banner gehören zum Alltag im Netz: Wer eine Seite öffnet, soll zustimmen, ablehnen oder seine "
         "Einstellungen anpassen, und die meisten Nutzer klicken aus Gewohnheit auf „Alle akzeptieren“."),
        ("Verbraucherschützer kritisieren, dass der Button zum Ablehnen oft versteckt ist. Sie raten, sich die "
         "Zeit zu nehmen und nur notwendige Cookies zuzulassen, auch wenn das ein paar Sekunden länger dauert."),
        ('Auch das Teilen von Artikeln über <a href="https://api.whatsapp.com/send?text=x">WhatsApp</a> oder per '
         "E-Mail hinterlässt Spuren, erklärt die Datenschützerin, denn jeder geteilte Link kann Kennungen tragen."),
        ("Viele Verlage finanzieren sich inzwischen über Abonnements und Spenden. Ein Digitalabo für 9,99 € im "
         "Monat sei für viele Leser eine Alternative zur Werbung, sagt der Verband."),
    ],
    "fr": [
        ("Les lettres d'information connaissent un succès inattendu : de nombreux lecteurs s'abonnent à une "
         "newsletter gratuite, puis finissent par faire un don ou souscrire un abonnement payant."),
        ("Pour les rédactions indépendantes, chaque don compte. Un lecteur qui donne 5 € par mois pendant un an "
         "finance davantage qu'une campagne publicitaire entière, explique la directrice du journal."),
        ('Le partage sur les réseaux reste pourtant essentiel : un article envoyé par '
         '<a href="mailto:?subject=article&amp;body=x">courriel</a> à un ami touche souvent un public nouveau.'),
        ("Quant aux bandeaux de cookies, ils agacent tout le monde, mais la loi impose de demander le consentement "
         "avant de déposer le moindre traceur sur l'ordinateur du lecteur."),
    ],
}


@pytest.mark.parametrize("lang", sorted(ABOUT))
def test_article_about_chrome_keeps_its_paragraphs(lang: str) -> None:
    body = "".join(f"<p>{p}</p>" for p in ABOUT[lang])
    markup = (f'<html lang="{lang}"><head><title>On chrome</title></head><body><article><h1>On chrome</h1>{body}'
              f"</article></body></html>")
    article = cleanpress.extract(markup)
    assert len(article.blocks) == len(ABOUT[lang])
    assert not any(r.rule.startswith("func.") for r in article.removed)
