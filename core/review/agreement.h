#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace mgreview {

/// Agreement of two raters on a square table of counts (rows: first rater, columns: second).
struct KappaEstimate {
    int n = 0; ///< Items rated by both.
    int agreed = 0; ///< Items on the diagonal.
    double observed = 0; ///< p_o: proportion of agreement (0 when n is 0).
    double expected = 0; ///< p_e: agreement expected by chance from the margins.
    /// Cohen's kappa, (p_o - p_e) / (1 - p_e); none when n is 0 or p_e is 1 (both raters
    /// used one and the same category throughout, so chance explains everything).
    std::optional<double> kappa;
    /// Large-sample standard error of kappa (Fleiss, Cohen & Everitt 1969), for the CI.
    std::optional<double> standardError;
    /// 95 % confidence interval, kappa ± 1.96 SE, cut to [-1, 1].
    std::optional<double> ciLow;
    std::optional<double> ciHigh;
};

/// Cohen's kappa with its 95 % confidence interval. An empty or non-square table gives n 0.
KappaEstimate cohensKappa(const QVector<QVector<int>> &table);

/// Two reviewers' agreement on funding independence.
struct PairAgreement {
    QString first; ///< Rows of the table.
    QString second; ///< Columns.
    QStringList categories; ///< independent, industry-linked, unclear.
    QVector<QVector<int>> table;
    QStringList studies; ///< The studies both assessed, sorted.
    KappaEstimate estimate;
};

/// Ratings to compare: study id -> (reviewer -> value word).
using ReviewerRatings = QHash<QString, QHash<QString, QString>>;

/// The agreement of two reviewers over the studies both rated (value only: independent,
/// industry-linked, unclear; the link type is not compared).
PairAgreement agreementBetween(const QString &first, const QString &second, const ReviewerRatings &ratings);
/// Every pair of reviewers (sorted by name) that rated at least one study in common.
QVector<PairAgreement> agreementOfAllPairs(const ReviewerRatings &ratings);

} // namespace mgreview
