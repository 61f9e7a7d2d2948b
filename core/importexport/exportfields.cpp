#include "importexport/exportfields.h"

#include <QRegularExpression>

namespace mgreview {

QString AuthorName::dottedInitials() const
{
    QStringList parts;
    parts.reserve(initials.size());
    for (const QChar c : initials)
        parts.append(QString(c) + u'.');
    return parts.join(u' ');
}

AuthorName splitAuthor(const QString &author)
{
    static const QRegularExpression pattern(QStringLiteral("^(.+?)\\s+(\\p{Lu}{1,4})$"));
    const QString trimmed = author.trimmed();
    const QRegularExpressionMatch match = pattern.match(trimmed);
    if (!match.hasMatch())
        return {trimmed, {}};
    return {match.captured(1), match.captured(2)};
}

ReferenceKind referenceKind(const Study &study)
{
    if (study.design == u"secondary")
        return ReferenceKind::WebPage;
    if (!study.citation.journal.isEmpty())
        return ReferenceKind::JournalArticle;
    return ReferenceKind::Generic;
}

bool exportablePages(const Study &study)
{
    return !study.citation.pages.isEmpty() && study.isVerified(Field::Pages);
}

QString singleLine(const QString &text)
{
    static const QRegularExpression breaks(QStringLiteral("\\s*(\\r\\n|\\r|\\n|\\t)\\s*"));
    if (!text.contains(u'\n') && !text.contains(u'\r') && !text.contains(u'\t'))
        return text;
    QString out = text;
    out.replace(breaks, QStringLiteral(" "));
    return out;
}

QStringList exportNotes(const Study &s)
{
    QStringList notes;
    if (!s.funding.statement.isEmpty())
        notes.append(QStringLiteral("Funding statement: ") + singleLine(s.funding.statement));
    if (!s.funding.coiStatement.isEmpty())
        notes.append(QStringLiteral("Conflicts of interest: ") + singleLine(s.funding.coiStatement));
    if (!s.funding.funders.isEmpty()) {
        QStringList funders;
        for (const Funder &f : s.funding.funders)
            funders.append(f.type.isEmpty() ? f.name : QStringLiteral("%1 (%2)").arg(f.name, f.type));
        notes.append(QStringLiteral("Funders: ") + singleLine(funders.join(QStringLiteral("; "))));
    }
    if (!s.independence.value.isEmpty()) {
        QString line = QStringLiteral("Funding independence: ") + s.independence.value;
        if (!s.independence.link.isEmpty())
            line += QStringLiteral(" (%1)").arg(s.independence.link);
        line += QStringLiteral("; source: ") + toString(s.independence.source);
        if (!s.independence.reason.isEmpty())
            line += QStringLiteral("; reason: ") + singleLine(s.independence.reason);
        notes.append(line);
    }
    if (!s.ids.registration.isEmpty())
        notes.append(QStringLiteral("Registration: ") + s.ids.registration);
    for (const Conclusion &c : s.conclusions) {
        const QString where = c.where.isEmpty() ? c.source : c.source + QStringLiteral(", ") + singleLine(c.where);
        notes.append(QStringLiteral("Conclusion (%1): %2").arg(where, singleLine(c.text)));
    }
    for (auto it = s.notVerified.cbegin(); it != s.notVerified.cend(); ++it)
        notes.append(QStringLiteral("Not verified: %1: %2").arg(it.key(), singleLine(it.value())));
    return notes;
}

} // namespace mgreview
