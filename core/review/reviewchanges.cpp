#include "review/reviewchanges.h"

#include "review/reviewstore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mgreview {

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

/// The audit state of a judgement slot: the standing judgement, or "" when there is none.
QString stateJson(const QString &reviewer, const JudgementContent &content)
{
    if (content.isWithdrawn())
        return {};
    QJsonObject o = content.toJson();
    o.insert(QStringLiteral("reviewer"), reviewer);
    return compactJson(o);
}

QString stateJson(const QString &resolver, const ResolutionContent &content)
{
    if (content.isWithdrawn())
        return {};
    QJsonObject o = content.toJson();
    o.insert(QStringLiteral("resolver"), resolver);
    return compactJson(o);
}

/// Appends a change of `reviewer`'s judgement slot: the audit entry, then the row.
std::optional<qint64> appendJudgementChange(ReviewStore &store, const QString &studyId, const QString &reviewer,
    const QString &action, const std::optional<Judgement> &head, const JudgementContent &after, const QString &reason,
    std::optional<qint64> undoes, QString *error)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const AuditEntry entry { 0, now, reviewer, action, studyId, head ? stateJson(reviewer, head->content) : QString(),
        stateJson(reviewer, after), reason, undoes };
    const std::optional<qint64> changeId = store.appendAudit(entry, error);
    if (!changeId)
        return std::nullopt;
    const Judgement row { 0, studyId, reviewer, after, now, *changeId,
        head ? std::optional<qint64>(head->id) : std::nullopt };
    if (!store.appendJudgement(row, error))
        return std::nullopt;
    return changeId;
}

/// Appends a change of a study's resolution; `actor` did it, `resolver` is named in the row.
std::optional<qint64> appendResolutionChange(ReviewStore &store, const QString &studyId, const QString &actor,
    const QString &resolver, const QString &action, const std::optional<Resolution> &head,
    const ResolutionContent &after, const QString &reason, std::optional<qint64> undoes, QString *error)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const AuditEntry entry { 0, now, actor, action, studyId,
        head ? stateJson(head->resolver, head->content) : QString(), stateJson(resolver, after), reason, undoes };
    const std::optional<qint64> changeId = store.appendAudit(entry, error);
    if (!changeId)
        return std::nullopt;
    const Resolution row { 0, studyId, resolver, after, now, *changeId,
        head ? std::optional<qint64>(head->id) : std::nullopt };
    if (!store.appendResolution(row, error))
        return std::nullopt;
    return changeId;
}

} // namespace mgreview
