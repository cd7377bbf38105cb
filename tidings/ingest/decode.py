"""Bytes to text, or a clear reason why not.

Order of trust: a byte-order mark, then UTF-8 (most of the web), then the
charset the page or server declares, then Windows-1252 — the latter only when
the result reads like text, because cp1252 "decodes" almost any bytes.
"""

from __future__ import annotations

import codecs
import re

from ..errors import IngestError

SNIFF_BYTES = 8192
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I)
_MAGIC = (
    (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"), (b"PK\x03\x04", "ZIP archive"), (b"\x1f\x8b", "gzip data"),
    (b"RIFF", "RIFF media"), (b"\x7fELF", "executable"), (b"MZ", "executable"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"), (b"OggS", "Ogg media"), (b"ID3", "MP3 audio"),
)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def binary_kind(data: bytes) -> str | None:
    """What kind of binary content this is ('PNG image', 'binary data'), or None for text."""
    head = data[:SNIFF_BYTES]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page or XML document declares about itself, if any."""
    head = data[:SNIFF_BYTES]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def reads_like_text(text: str) -> bool:
    """Few control characters and mostly ASCII: what a Western text decoded right looks like."""
    if not text:
        return False
    sample = text[:20000]
    if len(_CONTROL.findall(sample)) > len(sample) * 0.001:
        return False
    non_ascii = sum(1 for ch in sample if ord(ch) > 127)
    return non_ascii <= 0.15 * len(sample)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Text from bytes; raises IngestError (empty, binary, undecodable) with the reason."""
    if not data or not data.strip():
        raise IngestError("empty: no content")
    kind = binary_kind(data)
    if kind:
        raise IngestError(f"binary file ({kind}), not text")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as err:
                raise IngestError(f"undecodable bytes: byte-order mark says {codec} but {err.reason}") from err
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for charset in (declared, declared_charset(data)):
        if charset and codecs.lookup(charset).name not in ("utf-8",):
            try:
                return data.decode(charset)
            except (UnicodeDecodeError, LookupError):
                continue
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if reads_like_text(text):
        return text
    raise IngestError("undecodable bytes: not UTF-8, no usable declared charset, and not Windows-1252 text")
