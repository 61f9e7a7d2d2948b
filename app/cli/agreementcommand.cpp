#include "commands.h"
#include "commandsupport.h"

#include "review/reviewoutput.h"
#include "review/reviewservice.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mgreview::cli {

namespace {

QString number(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

QString pairText(const PairAgreement &a)
{
    const KappaEstimate &e = a.estimate;
    QString out = QStringLiteral("%1 and %2: %3 studies judged by both\n").arg(a.first, a.second).arg(e.n);
    if (e.n == 0)
        return out + QStringLiteral("  nothing to compare yet\n");
    // Rows: the first reviewer; columns: the second.
    constexpr int kLabel = 18, kCell = 17;
    out += QStringLiteral("  ") + a.first.leftJustified(kLabel) + QStringLiteral("  ") + a.second + u'\n';
    out += QStringLiteral("  ") + QString().leftJustified(kLabel);
    for (const QString &category : a.categories)
        out += category.rightJustified(kCell);
    out += u'\n';
    for (qsizetype i = 0; i < a.categories.size(); ++i) {
        out += QStringLiteral("  ") + a.categories.at(i).leftJustified(kLabel);
        for (const int count : a.table.at(i))
            out += QString::number(count).rightJustified(kCell);
        out += u'\n';
    }
    out += QStringLiteral("  observed agreement  %1 % (%2 of %3)\n")
               .arg(number(100 * e.observed, 1))
               .arg(e.agreed)
               .arg(e.n);
    out += QStringLiteral("  chance agreement    %1 %\n").arg(number(100 * e.expected, 1));
    if (e.kappa) {
        out += QStringLiteral("  Cohen's kappa       %1 (95 % CI %2 to %3; SE %4, Fleiss, Cohen & Everitt 1969)\n")
                   .arg(number(*e.kappa, 2), number(*e.ciLow, 2), number(*e.ciHigh, 2), number(*e.standardError, 3));
    } else {
        out += QStringLiteral("  Cohen's kappa       not defined: both reviewers used one and the same value "
                              "throughout\n");
    }
    return out;
}

} // namespace

int runAgreement(const CommandContext &context)
{
    QString error;
    const std::optional<QVector<PairAgreement>> pairs
        = ReviewService(context.database).agreement(context.arguments.reviewers, &error);
    if (!pairs)
        return report(context, error);
    if (context.arguments.format == OutputFormat::Json) {
        QJsonArray array;
        for (const PairAgreement &pair : *pairs)
            array.append(agreementToJson(pair));
        context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return ExitSuccess;
    }
    if (pairs->isEmpty()) {
        context.out << QStringLiteral("no two reviewers have judged the same study yet\n");
        return ExitSuccess;
    }
    for (qsizetype i = 0; i < pairs->size(); ++i)
        context.out << (i > 0 ? QStringLiteral("\n") : QString()) << pairText(pairs->at(i));
    return ExitSuccess;
}

} // namespace mgreview::cli
