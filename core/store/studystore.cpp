#include "store/studystore.h"

#include "annotations/annotationsearch.h"
#include "model/independence.h"
#include "review/reviewoutcome.h"
#include "store/database.h"
#include "store/sqlitebulkinsert.h"
#include "store/studyrows.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>
#include <QtConcurrent/QtConcurrentRun>

namespace mgreview {

namespace {

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// An unset field (no journal, no independence link, …) is stored as '', never NULL.
QString text(const QString &value)
{
    return sqlText(value);
}

void bindProjections(QSqlQuery &q, const Study &s)
{
    const Independence independence = effectiveIndependence(s);
    q.bindValue(QStringLiteral(":title"), text(s.citation.title.isEmpty() ? s.citation.text : s.citation.title));
    q.bindValue(QStringLiteral(":authors"), text(s.citation.authors.join(QStringLiteral("; "))));
    q.bindValue(QStringLiteral(":first_author"), text(s.firstAuthor()));
    q.bindValue(QStringLiteral(":year"), s.citation.year);
    q.bindValue(QStringLiteral(":journal"), text(s.citation.journal));
    q.bindValue(QStringLiteral(":doi"), text(s.ids.doi));
    q.bindValue(QStringLiteral(":pmid"), text(s.ids.pmid));
    q.bindValue(QStringLiteral(":design"), text(s.design));
    q.bindValue(QStringLiteral(":populations"), text(joinCodes(s.populations)));
    q.bindValue(QStringLiteral(":cramp_types"), text(joinCodes(s.crampTypes)));
    q.bindValue(QStringLiteral(":direction"), text(s.direction));
    q.bindValue(QStringLiteral(":independence"), text(independence.value));
    q.bindValue(QStringLiteral(":independence_link"), text(independence.link));
    q.bindValue(QStringLiteral(":independence_source"), text(toString(independence.source)));
    q.bindValue(QStringLiteral(":independence_reason"), text(independence.reason));
    q.bindValue(QStringLiteral(":record"), QString::fromUtf8(studyToRecordJson(s)));
}

const QString kSummaryColumns = QStringLiteral(
    "pk, id, first_author, authors, year, title, journal, doi, pmid, design, populations, cramp_types, "
    "direction, independence, independence_link, independence_source, independence_reason, "
    "rule_independence, rule_independence_link, rule_independence_reason, rule_design, rule_direction, "
    "rule_populations, rule_cramp_types");

} // namespace

StudyStore::StudyStore(const Database &database) : m_database(database) {}


bool StudyStore::insertRows(QSqlDatabase &db, const QVector<Study> &studies, const QString &now, QString *error,
                            const std::function<bool(int)> &progress)
{
    // A big batch dirties far more pages than SQLite's default 2 MB cache holds: each spill
    // writes pages to the WAL that the batch later changes again (FTS segments above all).
    // A larger cache for the batch keeps them in memory until the commit.
    struct CacheSize {
        QSqlDatabase &db;
        bool raised = false;
        CacheSize(QSqlDatabase &d, bool big, SqlDialect dialect) : db(d)
        {
            if (big && dialect == SqlDialect::Sqlite)
                raised = QSqlQuery(db).exec(QStringLiteral("PRAGMA cache_size = -131072"));
        }
        ~CacheSize()
        {
            if (raised)
                QSqlQuery(db).exec(QStringLiteral("PRAGMA cache_size = -2000"));
        }
    } cacheSize(db, studies.size() > 2000, m_database.dialect());
    if (m_database.dialect() == SqlDialect::Sqlite)
        return sqliteInsertStudies(db, studies, now, error, progress);

    // Statements are prepared once per batch and rebound per study.
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO studies(id, title, authors, first_author, year, journal, doi, pmid, design, populations, "
        "cramp_types, direction, independence, independence_link, independence_source, independence_reason, "
        "record, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) "
        "RETURNING pk"));
    QSqlQuery exists(db);
    exists.prepare(QStringLiteral("SELECT 1 FROM studies WHERE id = ?"));

    // Rows of the next chunk are prepared on the thread pool while this thread writes the current one.
    // A batch that fits in one chunk (single inserts, edits) is prepared right here: handing
    // it to the pool would only add a thread hop.
    constexpr int kChunk = 1024;
    auto prepareChunk = [&studies](int from) {
        const int to = std::min<int>(from + kChunk, int(studies.size()));
        auto prepare = [&studies, from, to] {
            QVector<PreparedRow> rows;
            rows.reserve(to - from);
            for (int i = from; i < to; ++i)
                rows.append(prepareRow(studies.at(i)));
            return rows;
        };
        return studies.size() <= kChunk ? QtFuture::makeReadyFuture(prepare()) : QtConcurrent::run(prepare);
    };
    QFuture<QVector<PreparedRow>> next = prepareChunk(0);
    QVector<qint64> keys;
    QVector<SearchableText> texts;
    for (int from = 0; from < studies.size(); from += kChunk) {
        QVector<PreparedRow> rows = next.result();
        if (from + kChunk < studies.size())
            next = prepareChunk(from + kChunk);
        keys.clear();
        texts.clear();
        for (int j = 0; j < rows.size(); ++j) {
            const int i = from + j;
            const Study &study = studies.at(i);
            PreparedRow &r = rows[j];
            exists.bindValue(0, study.id);
            if (exists.exec() && exists.next()) {
                *error = QStringLiteral("a study with id '%1' already exists").arg(study.id);
                next.waitForFinished();
                return false;
            }
            exists.finish();
            const QVariant values[] = {study.id, r.title, r.authors, r.firstAuthor, r.year, r.journal, r.doi, r.pmid,
                                       r.design, r.populations, r.crampTypes, r.direction,
                                       text(r.independence.value), text(r.independence.link),
                                       text(toString(r.independence.source)), text(r.independence.reason),
                                       QString::fromUtf8(r.record),
                                       now, now};
            for (int v = 0; v < int(std::size(values)); ++v)
                insert.bindValue(v, values[v]);
            if (!insert.exec() || !insert.next()) {
                *error = describeSqlError(QStringLiteral("saving study '%1'").arg(study.id), insert);
                next.waitForFinished();
                return false;
            }
            keys.append(insert.value(0).toLongLong());
            insert.finish();
            texts.append(std::move(r.text));
            if (progress && (i % 256 == 255 || i + 1 == studies.size())) {
                // The index of the rows written so far goes in first, so a cancel point is consistent.
                if (!m_database.fullText().insertNew(db, keys, texts, error)) {
                    next.waitForFinished();
                    return false;
                }
                keys.clear();
                texts.clear();
                if (!progress(i + 1)) {
                    *error = QStringLiteral("cancelled; nothing was saved");
                    next.waitForFinished();
                    return false;
                }
            }
        }
        if (!m_database.fullText().insertNew(db, keys, texts, error)) {
            next.waitForFinished();
            return false;
        }
    }
    return true;
}

bool StudyStore::insert(const Study &study, QString *error)
{
    return insertMany({study}, error);
}

bool StudyStore::insertMany(const QVector<Study> &studies, QString *error,
                            const std::function<bool(int)> &progress, const ExtraWrite &extra)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (!transaction.isActive()) {
        *error = QStringLiteral("cannot write to the library: %1").arg(transaction.beginError());
        return false;
    }
    if (!insertRows(db, studies, nowText(), error, progress))
        return false;
    if (extra && !extra(db, error))
        return false;
    return transaction.commit(error);
}

bool StudyStore::updateOne(QSqlDatabase &db, const Study &study, const QString &now, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "UPDATE studies SET title = :title, authors = :authors, first_author = :first_author, year = :year, "
        "journal = :journal, doi = :doi, pmid = :pmid, design = :design, populations = :populations, "
        "cramp_types = :cramp_types, direction = :direction, independence = :independence, "
        "independence_link = :independence_link, independence_source = :independence_source, "
        "independence_reason = :independence_reason, record = :record, "
        "version = version + 1, updated_at = :updated WHERE id = :id RETURNING pk"));
    bindProjections(q, study);
    q.bindValue(QStringLiteral(":updated"), now);
    q.bindValue(QStringLiteral(":id"), study.id);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("saving study '%1'").arg(study.id), q);
        return false;
    }
    if (!q.next()) {
        *error = QStringLiteral("no study with id '%1'").arg(study.id);
        return false;
    }
    const qint64 key = q.value(0).toLongLong();
    q.finish();
    // A study's annotations are searched with it (annotations/annotationsearch.h).
    SearchableText indexed = searchableText(study);
    return appendAnnotationSearchText(db, study.id, &indexed, error) &&
           m_database.fullText().upsert(db, key, indexed, error);
}

bool StudyStore::update(const Study &study, QString *error)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (!transaction.isActive()) {
        *error = QStringLiteral("cannot write to the library: %1").arg(transaction.beginError());
        return false;
    }
    if (!updateOne(db, study, nowText(), error))
        return false;
    return transaction.commit(error);
}

SaveResult StudyStore::update(const Study &study, int expectedVersion)
{
    SaveResult result;
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (!transaction.isActive()) {
        result.error = QStringLiteral("cannot write to the library: %1").arg(transaction.beginError());
        return result;
    }
    QSqlQuery q(db);
    // The version test and the write are one statement: of two concurrent saves against
    // the same version, the database lets exactly one through (PostgreSQL re-checks the
    // WHERE clause after waiting for the other's row lock; SQLite has one writer at a time).
    q.prepare(QStringLiteral(
        "UPDATE studies SET title = :title, authors = :authors, first_author = :first_author, year = :year, "
        "journal = :journal, doi = :doi, pmid = :pmid, design = :design, populations = :populations, "
        "cramp_types = :cramp_types, direction = :direction, independence = :independence, "
        "independence_link = :independence_link, independence_source = :independence_source, "
        "independence_reason = :independence_reason, record = :record, "
        "version = version + 1, updated_at = :updated WHERE id = :id AND version = :expected "
        "RETURNING pk, version"));
    bindProjections(q, study);
    q.bindValue(QStringLiteral(":updated"), nowText());
    q.bindValue(QStringLiteral(":id"), study.id);
    q.bindValue(QStringLiteral(":expected"), expectedVersion);
    if (!q.exec()) {
        result.error = describeSqlError(QStringLiteral("saving study '%1'").arg(study.id), q);
        return result;
    }
    if (!q.next()) {
        q.finish();
        QString error;
        const std::optional<VersionedStudy> current = loadVersioned(study.id, &error);
        if (!error.isEmpty()) {
            result.error = error;
            return result;
        }
        result.status = SaveResult::Status::Conflict;
        if (current) {
            result.version = current->version;
            result.current = current->study;
            result.error = QStringLiteral("study '%1' was changed by someone else since you opened it "
                                          "(version %2, yours is %3): nothing was saved")
                               .arg(study.id)
                               .arg(current->version)
                               .arg(expectedVersion);
        } else {
            result.error = QStringLiteral("study '%1' was removed by someone else since you opened it: "
                                          "nothing was saved")
                               .arg(study.id);
        }
        return result;
    }
    const qint64 key = q.value(0).toLongLong();
    const int version = q.value(1).toInt();
    q.finish();
    // A study's annotations are searched with it, as in update() above.
    SearchableText indexed = searchableText(study);
    if (!appendAnnotationSearchText(db, study.id, &indexed, &result.error) ||
        !m_database.fullText().upsert(db, key, indexed, &result.error) || !transaction.commit(&result.error))
        return result;
    result.status = SaveResult::Status::Saved;
    result.version = version;
    return result;
}

bool StudyStore::removeOne(QSqlDatabase &db, const QString &id, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM studies WHERE id = ? RETURNING pk"));
    q.addBindValue(id);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("removing study '%1'").arg(id), q);
        return false;
    }
    if (!q.next()) {
        *error = QStringLiteral("no study with id '%1'").arg(id);
        return false;
    }
    const qint64 key = q.value(0).toLongLong();
    q.finish();
    return m_database.fullText().remove(db, key, error);
}

bool StudyStore::remove(const QString &id, QString *error)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (!removeOne(db, id, error))
        return false;
    return transaction.commit(error);
}

bool StudyStore::applyChanges(const QVector<Study> &updates, const QVector<Study> &inserts,
                              const QStringList &removals, QString *error, const ExtraWrite &extra)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (!transaction.isActive()) {
        *error = QStringLiteral("cannot write to the library: %1").arg(transaction.beginError());
        return false;
    }
    const QString now = nowText();
    for (const QString &id : removals) {
        if (!removeOne(db, id, error))
            return false;
    }
    for (const Study &study : updates) {
        if (!updateOne(db, study, now, error))
            return false;
    }
    if (!inserts.isEmpty() && !insertRows(db, inserts, now, error, {}))
        return false;
    if (extra && !extra(db, error))
        return false;
    return transaction.commit(error);
}

std::optional<Study> StudyStore::load(const QString &id, QString *error) const
{
    error->clear();
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT record FROM studies WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("reading study '%1'").arg(id), q);
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return studyFromRecordJson(q.value(0).toByteArray(), error);
}

std::optional<VersionedStudy> StudyStore::loadVersioned(const QString &id, QString *error) const
{
    error->clear();
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT record, version FROM studies WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("reading study '%1'").arg(id), q);
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    const int version = q.value(1).toInt();
    std::optional<Study> study = studyFromRecordJson(q.value(0).toByteArray(), error);
    if (!study)
        return std::nullopt;
    return VersionedStudy{std::move(*study), version};
}

std::optional<QVector<Study>> StudyStore::loadAll(QString *error) const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT record FROM studies ORDER BY pk"))) {
        *error = describeSqlError(QStringLiteral("reading studies"), q);
        return std::nullopt;
    }
    QVector<Study> out;
    while (q.next()) {
        std::optional<Study> study = studyFromRecordJson(q.value(0).toByteArray(), error);
        if (!study)
            return std::nullopt;
        out.append(std::move(*study));
    }
    return out;
}

namespace {

/// Shares one copy of each repeated value (journals, codes, reasons, surnames) between
/// rows. A 100,000-study list holds a few hundred distinct values in these columns;
/// sharing them saves tens of megabytes and the time to free them.
class SharedStrings
{
public:
    QString operator()(const QString &value)
    {
        if (value.isEmpty())
            return value;
        const auto it = m_strings.constFind(value);
        if (it != m_strings.cend())
            return *it;
        m_strings.insert(value);
        return value;
    }
    QStringList codes(const QString &joined)
    {
        if (joined.isEmpty())
            return {};
        const auto it = m_codes.constFind(joined);
        if (it != m_codes.cend())
            return *it;
        return *m_codes.insert(joined, splitCodes(joined));
    }

private:
    QSet<QString> m_strings;
    QHash<QString, QStringList> m_codes;
};

} // namespace

std::optional<QVector<StudySummary>> StudyStore::summaries(QString *error) const
{
    QSqlDatabase db = m_database.connection();
    QVector<StudySummary> out;
    {
        // Sized up front: growing a vector of 100,000 rows would hold two copies at once.
        QSqlQuery count(db);
        if (count.exec(QStringLiteral("SELECT count(*) FROM studies")) && count.next())
            out.reserve(count.value(0).toLongLong());
    }
    // Reviewer decisions outrank curated values and rules (core/review/reviewoutcome.h).
    // Read first: a forward-only query must be the only one running on its connection
    // (PostgreSQL streams its rows and loses them when another query starts).
    const std::optional<QHash<QString, Independence>> reviewed = reviewerIndependenceByStudy(m_database, error);
    if (!reviewed)
        return std::nullopt;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // Only projections: parsing 100,000 records would make opening slow.
    if (!q.exec(QStringLiteral("SELECT ") + kSummaryColumns + QStringLiteral(" FROM studies ORDER BY pk"))) {
        *error = describeSqlError(QStringLiteral("reading the study list"), q);
        return std::nullopt;
    }
    SharedStrings shared;
    while (q.next()) {
        StudySummary s;
        s.key = q.value(0).toLongLong();
        s.id = q.value(1).toString();
        s.firstAuthor = shared(q.value(2).toString());
        s.authors = q.value(3).toString();
        s.year = q.value(4).toInt();
        s.title = q.value(5).toString();
        s.journal = shared(q.value(6).toString());
        s.doi = q.value(7).toString();
        s.pmid = q.value(8).toString();
        s.design = shared(q.value(9).toString());
        s.populations = shared.codes(q.value(10).toString());
        s.crampTypes = shared.codes(q.value(11).toString());
        s.direction = shared(q.value(12).toString());
        s.independence = shared(q.value(13).toString());
        s.independenceLink = shared(q.value(14).toString());
        s.independenceSource = shared(q.value(15).toString());
        s.independenceReason = shared(q.value(16).toString());
        // Human decisions first: a reviewer's, then the curated value; a rule's suggestion only
        // fills what no person has coded.
        if (const auto review = reviewed->constFind(s.id); review != reviewed->cend()) {
            s.independence = shared(review->value);
            s.independenceLink = shared(review->link);
            s.independenceReason = review->reason;
            s.independenceSource = shared(QStringLiteral("reviewer"));
        } else if (s.independenceSource != u"curated" && s.independenceSource != u"reviewer" &&
            !q.value(17).toString().isEmpty()) {
            s.independence = shared(q.value(17).toString());
            s.independenceLink = shared(q.value(18).toString());
            s.independenceReason = q.value(19).toString();
            s.independenceSource = shared(QStringLiteral("rule"));
        }
        if (s.design.isEmpty())
            s.design = shared(q.value(20).toString());
        if (s.direction.isEmpty())
            s.direction = shared(q.value(21).toString());
        if (s.populations.isEmpty())
            s.populations = shared.codes(q.value(22).toString());
        if (s.crampTypes.isEmpty())
            s.crampTypes = shared.codes(q.value(23).toString());
        out.append(std::move(s));
    }
    return out;
}

std::optional<QVector<qint64>> StudyStore::search(const QString &query, QString *error) const
{
    QSqlDatabase db = m_database.connection();
    error->clear();
    std::optional<QVector<qint64>> keys = m_database.fullText().match(db, query, error);
    if (!error->isEmpty())
        return std::nullopt;
    return keys;
}

bool StudyStore::forEachSearchText(const std::function<void(qint64, const SearchableText &)> &fn,
                                   QString *error) const
{
    QSqlDatabase db = m_database.connection();
    return m_database.fullText().forEach(db, fn, error);
}

int StudyStore::count(QString *error) const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM studies")) || !q.next()) {
        *error = describeSqlError(QStringLiteral("counting studies"), q);
        return -1;
    }
    return q.value(0).toInt();
}

bool StudyStore::contains(const QString &id) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM studies WHERE id = ?"));
    q.addBindValue(id);
    return q.exec() && q.next();
}

} // namespace mgreview
