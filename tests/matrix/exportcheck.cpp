#include "exportcheck.h"

#include <QImage>
#include <QSet>
#include <QXmlStreamReader>

#include <poppler-qt6.h>

#include <memory>

namespace mgreview::testing {

XmlContent readXml(const QByteArray &bytes)
{
    XmlContent out;
    QXmlStreamReader reader(bytes);
    QStringList texts;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            out.elements.append(reader.name().toString());
            const QXmlStreamAttributes attributes = reader.attributes();
            if (attributes.hasAttribute(QStringLiteral("href")))
                out.hrefs.append(attributes.value(QStringLiteral("href")).toString());
            if (attributes.hasAttribute(QStringLiteral("src")))
                out.sources.append(attributes.value(QStringLiteral("src")).toString());
        } else if (reader.isCharacters() && !reader.isWhitespace()) {
            texts.append(reader.text().toString());
        }
    }
    if (reader.hasError())
        out.error = QStringLiteral("%1 at line %2, column %3").arg(reader.errorString()).arg(reader.lineNumber()).arg(reader.columnNumber());
    out.text = simplified(texts.join(u' '));
    return out;
}

std::optional<QString> pdfText(const QByteArray &bytes, int *pages, QString *error)
{
    const std::unique_ptr<Poppler::Document> document = Poppler::Document::loadFromData(bytes);
    if (!document || document->isLocked()) {
        *error = QStringLiteral("Poppler cannot open the PDF (%1 bytes)").arg(bytes.size());
        return std::nullopt;
    }
    *pages = document->numPages();
    QString text;
    for (int i = 0; i < document->numPages(); ++i) {
        const std::unique_ptr<Poppler::Page> page = document->page(i);
        if (!page) {
            *error = QStringLiteral("page %1 does not load").arg(i + 1);
            return std::nullopt;
        }
        text += page->text(QRectF()) + u'\n';
    }
    return simplified(text);
}

int distinctPngColours(const QByteArray &bytes, int cap, QSize *size)
{
    QImage image;
    if (!image.loadFromData(bytes, "PNG"))
        return -1;
    if (size)
        *size = image.size();
    image = image.convertToFormat(QImage::Format_RGB32);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height() && colours.size() < cap; y += 2) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width() && colours.size() < cap; x += 2)
            colours.insert(line[x]);
    }
    return int(colours.size());
}

bool pngHasColour(const QByteArray &bytes, QRgb colour)
{
    QImage image;
    if (!image.loadFromData(bytes, "PNG"))
        return false;
    image = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if ((line[x] & 0xFFFFFF) == (colour & 0xFFFFFF))
                return true;
        }
    }
    return false;
}

QString simplified(const QString &text)
{
    return text.simplified();
}

} // namespace mgreview::testing
