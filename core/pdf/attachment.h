#pragma once

#include <QString>

namespace mgreview {

/// How an attached PDF is kept.
enum class AttachmentStorage {
    Stored, ///< Copied into the library's attachment folder under its SHA-256.
    Linked, ///< Left where the user keeps it; the library remembers its path.
};

QString toString(AttachmentStorage storage); ///< stored, linked

/// One PDF attached to one study.
struct Attachment {
    qint64 id = 0;
    QString studyId;
    QString sha256;       ///< Lower-case hex SHA-256 of the file's bytes.
    QString label;        ///< "full text", "supplement", … (free text).
    AttachmentStorage storage = AttachmentStorage::Stored;
    QString storedPath;   ///< As in the database: relative to the attachment folder, or absolute.
    QString filePath;     ///< Absolute path of the file to open.
    QString originalName; ///< The file name it was attached from.
    QString attachedAt;   ///< ISO 8601, UTC.
    qint64 size = 0;
    int pageCount = 0;    ///< 0 until its text is indexed.
    QString textStatus;   ///< pending, indexed, failed, needs-password.
    QString textMessage;  ///< Why indexing failed, or notes about broken pages.
};

} // namespace mgreview
