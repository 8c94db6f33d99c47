"""Textual rules, one at a time, in every language that has phrases for them.

For each rule and language there is a block the rule must remove and an
ordinary article sentence on the same topic that no rule may touch. The
sequence tests cover what single blocks cannot show (an appeal taking its
body down to the payment widget, a "Related" heading taking its link list),
and the last tests drive the caller's own rules through ``extract``.
"""

from __future__ import annotations

import html

import pytest

import cleanpress
from cleanpress import Options, OptionsError, PhraseRule, SelectorRule
from cleanpress.candidates import Candidate
from cleanpress.rules import RULES
from cleanpress.rules.phrases import LANGUAGES
from cleanpress.rules.textual import TEXT_RULES, label_sequence, match_text, may_name_appeal

# rule id -> language -> (a block the rule removes, an article sentence it keeps)
EXAMPLES: dict[str, dict[str, tuple[str, str]]] = {
    "text.appeal-opener": {
        "en": ("A Message from The Daily Ledger",
               "In a message to staff, the mayor's office said the bridge would reopen in spring after repairs."),
        "de": ("Liebe Leserinnen und Leser,",
               "Die Nachricht der Redaktion erreichte die Abonnenten erst am Montag, zwei Tage nach der Wahl."),
        "fr": ("Chers lecteurs,",
               "Un message des autorités locales, publié lundi, appelle les habitants à économiser l'eau."),
        "es": ("Queridos lectores:",
               "Un mensaje de la alcaldía, difundido el lunes, pidió a los vecinos ahorrar agua este verano."),
        "ru": ("Дорогие читатели!",
               "Дорогие читатели газеты прислали в редакцию больше тысячи писем о новом мосте через реку."),
        "pl": ("Drodzy Czytelnicy,",
               "Drodzy czytelnicy przysłali do redakcji setki listów w sprawie nowego mostu na rzece."),
        "it": ("Cari lettori,",
               "Un messaggio del sindaco, diffuso lunedì, invita i cittadini a risparmiare acqua."),
    },
    "text.cookie": {
        "en": ("We use cookies to improve your experience on our site. Accept all cookies?",
               "The bakery sold more than 4,000 cookies during the harvest festival, its owner said."),
        "de": ("Wir verwenden Cookies, um unsere Website für Sie zu verbessern.",
               "Die Bäckerei verkaufte beim Stadtfest mehr als viertausend Cookies und Kuchen."),
        "fr": ("Ce site utilise des cookies pour mesurer l'audience.",
               "La pâtisserie a vendu plus de quatre mille cookies pendant la fête du village."),
        "es": ("Este sitio web utiliza cookies propias y de terceros.",
               "La panadería vendió más de cuatro mil galletas durante la feria del pueblo."),
        "ru": ("Мы используем файлы cookie, чтобы сайт работал лучше.",
               "Пекарня продала на ярмарке больше четырёх тысяч печений и пряников."),
        "pl": ("Używamy plików cookies w celach statystycznych.",
               "Piekarnia sprzedała podczas festynu ponad cztery tysiące ciastek."),
        "it": ("Questo sito utilizza cookie tecnici e di profilazione.",
               "La pasticceria ha venduto più di quattromila biscotti durante la sagra."),
        "pt": ("Este site utiliza cookies para melhorar a sua experiência.",
               "A padaria vendeu mais de quatro mil biscoitos durante a festa da cidade."),
    },
    "text.paywall": {
        "en": ("This article is only available to subscribers. Already a subscriber? Log in.",
               "The newspaper said it would put fewer of its articles behind a paywall next year."),
        "de": ("Dieser Artikel ist nur für Abonnenten verfügbar.",
               "Der Verlag kündigte an, im nächsten Jahr weniger Artikel hinter der Bezahlschranke anzubieten."),
        "fr": ("Cet article est réservé aux abonnés.",
               "Le journal a annoncé qu'il réserverait moins d'articles à ses abonnés l'an prochain."),
        "es": ("Este contenido es exclusivo para suscriptores.",
               "El diario anunció que el próximo año tendrá menos contenidos de pago para sus lectores."),
        "ru": ("Продолжение доступно только подписчикам.",
               "Газета сообщила, что в следующем году откроет больше статей для всех читателей."),
        "pl": ("Ten artykuł jest dostępny tylko dla subskrybentów.",
               "Wydawca zapowiedział, że w przyszłym roku mniej artykułów trafi za paywall."),
        "it": ("Questo articolo è riservato agli abbonati.",
               "Il giornale ha annunciato che il prossimo anno avrà meno articoli a pagamento."),
    },
    "text.newsletter": {
        "en": ("Sign up for our weekly newsletter and get the top stories delivered to your inbox.",
               "The council's newsletter, printed on recycled paper, reached 12,000 homes in March."),
        "de": ("Melden Sie sich für unseren Newsletter an.",
               "Der Newsletter des Vereins erscheint seit 1998 viermal im Jahr auf Papier."),
        "fr": ("Inscrivez-vous à notre newsletter !",
               "La lettre d'information de la mairie est distribuée chaque mois dans les boîtes aux lettres."),
        "es": ("Suscríbete a nuestro boletín diario.",
               "El boletín municipal se reparte cada mes en todos los buzones del barrio."),
        "ru": ("Подпишитесь на нашу рассылку",
               "Рассылка городской администрации выходит раз в месяц на бумаге."),
        "pl": ("Zapisz się do naszego newslettera!",
               "Newsletter urzędu miasta ukazuje się raz w miesiącu w wersji papierowej."),
        "it": ("Iscriviti alla nostra newsletter",
               "La newsletter del comune arriva ogni mese nelle cassette della posta."),
        "pt": ("Assine a nossa newsletter e receba as notícias do dia no seu e-mail.",
               "A newsletter da prefeitura, impressa em papel reciclado, chega a 12 mil casas."),
    },
    "text.donation": {
        "en": ("Please consider supporting our journalism with a small gift.",
               "The charity said donations fell by a third after the floods, and it has cut two programmes."),
        "de": ("Unterstützen Sie unsere Arbeit mit einer Spende.",
               "Die Spenden an den Tierschutzverein gingen nach dem Hochwasser um ein Drittel zurück."),
        "fr": ("Soutenez-nous : faites un don.",
               "Les dons à l'association ont baissé d'un tiers après les inondations, selon sa présidente."),
        "es": ("Apoya nuestro periodismo con una aportación.",
               "Las donaciones a la asociación cayeron un tercio tras las inundaciones, según su presidenta."),
        "ru": ("Поддержите нашу работу — сделайте пожертвование.",
               "Пожертвования фонду сократились на треть после наводнения, сообщила его директор."),
        "pl": ("Wesprzyj nas — przekaż darowiznę.",
               "Darowizny dla fundacji spadły o jedną trzecią po powodzi, poinformowała jej prezeska."),
        "it": ("Sostienici: fai una donazione.",
               "Le donazioni all'associazione sono calate di un terzo dopo l'alluvione."),
    },
    "text.support-banner": {
        "en": ("Support The Daily Ledger!", "Support for the plan grew after the vote, the survey found."),
        "de": ("Mitglied werden", "Die Mitglieder unterstützen den Vorschlag des Vorstands mit großer Mehrheit."),
        "fr": ("Faire un don", "Le syndicat a soutenu la proposition du maire lors du vote de mardi."),
        "es": ("Hazte socio", "Los socios del club apoyaron la propuesta de la directiva por amplia mayoría."),
        "ru": ("Поддержать редакцию", "Жители поддержали проект нового парка на публичных слушаниях в среду."),
        "pl": ("Wspieraj niezależne media", "Mieszkańcy poparli projekt nowego parku podczas konsultacji w środę."),
        "it": ("Diventa sostenitore",
               "Il sindacato ha sostenuto la proposta del sindaco durante il voto di martedì."),
    },
    "text.payment-widget": {
        "en": ("Monthly", "Monthly rents rose by 4% in the capital last year."),
        "de": ("Monatlich", "Monatlich zahlen die Mieter im Schnitt zwölf Euro mehr als vor einem Jahr."),
        "fr": ("Mensuel", "Le loyer mensuel moyen a augmenté de 4 % dans la capitale l'an dernier."),
        "es": ("Mensual", "El alquiler mensual medio subió un 4 % en la capital el año pasado."),
        "ru": ("Ежемесячно", "Ежемесячно жители платят за отопление на 4% больше, чем год назад."),
        "pl": ("Miesięcznie", "Miesięcznie mieszkańcy płacą za ogrzewanie o 4% więcej niż rok temu."),
        "it": ("Mensile",
               "L'affitto mensile medio è aumentato del 4% nella capitale l'anno scorso."),
    },
    "text.remind-later": {
        "en": ("Remind me later", "She asked the nurse to remind her later about the pills."),
        "de": ("Später erinnern", "Die Kommission will später an die Opfer des Unglücks erinnern."),
        "fr": ("Me le rappeler plus tard", "Plus tard dans la soirée, la police a rouvert la route."),
        "es": ("Recordármelo más tarde", "Más tarde, la policía reabrió la carretera al tráfico."),
        "ru": ("Напомнить позже", "Позже полиция снова открыла дорогу для движения."),
        "pl": ("Przypomnij mi później", "Później policja ponownie otworzyła drogę dla ruchu."),
        "it": ("Ricordamelo più tardi",
               "Più tardi la polizia ha riaperto la strada al traffico."),
    },
    "text.subscribe": {
        "en": ("Subscribe now", "Subscribers to the service rose to 2 million in June."),
        "de": ("Jetzt abonnieren", "Die Zahl der Abonnenten stieg im Juni auf zwei Millionen."),
        "fr": ("Je m'abonne", "Le nombre d'abonnés a atteint deux millions en juin."),
        "es": ("Suscríbete", "El número de suscriptores alcanzó los dos millones en junio."),
        "ru": ("Оформить подписку", "Число подписчиков сервиса в июне выросло до двух миллионов."),
        "pl": ("Zaprenumeruj", "Liczba subskrybentów serwisu wzrosła w czerwcu do dwóch milionów."),
        "it": ("Abbonati",
               "Il numero degli abbonati è salito a due milioni a giugno."),
        "pt": ("Assine já",
               "Assinar o contrato levou ao prefeito mais de dois anos de negociação."),
    },
    "text.read-also": {
        "en": ("Read also: Storm closes the harbour for a second day",
               "Read the report, the minister said, and you will see the numbers do not add up."),
        "de": ("Lesen Sie auch: Sturm schließt den Hafen",
               "Lesen Sie den Bericht, sagte der Minister, dann sehen Sie, dass die Zahlen nicht stimmen."),
        "fr": ("Lire aussi : La tempête ferme le port",
               "Lisez le rapport, a dit le ministre, et vous verrez que les chiffres ne tiennent pas."),
        "es": ("Lee también: El temporal cierra el puerto",
               "Lean el informe, dijo el ministro, y verán que las cifras no cuadran."),
        "ru": ("Читайте также: Шторм закрыл порт",
               "Читайте отчёт, сказал министр, и вы увидите, что цифры не сходятся."),
        "pl": ("Czytaj też: Sztorm zamknął port",
               "Przeczytajcie raport, powiedział minister, a zobaczycie, że liczby się nie zgadzają."),
        "it": ("Leggi anche: La tempesta chiude il porto",
               "Leggete il rapporto, ha detto il ministro, e vedrete che i conti non tornano."),
        "pt": ("Leia também: Prefeitura anuncia nova ponte sobre o rio",
               "Também leram o relatório os vereadores da oposição, que pediram uma auditoria."),
    },
    "text.read-more": {
        "en": ("Read more", "Read more than 300 pages and you reach the best chapter."),
        "de": ("Weiterlesen", "Weiterlesen lohnt sich, denn das zweite Kapitel ist das beste des Buches."),
        "fr": ("Lire la suite", "La suite du procès est prévue pour le mois de mars à Lyon."),
        "es": ("Seguir leyendo", "Seguir leyendo en voz alta ayuda a los niños a aprender más rápido."),
        "ru": ("Читать далее", "Подробнее о новом законе депутаты расскажут на заседании в четверг."),
        "pl": ("Czytaj dalej", "Dalej czytaj uważnie, bo drugi rozdział jest najważniejszy w całej książce."),
        "it": ("Continua a leggere",
               "Continua a piovere su tutta la regione, e i fiumi sono vicini al livello di guardia."),
        "pt": ("Leia mais",
               "Ler mais livros é a meta de metade dos estudantes, segundo a pesquisa."),
    },
    "text.related-heading": {
        "en": ("Related stories", "Related research from 2019 found a similar effect in mice."),
        "de": ("Das könnte Sie auch interessieren",
               "Auch interessant war die Rede des Bürgermeisters, die zwei Stunden dauerte."),
        "fr": ("Sur le même sujet", "Sur le même sujet, le ministre n'a fait aucun commentaire lundi."),
        "es": ("Noticias relacionadas", "Las noticias relacionadas con el incendio llegaron a la redacción por la tarde."),
        "ru": ("Похожие материалы", "Похожие случаи уже происходили в регионе в 2019 и 2021 годах."),
        "pl": ("Najczęściej czytane", "Najczęściej czytane książki w bibliotece to kryminały i poradniki."),
        "it": ("Articoli correlati",
               "Gli articoli correlati alla riforma sono stati pubblicati in un volume a parte."),
        "pt": ("Veja também",
               "Veja como a cidade mudou depois da abertura da nova estação de metrô."),
        "zh": ("相關文章",
               "這篇文章的相關資料已由市政府在週一公布。"),
    },
    "text.share": {
        "en": ("Share this article", "Share prices fell 3% on Monday after the report was published."),
        "de": ("Artikel teilen", "Die Teilnehmer teilen die Sorge, dass die Preise weiter steigen."),
        "fr": ("Partager sur Facebook", "Les habitants partagent la crainte d'une nouvelle hausse des prix."),
        "es": ("Compartir en Twitter", "Los vecinos comparten el temor a una nueva subida de precios."),
        "ru": ("Поделиться", "Жители делятся опасениями, что цены продолжат расти."),
        "pl": ("Udostępnij na Facebooku", "Mieszkańcy podzielają obawy, że ceny nadal będą rosnąć."),
        "it": ("Condividi su Facebook",
               "I residenti condividono il timore di un nuovo aumento dei prezzi."),
        "pt": ("Compartilhe",
               "Compartilhar carros tornou-se comum entre os estudantes da universidade."),
    },
    "text.ad-label": {
        "en": ("Advertisement", "Advertisement spending rose 5% in the first quarter, the agency said."),
        "de": ("Anzeige", "Die Anzeige gegen den Bürgermeister wurde am Montag eingereicht."),
        "fr": ("Publicité", "La publicité pour les jeux d'argent sera interdite à la télévision dès 2025."),
        "es": ("Publicidad", "La publicidad de apuestas quedará prohibida en televisión a partir de 2025."),
        "ru": ("Реклама", "Реклама азартных игр будет запрещена на телевидении с 2025 года."),
        "pl": ("Reklama", "Reklama hazardu zostanie zakazana w telewizji od 2025 roku."),
        "it": ("Pubblicità",
               "La pubblicità del gioco d'azzardo sarà vietata in televisione dal 2025."),
        "pt": ("Publicidade",
               "A publicidade nas escolas foi proibida por uma lei aprovada em 2016."),
    },
    "text.image-credit": {
        "en": ("Photo: Jane Doe / Reuters", "The photo shows the harbour after the storm, with boats piled on the quay."),
        "de": ("Foto: Max Muster/dpa", "Das Foto zeigt den Hafen nach dem Sturm, mit Booten auf der Kaimauer."),
        "fr": ("Photo : Jean Dupont / AFP",
               "La photo montre le port après la tempête, avec des bateaux empilés sur le quai."),
        "es": ("Foto: Juan Pérez / EFE", "La foto muestra el puerto tras el temporal, con barcos amontonados en el muelle."),
        "ru": ("Фото: Иван Петров / ТАСС", "На фото — порт после шторма, лодки выброшены на причал."),
        "pl": ("Zdjęcie: Jan Kowalski / PAP", "Zdjęcie pokazuje port po sztormie i łodzie wyrzucone na nabrzeże."),
        "it": ("Foto: Mario Rossi / ANSA",
               "La foto mostra il porto dopo la tempesta, con le barche ammassate sulla banchina."),
        "pt": ("Foto: Maria Souza/Agência Pública",
               "A foto da ponte, tirada em 1930, foi doada ao museu pela família do engenheiro."),
    },
    "text.byline": {
        "en": ("By Jane Doe", "By then, it was too late."),
        "de": ("Von Anna Schmidt", "Von Berlin aus fuhr der Zug weiter nach Hamburg, wo er am Abend ankam."),
        "fr": ("Par Marie Dubois", "Par ailleurs, le maire a annoncé la fermeture de deux écoles à la rentrée."),
        "es": ("Por Juan Pérez", "Por la tarde, la lluvia obligó a suspender el partido durante una hora."),
        "ru": ("Автор: Иван Петров", "Автор проекта, архитектор из Казани, получил премию в прошлом году."),
        "pl": ("Autor: Jan Kowalski", "Autor projektu, architekt z Krakowa, otrzymał nagrodę w zeszłym roku."),
        "it": ("di Mario Rossi",
               "Di recente il comune ha chiuso due scuole per lavori di ristrutturazione."),
    },
    "text.dateline": {
        "en": ("Published March 3, 2024",
               "Published in 1851, the novel sold poorly during its author's lifetime and was soon forgotten."),
        "de": ("Veröffentlicht am 3. März 2024",
               "Veröffentlicht wurde der Roman 1851, er verkaufte sich zu Lebzeiten des Autors aber kaum."),
        "fr": ("Publié le 3 mars 2024",
               "Publié en 1851, le roman s'est mal vendu du vivant de son auteur et a vite été oublié."),
        "es": ("Publicado el 3 de marzo de 2024",
               "Publicada en 1851, la novela se vendió mal en vida de su autor y pronto cayó en el olvido."),
        "ru": ("Опубликовано: 3 марта 2024", "Опубликованный в 1851 году роман плохо продавался при жизни автора."),
        "pl": ("Opublikowano: 3 marca 2024", "Opublikowana w 1851 roku powieść słabo sprzedawała się za życia autora."),
        "pt": ("Publicado em 12/03/2021 às 10h15",
               "O livro foi publicado em 1998 por uma pequena editora de Porto Alegre."),
        "zh": ("2021-03-10 09:58 来源：本报记者",
               "记者三月十日从市政府获悉，新大桥将于明年春天通车。"),
        "ko": ("기사입력 : [ 2018-08-25 15:24 ]",
               "시는 25일 새 다리를 내년 봄에 개통한다고 밝혔다."),
    },
    "text.date-only": {
        "en": ("March 3, 2024", "March 3, 2024 was the wettest day on record in the city."),
        "de": ("3. März 2024", "Am 3. März 2024 trat das neue Gesetz in Kraft."),
        "fr": ("Le 3 mars 2024 à 14h05", "Le 3 mars 2024, la loi est entrée en vigueur dans tout le pays."),
        "es": ("3 de marzo de 2024", "El 3 de marzo de 2024 entró en vigor la nueva ley."),
        "ru": ("3 марта 2024 года, 14:05", "3 марта 2024 года закон вступил в силу."),
        "pl": ("3 marca 2024", "3 marca 2024 roku ustawa weszła w życie."),
        "it": ("12 marzo 2024", "Il 12 marzo 2024 il consiglio comunale ha approvato il bilancio."),
        "pt": ("12 de março de 2021",
               "Em março de 2021, a ponte foi fechada para reparos por seis meses."),
    },
    "text.legal-links": {
        "en": ("Privacy Policy · Terms of Use · Contact Us", "Privacy campaigners and contact-tracing experts met in Brussels."),
        "de": ("Impressum | Datenschutz | AGB", "Das Impressum der Zeitung nennt drei Verantwortliche in Berlin."),
    },
    "text.promo": {
        "en": ("Click here to subscribe and save 40% on the print edition.",
               "Readers who order the print edition get it delivered by 7am, the publisher said."),
        "de": ("Jetzt testen: vier Wochen das Magazin für nur 1 Euro.",
               "Wer das Magazin bestellen will, muss jetzt mit längeren Lieferzeiten rechnen."),
        "es": ("Suscríbete por un euro el primer mes. Cancela cuando quieras.",
               "El contrato de alquiler se puede cancelar con tres meses de aviso, explicó el abogado."),
    },
    "text.comments": {
        "en": ("12 comments", "Comments from the minister angered the unions on Tuesday."),
        "de": ("Kommentar schreiben", "Kommentare des Ministers verärgerten am Dienstag die Gewerkschaften."),
        "fr": ("Laisser un commentaire", "Les commentaires du ministre ont irrité les syndicats mardi."),
        "es": ("Deja un comentario", "Los comentarios del ministro molestaron a los sindicatos el martes."),
        "ru": ("Оставить комментарий", "Комментарии министра во вторник возмутили профсоюзы."),
        "pl": ("Dodaj komentarz", "Komentarze ministra rozzłościły we wtorek związkowców."),
        "it": ("Lascia un commento",
               "I commenti del ministro hanno irritato i sindacati martedì."),
        "pt": ("3 comentários",
               "Os comentários do ministro irritaram os sindicatos na terça-feira."),
    },
    "text.copyright": {
        "en": ("© 2024 Daily Ledger. All rights reserved.",
               "Copyright law in the EU was overhauled in 2019, and publishers gained new rights over snippets."),
        "de": ("Alle Rechte vorbehalten.", "Alle Rechte an dem Lied liegen seit 1990 bei einem Verlag in Hamburg."),
        "fr": ("Tous droits réservés.", "Tous les droits d'auteur ont été cédés à l'éditeur en 1990."),
        "es": ("Todos los derechos reservados", "Todos los derechos de la canción pertenecen a una editorial desde 1990."),
        "ru": ("Все права защищены", "Все права на песню с 1990 года принадлежат издательству."),
        "pl": ("Wszelkie prawa zastrzeżone", "Wszelkie prawa do piosenki należą od 1990 roku do wydawnictwa."),
        "it": ("Tutti i diritti riservati",
               "Tutti i diritti sulla canzone appartengono a un editore dal 1990."),
        "pt": ("Todos os direitos reservados.",
               "Os direitos dos trabalhadores foram o tema central da reunião de ontem."),
    },
    "text.login": {
        "en": ("Sign in", "Sign-in sheets were kept at the front desk all week."),
        "de": ("Anmelden", "Anmelden können sich Schüler bis Freitag im Sekretariat."),
        "fr": ("Se connecter", "Se connecter au réseau reste difficile dans les villages de montagne."),
        "es": ("Iniciar sesión", "Iniciar sesión en la web del ministerio llevó horas a muchos usuarios."),
        "ru": ("Войти", "Войти в здание журналистам так и не разрешили."),
        "pl": ("Zaloguj się", "Zalogować się do systemu nie mogli we wtorek lekarze z całego kraju."),
        "it": ("Accedi",
               "Accedere al sito del ministero ha richiesto ore a molti utenti."),
    },
}

# More chrome wording per rule, beyond the one pair per cell above: (rule id, chrome, article sentence).
MORE_EXAMPLES: list[tuple[str, str, str]] = [
    ("text.copyright", "The views expressed are those of the author and do not necessarily reflect those of the site.",
     "The minister said the views expressed at the summit were those of a small minority of members."),
    ("text.share", "Puede escribirnos a redaccion@example.com o seguir a Ciencia en Facebook, Twitter o Instagram.",
     "Los vecinos pueden seguir el pleno en directo por Facebook y en la radio municipal, informó el alcalde."),
    ("text.newsletter", "Suscríbete aquí a nuestra newsletter.",
     "La alcaldesa pidió a los vecinos que se suscriban a la newsletter municipal para recibir los avisos."),
    ("text.share", "Follow The Daily Ledger on Twitter and Instagram @DailyLedger and on Facebook @TheDailyLedger. "
     "Send us a message on WhatsApp at 555-0100 or email us at news@example.com.",
     "Millions follow the president on Twitter, where he posts several times a day about the economy."),
    ("text.share", "Join our Telegram channel for breaking news from the region.",
     "Protesters used a Telegram channel to join the march, organisers said on Monday."),
    ("text.share", "¿Ya sabías que en El Diario tenemos canal de Telegram? Únete desde tu celular en este enlace.",
     "Los manifestantes se organizaron a través de un canal de Telegram, según la policía."),
    ("text.ad-label", "*Werbung. Dieser Beitrag enthält Werbung für die Marke Sonnenhof.",
     "Die Aufsicht stellte fest, dass dieser Beitrag Werbung enthält, die nicht gekennzeichnet war."),
    ("text.ad-label", "ANZEIGE - Heute mal ausgehen? Wie wäre es mit:",
     "Anzeige: Der Nachbar rief die Polizei, weil es nachts im Hof zu laut war."),
    ("text.copyright", "© 2022, The Daily Ledger. This article is the copyrighted property of The Daily Ledger. "
     "Written permission must be obtained before reprint in online or print media.",
     "The judge ruled that the story may not be published until the trial ends next month."),
    ("text.read-more", "Weitere Informationen:",
     "Weitere Informationen zum Bauvorhaben will die Stadt erst nach der Sitzung im Juni veröffentlichen."),
    ("text.read-more", "Zum Weiterlesen",
     "Zum Weiterlesen blieb den Pendlern im überfüllten Zug am Morgen kaum Platz."),
    ("text.read-more", "Weitere Infos unter www.tsv-info.de.",
     "Weitere Infos zum Fahrplan gibt es nach Angaben der Bahn erst kommende Woche."),
    ("text.read-more", "... weiter zu \"Teil 2: Die Planung\"",
     "Weiter zur Grenze durften die Lastwagen erst nach einer Kontrolle am Morgen fahren."),
    ("text.read-more", "Originalartikel:",
     "Den Originalartikel hatte die Zeitung bereits im Jahr 2004 veröffentlicht."),
    ("text.related-heading", "Weiterführende Links",
     "Weiterführende Schulen in der Region melden für das neue Schuljahr deutlich mehr Anmeldungen."),
    ("text.related-heading", "Empfehlungen aus unserem Shop",
     "Empfehlungen aus dem Gesundheitsamt sollen die Eltern noch vor den Ferien erreichen."),
    ("text.share", "Merken",
     "Merken konnten sich die Zeugen das Kennzeichen des Wagens nicht, sagte die Polizei."),
    ("text.image-credit", "Bild 3 von 12",
     "Das dritte Bild der Ausstellung zeigt den Hafen im Winter des Jahres 1912."),
    ("text.dateline", "Aufrufe: 1520 | Hinzugefügt von: redaktion",
     "Die Aufrufe zum Streik wurden am Montag von allen drei Gewerkschaften unterzeichnet."),
    ("text.comments", "Noch keine Kommentare",
     "Kommentare der Anwohner gibt es zu dem Bauvorhaben noch keine, sagte der Bürgermeister."),
    ("text.share", "Sieh dir diesen Beitrag auf Instagram an",
     "Den Beitrag auf Instagram sahen sich innerhalb eines Tages mehr als eine Million Menschen an."),
    ("text.dateline", "Mitglied seit 5. August 2016",
     "Mitglied des Vereins ist er seit 2016, seit zwei Jahren auch im Vorstand."),
    ("text.related-heading", "A lire aussi",
     "A lire aussi les lettres de sa mère, on comprend mieux son départ pour Paris."),
    ("text.date-only", "sexta-feira, 22 de outubro de 2010 às 20:13",
     "Na sexta-feira, 22 de outubro, a ponte foi fechada para reparos."),
    ("text.comments", "Les commentaires sont fermés.",
     "Les commentaires du ministre ont été fermement critiqués par les syndicats."),
    ("text.share", "Partager cet article",
     "Les habitants veulent partager les frais de réparation du pont avec la commune."),
    ("text.related-heading", "Les articles les plus lus",
     "Les articles du règlement les plus discutés concernent le stationnement."),
    ("text.comments", "Los comentarios están cerrados.",
     "Los comentarios del ministro molestaron a los sindicatos el martes."),
    ("text.related-heading", "Te recomendamos",
     "Te recomendamos que no cruces el puente, dijo el policía a la conductora."),
    ("text.share", "Comparte esta noticia",
     "La noticia se compartió miles de veces en pocas horas, según la empresa."),
    ("text.paywall", "Para seguir leyendo, suscríbete por un euro al mes.",
     "Para seguir leyendo en la biblioteca, los estudiantes piden que abra hasta medianoche."),
    ("text.related-heading", "Ti potrebbe interessare",
     "Il progetto potrebbe interessare anche le città vicine, ha detto il sindaco."),
    ("text.comments", "Nessun commento",
     "Il ministro non ha voluto fare nessun commento sulla decisione del tribunale."),
    ("text.related-heading", "Może cię zainteresować",
     "Nowy most może zainteresować także turystów z zagranicy, uważa burmistrz."),
    ("text.share", "Udostępnij artykuł",
     "Redakcja udostępniła artykuł bezpłatnie wszystkim czytelnikom w dniu wyborów."),
    ("text.related-heading", "Новости по теме",
     "Новости по теме выборов в городе публикуют три местные газеты."),
    ("text.related-heading", "Verwandte Artikel:",
     "Verwandte der Opfer verfolgten den Prozess von der Zuschauertribüne aus."),
    ("text.related-heading", "Das könnte Ihnen auch gefallen",
     "Ob ihnen der neue Spielplan gefallen wird, wissen die Abonnenten noch nicht."),
    ("text.share", "Artikel drucken",
     "Die Druckerei konnte den Artikel wegen eines Stromausfalls nicht rechtzeitig drucken."),
    ("text.comments", "Alle Kommentare anzeigen",
     "Die Kommentare der Leser zeigen, wie sehr das Thema die Stadt bewegt."),
    ("text.newsletter", "Newsletter-Anmeldung: Ihre wöchentliche Auswahl",
     "Der Newsletter des Vereins erscheint seit 1998 viermal im Jahr auf Papier und per Post."),
    ("text.paywall", "Mit Plus weiterlesen",
     "Mit dem Bau will die Stadt im Herbst weitermachen, sagte der Bürgermeister."),
    ("text.legal-links", "Pressekontakt:",
     "Den Kontakt zur Presse hielt während der Verhandlungen allein der Sprecher der Gewerkschaft."),
    ("text.legal-links", "Ansprechpartnerin zum Thema:",
     "Als Ansprechpartnerin für die Eltern steht seit Montag eine Sozialarbeiterin bereit."),
    ("text.related-heading", "Das könnte dich auch interessieren:",
     "Ob das die Wähler auch interessieren könnte, wollte der Kandidat nicht beantworten."),
    ("text.related-heading", "Mehr Ratgeber auf Gartenwelt",
     "Mehr Ratgeber auf Papier wünschen sich vor allem ältere Leserinnen und Leser."),
    ("text.related-heading", "Nächster Artikel",
     "Der nächste Artikel der Verfassung regelt die Wahl des Bundespräsidenten."),
    ("text.share", "Möchten Sie diesen Artikel teilen?",
     "Viele Leser teilen den Artikel lieber per Messenger als in sozialen Netzwerken."),
    ("text.share", "Diesen Beitrag als PDF herunterladen",
     "Das Ministerium stellt den Bericht seit Dienstag als PDF zum Herunterladen bereit."),
    ("text.comments", "Kommentarfeed | Kommentare geschlossen | Trackback-URL",
     "Die Kommentare unter dem Video waren nach wenigen Stunden geschlossen worden."),
    ("text.comments", "Kommentare insgesamt: 12",
     "Insgesamt zwölf Kommentare gingen bei der Behörde während der Auslegungsfrist ein."),
    ("text.copyright", "Dieser Beitrag steht unter der Lizenz CC BY-SA 4.0.",
     "Die Bibliothek veröffentlicht ihre Digitalisate seit 2019 unter einer freien Lizenz."),
    ("text.copyright", "(Alle Angaben ohne Gewähr)",
     "Die Angaben der Firma konnten ohne Gewähr nicht überprüft werden, sagte der Richter."),
    ("text.byline", "Verfasst von: gartenfreundin | 3. Mai 2015",
     "Verfasst wurde der Brief von einer Schülerin, die anonym bleiben möchte."),
    ("text.dateline", "Video verfügbar bis 31.12.2024",
     "Das Video ist bis Ende des Jahres in der Mediathek verfügbar, teilte der Sender mit."),
    ("text.donation", "Jede Spende hilft den Familien vor Ort!",
     "Die Tafel erhielt im Winter mehr Spenden als je zuvor, berichtete die Leiterin."),
    ("text.promo", "Die neue Ausgabe jetzt am Kiosk, im Abo und als E-Paper.",
     "Die Zeitschrift erscheint seit 1990 und wird vor allem von Sammlern gekauft."),
    ("text.newsletter", "Noch mehr Tipps? Abonnieren Sie unseren Newsletter!",
     "Der Verein verschickt seinen Newsletter zweimal im Jahr an seine Mitglieder."),
    ("text.related-heading", "Our latest stories",
     "Our latest stories about the flood were written by reporters who live in the valley."),
    ("text.ad-label", "Advert",
     "The advert for the new bridge was shown on television in March."),
    ("text.copyright", "Copyright ⓒ Valley Courier. Reproduction prohibited.",
     "Copyright law protects the photographs for 70 years after the photographer's death."),
    ("text.image-credit", "Photo 4 of 9",
     "The fourth photo shows the harbour before the storm of 1953."),
    ("text.comments", "Comments are closed.",
     "Comments from residents are closed to the public until the inquiry ends."),
    ("text.share", "Like this story? Share it with a friend!",
     "Friends who share a flat pay less rent than those who live alone, the study found."),
    ("text.share", "Share this:",
     "Share prices fell sharply on Monday after the bank's warning."),
    ("text.read-also", "Related post: How we rebuilt the old mill",
     "The related posts on the council's website were removed after the complaint."),
    ("text.promo", "Subscribe to The Valley Courier and stay ahead of the news.",
     "Readers who subscribe to the paper get the weekend magazine at no extra cost."),
    ("text.image-credit", "3/28 photos © Agency",
     "Three of the 28 photos were taken by the agency's staff photographer."),
    ("text.image-credit", "Caption",
     "The caption under the photograph named the wrong village, the paper admitted."),
    ("text.image-credit", "This slideshow requires JavaScript.",
     "The new slideshow of the museum's collection runs every hour in the main hall."),
    ("text.related-heading", "More:",
     "More than 4,000 people attended the festival on Saturday."),
    ("text.related-heading", "Don't miss",
     "Don't miss the last train, the conductor warned the students."),
    ("text.related-heading", "Trending articles",
     "Trending upwards since March, prices are now at their highest in ten years."),
    ("text.byline", "Jane Doe contributed reporting from Lisbon.",
     "Jane Doe, who contributed to the fund, said she was pleased with the result."),
    ("text.ad-label", "Report this ad",
     "The report on television advertising was published on Tuesday."),
    ("text.share", "Like this:",
     "Nobody likes this plan, the mayor admitted at the end of the meeting."),
    ("text.read-also", "Main article: History of the railway",
     "The main article of the treaty deals with fishing rights in the northern sea."),
    ("text.newsletter", "Welcome back. Thanks for subscribing.",
     "The mayor thanked residents for their patience during the repairs."),
    ("text.newsletter", "Was this email forwarded to you? Sign up here.",
     "The email was forwarded to the police on Tuesday, the council said."),
    ("text.paywall", "To read the full story, please subscribe to the Valley Courier.",
     "The full story of the flood was only told years later by the families who stayed."),
    ("text.newsletter", "Do you want to stay informed about our campaigns? Sign up here",
     "Residents who want to stay informed can attend the monthly council meetings."),
    ("text.donation", "Help us keep the archive open to everyone. Donate",
     "The museum asked visitors to donate old photographs to help it keep the archive complete."),
    ("text.promo", "Download the Daily Ledger app for iOS and Android.",
     "The ministry's app, available for iOS and Android, was downloaded 200,000 times."),
    ("text.promo", "Get the latest headlines straight to your phone with our app.",
     "Farmers get the latest prices on their phones through a text-message service."),
    ("text.dateline", "This entry was posted in Travel. Bookmark the permalink.",
     "The entry was posted on the embassy's website late on Friday night."),
    ("text.dateline", "Date: 04/21/2022 Category: Announcements",
     "The category of the storm was raised on Friday, forecasters said."),
    ("text.copyright", "This article is published under a Creative Commons Attribution 4.0 licence.",
     "The licence to publish the papers was granted by the court in 1998."),
    ("text.image-credit", "The harbour at dawn. | © Jane Doe/Agency",
     "The harbour at dawn was quiet, with only two fishing boats setting out."),
    ("text.share", "Download this article as PDF",
     "The report can be downloaded as a PDF from the ministry's website."),
    ("text.related-heading", "Vous aimerez aussi",
     "Vous aimerez aussi le marché du samedi, disait le maire aux nouveaux habitants."),
    ("text.related-heading", "Articles sur le même sujet",
     "Trois articles sur le même sujet ont paru dans la presse régionale cette semaine."),
    ("text.copyright", "Les opinions exprimées dans ce blog n'engagent que leurs auteurs.",
     "Les opinions des habitants divergent sur le projet de nouveau stade."),
    ("text.paywall", "Pour accéder en illimité à nos articles :",
     "Pour accéder au site, les visiteurs doivent passer par l'entrée nord du parc."),
    ("text.share", "Síguenos en Instagram, Facebook y X para recibir nuestras noticias",
     "Síguenos, gritaba el guía a los turistas que se perdían entre la multitud."),
    ("text.image-credit", "Most na Wiśle w 1930 roku /domena publiczna",
     "Zdjęcia mostu z 1930 roku trafiły do domeny publicznej w zeszłym roku."),
]

CASES = [(rule.id, lang) for rule in TEXT_RULES for lang in LANGUAGES if rule.id in LANGUAGES[lang]]
_PROSE = ("The committee met again on Thursday and heard evidence from engineers, residents and two former "
          "ministers, who disagreed sharply about the cost of the work and about who should pay for it. ")


def _alone(rule_id: str) -> Options:
    """Options with every other textual rule switched off, to test one rule by itself."""
    return Options(disabled_rules=frozenset(r.id for r in TEXT_RULES if r.id != rule_id))


def _candidates(*specs: tuple[str, str, float]) -> list[Candidate]:
    return [Candidate(text, kind, float(i), link_density=density) for i, (text, kind, density) in enumerate(specs)]


def test_every_rule_and_language_has_examples() -> None:
    """A new rule or language needs its own pair of examples here."""
    covered = {(rule_id, lang) for rule_id, table in EXAMPLES.items() for lang in table}
    assert sorted(set(CASES) - covered) == [], "phrases without examples in EXAMPLES"
    assert sorted(covered - set(CASES)) == [], "examples for phrases that no longer exist"


@pytest.mark.parametrize(("rule_id", "lang"), CASES)
def test_rule_fires_alone(rule_id: str, lang: str) -> None:
    chrome, _ = EXAMPLES[rule_id][lang]
    rule = match_text(chrome, _alone(rule_id))
    assert rule is not None and rule.id == rule_id, f"{rule_id} [{lang}] missed {chrome!r}"
    assert rule.kind == RULES[rule_id].kind


@pytest.mark.parametrize(("rule_id", "lang"), CASES)
def test_chrome_is_removed_with_default_options(rule_id: str, lang: str) -> None:
    chrome, _ = EXAMPLES[rule_id][lang]
    assert match_text(chrome, Options()) is not None


@pytest.mark.parametrize(("rule_id", "lang"), CASES)
def test_article_sentence_on_the_same_topic_survives(rule_id: str, lang: str) -> None:
    _, prose = EXAMPLES[rule_id][lang]
    rule = match_text(prose, Options())
    assert rule is None, f"{rule.id if rule else ''} removed the article sentence {prose!r}"


@pytest.mark.parametrize(("rule_id", "lang"), CASES)
def test_long_paragraph_holding_the_phrase_survives(rule_id: str, lang: str) -> None:
    """Rules look at short blocks only: prose that quotes the phrase is not chrome."""
    chrome, _ = EXAMPLES[rule_id][lang]
    rule = next(r for r in TEXT_RULES if r.id == rule_id)
    paragraph = _PROSE * 2 + chrome + " " + _PROSE * 2
    assert len(paragraph) > rule.max_chars
    assert match_text(paragraph, _alone(rule_id)) is None


@pytest.mark.parametrize(("rule_id", "chrome", "prose"), MORE_EXAMPLES)
def test_more_chrome_wording_fires_alone_and_spares_prose(rule_id: str, chrome: str, prose: str) -> None:
    rule = match_text(chrome, _alone(rule_id))
    assert rule is not None and rule.id == rule_id, f"{rule_id} missed {chrome!r}"
    kept = match_text(prose, Options())
    assert kept is None, f"{kept.id if kept else ''} removed the article sentence {prose!r}"


@pytest.mark.parametrize(("rule_id", "lang"), CASES)
def test_switching_the_rule_off_stops_it(rule_id: str, lang: str) -> None:
    chrome, _ = EXAMPLES[rule_id][lang]
    alone = _alone(rule_id)
    off = Options(disabled_rules=alone.disabled_rules | {rule_id})
    assert match_text(chrome, off) is None


def test_every_textual_rule_is_registered_with_its_kind() -> None:
    for rule in TEXT_RULES:
        assert RULES[rule.id].kind == rule.kind
        assert rule.kind in cleanpress.REMOVAL_KINDS


# --- sequences ---------------------------------------------------------------

def test_appeal_takes_its_body_down_to_the_payment_widget_and_no_further() -> None:
    candidates = _candidates(
        (_PROSE, "paragraph", 0.0),
        ("A Message from The Daily Ledger", "paragraph", 0.0),
        ("Independent journalism needs readers like you. Every contribution keeps our newsroom open.", "paragraph", 0.0),
        ("Once", "paragraph", 0.0), ("Monthly", "paragraph", 0.0), ("Annual", "paragraph", 0.0),
        ("$5", "paragraph", 0.0), ("Continue", "paragraph", 0.0), ("Remind me later", "paragraph", 0.0),
        (_PROSE, "paragraph", 0.0),
    )
    label_sequence(candidates, Options())
    assert candidates[0].kept and candidates[-1].kept
    assert candidates[1].removal is not None and candidates[1].removal.kind == "donation-appeal"
    assert candidates[1].removal.rule == "text.appeal-opener"
    assert candidates[2].removal is not None and candidates[2].removal.kind == "donation-appeal"
    for widget in candidates[3:9]:
        assert widget.removal is not None and widget.removal.kind == "payment-widget", widget.text
    assert candidates[8].removal is not None and candidates[8].removal.rule == "text.remind-later"


def test_appeal_body_is_taken_even_when_it_does_not_look_like_chrome_alone() -> None:
    body = "We have covered this city for thirty years, through floods and elections, and we intend to go on."
    candidates = _candidates(("Dear readers,", "paragraph", 0.0), (body, "paragraph", 0.0),
                             ("Monthly", "paragraph", 0.0), ("Continue", "paragraph", 0.0), (_PROSE, "paragraph", 0.0))
    assert match_text(body, Options()) is None
    label_sequence(candidates, Options())
    assert [c.kept for c in candidates] == [False, False, False, False, True]


def test_appeal_without_widget_stops_at_the_first_unrelated_paragraph() -> None:
    candidates = _candidates(("Dear readers,", "paragraph", 0.0),
                             ("Independent journalism depends on readers who support it.", "paragraph", 0.0),
                             (_PROSE, "paragraph", 0.0))
    label_sequence(candidates, Options())
    assert [c.kept for c in candidates] == [False, False, True]


def test_related_heading_takes_the_link_lists_after_it() -> None:
    candidates = _candidates(("Related stories", "heading", 0.0),
                             ("Storm closes harbour\nDam repaired at last", "list", 1.0),
                             ("Bridge to reopen in spring", "paragraph", 0.9),
                             (_PROSE, "paragraph", 0.0))
    label_sequence(candidates, Options())
    assert [c.kept for c in candidates] == [False, False, False, True]
    assert {c.removal.kind for c in candidates[:3] if c.removal} == {"related-links"}


def test_related_heading_leaves_a_plain_list_alone() -> None:
    candidates = _candidates(("Related stories", "heading", 0.0), ("Flour\nSugar\nButter", "list", 0.0))
    label_sequence(candidates, Options())
    assert [c.kept for c in candidates] == [False, True]


@pytest.mark.parametrize("disabled", [{"text.appeal-opener"}, {"text.*"}])
def test_switching_the_appeal_rule_off_keeps_its_body(disabled: set[str]) -> None:
    body = "We have covered this city for thirty years, through floods and elections, and we intend to go on."
    candidates = _candidates(("A Message from The Daily Ledger", "paragraph", 0.0), (body, "paragraph", 0.0))
    label_sequence(candidates, Options(disabled_rules=frozenset(disabled)))
    assert all(c.kept for c in candidates)


def test_prefix_switch_turns_off_every_textual_rule() -> None:
    options = Options(disabled_rules=frozenset({"text.*"}))
    for rule_id, table in EXAMPLES.items():
        for chrome, _ in table.values():
            assert match_text(chrome, options) is None, (rule_id, chrome)


# --- through extract() -------------------------------------------------------

ARTICLE = (
    "<html><head><title>Harbour closed by storm</title></head><body><article>"
    "<h1>Harbour closed by storm</h1>"
    f"<p>{_PROSE}</p>"
    "<p>A Message from The Daily Ledger</p>"
    "<p>We have covered this city for thirty years, and readers like you make it possible.</p>"
    "<p>Once</p><p>Monthly</p><p>Annual</p><p>Continue</p><p>Remind me later</p>"
    "<p>The port authority said ferries would resume once the wind dropped below gale force, "
    "probably on Sunday morning, and that cargo ships would follow later in the day.</p>"
    "<h2>Related stories</h2><ul><li><a href='/a'>Storm hits the coast</a></li>"
    "<li><a href='/b'>Ferry timetable changes</a></li></ul>"
    f"<p class='story-note'>{_PROSE}</p>"
    "<p>Promo code SPRING24 gives a discount on the ferry until Friday.</p>"
    "</article></body></html>"
)


def test_extract_removes_the_appeal_and_keeps_the_paragraph_after_the_widget() -> None:
    article = cleanpress.extract(ARTICLE)
    assert "The port authority said ferries would resume" in article.text
    for gone in ("A Message from", "readers like you", "Monthly", "Continue", "Remind me later",
                 "Related stories", "Storm hits the coast"):
        assert gone not in article.text, gone
    kinds = {(r.kind, r.rule) for r in article.removed}
    assert ("donation-appeal", "text.appeal-opener") in kinds
    assert ("payment-widget", "text.payment-widget") in kinds
    assert ("related-links", "text.related-heading") in kinds


@pytest.mark.parametrize("disabled", [{"text.appeal-opener", "text.payment-widget", "text.remind-later",
                                       "struct.short-stack"}, {"text.*", "struct.short-stack"}])
def test_extract_with_the_rules_switched_off_keeps_the_appeal(disabled: set[str]) -> None:
    article = cleanpress.extract(ARTICLE, disabled_rules=frozenset(disabled))
    assert "A Message from The Daily Ledger" in article.text
    assert "Monthly" in article.text
    assert not any(r.rule.startswith("text.appeal") for r in article.removed)


def test_user_phrase_rule_fires_and_is_reported() -> None:
    rule = PhraseRule("user.promo-code", r"promo code \w+")
    article = cleanpress.extract(ARTICLE, extra_rules=(rule,))
    assert "SPRING24" not in article.text
    assert any(r.rule == "user.promo-code" and "SPRING24" in r.text and r.kind == "user-rule"
               for r in article.removed)
    assert "SPRING24" in cleanpress.extract(ARTICLE).text


def test_user_phrase_rule_reports_its_own_kind() -> None:
    rule = PhraseRule("user.promo-code", r"promo code", kind="advertisement")
    article = cleanpress.extract(ARTICLE, options=Options(extra_rules=(rule,)))
    assert any(r.rule == "user.promo-code" and r.kind == "advertisement" for r in article.removed)


@pytest.mark.parametrize("switch", ["user.promo-code", "user.*"])
def test_user_rule_can_be_switched_off_by_its_id(switch: str) -> None:
    """A shared Options with the caller's rules, switched off for one call."""
    base = Options(extra_rules=(PhraseRule("user.promo-code", r"promo code"),))
    article = cleanpress.extract(ARTICLE, options=base, disabled_rules={switch})
    assert "SPRING24" in article.text


def test_user_phrase_rule_leaves_long_blocks_alone() -> None:
    rule = PhraseRule("user.committee", r"committee", max_chars=40)
    article = cleanpress.extract(ARTICLE, extra_rules=(rule,))
    assert "The committee met again" in article.text


def test_user_selector_rule_fires_and_is_reported() -> None:
    rule = SelectorRule("user.story-note", "p.story-note")
    article = cleanpress.extract(ARTICLE, extra_rules=(rule,))
    assert article.text.count("The committee met again") == 1
    assert [r.rule for r in article.removed].count("user.story-note") == 1
    assert any(r.rule == "user.story-note" and r.kind == "user-rule" for r in article.removed)


@pytest.mark.parametrize("rule", [PhraseRule("user.bad", r"(unclosed"), PhraseRule("user.bad", r"[z-a]"),
                                  SelectorRule("user.bad", "p[["), SelectorRule("user.bad", "div >> > p")])
def test_bad_user_rule_raises_options_error(rule: PhraseRule | SelectorRule) -> None:
    with pytest.raises(OptionsError):
        cleanpress.extract(ARTICLE, extra_rules=(rule,))
    with pytest.raises(OptionsError):
        Options(extra_rules=(rule,))


def test_unknown_disabled_rule_raises_options_error() -> None:
    with pytest.raises(OptionsError, match="text.no-such-rule"):
        cleanpress.extract(ARTICLE, disabled_rules={"text.no-such-rule"})
    with pytest.raises(OptionsError):
        cleanpress.extract(ARTICLE, disabled_rules={"nosuchfamily.*"})


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_extract_keeps_each_languages_article_sentences_and_drops_its_chrome(lang: str) -> None:
    """The whole table through the HTML pipeline: chrome between article sentences, the appeal last."""
    pairs = {rule_id: table[lang] for rule_id, table in EXAMPLES.items() if lang in table}
    appeal = ("text.appeal-opener", "text.payment-widget", "text.remind-later")
    blocks = [pairs[rule_id][1] for rule_id in appeal if rule_id in pairs]
    for rule_id, (chrome, prose) in pairs.items():
        if rule_id not in appeal:
            blocks += [prose, chrome]
    blocks += [pairs[rule_id][0] for rule_id in appeal if rule_id in pairs]
    page = "<html><body><article>" + "".join(f"<p>{html.escape(b)}</p>" for b in blocks) + "</article></body></html>"
    kept = cleanpress.extract(page).text.split("\n\n")
    assert [prose for chrome, prose in pairs.values() if prose not in kept] == []
    assert [chrome for chrome, prose in pairs.values() if chrome in kept] == []


_APPEAL_PROBES = [
    "A Message from The Editors", "Dear readers,", "Please donate to keep our journalism free.",
    "Support independent journalism: become a member today for just $5 a month.",
    "Related articles", "Share this story", "Subscribe to our newsletter", "We use cookies to improve your visit.",
    "Read more", "The council met on Tuesday to discuss the budget.", "Monthly", "Continue",
]


@pytest.mark.parametrize("text", _APPEAL_PROBES)
def test_may_name_appeal_never_rules_out_what_match_text_calls_an_appeal(text: str) -> None:
    rule = match_text(text, Options())
    if rule is not None and rule.kind == "donation-appeal":
        assert may_name_appeal(text, Options())


def test_may_name_appeal_rules_out_ordinary_text_and_defers_to_callers_appeal_rules() -> None:
    assert may_name_appeal("A Message from The Editors", Options())
    assert not may_name_appeal("The council met on Tuesday to discuss the budget.", Options())
    assert not may_name_appeal("Share this story", Options())
    caller = Options(extra_rules=(PhraseRule("my.plea", r"chip in", kind="donation-appeal"),))
    assert may_name_appeal("The council met on Tuesday to discuss the budget.", caller)
