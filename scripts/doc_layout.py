"""Lay out a template source as a Decree 30/2020 document (used by make_templates.py).

Source lines, one paragraph each:

- `@key value`: the form's manifest entry (form, title, source, layout notes, required fields);
- `[include NAME]`: the set's `_NAME.inc` lines in its place (make_templates.py expands it);
- `[header-decision]`: the two-column header (parent body, issuer, number | motto, place, date);
- `[header-unit]`: the same without a number (a résumé the unit compiles);
- `[header-committee]`: the same with the People's Committee as the issuer (a decision its
  chairman signs: the legacy ND105 forms);
- `[header-record]`: the national motto alone, then place and date (records, pledges, statements);
- `# TEXT` a bold centred title in capitals; `## TEXT` a bold centred line; `### TEXT` italic;
- `> TEXT` an italic legal basis line; `. TEXT` a paragraph without indent;
- `~ N` N dotted lines to fill in by hand (what the person writes, never what the file holds);
- `[sign-decision]`: "Nơi nhận" on the left, the signer's block on the right;
- `[page]`: a page break (an annex starts on its own page);
- `[sign]` … `[end]`: the parties of a record side by side, one a line, `TITLE :: NAME` (NAME may be
  a `{{ field }}`), their names printed under the space for the signature;
- `[table W1 W2 …]` `HEAD | HEAD …` `CELL | CELL …` `[end]`: a ruled table (widths in cm) whose
  header row repeats on every page, and one row per item of `rows` (`{{ r.… }}` in the cells);
- `{%p … %}`: a docxtpl paragraph tag, kept as its own paragraph;
- any other line: a justified paragraph with a first-line indent; `**…**` marks bold text and a
  leading "Điều N." is bold.
"""

from __future__ import annotations

import re

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
BODY = Pt(14)
TABLE = Pt(11)
"""A register's cells: ten columns of dates and numbers on one line each across A4."""
_BOLD = re.compile(r"(\*\*.+?\*\*)")
_ARTICLE = re.compile(r"^(Điều \d+\.)(.*)$")


def parse_source(text: str) -> tuple[dict[str, object], list[str]]:
    """The metadata (`@key value`) and the body lines of a source."""
    meta: dict[str, object] = {}
    body: list[str] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if line.startswith("@"):
            key, _, value = line[1:].partition(" ")
            meta[key] = value.split() if key == "required" else value.strip()
        elif line.strip():
            body.append(line)
    for key in ("form", "title", "source"):
        if key not in meta:
            raise ValueError(f"the source has no @{key}")
    return meta, body


class Layout:
    """A document being laid out, line by line."""

    def __init__(self, *, landscape: bool = False) -> None:
        self.doc: DocxDocument = Document()
        self._page(landscape=landscape)
        self._fonts()
        self._pending_sign: list[str] | None = None
        self._pending_table: tuple[list[float], list[str]] | None = None

    def _page(self, *, landscape: bool) -> None:
        section = self.doc.sections[0]
        if landscape:  # a register's many columns: A4 turned, the same margins
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
        section.different_first_page_header_footer = True
        number = section.header.paragraphs[0]
        number.alignment = WD_ALIGN_PARAGRAPH.CENTER
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        number._p.append(field)

    def _fonts(self) -> None:
        normal = self.doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = BODY
        fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), FONT)
        spacing = normal.paragraph_format
        spacing.space_before, spacing.space_after = Pt(0), Pt(6)
        spacing.line_spacing = 1.15

    def add(self, line: str) -> None:
        """Lay out one source line."""
        if self._pending_table is not None:
            if line.strip() == "[end]":
                self._table(*self._pending_table)
                self._pending_table = None
            else:
                self._pending_table[1].append(line.strip())
            return
        if line.startswith("[table"):
            self._pending_table = ([float(w) for w in line[len("[table") : -1].split()], [])
            return
        if self._pending_sign is not None:
            if line.strip() == "[end]":
                self._parties(self._pending_sign)
                self._pending_sign = None
            else:
                self._pending_sign.append(line.strip())
            return
        handlers = {
            "[header-decision]": self._header_decision,
            "[header-unit]": lambda: self._header_decision(numbered=False),
            "[header-committee]": lambda: self._header_decision(committee=True),
            "[header-record]": self._header_record,
            "[sign-decision]": self._sign_decision,
            "[page]": self._page_break,
        }
        if line in handlers:
            handlers[line]()
        elif line.startswith("[sign"):
            self._pending_sign = []
        elif line.startswith("{%p"):
            self.doc.add_paragraph(line)
        else:
            self._text(line)

    def _text(self, line: str) -> None:
        styles = {
            "# ": (True, False, True),
            "## ": (True, False, False),
            "### ": (False, True, False),
        }
        for prefix, (bold, italic, upper) in styles.items():
            if line.startswith(prefix):
                text = line[len(prefix) :]
                para = self._para(WD_ALIGN_PARAGRAPH.CENTER, indent=False)
                if prefix == "# ":
                    para.paragraph_format.space_before = Pt(12)
                self._runs(para, text.upper() if upper else text, bold=bold, italic=italic)
                return
        if line.startswith("> "):
            para = self._para(WD_ALIGN_PARAGRAPH.JUSTIFY)
            self._runs(para, line[2:], italic=True)
        elif line.startswith(". "):
            self._runs(self._para(WD_ALIGN_PARAGRAPH.JUSTIFY, indent=False), line[2:])
        elif line.startswith("~ "):
            for _ in range(int(line[2:])):
                self._runs(self._para(WD_ALIGN_PARAGRAPH.LEFT, indent=False), "." * 100)
        else:
            para = self._para(WD_ALIGN_PARAGRAPH.JUSTIFY)
            article = _ARTICLE.match(line)
            if article:
                self._runs(para, article.group(1), bold=True)
                line = article.group(2)
            self._runs(para, line)

    def _para(self, align: WD_ALIGN_PARAGRAPH, *, indent: bool = True) -> Paragraph:
        para = self.doc.add_paragraph()
        para.alignment = align
        if indent:
            para.paragraph_format.first_line_indent = Cm(1)
        return para

    @staticmethod
    def _runs(
        para: Paragraph, text: str, *, bold: bool = False, italic: bool = False, size: Pt = BODY
    ) -> None:
        for piece in _BOLD.split(text):
            if not piece:
                continue
            strong = piece.startswith("**") and piece.endswith("**")
            run = para.add_run(piece[2:-2] if strong else piece)
            run.bold = bold or strong
            run.italic = italic
            run.font.size = size

    def _grid(self, columns: int, widths: list[float]) -> list[_Cell]:
        table = self.doc.add_table(rows=1, cols=columns)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        row = table.rows[0]
        no_split = OxmlElement("w:cantSplit")
        row._tr.get_or_add_trPr().append(no_split)
        cells = list(row.cells)
        for column, cell, width in zip(table.columns, cells, widths, strict=True):
            column.width = Cm(width)  # the grid, which LibreOffice and Word lay out by
            cell.width = Cm(width)
        return cells

    @staticmethod
    def _cell_line(cell: _Cell, text: str, *, first: bool = False, **style: object) -> Paragraph:
        para: Paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.paragraph_format.space_after = Pt(0)
        para.paragraph_format.keep_with_next = True
        Layout._runs(para, text, **style)  # type: ignore[arg-type]
        return para

    def _header_decision(self, *, numbered: bool = True, committee: bool = False) -> None:
        left, right = self._grid(2, [7.0, 9.5])
        if committee:  # a commune People's Committee has no parent body line since 2025
            self._cell_line(left, "{{ h.committee_upper }}", first=True, bold=True, size=Pt(13))
        else:
            self._cell_line(left, "{{ h.province_police }}", first=True, size=Pt(13))
            self._cell_line(left, "{{ h.commune_police }}", bold=True, size=Pt(13))
        self._cell_line(left, "───────", size=Pt(13))
        if numbered:
            self._cell_line(left, "Số: {{ doc.number }}", size=Pt(13))
        self._cell_line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", first=True, bold=True,
                        size=Pt(12))  # fmt: skip
        self._cell_line(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=Pt(13))
        self._cell_line(right, "───────────────", size=Pt(13))
        self._cell_line(right, "{{ h.place }}, {{ doc.date_words }}", italic=True)

    def _header_record(self) -> None:
        motto = self._para(WD_ALIGN_PARAGRAPH.CENTER, indent=False)
        self._runs(motto, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=Pt(13))
        line = self._para(WD_ALIGN_PARAGRAPH.CENTER, indent=False)
        self._runs(line, "Độc lập - Tự do - Hạnh phúc", bold=True)
        rule = self._para(WD_ALIGN_PARAGRAPH.CENTER, indent=False)
        self._runs(rule, "───────────────")
        place = self._para(WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
        self._runs(place, "{{ h.place }}, {{ doc.date_words }}", italic=True)

    def _sign_decision(self) -> None:
        self._keep_previous()
        left, right = self._grid(2, [7.5, 9.0])
        heading = left.paragraphs[0]
        self._runs(heading, "Nơi nhận:", bold=True, italic=True, size=Pt(12))
        heading.paragraph_format.keep_with_next = True
        for text in ("{%p for r in recipients %}", "- {{ r }}", "{%p endfor %}"):
            para = left.add_paragraph()
            para.paragraph_format.space_after = Pt(0)
            self._runs(para, text, size=Pt(11))
        self._cell_line(right, "{{ sign.prefix }}", first=True, bold=True)
        self._cell_line(right, "{{ sign.title }}", bold=True)
        for _ in range(4):
            self._cell_line(right, "")
        self._cell_line(right, "{{ sign.rank_name }}", bold=True)

    def _parties(self, parties: list[str]) -> None:
        self._keep_previous()
        width = 16.5 / len(parties)
        cells = self._grid(len(parties), [width] * len(parties))
        for cell, party in zip(cells, parties, strict=True):
            title, _, name = party.partition("::")
            self._cell_line(cell, title.strip(), first=True, bold=True, size=Pt(13))
            self._cell_line(cell, "(Ký, ghi rõ họ tên)", italic=True, size=Pt(12))
            for _ in range(3):
                self._cell_line(cell, "")
            self._cell_line(cell, name.strip(), bold=True, size=Pt(13))

    def _table(self, widths: list[float], lines: list[str]) -> None:
        if len(lines) != 2:
            raise ValueError("a [table] block holds a header line and a cell line")
        heads, cells = ([part.strip() for part in line.split("|")] for line in lines)
        if not len(heads) == len(cells) == len(widths):
            raise ValueError("a [table] block's widths, header and cells differ in number")
        table = self.doc.add_table(rows=4, cols=len(widths))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
            for cell in column.cells:
                cell.width = Cm(width)
        head_row = table.rows[0]
        head_row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeat on each page
        for cell, text in zip(head_row.cells, heads, strict=True):
            self._cell_line(cell, text, first=True, bold=True, size=TABLE)
        # docxtpl replaces a row holding {%tr %} with the tag: the loop's first and last rows.
        self._cell_line(table.rows[1].cells[0], "{%tr for r in rows %}", first=True)
        for cell, text in zip(table.rows[2].cells, cells, strict=True):
            para = self._cell_line(cell, text, first=True, size=TABLE)
            para.paragraph_format.keep_with_next = False
        self._cell_line(table.rows[3].cells[0], "{%tr endfor %}", first=True)

    def _page_break(self) -> None:
        """An annex starts on a page of its own."""
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def _keep_previous(self) -> None:
        """Keep the last body paragraph on the signature's page (the block never stands alone)."""
        paragraphs = self.doc.paragraphs
        if paragraphs:
            paragraphs[-1].paragraph_format.keep_with_next = True

    def finish(self) -> DocxDocument:
        """The laid-out document."""
        if self._pending_sign is not None or self._pending_table is not None:
            raise ValueError("a [sign …] or [table …] block has no [end]")
        return self.doc
