#include "pdf/pdftextstore.h"

#include "library/searchtext.h"
#include "store/database.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace mgreview {

namespace {

// PostgreSQL refuses lexemes of 2 KB and more; no real word is that long.
constexpr qsizetype kMaxLexemeBytes = 2000;

/// A page's search words for the PostgreSQL `words` column (array_to_tsvector): cut and
/// folded by the rules of every other search (library/searchtext.h).
QString pageWords(const QString &text)
{
    QStringList words = searchTerms(text);
    words.removeIf([](const QString &word) { return word.toUtf8().size() > kMaxLexemeBytes; });
    words.removeDuplicates();
    return words.join(u' ');
}

/// A tsquery literal, each term a quoted prefix, so no user input is read as query syntax.
QString prefixQuery(const QStringList &terms)
{
    QStringList parts;
    for (QString term : terms) {
        term.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("''"));
        parts.append(u'\'' + term + QStringLiteral("':*"));
    }
    return parts.join(QStringLiteral(" & "));
}

} // namespace

PdfTextStore::PdfTextStore(const Database &database)
    : m_database(database)
{
}

bool PdfTextStore::removeText(const Database &database, QSqlDatabase &db, const QString &sha256, QString *error)
{
    QSqlQuery q(db);
    if (database.dialect() == SqlDialect::Sqlite) {
        // External-content FTS5 forgets a row only when told its old text.
        q.prepare(QStringLiteral("INSERT INTO pdf_page_text(pdf_page_text, rowid, text) "
                                 "SELECT 'delete', id, text FROM pdf_pages WHERE sha256 = ?"));
        q.addBindValue(sha256);
        if (!q.exec()) {
            *error = describeSqlError(QStringLiteral("removing PDF text from the search index"), q);
            return false;
        }
    }
    q.prepare(QStringLiteral("DELETE FROM pdf_pages WHERE sha256 = ?"));
    q.addBindValue(sha256);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("removing PDF text"), q);
        return false;
    }
    return true;
}

bool PdfTextStore::savePages(const QString &sha256, const QVector<PdfPageText> &pages, QString *error)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (!transaction.isActive()) {
        *error = QStringLiteral("cannot write to the library: %1").arg(transaction.beginError());
        return false;
    }
    if (!removeText(m_database, db, sha256, error))
        return false;
    const bool sqlite = m_database.dialect() == SqlDialect::Sqlite;
    QSqlQuery insert(db);
    // PostgreSQL indexes the page through its `words` column (pdfschema.cpp); SQLite through
    // the FTS5 table, written below.
    insert.prepare(sqlite ? QStringLiteral("INSERT INTO pdf_pages(sha256, page, text, note) VALUES (?, ?, ?, ?) RETURNING id")
                          : QStringLiteral("INSERT INTO pdf_pages(sha256, page, text, note, words) VALUES (?, ?, ?, ?, "
                                           "array_to_tsvector(string_to_array(CAST(? AS TEXT), ' '))) RETURNING id"));
    QSqlQuery index(db);
    if (sqlite)
        index.prepare(QStringLiteral("INSERT INTO pdf_page_text(rowid, text) VALUES (?, ?)"));
    QStringList notes;
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const PdfPageText &page = pages.at(i);
        insert.addBindValue(sha256);
        insert.addBindValue(int(i + 1));
        insert.addBindValue(sqlText(page.text));
        insert.addBindValue(sqlText(page.note));
        if (!sqlite)
            insert.addBindValue(pageWords(page.text));
        if (!insert.exec() || !insert.next()) {
            *error = describeSqlError(QStringLiteral("saving the text of page %1").arg(i + 1), insert);
            return false;
        }
        const qint64 id = insert.value(0).toLongLong();
        insert.finish();
        if (sqlite) {
            index.addBindValue(id);
            index.addBindValue(sqlText(page.text));
            if (!index.exec()) {
                *error = describeSqlError(QStringLiteral("indexing the text of page %1").arg(i + 1), index);
                return false;
            }
        }
        if (!page.note.isEmpty() && !page.note.contains(QStringLiteral("no text layer")))
            notes.append(page.note);
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE pdf_files SET page_count = ?, text_status = 'indexed', text_message = ?, "
                             "indexed_at = ? WHERE sha256 = ?"));
    q.addBindValue(int(pages.size()));
    q.addBindValue(sqlText(notes.join(QStringLiteral("; "))));
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    q.addBindValue(sha256);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("recording the indexed PDF"), q);
        return false;
    }
    return transaction.commit(error);
}

bool PdfTextStore::markUnreadable(const QString &sha256, PdfOpenStatus status, const QString &message, QString *error)
{
    QSqlDatabase db = m_database.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE pdf_files SET text_status = ?, text_message = ?, indexed_at = ? WHERE sha256 = ?"));
    const bool password = status == PdfOpenStatus::NeedsPassword || status == PdfOpenStatus::WrongPassword;
    q.addBindValue(password ? QStringLiteral("needs-password") : QStringLiteral("failed"));
    q.addBindValue(sqlText(message));
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    q.addBindValue(sha256);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("recording why a PDF cannot be read"), q);
        return false;
    }
    return true;
}

std::optional<QVector<QString>> PdfTextStore::pages(const QString &sha256, QString *error) const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT page, text FROM pdf_pages WHERE sha256 = ? ORDER BY page"));
    q.addBindValue(sha256);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("reading PDF text"), q);
        return std::nullopt;
    }
    QVector<QString> out;
    while (q.next()) {
        const int page = q.value(0).toInt();
        if (page > out.size())
            out.resize(page);
        out[page - 1] = q.value(1).toString();
    }
    return out;
}

QString PdfTextStore::status(const QString &sha256, QString *error) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT text_status FROM pdf_files WHERE sha256 = ?"));
    q.addBindValue(sha256);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("reading PDF status"), q);
        return {};
    }
    return q.next() ? q.value(0).toString() : QString();
}

QString PdfTextStore::matchClause(const QString &query, QString *argument) const
{
    const QStringList terms = searchTerms(query);
    if (terms.isEmpty())
        return {};
    QStringList parts;
    if (m_database.dialect() == SqlDialect::Sqlite) {
        // Each term a quoted prefix query, so no user input is read as FTS syntax.
        for (const QString &term : terms)
            parts.append(u'"' + term + QStringLiteral("\"*"));
        *argument = parts.join(QStringLiteral(" AND "));
        return QStringLiteral("p.id IN (SELECT rowid FROM pdf_page_text WHERE pdf_page_text MATCH ?)");
    }
    *argument = prefixQuery(terms);
    return QStringLiteral("p.words @@ CAST(? AS tsquery)");
}

std::optional<QVector<PdfPageHit>> PdfTextStore::search(const QString &query, QString *error, int limit) const
{
    error->clear();
    QString argument;
    const QString clause = matchClause(query, &argument);
    if (clause.isEmpty())
        return std::nullopt;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT a.study_id, a.sha256, a.label, a.original_name, p.page, p.text "
                             "FROM pdf_pages p JOIN pdf_attachments a ON a.sha256 = p.sha256 WHERE ")
              + clause + QStringLiteral(" ORDER BY a.study_id, a.id, p.page LIMIT ?"));
    q.addBindValue(argument);
    q.addBindValue(limit);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("searching PDF text"), q);
        return std::nullopt;
    }
    const QStringList terms = searchTerms(query);
    QVector<PdfPageHit> out;
    while (q.next()) {
        PdfPageHit hit;
        hit.studyId = q.value(0).toString();
        hit.sha256 = q.value(1).toString();
        hit.label = q.value(2).toString();
        hit.fileName = q.value(3).toString();
        hit.page = q.value(4).toInt();
        // A snippet around the first term, made here so both dialects give the same.
        const QString text = q.value(5).toString().simplified();
        // Folding can shorten the text a little (accents), so the snippet is approximate.
        const QString folded = foldForSearch(text);
        qsizetype at = -1;
        for (const QString &term : terms) {
            at = folded.indexOf(term);
            if (at >= 0)
                break;
        }
        const qsizetype from = std::max<qsizetype>(0, at - 60);
        hit.snippet = (from > 0 ? QStringLiteral("…") : QString()) + text.mid(from, 160)
                      + (from + 160 < text.size() ? QStringLiteral("…") : QString());
        out.append(hit);
    }
    return out;
}

std::optional<QVector<qint64>> PdfTextStore::matchingStudyKeys(const QString &query, QString *error) const
{
    error->clear();
    QString argument;
    const QString clause = matchClause(query, &argument);
    if (clause.isEmpty())
        return std::nullopt;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT DISTINCT s.pk FROM studies s JOIN pdf_attachments a ON a.study_id = s.id "
                             "JOIN pdf_pages p ON p.sha256 = a.sha256 WHERE ")
              + clause + QStringLiteral(" ORDER BY s.pk"));
    q.addBindValue(argument);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("searching PDF text"), q);
        return std::nullopt;
    }
    QVector<qint64> keys;
    while (q.next())
        keys.append(q.value(0).toLongLong());
    return keys;
}

} // namespace mgreview
