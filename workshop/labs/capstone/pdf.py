"""The case as a PDF, written by fpdf2 (pure Python, no browser): the page a learner can email as it is.

fpdf2's built-in fonts cover Latin-1 only, so the few typographic characters outside it
(≈, −, curly quotes, …) are written as their plain equivalents rather than failing the save.
"""
from __future__ import annotations

import re
from pathlib import Path

PLAIN = {"≈": "~", "−": "-", "–": "-", "—": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "…": "...", "€": "EUR",
         "→": "->", "•": "-", "\u00a0": " ", "✔": "", "✖": ""}


def latin1(text: str) -> str:
    """Text the PDF's built-in font can draw: plain equivalents first, then '?' for anything left."""
    for char, plain in PLAIN.items():
        text = text.replace(char, plain)
    return text.encode("latin-1", errors="replace").decode("latin-1")


MAX_TABLE_COLUMNS = 6  # wider tables do not fit an A4 column; they are written as lines of text


def _cell_text(match) -> str:
    """A table cell with its inline tags removed: fpdf2 draws only plain text inside <td> and <th>."""
    return f"{match.group(1)}{re.sub(r'<[^>]+>', '', match.group(2))}{match.group(3)}"


def _table_as_text(match) -> str:
    """A table too wide for the page, as one line per row ("a | b | c")."""
    rows = re.findall(r"<tr>(.*?)</tr>", match.group(0), flags=re.S)
    lines = []
    for row in rows:
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.S)]
        lines.append(" | ".join(cells))
    return "<p>" + "<br>".join(lines) + "</p>"


def _image_as_text(match) -> str:
    """An image becomes its description: the PDF writer would otherwise fetch its URL (or read a local file)."""
    alt = re.search(r'alt="([^"]*)"', match.group(0))
    return f"<em>[image: {alt.group(1) if alt and alt.group(1) else 'not included'}]</em>"


def printable_html(html: str) -> str:
    """The page's HTML as fpdf2 can draw it: no images, plain table cells, wide tables as text."""
    html = re.sub(r"<img\b[^>]*>", _image_as_text, html)

    def table(match):
        first_row = re.search(r"<tr>(.*?)</tr>", match.group(0), flags=re.S)
        columns = len(re.findall(r"<t[hd][\s>]", first_row.group(1))) if first_row else 0
        if columns > MAX_TABLE_COLUMNS:
            return _table_as_text(match)
        return re.sub(r"(<t[hd][^>]*>)(.*?)(</t[hd]>)", _cell_text, match.group(0), flags=re.S)

    return re.sub(r"<table>.*?</table>", table, html, flags=re.S)


def _plain(html: str) -> str:
    """Text only, a paragraph a line: the last resort, so a save always writes a PDF."""
    import html as _html

    text = re.sub(r"<(?:br|/p|/h\d|/li|/tr)\s*/?>", "\n", html)
    text = re.sub(r"<[^>]+>", "", text)
    return _html.unescape(text)


def write_pdf(markdown: str, path: Path) -> Path:
    """Render the page's Markdown to a one- or two-page A4 PDF at ``path``.

    Whatever the learner typed, a PDF is written: tables keep their text (not bold or links
    inside cells, which fpdf2 cannot draw), tables too wide for the page become lines of
    text, images become their description (never fetched), and if fpdf2 still refuses the
    page, it is written as plain text.
    """
    from fpdf import FPDF
    from fpdf.html import DEFAULT_TAG_STYLES

    from workshop.bank.markdown import to_html

    # fpdf2's layout, with dark headings: its default dark red reads like an error on a business page.
    styles = {tag: DEFAULT_TAG_STYLES[tag].replace(color="#1a1a1a") for tag in ("h1", "h2", "h3")}

    def render(plain: bool):
        pdf = FPDF(format="A4")
        pdf.set_margins(18, 16, 18)
        pdf.add_page()
        pdf.set_font("helvetica", size=11)
        html = printable_html(to_html(markdown))
        if plain:
            pdf.multi_cell(0, 5, latin1(_plain(html)))
        else:
            pdf.write_html(latin1(html), tag_styles=styles)
        return pdf

    try:
        pdf = render(plain=False)
    except Exception:  # fpdf2 refuses some layouts (nested tags, a word wider than the page): keep the words
        pdf = render(plain=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path
