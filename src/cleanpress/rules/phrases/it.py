"""Italian phrases."""

PHRASES: dict[str, tuple[str, ...]] = {
    "text.support-banner": (
        r"sostieni[\p{L} .'&-]{0,40}",
        r"abbonati(?: ora)?",
        r"diventa (?:socio|sostenitore|abbonato)",
    ),
    "text.appeal-opener": (
        r"(?:cari|care) lett(?:ori|rici)[,!:]?",
        r"un messaggio (?:da|della redazione)[\p{L} .'&-]{0,60}:?",
    ),
    "text.donation": (
        r"\bsostieni(?:ci| il nostro (?:lavoro|giornalismo))\b",
        r"\bfai una donazione\b",
    ),
    "text.payment-widget": (
        r"una volta|mensile|annuale|continua|altro importo|metodi di pagamento",
    ),
    "text.remind-later": (
        r"ricordamelo più tardi|più tardi|no,? grazie",
    ),
    "text.newsletter": (
        r"\biscriviti alla (?:nostra )?newsletter\b",
        r"\bricevi la (?:nostra )?newsletter\b",
        r"\bla tua (?:e-?mail|email)\b",
    ),
    "text.paywall": (
        r"\bquesto articolo è riservato agli abbonati\b",
        r"\bsei già abbonato\b",
        r"\babbonati per continuare a leggere\b",
    ),
    "text.subscribe": (
        r"abbonati|iscriviti",
    ),
    "text.read-more": (
        r"leggi (?:di più|tutto|anche)|continua a leggere|altre notizie",
    ),
    "text.read-also": (
        r"(?:leggi anche|potrebbe interessarti|vedi anche|correlati) ?[:|-] ?.{3,200}",
    ),
    "text.related-heading": (
        r"leggi anche|potrebbe interessarti|articoli correlati|i più letti|più letti",
        r"ti potrebbe (?:anche )?interessare|potrebbero interessarti|articoli simili|i più (?:visti|condivisi)|ultime notizie",
    ),
    "text.share": (
        r"condividi(?: su [\p{L}]+)?|stampa|seguici(?: su [\p{L}, ]+)?",
    ),
    "text.cookie": (
        r"\b(?:utilizziamo|usiamo) (?:i )?cookie\b",
        r"\bquesto sito (?:utilizza|usa) (?:i )?cookie\b",
        r"^(?:accetta|rifiuta)(?: tutti)?$",
    ),
    "text.ad-label": (
        r"pubblicità|contenuto sponsorizzato|sponsorizzato",
    ),
    "text.image-credit": (
        r"(?:foto|immagine)\s*:\s*.{2,80}",
    ),
    "text.comments": (
        r"(?:\d+ )?commenti|lascia un commento|commenta",
        r"commenti chiusi|nessun commento",
    ),
    "text.copyright": (
        r"tutti i diritti riservati\.?",
    ),
    "text.login": (
        r"accedi|registrati|cerca|chiudi",
    ),
    "text.byline": (
        r"di (?-i:\p{Lu})[\p{L}.'’-]*(?: [\p{L}.'’-]+){0,3}",
    ),
    "text.date-only": (
        r"\d{1,2} (?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre) \d{4}",
    ),
}
