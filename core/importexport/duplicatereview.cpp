#include "importexport/duplicatereview.h"

#include "format/studyjson.h"
#include "store/database.h"
#include "store/studystore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace mgreview {

namespace {

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

template<typename T>
void unite(QVector<T> &into, const QVector<T> &from)
{
    for (const T &value : from) {
        if (!into.contains(value))
            into.append(value);
    }
}

void unite(QStringList &into, const QStringList &from)
{
    for (const QString &value : from) {
        if (!into.contains(value))
            into.append(value);
    }
}

class Merger
{
public:
    Merger(Study &keep, const QString &otherId) : m_keep(keep), m_otherId(otherId) {}

    void text(QString &mine, const QString &theirs, const char *field)
    {
        if (theirs.isEmpty() || mine == theirs)
            return;
        if (mine.isEmpty()) {
            mine = theirs;
            return;
        }
        conflict(field, theirs);
    }

    void conflict(const char *field, const QString &theirs)
    {
        const ExtraFact fact{QStringLiteral("Merged from %1: %2").arg(m_otherId, QString::fromLatin1(field)), theirs};
        if (!m_keep.extraFacts.contains(fact))
            m_keep.extraFacts.append(fact);
    }

private:
    Study &m_keep;
    QString m_otherId;
};

QString recordJson(const Study &s)
{
    return QString::fromUtf8(QJsonDocument(studyToJson(s)).toJson(QJsonDocument::Compact));
}

std::optional<Study> studyFromText(const QString &json, QString *error)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (!doc.isObject()) {
        *error = QStringLiteral("the saved record of the merge is damaged");
        return std::nullopt;
    }
    return studyFromJson(doc.object(), error);
}

qint64 nextKey(QSqlDatabase &db, const QString &table, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) + 1 FROM ") + table) || !q.next()) {
        *error = describeSqlError(QStringLiteral("numbering %1").arg(table), q);
        return -1;
    }
    return q.value(0).toLongLong();
}

/// The open candidate pairing a and b (either way round), or 0.
qint64 openCandidate(QSqlDatabase &db, const QString &a, const QString &b)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM duplicate_candidates WHERE status = 'open' AND "
                             "((study_id = ? AND other_id = ?) OR (study_id = ? AND other_id = ?)) ORDER BY id"));
    q.addBindValue(a);
    q.addBindValue(b);
    q.addBindValue(b);
    q.addBindValue(a);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace

Study mergeStudies(const Study &keep, const Study &other)
{
    Study m = keep;
    Merger merge(m, other.id);
    Citation &c = m.citation;
    const Citation &o = other.citation;
    merge.text(c.title, o.title, "title");
    merge.text(c.text, o.text, "citation");
    merge.text(c.journal, o.journal, "journal");
    merge.text(c.volume, o.volume, "volume");
    merge.text(c.issue, o.issue, "issue");
    merge.text(c.pages, o.pages, "pages");
    merge.text(c.yearNote, o.yearNote, "year note");
    if (c.year == 0)
        c.year = o.year;
    else if (o.year != 0 && o.year != c.year)
        merge.conflict("year", QString::number(o.year));
    if (c.authors.isEmpty())
        c.authors = o.authors;
    else if (!o.authors.isEmpty() && o.authors != c.authors)
        merge.conflict("authors", o.authors.join(QStringLiteral("; ")));
    merge.text(m.ids.doi, other.ids.doi, "doi");
    merge.text(m.ids.pmid, other.ids.pmid, "pmid");
    merge.text(m.ids.pmcid, other.ids.pmcid, "pmcid");
    merge.text(m.ids.registration, other.ids.registration, "registration");
    merge.text(m.design, other.design, "design");
    merge.text(m.designText, other.designText, "design text");
    merge.text(m.populationText, other.populationText, "population text");
    merge.text(m.sampleText, other.sampleText, "sample text");
    merge.text(m.abstract, other.abstract, "abstract");
    merge.text(m.direction, other.direction, "direction");
    merge.text(m.certainty, other.certainty, "certainty");
    merge.text(m.openAccess, other.openAccess, "open access");
    merge.text(m.intervention.text, other.intervention.text, "intervention");
    if (m.intervention == Intervention() )
        m.intervention = other.intervention;
    if (!m.sampleSize)
        m.sampleSize = other.sampleSize;
    merge.text(m.funding.statement, other.funding.statement, "funding statement");
    merge.text(m.funding.coiStatement, other.funding.coiStatement, "conflict of interest statement");
    merge.text(m.funding.notes, other.funding.notes, "funding notes");
    unite(m.funding.funders, other.funding.funders);
    if (m.independence.value.isEmpty())
        m.independence = other.independence;
    unite(m.populations, other.populations);
    unite(m.crampTypes, other.crampTypes);
    unite(m.crampTypeText, other.crampTypeText);
    unite(m.keywords, other.keywords);
    unite(m.publicationTypes, other.publicationTypes);
    unite(m.sources, other.sources);
    unite(m.effects, other.effects);
    unite(m.conclusions, other.conclusions);
    unite(m.claims, other.claims);
    unite(m.extraFacts, other.extraFacts);
    for (auto it = other.notVerified.cbegin(); it != other.notVerified.cend(); ++it) {
        if (!m.notVerified.contains(it.key()))
            m.notVerified.insert(it.key(), it.value());
    }
    m.extraFacts.append({QStringLiteral("Merged"), QStringLiteral("Study %1 was merged into this record").arg(other.id)});
    return m;
}

DuplicateReview::DuplicateReview(const Database &database) : m_database(database) {}

std::optional<QVector<DuplicateCandidate>> DuplicateReview::candidates(const QString &status, QString *error) const
{
    QSqlQuery q(m_database.connection());
    const QString columns = QStringLiteral("SELECT id, batch_id, study_id, other_id, reason, status, created_at, "
                                           "resolved_at FROM duplicate_candidates ");
    if (status.isEmpty()) {
        q.prepare(columns + QStringLiteral("ORDER BY id"));
    } else {
        q.prepare(columns + QStringLiteral("WHERE status = ? ORDER BY id"));
        q.addBindValue(status);
    }
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("reading the duplicate review list"), q);
        return std::nullopt;
    }
    QVector<DuplicateCandidate> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString(),
                    q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString()});
    return out;
}

std::optional<QVector<StudyMerge>> DuplicateReview::merges(QString *error) const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT id, candidate_id, kept_id, merged_id, merged_at, undone_at FROM study_merges "
                               "ORDER BY id"))) {
        *error = describeSqlError(QStringLiteral("reading merges"), q);
        return std::nullopt;
    }
    QVector<StudyMerge> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString(),
                    q.value(4).toString(), q.value(5).toString()});
    return out;
}

std::optional<qint64> DuplicateReview::merge(const QString &keepId, const QString &otherId, QString *error)
{
    if (keepId == otherId) {
        *error = QStringLiteral("cannot merge study '%1' with itself").arg(keepId);
        return std::nullopt;
    }
    StudyStore store(m_database);
    const std::optional<Study> keep = store.load(keepId, error);
    if (!keep) {
        if (error->isEmpty())
            *error = QStringLiteral("no study with id '%1'").arg(keepId);
        return std::nullopt;
    }
    const std::optional<Study> other = store.load(otherId, error);
    if (!other) {
        if (error->isEmpty())
            *error = QStringLiteral("no study with id '%1'").arg(otherId);
        return std::nullopt;
    }
    const Study merged = mergeStudies(*keep, *other);
    const QString now = nowText();
    qint64 mergeId = 0;
    auto record = [&](QSqlDatabase &db, QString *writeError) {
        mergeId = nextKey(db, QStringLiteral("study_merges"), writeError);
        if (mergeId < 0)
            return false;
        const qint64 candidate = openCandidate(db, keepId, otherId);
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO study_merges(id, candidate_id, kept_id, merged_id, kept_before, "
                                 "merged_before, merged_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(mergeId);
        q.addBindValue(candidate);
        q.addBindValue(keepId);
        q.addBindValue(otherId);
        q.addBindValue(recordJson(*keep));
        q.addBindValue(recordJson(*other));
        q.addBindValue(now);
        if (!q.exec()) {
            *writeError = describeSqlError(QStringLiteral("recording the merge"), q);
            return false;
        }
        // Every open candidate naming the removed study is settled by this merge.
        QSqlQuery c(db);
        c.prepare(QStringLiteral("UPDATE duplicate_candidates SET status = 'merged', resolved_at = ? "
                                 "WHERE status = 'open' AND (study_id = ? OR other_id = ?)"));
        c.addBindValue(now);
        c.addBindValue(otherId);
        c.addBindValue(otherId);
        if (!c.exec()) {
            *writeError = describeSqlError(QStringLiteral("closing the duplicate candidate"), c);
            return false;
        }
        // The removed study's rule suggestions go with it (they return on undo when classified again).
        QSqlQuery s(db);
        s.prepare(QStringLiteral("DELETE FROM rule_suggestions WHERE study_id = ?"));
        s.addBindValue(otherId);
        if (!s.exec()) {
            *writeError = describeSqlError(QStringLiteral("removing the merged study's suggestions"), s);
            return false;
        }
        return true;
    };
    if (!store.applyChanges({merged}, {}, {otherId}, error, record))
        return std::nullopt;
    return mergeId;
}

bool DuplicateReview::keepBoth(const QString &studyId, const QString &otherId, QString *error)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    const qint64 candidate = openCandidate(db, studyId, otherId);
    if (candidate == 0) {
        *error = QStringLiteral("no open duplicate candidate pairs '%1' and '%2'").arg(studyId, otherId);
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE duplicate_candidates SET status = 'kept', resolved_at = ? WHERE id = ?"));
    q.addBindValue(nowText());
    q.addBindValue(candidate);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("keeping both studies"), q);
        return false;
    }
    return transaction.commit(error);
}

bool DuplicateReview::undoMerge(qint64 mergeId, QString *error)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT kept_id, merged_id, kept_before, merged_before, undone_at, candidate_id "
                             "FROM study_merges WHERE id = ?"));
    q.addBindValue(mergeId);
    if (!q.exec() || !q.next()) {
        *error = QStringLiteral("no merge %1").arg(mergeId);
        return false;
    }
    if (!q.value(4).toString().isEmpty()) {
        *error = QStringLiteral("merge %1 was already undone at %2").arg(mergeId).arg(q.value(4).toString());
        return false;
    }
    const QString mergedId = q.value(1).toString();
    const std::optional<Study> keptBefore = studyFromText(q.value(2).toString(), error);
    const std::optional<Study> mergedBefore = keptBefore ? studyFromText(q.value(3).toString(), error) : std::nullopt;
    const qint64 candidate = q.value(5).toLongLong();
    q.finish();
    if (!keptBefore || !mergedBefore)
        return false;
    StudyStore store(m_database);
    if (store.contains(mergedId)) {
        *error = QStringLiteral("cannot undo merge %1: a study with id '%2' exists again").arg(mergeId).arg(mergedId);
        return false;
    }
    const QString now = nowText();
    auto record = [&](QSqlDatabase &db, QString *writeError) {
        QSqlQuery u(db);
        u.prepare(QStringLiteral("UPDATE study_merges SET undone_at = ? WHERE id = ?"));
        u.addBindValue(now);
        u.addBindValue(mergeId);
        if (!u.exec()) {
            *writeError = describeSqlError(QStringLiteral("recording the undo"), u);
            return false;
        }
        if (candidate > 0) {
            QSqlQuery c(db);
            c.prepare(QStringLiteral("UPDATE duplicate_candidates SET status = 'open', resolved_at = '' WHERE id = ?"));
            c.addBindValue(candidate);
            if (!c.exec()) {
                *writeError = describeSqlError(QStringLiteral("reopening the duplicate candidate"), c);
                return false;
            }
        }
        return true;
    };
    return store.applyChanges({*keptBefore}, {*mergedBefore}, {}, error, record);
}

} // namespace mgreview
