#pragma once

#include "pdf/attachment.h"

#include <QString>
#include <QVector>

#include <optional>

namespace mgreview {

class Database;
struct LibraryLocation;

/// Attaches PDFs to studies, lists and detaches them.
///
/// Stored files live in the attachment folder under their content hash,
/// `<folder>/ab/cdef….pdf` (ab = the first two hex digits of the SHA-256), so the same
/// file is stored once however many studies it is attached to. Linked files stay where
/// they are. A study holds any number of PDFs, each once (same content, same study: one
/// attachment). Database writes are transactional; files are copied to a temporary name
/// and renamed, so a failure never leaves half a file or a row without its file.
///
/// Everything here does file I/O (hashing, copying): call it off the GUI thread. Use one
/// AttachmentStore per thread (it goes through Database::connection()).
class AttachmentStore
{
public:
    /// `folder`: the attachment folder; empty means defaultFolder() of the library.
    explicit AttachmentStore(const Database &database, const QString &folder = {});

    /// `<library file>.attachments` beside an SQLite library; for a PostgreSQL library a
    /// folder per database under the user's data folder.
    static QString defaultFolder(const LibraryLocation &location);
    QString folder() const { return m_folder; }

    struct AttachResult {
        Attachment attachment;
        bool alreadyAttached = false; ///< The study already had this file: nothing changed.
        bool reusedStoredFile = false; ///< The folder already held this content (another study).
        QString warning;               ///< E.g. "encrypted: its text needs the password".
    };
    /// Attaches `filePath` to study `studyId`. The file must be a PDF Poppler can open, or
    /// an encrypted one (kept, text waits for the password). Fails with *error naming the
    /// file and the problem for a missing study, an empty, non-PDF or damaged file.
    std::optional<AttachResult> attach(const QString &studyId, const QString &filePath, const QString &label,
                                       AttachmentStorage storage, QString *error);

    /// Detaches the PDF of `studyId` whose SHA-256 starts with `shaOrLabel` (8+ hex digits)
    /// or whose label equals it (case-insensitive); an ambiguous label is refused. The study
    /// is untouched; the stored file, its text and quote checks go only when no other
    /// study refers to the same content. Returns the detached attachment.
    std::optional<Attachment> detach(const QString &studyId, const QString &shaOrLabel, QString *error);

    /// The PDFs of one study, in the order attached.
    std::optional<QVector<Attachment>> attachments(const QString &studyId, QString *error) const;
    /// Every attachment of the library, by study then order attached.
    std::optional<QVector<Attachment>> all(QString *error) const;

    /// Lower-case hex SHA-256 of a file's bytes, or empty with *error.
    static QString sha256OfFile(const QString &path, QString *error);

private:
    QString absolutePath(AttachmentStorage storage, const QString &storedPath) const;
    std::optional<QVector<Attachment>> query(const QString &where, const QString &value, QString *error) const;

    const Database &m_database;
    QString m_folder;
};

} // namespace mgreview
