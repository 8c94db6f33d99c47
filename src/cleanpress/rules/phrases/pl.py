"""Polish phrases."""

PHRASES: dict[str, tuple[str, ...]] = {
    "text.support-banner": (r"wesprzyj[\p{L} .'&-]{0,40}", r"wspieraj[\p{L} .'&-]{0,40}"),
    "text.appeal-opener": (r"drodzy czytelnicy[,!:]?",),
    "text.donation": (r"\bwesprzyj (?:nas|naszą pracę|niezależne dziennikarstwo)\b", r"\bprzekaż darowiznę\b"),
    "text.payment-widget": (r"jednorazowo|miesięcznie|co miesiąc|rocznie|dalej|kontynuuj|inna kwota",),
    "text.remind-later": (r"przypomnij (?:mi )?później|nie teraz",),
    "text.newsletter": (r"\bzapisz się (?:do|na) (?:naszego )?newslett?era?\b", r"\btwój (?:adres )?e-?mail\b"),
    "text.paywall": (r"\bten artykuł (?:jest )?dostępny (?:tylko )?dla (?:subskrybentów|prenumeratorów)\b", r"\bmasz już (?:subskrypcję|prenumeratę)\b"),
    "text.subscribe": (r"subskrybuj|zaprenumeruj|wykup (?:dostęp|subskrypcję)",),
    "text.read-more": (r"czytaj (?:więcej|dalej)|zobacz (?:więcej|też)|więcej artykułów",),
    "text.read-also": (r"(?:czytaj (?:też|także|również)|zobacz (?:też|także|również)|przeczytaj (?:też|także|również)) ?[:|-] ?.{3,200}",),
    "text.related-heading": (r"czytaj (?:też|także|również)|zobacz (?:też|także|również)|najczęściej czytane|polecane|podobne artykuły",),
    "text.share": (r"udostępnij(?: na [\p{L}]+)?|drukuj|obserwuj nas(?: na [\p{L}, ]+)?",),
    "text.cookie": (r"\bużywamy (?:plików )?cookies?\b", r"\bta strona (?:używa|wykorzystuje) (?:pliki )?cookies?\b"),
    "text.ad-label": (r"reklama|materiał (?:sponsorowany|partnera)|sponsorowane",),
    "text.image-credit": (r"(?:fot|foto|zdjęcie)\.?\s*:\s*.{2,80}",),
    "text.comments": (r"(?:\d+ )?komentarz(?:e|y|ami)?|dodaj komentarz",),
    "text.copyright": (r"wszelkie prawa zastrzeżone\.?",),
    "text.login": (r"zaloguj(?: się)?|wyloguj|zarejestruj(?: się)?|szukaj|zamknij",),
    "text.byline": (r"(?:autor|autorka):? [\p{Lu}][\p{L}.'’-]*(?: [\p{L}.'’-]+){0,3}",),
    "text.dateline": (r"(?:opublikowano|aktualizacja):? .{4,60}",),
}
