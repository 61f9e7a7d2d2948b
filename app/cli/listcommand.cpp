#include "commands.h"
#include "commandsupport.h"

#include "store/studystore.h"

namespace mgreview::cli {

int runList(const CommandContext &context)
{
    QString error;
    const std::optional<QVector<StudySummary>> rows = StudyStore(context.database).summaries(&error);
    if (!rows)
        return report(context, error);
    StudyFilter filter;
    filter.independence = context.arguments.filter;
    QVector<StudySummary> kept;
    kept.reserve(rows->size());
    for (const StudySummary &row : *rows) {
        if (filter.accepts(row))
            kept.append(row);
    }
    return printStudies(context, kept);
}

} // namespace mgreview::cli
