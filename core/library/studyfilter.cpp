#include "library/studyfilter.h"

namespace mgreview {

QString toString(IndependenceFilter filter)
{
    switch (filter) {
    case IndependenceFilter::Independent: return QStringLiteral("independent");
    case IndependenceFilter::IndustryLinked: return QStringLiteral("industry-linked");
    case IndependenceFilter::Unclear: return QStringLiteral("unclear");
    case IndependenceFilter::All: break;
    }
    return QStringLiteral("all");
}

std::optional<IndependenceFilter> independenceFilterFromString(const QString &text)
{
    for (const IndependenceFilter f : {IndependenceFilter::All, IndependenceFilter::Independent,
                                       IndependenceFilter::IndustryLinked, IndependenceFilter::Unclear}) {
        if (toString(f) == text)
            return f;
    }
    return std::nullopt;
}

bool StudyFilter::acceptsIndependence(const QString &value) const
{
    switch (independence) {
    case IndependenceFilter::All: return true;
    case IndependenceFilter::Independent: return value == u"independent";
    case IndependenceFilter::IndustryLinked: return value == u"industry-linked";
    // Anything not positively classified counts as unclear: never hide a study as "unknown".
    case IndependenceFilter::Unclear: return value != u"independent" && value != u"industry-linked";
    }
    return true;
}

bool StudyFilter::accepts(const StudySummary &study) const
{
    if (!acceptsIndependence(study.independence))
        return false;
    if (!population.isEmpty() && !study.populations.contains(population))
        return false;
    if (!crampType.isEmpty() && !study.crampTypes.contains(crampType))
        return false;
    return true;
}

} // namespace mgreview
