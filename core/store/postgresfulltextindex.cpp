// PostgreSQL implementation of FullTextIndex: a tsvector column with a GIN index.
//
// The words are cut and folded in C++ by the same rules as the SQLite index and the
// in-memory search (library/searchtext.h: letters and digits, case and diacritics folded),
// then stored with array_to_tsvector, which keeps them exactly as given: no stemming, no
// stop words, no dependence on the server's text search configuration or extensions such
// as unaccent. Queries are built the same way, each term a prefix ('term':*), all ANDed.
#include "store/fulltextindex.h"

#include "library/searchtext.h"
#include "store/notesseparator.h"

#include <QSqlQuery>
#include <QVariant>

namespace mgreview {

namespace {

// PostgreSQL refuses lexemes of 2 KB and more; no real word is that long.
constexpr qsizetype kMaxLexemeBytes = 2000;

QStringList words(const QString &text)
{
    QStringList out = searchTerms(text);
    out.removeIf([](const QString &word) { return word.toUtf8().size() > kMaxLexemeBytes; });
    return out;
}

/// The study's own words and its annotations' words (after kNotesSeparator in `other`).
std::pair<QString, QString> lexemes(const SearchableText &text)
{
    const qsizetype split = text.other.indexOf(QChar(kNotesSeparator));
    const QString own = split < 0 ? text.other : text.other.left(split);
    const QString notes = split < 0 ? QString() : text.other.mid(split + 1);
    return {words(text.title + u' ' + text.authors + u' ' + text.conclusions + u' ' + own).join(u' '),
            words(notes).join(u' ')};
}

/// SQL turning a bound space-separated word list into a tsvector whose words all carry
/// `weight`: own text A, annotations B (store/teamsql.h re-indexes the B part alone).
/// Words are letters and digits only, so they need no quoting beyond the enclosing quotes.
QString weightedVector(char weight)
{
    return QStringLiteral("CAST(coalesce((SELECT string_agg('''' || w || ''':1%1', ' ') "
                          "FROM unnest(string_to_array(CAST(? AS TEXT), ' ')) AS w WHERE w <> ''), '') AS tsvector)")
        .arg(QLatin1Char(weight));
}

/// A tsquery literal; quoting keeps every term a plain lexeme, never operator syntax.
QString prefixQuery(const QStringList &terms)
{
    QStringList parts;
    for (QString term : terms) {
        term.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("''"));
        parts.append(u'\'' + term + QStringLiteral("':*"));
    }
    return parts.join(QStringLiteral(" & "));
}

class PostgresFullTextIndex final : public FullTextIndex
{
public:
    QStringList createStatements() const override
    {
        return {QStringLiteral("CREATE TABLE study_text ("
                               " study_pk BIGINT PRIMARY KEY REFERENCES studies(pk) ON DELETE CASCADE,"
                               " title TEXT NOT NULL DEFAULT '',"
                               " authors TEXT NOT NULL DEFAULT '',"
                               " conclusions TEXT NOT NULL DEFAULT '',"
                               " other TEXT NOT NULL DEFAULT '',"
                               " words TSVECTOR NOT NULL)"),
                QStringLiteral("CREATE INDEX study_text_words ON study_text USING GIN (words)")};
    }

    bool upsert(QSqlDatabase &db, qint64 studyKey, const SearchableText &text, QString *error) override
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "INSERT INTO study_text(study_pk, title, authors, conclusions, other, words) "
            "VALUES (?, ?, ?, ?, ?, ") + weightedVector('A') + QStringLiteral(" || ") + weightedVector('B') + QStringLiteral(") "
            "ON CONFLICT (study_pk) DO UPDATE SET title = excluded.title, authors = excluded.authors, "
            "conclusions = excluded.conclusions, other = excluded.other, words = excluded.words"));
        q.addBindValue(studyKey);
        q.addBindValue(sqlText(text.title));
        q.addBindValue(sqlText(text.authors));
        q.addBindValue(sqlText(text.conclusions));
        q.addBindValue(sqlText(text.other));
        const auto [own, notes] = lexemes(text);
        q.addBindValue(own);
        q.addBindValue(notes);
        if (!q.exec()) {
            *error = describeSqlError(QStringLiteral("indexing study text"), q);
            return false;
        }
        return true;
    }

    bool remove(QSqlDatabase &db, qint64 studyKey, QString *error) override
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM study_text WHERE study_pk = ?"));
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
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT study_pk FROM study_text WHERE words @@ CAST(? AS tsquery) ORDER BY study_pk"));
        q.addBindValue(prefixQuery(terms));
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
        if (!q.exec(QStringLiteral("SELECT study_pk, title, authors, conclusions, other FROM study_text ORDER BY study_pk"))) {
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

std::unique_ptr<FullTextIndex> createPostgresFullTextIndex()
{
    return std::make_unique<PostgresFullTextIndex>();
}

} // namespace mgreview
