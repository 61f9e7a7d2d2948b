// verify-quotes [ID]: look for each verbatim conclusion in each attached PDF (docs/pdfs.md).
#include "commands.h"
#include "commandsupport.h"
#include "usage.h"

#include "pdf/attachmentstore.h"
#include "pdf/quotecheck.h"
#include "store/studystore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace mgreview::cli {

namespace {

QJsonObject checkJson(const QuoteCheck &check)
{
    const QuoteMatch &m = check.match;
    QJsonObject object{
        {QStringLiteral("study"), check.studyId},
        {QStringLiteral("conclusion"), check.conclusionIndex + 1},
        {QStringLiteral("quote"), check.quote},
        {QStringLiteral("pdf"), check.pdfFileName},
        {QStringLiteral("label"), check.pdfLabel},
        {QStringLiteral("sha256"), check.sha256},
        {QStringLiteral("status"), toString(m.status)},
        {QStringLiteral("page"), m.page > 0 ? QJsonValue(m.page) : QJsonValue()},
        {QStringLiteral("position"), m.page > 0 ? QJsonValue(qint64(m.position)) : QJsonValue()},
        {QStringLiteral("similarity"), std::round(m.similarity * 1000.0) / 1000.0},
        {QStringLiteral("passage"), m.status == QuoteStatus::Verified ? QString() : m.passage},
        {QStringLiteral("checked_at"), check.checkedAt},
    };
    if (!check.problem.isEmpty())
        object.insert(QStringLiteral("problem"), check.problem);
    return object;
}

} // namespace

int runVerifyQuotes(const CommandContext &context)
{
    const Arguments &a = context.arguments;
    StudyStore studies(context.database);
    QString error;
    QStringList ids;
    if (!a.id.isEmpty()) {
        if (!studies.contains(a.id))
            return report(context, QStringLiteral("no study with id '%1'").arg(a.id));
        ids.append(a.id);
    } else {
        const std::optional<QVector<Attachment>> all = AttachmentStore(context.database).all(&error);
        if (!all)
            return report(context, error);
        for (const Attachment &attachment : *all) {
            if (!ids.contains(attachment.studyId))
                ids.append(attachment.studyId);
        }
    }
    QVector<QuoteCheck> checks;
    for (const QString &id : std::as_const(ids)) {
        const std::optional<Study> study = studies.load(id, &error);
        if (!study)
            return report(context, error.isEmpty() ? QStringLiteral("no study with id '%1'").arg(id) : error);
        const QuoteCheckOptions options{childProcessExtraction(a), a.password};
        const std::optional<QVector<QuoteCheck>> done = QuoteCheckService(context.database, options).verify(*study, &error);
        if (!done)
            return report(context, error);
        checks += *done;
    }
    if (a.format == OutputFormat::Json) {
        QJsonArray array;
        for (const QuoteCheck &check : std::as_const(checks))
            array.append(checkJson(check));
        context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    } else {
        context.out << QStringLiteral("STUDY                          #  STATUS     PAGE  SIMILARITY  PDF\n");
        for (const QuoteCheck &check : std::as_const(checks)) {
            context.out << check.studyId.leftJustified(30) << u' '
                        << QString::number(check.conclusionIndex + 1).leftJustified(3)
                        << toString(check.match.status).leftJustified(11)
                        << (check.match.page > 0 ? QString::number(check.match.page) : QStringLiteral("-")).leftJustified(6)
                        << QString::number(check.match.similarity, 'f', 2).leftJustified(12) << check.pdfFileName
                        << u'\n';
            if (!check.problem.isEmpty())
                context.out << QStringLiteral("    problem: ") << check.problem << u'\n';
            else if (check.match.status != QuoteStatus::Verified && !check.match.passage.isEmpty())
                context.out << QStringLiteral("    closest: ") << check.match.passage.left(200) << u'\n';
        }
    }
    const bool locked = std::any_of(checks.cbegin(), checks.cend(), [](const QuoteCheck &check) {
        return check.problemStatus == PdfOpenStatus::NeedsPassword || check.problemStatus == PdfOpenStatus::WrongPassword;
    });
    if (locked)
        context.err << kProgramName << QStringLiteral(": encrypted PDFs were not checked: give their password "
                                                      "with --password P (it is not stored)\n");
    if (checks.isEmpty())
        context.err << kProgramName
                    << (a.id.isEmpty() ? QStringLiteral(": no study has both PDFs and conclusions to check\n")
                                       : QStringLiteral(": %1 has no PDF or no conclusion to check\n").arg(a.id));
    return ExitSuccess;
}

} // namespace mgreview::cli
