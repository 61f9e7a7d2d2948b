#include "review/reviewoutcome.h"

#include "store/sqldialect.h"

#include "review/reviewstore.h"
#include "store/database.h"

#include <algorithm>

namespace mgreview {

namespace {

QString dateText(const QDateTime &at)
{
    return at.toUTC().toString(QStringLiteral("yyyy-MM-dd"));
}

QString evidenceLabel(const QString &source)
{
    if (source == QLatin1String(EvidenceSource::FundingStatement))
        return QStringLiteral("funding statement");
    if (source == QLatin1String(EvidenceSource::CoiStatement))
        return QStringLiteral("conflict-of-interest statement");
    if (source == QLatin1String(EvidenceSource::FundingNotes))
        return QStringLiteral("funding notes");
    if (source == QLatin1String(EvidenceSource::Page))
        return QStringLiteral("quoted from the full text");
    return QStringLiteral("not found in the funding or COI statements");
}

/// "Bea, 2025-01-02: reason. Evidence (COI statement, p. 3): "quote""
QString judgementReason(const Judgement &j)
{
    QString text = QStringLiteral("%1, %2: %3").arg(j.reviewer, dateText(j.recordedAt), j.content.reason);
    if (!j.content.evidence.isEmpty()) {
        QString where = evidenceLabel(j.content.evidenceSource);
        if (j.content.page)
            where += QStringLiteral(", p. %1").arg(*j.content.page);
        text += QStringLiteral(" Evidence (%1): \"%2\"").arg(where, j.content.evidence);
    }
    return text;
}

QString joinNames(const QStringList &names)
{
    if (names.size() <= 1)
        return names.join(QString());
    return QStringList(names.mid(0, names.size() - 1)).join(QStringLiteral(", ")) + QStringLiteral(" and ")
        + names.constLast();
}

Independence reviewerIndependence(const QString &value, const QString &link, const QString &reason)
{
    // The link is '' rather than null: the store projects these values into NOT NULL columns.
    return { value, link.isNull() ? QStringLiteral("") : link, reason, ClassificationSource::Reviewer };
}

} // namespace

QString toString(ReviewOutcome::State state)
{
    switch (state) {
    case ReviewOutcome::State::Single:
        return QStringLiteral("single");
    case ReviewOutcome::State::Agreed:
        return QStringLiteral("agreed");
    case ReviewOutcome::State::Disagreement:
        return QStringLiteral("disagreement");
    case ReviewOutcome::State::Resolved:
        return QStringLiteral("resolved");
    case ReviewOutcome::State::None:
        break;
    }
    return QStringLiteral("none");
}

ReviewOutcome reviewOutcome(const QVector<Judgement> &latestRows, const std::optional<Resolution> &latestResolution)
{
    ReviewOutcome out;
    for (const Judgement &j : latestRows) {
        if (!j.content.isWithdrawn())
            out.judgements.append(j);
    }
    std::sort(out.judgements.begin(), out.judgements.end(),
        [](const Judgement &a, const Judgement &b) { return a.id < b.id; });
    if (latestResolution && !latestResolution->content.isWithdrawn())
        out.resolution = latestResolution;

    if (out.resolution) {
        const Resolution &r = *out.resolution;
        out.state = ReviewOutcome::State::Resolved;
        const QString method
            = r.content.method == u"third-reviewer" ? QStringLiteral("third reviewer") : QStringLiteral("consensus");
        out.independence = reviewerIndependence(r.content.value, r.content.link,
            QStringLiteral("resolved by %1 (%2), %3: %4")
                .arg(r.resolver, method, dateText(r.recordedAt), r.content.reason));
        return out;
    }
    if (out.judgements.isEmpty())
        return out;
    if (out.judgements.size() == 1) {
        const Judgement &j = out.judgements.constFirst();
        out.state = ReviewOutcome::State::Single;
        out.independence = reviewerIndependence(j.content.value, j.content.link, judgementReason(j));
        return out;
    }
    const Judgement &first = out.judgements.constFirst();
    bool agree = true;
    QStringList names, reasons, positions;
    for (const Judgement &j : std::as_const(out.judgements)) {
        agree = agree && j.content.value == first.content.value && j.content.link == first.content.link;
        names.append(j.reviewer);
        reasons.append(judgementReason(j));
        positions.append(
            QStringLiteral("%1 says %2").arg(j.reviewer, describeJudgement(j.content.value, j.content.link)));
    }
    if (agree) {
        out.state = ReviewOutcome::State::Agreed;
        out.independence = reviewerIndependence(first.content.value, first.content.link,
            QStringLiteral("%1 agree. %2").arg(joinNames(names), reasons.join(u' ')));
        return out;
    }
    out.state = ReviewOutcome::State::Disagreement;
    const bool sameValue = std::all_of(out.judgements.cbegin(), out.judgements.cend(),
        [&](const Judgement &j) { return j.content.value == first.content.value; });
    if (sameValue) {
        // Only the link type is disputed: the study is industry-linked either way, and the
        // filter should say so while the conflict waits for a resolution.
        QStringList links;
        for (const Judgement &j : std::as_const(out.judgements))
            links.append(QStringLiteral("%1 says %2").arg(j.reviewer, j.content.link));
        out.independence = reviewerIndependence(first.content.value, QString(),
            QStringLiteral("reviewers agree on %1 but disagree on the link: %2 \u2014 awaiting resolution")
                .arg(first.content.value, links.join(QStringLiteral(", "))));
        return out;
    }
    out.independence = reviewerIndependence(QString::fromLatin1(ReviewWords::Unclear), QString(),
        QStringLiteral("reviewers disagree: %1 \u2014 awaiting resolution").arg(positions.join(QStringLiteral(", "))));
    return out;
}

bool reviewOutcomes(const ReviewStore &store, QHash<QString, ReviewOutcome> *out, QString *error)
{
    QVector<Judgement> judgements;
    QVector<Resolution> resolutions;
    if (!store.latestJudgements(&judgements, error) || !store.latestResolutions(&resolutions, error))
        return false;
    QHash<QString, QVector<Judgement>> byStudy;
    for (const Judgement &j : std::as_const(judgements))
        byStudy[j.studyId].append(j);
    QHash<QString, Resolution> resolutionOf;
    for (const Resolution &r : std::as_const(resolutions)) {
        resolutionOf.insert(r.studyId, r);
        byStudy[r.studyId]; // a study with a resolution but no standing judgement still counts
    }
    out->clear();
    for (auto it = byStudy.cbegin(); it != byStudy.cend(); ++it) {
        const auto resolution = resolutionOf.constFind(it.key());
        ReviewOutcome outcome = reviewOutcome(
            it.value(), resolution == resolutionOf.cend() ? std::nullopt : std::optional<Resolution>(*resolution));
        if (outcome.decides())
            out->insert(it.key(), std::move(outcome));
    }
    return true;
}

std::optional<QHash<QString, Independence>> reviewerIndependenceByStudy(const Database &database, QString *error)
{
    QSqlDatabase db = database.connection();
    QHash<QString, Independence> out;
    // A library opened without migrating (diagnostics, migration tests) has no review yet.
    if (!Sql::tableExists(database.dialect(), db, QStringLiteral("review_judgements")))
        return out;
    QHash<QString, ReviewOutcome> outcomes;
    if (!reviewOutcomes(ReviewStore(db), &outcomes, error))
        return std::nullopt;
    out.reserve(outcomes.size());
    for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
        out.insert(it.key(), it.value().independence);
    return out;
}

} // namespace mgreview
