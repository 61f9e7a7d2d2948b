#include "importexport/csvexport.h"

#include "format/studyoutput.h"
#include "importexport/exportfields.h"

#include <iterator>

namespace mgreview {

QStringList exportCsvColumns()
{
    return {QStringLiteral("id"),          QStringLiteral("authors"),
            QStringLiteral("year"),        QStringLiteral("title"),
            QStringLiteral("journal"),     QStringLiteral("doi"),
            QStringLiteral("pmid"),        QStringLiteral("design"),
            QStringLiteral("populations"), QStringLiteral("cramp_types"),
            QStringLiteral("direction"),   QStringLiteral("independence"),
            QStringLiteral("independence_source"), QStringLiteral("funding"),
            QStringLiteral("coi"),         QStringLiteral("conclusions"),
            QStringLiteral("coded_by"),    QStringLiteral("independence_link"),
            QStringLiteral("independence_reason"), QStringLiteral("volume"),
            QStringLiteral("issue"),       QStringLiteral("pages"),
            QStringLiteral("pmcid"),       QStringLiteral("registration"),
            QStringLiteral("abstract"),    QStringLiteral("keywords"),
            QStringLiteral("not_verified")};
}

QByteArray exportCsvHeader(bool byteOrderMark)
{
    QByteArray out = byteOrderMark ? QByteArrayLiteral("\xEF\xBB\xBF") : QByteArray();
    return out + exportCsvColumns().join(u',').toUtf8() + "\r\n";
}

QByteArray exportCsvRow(const Study &s, const ClassificationSources &sources)
{
    QStringList conclusions;
    conclusions.reserve(s.conclusions.size());
    for (const Conclusion &c : s.conclusions)
        conclusions.append(singleLine(c.text)); // one per line: a break inside one would split it
    QStringList notVerified;
    for (auto it = s.notVerified.cbegin(); it != s.notVerified.cend(); ++it)
        notVerified.append(it.key() + QStringLiteral(": ") + singleLine(it.value()));
    const QString codedBy = QStringLiteral("design=%1; populations=%2; cramp_types=%3; direction=%4")
                                .arg(sources.design, sources.populations, sources.crampTypes, sources.direction);
    const QString fields[] = {s.id,
                              s.citation.authors.join(QStringLiteral("; ")),
                              s.citation.year > 0 ? QString::number(s.citation.year) : QString(),
                              s.citation.title,
                              s.citation.journal,
                              s.ids.doi,
                              s.ids.pmid,
                              s.design,
                              s.populations.join(u';'),
                              s.crampTypes.join(u';'),
                              s.direction,
                              s.independence.value,
                              toString(s.independence.source),
                              s.funding.statement,
                              s.funding.coiStatement,
                              conclusions.join(u'\n'),
                              codedBy,
                              s.independence.link,
                              s.independence.reason,
                              s.citation.volume,
                              s.citation.issue,
                              exportablePages(s) ? s.citation.pages : QString(),
                              s.ids.pmcid,
                              s.ids.registration,
                              s.abstract,
                              s.keywords.join(QStringLiteral("; ")),
                              notVerified.join(u'\n')};
    QString row;
    for (qsizetype i = 0; i < qsizetype(std::size(fields)); ++i) {
        if (i > 0)
            row += u',';
        row += csvField(fields[i]);
    }
    return (row + QStringLiteral("\r\n")).toUtf8();
}

} // namespace mgreview
