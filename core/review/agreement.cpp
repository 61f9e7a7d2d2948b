#include "review/agreement.h"

#include "review/judgement.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace mgreview {

namespace {

// The 0.975 quantile of the standard normal distribution.
constexpr double kZ975 = 1.959963984540054;

} // namespace

KappaEstimate cohensKappa(const QVector<QVector<int>> &table)
{
    KappaEstimate e;
    const qsizetype k = table.size();
    for (const QVector<int> &row : table) {
        if (row.size() != k)
            return e;
    }
    for (qsizetype i = 0; i < k; ++i) {
        for (qsizetype j = 0; j < k; ++j)
            e.n += table[i][j];
        e.agreed += table[i][i];
    }
    if (e.n <= 0)
        return e;

    // Proportions p_ij and the margins p_i. (first rater) and p_.j (second rater).
    const double n = e.n;
    QVector<double> rowMargin(k, 0.0), columnMargin(k, 0.0);
    for (qsizetype i = 0; i < k; ++i) {
        for (qsizetype j = 0; j < k; ++j) {
            rowMargin[i] += table[i][j] / n;
            columnMargin[j] += table[i][j] / n;
        }
    }
    e.observed = e.agreed / n;
    for (qsizetype i = 0; i < k; ++i)
        e.expected += rowMargin[i] * columnMargin[i];
    if (1.0 - e.expected < 1e-12)
        return e;
    const double kappa = (e.observed - e.expected) / (1.0 - e.expected);
    e.kappa = kappa;

    // Large-sample variance of kappa, Fleiss JL, Cohen J, Everitt BS. Large sample standard
    // errors of kappa and weighted kappa. Psychological Bulletin 1969;72:323-327 (also in
    // Fleiss, Levin & Paik, Statistical Methods for Rates and Proportions, 3rd ed., Wiley 2003,
    // chapter 18):
    //
    //   Var = [ Σ_i p_ii (1 - (p_i. + p_.i)(1 - κ))²
    //         + (1 - κ)² Σ_{i≠j} p_ij (p_.i + p_j.)²
    //         - (κ - p_e (1 - κ))² ] / (n (1 - p_e)²)
    //
    // It is the delta-method variance of κ under the multinomial model, valid whatever the
    // true κ, and the one SAS PROC FREQ reports as "ASE". (Cohen's own 1960 approximation,
    // p_o(1 - p_o) / (n (1 - p_e)²), which Altman's textbook uses, ignores the uncertainty of
    // the margins; it is not used here.)
    const double oneMinusKappa = 1.0 - kappa;
    double diagonal = 0, offDiagonal = 0;
    for (qsizetype i = 0; i < k; ++i) {
        for (qsizetype j = 0; j < k; ++j) {
            const double p = table[i][j] / n;
            if (i == j) {
                const double term = 1.0 - (rowMargin[i] + columnMargin[i]) * oneMinusKappa;
                diagonal += p * term * term;
            } else {
                const double margins = columnMargin[i] + rowMargin[j];
                offDiagonal += p * margins * margins;
            }
        }
    }
    const double correction = kappa - e.expected * oneMinusKappa;
    const double variance = (diagonal + oneMinusKappa * oneMinusKappa * offDiagonal - correction * correction)
        / (n * (1.0 - e.expected) * (1.0 - e.expected));
    const double se = std::sqrt(std::max(0.0, variance)); // rounding can leave -1e-17 at κ = 1
    e.standardError = se;
    e.ciLow = std::max(-1.0, kappa - kZ975 * se);
    e.ciHigh = std::min(1.0, kappa + kZ975 * se);
    return e;
}

PairAgreement agreementBetween(const QString &first, const QString &second, const ReviewerRatings &ratings)
{
    PairAgreement out;
    out.first = first;
    out.second = second;
    out.categories = ReviewWords::values();
    const qsizetype k = out.categories.size();
    out.table = QVector<QVector<int>>(k, QVector<int>(k, 0));
    for (auto it = ratings.cbegin(); it != ratings.cend(); ++it) {
        const qsizetype row = out.categories.indexOf(it.value().value(first));
        const qsizetype column = out.categories.indexOf(it.value().value(second));
        if (row < 0 || column < 0)
            continue;
        ++out.table[row][column];
        out.studies.append(it.key());
    }
    out.studies.sort();
    out.estimate = cohensKappa(out.table);
    return out;
}

QVector<PairAgreement> agreementOfAllPairs(const ReviewerRatings &ratings)
{
    QSet<QString> reviewerSet;
    for (const QHash<QString, QString> &byReviewer : ratings) {
        for (auto it = byReviewer.cbegin(); it != byReviewer.cend(); ++it)
            reviewerSet.insert(it.key());
    }
    QStringList reviewers(reviewerSet.cbegin(), reviewerSet.cend());
    reviewers.sort(Qt::CaseInsensitive);
    QVector<PairAgreement> out;
    for (qsizetype a = 0; a < reviewers.size(); ++a) {
        for (qsizetype b = a + 1; b < reviewers.size(); ++b) {
            PairAgreement pair = agreementBetween(reviewers.at(a), reviewers.at(b), ratings);
            if (pair.estimate.n > 0)
                out.append(std::move(pair));
        }
    }
    return out;
}

} // namespace mgreview
