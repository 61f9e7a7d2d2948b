#include "pdf/attachmentstore.h"

#include "pdf/pdfdocument.h"
#include "pdf/pdflog.h"
#include "pdf/pdftextstore.h"
#include "store/database.h"
#include "store/studystore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QRegularExpression>
#include <QVariant>

namespace mgreview {

namespace {

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString storedName(const QString &sha)
{
    return sha.left(2) + u'/' + sha.mid(2) + QStringLiteral(".pdf");
}

/// Copies to a temporary name beside the target, then renames: the target is whole or absent.
bool copyInto(const QString &from, const QString &to, QString *error)
{
    if (!QDir().mkpath(QFileInfo(to).absolutePath())) {
        *error = QStringLiteral("%1: cannot create the attachment folder").arg(QFileInfo(to).absolutePath());
        return false;
    }
    const QString part = to + QStringLiteral(".part");
    QFile::remove(part);
    if (!QFile::copy(from, part)) {
        *error = QStringLiteral("%1: cannot copy it into the attachment folder (%2)").arg(from, to);
        QFile::remove(part);
        return false;
    }
    if (!QFile::rename(part, to)) {
        QFile::remove(part);
        // Another process may have stored the same content meanwhile: that is fine.
        if (QFileInfo::exists(to))
            return true;
        *error = QStringLiteral("%1: cannot move the copy into place").arg(to);
        return false;
    }
    return true;
}

} // namespace

QString toString(AttachmentStorage storage)
{
    return storage == AttachmentStorage::Linked ? QStringLiteral("linked") : QStringLiteral("stored");
}

AttachmentStore::AttachmentStore(const Database &database, const QString &folder)
    : m_database(database),
      m_folder(folder.isEmpty() ? defaultFolder(database.location()) : folder)
{
}

QString AttachmentStore::defaultFolder(const LibraryLocation &location)
{
    if (location.kind == LibraryLocation::Kind::Sqlite)
        return location.sqlitePath + QStringLiteral(".attachments");
    QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (base.isEmpty())
        base = QDir::homePath();
    QString name = location.url.host() + u'_' + location.url.path().mid(1);
    name.replace(u'/', u'_');
    return QDir(base).filePath(QStringLiteral("attachments/") + name);
}

QString AttachmentStore::sha256OfFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read the file: %2").arg(path, file.errorString());
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        *error = QStringLiteral("%1: reading the file failed").arg(path);
        return {};
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString AttachmentStore::absolutePath(AttachmentStorage storage, const QString &storedPath) const
{
    return storage == AttachmentStorage::Linked ? storedPath : QDir(m_folder).filePath(storedPath);
}

std::optional<AttachmentStore::AttachResult> AttachmentStore::attach(const QString &studyId, const QString &filePath,
                                                                     const QString &label, AttachmentStorage storage,
                                                                     QString *error)
{
    const StudyStore studies(m_database);
    if (!studies.contains(studyId)) {
        *error = QStringLiteral("no study with id '%1'").arg(studyId);
        return std::nullopt;
    }
    const QString source = QFileInfo(filePath).absoluteFilePath();
    PdfOpenResult opened;
    std::unique_ptr<PdfDocument> document = PdfDocument::open(source, {}, &opened);
    AttachResult result;
    switch (opened.status) {
    case PdfOpenStatus::Ok:
        break;
    case PdfOpenStatus::NeedsPassword:
        result.warning = QStringLiteral("%1: encrypted; its text can be read once the password is given").arg(source);
        break;
    default:
        *error = opened.message;
        return std::nullopt;
    }
    document.reset();

    const QString sha = sha256OfFile(source, error);
    if (sha.isEmpty())
        return std::nullopt;
    const std::optional<QVector<Attachment>> existing = attachments(studyId, error);
    if (!existing)
        return std::nullopt;
    for (const Attachment &attachment : *existing) {
        if (attachment.sha256 == sha) {
            result.attachment = attachment;
            result.alreadyAttached = true;
            return result;
        }
    }

    QString stored = source;
    bool copied = false;
    if (storage == AttachmentStorage::Stored) {
        stored = storedName(sha);
        const QString target = absolutePath(storage, stored);
        if (QFileInfo::exists(target) && sha256OfFile(target, error) == sha) {
            result.reusedStoredFile = true;
        } else {
            if (!copyInto(source, target + QStringLiteral(".tmp"), error))
                return std::nullopt;
            // Check the copy before it takes the name: a hash-named file must hold that hash.
            QString copyError;
            if (sha256OfFile(target + QStringLiteral(".tmp"), &copyError) != sha) {
                QFile::remove(target + QStringLiteral(".tmp"));
                *error = QStringLiteral("%1: the copy in the attachment folder differs from the original").arg(source);
                return std::nullopt;
            }
            QFile::remove(target);
            if (!QFile::rename(target + QStringLiteral(".tmp"), target)) {
                QFile::remove(target + QStringLiteral(".tmp"));
                *error = QStringLiteral("%1: cannot move the copy into place").arg(target);
                return std::nullopt;
            }
            copied = true;
        }
    }

    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    auto undoCopy = [&] {
        if (copied)
            QFile::remove(absolutePath(storage, stored));
    };
    if (!transaction.isActive()) {
        *error = QStringLiteral("cannot write to the library: %1").arg(transaction.beginError());
        undoCopy();
        return std::nullopt;
    }
    const QString now = nowText();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO pdf_files(sha256, size, text_status, added_at) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT (sha256) DO NOTHING"));
    q.addBindValue(sha);
    q.addBindValue(QFileInfo(source).size());
    q.addBindValue(opened.ok() ? QStringLiteral("pending") : QStringLiteral("needs-password"));
    q.addBindValue(now);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("recording the PDF %1").arg(source), q);
        undoCopy();
        return std::nullopt;
    }
    const QString finalLabel = label.trimmed().isEmpty() ? QStringLiteral("full text") : label.trimmed();
    q.prepare(QStringLiteral("INSERT INTO pdf_attachments(study_id, sha256, label, storage, path, original_name, "
                             "attached_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(studyId);
    q.addBindValue(sha);
    q.addBindValue(finalLabel);
    q.addBindValue(toString(storage));
    q.addBindValue(stored);
    q.addBindValue(QFileInfo(source).fileName());
    q.addBindValue(now);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("attaching %1 to '%2'").arg(source, studyId), q);
        undoCopy();
        return std::nullopt;
    }
    if (!transaction.commit(error)) {
        undoCopy();
        return std::nullopt;
    }
    const std::optional<QVector<Attachment>> now_ = attachments(studyId, error);
    if (!now_)
        return std::nullopt;
    for (const Attachment &attachment : *now_) {
        if (attachment.sha256 == sha)
            result.attachment = attachment;
    }
    qCInfo(lcPdf).noquote() << "attached" << source << "to" << studyId << "as" << finalLabel << toString(storage);
    return result;
}

std::optional<Attachment> AttachmentStore::detach(const QString &studyId, const QString &shaOrLabel, QString *error)
{
    const std::optional<QVector<Attachment>> mine = attachments(studyId, error);
    if (!mine)
        return std::nullopt;
    QVector<Attachment> matches;
    const QString key = shaOrLabel.trimmed();
    const bool looksLikeHash = key.size() >= 8 && key.contains(QRegularExpression(QStringLiteral("^[0-9a-fA-F]+$")));
    for (const Attachment &attachment : *mine) {
        if ((looksLikeHash && attachment.sha256.startsWith(key.toLower()))
            || attachment.label.compare(key, Qt::CaseInsensitive) == 0)
            matches.append(attachment);
    }
    if (matches.isEmpty()) {
        *error = QStringLiteral("study '%1' has no PDF with SHA-256 or label '%2'").arg(studyId, key);
        return std::nullopt;
    }
    if (matches.size() > 1) {
        QStringList names;
        for (const Attachment &attachment : std::as_const(matches))
            names.append(attachment.sha256.left(12) + QStringLiteral(" (") + attachment.originalName + u')');
        *error = QStringLiteral("'%1' names %2 PDFs of study '%3': %4; give the SHA-256 instead")
                     .arg(key)
                     .arg(matches.size())
                     .arg(studyId, names.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    const Attachment target = matches.constFirst();

    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (!transaction.isActive()) {
        *error = QStringLiteral("cannot write to the library: %1").arg(transaction.beginError());
        return std::nullopt;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM pdf_attachments WHERE id = ?"));
    q.addBindValue(target.id);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("detaching %1 from '%2'").arg(target.originalName, studyId), q);
        return std::nullopt;
    }
    q.prepare(QStringLiteral("DELETE FROM quote_checks WHERE study_id = ? AND sha256 = ?"));
    q.addBindValue(studyId);
    q.addBindValue(target.sha256);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("removing quote checks"), q);
        return std::nullopt;
    }
    q.prepare(QStringLiteral("SELECT count(*) FROM pdf_attachments WHERE sha256 = ?"));
    q.addBindValue(target.sha256);
    if (!q.exec() || !q.next()) {
        *error = describeSqlError(QStringLiteral("counting the uses of %1").arg(target.sha256), q);
        return std::nullopt;
    }
    const bool lastUse = q.value(0).toLongLong() == 0;
    q.finish();
    if (lastUse) {
        if (!PdfTextStore::removeText(m_database, db, target.sha256, error))
            return std::nullopt;
        q.prepare(QStringLiteral("DELETE FROM pdf_files WHERE sha256 = ?"));
        q.addBindValue(target.sha256);
        if (!q.exec()) {
            *error = describeSqlError(QStringLiteral("forgetting %1").arg(target.sha256), q);
            return std::nullopt;
        }
    }
    if (!transaction.commit(error))
        return std::nullopt;
    // The file goes after the commit: a failed commit must never cost the user a file.
    if (lastUse && target.storage == AttachmentStorage::Stored) {
        if (!QFile::remove(target.filePath) && QFileInfo::exists(target.filePath))
            qCWarning(lcPdf).noquote() << target.filePath << ": cannot remove the stored file (no longer used)";
    }
    return target;
}

std::optional<QVector<Attachment>> AttachmentStore::query(const QString &where, const QString &value,
                                                          QString *error) const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT a.id, a.study_id, a.sha256, a.label, a.storage, a.path, a.original_name, "
                             "a.attached_at, f.size, f.page_count, f.text_status, f.text_message "
                             "FROM pdf_attachments a JOIN pdf_files f ON f.sha256 = a.sha256 ")
              + where + QStringLiteral(" ORDER BY a.study_id, a.id"));
    if (!value.isNull())
        q.addBindValue(value);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("reading attachments"), q);
        return std::nullopt;
    }
    QVector<Attachment> out;
    while (q.next()) {
        Attachment a;
        a.id = q.value(0).toLongLong();
        a.studyId = q.value(1).toString();
        a.sha256 = q.value(2).toString();
        a.label = q.value(3).toString();
        a.storage = q.value(4).toString() == u"linked" ? AttachmentStorage::Linked : AttachmentStorage::Stored;
        a.storedPath = q.value(5).toString();
        a.filePath = absolutePath(a.storage, a.storedPath);
        a.originalName = q.value(6).toString();
        a.attachedAt = q.value(7).toString();
        a.size = q.value(8).toLongLong();
        a.pageCount = q.value(9).toInt();
        a.textStatus = q.value(10).toString();
        a.textMessage = q.value(11).toString();
        out.append(a);
    }
    return out;
}

std::optional<QVector<Attachment>> AttachmentStore::attachments(const QString &studyId, QString *error) const
{
    return query(QStringLiteral("WHERE a.study_id = ?"), studyId, error);
}

std::optional<QVector<Attachment>> AttachmentStore::all(QString *error) const
{
    return query(QString(), QString(), error);
}

} // namespace mgreview
