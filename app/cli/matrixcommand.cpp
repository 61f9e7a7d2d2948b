#include "commands.h"
#include "commandsupport.h"

#include "matrix/evidencematrix.h"
#include "matrix/matrixexport.h"
#include "model/vocabulary.h"
#include "store/studystore.h"

#include <QHash>

namespace mgreview::cli {

int runMatrix(const CommandContext &context)
{
    const StudyStore store(context.database);
    QString error;
    // Summaries carry the effective values (rule suggestions fill what nobody coded), the
    // same the app's table and matrix show.
    const std::optional<QVector<StudySummary>> studies = store.summaries(&error);
    if (!studies)
        return report(context, error);
    // Full records: the HTML quotes conclusions and funding, and the overall certainty is
    // only in the record.
    const std::optional<QVector<Study>> records = store.loadAll(&error);
    if (!records)
        return report(context, error);
    QHash<QString, const Study *> recordById;
    recordById.reserve(records->size());
    for (const Study &study : *records)
        recordById.insert(study.id, &study);
    QStringList certainties;
    certainties.reserve(studies->size());
    for (const StudySummary &summary : *studies) {
        const Study *record = recordById.value(summary.id);
        certainties.append(record ? record->certainty : QString());
    }

    const Vocabularies &vocabularies = Vocabularies::builtin();
    StudyFilter filter;
    filter.independence = context.arguments.filter;
    const EvidenceMatrix matrix = EvidenceMatrix::compute(*studies, filter, std::nullopt, vocabularies, certainties);
    const MatrixExportInput input{matrix, *studies, vocabularies,
                                  [&recordById](const QString &id) { return recordById.value(id); }};

    const MatrixFormat format = context.arguments.matrixFormat;
    const QByteArray bytes = exportMatrix(format, input, context.lineWidth);
    if (bytes.isEmpty())
        return report(context, QStringLiteral("could not render the matrix as %1").arg(toString(format)));
    const QString &output = context.arguments.outputFile;
    // "-o -" is standard output, as usual; the parser already refused it for PNG and PDF.
    if (output.isEmpty() || output == u"-") {
        context.out << QString::fromUtf8(bytes);
        return ExitSuccess;
    }
    if (!writeExportFile(output, bytes, &error))
        return report(context, error);
    return ExitSuccess;
}

} // namespace mgreview::cli
