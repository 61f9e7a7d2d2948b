#pragma once

#include <QImage>
#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <functional>
#include <memory>

namespace Poppler {
class Document;
}

namespace mgreview {

/// How opening a PDF went. Every status but Ok comes with a message naming the file.
enum class PdfOpenStatus {
    Ok,
    NeedsPassword,  ///< Encrypted with a user password and none was given.
    WrongPassword,  ///< A password was given; neither its Latin-1 nor its UTF-8 form opened it.
    NotFound,       ///< No such file, or it is not readable.
    Empty,          ///< 0 bytes.
    NotPdf,         ///< No "%PDF-" in its first kilobyte and Poppler cannot read it.
    Corrupt,        ///< Looks like a PDF but is truncated or damaged beyond repair.
};

/// Stable word for a status (JSON output, the database): ok, needs-password, …
QString toString(PdfOpenStatus status);
PdfOpenStatus pdfOpenStatusFromString(const QString &text); ///< Unknown words: Corrupt.

struct PdfOpenResult {
    PdfOpenStatus status = PdfOpenStatus::Ok;
    QString message;          ///< "FILE: problem" for the user; empty when Ok.
    bool encrypted = false;   ///< Ok but encrypted (owner password only, or unlocked).
    bool repaired = false;    ///< Poppler had to reconstruct the cross-reference table.
    QStringList popplerMessages; ///< The first messages Poppler printed while opening.
    bool ok() const { return status == PdfOpenStatus::Ok; }
};

/// The text of one page. A page Poppler cannot read yields empty text and a note.
struct PdfPageText {
    QString text;
    QString note; ///< E.g. "page 3 could not be read"; empty when fine.
};

/// A PDF opened safely through Poppler-Qt6.
///
/// Poppler documents are not thread-safe: use one PdfDocument from one thread at a time
/// (a renderer worker owns its own; the indexer opens its own). Pages are indexed from 0
/// here; user-facing page numbers (messages, the database, the CLI) are 1-based.
class PdfDocument
{
public:
    ~PdfDocument();
    PdfDocument(const PdfDocument &) = delete;
    PdfDocument &operator=(const PdfDocument &) = delete;

    /// Opens `path`. Encrypted files are unlocked with `password` tried as Latin-1, as
    /// UTF-8 and in its SASLprep form (AES-256 R6); files with only an owner password open
    /// without one. Returns nullptr with *result saying why when it cannot be opened.
    static std::unique_ptr<PdfDocument> open(const QString &path, const QString &password, PdfOpenResult *result);

    QString path() const { return m_path; }
    int pageCount() const;
    bool isEncrypted() const;

    /// The text of page `index` in reading order (as `pdftotext` gives it).
    PdfPageText pageText(int index) const;
    /// Every page's text. `cancel` (optional) stops early: the result is then shorter.
    QVector<PdfPageText> allText(const std::atomic_bool *cancel = nullptr,
                                 const std::function<void(int page, int pages)> &progress = {}) const;
    /// Renders page `index` at `dpi` (capped at 600, and to a bounded image: pdfrenderplan.h).
    /// Null image plus *note on failure; *note also says when only part of a page was drawn.
    QImage renderPage(int index, double dpi, QString *note = nullptr) const;

    /// Document information entry (Title, Subject, Keywords, …); empty when missing.
    QString info(const QString &key) const;
    QStringList infoKeys() const;
    /// The XMP metadata stream (XML), empty when none.
    QString xmpMetadata() const;

    /// The underlying Poppler document, for the viewer's render worker (same thread rules).
    Poppler::Document *poppler() const { return m_document.get(); }
    /// The password bytes that unlocked it (empty when none was needed), for a second reader
    /// of the same file in this process (PdfCoreTextReader). Never stored or logged.
    QByteArray unlockedWith() const { return m_unlockedWith; }

private:
    PdfDocument(QString path, std::unique_ptr<Poppler::Document> document);

    QString m_path;
    std::unique_ptr<Poppler::Document> m_document;
    QByteArray m_unlockedWith;
};

} // namespace mgreview
