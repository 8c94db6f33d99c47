"""Polish phrases."""

PHRASES: dict[str, tuple[str, ...]] = {
    "text.support-banner": (
        r"wesprzyj[\p{L} .'&-]{0,40}",
        r"wspieraj[\p{L} .'&-]{0,40}",
    ),
    "text.appeal-opener": (
        r"drodzy czytelnicy[,!:]?",
    ),
    "text.donation": (
        r"\bwesprzyj (?:nas|naszą pracę|niezależne dziennikarstwo)\b",
        r"\bprzekaż darowiznę\b",
    ),
    "text.payment-widget": (
        r"jednorazowo|miesięcznie|co miesiąc|rocznie|dalej|kontynuuj|inna kwota",
    ),
    "text.remind-later": (
        r"przypomnij (?:mi )?później|nie teraz",
    ),
    "text.newsletter": (
        r"\bzapisz się (?:do|na) (?:naszego )?newslett?era?\b",
        r"\btwój (?:adres )?e-?mail\b",
    ),
    "text.paywall": (
        r"\bten artykuł (?:jest )?dostępny (?:tylko )?dla (?:subskrybentów|prenumeratorów)\b",
        r"\bmasz już (?:subskrypcję|prenumeratę)\b",
    ),
    "text.subscribe": (
        r"subskrybuj|zaprenumeruj|wykup (?:dostęp|subskrypcję)",
    ),
    "text.read-more": (
        r"czytaj (?:więcej|dalej)|zobacz (?:więcej|też)|więcej artykułów",
    ),
    "text.read-also": (
        r"(?:czytaj (?:też|także|również)|zobacz (?:też|także|również)|przeczytaj (?:też|także|również)) ?[:|-] ?.{3,200}",
    ),
    "text.related-heading": (
        r"czytaj (?:też|także|również)|zobacz (?:też|także|również)|najczęściej czytane|polecane|podobne artykuły",
        r"może cię (?:też |także |również )?zainteresować|najnowsze (?:artykuły|wiadomości)|polecamy|powiązane(?: artykuły| tematy)?",
    ),
    "text.share": (
        r"udostępnij(?: na [\p{L}]+)?|drukuj|obserwuj nas(?: na [\p{L}, ]+)?",
        r"udostępnij artykuł|skomentuj",
    ),
    "text.cookie": (
        r"\bplik(?:i|ów|ach|ami) cookies?\b",
        r"\bużywamy (?:plików )?cookies?\b",
        r"\bta strona (?:używa|wykorzystuje) (?:pliki )?cookies?\b",
    ),
    "text.ad-label": (
        r"reklama|materiał (?:sponsorowany|partnera)|sponsorowane",
    ),
    "text.image-credit": (
        r"(?:fot|foto|zdjęcie)\.?\s*:\s*.{2,80}",
        r"[^/]{2,100}/\s?(?:domena publiczna|materiały prasowe|east news|pap|getty images|shutterstock)",
    ),
    "text.comments": (
        r"(?:\d+ )?komentarz(?:e|y|ami)?|dodaj komentarz",
    ),
    "text.copyright": (
        r"materiał chroniony prawem.{0,160}",
        r"wszelkie prawa zastrzeżone\.?",
    ),
    "text.login": (
        r"zaloguj(?: się)?|wyloguj|zarejestruj(?: się)?|szukaj|zamknij",
    ),
    "text.byline": (
        r"(?:autor|autorka):? (?-i:\p{Lu})[\p{L}.'’-]*(?: [\p{L}.'’-]+){0,3}",
    ),
    "text.dateline": (
        r"(?:opublikowano|aktualizacja):? .{4,60}",
    ),
    "text.date-only": (
        r"\d{1,2} (?:stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia) \d{4}",
    ),
}
