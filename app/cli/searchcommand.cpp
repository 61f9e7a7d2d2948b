#include "commands.h"
#include "commandsupport.h"

#include "pdf/pdftextstore.h"
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

    // Studies whose attached PDFs hold every word on one page count too (pdf-search shows the pages).
    const std::optional<QVector<qint64>> pdfKeys = PdfTextStore(context.database).matchingStudyKeys(context.arguments.text, &error);
    if (!pdfKeys && !error.isEmpty())
        return report(context, error);

    // Rows come in storage order, so results keep the order of the library.
    QSet<qint64> matched(keys->cbegin(), keys->cend());
    if (pdfKeys)
        matched.unite(QSet<qint64>(pdfKeys->cbegin(), pdfKeys->cend()));
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
