"""The case as a PDF, written by fpdf2 (pure Python, no browser): the page a learner can email as it is.

fpdf2's built-in fonts cover Latin-1 only, so the few typographic characters outside it
(≈, −, curly quotes, …) are written as their plain equivalents rather than failing the save.
"""
from __future__ import annotations

from pathlib import Path

PLAIN = {"≈": "~", "−": "-", "–": "-", "—": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "…": "...", "€": "EUR",
         "→": "->", "•": "-", "\u00a0": " ", "✔": "", "✖": ""}


def latin1(text: str) -> str:
    """Text the PDF's built-in font can draw: plain equivalents first, then '?' for anything left."""
    for char, plain in PLAIN.items():
        text = text.replace(char, plain)
    return text.encode("latin-1", errors="replace").decode("latin-1")


def write_pdf(markdown: str, path: Path) -> Path:
    """Render the page's Markdown to a one- or two-page A4 PDF at ``path``."""
    from fpdf import FPDF
    from fpdf.html import DEFAULT_TAG_STYLES

    from workshop.markdown import to_html

    # fpdf2's layout, with dark headings: its default dark red reads like an error on a business page.
    styles = {tag: DEFAULT_TAG_STYLES[tag].replace(color="#1a1a1a") for tag in ("h1", "h2", "h3")}

    pdf = FPDF(format="A4")
    pdf.set_margins(18, 16, 18)
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.write_html(latin1(to_html(markdown)), tag_styles=styles)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path
