"""Files to import: directories expanded, and each file read into a ParsedArticle or a reason why not.

Every way a file can be unusable (missing, unreadable, binary, not UTF-8, too big, not in the
layout) ends as a LayoutError with a Vietnamese reason and, where known, a line number, so the
command reports them all the same way and goes on with the other files.
"""

from pathlib import Path

from .layout import LayoutError, parse_article

MAX_BYTES = 5 * 1024 * 1024
# Control characters other than tab, line feed, form feed and carriage return.
_CONTROL = set(range(32)) - {9, 10, 12, 13}


def expand(paths):
    """Files to import, in order: a directory gives its *.txt files, sorted by name; a file is
    kept even when it does not exist, so that it is reported."""
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.txt") if p.is_file()))
        else:
            files.append(path)
    return files


def read_text(path):
    """The text of the file at `path`; LayoutError when it cannot be read as UTF-8 text."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise LayoutError(f"tệp quá lớn (trên {MAX_BYTES // (1024 * 1024)} MB)")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise LayoutError("không tìm thấy tệp") from exc
    except IsADirectoryError as exc:
        raise LayoutError("là thư mục, không phải tệp") from exc
    except OSError as exc:
        raise LayoutError(f"không đọc được tệp ({exc.strerror or exc})") from exc
    if looks_binary(data):
        raise LayoutError("tệp nhị phân, không phải văn bản")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LayoutError(
            f"không phải văn bản UTF-8 (byte 0x{data[exc.start]:02x} ở vị trí {exc.start})", line
        ) from exc


def looks_binary(data):
    """NUL bytes, or many control characters, in the first 8 KiB: an image, a PDF, a .docx."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _CONTROL)
    return bool(head) and controls / len(head) > 0.05


def read_article(path):
    """ParsedArticle of the file at `path`; LayoutError says why it cannot be imported."""
    return parse_article(read_text(path))
