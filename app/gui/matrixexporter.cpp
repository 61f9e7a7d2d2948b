#include "matrixexporter.h"

#include "librarysession.h"

#include "matrix/evidencematrix.h"
#include "matrix/matrixtext.h"
#include "model/vocabulary.h"
#include "store/studystore.h"

#include <QFileInfo>
#include <QHash>

#include <memory>

namespace mgreview::gui {

namespace {

struct Records {
    std::optional<QVector<Study>> studies;
    QString error;
};

MatrixExportOutcome render(const MatrixExportJob &job, const std::shared_ptr<Records> &records)
{
    MatrixExportOutcome outcome;
    try {
        if (records && !records->studies) {
            outcome.message = QObject::tr("%1: the studies could not be read: %2").arg(job.path, records->error);
            return outcome;
        }
        // With the full records, each study's overall certainty too, as the command line does.
        QHash<QString, const Study *> byId;
        QStringList certainties;
        if (records) {
            byId.reserve(records->studies->size());
            for (const Study &study : *records->studies)
                byId.insert(study.id, &study);
            certainties.reserve(job.studies.size());
            for (const StudySummary &summary : job.studies) {
                const Study *record = byId.value(summary.id);
                certainties.append(record ? record->certainty : QString());
            }
        }
        const Vocabularies &vocabularies = Vocabularies::builtin();
        StudyFilter filter;
        filter.independence = job.filter;
        const EvidenceMatrix matrix
            = EvidenceMatrix::compute(job.studies, filter, job.textMatches, vocabularies, certainties);
        const MatrixExportInput input { matrix, job.studies, vocabularies,
            [&byId](const QString &id) { return byId.value(id); } };
        const QByteArray bytes = exportMatrix(job.format, input);
        if (bytes.isEmpty()) {
            outcome.message
                = QObject::tr("%1: the matrix could not be rendered as %2").arg(job.path, toString(job.format));
            return outcome;
        }
        if (!writeExportFile(job.path, bytes, &outcome.message))
            return outcome;
        outcome.ok = true;
        outcome.message = QObject::tr("Matrix exported to %1 (%2).")
                              .arg(QFileInfo(job.path).absoluteFilePath(), matrixtext::filterDescription(job.filter));
    } catch (const std::exception &e) {
        outcome.message = QObject::tr("%1: export failed: %2").arg(job.path, QString::fromUtf8(e.what()));
    }
    return outcome;
}

} // namespace

QFuture<MatrixExportOutcome> startMatrixExport(LibrarySession *session, MatrixExportJob job)
{
    QFuture<std::shared_ptr<Records>> records;
    if (job.format == MatrixFormat::Html) {
        records = session->run([](const Database &database) {
            auto out = std::make_shared<Records>();
            try {
                out->studies = StudyStore(database).loadAll(&out->error);
            } catch (const std::exception &e) {
                out->studies.reset();
                out->error = QString::fromUtf8(e.what());
            }
            return out;
        });
    } else {
        records = QtFuture::makeReadyFuture(std::shared_ptr<Records>());
    }
    // Rendering a figure or a report of 100,000 studies is no work for the I/O thread, which
    // the window needs for opening studies meanwhile: a pool thread does it.
    return records.then(QtFuture::Launch::Async,
        [job = std::move(job)](const std::shared_ptr<Records> &loaded) { return render(job, loaded); });
}

QString matrixFormatSuffix(MatrixFormat format)
{
    return format == MatrixFormat::Table ? QStringLiteral("txt") : toString(format);
}

QString defaultMatrixExportName(IndependenceFilter filter, MatrixFormat format)
{
    const QString base = filter == IndependenceFilter::All ? QStringLiteral("evidence-matrix")
                                                           : QStringLiteral("evidence-matrix-") + toString(filter);
    return base + u'.' + matrixFormatSuffix(format);
}

} // namespace mgreview::gui
