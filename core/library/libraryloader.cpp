#include "library/libraryloader.h"

#include "model/vocabulary.h"
#include "store/studystore.h"

#include <QElapsedTimer>
#include <QHash>

namespace mgreview {

bool readLibrary(const Database &database, QVector<StudySummary> *summaries, StudySearchIndex *index, QString *error)
{
    StudyStore store(database);
    std::optional<QVector<StudySummary>> rows = store.summaries(error);
    if (!rows)
        return false;
    // The index must follow the row order of the summaries: map storage keys to rows.
    QHash<qint64, int> rowOfKey;
    rowOfKey.reserve(rows->size());
    for (int i = 0; i < rows->size(); ++i)
        rowOfKey.insert(rows->at(i).key, i);
    QVector<SearchableText> texts(rows->size());
    if (!store.forEachSearchText([&](qint64 key, const SearchableText &text) {
            const auto it = rowOfKey.constFind(key);
            if (it != rowOfKey.cend())
                texts[it.value()] = text;
        }, error))
        return false;
    StudySearchIndex built;
    built.reserve(texts.size(), texts.size() * 200);
    for (const SearchableText &text : std::as_const(texts))
        built.append(text);
    *summaries = std::move(*rows);
    *index = std::move(built);
    return true;
}

LoadedLibrary openLibrary(const LibraryLocation &location, const OpenOptions &options)
{
    LoadedLibrary result;
    QElapsedTimer timer;
    timer.start();
    result.database = Database::open(location, &result.error);
    if (!result.database)
        return result;
    if (options.seed) {
        const QString folder = options.studiesFolder.isEmpty() ? findStudiesFolder() : options.studiesFolder;
        if (!folder.isEmpty())
            result.seed = seedLibrary(*result.database, folder, Vocabularies::builtin());
        else
            result.seed.errors.append(QStringLiteral("no studies/ folder found to seed the library from"));
    }
    result.openMs = timer.restart();
    if (!readLibrary(*result.database, &result.summaries, &result.searchIndex, &result.error)) {
        result.database.reset();
        return result;
    }
    result.readMs = timer.elapsed();
    return result;
}

} // namespace mgreview
