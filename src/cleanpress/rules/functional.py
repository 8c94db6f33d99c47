"""Functional rules: chrome recognised by what it does, whatever words it uses.

A new site words its appeal, its newsletter pitch and its share prompt its
own way, and names its classes as it likes; but a newsletter box still asks
for an e-mail address and has a button to send it, a share bar still links to
the share endpoints of social networks, a payment widget still offers sums of
money. Each rule here combines such signals (never one keyword), finds the
*region* of the widget (the largest ancestor that is still small and holds no
article prose), and marks it for the prune stage, before the tag rules drop
the forms and buttons that are the evidence.

An appeal takes its whole region: a heading and the short reader-addressing
blocks right above its controls go with them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

import regex
from lxml import etree
from lxml.html import HtmlElement

from ..options import Options
from ..textutil import collapse, link_chars, raw_text
from . import register

NEWSLETTER_RULE = register("func.newsletter-signup", "newsletter-signup",
                           "a region asking for an e-mail address, with a control to send it",
                  family="functional", stage="prune")
SHARE_RULE = register("func.share-bar", "share-bar",
                      "a small region linking to two share endpoints (or one and a copy-link control)",
                  family="functional", stage="prune")
PAYMENT_RULE = register("func.payment-widget", "payment-widget",
                        "two amount controls, or two prices with a checkout/subscribe link or a submit control",
                  family="functional", stage="prune")
DISMISS_RULE = register("func.dismiss", "subscription-prompt",
                        "a small region with a dismiss control ('No thanks', 'Later', close) beside another control",
                  family="functional", stage="prune")
FEEDBACK_RULE = register("func.feedback", "widget",
                         "a question with two or more vote controls (yes/no, thumbs up/down)",
                  family="functional", stage="prune")
READER_ASK_RULE = register("func.reader-ask", "donation-appeal",
                           "a short block addressing the reader that links to a donate/subscribe/checkout target",
                  family="functional", stage="prune")
ASK_BUTTON_RULE = register("func.ask-button", "donation-appeal",
                           "a block that is only a short link to a support/membership/checkout page, right under "
                           "a block addressing the reader",
                  family="functional", stage="prune")
AD_SLOT_RULE = register("func.ad-slot", "advertisement",
                        "ad-network markup or a fixed-size empty box, with the short label over it",
                  family="functional", stage="prune")
TEASER_RULE = register("func.teaser", "read-more",
                       "a short block ending in a short link to another article of the same site after a sentence",
                  family="functional", stage="prune")
CAPTION_RULE = register("func.caption", "dropped-by-option",
                        "a caption by its markup (caption class) or shape (short text beside a lone picture)",
                  family="functional", stage="prune")
APPEAL_HEAD_RULE = register("func.appeal-head", "donation-appeal",
                            "the heading and reader-addressing blocks right above a payment or dismiss region",
                  family="functional", stage="prune")

#: The longest text a widget region may hold: more is article, or several widgets together.
REGION_MAX = 600
#: A share bar holds only a prompt and network names.
SHARE_MAX = 200
#: Prose paragraphs (this long and ending a sentence) of which a region may hold one: the pitch.
PROSE_MIN = 100
#: A control, price tag or vote button is at most this long.
CONTROL_MAX = 40
#: Characters besides the sum that an amount control may hold ("/ month").
AMOUNT_SLACK = 8
#: A label over an ad slot, or a link ending a teaser, is at most this many words.
LABEL_WORDS = 4
#: ... and at most this many characters.
LABEL_MAX = 60
#: A teaser is at most this long.
TEASER_MAX = 300
#: A caption beside a lone picture is at most this long.
CAPTION_MAX = 300
#: How many blocks above a payment region an appeal's heading may stand.
APPEAL_REACH = 3
#: A region never holds this share of the page's text.
REGION_SHARE = 0.5

_CONTROL_TAGS = frozenset({"a", "button", "label", "input", "option", "select"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_STOP_TAGS = frozenset({"body", "html", "article", "main", "table", "tbody", "tr", "td", "th", "thead"})
_SENTENCE_END = regex.compile(r"[.!?…:;»”\"')]\s*$")
# The end of a sentence before a teaser's link (a colon introduces a link, it does not end a blurb).
_SENTENCE_STOP = regex.compile(r"[.!?…][»”\"')]?\s*$")
_ARROWS = " →›»>…\u00a0"

_SHARE_ENDPOINT = regex.compile(
    r"(?:facebook\.com/(?:sharer|share\.php|dialog/share)|(?:twitter|x)\.com/(?:intent|share)"
    r"|linkedin\.com/(?:sharing|shareArticle|cws/share)|(?:api\.)?whatsapp\.com/send|wa\.me/\?|"
    r"t\.me/share|telegram\.me/share|vk\.com/share|connect\.ok\.ru|reddit\.com/submit|pinterest\.[a-z.]+/pin/create"
    r"|tumblr\.com/(?:share|widgets/share)|bsky\.app/intent|threads\.net/intent|getpocket\.com/(?:save|edit)"
    r"|xing\.com/(?:spi/)?share|flipboard\.com/bookmarklet|mastodonshare|news\.ycombinator\.com/submitlink)",
    regex.IGNORECASE)
# Strings one of which every share endpoint (and every mailto link) holds: most links hold none.
_SHARE_GATE = re.compile(r"shar|intent|send|submit|pin/|save|edit|bookmarklet|connect\.ok|wa\.me|mailto")
_MAILTO_SHARE = regex.compile(r"^mailto:[^?]*\?.*\b(?:body|subject)=", regex.IGNORECASE)
_COPY_ATTRIBUTES = ("data-clipboard-text", "data-copy", "data-clipboard-target", "data-copy-url")

_CURRENCY = r"(?:[$€£¥₽₴₹]|US\$|zł|zl|руб\.?|грн|Kč|kr|CHF|EUR|USD|GBP|PLN|RUB|Fr\.)"
# Figures are bounded (no price runs past 24 characters) so that a long run of digits costs linear time.
_MONEY = regex.compile(rf"(?:{_CURRENCY}\s?\d[\d.,\s]{{0,24}}\d?|\d[\d.,]{{0,24}}\s?{_CURRENCY})", regex.IGNORECASE)

# Dismiss controls: short labels, matched whole.
_DISMISS = regex.compile(
    r"^[\s×✕✖xX]*+(?:no,? thanks?|not now|maybe later|later|remind me(?: later| in \w+)?|close|dismiss|skip"
    r"|nein,? danke|jetzt nicht|vielleicht später|später(?: erinnern)?|schließen"
    r"|non,? merci|pas maintenant|plus tard|(?:me le )?rappeler plus tard|fermer"
    r"|no,? gracias|ahora no|quizás? más tarde|más tarde|recordármelo más tarde|cerrar"
    r"|нет,? спасибо|не сейчас|(?:может быть,? )?позже|напомнить позже|закрыть"
    r"|nie,? dziękuję|nie teraz|(?:może )?później|przypomnij(?: mi)? później|zamknij)?[\s.!×✕✖]*$",
    regex.IGNORECASE)
_DISMISS_ATTRIBUTE = regex.compile(r"\b(?:close|dismiss)\b", regex.IGNORECASE)

# Vote controls of a feedback widget.
_VOTE = regex.compile(
    r"^[\s👍👎]*(?:yes|no|ja|nein|oui|non|sí|si|no|да|нет|tak|nie)\b[^?]{0,20}$|^[\s]*[👍👎]",
    regex.IGNORECASE)
_VOTE_ATTRIBUTE = regex.compile(r"\b(?:vote|helpful|thumbs?|upvote|downvote|feedback)", regex.IGNORECASE)

# The reader addressed: second-person words in the six languages the project reads most.
_READER = regex.compile(
    r"\b(?:(?i:you|your|yours|du|dich|dir|dein|deine|euch|vous|votre|vos|tu|toi|ton|tes|usted|ustedes|tú|tus"
    r"|вы|вас|вам|ваш|ваша|ваши|ты|тебя|ciebie|cię|twój|twoja|twoje|państwo)|Sie|Ihr|Ihre|Ihnen|Ihren|Ihrem)\b"
    # ... or verb forms that do: a French imperative with its pronoun ("aidez-nous") or a second person plural;
    # a Spanish imperative with its pronoun ("únete", "ayúdanos"); a Russian imperative ("станьте",
    # "подпишитесь", "вступайте", "помогите нам"); a Polish second person singular ("możesz") or an
    # imperative before "us" ("pomóż nam")
    r"|(?i:\b\p{L}+ez-(?:nous|vous|moi)\b|\b(?!chez\b|assez\b)\p{Ll}{3,}ez\b"
    r"|\b(?=\p{L}*[áéíóú])\p{L}++(?<=\p{Ll}(?:te|anos|enos))(?<!mente)|\b(?:te|ti|contigo)\b"
    r"|\b\p{L}+(?:ьте|ьтесь|йтесь|итесь|(?<!с)айте|яйте)\b|\b\p{L}+(?:ите|ешь|ишь)\s+(?:нам|нас)\b"
    r"|\b\p{Ll}{2,}(?:esz|isz|ysz)\b|\b\p{L}+(?:ż|j|ć|ń|cie)\s+(?:nam|nas)\b)")
# The outlet speaking of itself: first person plural ("we", "our", "wir", "nous", "tenemos", "мы", "nasz").
_OUTLET_VOICE = regex.compile(
    r"\b(?i:we|our|ours|us|wir|uns|unser\p{L}*|nous|notre|nos|nosotros|nuestr\p{L}*|\p{L}{2,}(?:emos|amos|imos)"
    r"|мы|нас|нам|наш\p{L}*|nasz\p{L}*|nam)\b")
# Targets of a call to action, as URL path words.
_ASK_TARGET = regex.compile(
    r"(?:donat|spende|contribut|membership|subscri|abonn|abo\b|checkout|soutenir|faire-un-don|suscri|\bdona\b"
    r"|apoya|podpisk|podderzh|wesprzyj|wsparcie|prenumerat|subskryp)",
    regex.IGNORECASE)
# Words that make a page of this site an ask only when they open the name of a short path without figures
# ("/support-us", "/membership/join", "/mitglied-werden"), not a section of pages or a file ("/support/faq/returns",
# "/service-support", "/members/jane.1234", "/memberlist.php").
_ASK_LANDING = regex.compile(
    r"^(?:become-an?-|devenir-|hazte-)?(?:support|member|join|unterst(?:ue|ü)tz|mitglied|soutien|adh[eé]r|socio"
    r"|patron|dolacz|zostan)[^.]*$",
    regex.IGNORECASE)
# Strings one of which every ask target holds (lower case): most links hold none.
_ASK_STEMS = re.compile(r"donat|spende|contribut|member|subscri|abonn|abo|checkout|soutenir|soutien|don|suscri|apoya"
                        r"|podpisk|podderzh|wesprzyj|wsparcie|prenumerat|subskryp|support|unterst|mitglied|adh"
                        r"|socio|patron|dolacz|zostan|join")
#: An ask's landing page sits at most this deep ("/membership/join").
ASK_LANDING_DEPTH = 2
_DIGIT = re.compile(r"\d")
_CURRENCY_HINTS = ("$", "€", "£", "¥", "₽", "₴", "₹", "zł", "руб", "грн", "Kč", "CHF", "EUR", "USD", "GBP", "PLN", "RUB")
#: A reader-addressing region is mostly words: at most this share of its text is link text.
ASK_LINK_SHARE = 0.5
_AD_MARKUP = regex.compile(r"(?:^|[\s_-])(?:adsbygoogle|div-gpt-ad|gpt-ad|dfp-ad|ad-?slot|adunit)", regex.IGNORECASE)
_AD_ATTRIBUTES = ("data-ad-slot", "data-ad-client", "data-ad-unit", "data-google-query-id", "data-ad")
_FIXED_SIZE = regex.compile(r"\bwidth\s*:\s*\d{2,4}px.*\bheight\s*:\s*\d{2,4}px|\bheight\s*:\s*\d{2,4}px.*\bwidth\s*:\s*\d{2,4}px",
                            regex.IGNORECASE | regex.DOTALL)
_CAPTION_CLASS = regex.compile(r"(?:^|[\s_-])(?<!no[_-])(?<!without[_-])(?:wp-caption-text|caption|image-caption|img-caption|photo-caption)(?:$|[\s_-])",
                               regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mark:
    """A region the prune stage removes: the rule that found it and the removal kind."""

    rule_id: str
    kind: str


def _text(element: HtmlElement) -> str:
    return collapse(raw_text(element))


def _longer(element: HtmlElement, limit: float) -> bool:
    """Whether the words of ``element`` run past ``limit`` characters; reads no further than that, so that a
    climb from a widget to the page's wrapper costs no more than the widget."""
    total = 0
    for piece in element.itertext():
        total += len(piece.strip())  # indentation is whole pieces of spaces: they count nothing
        if total > limit:
            return True
    return False


def _is_control(element: HtmlElement) -> bool:
    return element.tag in _CONTROL_TAGS or element.get("role") in ("button", "radio", "tab", "link")


def _prose(element: HtmlElement) -> Iterator[str]:
    """The texts of the paragraphs of prose ``element`` holds (itself included)."""
    for block in element.iter("p", "div", "li"):
        if len(block) and block.tag == "div":
            continue  # a wrapper: its paragraphs count
        words = raw_text(block)
        if len(words) < PROSE_MIN:
            continue  # collapse() never lengthens a text
        text = collapse(words)
        if len(text) >= PROSE_MIN and _SENTENCE_END.search(text):
            yield text


def _prose_blocks(element: HtmlElement) -> int:
    """How many paragraphs of prose ``element`` holds."""
    return sum(1 for _ in _prose(element))


def _pitch(region: HtmlElement) -> bool:
    """Whether the prose of ``region`` addresses the reader (an appeal's pitch)."""
    return any(_READER.search(text) for text in _prose(region))


def _region(start: HtmlElement, body: HtmlElement, limit: int, page_chars: int, headed: bool = True,
            pitch_only: bool = False) -> HtmlElement:
    """The largest ancestor of ``start`` (itself included) that is still a widget: small, at most one prose block;
    without ``headed``, none with a heading (a share bar sits beside the headline, not around it); with
    ``pitch_only``, its prose block must address the reader (an appeal's pitch, not a review's summary)."""
    node = start
    cap = min(limit, REGION_SHARE * page_chars)
    while True:
        parent = node.getparent()
        if parent is None or parent is body or parent.tag in _STOP_TAGS:
            return node
        if _longer(parent, cap):
            return node
        prose = _prose_blocks(parent)
        if prose > 1 or (prose and pitch_only and not _pitch(parent)):
            return node
        if not headed and any(True for _ in parent.iter(*_HEADINGS)):
            return node
        node = parent


def _split(url: str) -> SplitResult | None:
    """``urlsplit``, or None for a malformed URL (a bracketed host that is no address)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def _host(url: str) -> str:
    parts = _split(url)
    return ((parts.hostname if parts else "") or "").lower().removeprefix("www.")


def _path(href: str) -> str:
    parts = _split(href) if not href.startswith(("#", "mailto:", "javascript:")) else None
    return parts.path if parts else ""


def _same_site_article(href: str, site: str) -> bool:
    """A link to another page of this site with a path deep enough to be an article."""
    if not _same_site(href, site):
        return False
    path = _path(href).strip("/")
    return path.count("/") >= 1 or "-" in path


@dataclass
class _Signals:
    """What one walk of the body finds, before regions are drawn."""

    email: list[HtmlElement]
    share: list[HtmlElement]
    copy: list[HtmlElement]
    money: list[HtmlElement]
    prices: list[HtmlElement]
    dismiss: list[HtmlElement]
    votes: list[HtmlElement]
    asks: list[HtmlElement]
    ads: list[HtmlElement]
    #: Asks to a landing page of another site: the outlet's own only when its words say "we".
    foreign: list[HtmlElement]
    teasers: list[HtmlElement]
    captions: list[HtmlElement]
    pictures: list[HtmlElement]


_INPUTS = etree.XPath(".//input")
# Attributes whose presence alone marks an ad slot or a copy-link control.
_MARKING_ATTRIBUTES = frozenset(_AD_ATTRIBUTES) | frozenset(_COPY_ATTRIBUTES)
# Elements that are controls by their tag or role, when their words are short (CONTROL_MAX).
_SHORT_CONTROL_TAGS = frozenset({"a", "button", "label", "option"})
_SHORT_CONTROL_ROLES = frozenset({"button", "radio", "tab"})
_XML_SPACES = " \t\r\n"
_XML_SPACE_RUNS = re.compile(r"[ \t\r\n]+")
_PRICE_TAGS = frozenset({"li", "div", "span", "strong", "b", "p", "dd"})


def _collect(body: HtmlElement, page_text: str, site: str) -> _Signals:
    """The signals of ``body``: one Python walk of the tree, in which most elements cost a tag and attribute test
    (libxml2's XPath predicates, one walk each, cost more than that walk)."""
    found = _Signals([], [], [], [], [], [], [], [], [], [], [], [], [])
    for element in _INPUTS(body):
        attrib = element.attrib
        kind = (attrib.get("type") or "text").lower()
        hint = " ".join(attrib.get(name, "") for name in ("name", "id", "placeholder", "aria-label", "autocomplete"))
        if kind == "email" or (kind == "text" and ("mail" in hint.lower() or "@" in hint)):
            found.email.append(element)
        elif kind in ("radio", "checkbox"):
            label = element.getparent()
            if label is not None and label.tag == "label" and _is_amount(_text(label)):
                found.money.append(label)
    for element in body.iter():
        attrib = element.attrib
        tag = element.tag
        if attrib:
            cls, ident, style = attrib.get("class", ""), attrib.get("id", ""), attrib.get("style", "")
            # most elements: nothing here can mark them
            if (("ad" in cls or "aption" in cls or "ad" in ident or "px" in style)
                    or not _MARKING_ATTRIBUTES.isdisjoint(attrib.keys())):
                _note_marked(element, cls, ident, style, found)
        if element is body:
            continue
        if tag == "img":
            found.pictures.append(element)
        elif tag == "a" and "href" in attrib:
            _note_link(element, found, site)
        if tag in _SHORT_CONTROL_TAGS or (attrib and attrib.get("role") in _SHORT_CONTROL_ROLES):
            _note_control(element, found)
    if any(hint in page_text for hint in _CURRENCY_HINTS):  # plain scans: the money pattern is slow over a page
        _collect_prices(body, found)
    return found


def _note_marked(element: HtmlElement, cls: str, ident: str, style: str, found: _Signals) -> None:
    """An ad slot, a caption or a copy-link control by its markup: ``element`` has one of the attributes that
    may mark it."""
    attrib = element.attrib
    tag = element.tag
    if (any(name in attrib for name in _AD_ATTRIBUTES) or _AD_MARKUP.search(f"{cls} {ident}")
            or (tag in ("div", "ins", "span") and not len(element) and not (element.text or "").strip()
                and _FIXED_SIZE.search(style))):
        found.ads.append(element)
    if (tag in ("p", "div", "span") and _CAPTION_CLASS.search(cls)
            and not any(True for _ in element.iter("img", "picture"))):
        found.captions.append(element)
    if any(name in attrib for name in _COPY_ATTRIBUTES):
        found.copy.append(element)


def _note_link(link: HtmlElement, found: _Signals, site: str) -> None:
    """A share link, a link to a call to action, or a link closing its block (a teaser's, perhaps)."""
    href = link.get("href", "")
    lowered = href.lower()
    if _SHARE_GATE.search(lowered) and (_SHARE_ENDPOINT.search(href) or _MAILTO_SHARE.match(href)):
        found.share.append(link)
        return
    if _ASK_STEMS.search(lowered) and not _in_prose(link):
        path = _path(href)
        if _ASK_TARGET.search(path):
            found.asks.append(link)
        elif _landing(path):
            if _same_site(href, site):
                found.asks.append(link)
            elif not any(mark in _text(link) for mark in "./"):  # an address as its label: a reference
                found.asks.append(link)
                found.foreign.append(link)
    if link.getnext() is None:
        found.teasers.append(link)  # whether it links to this site is asked last: the costliest test


def _landing(path: str) -> bool:
    """Whether a link's path is a support or membership landing page ("/support-us", "/membership/join")."""
    parts = [part for part in path.split("/") if part]
    return (0 < len(parts) <= ASK_LANDING_DEPTH and _DIGIT.search(path) is None
            and _ASK_LANDING.search(parts[-1]) is not None)


def _note_control(element: HtmlElement, found: _Signals) -> None:
    """An amount, dismiss or vote control, when the words of ``element`` are short enough for a control."""
    words = raw_text(element)
    text = collapse(words)
    # The length is the XML-normalised one (collapse() drops more spaces, so it is never longer)
    if len(text) > CONTROL_MAX or (len(words) > CONTROL_MAX
                                   and len(_XML_SPACE_RUNS.sub(" ", words).strip(_XML_SPACES)) > CONTROL_MAX):
        return
    attrib = element.attrib
    names = " ".join((attrib.get("class", ""), attrib.get("aria-label", ""), attrib.get("data-action", ""),
                      attrib.get("title", "")))
    if _is_amount(text) and not _in_prose(element):
        found.money.append(element)
    if (text and _DISMISS.match(text)) or (names.strip() and _DISMISS_ATTRIBUTE.search(names)):
        found.dismiss.append(element)
    vote_names = f"{names} {attrib.get('data-vote', '')}"
    if (text and _VOTE.match(text)) or "data-vote" in attrib or (vote_names.strip() and _VOTE_ATTRIBUTE.search(vote_names)):
        found.votes.append(element)


def _collect_prices(body: HtmlElement, found: _Signals) -> None:
    """Short elements whose own words (or their parent's) hold a sum of money: price tags of plans and offers."""
    seen: set[HtmlElement] = set()
    for holder in body.iter(*_PRICE_TAGS):
        if len(holder) > 2:
            continue
        own = "".join((holder.text or "", *(child.tail or "" for child in holder))) if len(holder) else holder.text or ""
        if _DIGIT.search(own) is None or not _MONEY.search(own):
            continue
        for element in (holder, holder.getparent()):
            if element is None or element in seen or element.tag not in _PRICE_TAGS or len(element) > 2:
                continue
            seen.add(element)
            text = _text(element)
            if 0 < len(text) <= CONTROL_MAX and _MONEY.search(text) and not any(
                    ancestor.tag == "p" for ancestor in element.iterancestors()):
                found.prices.append(element)


def _is_amount(text: str) -> bool:
    """A control's text that is a sum of money and little else ("$5", "10 €", "€25 / month" but not
    "$599 at a shop"): the choices of a payment widget."""
    if _DIGIT.search(text) is None:
        return False  # most controls: no sum at all
    match = _MONEY.search(text)
    return match is not None and 2 * len(match.group().strip()) >= len(text.strip()) - AMOUNT_SLACK


def _in_prose(element: HtmlElement) -> bool:
    """Whether ``element`` sits inside a paragraph of prose: a link in a sentence, not a control."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("p", "li", "td", "blockquote", "div"):
            text = _text(ancestor)
            return len(text) >= PROSE_MIN and _SENTENCE_END.search(text) is not None
    return False


def _holds(region: HtmlElement, elements: list[HtmlElement]) -> list[HtmlElement]:
    inside = set(region.iter())
    return [element for element in elements if element in inside]


def _has_submit(region: HtmlElement) -> bool:
    for element in region.iter("button", "input"):
        if element.tag == "button" or (element.get("type") or "").lower() in ("submit", "button", "image"):
            return True
    return False


def find_chrome(body: HtmlElement, options: Options, url: str = "") -> dict[HtmlElement, Mark]:
    """Every widget region that a functional rule finds in ``body``, with its mark; most pages: none."""
    site = _host(url)
    page_text = body.text_content()
    found = _collect(body, page_text, site)
    if not any((found.email, found.share, found.money, found.prices, found.dismiss, found.votes, found.asks, found.ads,
                found.teasers, found.captions, found.pictures)):
        return {}
    page_chars = len(collapse(page_text))
    marks: dict[HtmlElement, Mark] = {}

    def mark(region: HtmlElement, rule_id: str, kind: str) -> None:
        if not options.rule_enabled(rule_id) or region is body:
            return
        if any(ancestor in marks for ancestor in region.iterancestors()):
            return
        for inner in [m for m in marks if region in m.iterancestors()]:
            del marks[inner]
        marks.setdefault(region, Mark(rule_id, kind))

    for element in found.email:
        region = _region(element, body, REGION_MAX, page_chars)
        if _has_submit(region):
            mark(region, NEWSLETTER_RULE.id, NEWSLETTER_RULE.kind)
    for element in found.share:
        region = _region(element, body, SHARE_MAX, page_chars, headed=False)
        targets = {_host(a.get("href", "")) or "mailto" for a in _holds(region, found.share)}
        if len(targets) >= 2 or (targets and _holds(region, found.copy)):
            mark(region, SHARE_RULE.id, SHARE_RULE.kind)
    for element in (*found.money, *found.prices):
        region = _region(element, body, REGION_MAX, page_chars, pitch_only=True)
        amounts = {_text(m) for m in _holds(region, found.money)}
        prices = {_text(m) for m in _holds(region, found.prices)}
        if len(amounts) >= 2 or (len(amounts | prices) >= 2 and (_holds(region, found.asks) or _has_submit(region))):
            mark(region, PAYMENT_RULE.id, PAYMENT_RULE.kind)
    for element in found.dismiss:
        region = _region(element, body, REGION_MAX, page_chars, pitch_only=True)
        others = [e for e in region.iter() if _is_control(e) and e is not element and e not in found.dismiss]
        if others and (_holds(region, found.asks) or _READER.search(_text(region))):
            mark(region, DISMISS_RULE.id, DISMISS_RULE.kind)
    for element in found.votes:
        region = _region(element, body, REGION_MAX, page_chars)
        if len(_holds(region, found.votes)) >= 2 and "?" in _text(region):
            mark(region, FEEDBACK_RULE.id, FEEDBACK_RULE.kind)
    foreign = set(found.foreign)
    for element in found.asks:
        region = _region(element, body, REGION_MAX, page_chars)
        text = _text(region)
        if (_READER.search(text) and _prose_blocks(region) <= 1 and len(_text(element)) <= CONTROL_MAX
                and link_chars(region) <= ASK_LINK_SHARE * len(text)
                and (element not in foreign or _OUTLET_VOICE.search(text))):
            mark(region, READER_ASK_RULE.id, READER_ASK_RULE.kind)
    for element in found.asks:
        button = _ask_button(element, site)
        if button is not None and button not in marks and not any(a in marks for a in button.iterancestors()):
            mark(button, ASK_BUTTON_RULE.id, ASK_BUTTON_RULE.kind)
    for element in found.ads:
        region = _ad_region(element, body)
        mark(region, AD_SLOT_RULE.id, AD_SLOT_RULE.kind)
    for element in found.teasers:
        region = _teaser_region(element, body)
        if region is not None and _same_site_article(element.get("href", ""), site):
            mark(region, TEASER_RULE.id, TEASER_RULE.kind)
    if not options.keep_captions:
        for element in found.captions:
            if len(_text(element)) <= CAPTION_MAX:
                mark(_caption_region(element, body), CAPTION_RULE.id, CAPTION_RULE.kind)
        for picture in found.pictures:
            for caption in _beside_picture(picture, page_chars):
                mark(caption, CAPTION_RULE.id, CAPTION_RULE.kind)
    for region, found_mark in list(marks.items()):
        if found_mark.rule_id in (PAYMENT_RULE.id, DISMISS_RULE.id, READER_ASK_RULE.id, ASK_BUTTON_RULE.id):
            for head in _appeal_head(region):
                mark(head, APPEAL_HEAD_RULE.id, APPEAL_HEAD_RULE.kind)
    return marks


def _ask_button(link: HtmlElement, site: str) -> HtmlElement | None:
    """The block ``link`` makes up alone, when the block above it addresses the reader, for this site.

    An appeal set as loose blocks ends in a paragraph that holds nothing but
    its call to action; the pitch above says "you" (or asks in the imperative).
    The ask is the outlet's own when the link stays on this site or the pitch
    speaks as "we": a paragraph pointing readers to a charity's donation page
    is neither.
    """
    label = _text(link)
    block = link
    while (parent := block.getparent()) is not None and parent.tag in ("p", "div", "span", "strong", "b", "li"):
        if _text(parent) != label:
            break
        block = parent
    if block is link or not label or len(label) > CONTROL_MAX:
        return None
    above = block.getprevious()
    while above is not None and not isinstance(above.tag, str):
        above = above.getprevious()
    if above is None or above.tag in _HEADINGS or _longer(above, REGION_MAX):
        return None
    text = _text(above)
    if not _READER.search(text) or _prose_blocks(above) > 1 or link_chars(above) > ASK_LINK_SHARE * len(text):
        return None
    return block if _same_site(link.get("href", ""), site) or _OUTLET_VOICE.search(text) else None


def _same_site(href: str, site: str) -> bool:
    """A link to a page of this site (a relative one, or one to the page's own host)."""
    parts = _split(href) if not href.startswith(("#", "mailto:", "javascript:", "tel:")) else None
    if parts is None or (parts.scheme and parts.scheme not in ("http", "https")):
        return False
    return not parts.netloc or (bool(site) and _host(href) == site)


def _ad_region(slot: HtmlElement, body: HtmlElement) -> HtmlElement:
    """The slot with the short label over it: climb while the text around is a label of a few words."""
    node = slot
    while True:
        parent = node.getparent()
        if parent is None or parent is body or parent.tag in _STOP_TAGS:
            return node
        if _longer(parent, LABEL_MAX):
            return node
        text = _text(parent)
        if len(text.split()) > LABEL_WORDS or _SENTENCE_END.search(text) or _holds_control_text(parent):
            return node
        node = parent


def _holds_control_text(element: HtmlElement) -> bool:
    """Whether a link or button with words sits in ``element``: a label over an ad slot is never one."""
    return any(_text(control) for control in element.iter("a", "button"))


def _caption_region(caption: HtmlElement, body: HtmlElement) -> HtmlElement:
    """The whole caption a caption-classed element belongs to (a credit inside the caption text takes the text).

    Climb while the parent is still short text without a picture of its own.
    """
    node = caption
    while True:
        parent = node.getparent()
        if (parent is None or parent is body or parent.tag in _STOP_TAGS or _longer(parent, CAPTION_MAX)
                or any(True for _ in parent.iter("img", "picture", "figure"))):
            return node
        node = parent


def _teaser_region(link: HtmlElement, body: HtmlElement) -> HtmlElement | None:
    """The teaser a 'read more' link closes: a short block whose last words are the link, after a sentence.

    One more sign must agree: an arrow or ellipsis on the link or at the end of
    the blurb (a cut text), a headline opening the block in bold, or another link
    of the block or its card to the same story (the headline).
    """
    block = link.getparent()
    while block is not None and block.tag in ("span", "strong", "b", "em", "i"):
        block = block.getparent()
    if block is None or block is body or block.tag not in ("p", "div", "li") or link.getnext() is not None:
        return None
    if block is link.getparent() and link.getprevious() is None and not (block.text or "").strip():
        return None  # nothing before the link: a menu item, not a blurb
    tail = (link.tail or "").strip()
    if tail.strip(_ARROWS) or _longer(block, TEASER_MAX) or _longer(link, CONTROL_MAX):
        return None  # most links: words after them, or a long block, or a long link
    words = _text(link).split()
    if not words or len(words) > LABEL_WORDS:
        return None
    text = _text(block)
    link_text = " ".join(words)
    cut = text.rfind(link_text)
    before = text[:cut].strip() if cut > 0 else ""
    if not _SENTENCE_STOP.search(before) or _SENTENCE_END.search(link_text.rstrip(_ARROWS)):
        return None
    region = block
    parent = region.getparent()
    card = parent is not None and parent is not body and parent.tag not in _STOP_TAGS and not _longer(parent, TEASER_MAX)
    href = link.get("href")
    if card and parent is not None and {a.get("href") for a in parent.iter("a")} == {href} and len(list(parent.iter("a"))) > 1:
        return parent
    first = block[0] if len(block) and not (block.text or "").strip() else None
    signs = (bool(tail) or link_text[-1] in _ARROWS or before.endswith(("…", "...")),
             first is not None and first is not link and first.tag in ("strong", "b"),
             sum(1 for a in block.iter("a") if a.get("href") == href) > 1)
    return region if any(signs) else None


def _beside_picture(picture: HtmlElement, page_chars: int) -> Iterator[HtmlElement]:
    """Short texts that share a small wrapper with one picture and nothing else: its caption and credit."""
    holder = picture.getparent()
    while holder is not None and holder.tag in ("a", "picture", "span") and len(holder) == 1:
        holder = holder.getparent()
    if holder is None or holder.tag not in ("div", "figure", "span") or holder.find(".//p") is None and holder.tag != "figure":
        return
    text = _text(holder)
    if sum(1 for _ in holder.iter("img")) != 1 or len(text) > CAPTION_MAX or len(text) > REGION_SHARE * page_chars:
        return
    for child in holder:
        if child.tag in ("p", "span", "div", "small") and _text(child) and child.find(".//img") is None:
            yield child


def _appeal_head(region: HtmlElement) -> list[HtmlElement]:
    """The heading and reader-addressing short blocks right above ``region``, when a heading opens them."""
    taken: list[HtmlElement] = []
    node = region.getprevious()
    while node is not None and len(taken) < APPEAL_REACH:
        if not isinstance(node.tag, str):
            node = node.getprevious()
            continue
        text = _text(node)
        if node.tag in _HEADINGS and 0 < len(text) <= 120:
            return [*taken, node]
        if len(text) > REGION_MAX or not _READER.search(text) or _prose_blocks(node) > 1:
            return []
        taken.append(node)
        node = node.getprevious()
    return []
