#pragma once

#include "importexport/importtypes.h"

#include <QByteArray>
#include <QString>
#include <QStringView>
#include <QVector>

namespace mgreview {

/// Text of an import file and how it was decoded.
struct DecodedText {
    QString text;
    QString encoding;
};

/// Decodes a bibliographic file. A UTF-8/UTF-16/UTF-32 byte-order mark wins; UTF-16 without
/// a mark is recognised by its zero bytes. Otherwise the bytes are read as UTF-8; lines that
/// are not valid UTF-8 are read as Windows-1252 (a superset of Latin-1 in practice) and, when
/// `reportInvalidUtf8`, each is reported as "invalid UTF-8". `latin1Fallback` reads a whole
/// file that is not UTF-8 as Windows-1252 without complaint (BibTeX files are often Latin-1).
/// The byte-order mark is dropped.
DecodedText decodeImportText(const QByteArray &bytes, const QString &file, QVector<ImportIssue> *issues,
                             bool latin1Fallback = false);

/// Splits text into lines at LF, CRLF or a lone CR, without the line ends.
QVector<QStringView> splitLines(QStringView text);

/// Windows-1252 to Unicode (bytes 0x80-0x9F are the cp1252 characters, others Latin-1).
QString fromWindows1252(QByteArrayView bytes);

} // namespace mgreview
