#include "rules/effectivestudy.h"

#include "rules/ruleengine.h"

namespace mgreview {

QJsonObject ClassificationSources::toJson() const
{
    return {{QStringLiteral("independence"), independence}, {QStringLiteral("design"), design},
            {QStringLiteral("direction"), direction},       {QStringLiteral("populations"), populations},
            {QStringLiteral("cramp_types"), crampTypes}};
}

Study withRuleSuggestions(const Study &study, const QVector<Suggestion> &suggestions, ClassificationSources *sources,
                          const std::optional<Independence> &reviewer)
{
    Study out = study;
    ClassificationSources decided;
    const auto apply = [&](RuleTarget target, QString *source) {
        const EffectiveClassification e = effectiveClassification(study, suggestions, target, reviewer);
        *source = toString(e.source);
        if (e.source == ClassificationSource::Reviewer && target == RuleTarget::Independence) {
            out.independence = {e.values.value(0), e.link, e.reason, ClassificationSource::Reviewer};
            return e;
        }
        if (e.source != ClassificationSource::Rule)
            return e;
        switch (target) {
        case RuleTarget::Independence:
            out.independence = {e.values.value(0), e.link, e.reason, ClassificationSource::Rule};
            break;
        case RuleTarget::Design: out.design = e.values.value(0); break;
        case RuleTarget::Direction: out.direction = e.values.value(0); break;
        case RuleTarget::Population: out.populations = e.values; break;
        case RuleTarget::CrampType: out.crampTypes = e.values; break;
        }
        return e;
    };
    apply(RuleTarget::Independence, &decided.independence);
    apply(RuleTarget::Design, &decided.design);
    apply(RuleTarget::Direction, &decided.direction);
    apply(RuleTarget::Population, &decided.populations);
    apply(RuleTarget::CrampType, &decided.crampTypes);
    if (sources)
        *sources = decided;
    return out;
}

} // namespace mgreview
