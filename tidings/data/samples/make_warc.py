"""Write ``crawl.warc.gz``: two HTTP responses holding news pages, plus a request record.

Run ``python tidings/data/samples/make_warc.py``; the output is committed next to
this script so that nothing is generated at run time.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} - Northern Courier</title>
<meta property="og:site_name" content="Northern Courier">
<meta property="article:published_time" content="{published}T07:30:00Z"></head>
<body><div class="nav"><a href="/">Front page</a> <a href="/world">World</a> <a href="/europe">Europe</a>
<a href="/asia">Asia</a> <a href="/newsletters">Newsletters</a></div>
<div class="consent">We use cookies on this site. <a href="#">Accept</a></div>
<article><h1>{title}</h1><p class="dateline">{published}</p>
{paragraphs}
<p class="tags">Tags: <a href="#">diplomacy</a> <a href="#">security</a></p></article>
<div class="promo">Never miss a story: sign up for our daily briefing.</div>
<footer>&copy; Northern Courier. All rights reserved.</footer></body></html>"""

ARTICLES = [
    ("https://courier.example.net/world/2024/04/23/germany-expels-russian-diplomats",
     "Germany expels two Russian diplomats over spying allegations", "2024-04-23",
     ["BERLIN — Germany on Tuesday ordered two Russian diplomats to leave the country within a week, "
      "accusing them of helping to organise surveillance of military sites where Ukrainian soldiers are trained.",
      "The foreign ministry summoned Russia's ambassador to inform him of the decision, a ministry spokesperson said, "
      "adding that Berlin would not tolerate espionage on German soil.",
      "\u201cThis is a clear violation of the rules of diplomacy,\u201d the spokesperson told reporters.",
      "Moscow denied the allegations and said it would respond in kind. Russia's embassy in Berlin called the "
      "expulsions an unfriendly act driven by anti-Russian hysteria.",
      "German prosecutors last week charged two German-Russian men with planning sabotage attacks on rail lines "
      "and army installations."]),
    ("https://courier.example.net/asia/2023/03/16/japan-south-korea-summit",
     "Japan and South Korea hold first summit in Tokyo in 12 years", "2023-03-16",
     ["TOKYO — Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol met in Tokyo on "
      "Thursday in the first visit of its kind in twelve years, pledging to turn the page on a bitter dispute over "
      "wartime forced labour.",
      "The two leaders agreed to resume regular visits and to restore a security dialogue, and Japan said it would "
      "lift export curbs on chemicals used to make semiconductors.",
      "\u201cWe have taken a big step toward normalising relations,\u201d Kishida told a joint news conference.",
      "Hours before the summit, North Korea fired a long-range ballistic missile into the sea off the Korean "
      "peninsula, a launch both leaders condemned."]),
]


def html_for(title: str, published: str, paragraphs: list[str]) -> bytes:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return PAGE.format(title=title, published=published, paragraphs=body).encode("utf-8")


def write(path: Path) -> None:
    """Each page as a request + response pair, as crawlers write them."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, title, published, paragraphs in ARTICLES:
            request = writer.create_warc_record(
                url, "request", payload=BytesIO(b""),
                http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "courier.example.net")], is_http_request=True))
            writer.write_record(request)
            body = html_for(title, published, paragraphs)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                  ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers))


if __name__ == "__main__":
    write(Path(__file__).with_name("crawl.warc.gz"))
