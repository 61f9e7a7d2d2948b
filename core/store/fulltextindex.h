#pragma once

#include "store/database.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>
#include <memory>
#include <optional>

namespace mgreview {

/// The text of a study that full-text search looks at.
struct SearchableText {
    QString title;
    QString authors;
    QString conclusions;
    QString other; ///< Abstract, notes, PDF text as they arrive.
};

/// Full-text search, the one place where SQL dialects differ most (FTS5 on SQLite,
/// tsvector on PostgreSQL). Query semantics are the same everywhere and match the
/// in-memory search (library/searchtext.h): every term of the query must start a word
/// of the study's text; case and diacritics are ignored.
class FullTextIndex
{
public:
    virtual ~FullTextIndex() = default;
    static std::unique_ptr<FullTextIndex> create(SqlDialect dialect);

    /// Statements that create the index (run by a migration).
    virtual QStringList createStatements() const = 0;
    /// Replaces the indexed text of one study.
    virtual bool upsert(QSqlDatabase &db, qint64 studyKey, const SearchableText &text, QString *error) = 0;
    virtual bool remove(QSqlDatabase &db, qint64 studyKey, QString *error) = 0;
    /// Indexes studies that have no indexed text yet (fresh keys), in the caller's
    /// transaction. The default calls upsert for each; dialects override it to bind once.
    virtual bool insertNew(QSqlDatabase &db, const QVector<qint64> &studyKeys, const QVector<SearchableText> &texts,
                           QString *error)
    {
        for (qsizetype i = 0; i < studyKeys.size(); ++i) {
            if (!upsert(db, studyKeys.at(i), texts.at(i), error))
                return false;
        }
        return true;
    }
    /// Keys of the studies matching every term of `query`, ascending. Empty query: nullopt.
    virtual std::optional<QVector<qint64>> match(QSqlDatabase &db, const QString &query, QString *error) = 0;
    /// Calls `fn` for every indexed study (to build the in-memory search of the table).
    virtual bool forEach(QSqlDatabase &db, const std::function<void(qint64, const SearchableText &)> &fn,
                         QString *error) = 0;
};

} // namespace mgreview
