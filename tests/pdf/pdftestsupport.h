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

/// Hostile PDFs, written byte by byte (a valid structure carrying an abusive page).
/// A page of a few kilobytes that makes Poppler run `operations` text-showing operators
/// (nested forms, each drawing the one below ten times): a CPU bomb, minutes from 10^9.
bool writeTextBombPdf(const QString &path, qint64 operations);
/// One page with a MediaBox `width` × `height` points (e.g. 600 × 10^7: 3.5 km tall),
/// with the text `text` near its top.
bool writeGiantPagePdf(const QString &path, double width, double height, const QString &text);
/// `pages` pages sharing one small content stream (a huge object count).
bool writeManyPagesPdf(const QString &path, int pages);
/// Encrypts `in` into `out` with qpdf (AES-128 or AES-256 by `bits`); the password is passed
/// to qpdf as the bytes given. False with *error when qpdf is missing or fails.
bool encryptWithQpdf(const QString &in, const QString &out, const QByteArray &userPassword, int bits, QString *error);

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
