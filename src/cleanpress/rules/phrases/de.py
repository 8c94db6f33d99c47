"""German phrases."""

PHRASES: dict[str, tuple[str, ...]] = {
    "text.support-banner": (
        r"(?:jetzt )?unterstützen(?: sie [\p{L} .'&-]{0,40})?",
        r"(?:mitglied|abonnent) werden",
    ),
    "text.appeal-opener": (
        r"in eigener sache:?|(?:eine )?(?:nachricht|botschaft|brief) der redaktion:?",
        r"liebe (?:leserinnen(?: und leser)?|leser(?:innen)?)[,!:]?",
    ),
    "text.donation": (
        r"\bunterstützen sie (?:uns|unsere arbeit|unabhängigen journalismus)\b",
        r"\bjetzt (?:spenden|unterstützen)\b",
        r"\bmit (?:ihrer|einer) (?:spende|unterstützung)\b",
        r"\bjede (?:kleine |noch so kleine )?spende (?:hilft|zählt)\b|\bspenden sie (?:jetzt|noch heute)\b",
    ),
    "text.payment-widget": (
        r"einmalig|monatlich|jährlich|weiter|zahlungsmethoden|anderer betrag",
        r"noch nicht bereit,? (?:zu )?(?:unterstützen|spenden)\??",
    ),
    "text.remind-later": (
        r"später erinnern|erinnere mich später|nein,? danke|jetzt nicht",
    ),
    "text.newsletter": (
        r"\bnewsletter (?:abonnieren|bestellen|anmelden)\b",
        r"\b(?:für|zum) (?:unseren|den) [\p{L}-]*newsletter anmelden\b",
        r"\bmelden sie sich (?:für|zu) (?:unserem|unseren|den) [\p{L}-]*newsletter an\b",
        r"\bihre e-?mail-adresse\b",
        r"\b(?:schauen sie|abonnieren sie|bestellen sie|holen sie sich|abonniere|abonniert)\b.{0,40}newsletter\b",
        r"\bnewsletter-?anmeldung\b",
    ),
    "text.paywall": (
        r"\b(?:weiterlesen|lesen sie weiter) mit\b",
        r"\bdieser (?:artikel|beitrag|inhalt) ist (?:nur )?für (?:abonnenten|abonnentinnen|mitglieder)\b",
        r"\bsie sind bereits abonnent\b",
        r"\bum (?:den|diesen) (?:ganzen )?artikel (?:weiter )?zu lesen\b",
        r"\bjetzt abonnieren und weiterlesen\b",
        r"\bmit [\p{L}\p{N}+ -]{1,20} weiterlesen\W*$",
    ),
    "text.subscribe": (
        r"(?:jetzt )?abonnieren|abo abschließen|(?:jetzt )?gratis testen",
    ),
    "text.read-more": (
        r"weiterlesen|mehr lesen|mehr anzeigen|mehr zum thema|alle artikel|mehr artikel",
        r"weitere informationen|weitere infos|zum weiterlesen",
        r"weitere inf(?:os|ormationen) (?:unter|auf|bei) (?:https?://)?(?:www\.)?[\p{L}\p{N}.-]+\.[a-z]{2,6}\S*",
        r"(?:zum )?originalartikel|(?:\.\.\.|…)?\s?weiter (?:zu|zum|zur) .{2,30}",
    ),
    "text.read-also": (
        r"(?:lesen sie auch|auch interessant|mehr zum thema|siehe auch|das könnte sie auch interessieren|zum thema) ?[:|-] ?.{3,200}",
    ),
    "text.related-heading": (
        r"ähnliche (?:beiträge|artikel|themen|nachrichten)",
        r"(?:die )?meistgelesenen?(?: artikel| beiträge)?",
        r"weitere (?:artikel|beiträge|themen|nachrichten|meldungen)(?: [\p{L} ]{0,40})?",
        r"weitere aktuelle themen(?: [\p{L} ]{0,40})?",
        r"(?:das )?könnte sie auch interessieren|auch interessant|mehr zum thema|meistgelesen|empfehlungen|weitere artikel|lesen sie auch",
        r"(?:das (?:thema )?)?könnte (?:sie|dich|euch) auch interessieren|vorschau auf den nächsten artikel|(?:nächster|vorheriger) (?:artikel|beitrag)",
        r"mehr (?:artikel|beiträge|kolumnen|news|nachrichten|themen|tests|videos|ratgeber) (?:auf|von|bei|aus|zu|zum|zur) [\p{L}\p{N} .&-]{2,40}",
        r"weiterführende (?:links|artikel|informationen|beiträge)",
        r"empfehlungen (?:aus|von) (?:dem|unserem|der|unserer) [\p{L}\p{N} .&-]{2,40}",
        r"das könnte (?:ihnen|dir|euch) auch gefallen|auch lesenswert|ebenfalls interessant|passend (?:zum thema|dazu)|(?:neueste|aktuelle|beliebte|verwandte|populäre|letzte) (?:artikel|beiträge|themen|news)|top-(?:artikel|themen)|mehr aus (?:dem ressort|der rubrik|der kategorie)(?: [\p{L}\p{N} .&-]{2,40})?",
    ),
    "text.share": (
        r"(?:diesen )?(?:artikel|beitrag) teilen",
        r"teilen|(?:auf|bei|via) (?:facebook|twitter|x|whatsapp|linkedin) teilen|artikel teilen|drucken|folgen sie uns(?: auf [\p{L}, ]+)?",
        r"(?:möchten sie|willst du|wollen sie) (?:den|diesen) (?:artikel|beitrag) teilen\??",
        r"(?:diese[ns]? )?(?:artikel|beitrag|seite|text|skript)s? als pdf (?:herunterladen|speichern|drucken)",
        r"(?:artikel |beitrag )?merken|zur merkliste hinzufügen",
        r"sieh dir diesen beitrag auf [\p{L}]+ an",
        r"(?:artikel|seite|beitrag) (?:drucken|versenden|empfehlen|per e-?mail (?:versenden|teilen))|teilen (?:auf|bei|via) [\p{L}]+",
    ),
    "text.cookie": (
        r"^(?:alle )?(?:akzeptieren|ablehnen)$",
        r"\bwir (?:verwenden|nutzen) cookies\b",
        r"\bcookies? (?:akzeptieren|einstellungen|ablehnen)\b|\bdiese (?:web)?seite (?:verwendet|nutzt) cookies\b",
    ),
    "text.ad-label": (
        r"anzeige|werbung|gesponsert|sponsored",
        r"\*?(?:(?:anzeige|werbung)[.:]? )?dieser (?:beitrag|artikel|post|text) enthält (?:unbezahlte |bezahlte )?(?:werbung|affiliate-links?|werbelinks?)\b.{0,80}",
        r"(?-i:[AW]\p{Lu}{6})(?<=anzeige|werbung) ?[-–:|] ?.{2,80}",  # in capitals, as a label
    ),
    "text.image-credit": (
        r"(?:titelbild|beitragsbild|vorschaubild|bildquelle)(?:\s*:.{0,80})?",
        r"(?:foto|bild|fotos|bilder|quelle)\s*:\s*.{2,80}",
        r"(?:bild|foto) \d+ (?:von|/) \d+",
    ),
    "text.comments": (
        r"keine kommentare|kommentare (?:geschlossen|deaktiviert)|kommentar verfassen",
        r"(?:\d+ )?kommentare?|kommentar schreiben|kommentieren|diskutieren sie mit",
        r"(?:(?:kommentarfeed|kommentare? (?:geschlossen|deaktiviert)|trackback(?:-url)?|kommentar-?rss)(?: \| )?){2,4}|kommentare? insgesamt:? ?\d+",
        r"noch keine kommentare",
        r"(?:alle )?kommentare (?:anzeigen|lesen|einblenden)|jetzt kommentieren|zum kommentarbereich|kommentar abgeben|(?:schreibe|hinterlasse) einen kommentar",
    ),
    "text.copyright": (
        r"alle rechte vorbehalten\.?",
        r"(?:dieser|der) (?:text|artikel|beitrag|inhalt) (?:wurde |ist |steht )?(?:veröffentlicht )?unter (?:der|einer) (?:lizenz|creative[- ]commons).{0,120}",
        r"\(?(?:alle )?angaben ohne gewähr\.?\)?",
    ),
    "text.login": (
        r"anmelden|einloggen|abmelden|registrieren|suche|menü|schließen",
    ),
    "text.byline": (
        r"über (?:den|die) autor(?:in)?:?",
        r"(?:von|autor(?:in)?:) (?-i:\p{Lu})[\p{L}.'’-]*(?: [\p{L}.'’-]+){0,4}",
        r"(?:verfasst|geschrieben|gepostet|eingestellt) von:? [\p{L}\p{N}._ -]{2,60}(?: \| .{4,40})?",
    ),
    "text.dateline": (
        r"erstellt am .{4,60}",
        r"(?:der beitrag|dieser (?:text|artikel|beitrag)) wurde (?:am .{4,40} )?(?:veröffentlicht|aktualisiert|erstellt).{0,60}",
        r"(?:veröffentlicht|aktualisiert|erschienen)(?: am)?:? .{4,60}",
        r"(?:video|audio|sendung|beitrag) (?:verfügbar|abrufbar) bis .{4,40}",
        r"(?:aufrufe|zugriffe|gelesen):? \d+(?: ?mal)?(?: \| .{0,70})?",
        r"mitglied seit .{4,30}",
    ),
    "text.legal-links": (
        r"(?:datenschutz(?:erklärung)?|impressum|agb|kontakt|barrierefreiheit)(?:\s*[·|•/]\s*(?:datenschutz(?:erklärung)?|impressum|agb|kontakt|barrierefreiheit))+",
        r"(?:presse)?kontakt|ansprechpartner(?:in|innen)?(?: zum thema| für (?:die )?(?:presse|medien))?",
    ),
    "text.date-only": (
        r"\d{1,2}\. ?(?:januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember) \d{4}(?:,? \d{1,2}[:.]\d{2}(?: uhr)?)?",
    ),
    "text.promo": (
        r"^(?:jetzt )?(?:testen|abonnieren|bestellen)\b.{0,140}\b(?:abo|ausgabe|magazin|probeabo|zeitschrift)\b",
        r"\b(?:aktuelle|neue|neueste) (?:ausgabe|heft)\b.{0,120}\b(?:kiosk|im abo|e-?paper|im handel|bestellen)\b|\b(?:einzelheft|e-?paper)\b.{0,60}\b(?:bestellen|erhältlich|kiosk)\b|\b(?:im shop|am kiosk) als (?:abo|einzelheft)\b",
    ),
}
