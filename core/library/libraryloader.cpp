#include "library/libraryloader.h"

#include "model/vocabulary.h"
#include "store/studystore.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace mgreview {

namespace {

/// The search index built straight from the stored text, in storage order.
struct StreamedIndex {
    StudySearchIndex index;
    QVector<qint64> keys; ///< Storage key of each index row.
    QString error;
    bool ok = false;
};

StreamedIndex streamSearchIndex(const Database &database)
{
    StreamedIndex result;
    StudyStore store(database);
    // Folding each text as it arrives keeps only the compact index in memory, never a
    // second copy of every study's text.
    result.ok = store.forEachSearchText([&](qint64 key, const SearchableText &text) {
        result.keys.append(key);
        result.index.append(text);
    }, &result.error);
    return result;
}

/// The index in the row order of `rows`, for the unexpected case where the stored text
/// does not come in the same key order as the rows.
bool reorderedSearchIndex(const Database &database, const QVector<StudySummary> &rows, StudySearchIndex *index,
                          QString *error)
{
    StudyStore store(database);
    QHash<qint64, int> rowOfKey;
    rowOfKey.reserve(rows.size());
    for (int i = 0; i < rows.size(); ++i)
        rowOfKey.insert(rows.at(i).key, i);
    QVector<SearchableText> texts(rows.size());
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
    *index = std::move(built);
    return true;
}

bool sameKeys(const QVector<StudySummary> &rows, const QVector<qint64> &keys)
{
    if (rows.size() != keys.size())
        return false;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows.at(i).key != keys.at(i))
            return false;
    }
    return true;
}

} // namespace

bool readLibrary(const Database &database, QVector<StudySummary> *summaries, StudySearchIndex *index, QString *error)
{
    // The table rows and the search index come from different tables: read them at the
    // same time, the index on a worker thread with its own connection.
    QThread *const caller = QThread::currentThread();
    QFuture<StreamedIndex> streamed = QtConcurrent::run([&database, caller] {
        StreamedIndex result = streamSearchIndex(database);
        // Pool threads outlive the library: drop their connection. (When the pool is busy,
        // result() below runs this on the calling thread, whose connection stays.)
        if (QThread::currentThread() != caller)
            database.releaseThreadConnection();
        return result;
    });
    StudyStore store(database);
    std::optional<QVector<StudySummary>> rows = store.summaries(error);
    StreamedIndex text = streamed.result();
    if (!rows)
        return false;
    if (!text.ok) {
        *error = text.error;
        return false;
    }
    // Both come in storage-key order; the index rows must match the table rows exactly.
    if (sameKeys(*rows, text.keys)) {
        *index = std::move(text.index);
    } else {
        text = {};
        if (!reorderedSearchIndex(database, *rows, index, error))
            return false;
    }
    *summaries = std::move(*rows);
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
