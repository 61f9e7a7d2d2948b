#include "importexport/studyexport.h"

#include "importexport/bibtexexport.h"
#include "importexport/csvexport.h"
#include "importexport/jsonexport.h"
#include "importexport/risexport.h"
#include "importexport/studiesexport.h"

#include <QFileInfo>
#include <QSaveFile>

namespace mgreview {

namespace {

/// The bytes of one format: what comes before, for each study, and after.
class StreamWriter
{
public:
    StreamWriter(ExportFormat format, const ExportOptions &options) : m_format(format), m_options(options) {}

    QByteArray header() const
    {
        switch (m_format) {
        case ExportFormat::Bibtex: return bibtexHeader();
        case ExportFormat::Csv: return exportCsvHeader(m_options.csvByteOrderMark);
        case ExportFormat::Json: return jsonExportHeader();
        case ExportFormat::Ris:
        case ExportFormat::Studies: break;
        }
        return {};
    }

    QByteArray record(const ExportItem &item)
    {
        ClassificationSources sources;
        const Study study = effectiveExportStudy(item.record, item.row, &sources);
        QByteArray out;
        switch (m_format) {
        case ExportFormat::Ris: out = risRecord(study); break;
        case ExportFormat::Bibtex: out = bibtexEntry(study, m_keys.keyFor(study.id)); break;
        case ExportFormat::Csv: out = exportCsvRow(study, sources); break;
        case ExportFormat::Json:
            out = m_written > 0 ? jsonExportSeparator() + jsonExportObject(study, sources) : jsonExportObject(study, sources);
            break;
        case ExportFormat::Studies: break;
        }
        ++m_written;
        return out;
    }

    QByteArray footer() const { return m_format == ExportFormat::Json ? jsonExportFooter(m_written) : QByteArray(); }

private:
    ExportFormat m_format;
    const ExportOptions &m_options;
    BibtexKeys m_keys;
    qint64 m_written = 0;
};

bool writeAll(QIODevice &device, const QByteArray &bytes, QString *error)
{
    if (bytes.isEmpty() || device.write(bytes) == bytes.size())
        return true;
    *error = QStringLiteral("cannot write: %1").arg(device.errorString());
    return false;
}

} // namespace

ExportResult exportStudies(const Database &database, ExportFormat format, const ExportOptions &options,
                           QIODevice &device, const ExportProgress &progress)
{
    if (writesFolder(format)) {
        ExportResult result;
        result.error = QStringLiteral("the studies/ format writes a folder, not a single file");
        return result;
    }
    StreamWriter writer(format, options);
    ExportResult result;
    if (!writeAll(device, writer.header(), &result.error))
        return result;
    result = forEachExportedStudy(database, options, progress, [&](const ExportItem &item, QString *error) {
        return writeAll(device, writer.record(item), error);
    });
    if (result.ok && !writeAll(device, writer.footer(), &result.error))
        result.ok = false;
    return result;
}

ExportResult exportStudiesToPath(const Database &database, ExportFormat format, const ExportOptions &options,
                                 const QString &path, const ExportProgress &progress)
{
    if (writesFolder(format))
        return exportStudiesToFolder(database, options, path, progress);

    ExportResult result;
    if (QFileInfo(path).isDir()) {
        result.error = QStringLiteral("%1: is a folder; %2 is written to a file").arg(path, displayName(format));
        return result;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = QStringLiteral("%1: cannot write: %2").arg(path, file.errorString());
        return result;
    }
    result = exportStudies(database, format, options, file, progress);
    if (!result.ok) {
        // Nothing reaches `path`: QSaveFile drops its temporary file.
        file.cancelWriting();
        if (!result.cancelled && !result.error.startsWith(path))
            result.error = path + QStringLiteral(": ") + result.error;
        return result;
    }
    if (!file.commit()) {
        result.ok = false;
        result.error = QStringLiteral("%1: cannot write: %2").arg(path, file.errorString());
    }
    return result;
}

} // namespace mgreview
