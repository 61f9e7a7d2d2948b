#!/usr/bin/env python3
"""Writes a plain text PDF (Helvetica, N pages of generated prose) for the extraction benchmark.

    make-text-pdf.py OUT.pdf PAGES
"""
import sys

WORDS = ("magnesium cramps placebo trial nocturnal leg randomised participants supplementation "
         "frequency severity outcome analysis pregnancy dialysis cirrhosis evidence review "
         "significant interval confidence reported funding independent industry").split()


def page_text(page):
    lines = []
    for line in range(60):
        words = [WORDS[(page * 131 + line * 17 + i * 7) % len(WORDS)] for i in range(12)]
        lines.append(" ".join(words))
    ops = ["BT", "/F1 9 Tf", "11 TL", "50 800 Td"]
    for line in lines:
        ops.append("(%s) Tj T*" % line)
    ops.append("ET")
    return "\n".join(ops).encode("latin-1")


def main():
    out, pages = sys.argv[1], int(sys.argv[2])
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for p in range(pages):
        content = page_text(p)
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        content_id = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_id)
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (
        pages, b" ".join(b"%d 0 R" % k for k in kids))
    data = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        data += b"%010d 00000 n \n" % offset
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    with open(out, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
