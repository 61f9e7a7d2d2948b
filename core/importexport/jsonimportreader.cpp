#include "importexport/jsonimportreader.h"

#include "format/studyjson.h"

#include <QJsonArray>

#include <algorithm>
#include <QJsonDocument>
#include <QJsonObject>

namespace mgreview {

namespace {

int lineAt(const QByteArray &bytes, qsizetype offset)
{
    return 1 + int(bytes.left(std::clamp<qsizetype>(offset, 0, bytes.size())).count('\n'));
}

// The line where each element of the top-level array starts (for messages).
QVector<int> elementLines(const QByteArray &bytes)
{
    QVector<int> lines;
    int depth = 0, line = 1;
    bool inString = false, expectElement = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c == '\n')
            ++line;
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        if (depth == 1 && expectElement && c != ']') {
            lines.append(line);
            expectElement = false;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
            expectElement = depth == 1;
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == ',' && depth == 1) {
            expectElement = true;
        }
    }
    return lines;
}

const QString notOurs = QStringLiteral("only MgReview's own JSON export (mgreview-cli export --format json) can be "
                                       "imported");

// The export shows effective codes; the record keeps only the curated ones.
void keepCuratedCodes(const QJsonObject &classifiedBy, Study *s)
{
    const auto curated = [&](const char *key) {
        return classifiedBy.value(QLatin1StringView(key)).toString() == u"curated";
    };
    if (!curated("design"))
        s->design.clear();
    if (!curated("populations"))
        s->populations.clear();
    if (!curated("cramp_types"))
        s->crampTypes.clear();
    if (!curated("direction"))
        s->direction.clear();
    if (!curated("independence")) {
        if (classifiedBy.value(QLatin1StringView("independence")).toString() == u"reviewer") {
            QString text = s->independence.value;
            if (!s->independence.link.isEmpty())
                text += QStringLiteral(" (%1)").arg(s->independence.link);
            if (!s->independence.reason.isEmpty())
                text += QStringLiteral("; reason: ") + s->independence.reason;
            s->extraFacts.append({QStringLiteral("Reviewer judgement (export)"), text});
        }
        s->independence = Independence();
    }
}

} // namespace

ReadResult readStudyJson(const QByteArray &bytes, const QString &file)
{
    ReadResult result;
    result.format = ImportFormat::Json;
    result.encoding = QStringLiteral("UTF-8");
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        result.issues.append({file, lineAt(bytes, error.offset),
                              QStringLiteral("not valid JSON: %1; nothing was read").arg(error.errorString())});
        return result;
    }
    if (!document.isArray()) {
        result.issues.append({file, 1, QStringLiteral("the JSON is not a list of studies; ") + notOurs});
        return result;
    }
    const QJsonArray array = document.array();
    const QVector<int> lines = elementLines(bytes);
    for (qsizetype i = 0; i < array.size(); ++i) {
        const int line = i < lines.size() ? lines.at(i) : 1;
        const QJsonObject object = array.at(i).toObject();
        if (!array.at(i).isObject() || !object.value(QLatin1StringView("id")).isString()
            || !object.value(QLatin1StringView("classified_by")).isObject()) {
            result.issues.append({file, line, QStringLiteral("element %1 is not a study of our export (no \"id\" and "
                                                             "\"classified_by\"); skipped: ")
                                                      .arg(i + 1) + notOurs});
            continue;
        }
        QString why;
        std::optional<Study> study = studyFromJson(object, &why);
        if (!study) {
            result.issues.append({file, line, QStringLiteral("study %1 could not be read: %2; skipped")
                                                  .arg(object.value(QLatin1StringView("id")).toString(), why)});
            continue;
        }
        keepCuratedCodes(object.value(QLatin1StringView("classified_by")).toObject(), &*study);
        result.records.append({std::move(*study), file, line});
    }
    if (array.isEmpty())
        result.issues.append({file, 1, QStringLiteral("the JSON list holds no studies")});
    return result;
}

} // namespace mgreview
