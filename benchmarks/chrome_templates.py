"""In-body chrome widgets for the chrome benchmark, written for this project.

Every widget is built from three independent choices:

* a **family** (newsletter sign-up, share bar, donation appeal with its
  payment widget, a pop-in with dismiss controls, feedback widget,
  subscription upsell with plans and prices, ad slot, teaser, caption);
* a **wording** in one of six languages (en, de, fr, es, ru, pl);
* a **markup**: a structure of the family, dressed with telling class names
  ("newsletter-box"), neutral ones ("c-block__inner") or none at all.

Each family has two structures and each language two wordings per family.
The first of each belongs to the *tuning* half, the second to the *checking*
half: a rule tuned on the first half has seen neither the checking half's
words nor its markup. The wordings are ours; none is copied from a site.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

Half = Literal["tuning", "checking"]
HALVES: tuple[Half, ...] = ("tuning", "checking")
LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "ru", "pl")
STYLES: tuple[str, ...] = ("telling", "neutral", "none")


@dataclass(frozen=True, slots=True)
class Widget:
    """One injected block: its HTML, the texts a reader would see in it, and what made it."""

    family: str
    lang: str
    style: str
    half: Half
    html: str
    probes: tuple[str, ...]


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


class _Markup:
    """Class attributes for one style: ``cls("newsletter", "c-box")`` gives the telling or the neutral name."""

    def __init__(self, style: str, counter: int) -> None:
        self.style = style
        self.counter = counter

    def cls(self, telling: str, neutral: str) -> str:
        if self.style == "telling":
            return f' class="{telling}"'
        if self.style == "neutral":
            return f' class="{neutral}-{self.counter % 7}"'
        return ""


# --- wordings: (tuning, checking) per language and family ----------------------------------

# newsletter: heading, pitch, placeholder, button, small print
NEWSLETTER: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("The Morning Brief", "Get the day's five most important stories in your inbox before breakfast.",
            "Your email address", "Sign me up", "You can unsubscribe at any time. See our privacy policy."),
           ("Weekly Dispatch", "Our editors pick the best reads of the week, every Friday.",
            "name@example.com", "Join", "One email a week, no spam. Unsubscribe with one click.")),
    "de": (("Der Abendbrief", "Die wichtigsten Nachrichten des Tages, jeden Abend kostenlos per E-Mail.",
            "Ihre E-Mail-Adresse", "Anmelden", "Abmeldung jederzeit möglich. Hinweise zum Datenschutz."),
           ("Wochenpost", "Einmal pro Woche: unsere besten Geschichten direkt in Ihr Postfach.",
            "E-Mail", "Eintragen", "Kein Spam, jederzeit abbestellbar.")),
    "fr": (("La Matinale", "Recevez chaque matin l'essentiel de l'actualité dans votre boîte mail.",
            "Votre adresse e-mail", "Je m'inscris", "Vous pouvez vous désinscrire à tout moment.")
           , ("Le Récap du dimanche", "Une sélection de nos meilleurs articles, chaque dimanche.",
              "adresse@exemple.fr", "Valider", "Un seul envoi par semaine, sans publicité.")),
    "es": (("El Despertador", "Recibe cada mañana las noticias que necesitas saber en tu correo.",
            "Tu correo electrónico", "Suscribirme", "Puedes darte de baja cuando quieras.")
           , ("Resumen semanal", "Lo mejor de la semana, elegido por nuestra redacción, cada viernes.",
              "correo@ejemplo.es", "Enviar", "Sin spam. Un solo correo por semana.")),
    "ru": (("Утренняя рассылка", "Главные новости дня каждое утро в вашем почтовом ящике.",
            "Ваш e-mail", "Подписаться", "Отписаться можно в любой момент.")
           , ("Итоги недели", "Лучшие материалы недели по пятницам, без лишнего.",
              "почта@пример.рф", "Отправить", "Одно письмо в неделю, никакой рекламы.")),
    "pl": (("Poranny przegląd", "Najważniejsze wiadomości dnia prosto na Twoją skrzynkę każdego ranka.",
            "Twój adres e-mail", "Zapisuję się", "Możesz zrezygnować w każdej chwili.")
           , ("Tydzień w skrócie", "Najlepsze teksty tygodnia wybrane przez redakcję, w każdy piątek.",
              "adres@przyklad.pl", "Wyślij", "Jeden list tygodniowo, bez spamu.")),
}

# share: prompt, copy-link label
SHARE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("Share this story", "Copy link"), ("Pass it on", "Copy URL")),
    "de": (("Artikel teilen", "Link kopieren"), ("Weitersagen", "Adresse kopieren")),
    "fr": (("Partager l'article", "Copier le lien"), ("Faites circuler", "Copier l'adresse")),
    "es": (("Comparte esta noticia", "Copiar enlace"), ("Difúndelo", "Copiar URL")),
    "ru": (("Поделиться", "Скопировать ссылку"), ("Расскажите друзьям", "Копировать адрес")),
    "pl": (("Udostępnij artykuł", "Kopiuj link"), ("Przekaż dalej", "Skopiuj adres")),
}

# appeal: heading, pitch, once, monthly, annual, continue, later, method line
APPEAL: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("Before you scroll on", ("Our newsroom answers to readers, not owners. If our reporting helped you today, "
            "chip in what you can so we can keep it free for everyone."), "One-time", "Monthly", "Annually",
            "Continue", "Remind me in May", "We accept cards, PayPal and bank transfer."),
           ("Keep this reporting going", ("Thousands of people like you fund this work every month. "
            "Will you join them and back independent local news?"), "Once", "Every month", "Every year",
            "Next step", "Not now", "Secure payment by card or Apple Pay.")),
    "de": (("Liebe Leserin, lieber Leser", ("Unsere Recherchen sind für alle frei zugänglich. Damit das so bleibt, "
            "brauchen wir Ihre Unterstützung – schon ein kleiner Betrag hilft."), "Einmalig", "Monatlich",
            "Jährlich", "Weiter", "Später erinnern", "Zahlung per Karte, PayPal oder Lastschrift."),
           ("Guter Journalismus kostet", ("Tausende Menschen tragen unsere Arbeit schon mit. Machen Sie mit "
            "und sichern Sie unabhängige Berichterstattung aus der Region."), "Einmal", "Jeden Monat",
            "Jedes Jahr", "Fortfahren", "Jetzt nicht", "Sichere Zahlung per SEPA oder Kreditkarte.")),
    "fr": (("Avant de partir", ("Notre rédaction ne dépend d'aucun actionnaire. Si cet article vous a été utile, "
            "aidez-nous à le garder accessible à tous."), "Une fois", "Mensuel", "Annuel", "Continuer",
            "Me le rappeler plus tard", "Paiement par carte bancaire ou PayPal."),
           ("Soutenez une presse libre", ("Des milliers de lecteurs financent déjà notre travail chaque mois. "
            "Rejoignez-les dès aujourd'hui."), "Ponctuel", "Chaque mois", "Chaque année", "Étape suivante",
            "Pas maintenant", "Paiement sécurisé, reçu fiscal envoyé par e-mail.")),
    "es": (("Antes de seguir leyendo", ("Nuestro periodismo se sostiene gracias a lectores como tú. Si este "
            "artículo te ha servido, colabora con lo que puedas."), "Una vez", "Mensual", "Anual", "Continuar",
            "Recordármelo más tarde", "Aceptamos tarjeta, PayPal y Bizum."),
           ("Haz posible este periodismo", ("Miles de personas ya apoyan cada mes una información libre de "
            "intereses. ¿Te sumas hoy?"), "Puntual", "Cada mes", "Cada año", "Siguiente", "Ahora no",
            "Pago seguro con tarjeta o transferencia.")),
    "ru": (("Дорогие читатели", ("Наша редакция не зависит от владельцев и рекламодателей. Если этот текст был "
            "вам полезен, помогите нам продолжать работу."), "Разово", "Ежемесячно", "Ежегодно", "Продолжить",
            "Напомнить позже", "Оплата картой или через СБП."),
           ("Без вас нас не будет", ("Тысячи людей уже помогают нам каждый месяц. Присоединяйтесь и поддержите "
            "независимую журналистику."), "Один раз", "Каждый месяц", "Каждый год", "Далее", "Не сейчас",
            "Безопасный платёж любой картой.")),
    "pl": (("Zanim przewiniesz dalej", ("Nasza redakcja jest niezależna od wydawców i reklamodawców. Jeśli ten tekst "
            "był dla Ciebie ważny, pomóż nam pisać kolejne."), "Jednorazowo", "Co miesiąc", "Co roku", "Dalej",
            "Przypomnij mi później", "Płatność kartą, BLIK lub przelewem."),
           ("Wspieraj rzetelne informacje", ("Tysiące czytelników już finansuje naszą pracę. Dołącz do nich "
            "i zadbaj o lokalne dziennikarstwo."), "Raz", "Miesięcznie", "Rocznie", "Przejdź dalej", "Nie teraz",
            "Bezpieczna płatność kartą lub przelewem.")),
}
CURRENCY = {"en": ("$", ""), "de": ("", " €"), "fr": ("", " €"), "es": ("", " €"), "ru": ("", " ₽"), "pl": ("", " zł")}
AMOUNTS = {"en": (5, 15, 50), "de": (5, 10, 25), "fr": (3, 8, 20), "es": (4, 12, 30), "ru": (300, 500, 1000),
           "pl": (10, 20, 50)}

# pop-in: pitch, call to action, dismiss
POPIN: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("You've read 4 articles this month. Members read without limits.", "Become a member",
            "No thanks"), ("Enjoying our coverage? Unlock everything for less than a coffee a week.",
                           "See offers", "Maybe later")),
    "de": (("Sie haben diesen Monat schon vier Artikel gelesen. Mitglieder lesen ohne Grenzen.", "Mitglied werden",
            "Nein, danke"), ("Gefällt Ihnen unsere Arbeit? Alles lesen für weniger als einen Kaffee pro Woche.",
                             "Angebote ansehen", "Vielleicht später")),
    "fr": (("Vous avez lu 4 articles ce mois-ci. Nos abonnés lisent sans limite.", "Devenir membre",
            "Non merci"), ("Vous aimez notre travail ? Tout lire pour le prix d'un café par semaine.",
                           "Voir les offres", "Plus tard")),
    "es": (("Has leído 4 artículos este mes. Los socios leen sin límites.", "Hazte socio", "No, gracias"),
           ("¿Te gusta lo que lees? Accede a todo por menos de un café a la semana.", "Ver ofertas",
            "Quizá más tarde")),
    "ru": (("Вы прочитали четыре статьи в этом месяце. Подписчики читают без ограничений.", "Оформить подписку",
            "Нет, спасибо"), ("Нравится, что мы делаем? Полный доступ дешевле чашки кофе в неделю.",
                              "Посмотреть тарифы", "Может быть, позже")),
    "pl": (("Przeczytałeś w tym miesiącu 4 artykuły. Subskrybenci czytają bez limitu.", "Zostań subskrybentem",
            "Nie, dziękuję"), ("Podoba Ci się nasza praca? Pełny dostęp za mniej niż kawa tygodniowo.",
                               "Zobacz oferty", "Może później")),
}

# feedback: question, yes, no, thanks
FEEDBACK: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("Was this article helpful?", "Yes", "No", "Thanks for your feedback!"),
           ("Did you find what you were looking for?", "Yes, thanks", "Not really", "We appreciate it.")),
    "de": (("War dieser Artikel hilfreich?", "Ja", "Nein", "Danke für Ihr Feedback!"),
           ("Hat Ihnen dieser Text weitergeholfen?", "Ja, sehr", "Eher nicht", "Vielen Dank!")),
    "fr": (("Cet article vous a-t-il été utile ?", "Oui", "Non", "Merci pour votre retour !"),
           ("Avez-vous trouvé ce que vous cherchiez ?", "Oui, merci", "Pas vraiment", "Merci beaucoup.")),
    "es": (("¿Te ha resultado útil este artículo?", "Sí", "No", "¡Gracias por tu opinión!"),
           ("¿Encontraste lo que buscabas?", "Sí, gracias", "No del todo", "Te lo agradecemos.")),
    "ru": (("Была ли эта статья полезной?", "Да", "Нет", "Спасибо за отзыв!"),
           ("Вы нашли то, что искали?", "Да, спасибо", "Не совсем", "Благодарим вас.")),
    "pl": (("Czy ten artykuł był pomocny?", "Tak", "Nie", "Dziękujemy za opinię!"),
           ("Czy znalazłeś to, czego szukałeś?", "Tak, dzięki", "Nie bardzo", "Dziękujemy.")),
}

# upsell: heading, plan 1, price 1, plan 2, price 2, note, button
UPSELL: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("Read without limits", "Digital", "$4/month", "All Access", "$60/year",
            "A flexible plan you can cancel anytime.", "Start now"),
           ("Choose your plan", "Basic", "$2.99 per week", "Premium", "$99 per year",
            "Billed in advance. Cancel online whenever you like.", "Get access")),
    "de": (("Unbegrenzt lesen", "Digital", "4,99 €/Monat", "Komplett", "49 €/Jahr",
            "Monatlich kündbar, ohne Mindestlaufzeit.", "Jetzt starten"),
           ("Wählen Sie Ihr Angebot", "Basis", "1,99 € pro Woche", "Plus", "89 € pro Jahr",
            "Die erste Abrechnung erfolgt nach dem Probemonat.", "Zugang sichern")),
    "fr": (("Lisez sans limite", "Numérique", "4,99 €/mois", "Intégral", "59 €/an",
            "Sans engagement, résiliable à tout moment.", "Je m'abonne"),
           ("Choisissez votre formule", "Essentiel", "1 € par semaine", "Premium", "99 € par an",
            "Prélèvement mensuel, sans frais cachés.", "Accéder")),
    "es": (("Lee sin límites", "Digital", "3,99 €/mes", "Completa", "45 €/año",
            "Cancela cuando quieras, sin permanencia.", "Empezar"),
           ("Elige tu plan", "Básico", "1 € por semana", "Premium", "79 € al año",
            "Se renueva automáticamente. Cancela en línea.", "Acceder ahora")),
    "ru": (("Читайте без ограничений", "Цифровая", "299 ₽/мес.", "Полная", "2990 ₽/год",
            "Отменить подписку можно в любой момент.", "Оформить"),
           ("Выберите тариф", "Базовый", "99 ₽ в неделю", "Премиум", "3490 ₽ в год",
            "Списание раз в месяц, без скрытых платежей.", "Получить доступ")),
    "pl": (("Czytaj bez ograniczeń", "Cyfrowy", "19,99 zł/mies.", "Pełny", "199 zł/rok",
            "Możesz zrezygnować w dowolnym momencie.", "Zaczynam"),
           ("Wybierz pakiet", "Podstawowy", "4,99 zł tygodniowo", "Premium", "249 zł rocznie",
            "Płatność cykliczna, anulujesz online.", "Kup dostęp")),
}

# ad: label
AD: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("Advertisement",), ("Sponsored content",)),
    "de": (("Anzeige",), ("Werbung",)),
    "fr": (("Publicité",), ("Contenu sponsorisé",)),
    "es": (("Publicidad",), ("Contenido patrocinado",)),
    "ru": (("Реклама",), ("Партнёрский материал",)),
    "pl": (("Reklama",), ("Materiał sponsorowany",)),
}

# teaser: headline, blurb, more
TEASER: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("Inside the city's oldest bakery", "Four generations have kneaded dough on the same street corner.",
            "Read more"), ("The bridge that nobody wanted", "Ten years on, the project still divides the town.",
                           "Continue reading")),
    "de": (("Die älteste Bäckerei der Stadt", "Seit vier Generationen wird an derselben Ecke Teig geknetet.",
            "Weiterlesen"), ("Die Brücke, die keiner wollte", "Zehn Jahre später spaltet das Projekt noch immer den Ort.",
                             "Mehr lesen")),
    "fr": (("La plus vieille boulangerie de la ville", "Quatre générations ont pétri la pâte au même coin de rue.",
            "Lire la suite"), ("Le pont dont personne ne voulait", "Dix ans après, le projet divise toujours la commune.",
                               "En savoir plus")),
    "es": (("La panadería más antigua de la ciudad", "Cuatro generaciones han amasado pan en la misma esquina.",
            "Seguir leyendo"), ("El puente que nadie quería", "Diez años después, la obra aún divide al pueblo.",
                                "Leer más")),
    "ru": (("Самая старая пекарня города", "Четыре поколения пекарей работают на одном и том же углу.",
            "Читать далее"), ("Мост, который никто не хотел", "Спустя десять лет проект всё ещё делит город.",
                              "Подробнее")),
    "pl": (("Najstarsza piekarnia w mieście", "Od czterech pokoleń ciasto wyrabia się na tym samym rogu ulicy.",
            "Czytaj dalej"), ("Most, którego nikt nie chciał", "Po dziesięciu latach inwestycja wciąż dzieli miasto.",
                              "Czytaj więcej")),
}

# caption: caption text, credit
CAPTION: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("Volunteers sort donations at the community centre on Tuesday", "Photo: Maria Lund / Northlight"),
           ("The old harbour seen from the water tower", "© Tom Becker for the Courier")),
    "de": (("Helferinnen sortieren Spenden im Gemeindezentrum", "Foto: Jana Roth / Bildwerk"),
           ("Der alte Hafen vom Wasserturm aus gesehen", "© Paul Senft")),
    "fr": (("Des bénévoles trient les dons au centre social mardi", "Photo : Claire Morin / Agence Sud"),
           ("Le vieux port vu depuis le château d'eau", "© Luc Perrin")),
    "es": (("Voluntarios clasifican donaciones en el centro cívico", "Foto: Ana Ruiz / Agencia Norte"),
           ("El puerto viejo desde la torre del agua", "© Diego Sanz")),
    "ru": (("Волонтёры разбирают пожертвования в доме культуры", "Фото: Мария Лунд / «Северный свет»"),
           ("Старая гавань с водонапорной башни", "© Павел Сенин")),
    "pl": (("Wolontariusze segregują dary w domu kultury", "Fot. Maria Lis / Agencja Północ"),
           ("Stary port widziany z wieży ciśnień", "© Tomasz Bek")),
}


# --- structures: (tuning, checking) per family -------------------------------------------


def _newsletter(words: Sequence[str], m: _Markup, second: bool, site: str) -> str:
    heading, pitch, placeholder, button, small = (_esc(w) for w in words)
    if not second:
        return (f'<div{m.cls("newsletter-signup", "c-box")}><h3>{heading}</h3><p>{pitch}</p>'
                f'<form action="/subscribe" method="post"><input type="email" name="email" placeholder="{placeholder}">'
                f'<button type="submit">{button}</button></form><p{m.cls("newsletter-fineprint", "c-small")}>'
                f'<small>{small}</small></p></div>')
    return (f'<section{m.cls("nl-optin", "mod")}><div><strong>{heading}</strong></div><div>{pitch}</div>'
            f'<div><input type="text" name="mail" aria-label="{placeholder}" placeholder="{placeholder}">'
            f'<input type="submit" value="{button}"></div><div>{small}</div></section>')


_SHARE_TARGETS = (
    "https://www.facebook.com/sharer/sharer.php?u={u}", "https://twitter.com/intent/tweet?url={u}",
    "https://www.linkedin.com/sharing/share-offsite/?url={u}", "https://api.whatsapp.com/send?text={u}",
    "https://t.me/share/url?url={u}", "https://vk.com/share.php?url={u}",
    "https://www.reddit.com/submit?url={u}", "mailto:?subject=Look&body={u}",
)
_NETWORKS = ("Facebook", "X", "LinkedIn", "WhatsApp", "Telegram", "VK", "Reddit", "E-mail")


def _share(words: Sequence[str], m: _Markup, second: bool, site: str) -> str:
    prompt, copy = (_esc(w) for w in words)
    url = f"https://{site}/story"
    if not second:
        links = "".join(f'<li><a href="{_esc(t.format(u=url))}">{n}</a></li>'
                        for t, n in zip(_SHARE_TARGETS[:4], _NETWORKS[:4]))
        return (f'<div{m.cls("share-bar", "c-row")}><p>{prompt}</p><ul>{links}</ul>'
                f'<button type="button" data-copy="{url}">{copy}</button></div>')
    links = " ".join(f'<a href="{_esc(t.format(u=url))}" title="{n}">{n}</a>'
                     for t, n in zip(_SHARE_TARGETS[4:], _NETWORKS[4:]))
    return f'<p{m.cls("social-links", "c-inline")}><span>{prompt}:</span> {links} <a href="#" role="button">{copy}</a></p>'


def _money(lang: str, amount: float) -> str:
    before, after = CURRENCY[lang]
    return f"{before}{amount:g}{after}"


def _appeal(words: Sequence[str], m: _Markup, second: bool, site: str, lang: str) -> str:
    heading, pitch, once, monthly, annual, cont, later, method = (_esc(w) for w in words)
    amounts = [_esc(_money(lang, a)) for a in AMOUNTS[lang]]
    if not second:
        freq = "".join(f'<button type="button">{f}</button>' for f in (once, monthly, annual))
        money = "".join(f'<button type="button">{a}</button>' for a in amounts)
        return (f'<div{m.cls("donate-appeal", "c-panel")}><h2>{heading}</h2><p>{pitch}</p>'
                f'<div{m.cls("donate-frequency", "c-choice")}>{freq}</div><div{m.cls("donate-amounts", "c-choice")}>{money}</div>'
                f'<a href="https://{site}/donate?step=2">{cont}</a><p>{method}</p>'
                f'<a href="#" class="js-dismiss">{later}</a></div>')
    # checking: heading, pitch and controls as siblings, radio labels
    radios = "".join(f'<label><input type="radio" name="freq">{f}</label>' for f in (once, monthly, annual))
    money = "".join(f'<li><a href="https://{site}/checkout?amount={a}">{x}</a></li>' for a, x in zip(AMOUNTS[lang], amounts))
    return (f'<h3{m.cls("support-heading", "t-h")}>{heading}</h3><p>{pitch}</p>'
            f'<div{m.cls("contribution-widget", "c-stack")}><div>{radios}</div><ul>{money}</ul>'
            f'<p>{method}</p><p><a href="https://{site}/checkout">{cont}</a> <a href="#">{later}</a></p></div>')


def _popin(words: Sequence[str], m: _Markup, second: bool, site: str) -> str:
    pitch, cta, dismiss = (_esc(w) for w in words)
    if not second:
        return (f'<div{m.cls("meter-prompt", "c-note")}><p>{pitch}</p><a href="https://{site}/subscribe">{cta}</a>'
                f'<button type="button" aria-label="close">{dismiss}</button></div>')
    return (f'<div{m.cls("membership-nudge", "c-bar")}><span>{pitch}</span> '
            f'<a href="/membership/join?src=inline">{cta}</a> <a href="#" data-action="close">{dismiss}</a></div>')


def _feedback(words: Sequence[str], m: _Markup, second: bool, site: str) -> str:
    question, yes, no, thanks = (_esc(w) for w in words)
    if not second:
        return (f'<div{m.cls("article-feedback", "c-poll")}><p>{question}</p><button type="button">{yes}</button>'
                f'<button type="button">{no}</button><p style="display:none">{thanks}</p></div>')
    return (f'<div{m.cls("helpful-widget", "c-q")}><span>{question}</span> <a href="#" data-vote="up">👍 {yes}</a> '
            f'<a href="#" data-vote="down">👎 {no}</a></div>')


def _upsell(words: Sequence[str], m: _Markup, second: bool, site: str) -> str:
    heading, plan1, price1, plan2, price2, note, button = (_esc(w) for w in words)
    if not second:
        return (f'<div{m.cls("subscribe-offer", "c-offer")}><h3>{heading}</h3><ul><li><strong>{plan1}</strong> {price1}</li>'
                f'<li><strong>{plan2}</strong> {price2}</li></ul><p>{note}</p>'
                f'<a href="https://{site}/subscribe/checkout">{button}</a></div>')
    return (f'<div{m.cls("plans", "c-grid")}><p><b>{heading}</b></p><div><div>{plan1}</div><div>{price1}</div>'
            f'<a href="/account/checkout?plan=1">{button}</a></div><div><div>{plan2}</div><div>{price2}</div>'
            f'<a href="/account/checkout?plan=2">{button}</a></div><div>{note}</div></div>')


def _ad(words: Sequence[str], m: _Markup, second: bool, site: str) -> str:
    (label,) = (_esc(w) for w in words)
    if not second:
        return (f'<div{m.cls("ad-slot", "c-unit")}><span>{label}</span>'
                f'<div id="div-gpt-ad-{m.counter}" style="width:300px;height:250px"></div></div>')
    return (f'<div{m.cls("adv-wrapper", "c-spot")}><p>{label}</p>'
            f'<ins class="adsbygoogle" style="display:inline-block;width:728px;height:90px" '
            f'data-ad-client="ca-pub-0000000000000000" data-ad-slot="{m.counter}"></ins></div>')


def _teaser(words: Sequence[str], m: _Markup, second: bool, site: str) -> str:
    headline, blurb, more = (_esc(w) for w in words)
    href = f"https://{site}/2024/05/{m.counter}-city-story"
    if not second:
        return (f'<div{m.cls("teaser-card", "c-card")}><h4><a href="{href}">{headline}</a></h4><p>{blurb} '
                f'<a href="{href}">{more}</a></p></div>')
    return f'<p{m.cls("inline-promo", "c-text")}><strong>{headline}.</strong> {blurb} <a href="{href}">{more} →</a></p>'


def _caption(words: Sequence[str], m: _Markup, second: bool, site: str) -> str:
    caption, credit = (_esc(w) for w in words)
    if not second:
        return (f'<div{m.cls("wp-caption", "c-media")}><img src="/img/{m.counter}.jpg" alt="">'
                f'<p{m.cls("wp-caption-text", "c-media__text")}>{caption}</p><p>{credit}</p></div>')
    return (f'<figure><img src="/img/{m.counter}.jpg" alt=""><figcaption>{caption}'
            f'<span{m.cls("credit", "c-src")}>{credit}</span></figcaption></figure>')


Builder = Callable[[Sequence[str], _Markup, bool, str], str]
FAMILIES: dict[str, tuple[dict[str, tuple[tuple[str, ...], tuple[str, ...]]], Builder]] = {
    "newsletter": (NEWSLETTER, _newsletter),
    "share": (SHARE, _share),
    "popin": (POPIN, _popin),
    "feedback": (FEEDBACK, _feedback),
    "upsell": (UPSELL, _upsell),
    "ad": (AD, _ad),
    "teaser": (TEASER, _teaser),
    "caption": (CAPTION, _caption),
}
FAMILY_NAMES: tuple[str, ...] = ("appeal", *FAMILIES)


# --- tuning-only variants: appeals and teasers worded and built other ways ---------------
# The tuning half also draws these (the checking half never does), so that the appeal and
# teaser rules learn what such blocks do rather than the words of one template.

# plea: heading, pitch, call to action; no sum of money, no "donate" on the link
PLEAS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "en": (("Reporting like this has a cost",
            "Nobody owns us, and we'd like to keep it that way. Become a supporter and you keep this newsroom "
            "independent for everyone who reads it.", "Become a supporter"),
           ("Got a minute?", "If you value stories like the one you are reading, chip in and help us pay the "
            "reporters who dig them up.", "Chip in"),
           ("Join the people who make this possible", "Your membership funds the next investigation. Back our "
            "reporting today and get the members' letter every Friday.", "Back our reporting")),
    "de": (("Journalismus, der Ihnen gehört", "Wir gehören keinem Konzern. Werden Sie Unterstützerin oder "
            "Unterstützer und helfen Sie uns, unabhängig zu bleiben.", "Jetzt unterstützen"),
           ("Haben Sie kurz Zeit?", "Wenn Ihnen diese Recherche etwas wert ist, machen Sie mit: Mit Ihrem Beitrag "
            "bezahlen wir die Reporterinnen vor Ort.", "Mitmachen"),
           ("Werden Sie Mitglied", "Als Mitglied sichern Sie unsere Arbeit und bekommen jeden Freitag einen Brief "
            "aus der Redaktion.", "Mitglied werden")),
    "fr": (("Une information qui vous appartient", "Nous n'avons ni actionnaire ni milliardaire. Devenez soutien "
            "de la rédaction et gardez-nous indépendants.", "Je soutiens"),
           ("Vous avez une minute ?", "Si cette enquête vous a appris quelque chose, participez à la suivante : "
            "chaque contribution paie une journée de terrain.", "Participer"),
           ("Rejoignez nos membres", "En devenant membre, vous financez nos reportages et recevez chaque vendredi "
            "la lettre de la rédaction.", "Devenir membre")),
    "es": (("Un periodismo que es tuyo", "No tenemos dueños ni accionistas. Hazte socio y ayúdanos a seguir "
            "siendo independientes.", "Hazte socio"),
           ("¿Tienes un minuto?", "Si valoras historias como esta, pon tu granito de arena y ayúdanos a pagar a "
            "quienes las investigan.", "Quiero ayudar"),
           ("Únete a nuestra comunidad", "Con tu cuota financias la próxima investigación y recibes cada viernes "
            "la carta de la redacción.", "Unirme")),
    "ru": (("Журналистика, которая принадлежит вам", "У нас нет владельцев и спонсоров. Станьте нашим "
            "сторонником и помогите редакции оставаться независимой.", "Стать сторонником"),
           ("Есть минута?", "Если вам важны такие материалы, поддержите тех, кто их готовит: каждый взнос "
            "оплачивает день работы репортёра.", "Поддержать"),
           ("Вступайте в клуб читателей", "Участники клуба финансируют наши расследования и каждую пятницу "
            "получают письмо от редакции.", "Вступить")),
    "pl": (("Dziennikarstwo, które należy do Ciebie", "Nie mamy właściciela ani sponsora. Zostań naszym "
            "patronem i pomóż nam pozostać niezależnymi.", "Zostań patronem"),
           ("Masz chwilę?", "Jeśli cenisz takie teksty, dorzuć swoją cegiełkę i pomóż nam opłacić reporterów "
            "w terenie.", "Dorzucam się"),
           ("Dołącz do klubu czytelników", "Jako członek klubu finansujesz nasze śledztwa i co piątek dostajesz "
            "list od redakcji.", "Dołączam")),
}
# where a plea's link goes, by structure: the site's own support, membership or checkout pages
_PLEA_TARGETS = {
    "en": ("/support-us/?src=inline", "/membership/join", "/checkout/?plan=supporter", "/become-a-member"),
    "de": ("/unterstuetzen/", "/mitglied-werden", "/abo/checkout?produkt=freunde", "/support"),
    "fr": ("/soutenir/", "/adherer", "/checkout/?offre=membre", "/nous-soutenir"),
    "es": ("/hazte-socio/", "/apoyanos", "/checkout/?plan=socio", "/membresia"),
    "ru": ("/support/", "/podderzhat", "/checkout/?plan=drug", "/club/join"),
    "pl": ("/wesprzyj/", "/zostan-patronem", "/checkout/?plan=patron", "/dolacz"),
}


def _plea(words: Sequence[str], m: _Markup, site: str, lang: str, shape: int) -> str:
    heading, pitch, ask = (_esc(w) for w in words)
    href = f"https://{site}{_PLEA_TARGETS[lang][shape]}"
    if shape == 0:  # boxed: heading, pitch, a button-like link of its own
        box = "aside" if m.style == "telling" else "div"  # an <aside> goes by its tag alone
        return (f'<{box}{m.cls("support-box", "c-box")}><h3>{heading}</h3><p>{pitch}</p>'
                f'<p><a href="{href}"{m.cls("btn btn-primary", "c-link")}>{ask}</a></p></{box}>')
    if shape == 1:  # one paragraph opened by a bold lead, the link under it with an arrow
        return (f'<div{m.cls("membership-promo", "c-promo")}><p><strong>{heading}</strong> {pitch}</p>'
                f'<a href="{href}">{ask} →</a></div>')
    if shape == 2:  # the link closes the pitch itself
        return (f'<section{m.cls("reader-support", "c-section")}><h4>{heading}</h4>'
                f'<p>{pitch} <a href="{href}">{ask}</a></p></section>')
    # loose blocks between the paragraphs: a heading, the pitch, the link in a paragraph of its own
    return f'<h3>{heading}</h3><p>{pitch}</p><p><a href="{href}">{ask} »</a></p>'


# teaser: headline, blurb, continuation cue, "see also" label
TEASER_FORMS: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    "en": (("A ferry line that refuses to close",
            "The last crossing of the river still runs every hour, with a crew of three.", "Continue reading",
            "See also"),
           ("Why the tram stops at midnight", "Night workers have asked for later trams for a decade.",
            "Keep reading", "Also read")),
    "de": (("Die Fähre, die nicht aufgeben will",
            "Die letzte Flussfähre fährt noch immer stündlich, mit drei Leuten an Bord.", "Weiterlesen",
            "Lesen Sie auch"),
           ("Warum die Straßenbahn um Mitternacht endet", "Nachtarbeiter fordern seit Jahren spätere Fahrten.",
            "Mehr dazu", "Auch interessant")),
    "fr": (("Le bac qui refuse de fermer",
            "La dernière traversée du fleuve part toujours chaque heure, avec trois marins à bord.",
            "Lire la suite", "À lire aussi"),
           ("Pourquoi le tram s'arrête à minuit",
            "Les travailleurs de nuit réclament des horaires plus tardifs depuis dix ans.", "La suite",
            "Voir aussi")),
    "es": (("El transbordador que se niega a cerrar",
            "El último cruce del río sigue saliendo cada hora con tres tripulantes.", "Seguir leyendo",
            "Lee también"),
           ("Por qué el tranvía para a medianoche",
            "Los trabajadores nocturnos llevan una década pidiendo horarios más tardíos.", "Leer más",
            "Te puede interesar")),
    "ru": (("Паром, который не хочет закрываться",
            "Последняя переправа через реку по-прежнему ходит каждый час, на борту три человека.",
            "Читать далее", "Читайте также"),
           ("Почему трамвай останавливается в полночь", "Ночные работники уже десять лет просят продлить маршруты.",
            "Подробнее", "По теме")),
    "pl": (("Prom, który nie chce przestać pływać",
            "Ostatnia przeprawa przez rzekę wciąż kursuje co godzinę, z trzyosobową załogą.", "Czytaj dalej",
            "Przeczytaj też"),
           ("Dlaczego tramwaj staje o północy", "Pracownicy nocnej zmiany od dekady proszą o późniejsze kursy.",
            "Więcej", "Zobacz także")),
}


def _teaser_form(words: Sequence[str], m: _Markup, site: str, shape: int) -> tuple[str, tuple[str, ...]]:
    """A teaser of another shape, and the texts it shows."""
    headline, blurb, cue, also = words
    h, b, c, a = (_esc(w) for w in words)
    cut = blurb[:-1].rstrip()
    slug = ("news/local/2024/06/ferry-line-{n}", "culture/{n}-night-trams.html", "2023/11/{n}/story",
            "region/ferry-{n}", "opinion/why-the-tram-{n}")[shape].format(n=m.counter)
    href = f"https://{site}/{slug}" if shape % 2 == 0 else f"/{slug}"
    if shape == 0:  # a blurb closed by a continuation cue, no headline
        return f'<p{m.cls("teaser", "c-text")}>{b} <a href="{href}">{c}</a></p>', (blurb, cue)
    if shape == 1:  # a linked headline and a one-line blurb, loose between the paragraphs
        return f'<h3><a href="{href}">{h}</a></h3><p>{b}</p>', (headline, blurb)
    if shape == 2:  # a "see also" label and a linked headline
        return f'<p{m.cls("see-also", "c-note")}><b>{a}:</b> <a href="{href}">{h}</a></p>', (also, headline)
    if shape == 3:  # headline as a plain line, blurb cut, an arrow for link
        return (f'<div{m.cls("story-teaser", "c-unit")}><p>{h}</p><p>{_esc(cut)}… <a href="{href}">→</a></p></div>',
                (headline, cut))
    # a card: the whole headline and blurb linked, the cue in a span
    return (f'<div{m.cls("card", "c-tile")}><a href="{href}"><span>{h}</span> <span>{b}</span>'
            f'<span>{c} ›</span></a></div>', (headline, blurb, cue))


def widget(family: str, lang: str, style: str, half: Half, counter: int, site: str) -> Widget:
    """One widget of ``family`` in ``lang`` and ``style``, from the wordings and markup of ``half``."""
    second = half == "checking"
    m = _Markup(style, counter)
    shape = (counter // 5) % (len(_PLEA_TARGETS["en"]) + 1) - 1
    if not second and family == "appeal" and shape >= 0:
        plea = PLEAS[lang][(counter // 25) % len(PLEAS[lang])]
        return Widget(family, lang, style, half, _plea(plea, m, site, lang, shape), plea)
    shape = (counter // 5) % 6 - 1
    if not second and family == "teaser" and shape >= 0:
        forms = TEASER_FORMS[lang]
        markup, shown = _teaser_form(forms[(counter // 30) % len(forms)], m, site, shape)
        return Widget(family, lang, style, half, markup, shown)
    if family == "appeal":
        words = APPEAL[lang][second]
        markup = _appeal(words, m, second, site, lang)
        probes = (*words, *(_money(lang, a) for a in AMOUNTS[lang]))
    else:
        table, build = FAMILIES[family]
        words = table[lang][second]
        markup = build(words, m, second, site)
        probes = tuple(words)
        if family == "share":
            probes = (*probes, *(_NETWORKS[4:] if second else _NETWORKS[:4]))
        if family == "feedback":
            probes = probes[:-1]  # the hidden thank-you is not shown, but the tuning one is hidden in markup
    return Widget(family, lang, style, half, markup, tuple(dict.fromkeys(probes)))
