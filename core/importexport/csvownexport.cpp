#include "importexport/csvownexport.h"

#include "importexport/exportnotesreader.h"

#include <QHash>

namespace mgreview {

bool isOwnCsvExportHeader(const QStringList &header)
{
    return header.contains(QStringLiteral("id")) && header.contains(QStringLiteral("independence_source"))
           && header.contains(QStringLiteral("conclusions"));
}

void readOwnCsvRow(const QStringList &header, const QStringList &fields, Study *study)
{
    const auto value = [&](const char *name) {
        const qsizetype i = header.indexOf(QLatin1StringView(name));
        return i >= 0 && i < fields.size() ? fields.at(i) : QString();
    };
    const auto lines = [](const QString &text) {
        return text.isEmpty() ? QStringList() : text.split(u'\n');
    };
    if (const QString id = value("id").trimmed(); isStudyIdText(id))
        study->id = id;
    if (const QString authors = value("authors"); !authors.trimmed().isEmpty())
        study->citation.authors = authors.split(QStringLiteral("; "), Qt::SkipEmptyParts);
    study->funding.statement = value("funding");
    study->funding.coiStatement = value("coi");
    study->conclusions.clear();
    for (const QString &text : lines(value("conclusions")))
        study->conclusions.append({text, {}, {}, {}});
    study->ids.pmcid = value("pmcid").trimmed();
    study->ids.registration = value("registration").trimmed();
    for (const QString &line : lines(value("not_verified"))) {
        const qsizetype colon = line.indexOf(QStringLiteral(": "));
        if (colon > 0)
            study->notVerified.insert(line.left(colon), line.mid(colon + 2));
        else if (!line.trimmed().isEmpty())
            study->notVerified.insert(line.trimmed().chopped(line.trimmed().endsWith(u':') ? 1 : 0), QString());
    }
    // "design=curated; populations=rule; …": only curated codes belong to the record.
    QHash<QString, QString> codedBy;
    for (const QString &pair : value("coded_by").split(QStringLiteral("; "), Qt::SkipEmptyParts))
        codedBy.insert(pair.section(u'=', 0, 0).trimmed(), pair.section(u'=', 1).trimmed());
    const auto curated = [&](const char *name) { return codedBy.value(QLatin1StringView(name)) == u"curated"; };
    const auto ids = [](const QString &joined) { return joined.split(u';', Qt::SkipEmptyParts); };
    if (curated("design"))
        study->design = value("design").trimmed();
    if (curated("populations"))
        study->populations = ids(value("populations").trimmed());
    if (curated("cramp_types"))
        study->crampTypes = ids(value("cramp_types").trimmed());
    if (curated("direction"))
        study->direction = value("direction").trimmed();
    if (value("independence_source").trimmed() == u"curated")
        study->independence = {value("independence").trimmed(), value("independence_link").trimmed(),
                               value("independence_reason"), ClassificationSource::Curated};
}

} // namespace mgreview
