#include "model/study.h"

namespace mgreview {

QString toString(ClassificationSource source)
{
    switch (source) {
    case ClassificationSource::Curated: return QStringLiteral("curated");
    case ClassificationSource::Rule: return QStringLiteral("rule");
    case ClassificationSource::Reviewer: return QStringLiteral("reviewer");
    case ClassificationSource::None: break;
    }
    return QStringLiteral("none");
}

ClassificationSource classificationSourceFromString(const QString &text)
{
    if (text == u"curated")
        return ClassificationSource::Curated;
    if (text == u"rule")
        return ClassificationSource::Rule;
    if (text == u"reviewer")
        return ClassificationSource::Reviewer;
    return ClassificationSource::None;
}

QString Study::firstAuthor() const
{
    if (citation.authors.isEmpty())
        return {};
    // "Garrison SR" -> "Garrison": the surname is what people sort and search by.
    const QString &first = citation.authors.constFirst();
    const qsizetype space = first.lastIndexOf(u' ');
    if (space <= 0)
        return first;
    const QString tail = first.mid(space + 1);
    const bool initials = !tail.isEmpty() && tail == tail.toUpper() && tail.size() <= 4;
    return initials ? first.left(space) : first;
}

} // namespace mgreview
