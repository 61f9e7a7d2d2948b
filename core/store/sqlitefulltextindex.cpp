// FTS5 implementation of FullTextIndex for SQLite libraries.
#include "store/fulltextindex.h"

#include "library/searchtext.h"

#include <QSqlQuery>
#include <QVariant>

namespace mgreview {

namespace {

class SqliteFullTextIndex final : public FullTextIndex
{
public:
    QStringList createStatements() const override
    {
        // unicode61 folds case and (with remove_diacritics 2) accents like foldForSearch;
        // prefix indexes keep search-as-you-type fast for short prefixes.
        return {QStringLiteral("CREATE VIRTUAL TABLE study_text USING fts5("
                               "title, authors, conclusions, other, "
                               "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')")};
    }

    bool upsert(QSqlDatabase &db, qint64 studyKey, const SearchableText &text, QString *error) override
    {
        if (!remove(db, studyKey, error))
            return false;
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO study_text(rowid, title, authors, conclusions, other) "
                                 "VALUES (?, ?, ?, ?, ?)"));
        q.addBindValue(studyKey);
        q.addBindValue(text.title);
        q.addBindValue(text.authors);
        q.addBindValue(text.conclusions);
        q.addBindValue(text.other);
        if (!q.exec()) {
            *error = describeSqlError(QStringLiteral("indexing study text"), q);
            return false;
        }
        return true;
    }

    bool insertNew(QSqlDatabase &db, const QVector<qint64> &studyKeys, const QVector<SearchableText> &texts,
                   QString *error) override
    {
        // One prepared statement for the whole batch: preparing per row cost more than indexing.
        QSqlQuery q(db);
        if (!q.prepare(QStringLiteral("INSERT INTO study_text(rowid, title, authors, conclusions, other) "
                                      "VALUES (?, ?, ?, ?, ?)"))) {
            *error = describeSqlError(QStringLiteral("indexing study text"), q);
            return false;
        }
        for (qsizetype i = 0; i < studyKeys.size(); ++i) {
            const SearchableText &text = texts.at(i);
            q.bindValue(0, studyKeys.at(i));
            q.bindValue(1, text.title);
            q.bindValue(2, text.authors);
            q.bindValue(3, text.conclusions);
            q.bindValue(4, text.other);
            if (!q.exec()) {
                *error = describeSqlError(QStringLiteral("indexing study text"), q);
                return false;
            }
        }
        return true;
    }

    bool remove(QSqlDatabase &db, qint64 studyKey, QString *error) override
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM study_text WHERE rowid = ?"));
        q.addBindValue(studyKey);
        if (!q.exec()) {
            *error = describeSqlError(QStringLiteral("removing study text"), q);
            return false;
        }
        return true;
    }

    std::optional<QVector<qint64>> match(QSqlDatabase &db, const QString &query, QString *error) override
    {
        const QStringList terms = searchTerms(query);
        if (terms.isEmpty())
            return std::nullopt;
        // Each term becomes a quoted prefix query, so no user input is read as FTS syntax.
        QStringList parts;
        for (const QString &term : terms)
            parts.append(u'"' + term + QStringLiteral("\"*"));
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT rowid FROM study_text WHERE study_text MATCH ? ORDER BY rowid"));
        q.addBindValue(parts.join(QStringLiteral(" AND ")));
        QVector<qint64> keys;
        if (!q.exec()) {
            *error = describeSqlError(QStringLiteral("full-text search"), q);
            return keys;
        }
        while (q.next())
            keys.append(q.value(0).toLongLong());
        return keys;
    }

    bool forEach(QSqlDatabase &db, const std::function<void(qint64, const SearchableText &)> &fn,
                 QString *error) override
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT rowid, title, authors, conclusions, other FROM study_text"))) {
            *error = describeSqlError(QStringLiteral("reading the search index"), q);
            return false;
        }
        while (q.next())
            fn(q.value(0).toLongLong(), {q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                                         q.value(4).toString()});
        return true;
    }
};

} // namespace

std::unique_ptr<FullTextIndex> createSqliteFullTextIndex()
{
    return std::make_unique<SqliteFullTextIndex>();
}

std::unique_ptr<FullTextIndex> createPostgresFullTextIndex(); // postgresfulltextindex.cpp

std::unique_ptr<FullTextIndex> FullTextIndex::create(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::Sqlite:
        return createSqliteFullTextIndex();
    case SqlDialect::Postgres:
        return createPostgresFullTextIndex();
    }
    return nullptr;
}

} // namespace mgreview
