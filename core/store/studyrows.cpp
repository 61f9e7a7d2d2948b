#include "store/studyrows.h"

#include "format/studyjson.h"
#include "store/database.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace mgreview {

QByteArray studyToRecordJson(const Study &study)
{
    return QJsonDocument(studyToJson(study)).toJson(QJsonDocument::Compact);
}

std::optional<Study> studyFromRecordJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("damaged study record: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    return studyFromJson(doc.object(), error);
}

SearchableText searchableText(const Study &study)
{
    SearchableText text;
    text.title = study.citation.title.isEmpty() ? study.citation.text : study.citation.title;
    text.authors = study.citation.authors.join(QStringLiteral("; "));
    QStringList conclusions;
    for (const Conclusion &c : study.conclusions)
        conclusions.append(c.text);
    text.conclusions = conclusions.join(u'\n');
    QStringList other{study.abstract, study.keywords.join(u' '), study.ids.doi, study.ids.pmid,
                      study.citation.journal, study.id};
    text.other = other.join(u' ');
    return text;
}

QString joinCodes(const QStringList &codes)
{
    if (codes.isEmpty())
        return {};
    return u'|' + codes.join(u'|') + u'|';
}

QStringList splitCodes(const QString &joined)
{
    return joined.split(u'|', Qt::SkipEmptyParts);
}

PreparedRow prepareRow(const Study &s)
{
    PreparedRow r;
    r.independence = effectiveIndependence(s);
    r.title = sqlText(s.citation.title.isEmpty() ? s.citation.text : s.citation.title);
    r.authors = sqlText(s.citation.authors.join(QStringLiteral("; ")));
    r.firstAuthor = sqlText(s.firstAuthor());
    r.year = s.citation.year;
    r.journal = sqlText(s.citation.journal);
    r.doi = sqlText(s.ids.doi);
    r.pmid = sqlText(s.ids.pmid);
    r.design = sqlText(s.design);
    r.populations = sqlText(joinCodes(s.populations));
    r.crampTypes = sqlText(joinCodes(s.crampTypes));
    r.direction = sqlText(s.direction);
    r.record = studyToRecordJson(s);
    r.text = searchableText(s);
    return r;
}

} // namespace mgreview
