"""HTML a page may show from a notebook: everything a notebook renders, no script.

nbconvert's ``HTMLExporter.sanitize_html`` runs output HTML through a ``clean_html`` filter
whose allow-list escapes paragraphs, headings and most of a table, and nbgrader's feedback and
formgrade templates render Markdown cells without any filter. nbgrader_config.py therefore
turns sanitizing on and names the two filters here: ``clean_html`` keeps what notebooks show
(text, headings, tables, images, links) and drops every script, event handler, style sheet and
``javascript:`` link; ``SafeMarkdown`` is nbconvert's own Markdown rendering, cleaned the same
way, so a student's Markdown cell cannot carry script either.
"""

from __future__ import annotations

import re

import bleach
from bleach.css_sanitizer import CSSSanitizer
from jinja2 import pass_context
from nbconvert.filters import markdown2html_mistune
from traitlets.config import LoggingConfigurable

TAGS = frozenset(bleach.ALLOWED_TAGS) | {
    "p", "div", "span", "pre", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "sub", "sup",
    "del", "ins", "s", "u", "mark", "small", "kbd", "samp", "var", "q", "cite", "dl", "dt",
    "dd", "details", "summary", "figure", "figcaption", "img", "table", "thead", "tbody",
    "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
}
_COMMON = ["class", "id", "title", "style", "align", "lang", "dir"]
_CELL = [*_COMMON, "colspan", "rowspan", "valign", "scope", "headers"]
_STYLE_BLOCK = re.compile(r"<\s*style\b.*?<\s*/\s*style\s*>", re.IGNORECASE | re.DOTALL)
_CSS = CSSSanitizer()


def _link_attribute(tag: str, name: str, value: str) -> bool:
    if name == "href":  # a data: URL opened from a link is a page of the student's making
        return not value.strip().lower().startswith("data:")
    return name in _COMMON


ATTRIBUTES = {"*": _COMMON, "a": _link_attribute, "td": _CELL, "th": _CELL,
              "col": [*_COMMON, "span"], "colgroup": [*_COMMON, "span"],
              "img": [*_COMMON, "src", "alt", "width", "height"], "ol": [*_COMMON, "start"]}
PROTOCOLS = frozenset(bleach.ALLOWED_PROTOCOLS) | {"data"}  # images embedded in the notebook


def clean_html(html: str | bytes) -> str:
    """``html`` with only inert markup left: disallowed tags are escaped (shown as text, so a
    grader sees what was attempted), style sheets dropped, attributes and URLs allow-listed."""
    text = html.decode() if isinstance(html, bytes) else str(html)
    return bleach.clean(_STYLE_BLOCK.sub("", text), tags=TAGS, attributes=ATTRIBUTES,
                        protocols=PROTOCOLS, strip_comments=True, css_sanitizer=_CSS)


class SafeMarkdown(LoggingConfigurable):
    """The exporter's own ``markdown2html`` (attachments, anchors and all), then `clean_html`.

    Registered by name in ``c.HTMLExporter.filters``; nbconvert makes one per exporter, with
    the exporter as its parent.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        pass_context(self)  # Jinja hands the template context to this filter, as to nbconvert's

    def __call__(self, context, source: str) -> str:
        render = getattr(self.parent, "markdown2html", None)
        html = render(context, source) if render else markdown2html_mistune(source)
        return clean_html(html)
