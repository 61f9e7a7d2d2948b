#include "importexport/studiesexport.h"

#include "io/studyfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace mgreview {

ExportResult exportStudiesToFolder(const Database &database, const ExportOptions &options, const QString &folder,
                                   const ExportProgress &progress)
{
    ExportResult result;
    const QFileInfo target(folder);
    const QString absolute = target.absoluteFilePath();
    if (target.exists() && !target.isDir()) {
        result.error = QStringLiteral("%1: exists and is not a folder").arg(folder);
        return result;
    }
    if (target.isDir() && !QDir(absolute).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)) {
        result.error = QStringLiteral("%1: the folder is not empty; export the studies/ format into a new or empty folder")
                           .arg(folder);
        return result;
    }
    const QString parent = target.absolutePath();
    if (!QDir().mkpath(parent)) {
        result.error = QStringLiteral("%1: cannot create the folder %2").arg(folder, parent);
        return result;
    }
    QTemporaryDir staging(QDir(parent).filePath(QStringLiteral(".%1.partial-XXXXXX").arg(target.fileName())));
    if (!staging.isValid()) {
        result.error = QStringLiteral("%1: cannot write in %2: %3").arg(folder, parent, staging.errorString());
        return result;
    }

    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9_]+$"));
    const QDir out(staging.path());
    result = forEachExportedStudy(database, options, progress, [&](const ExportItem &item, QString *error) {
        if (!idPattern.match(item.record.id).hasMatch()) {
            *error = QStringLiteral("%1: study id '%2' cannot name a studies/ file (lowercase letters, digits and '_' only)")
                         .arg(folder, item.record.id);
            return false;
        }
        QFile file(out.filePath(item.record.id + QStringLiteral(".toml")));
        const QByteArray text = writeStudyText(item.record);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.flush()) {
            *error = QStringLiteral("%1: cannot write %2.toml: %3").arg(folder, item.record.id, file.errorString());
            return false;
        }
        return true;
    });
    if (!result.ok)
        return result; // the staging folder goes with `staging`

    // An empty target folder is replaced (it holds nothing to lose).
    if (target.isDir() && !QDir().rmdir(absolute)) {
        result.ok = false;
        result.error = QStringLiteral("%1: cannot replace the empty folder").arg(folder);
        return result;
    }
    // QTemporaryDir makes a private folder; the export is an ordinary one.
    QFile::setPermissions(staging.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                              | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                              | QFileDevice::ExeOther);
    if (!QDir().rename(staging.path(), absolute)) {
        result.ok = false;
        result.error = QStringLiteral("%1: cannot move the written studies into place").arg(folder);
        return result;
    }
    staging.setAutoRemove(false);
    return result;
}

} // namespace mgreview
