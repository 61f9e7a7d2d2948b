#include "commandsupport.h"

#include "format/studyoutput.h"
#include "model/vocabulary.h"
#include "store/studystore.h"
#include "usage.h"

#include <QHash>

namespace mgreview::cli {

int report(const CommandContext &context, const QString &message, int status)
{
    context.err << kProgramName << QStringLiteral(": ") << message << u'\n';
    return status;
}

int printStudies(const CommandContext &context, const QVector<StudySummary> &studies)
{
    switch (context.arguments.format) {
    case OutputFormat::Table:
        context.out << studiesToTable(studies, Vocabularies::builtin(), context.lineWidth);
        return ExitSuccess;
    case OutputFormat::Csv:
        context.out << studiesToCsv(studies);
        return ExitSuccess;
    case OutputFormat::Json: break;
    }

    // JSON carries whole records. One pass over the library is cheaper than one query per
    // study; the rows decide which studies are printed and in which order.
    QString error;
    const std::optional<QVector<Study>> all = StudyStore(context.database).loadAll(&error);
    if (!all)
        return report(context, error);
    QHash<QString, const Study *> byId;
    byId.reserve(all->size());
    for (const Study &study : *all)
        byId.insert(study.id, &study);
    QVector<Study> selected;
    selected.reserve(studies.size());
    for (const StudySummary &row : studies) {
        if (const Study *study = byId.value(row.id))
            selected.append(*study);
    }
    context.out << QString::fromUtf8(studiesToJsonText(selected));
    return ExitSuccess;
}

} // namespace mgreview::cli
