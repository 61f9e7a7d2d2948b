#include "pdf/quotecheck.h"

#include "model/study.h"
#include "pdf/attachmentstore.h"
#include "pdf/pdfindexing.h"
#include "pdf/pdftextstore.h"
#include "pdf/quotenormalizer.h"
#include "store/database.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace mgreview {

QuoteCheckService::QuoteCheckService(const Database &database, const QuoteCheckOptions &options)
    : m_database(database),
      m_options(options)
{
}

std::optional<QVector<QuoteCheck>> QuoteCheckService::verify(const Study &study, QString *error)
{
    const std::optional<QVector<Attachment>> pdfs = AttachmentStore(m_database).attachments(study.id, error);
    if (!pdfs)
        return std::nullopt;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    PdfTextStore texts(m_database);
    QVector<QuoteCheck> checks;
    for (const Attachment &pdf : *pdfs) {
        QString problem;
        PdfOpenStatus problemStatus = PdfOpenStatus::Ok;
        if (pdf.textStatus != u"indexed") {
            const PdfIndexOutcome outcome =
                indexPdfText(m_database, pdf, m_options.password, nullptr, m_options.extraction);
            if (!outcome.indexed) {
                problem = outcome.message.isEmpty() ? QStringLiteral("%1: text not readable").arg(pdf.originalName)
                                                    : outcome.message;
                problemStatus = outcome.openStatus == PdfOpenStatus::Ok ? PdfOpenStatus::Corrupt : outcome.openStatus;
            }
        }
        const std::optional<QVector<QString>> pages = texts.pages(pdf.sha256, error);
        if (!pages)
            return std::nullopt;
        // Normalised once per PDF, then searched for every conclusion.
        const QuoteSearchText searchText(*pages);
        for (int i = 0; i < study.conclusions.size(); ++i) {
            QuoteCheck check;
            check.studyId = study.id;
            check.conclusionIndex = i;
            check.quote = study.conclusions.at(i).text;
            check.sha256 = pdf.sha256;
            check.pdfLabel = pdf.label;
            check.pdfFileName = pdf.originalName;
            check.checkedAt = now;
            check.problem = problem;
            check.problemStatus = problemStatus;
            if (problem.isEmpty())
                check.match = QuoteVerifier::find(check.quote, searchText);
            checks.append(check);
        }
    }
    std::sort(checks.begin(), checks.end(), [](const QuoteCheck &a, const QuoteCheck &b) {
        return a.conclusionIndex < b.conclusionIndex;
    });
    if (!save(study.id, checks, error))
        return std::nullopt;
    return checks;
}

bool QuoteCheckService::save(const QString &studyId, const QVector<QuoteCheck> &checks, QString *error)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (!transaction.isActive()) {
        *error = QStringLiteral("cannot write to the library: %1").arg(transaction.beginError());
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM quote_checks WHERE study_id = ?"));
    q.addBindValue(studyId);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("replacing quote checks of '%1'").arg(studyId), q);
        return false;
    }
    q.prepare(QStringLiteral("INSERT INTO quote_checks(study_id, conclusion_index, sha256, quote, status, page, "
                             "position, length, similarity, passage, checked_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QuoteCheck &check : checks) {
        const bool located = check.match.page > 0;
        q.addBindValue(check.studyId);
        q.addBindValue(check.conclusionIndex);
        q.addBindValue(check.sha256);
        q.addBindValue(sqlText(check.quote));
        q.addBindValue(toString(check.match.status));
        q.addBindValue(located ? QVariant(check.match.page) : QVariant(QMetaType::fromType<int>()));
        q.addBindValue(located ? QVariant(qint64(check.match.position)) : QVariant(QMetaType::fromType<qint64>()));
        q.addBindValue(located ? QVariant(qint64(check.match.length)) : QVariant(QMetaType::fromType<qint64>()));
        q.addBindValue(check.match.similarity);
        q.addBindValue(sqlText(check.problem.isEmpty() ? check.match.passage : check.problem));
        q.addBindValue(check.checkedAt);
        if (!q.exec()) {
            *error = describeSqlError(QStringLiteral("saving a quote check of '%1'").arg(studyId), q);
            return false;
        }
    }
    return transaction.commit(error);
}

std::optional<QVector<QuoteCheck>> QuoteCheckService::stored(const QString &studyId, QString *error) const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT c.conclusion_index, c.sha256, c.quote, c.status, c.page, c.position, c.length, "
                             "c.similarity, c.passage, c.checked_at, a.label, a.original_name "
                             "FROM quote_checks c LEFT JOIN pdf_attachments a "
                             "ON a.study_id = c.study_id AND a.sha256 = c.sha256 "
                             "WHERE c.study_id = ? ORDER BY c.conclusion_index, a.id"));
    q.addBindValue(studyId);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("reading quote checks of '%1'").arg(studyId), q);
        return std::nullopt;
    }
    QVector<QuoteCheck> out;
    while (q.next()) {
        QuoteCheck check;
        check.studyId = studyId;
        check.conclusionIndex = q.value(0).toInt();
        check.sha256 = q.value(1).toString();
        check.quote = q.value(2).toString();
        check.match.status = quoteStatusFromString(q.value(3).toString());
        check.match.page = q.value(4).isNull() ? 0 : q.value(4).toInt();
        check.match.position = q.value(5).isNull() ? -1 : q.value(5).toLongLong();
        check.match.length = q.value(6).isNull() ? 0 : q.value(6).toLongLong();
        check.match.similarity = q.value(7).toDouble();
        check.match.passage = q.value(8).toString();
        check.checkedAt = q.value(9).toString();
        check.pdfLabel = q.value(10).toString();
        check.pdfFileName = q.value(11).toString();
        out.append(check);
    }
    return out;
}

} // namespace mgreview
