"""Office files (xlsx, docx) are zip archives whose entries carry the wall clock: rewrite them so the
same data and period always give the same bytes."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo


def fixed_zip(data: bytes, day: date) -> bytes:
    """The same archive, entries in the same order, every entry dated ``day`` at midnight."""
    # a zip entry's date must lie in 1980..2107; a file as of another year keeps its bytes stable
    stamp = (min(max(day.year, 1980), 2107), day.month, day.day, 0, 0, 0)
    out = BytesIO()
    with ZipFile(BytesIO(data)) as src, ZipFile(out, "w", ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type, fixed.external_attr = ZIP_DEFLATED, 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
