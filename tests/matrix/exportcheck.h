#pragma once

// Readers for the matrix exports, independent of the code that writes them: XML for SVG and
// XHTML, Poppler for PDF, QImage for PNG.

#include <QByteArray>
#include <QRgb>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace mgreview::testing {

/// What an XML document (SVG, XHTML) holds, as a reader sees it.
struct XmlContent {
    QString error;        ///< Empty when the document is well-formed.
    QString text;         ///< All character data, in order, joined by single spaces.
    QStringList elements; ///< Every element's local name, in order.
    QStringList hrefs;    ///< Every href attribute value.
    QStringList sources;  ///< Every src attribute value.
};
XmlContent readXml(const QByteArray &bytes);

/// The text of every page of a PDF, through Poppler; nullopt (with *error) if it does not open.
std::optional<QString> pdfText(const QByteArray &bytes, int *pages, QString *error);

/// Distinct colours in a PNG, counted up to `cap`; -1 if it does not load.
int distinctPngColours(const QByteArray &bytes, int cap = 64, QSize *size = nullptr);
/// Whether an image holds a pixel of exactly this colour.
bool pngHasColour(const QByteArray &bytes, QRgb colour);

/// Collapses runs of white space to single spaces (text extraction breaks lines).
QString simplified(const QString &text);

} // namespace mgreview::testing
