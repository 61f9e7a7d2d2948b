#include "commands.h"
#include "commandsupport.h"

#include "store/studystore.h"

#include <QSet>

namespace mgreview::cli {

int runSearch(const CommandContext &context)
{
    const StudyStore store(context.database);
    QString error;
    const std::optional<QVector<qint64>> keys = store.search(context.arguments.text, &error);
    if (!keys) {
        if (!error.isEmpty())
            return report(context, error);
        // Only punctuation or spaces: nothing to look for, which is a usage mistake.
        return report(context, QStringLiteral("'search' needs at least one word (got '%1')").arg(context.arguments.text),
                      ExitUsage);
    }
    const std::optional<QVector<StudySummary>> rows = store.summaries(&error);
    if (!rows)
        return report(context, error);

    // Rows come in storage order, so results keep the order of the library.
    const QSet<qint64> matched(keys->cbegin(), keys->cend());
    StudyFilter filter;
    filter.independence = context.arguments.filter;
    QVector<StudySummary> kept;
    for (const StudySummary &row : *rows) {
        if (matched.contains(row.key) && filter.accepts(row))
            kept.append(row);
    }
    return printStudies(context, kept);
}

} // namespace mgreview::cli
