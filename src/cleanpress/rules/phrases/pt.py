"""Portuguese phrases."""

PHRASES: dict[str, tuple[str, ...]] = {
    "text.newsletter": (
        r"\b(?:assine|inscreva-se (?:em|n)a?|receba) (?:a )?nossa newsletter\b",
    ),
    "text.subscribe": (
        r"assine(?: já| agora)?|assinar",
    ),
    "text.read-more": (
        r"leia mais|saiba mais|continue lendo|ver mais|mais notícias",
    ),
    "text.read-also": (
        r"(?:leia (?:também|mais)|veja também|saiba mais|relacionad[oa]s?) ?[:|-] ?.{3,200}",
    ),
    "text.related-heading": (
        r"veja também|leia também|notícias relacionadas|matérias relacionadas|mais lidas(?: da semana| do dia)?",
        r"você (?:também )?pode gostar|relacionad[oa]s|recomendad[oa]s para você",
    ),
    "text.share": (
        r"compartilh(?:e|ar)(?: (?:no|via) [\p{L}]+)?|imprimir|siga-nos(?: n[oa] [\p{L}, ]+)?|nos siga n[oa] [\p{L}, ]+",
    ),
    "text.cookie": (
        r"\b(?:este site|nós) (?:utiliza|usa|usamos|utilizamos) cookies\b",
        r"^(?:aceitar|rejeitar)(?: todos)?$",
    ),
    "text.ad-label": (
        r"publicidade|conteúdo patrocinado|patrocinado",
    ),
    "text.image-credit": (
        r"\(?(?:crédito|créditos|foto|fotos|imagem)\s*:\s*.{2,80}\)?",
    ),
    "text.comments": (
        r"(?:\d+ )?comentários?|deixe (?:um|seu) comentário|comente",
    ),
    "text.copyright": (
        r"todos os direitos reservados\.?",
    ),
    "text.dateline": (
        r"(?:publicad[oa]|atualizad[oa])(?: em)?:? .{4,60}",
    ),
    "text.date-only": (
        r"\d{1,2} de (?:janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro) de \d{4}(?:,? (?:às )?\d{1,2}[h:]\d{2})?",
        r"(?:(?:segunda|terça|quarta|quinta|sexta)-feira|sábado|domingo),? \d{1,2} de (?:janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro) de \d{4}(?:,? (?:às )?\d{1,2}[h:]\d{2})?",
    ),
}
