#include "review/reviewoutput.h"

#include "format/studyoutput.h"

#include <QJsonArray>

namespace mgreview {

namespace {

QString timeText(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QString idText(const std::optional<qint64> &id)
{
    return id ? QString::number(*id) : QString();
}

QString csvRow(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &field : fields)
        quoted.append(csvField(field));
    return quoted.join(u',') + QStringLiteral("\r\n");
}

QJsonValue optionalNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject judgementToJson(const Judgement &j)
{
    QJsonObject o { { QStringLiteral("change"), j.changeId }, { QStringLiteral("study"), j.studyId },
        { QStringLiteral("reviewer"), j.reviewer }, { QStringLiteral("value"), j.content.value },
        { QStringLiteral("link"), j.content.link }, { QStringLiteral("reason"), j.content.reason },
        { QStringLiteral("evidence"), j.content.evidence },
        { QStringLiteral("evidence_source"), j.content.evidenceSource },
        { QStringLiteral("page"), j.content.page ? QJsonValue(*j.content.page) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("recorded_at"), timeText(j.recordedAt) } };
    return o;
}

QJsonObject resolutionToJson(const Resolution &r)
{
    return { { QStringLiteral("change"), r.changeId }, { QStringLiteral("study"), r.studyId },
        { QStringLiteral("resolver"), r.resolver }, { QStringLiteral("value"), r.content.value },
        { QStringLiteral("link"), r.content.link }, { QStringLiteral("method"), r.content.method },
        { QStringLiteral("reason"), r.content.reason }, { QStringLiteral("recorded_at"), timeText(r.recordedAt) } };
}

QJsonObject agreementToJson(const PairAgreement &a)
{
    QJsonArray table;
    for (const QVector<int> &row : a.table) {
        QJsonArray cells;
        for (const int count : row)
            cells.append(count);
        table.append(cells);
    }
    const KappaEstimate &e = a.estimate;
    QJsonArray ci;
    if (e.ciLow && e.ciHigh)
        ci = QJsonArray { *e.ciLow, *e.ciHigh };
    return { { QStringLiteral("reviewers"), QJsonArray { a.first, a.second } }, { QStringLiteral("studies"), e.n },
        { QStringLiteral("agreed"), e.agreed },
        { QStringLiteral("percent_agreement"),
            e.n > 0 ? QJsonValue(100.0 * e.observed) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("observed_agreement"), e.observed }, { QStringLiteral("chance_agreement"), e.expected },
        { QStringLiteral("kappa"), optionalNumber(e.kappa) },
        { QStringLiteral("kappa_se"), optionalNumber(e.standardError) },
        { QStringLiteral("kappa_ci95"), e.ciLow ? QJsonValue(ci) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("se_method"), QStringLiteral("Fleiss, Cohen & Everitt 1969 (large-sample)") },
        { QStringLiteral("categories"), QJsonArray::fromStringList(a.categories) }, { QStringLiteral("table"), table },
        { QStringLiteral("study_ids"), QJsonArray::fromStringList(a.studies) } };
}

QStringList judgementCsvColumns()
{
    return { QStringLiteral("change"), QStringLiteral("id"), QStringLiteral("recorded_at"), QStringLiteral("study_id"),
        QStringLiteral("reviewer"), QStringLiteral("value"), QStringLiteral("link"), QStringLiteral("reason"),
        QStringLiteral("evidence"), QStringLiteral("evidence_source"), QStringLiteral("page"),
        QStringLiteral("supersedes") };
}

QString judgementsToCsv(const QVector<Judgement> &judgements)
{
    QString out = csvRow(judgementCsvColumns());
    for (const Judgement &j : judgements) {
        out += csvRow({ QString::number(j.changeId), QString::number(j.id), timeText(j.recordedAt), j.studyId,
            j.reviewer, j.content.value, j.content.link, j.content.reason, j.content.evidence, j.content.evidenceSource,
            j.content.page ? QString::number(*j.content.page) : QString(), idText(j.supersedes) });
    }
    return out;
}

QStringList resolutionCsvColumns()
{
    return { QStringLiteral("change"), QStringLiteral("id"), QStringLiteral("recorded_at"), QStringLiteral("study_id"),
        QStringLiteral("resolver"), QStringLiteral("value"), QStringLiteral("link"), QStringLiteral("method"),
        QStringLiteral("reason"), QStringLiteral("supersedes") };
}

QString resolutionsToCsv(const QVector<Resolution> &resolutions)
{
    QString out = csvRow(resolutionCsvColumns());
    for (const Resolution &r : resolutions) {
        out += csvRow({ QString::number(r.changeId), QString::number(r.id), timeText(r.recordedAt), r.studyId,
            r.resolver, r.content.value, r.content.link, r.content.method, r.content.reason, idText(r.supersedes) });
    }
    return out;
}

QStringList auditCsvColumns()
{
    return { QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("actor"), QStringLiteral("action"),
        QStringLiteral("study_id"), QStringLiteral("before"), QStringLiteral("after"), QStringLiteral("reason"),
        QStringLiteral("undoes") };
}

QString auditToCsv(const QVector<AuditEntry> &entries)
{
    QString out = csvRow(auditCsvColumns());
    for (const AuditEntry &a : entries) {
        out += csvRow({ QString::number(a.id), timeText(a.at), a.actor, a.action, a.studyId, a.before, a.after,
            a.reason, idText(a.undoes) });
    }
    return out;
}

} // namespace mgreview
