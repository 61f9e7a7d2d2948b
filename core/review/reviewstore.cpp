#include "review/reviewstore.h"

#include "store/database.h"

#include <QSqlQuery>
#include <QVariant>

namespace mgreview {

namespace {

using ReviewSql::Statement;

QString timeText(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeFrom(const QVariant &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QVariant optionalId(const std::optional<qint64> &id)
{
    return id ? QVariant(*id) : QVariant(QMetaType(QMetaType::LongLong));
}

std::optional<qint64> idFrom(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

Judgement judgementFromRow(const QSqlQuery &q)
{
    Judgement j;
    j.id = q.value(0).toLongLong();
    j.studyId = q.value(1).toString();
    j.reviewer = q.value(2).toString();
    j.content.value = q.value(3).toString();
    j.content.link = q.value(4).toString();
    j.content.reason = q.value(5).toString();
    j.content.evidence = q.value(6).toString();
    j.content.evidenceSource = q.value(7).toString();
    if (!q.value(8).isNull())
        j.content.page = q.value(8).toInt();
    j.supersedes = idFrom(q.value(9));
    j.changeId = q.value(10).toLongLong();
    j.recordedAt = timeFrom(q.value(11));
    return j;
}

Resolution resolutionFromRow(const QSqlQuery &q)
{
    Resolution r;
    r.id = q.value(0).toLongLong();
    r.studyId = q.value(1).toString();
    r.resolver = q.value(2).toString();
    r.content.value = q.value(3).toString();
    r.content.link = q.value(4).toString();
    r.content.reason = q.value(5).toString();
    r.content.method = q.value(6).toString();
    r.supersedes = idFrom(q.value(7));
    r.changeId = q.value(8).toLongLong();
    r.recordedAt = timeFrom(q.value(9));
    return r;
}

AuditEntry auditFromRow(const QSqlQuery &q)
{
    AuditEntry a;
    a.id = q.value(0).toLongLong();
    a.at = timeFrom(q.value(1));
    a.actor = q.value(2).toString();
    a.action = q.value(3).toString();
    a.studyId = q.value(4).toString();
    a.before = q.value(5).toString();
    a.after = q.value(6).toString();
    a.reason = q.value(7).toString();
    a.undoes = idFrom(q.value(8));
    return a;
}

/// A JSON column: NULL when there is no state.
QVariant jsonColumn(const QString &json)
{
    return json.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(json);
}

template<typename T> void firstOf(const QVector<T> &rows, std::optional<T> *out)
{
    *out = rows.isEmpty() ? std::nullopt : std::optional<T>(rows.constFirst());
}

} // namespace

ReviewStore::ReviewStore(QSqlDatabase db) : m_db(std::move(db)) { }

bool ReviewStore::run(
    QSqlQuery &q, Statement statement, const QVariantList &values, const QString &what, QString *error) const
{
    q.setForwardOnly(true);
    if (!q.prepare(ReviewSql::text(statement))) {
        *error = describeSqlError(what, q);
        return false;
    }
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (!q.exec()) {
        *error = describeSqlError(what, q);
        return false;
    }
    return true;
}

bool ReviewStore::appendProfile(const Profile &profile, const QString &now, QString *error)
{
    QSqlQuery q(m_db);
    return run(q, Statement::InsertProfile, { profile.name, toString(profile.role), now },
        QStringLiteral("saving profile '%1'").arg(profile.name), error);
}

std::optional<qint64> ReviewStore::appendAudit(const AuditEntry &e, QString *error)
{
    QSqlQuery q(m_db);
    if (!run(q, Statement::InsertAudit,
            { timeText(e.at), e.actor, e.action, sqlText(e.studyId), jsonColumn(e.before), jsonColumn(e.after),
                sqlText(e.reason), optionalId(e.undoes) },
            QStringLiteral("writing the audit log"), error))
        return std::nullopt;
    if (!q.next()) {
        *error = describeSqlError(QStringLiteral("writing the audit log"), q);
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

std::optional<qint64> ReviewStore::appendJudgement(const Judgement &j, QString *error)
{
    QSqlQuery q(m_db);
    const JudgementContent &c = j.content;
    const QVariant page = c.page ? QVariant(*c.page) : QVariant(QMetaType(QMetaType::Int));
    if (!run(q, Statement::InsertJudgement,
            { j.studyId, j.reviewer, c.value, sqlText(c.link), c.reason, sqlText(c.evidence), sqlText(c.evidenceSource),
                page, optionalId(j.supersedes), j.changeId, timeText(j.recordedAt) },
            QStringLiteral("saving the judgement on '%1'").arg(j.studyId), error))
        return std::nullopt;
    if (!q.next()) {
        *error = describeSqlError(QStringLiteral("saving the judgement on '%1'").arg(j.studyId), q);
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

std::optional<qint64> ReviewStore::appendResolution(const Resolution &r, QString *error)
{
    QSqlQuery q(m_db);
    const ResolutionContent &c = r.content;
    if (!run(q, Statement::InsertResolution,
            { r.studyId, r.resolver, c.value, sqlText(c.link), c.reason, sqlText(c.method), optionalId(r.supersedes),
                r.changeId, timeText(r.recordedAt) },
            QStringLiteral("saving the resolution of '%1'").arg(r.studyId), error))
        return std::nullopt;
    if (!q.next()) {
        *error = describeSqlError(QStringLiteral("saving the resolution of '%1'").arg(r.studyId), q);
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

bool ReviewStore::profiles(QVector<Profile> *out, QString *error) const
{
    QSqlQuery q(m_db);
    if (!run(q, Statement::SelectProfiles, {}, QStringLiteral("reading profiles"), error))
        return false;
    out->clear();
    while (q.next())
        out->append({ q.value(0).toString(), roleFromString(q.value(1).toString()).value_or(Role::Clinician) });
    return true;
}

bool ReviewStore::profile(const QString &name, std::optional<Profile> *out, QString *error) const
{
    QSqlQuery q(m_db);
    if (!run(q, Statement::SelectProfile, { name }, QStringLiteral("reading profile '%1'").arg(name), error))
        return false;
    *out = std::nullopt;
    if (q.next())
        *out = Profile { q.value(0).toString(), roleFromString(q.value(1).toString()).value_or(Role::Clinician) };
    return true;
}

bool ReviewStore::auditLog(QVector<AuditEntry> *out, QString *error) const
{
    QSqlQuery q(m_db);
    if (!run(q, Statement::SelectAudit, {}, QStringLiteral("reading the audit log"), error))
        return false;
    out->clear();
    while (q.next())
        out->append(auditFromRow(q));
    return true;
}

bool ReviewStore::auditEntry(qint64 id, std::optional<AuditEntry> *out, QString *error) const
{
    QSqlQuery q(m_db);
    if (!run(q, Statement::SelectAuditEntry, { id }, QStringLiteral("reading change %1").arg(id), error))
        return false;
    *out = q.next() ? std::optional<AuditEntry>(auditFromRow(q)) : std::nullopt;
    return true;
}

bool ReviewStore::hasRevealed(const QString &studyId, const QString &viewer, bool *out, QString *error) const
{
    QSqlQuery q(m_db);
    if (!run(q, Statement::HasRevealed, { studyId, viewer }, QStringLiteral("reading the audit log"), error))
        return false;
    *out = q.next();
    return true;
}

bool ReviewStore::readJudgements(
    Statement statement, const QVariantList &values, QVector<Judgement> *out, QString *error) const
{
    QSqlQuery q(m_db);
    if (!run(q, statement, values, QStringLiteral("reading judgements"), error))
        return false;
    out->clear();
    while (q.next())
        out->append(judgementFromRow(q));
    return true;
}

bool ReviewStore::judgement(qint64 id, std::optional<Judgement> *out, QString *error) const
{
    QVector<Judgement> rows;
    if (!readJudgements(Statement::SelectJudgement, { id }, &rows, error))
        return false;
    firstOf(rows, out);
    return true;
}

bool ReviewStore::judgementWrittenBy(qint64 changeId, std::optional<Judgement> *out, QString *error) const
{
    QVector<Judgement> rows;
    if (!readJudgements(Statement::SelectJudgementByChange, { changeId }, &rows, error))
        return false;
    firstOf(rows, out);
    return true;
}

bool ReviewStore::judgementHead(
    const QString &studyId, const QString &reviewer, std::optional<Judgement> *out, QString *error) const
{
    QVector<Judgement> rows;
    if (!readJudgements(Statement::SelectJudgementHead, { studyId, reviewer }, &rows, error))
        return false;
    firstOf(rows, out);
    return true;
}

bool ReviewStore::latestJudgements(QVector<Judgement> *out, QString *error) const
{
    return readJudgements(Statement::SelectLatestJudgements, {}, out, error);
}

bool ReviewStore::latestJudgements(const QString &studyId, QVector<Judgement> *out, QString *error) const
{
    return readJudgements(Statement::SelectLatestJudgementsOfStudy, { studyId }, out, error);
}

bool ReviewStore::allJudgements(QVector<Judgement> *out, QString *error) const
{
    return readJudgements(Statement::SelectAllJudgements, {}, out, error);
}

bool ReviewStore::hasJudged(const QString &studyId, const QString &reviewer, bool *out, QString *error) const
{
    QSqlQuery q(m_db);
    if (!run(q, Statement::HasJudged, { studyId, reviewer }, QStringLiteral("reading judgements"), error))
        return false;
    *out = q.next();
    return true;
}

bool ReviewStore::readResolutions(
    Statement statement, const QVariantList &values, QVector<Resolution> *out, QString *error) const
{
    QSqlQuery q(m_db);
    if (!run(q, statement, values, QStringLiteral("reading resolutions"), error))
        return false;
    out->clear();
    while (q.next())
        out->append(resolutionFromRow(q));
    return true;
}

bool ReviewStore::resolution(qint64 id, std::optional<Resolution> *out, QString *error) const
{
    QVector<Resolution> rows;
    if (!readResolutions(Statement::SelectResolution, { id }, &rows, error))
        return false;
    firstOf(rows, out);
    return true;
}

bool ReviewStore::resolutionWrittenBy(qint64 changeId, std::optional<Resolution> *out, QString *error) const
{
    QVector<Resolution> rows;
    if (!readResolutions(Statement::SelectResolutionByChange, { changeId }, &rows, error))
        return false;
    firstOf(rows, out);
    return true;
}

bool ReviewStore::resolutionHead(const QString &studyId, std::optional<Resolution> *out, QString *error) const
{
    QVector<Resolution> rows;
    if (!readResolutions(Statement::SelectResolutionHead, { studyId }, &rows, error))
        return false;
    firstOf(rows, out);
    return true;
}

bool ReviewStore::latestResolutions(QVector<Resolution> *out, QString *error) const
{
    return readResolutions(Statement::SelectLatestResolutions, {}, out, error);
}

bool ReviewStore::allResolutions(QVector<Resolution> *out, QString *error) const
{
    return readResolutions(Statement::SelectAllResolutions, {}, out, error);
}

} // namespace mgreview
