"""Find the prose in a Markdown (or plain text) document, with its positions.

:func:`extract_blocks` returns one :class:`Block` per paragraph, heading,
list-item paragraph, blockquote paragraph and table cell. A block's ``text`` is
the prose only (markup, inline code, HTML, images, URLs and link targets are
left out; link text is kept) and :meth:`Block.to_original` maps an offset in
that text back to the character offset in the original file, so findings are
reported where the writer typed them.

Skipped entirely: fenced and indented code, HTML blocks and comments, front
matter (``---`` YAML at the very top). Blockquote paragraphs are returned with
``quote=True`` (the over-claim family skips them; privacy still checks them).

Inline switches, as in Vale (block level: they apply from the next block on)::

    <!-- evidencebot off -->              everything off
    <!-- evidencebot on -->               back on
    <!-- evidencebot overclaim.superlative = NO -->   one rule (or a family) off
    <!-- evidencebot overclaim.superlative = YES -->  and on again

Speed: the document is cut into top-level chunks at blank lines (never inside
a fence or an HTML comment, and never before an indented line, so lists and
their continuation paragraphs stay whole); each chunk is parsed by
markdown-it-py and its blocks cached by the chunk's text, so re-checking a long
document after one paragraph changed re-parses only that chunk.
"""

from __future__ import annotations

import bisect
import html
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace

from evidencebot.language.findings import line_starts

SWITCH_RE = re.compile(r"<!--\s*evidencebot\s+(.*?)\s*-->", re.IGNORECASE | re.DOTALL)
SWITCH_RULE_RE = re.compile(r"^([a-z][a-z0-9_]*(?:\.[a-z0-9][a-z0-9_.-]*)?)\s*=\s*(yes|no)$", re.IGNORECASE)
URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"’”]", re.IGNORECASE)
FENCE_RE = re.compile(r"^\s*(`{3,}|~{3,})")
ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
PLAIN_SUFFIXES = (".txt", ".text")


@dataclass(frozen=True)
class Block:
    """One run of prose, with a map back to the original text."""

    text: str
    runs: tuple[tuple[int, int], ...]
    """``(offset in text, offset in the original)`` where each contiguous run starts."""
    kind: str
    """paragraph, heading, list_item, table_cell or text (plain text input)."""
    quote: bool = False
    """Inside a Markdown blockquote."""
    off: bool = False
    """Switched off by ``<!-- evidencebot off -->``."""
    disabled: frozenset[str] = field(default_factory=frozenset)
    """Rule ids or family names switched off here by ``= NO`` comments."""
    hidden: bool = False
    """Text a reader does not see as prose but a file carries (alt text, link targets,
    code, comments, front matter): read by the privacy family only (:func:`hidden_blocks`)."""

    @property
    def start(self) -> int:
        return self.runs[0][1] if self.runs else 0

    def to_original(self, offset: int) -> int:
        """Map an offset in ``text`` to an offset in the original document."""
        if not self.runs:
            return offset
        i = bisect.bisect_right(self._prose_starts, offset) - 1
        if i < 0:
            i = 0
        p, o = self.runs[i]
        return o + (offset - p)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span; the end is mapped through its last character."""
        s = self.to_original(start)
        e = self.to_original(max(start, end - 1)) + 1 if end > start else s
        return s, e

    @staticmethod
    def end_in(original: str, end: int) -> int:
        """A mapped span's end in the ``original`` document: one that stops on the first character of a character
        reference the prose holds decoded (``&#0;``, ``&amp;``) runs to the reference's end, so the span holds all of
        what the finding reports (test_fuzz: a sentence ending in '&#0;' pointed at its '&' only)."""
        if 0 < end <= len(original) and original[end - 1] == "&":
            m = ENTITY_RE.match(original, end - 1)
            if m:
                return m.end()
        return end

    @property
    def _prose_starts(self) -> list[int]:
        cached = self.__dict__.get("_ps")
        if cached is None:
            cached = [p for p, _ in self.runs]
            object.__setattr__(self, "_ps", cached)
        return cached

    def shifted(self, by: int) -> "Block":
        if not by:
            return self
        # a copy of the fields (and of the cached prose starts, which a shift leaves alone):
        # dataclasses.replace is several times slower, and a long document shifts every block
        new = object.__new__(Block)
        new.__dict__.update(self.__dict__)
        new.__dict__["runs"] = tuple((p, o + by) for p, o in self.runs)
        return new


@dataclass(frozen=True)
class Switch:
    offset: int
    """Original offset of the comment."""
    action: str
    """``off``, ``on``, ``rule-off`` or ``rule-on``."""
    target: str = ""


class _Builder:
    """Collects prose runs: text pieces with the original offset of their first character."""

    def __init__(self):
        self.parts: list[str] = []
        self.runs: list[tuple[int, int]] = []
        self.length = 0

    def add(self, text: str, orig: int) -> None:
        if not text:
            return
        if (not self.length or self.parts[-1][-1:].isspace()) and text[:1].isspace():
            stripped = text.lstrip()
            orig += len(text) - len(stripped)
            text = stripped
            if not text:
                return
        if self.runs:
            lp, lo = self.runs[-1]
            if lo + (self.length - lp) == orig:  # contiguous with the previous run
                self.parts.append(text)
                self.length += len(text)
                return
        self.runs.append((self.length, orig))
        self.parts.append(text)
        self.length += len(text)

    def space(self, orig: int) -> None:
        """A word break (for a line break or dropped inline code)."""
        if self.length and not self.parts[-1][-1:].isspace():
            self.add(" ", orig)

    def add_mapped(self, text: str, offsets: list[int]) -> None:
        """Add text whose characters map one by one to ``offsets``."""
        start = 0
        for i in range(1, len(text) + 1):
            if i == len(text) or offsets[i] != offsets[i - 1] + 1:
                self.add(text[start:i], offsets[start])
                start = i

    def block(self, kind: str, quote: bool) -> Block | None:
        text = "".join(self.parts).rstrip()
        if not text:
            return None
        runs = tuple((p, o) for p, o in self.runs if p < len(text))
        return Block(text=text, runs=runs, kind=kind, quote=quote)


# --- lines -----------------------------------------------------------------------------
#
# Lines end at "\n" only (a "\r" just before it belongs to the line end), as in
# markdown-it and in the line numbers the checker reports. str.splitlines() would
# also break at a lone CR, a form feed, NEL, U+2028 and others, and every offset
# after one of them would be wrong.

_LONE_CR_RE = re.compile(r"\r(?!\n)")


def split_lines(text: str) -> list[str]:
    """``text`` cut into lines at ``"\n"`` only, each keeping its line end."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


def _blank(line: str) -> bool:
    """Blank as markdown-it sees it: only spaces and tabs (and the line end)."""
    return not line.strip(" \t\r\n")


def _for_markdown_it(text: str) -> str:
    """The text as markdown-it should read it, with every offset unchanged.

    markdown-it turns a lone CR into a line break and NUL into U+FFFD. Its lines
    must be the checker's lines (split at "\n" only), so a lone CR is read as a
    space; NUL becomes U+FFFD here already, so that the token contents match the
    text they are searched in. Both replacements keep the length."""
    if "\r" in text:
        text = _LONE_CR_RE.sub(" ", text)
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    return text


# --- chunking -------------------------------------------------------------------------


def split_chunks(text: str) -> list[tuple[int, str]]:
    """Cut a document into independently parseable top-level chunks ``(offset, text)``."""
    chunks: list[tuple[int, str]] = []
    lines = split_lines(text)
    start = 0
    pos = 0
    fence: str | None = None
    in_comment = False
    prev_blank = False
    first = True
    front = _front_matter_end(text)
    for line in lines:
        if pos < front:
            pos += len(line)
            continue
        if front and first and pos == front:
            chunks.append((0, text[:front]))
            start = front
            first = False
        first = False
        blank = _blank(line)
        if fence is None and not in_comment and prev_blank and not blank and line[:1] not in " \t" and pos > start:
            chunks.append((start, text[start:pos]))
            start = pos
        m = FENCE_RE.match(line)
        if m:
            mark = m.group(1)
            if fence is None:
                fence = mark
            elif mark[0] == fence[0] and len(mark) >= len(fence) and not line.strip()[len(mark):].strip():
                fence = None
        elif fence is None:
            opened = line.rfind("<!--")
            closed = line.rfind("-->")
            if opened > -1 and closed < opened:
                in_comment = True
            elif in_comment and closed > -1:
                in_comment = False
        prev_blank = blank
        pos += len(line)
    if front and first:
        chunks.append((0, text[:front]))
        start = front
    if start < len(text):
        chunks.append((start, text[start:]))
    return chunks


def _front_matter_end(text: str) -> int:
    """Offset just past a YAML front matter block at the very top, else 0."""
    if not (text.startswith("---\n") or text.startswith("---\r\n")):
        return 0
    m = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", re.MULTILINE).search(text, 4)
    return m.end() if m else 0


# --- parsing one chunk ----------------------------------------------------------------

_md = None
_md_lock = threading.Lock()


def _markdown():
    global _md
    if _md is None:
        with _md_lock:
            if _md is None:
                from markdown_it import MarkdownIt

                _md = MarkdownIt("commonmark", {"html": True}).enable("table")
    return _md


def _align(piece: str, content: str, pos: int) -> tuple[list[int], int]:
    """Map each character of ``piece`` (decoded text) to an offset in ``content``
    starting at ``pos``, stepping over markup, backslash escapes and entities."""
    out: list[int] = []
    k = pos
    n = len(content)
    i = 0
    while i < len(piece):
        c = piece[i]
        if k >= n:
            out.append(n - 1 if n else 0)
            i += 1
            continue
        if content[k] == c:
            out.append(k)
            k += 1
            i += 1
            continue
        if content[k] == "\\" and k + 1 < n and content[k + 1] == c:
            out.append(k + 1)
            k += 2
            i += 1
            continue
        if content[k] == "&":
            m = ENTITY_RE.match(content, k)
            if m:
                decoded = html.unescape(m.group())
                if decoded and piece.startswith(decoded, i):
                    for _ in decoded:
                        out.append(k)
                    i += len(decoded)
                    k = m.end()
                    continue
        k += 1  # markup character: skip it
    return out, k


def _skip_link_tail(content: str, pos: int) -> int:
    """After a link's text: step over ``](target "title")``, ``][ref]`` or ``]``."""
    q = content.find("]", pos)
    if q == -1:
        return pos
    q += 1
    if q < len(content) and content[q] == "(":
        r = _closing(content, q + 1, "(", ")")
        return r + 1 if r != -1 else len(content)
    if q < len(content) and content[q] == "[":
        r = content.find("]", q)
        return r + 1 if r != -1 else q
    return q


class _ChunkParser:
    def __init__(self, text: str, lines: list[str], starts: list[int]):
        self.text = text
        self.lines = lines
        self.starts = starts
        self.row_cursor: dict[int, int] = {}

    def content_offsets(self, content: str, line_range, cell: bool) -> list[tuple[int, int]]:
        """Map the start of each line of an inline token's content to an original offset:
        ``[(content offset, original offset)]``."""
        first, last = line_range
        result = []
        c_off = 0
        j = first
        for cline in content.split("\n"):
            found = None
            while j < min(last, len(self.lines)):
                src = self.lines[j].rstrip("\r\n")
                if cell:
                    cur = self.row_cursor.get(j, 0)
                    p = src.find(cline, cur)
                    if p != -1:
                        self.row_cursor[j] = p + len(cline)
                        found = self.starts[j] + p
                        break
                else:
                    body = src.rstrip()
                    if cline and body.endswith(cline):
                        found = self.starts[j] + len(body) - len(cline)
                        break
                    p = src.find(cline) if cline else len(src)
                    if p != -1:
                        found = self.starts[j] + p
                        break
                    # tabs expanded, or other rewriting: match the line loosely
                    loose = src.lstrip(" >\t-*+0123456789.)#")
                    if loose and cline and (loose[:8] == cline[:8]):
                        found = self.starts[j] + len(src) - len(loose)
                        break
                j += 1
            if found is None:  # give up gracefully: point at the block's first line
                found = self.starts[min(first, len(self.starts) - 1)]
            result.append((c_off, found))
            c_off += len(cline) + 1
            if not cell:
                j += 1
        return result

    def inline_block(self, token, kind: str, quote: bool, switches: list[Switch]) -> Block | None:
        content = token.content
        if not content.strip():
            return None
        line_map = self.content_offsets(content, token.map or (0, len(self.lines)), kind == "table_cell")
        line_c = [c for c, _ in line_map]

        def orig(c: int) -> int:
            i = bisect.bisect_right(line_c, c) - 1
            lc, lo = line_map[max(i, 0)]
            return lo + (c - lc)

        b = _Builder()
        pos = 0
        skip_depth = 0  # inside an autolink or image: drop the text
        for child in token.children or ():
            t = child.type
            if t == "text":
                if skip_depth:
                    continue
                piece = child.content
                q = content.find(piece, pos)
                if q != -1 and not any(ch.isalnum() for ch in content[pos:q]):
                    offsets = None
                    start_c, pos = q, q + len(piece)
                else:
                    offsets, pos = _align(piece, content, pos)
                    start_c = None
                self._add_text(b, piece, start_c, offsets, orig)
            elif t in ("softbreak", "hardbreak"):
                q = content.find("\n", pos)
                if q == -1:
                    b.space(orig(max(pos - 1, 0)))
                else:
                    b.space(orig(q))
                    pos = q + 1
            elif t == "code_inline":
                mark = child.markup or "`"
                q = content.find(mark, pos)
                if q != -1:
                    r = content.find(mark, q + len(mark) + len(child.content) - 1 if child.content else q + len(mark))
                    pos = r + len(mark) if r != -1 else q + len(mark)
                b.space(orig(max(pos - 1, 0)))
            elif t == "html_inline":
                q = content.find(child.content, pos)
                if q != -1:
                    for m in SWITCH_RE.finditer(child.content):
                        switches.extend(_parse_switch(m.group(1), orig(q + m.start())))
                    pos = q + len(child.content)
            elif t == "link_open":
                if child.markup == "autolink":
                    skip_depth += 1
            elif t == "link_close":
                if child.markup == "autolink":
                    skip_depth -= 1
                    q = content.find(">", pos)
                    pos = q + 1 if q != -1 else pos
                else:
                    pos = _skip_link_tail(content, pos)
            elif t == "image":
                q = content.find("![", pos)
                if q != -1:
                    pos = _skip_link_tail(content, q + 2 + _bracket_len(content, q + 2))
        return b.block(kind, quote)

    @staticmethod
    def _add_text(b: _Builder, piece: str, start_c, offsets, orig) -> None:
        # Leave out bare URLs inside the text.
        spans = [(m.start(), m.end()) for m in URL_RE.finditer(piece)] if ("://" in piece or "www." in piece.lower()) else []
        cuts = [(0, len(piece))] if not spans else _complement(spans, len(piece))
        for s, e in cuts:
            if s >= e:
                continue
            if offsets is None:
                # contiguous in content, but possibly across lines
                seg = piece[s:e]
                base = start_c + s
                # split at newlines in content (piece has no newlines; content lines are contiguous)
                b_add_contiguous(b, seg, base, orig)
            else:
                b.add_mapped(piece[s:e], [orig(c) for c in offsets[s:e]])
            if spans and e < len(piece):
                b.space(orig((start_c + e) if offsets is None else offsets[min(e, len(offsets) - 1)]))


def b_add_contiguous(b: _Builder, seg: str, base: int, orig) -> None:
    b.add(seg, orig(base))


def _closing(content: str, pos: int, opening: str, closing: str) -> int:
    """Index of the ``closing`` bracket that matches one opened just before ``pos``
    (nested pairs and backslash escapes stepped over), or -1 when it is never closed."""
    depth = 1
    q = pos
    while q < len(content):
        ch = content[q]
        if ch == "\\":
            q += 2
            continue
        if ch == opening:
            depth += 1
        elif ch == closing:
            depth -= 1
            if depth == 0:
                return q
        q += 1
    return -1


def _bracket_len(content: str, pos: int) -> int:
    """Length of the text inside ``[...]`` starting at ``pos`` (0 when it is never closed)."""
    r = _closing(content, pos, "[", "]")
    return r - pos if r != -1 else 0


def _complement(spans, n):
    out, cur = [], 0
    for s, e in spans:
        out.append((cur, s))
        cur = e
    out.append((cur, n))
    return out


def _parse_switch(body: str, offset: int) -> list[Switch]:
    body = " ".join(body.split())
    low = body.lower()
    if low == "off":
        return [Switch(offset, "off")]
    if low == "on":
        return [Switch(offset, "on")]
    out = []
    for part in body.split(","):
        m = SWITCH_RULE_RE.match(part.strip())
        if m:
            out.append(Switch(offset, "rule-off" if m.group(2).lower() == "no" else "rule-on", m.group(1).lower()))
    return out


def parse_markdown_chunk(text: str) -> tuple[list[Block], list[Switch]]:
    """Blocks and switches of one chunk, offsets relative to the chunk."""
    front = _front_matter_end(text)
    if front:
        return [], []
    original = text
    text = _for_markdown_it(text)
    lines = split_lines(text) or [""]
    starts = line_starts(text)
    parser = _ChunkParser(text, lines, starts)
    tokens = _markdown().parse(text)
    blocks: list[Block] = []
    switches: list[Switch] = []
    quote_depth = 0
    stack: list[str] = []
    for tok in tokens:
        t = tok.type
        if t == "blockquote_open":
            quote_depth += 1
        elif t == "blockquote_close":
            quote_depth -= 1
        elif t.endswith("_open"):
            stack.append(t[:-5])
        elif t.endswith("_close"):
            if stack:
                stack.pop()
        elif t == "html_block":
            base = starts[tok.map[0]] if tok.map else 0
            for m in SWITCH_RE.finditer(tok.content):
                switches.extend(_parse_switch(m.group(1), base + m.start()))
        elif t == "inline":
            kind = "paragraph"
            if stack:
                top = stack[-1]
                if top == "heading":
                    kind = "heading"
                elif top in ("td", "th"):
                    kind = "table_cell"
                elif "list_item" in stack:
                    kind = "list_item"
            block = parser.inline_block(tok, kind, quote_depth > 0, switches)
            if block is not None:
                blocks.append(block)
    if text is not original and "\x00" in original:
        blocks = [_restore_nul(b, original) for b in blocks]
    return blocks, switches


def _restore_nul(block: Block, original: str) -> Block:
    """Put back the NULs that were read as U+FFFD, so a finding's text is the writer's."""
    if "\ufffd" not in block.text:
        return block
    chars = list(block.text)
    for i, ch in enumerate(chars):
        if ch == "\ufffd":
            o = block.to_original(i)
            if 0 <= o < len(original) and original[o] == "\x00":
                chars[i] = "\x00"
    return replace(block, text="".join(chars))


_CELL_SEPARATOR = re.compile(r"\||\t")


def _is_text_table(body: str) -> bool:
    """Whether a plain-text paragraph is a table: two or more lines, each cut into the same number of
    cells (at least two) by "|" or tabs."""
    lines = body.split("\n")
    if len(lines) < 2:
        return False
    counts = {len(_CELL_SEPARATOR.findall(line.strip(" \r|"))) for line in lines}
    return len(counts) == 1 and counts.pop() >= 1


def parse_plain_chunk(text: str) -> tuple[list[Block], list[Switch]]:
    """Plain text: each paragraph (separated by blank lines) is a block, verbatim."""
    blocks: list[Block] = []
    switches: list[Switch] = []
    start = 0
    for m in list(re.finditer(r"\n[ \t]*(?:\r?\n[ \t]*)+", text)) + [None]:
        end = m.start() if m is not None else len(text)
        para = text[start:end]
        lead = len(para) - len(para.lstrip())
        body = para.strip()
        if body:
            sw = SWITCH_RE.fullmatch(body)
            if sw:
                switches.extend(_parse_switch(sw.group(1), start + lead))
            else:
                # (p23) a table written as text keeps its line ends and tabs, so the privacy rules can read
                # each row's cells under the header line's labels ("Name | DOB" above "Jo Bell | 02/11/1987")
                flat = re.sub(r"\r", " ", body) if _is_text_table(body) else re.sub(r"[\r\n\t]", " ", body)
                blocks.append(Block(text=flat, runs=((0, start + lead),), kind="text"))
        if m is not None:
            start = m.end()
    return blocks, switches


# --- quoted speech -----------------------------------------------------------------------------------

REPORTING = re.compile(
    r"\b(?:said|says|say|told|tells|tell|wrote|writes|described|describes|describe|called|calls|"
    r"commented|comments|added|adds|explained|explains|reported|reports|put it|in (?:his|her|their) words|"
    r"feedback|quote|quoted|asked|asks|replied|according to)\b",
    re.IGNORECASE,
)
_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"))
# a reporting verb right before the quote ("she said, ", "told us: ", "called it ")...
REPORTING_BEFORE = re.compile(REPORTING.pattern + r"(?:\s+\w+){0,2}\s*[,:]?\s*$", re.IGNORECASE)
# ... or right after it ('," she said', "' he told us")
REPORTING_AFTER = re.compile(r"^[\s,.]*(?:\w+\s+){0,2}" + REPORTING.pattern, re.IGNORECASE)


def _colon_before(text: str, pos: int) -> bool:
    """``text[:pos].rstrip().endswith(":")`` without copying the text before ``pos``."""
    k = pos - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return k >= 0 and text[k] == ":"


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech in a block: text between quotation marks that reads as
    someone's words (four or more words, or a sentence inside the marks, or a reporting
    verb such as "said" nearby). Short scare quotes ("best") are not speech."""
    spans: list[tuple[int, int]] = []
    if not any(ch in text for ch in "\"“«„‘'"):
        return spans
    for open_, close in _PAIRS:
        i = 0
        while True:
            s = text.find(open_, i)
            if s == -1:
                break
            e = text.find(close, s + 1)
            if e == -1:
                break
            spans.append((s, e + 1))
            i = e + 1
    # straight double quotes: pair them in order
    pos = [m.start() for m in re.finditer('"', text)]
    for a, b in zip(pos[0::2], pos[1::2]):
        spans.append((a, b + 1))
    # single quotes: an opening mark at a word start, a closing mark at a word end
    for m in re.finditer(r"(?:(?<=^)|(?<=[\s(\[—–-]))['‘](?=[A-Za-z0-9])(.+?)(?<=[\w.,!?])['’](?![A-Za-z])", text):
        spans.append((m.start(), m.end()))
    out = []
    reach = -1  # the furthest end of a span kept so far: spans come sorted by start
    for s, e in sorted(spans):
        if e <= reach:  # inside a span already kept
            continue
        inner = text[s + 1:e - 1].strip()
        words = len(inner.split())
        before = text[max(0, s - 30):s]
        after = text[e:e + 30]
        speech = (
            words >= 4
            or inner[-1:] in ".,!?…"
            or bool(REPORTING_BEFORE.search(before))
            or bool(REPORTING_AFTER.match(after))
            or _colon_before(text, s)
        )
        if speech:
            out.append((s, e))
            reach = max(reach, e)
    return out


# --- the whole document ---------------------------------------------------------------

_CHUNK_CACHE: "OrderedDict[tuple[str, str], tuple[list[Block], list[Switch]]]" = OrderedDict()
_CHUNK_CACHE_SIZE = 8192
_cache_lock = threading.Lock()


def _parse_chunk_cached(text: str, markup: str):
    key = (markup, text)
    with _cache_lock:
        hit = _CHUNK_CACHE.get(key)
        if hit is not None:
            _CHUNK_CACHE.move_to_end(key)
            return hit
    result = parse_plain_chunk(text) if markup == "text" else parse_markdown_chunk(text)
    with _cache_lock:
        _CHUNK_CACHE[key] = result
        if len(_CHUNK_CACHE) > _CHUNK_CACHE_SIZE:
            _CHUNK_CACHE.popitem(last=False)
    return result


def markup_for(path: str | None) -> str:
    """``text`` for ``.txt`` files, else ``markdown`` (stdin is read as Markdown)."""
    if path and path.lower().endswith(PLAIN_SUFFIXES):
        return "text"
    return "markdown"


def extract_blocks(text: str, *, markup: str = "markdown", hidden: bool = False) -> list[Block]:
    """The prose blocks of a document, in order, with inline switches applied.

    With ``hidden``, a Markdown document's :func:`hidden_blocks` follow the prose.
    """
    blocks = _prose_blocks(text, markup)
    if hidden and markup == "markdown":
        blocks = blocks + hidden_blocks(text)
    return blocks


# Text a Markdown reader does not see as prose but that the file carries (and an
# export may carry further): each pattern's groups are read by the privacy family.
_HIDDEN_RES = [
    re.compile(r"<!--(.*?)(?:-->|\Z)", re.S),                                 # HTML comments
    re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n(.*?)(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.S | re.M),  # fenced code
    re.compile(r"(?:^[ \t]*\n|\A)((?:(?: {4}|\t)[^\n]*(?:\n|\Z))+)", re.M),  # indented code
    re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S),                     # code spans
    re.compile(r"!\[((?:[^\]\\]|\\.)*)\]"),                                  # image alt text
    re.compile(r"\]\(\s*<?([^()\s>]*(?:\([^()\s]*\)[^()\s>]*)*)>?(?:\s+(\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"),  # targets, titles
    re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*(\S+)(?:[ \t]+(\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?", re.M),  # reference definitions
    re.compile(r"<([A-Za-z][A-Za-z0-9-]*\b[^<>]*)>"),                            # HTML tags and their attributes
    URL_RE,                                                                     # bare URLs (left out of the prose)
]
# Text each pattern cannot match without (a fast substring test that skips a whole-document
# regex scan: most documents have no code, comments or URLs).
_HIDDEN_NEEDS = [("<!--",), ("```", "~~~"), ("    ", "\t"), ("`",), ("![",), ("](",), ("]:",),
                 ("<",), ("://", "www.", "WWW.", "Www.")]
# Patterns from this index on never match across a blank line (code spans, links, tags,
# URLs stay inside a paragraph): they run per paragraph, cached by the paragraph's text, so
# re-checking a long document after a small edit rescans only the edited paragraph.
_LOCAL_FROM = 3
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
_PARA_CACHE: "OrderedDict[str, tuple[tuple[int, int], ...]]" = OrderedDict()
_PARA_CACHE_SIZE = 8192


def _pattern_spans(pattern: re.Pattern, text: str, base: int, spans: list) -> None:
    for m in pattern.finditer(text):
        groups = [g for g in range(1, (pattern.groups or 0) + 1) if m.group(g)]
        if not pattern.groups:
            spans.append((base + m.start(), base + m.end()))
        for g in groups:
            if pattern.pattern.startswith("^[ \\t]{0,3}(`") and g == 1:
                continue  # the fence itself
            if pattern.pattern.startswith("(?<!`)(`+)") and g == 1:
                continue  # the backticks
            spans.append((base + m.start(g), base + m.end(g)))


def _paragraph_spans(para: str) -> tuple[tuple[int, int], ...]:
    with _cache_lock:
        hit = _PARA_CACHE.get(para)
        if hit is not None:
            _PARA_CACHE.move_to_end(para)
            return hit
    spans: list[tuple[int, int]] = []
    for pattern, needs in zip(_HIDDEN_RES[_LOCAL_FROM:], _HIDDEN_NEEDS[_LOCAL_FROM:]):
        if any(n in para for n in needs):
            _pattern_spans(pattern, para, 0, spans)
    result = tuple(spans)
    with _cache_lock:
        _PARA_CACHE[para] = result
        if len(_PARA_CACHE) > _PARA_CACHE_SIZE:
            _PARA_CACHE.popitem(last=False)
    return result


def hidden_blocks(text: str) -> list[Block]:
    """Blocks for the text a Markdown document carries outside its prose.

    Image alt text, link targets and titles, reference definitions, inline code,
    fenced and indented code, HTML comments and tags, URLs and YAML front
    matter: a reader may not see them, but they travel with the file (and with
    an export made from it). Each block maps back to the original offsets; the
    checker gives them to the privacy family only.
    """
    spans: list[tuple[int, int]] = []
    front = _front_matter_end(text)
    if front:
        spans.append((0, front))
    for pattern, needs in zip(_HIDDEN_RES[:_LOCAL_FROM], _HIDDEN_NEEDS[:_LOCAL_FROM]):
        if any(n in text for n in needs):
            _pattern_spans(pattern, text, 0, spans)
    pos = 0
    for m in _BLANK_LINE_RE.finditer(text):
        spans.extend((pos + a, pos + b) for a, b in _paragraph_spans(text[pos:m.start()]))
        pos = m.start()
    spans.extend((pos + a, pos + b) for a, b in _paragraph_spans(text[pos:]))
    out = []
    for start, end in sorted(set(spans)):
        piece = text[start:end]
        if not piece.strip():
            continue
        out.append(Block(text=piece, runs=((0, start),), kind="hidden", hidden=True))
    return out


_SHIFT_CACHE: "OrderedDict[tuple[int, int], tuple[list[Block], tuple[Block, ...]]]" = OrderedDict()


def _shifted_cached(blocks: list[Block], offset: int) -> tuple[Block, ...]:
    """A chunk's blocks moved to ``offset``, kept while the chunk stays where it is (a re-check
    after an edit rebuilds only the chunks that moved). Keyed by the cached block list itself."""
    key = (id(blocks), offset)
    with _cache_lock:
        hit = _SHIFT_CACHE.get(key)
        if hit is not None and hit[0] is blocks:
            _SHIFT_CACHE.move_to_end(key)
            return hit[1]
    moved = tuple(b.shifted(offset) for b in blocks)
    with _cache_lock:
        _SHIFT_CACHE[key] = (blocks, moved)
        if len(_SHIFT_CACHE) > _CHUNK_CACHE_SIZE:
            _SHIFT_CACHE.popitem(last=False)
    return moved


def _prose_blocks(text: str, markup: str) -> list[Block]:
    if markup not in ("markdown", "text"):
        raise ValueError(f"unknown markup {markup!r}")
    if markup == "text":
        chunks = [(0, text)] if len(text) < 2000 else _plain_chunks(text)
    else:
        chunks = split_chunks(text)
    blocks: list[Block] = []
    switches: list[Switch] = []
    for offset, chunk in chunks:
        bl, sw = _parse_chunk_cached(chunk, markup)
        blocks.extend(_shifted_cached(bl, offset) if offset else bl)
        switches.extend(Switch(s.offset + offset, s.action, s.target) for s in sw)
    if not switches:
        return blocks
    return _apply_switches(blocks, switches)


def _plain_chunks(text: str) -> list[tuple[int, str]]:
    out = []
    start = 0
    for m in re.finditer(r"\n[ \t]*\n", text):
        out.append((start, text[start:m.end()]))
        start = m.end()
    out.append((start, text[start:]))
    return out


def _apply_switches(blocks: list[Block], switches: list[Switch]) -> list[Block]:
    switches = sorted(switches, key=lambda s: s.offset)
    out = []
    off = False
    disabled: set[str] = set()
    k = 0
    for block in blocks:
        while k < len(switches) and switches[k].offset < block.start:
            s = switches[k]
            if s.action == "off":
                off = True
            elif s.action == "on":
                off = False
            elif s.action == "rule-off":
                disabled.add(s.target)
            elif s.action == "rule-on":
                disabled.discard(s.target)
            k += 1
        if off or disabled:
            block = replace(block, off=off, disabled=frozenset(disabled))
        out.append(block)
    return out


def clear_cache() -> None:
    with _cache_lock:
        _CHUNK_CACHE.clear()
        _PARA_CACHE.clear()
        _SHIFT_CACHE.clear()
