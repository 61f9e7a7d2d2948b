#include "importexport/exportselection.h"

#include "store/studycursor.h"
#include "store/studystore.h"

#include <QHash>
#include <QSet>

namespace mgreview {

std::optional<QVector<StudySummary>> selectStudiesForExport(const Database &database, const ExportOptions &options,
                                                            QString *error)
{
    const StudyStore store(database);
    std::optional<QVector<StudySummary>> rows = store.summaries(error);
    if (!rows)
        return std::nullopt;

    std::optional<QSet<qint64>> matched;
    const QString search = options.search.trimmed();
    if (!search.isEmpty()) {
        const std::optional<QVector<qint64>> keys = store.search(search, error);
        if (!keys) {
            if (error->isEmpty())
                *error = QStringLiteral("the search '%1' has no word to look for").arg(options.search);
            return std::nullopt;
        }
        matched = QSet<qint64>(keys->cbegin(), keys->cend());
    }

    std::optional<QSet<QString>> ids;
    if (!options.ids.isEmpty()) {
        ids = QSet<QString>(options.ids.cbegin(), options.ids.cend());
        QSet<QString> known;
        known.reserve(rows->size());
        for (const StudySummary &row : std::as_const(*rows))
            known.insert(row.id);
        for (const QString &id : options.ids) {
            if (!known.contains(id)) {
                *error = QStringLiteral("no study with id '%1'").arg(id);
                return std::nullopt;
            }
        }
    }

    StudyFilter filter;
    filter.independence = options.filter;
    QVector<StudySummary> kept;
    for (StudySummary &row : *rows) {
        if (!filter.accepts(row))
            continue;
        if (matched && !matched->contains(row.key))
            continue;
        if (ids && !ids->contains(row.id))
            continue;
        kept.append(std::move(row));
    }
    return kept;
}

Study effectiveExportStudy(const Study &record, const StudySummary &row, ClassificationSources *sources)
{
    Study out = record;
    out.independence = {row.independence, row.independenceLink, row.independenceReason,
                        classificationSourceFromString(row.independenceSource)};
    // The row holds the record's own value where there is one, else the rule's.
    const auto decide = [](bool coded, bool filled) {
        return coded ? QStringLiteral("curated") : filled ? QStringLiteral("rule") : QStringLiteral("none");
    };
    ClassificationSources decided;
    decided.independence = row.independenceSource.isEmpty() ? QStringLiteral("none") : row.independenceSource;
    decided.design = decide(!record.design.isEmpty(), !row.design.isEmpty());
    decided.direction = decide(!record.direction.isEmpty(), !row.direction.isEmpty());
    decided.populations = decide(!record.populations.isEmpty(), !row.populations.isEmpty());
    decided.crampTypes = decide(!record.crampTypes.isEmpty(), !row.crampTypes.isEmpty());
    if (record.design.isEmpty())
        out.design = row.design;
    if (record.direction.isEmpty())
        out.direction = row.direction;
    if (record.populations.isEmpty())
        out.populations = row.populations;
    if (record.crampTypes.isEmpty())
        out.crampTypes = row.crampTypes;
    if (sources)
        *sources = decided;
    return out;
}

ExportResult forEachExportedStudy(const Database &database, const ExportOptions &options,
                                  const ExportProgress &progress,
                                  const std::function<bool(const ExportItem &item, QString *error)> &write)
{
    ExportResult result;
    const std::optional<QVector<StudySummary>> rows = selectStudiesForExport(database, options, &result.error);
    if (!rows)
        return result;
    // Rows come in storage order (ascending keys), as the cursor wants them.
    QVector<qint64> keys;
    keys.reserve(rows->size());
    QHash<qint64, const StudySummary *> byKey;
    byKey.reserve(rows->size());
    for (const StudySummary &row : *rows) {
        keys.append(row.key);
        byKey.insert(row.key, &row);
    }

    const qint64 total = rows->size();
    if (progress && !progress(0, total)) {
        result.cancelled = true;
        return result;
    }
    qint64 done = 0;
    bool failed = false;
    const bool read = forEachStudyRecord(
        database, keys,
        [&](qint64 key, const Study &study) {
            if (!write({study, *byKey.value(key)}, &result.error)) {
                failed = true;
                return false;
            }
            ++done;
            if (progress && !progress(done, total)) {
                result.cancelled = true;
                return false;
            }
            return true;
        },
        &result.error);
    if (!read || failed || result.cancelled)
        return result;
    result.ok = true;
    result.exported = done;
    return result;
}

} // namespace mgreview
