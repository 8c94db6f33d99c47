"""English phrases."""

PHRASES: dict[str, tuple[str, ...]] = {
    "text.support-banner": (
        r"support us|support (?:the |our )[\p{L}\p{N} .'&-]{2,40}!",
        r"become an? (?:member|supporter|patron|subscriber)",
        r"(?:donate|contribute)(?: now| today)?",
    ),
    "text.appeal-opener": (
        r"a (?:message|note|letter) from (?:the )?[\p{L}\p{N} .'&-]{2,60}:?",
        r"dear (?:readers?|friends|supporters)[,!:]?",
        r"dear readers?, .{0,300}\b(?:support|donat|contribut)\w*",
    ),
    "text.donation": (
        r"\b(?:please )?(?:consider )?(?:supporting|support|donating to|donate to) (?:us|our (?:work|journalism|newsroom|reporting))",
        r"\bmake a (?:one-time |monthly |small |tax-deductible )?(?:donation|contribution)\b",
        r"\bsupport (?:independent|quality|our|free) (?:journalism|reporting|media)\b",
        r"\byour (?:support|contribution|donation)s?,? (?:no matter how small|helps|keeps|makes)",
        r"\bbecome a (?:member|supporter|patron)\b",
    ),
    "text.payment-widget": (
        r"once|one[- ]time|monthly|annual(?:ly)?|yearly|weekly|continue|other amount|donate(?: now)?",
        r"pa[iy]m?ent methods?",
        r"not ready to (?:support|donate|give|contribute)(?: today| now| yet)?\??",
        r"(?:[$€£]\s?\d+(?:[.,]\d\d)?|\d+(?:[.,]\d\d)?\s?[$€£])(?:\s?(?:/|per) ?(?:month|year|mo|yr))?",
        r"(?:credit|debit) card|paypal|apple pay|google pay",
    ),
    "text.remind-later": (r"remind me later|maybe later|no,? thanks|not now",),
    "text.newsletter": (r"\bin your inbox\b", 
        r"\b(?:sign up|subscribe|register) (?:for|to) (?:our|the|my)\b.{0,60}\b(?:newsletter|briefing|digest|e-?mails?|updates)\b",
        r"\bget (?:our|the) .{0,40}newsletter\b",
        r"\bnewsletter sign[- ]?up\b",
        r"\b(?:our|this|the) (?:\w+ ){0,3}newsletter (?:contains|delivers|brings|is|will)\b",
        r"\byou will receive (?:it|them|our \w+)? ?in your (?:mail|in)box\b",
        r"\b(?:subscribers|by (?:signing up|subscribing)),? you agree\b|\bsubscribers agree to\b",
        r"\benter your e-?mail(?: address)?\b",
        r"\bdelivered (?:straight |directly )?to your inbox\b",
    ),
    "text.paywall": (
        r"\b(?:subscribe|log ?in|sign ?in|register) to (?:continue|keep) reading\b",
        r"\bthis (?:article|story|content) is (?:only )?(?:available|reserved|exclusive) (?:to|for) (?:subscribers|members)\b",
        r"\balready (?:a subscriber|have an account|a member)\b",
        r"\bto (?:continue reading|read (?:the|this) full (?:article|story)),? (?:please )?(?:subscribe|log in|sign in)\b",
        r"\byou(?:'ve| have) (?:reached|used) (?:your|all your) (?:free )?(?:article|story) limit\b",
        r"\bsubscribe for (?:full|unlimited) access\b|\bget unlimited (?:digital )?access\b",
    ),
    "text.subscribe": (
        r"subscribe(?: now| today| here)?!?",
        r"start your free trial|try it free|get (?:\d+ )?(?:months? )?free",
    ),
    "text.read-more": (
        r"read more|continue reading|read (?:the )?full (?:story|article)|more (?:stories|articles|news)|see more|show more|load more",
    ),
    "text.read-also": (
        r"(?:read (?:more|also|next)|see also|related(?: story| article)?|more on this(?: story)?|recommended|don't miss|you (?:may|might) also like) ?[:|-] ?.{3,200}",
    ),
    "text.related-heading": (
        r"related(?: (?:articles|stories|posts|content|coverage|links|news))?|more (?:from|on|in) [\p{L}\p{N} .'&-]{2,40}"
        r"|(?:you (?:may|might) also like|recommended(?: for you| reading)?|most (?:read|popular|viewed)|trending(?: now)?|top stories|latest (?:news|stories)|further reading)",
    ),
    "text.share": (r"like|clap|upvote", 
        r"share(?: (?:this|the) (?:article|story|post|page))?(?: (?:on|via) [\p{L}]+)?:?|tweet|pin it|e-?mail|print|copy link|whatsapp|facebook|twitter|linkedin",
        r"follow us(?: on [\p{L}, ]+)?|share (?:on|via) (?:facebook|twitter|x|linkedin|whatsapp|e-?mail)",
    ),
    "text.cookie": (r"^(?:accept|reject|decline|allow|refuse) all(?: cookies)?$", 
        r"\b(?:we|this (?:web)?site) uses? cookies\b",
        r"\b(?:accept|reject|manage) (?:all )?cookies\b|\bcookie (?:policy|settings|preferences)\b",
        r"\bby (?:continuing|using this site),? you (?:agree|consent) to\b",
    ),
    "text.ad-label": (r"advertisements?|advertising|sponsored(?: content| post)?|ad|paid (?:post|content)|promoted",),
    "text.image-credit": (
        r"(?:photo|image|picture|illustration|video)s?(?: credit)?\s*(?::|by|©)\s*.{2,80}",
        r".{2,60} / (?:[\p{L}\p{N}-]+\.[a-z]{2,6}\b.{0,30}|.{0,30}\b(?:getty(?: images)?|reuters|ap|afp|epa|tass|ria novosti|shutterstock|istock|wikimedia(?: commons)?|unsplash|flickr|handout|pool|press service|cc by[\w .-]*|dpa|imago|picture alliance|keystone|anadolu)\b.{0,30})",
    ),
    "text.comments": (
        r"(?:\d+ )?comments?|leave a (?:reply|comment)|(?:show|view|load|read) (?:all )?(?:\d+ )?comments|join the (?:conversation|discussion)",
    ),
    "text.copyright": (r"(?:©|copyright|\(c\))\s*(?:\d{4})?.{0,120}|all rights reserved\.?",),
    "text.login": (r"log ?in|sign ?in|sign ?up|log ?out|register|my account|menu|search|close|skip to (?:main )?content",),
    "text.byline": (r"(?:by|written by|words by|story by|reporting by) [\p{Lu}][\p{L}.'’-]*(?: [\p{L}.'’-]+){0,4}(?:,? (?:and|&) [\p{L}.'’ -]{2,40})?(?:,? [\p{L} ]{2,30})?",),
    "text.dateline": (r"(?:published|updated|posted|last updated|first published)(?: on| at)?:? .{4,60}",),
    "text.legal-links": (r"(?:privacy(?: policy)?|terms(?: of (?:use|service))?|cookies?(?: policy)?|contact(?: us)?|about(?: us)?|sitemap|accessibility|imprint)(?:\s*[·|•/]\s*(?:privacy(?: policy)?|terms(?: of (?:use|service))?|cookies?(?: policy)?|contact(?: us)?|about(?: us)?|sitemap|accessibility|imprint))+",),
    "text.date-only": (r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}(?:st|nd|rd|th)? (?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})(?:,? (?:at )?\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: [a-z]{2,4})?)?",),
}
