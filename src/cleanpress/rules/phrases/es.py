"""Spanish phrases."""

PHRASES: dict[str, tuple[str, ...]] = {
    "text.support-banner": (
        r"hazte (?:socio|socia|miembro|suscriptor)\b.{0,80}",
        r"apoya[\p{L} .'&-]{0,40}",
        r"hazte (?:socio|socia|miembro|suscriptor)",
        r"dona(?: ahora)?",
    ),
    "text.appeal-opener": (
        r"un mensaje de [\p{L} .'&-]{2,60}:?",
        r"queridos? lector(?:es|as)[,!:]?",
    ),
    "text.donation": (
        r"\bapoya(?:nos| nuestro (?:trabajo|periodismo)| el periodismo)\b",
        r"\bhaz una donación\b",
        r"\btu (?:apoyo|aportación) (?:es|nos)\b",
    ),
    "text.payment-widget": (
        r"una vez|única vez|mensual(?:mente)?|anual(?:mente)?|continuar|otra cantidad|métodos de pago",
    ),
    "text.remind-later": (
        r"recordármelo más tarde|más tarde|no,? gracias|ahora no",
    ),
    "text.newsletter": (
        r"\bsuscr[ií]bete (?:aquí )?a (?:nuestro|nuestra|el|la) [\p{L}-]*\s?(?:boletín|newsletter)\b",
        r"\brecibe (?:nuestro|el) (?:boletín|newsletter)\b",
        r"\btu (?:correo electrónico|email|e-mail)\b",
    ),
    "text.paywall": (
        r"\b(?:este )?contenido (?:es )?exclusivo para suscriptores\b",
        r"\bya eres suscriptor\b",
        r"\bsuscríbete para (?:seguir leyendo|leer)\b",
        r"\bpara (?:seguir|continuar) leyendo\b.{0,80}\b(?:suscr|regístr|inicia)",
    ),
    "text.subscribe": (
        r"suscríbete|suscribirse|suscríbase",
    ),
    "text.read-more": (
        r"leer más|seguir leyendo|ver más|más noticias",
    ),
    "text.read-also": (
        r"(?:lee también|leer también|te puede interesar|le puede interesar|relacionad[oa]s?|ver también) ?[:|-] ?.{3,200}",
    ),
    "text.related-heading": (
        r"notas relacionadas|artículos relacionados|más noticias(?: de [\p{L} ]{0,30})?",
        r"te puede interesar|noticias relacionadas|lo más leído|más leídas|también te puede interesar|relacionad[oa]s",
        r"también te podría interesar|te recomendamos|lo más (?:visto|compartido)|últimas noticias|más vistas|contenido relacionado|quizás te interese|te podría interesar",
    ),
    "text.share": (
        r"s[ií]guenos en .{0,80}",
        r"compartir(?: en [\p{L}]+)?|comparte(?: este artículo)?|imprimir|síguenos(?: en [\p{L}, ]+)?",
        r"s[ií]guenos (?:en|a través de) [\p{L}, ]{2,60}(?: para .{0,100})?",
        r"(?:¿?ya sab[ií]as que .{0,60}tenemos (?:un )?|[úu]nete (?:a|al) (?:nuestro )?|s[ií]guenos en (?:nuestro )?)canal (?:de|en) (?:telegram|whatsapp)\b.{0,140}",
        r"comparte esta (?:noticia|nota|publicación)|compartir (?:en|por) (?:facebook|twitter|whatsapp|e-?mail|x)",
        r"(?:también )?pued(?:e|es|en) (?:escribirnos .{2,80} o )?seguir(?:nos)? (?:a .{2,60} )?en (?:facebook|twitter|instagram|x|linkedin|youtube)\b.{0,160}",
    ),
    "text.cookie": (
        r"^(?:aceptar|rechazar)(?: todo| todas)?$",
        r"\b(?:utilizamos|usamos) cookies\b",
        r"\beste sitio (?:web )?(?:utiliza|usa) cookies\b",
        r"\baceptar (?:las |todas las )?cookies\b",
    ),
    "text.ad-label": (
        r"publicidad|patrocinado|contenido patrocinado|anuncio",
    ),
    "text.image-credit": (
        r"(?:foto|fotografía|imagen)\s*:\s*.{2,80}",
    ),
    "text.comments": (
        r"(?:\d+ )?comentarios?|deja un comentario|comentar",
        r"los comentarios están cerrados|comentarios cerrados|sin comentarios",
    ),
    "text.copyright": (
        r"todos los derechos reservados\.?",
    ),
    "text.login": (
        r"iniciar sesión|entrar|registrarse|buscar|cerrar",
    ),
    "text.byline": (
        r"por (?-i:\p{Lu})[\p{L}.'’-]*(?: [\p{L}.'’-]+){0,4}",
    ),
    "text.dateline": (
        r"(?:publicado|actualizado)(?: el)?:? .{4,60}",
    ),
    "text.date-only": (
        r"\d{1,2} de (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre) de \d{4}",
    ),
    "text.promo": (
        r"\bcancela(?:r)? cuando quieras\b",
    ),
}
