#include "store/sqlitebulkinsert.h"

#include "model/independence.h"
#include "store/sqlitestatement.h"
#include "store/studyrows.h"

#include <QtConcurrent/QtConcurrentRun>

#include <sqlite3.h>

#include <array>

namespace mgreview {

namespace {

/// A study's values as the statements bind them: UTF-8, converted on the thread pool.
struct Utf8Row {
    QByteArray id;
    std::array<QByteArray, 15> columns; ///< title … independence_reason, record (in statement order)
    int year = 0;
    std::array<QByteArray, 4> text;     ///< title, authors, conclusions, other
};

Utf8Row utf8Row(const Study &study)
{
    const PreparedRow r = prepareRow(study);
    Utf8Row u;
    u.id = study.id.toUtf8();
    u.year = r.year;
    const QString *strings[] = {&r.title, &r.authors, &r.firstAuthor, &r.journal, &r.doi, &r.pmid,
                                &r.design, &r.populations, &r.crampTypes, &r.direction};
    int c = 0;
    for (const QString *s : strings)
        u.columns[c++] = s->toUtf8();
    u.columns[c++] = r.independence.value.toUtf8();
    u.columns[c++] = r.independence.link.toUtf8();
    u.columns[c++] = toString(r.independence.source).toUtf8();
    u.columns[c++] = r.independence.reason.toUtf8();
    u.columns[c++] = r.record;
    u.text = {r.text.title.toUtf8(), r.text.authors.toUtf8(), r.text.conclusions.toUtf8(), r.text.other.toUtf8()};
    return u;
}

/// FTS5 gathers new index entries in memory and writes a segment each time they pass
/// `hashsize` (1 MB by default); small segments are then merged again and again. For a big
/// batch the limit is raised for the transaction, so far fewer segments are written and
/// merged (−30 % CPU for the index at 100,000 records). It is a setting stored with the
/// index, so it is put back before the commit (a rollback undoes it anyway).
constexpr qint64 kDefaultFtsHashSize = 1024 * 1024;
constexpr qint64 kBulkFtsHashSize = 64 * 1024 * 1024;

bool setFtsHashSize(sqlite3 *db, qint64 bytes, QString *error)
{
    SqliteStatement set(db, "INSERT INTO study_text(study_text, rank) VALUES ('hashsize', ?)");
    if (set.ok()) {
        set.integer(1, bytes);
        if (set.run() == SQLITE_DONE)
            return true;
    }
    *error = set.error(QStringLiteral("configuring the search index"));
    return false;
}

} // namespace

bool sqliteInsertStudies(QSqlDatabase &db, const QVector<Study> &studies, const QString &now, QString *error,
                         const std::function<bool(int)> &progress)
{
    sqlite3 *handle = sqliteHandle(db);
    if (!handle) {
        *error = QStringLiteral("saving studies failed: the library's SQLite connection is not available");
        return false;
    }
    // The columns and FTS table as created by migrations.cpp and sqlitefulltextindex.cpp.
    SqliteStatement exists(handle, "SELECT 1 FROM studies WHERE id = ?");
    SqliteStatement insert(handle,
                     "INSERT INTO studies(id, title, authors, first_author, journal, doi, pmid, design, populations, "
                     "cramp_types, direction, independence, independence_link, independence_source, "
                     "independence_reason, record, year, version, created_at, updated_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, 1, ?18, ?18)");
    SqliteStatement index(handle, "INSERT INTO study_text(rowid, title, authors, conclusions, other) VALUES (?, ?, ?, ?, ?)");
    for (const SqliteStatement *s : {&exists, &insert, &index}) {
        if (!s->ok()) {
            *error = s->error(QStringLiteral("preparing to save studies"));
            return false;
        }
    }
    const bool big = studies.size() > 2000;
    if (big && !setFtsHashSize(handle, kBulkFtsHashSize, error))
        return false;
    const QByteArray nowUtf8 = now.toUtf8();
    insert.text(18, nowUtf8);

    // Rows of the next chunk are converted on the thread pool while this thread writes the
    // current one. A batch that fits in one chunk (single inserts, edits) is converted here.
    constexpr int kChunk = 1024;
    auto convertChunk = [&studies](int from) {
        const int to = std::min<int>(from + kChunk, int(studies.size()));
        auto convert = [&studies, from, to] {
            QVector<Utf8Row> rows;
            rows.reserve(to - from);
            for (int i = from; i < to; ++i)
                rows.append(utf8Row(studies.at(i)));
            return rows;
        };
        return studies.size() <= kChunk ? QtFuture::makeReadyFuture(convert()) : QtConcurrent::run(convert);
    };
    QFuture<QVector<Utf8Row>> next = convertChunk(0);
    auto fail = [&](const QString &message) {
        *error = message;
        next.waitForFinished(); // the pool task reads `studies`
        return false;
    };
    for (int from = 0; from < studies.size(); from += kChunk) {
        const QVector<Utf8Row> rows = next.result();
        if (from + kChunk < studies.size())
            next = convertChunk(from + kChunk);
        for (int j = 0; j < rows.size(); ++j) {
            const int i = from + j;
            const Utf8Row &r = rows.at(j);
            exists.text(1, r.id);
            const int found = exists.run();
            if (found == SQLITE_ROW)
                return fail(QStringLiteral("a study with id '%1' already exists").arg(studies.at(i).id));
            if (found != SQLITE_DONE)
                return fail(exists.error(QStringLiteral("saving study '%1'").arg(studies.at(i).id)));
            insert.text(1, r.id);
            for (int c = 0; c < int(r.columns.size()); ++c)
                insert.text(2 + c, r.columns[c]);
            insert.integer(17, r.year);
            if (insert.run() != SQLITE_DONE)
                return fail(insert.error(QStringLiteral("saving study '%1'").arg(studies.at(i).id)));
            index.integer(1, sqlite3_last_insert_rowid(handle));
            for (int t = 0; t < int(r.text.size()); ++t)
                index.text(2 + t, r.text[t]);
            if (index.run() != SQLITE_DONE)
                return fail(index.error(QStringLiteral("indexing study text")));
            if (progress && (i % 256 == 255 || i + 1 == studies.size()) && !progress(i + 1))
                return fail(QStringLiteral("cancelled; nothing was saved"));
        }
    }
    return !big || setFtsHashSize(handle, kDefaultFtsHashSize, error);
}

} // namespace mgreview
