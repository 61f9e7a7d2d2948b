#include "importexport/jsonexport.h"

#include "format/studyoutput.h"

#include <QJsonDocument>

namespace mgreview {

QByteArray jsonExportHeader()
{
    return QByteArrayLiteral("[\n");
}

QByteArray jsonExportSeparator()
{
    return QByteArrayLiteral(",\n");
}

QByteArray jsonExportFooter(qint64 written)
{
    return written > 0 ? QByteArrayLiteral("\n]\n") : QByteArrayLiteral("]\n");
}

QByteArray jsonExportObject(const Study &effective, const ClassificationSources &sources)
{
    QJsonObject object = studyToOutputJson(effective);
    object.insert(QStringLiteral("classified_by"), sources.toJson());
    QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Indented);
    if (text.endsWith('\n'))
        text.chop(1);
    // One level deeper, as QJsonDocument indents the elements of an array.
    QByteArray out;
    out.reserve(text.size() + text.count('\n') * 4 + 4);
    out += "    ";
    for (const char c : std::as_const(text)) {
        out += c;
        if (c == '\n')
            out += "    ";
    }
    return out;
}

} // namespace mgreview
