"""Reads what crawlers read from a rendered page: <link>, <meta> and JSON-LD scripts."""

import json
from html.parser import HTMLParser


class HeadParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.metas, self.scripts = [], [], []
        self._script = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta":
            self.metas.append(attrs)
        elif tag == "script":
            self._script = {"attrs": attrs, "text": ""}

    def handle_data(self, data):
        if self._script is not None:
            self._script["text"] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append(self._script)
            self._script = None


def parse_head(response):
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def canonical_links(response):
    return [link["href"] for link in parse_head(response).links if link.get("rel") == "canonical"]


def meta_values(response, key):
    """All content values of <meta property=key> or <meta name=key>, in order."""
    return [
        meta["content"]
        for meta in parse_head(response).metas
        if key in (meta.get("property"), meta.get("name"))
    ]


def json_ld(response):
    """Every application/ld+json block of the page, decoded, with its script attributes."""
    return [
        (json.loads(script["text"]), script["attrs"])
        for script in parse_head(response).scripts
        if script["attrs"].get("type") == "application/ld+json"
    ]


def feed_links(response):
    return [
        link["href"]
        for link in parse_head(response).links
        if link.get("rel") == "alternate" and link.get("type") == "application/rss+xml"
    ]
