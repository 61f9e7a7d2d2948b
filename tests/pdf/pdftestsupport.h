#pragma once

// PDFs made by the tests (QPdfWriter), their damaged variants, and the ../shared corpus list.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace mgreview::testing {

/// What to write: lines per page, drawn top to bottom exactly as given (so a test controls
/// where lines break and where a word is hyphenated), and optional metadata.
struct TestPdf {
    QVector<QStringList> pages;
    QString title;
    QByteArray xmp; ///< XMP metadata packet, e.g. from xmpWithDoi().
};

/// Writes `pdf` to `path` with QPdfWriter (needs a QGuiApplication); false on failure.
bool writeTestPdf(const QString &path, const TestPdf &pdf);
/// A minimal XMP packet naming `doi` (prism:doi and dc:identifier).
QByteArray xmpWithDoi(const QString &doi);
/// Splits text into lines of about `width` characters at spaces.
QStringList wrapLines(const QString &text, int width = 70);

/// One PDF of ../shared/testdata/MANIFEST.md with what Poppler's tools recorded for it.
struct SharedPdf {
    QString path;          ///< Absolute.
    QString relativePath;  ///< As the MANIFEST names it.
    std::optional<int> pages; ///< Page count; nullopt: pdfinfo could not read it.
    QString password;      ///< Listed password, if any.
    QString behaviour;     ///< The MANIFEST's Poppler column.
    QString description;   ///< Its "case" column.
};
/// Every PDF row of the MANIFEST (empty when ../shared/testdata is absent).
QVector<SharedPdf> sharedPdfs(QString *error);

} // namespace mgreview::testing
