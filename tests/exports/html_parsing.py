"""Read an exported HTML page with the standard library's HTML parser."""

from html.parser import HTMLParser


class PageReader(HTMLParser):
    """Collects every start tag with its attributes, and the page's text by CSS class of its element."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text_by_class: dict[str, list[str]] = {}
        self._classes: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag not in ("meta", "link", "br", "img", "input"):
            self._classes.append(attributes.get("class") or "")

    def handle_endtag(self, tag):
        if self._classes and tag not in ("meta", "link", "br", "img", "input"):
            self._classes.pop()

    def handle_data(self, data):
        if self._classes and self._classes[-1]:
            self.text_by_class.setdefault(self._classes[-1], []).append(data.strip())


def read_page(body: bytes) -> PageReader:
    reader = PageReader()
    reader.feed(body.decode())
    reader.close()
    return reader


def assert_inert(page: PageReader) -> None:
    """No script or image element and no event-handler attribute came from the data."""
    assert not [tag for tag, _ in page.tags if tag in ("script", "img", "iframe", "object")]
    assert not [name for _, attrs in page.tags for name in attrs if name.startswith("on")]
