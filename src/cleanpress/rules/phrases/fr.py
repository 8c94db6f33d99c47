"""French phrases."""

PHRASES: dict[str, tuple[str, ...]] = {
    "text.support-banner": (
        r"soutenez[\p{L} .'&-]{0,40}",
        r"faire un don",
        r"devenez (?:membre|abonn[ée]e?)",
    ),
    "text.appeal-opener": (
        r"un message (?:de|du|des) [\p{L} .'&-]{2,60}:?",
        r"ch(?:ers|ères) lect(?:eurs|rices)[,!:]?",
    ),
    "text.donation": (
        r"\bsoutenez(?:-nous| notre (?:travail|journalisme)| le journalisme)\b",
        r"\bfaites un don\b",
        r"\bvotre (?:soutien|don) (?:compte|nous)\b",
    ),
    "text.payment-widget": (
        r"une fois|ponctuel|mensuel(?:lement)?|annuel(?:lement)?|continuer|autre montant|moyens de paiement",
    ),
    "text.remind-later": (
        r"me le rappeler plus tard|plus tard|non merci",
    ),
    "text.newsletter": (
        r"\binscrivez-vous à (?:notre|la) [\p{L}-]*\s?(?:newsletter|lettre d'information)\b",
        r"\brecevez (?:notre|la) newsletter\b",
        r"\bvotre (?:adresse )?e-?mail\b",
    ),
    "text.paywall": (
        r"\bcet article est réservé aux (?:abonnés|membres)\b",
        r"\bdéjà abonné\b",
        r"\bla suite est réservée aux abonnés\b",
        r"\babonnez-vous pour (?:lire|continuer)\b",
        r"\bpour (?:accéder|lire) (?:en illimité|à l.intégralité)\b|\bpour lire la suite\b",
    ),
    "text.subscribe": (
        r"abonnez-vous|s'abonner|je m'abonne",
    ),
    "text.read-more": (
        r"lire (?:la )?suite|lire plus|en savoir plus|voir plus|plus d'articles",
    ),
    "text.read-also": (
        r"(?:lire aussi|à lire aussi|voir aussi|sur le même sujet|lire également) ?[:|-] ?.{3,200}",
    ),
    "text.related-heading": (
        r"sur le même sujet|à lire aussi|les plus lus|articles similaires|nos recommandations|dans la même rubrique",
        r"vous aimerez (?:aussi|également)|vous (?:pourriez|pouvez) aussi aimer|(?:articles|audios et vidéos|vidéos|contenus) sur le (?:même )?sujet|à lire (?:également|ensuite)",
        r"a lire (?:aussi|également)",
        r"(?:les )?articles (?:les plus lus|similaires|recommandés)|nos derniers articles|les plus (?:partagés|commentés)|(?:voir|lire) aussi|les dernières (?:actualités|actus|infos)",
    ),
    "text.share": (
        r"partager(?: sur [\p{L}]+)?|partagez(?: cet article)?|imprimer|suivez-nous(?: sur [\p{L}, ]+)?",
        r"partager (?:cet article|l.article)|envoyer par (?:e-?mail|courriel)|télécharger (?:l.article |cet article )?en pdf",
    ),
    "text.cookie": (
        r"^(?:tout )?(?:accepter|refuser)(?: tout)?$",
        r"\bce site utilise des cookies\b",
        r"\b(?:nous utilisons|utilise) des cookies\b",
        r"\baccepter (?:les|tous les) cookies\b",
    ),
    "text.ad-label": (
        r"publicité|sponsorisé|contenu sponsorisé",
    ),
    "text.image-credit": (
        r"(?:photo|crédit photo|illustration)\s*:\s*.{2,80}",
    ),
    "text.comments": (
        r"(?:\d+ )?commentaires?|réagir|laisser un commentaire",
        r"les commentaires sont (?:fermés|désactivés|clos)|aucun commentaire",
    ),
    "text.copyright": (
        r"tous droits réservés\.?",
        r"les (?:opinions|propos|textes|idées) .{0,80}n.engagent que (?:leurs|son|ses|les) auteurs?",
    ),
    "text.login": (
        r"se connecter|connexion|s'inscrire|rechercher|fermer",
    ),
    "text.byline": (
        r"par (?-i:\p{Lu})[\p{L}.'’-]*(?: [\p{L}.'’-]+){0,4}",
    ),
    "text.dateline": (
        r"(?:publié|mis à jour)(?: le)?:? .{4,60}",
    ),
    "text.date-only": (
        r"(?:le )?\d{1,2}(?:er)? (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}(?: à \d{1,2}h\d{2})?",
    ),
}
