#include "rules/rule.h"

#include <array>

namespace mgreview {

namespace {
constexpr std::array<std::pair<RuleTarget, const char *>, 5> kTargets{{
    {RuleTarget::Independence, "independence"},
    {RuleTarget::Design, "design"},
    {RuleTarget::Direction, "direction"},
    {RuleTarget::Population, "population"},
    {RuleTarget::CrampType, "cramp_type"},
}};
} // namespace

QString ruleTargetName(RuleTarget target)
{
    for (const auto &[t, name] : kTargets) {
        if (t == target)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<RuleTarget> ruleTargetFromName(const QString &name)
{
    for (const auto &[t, text] : kTargets) {
        if (name == QLatin1StringView(text))
            return t;
    }
    return std::nullopt;
}

QStringList ruleTargetNames()
{
    QStringList out;
    for (const auto &entry : kTargets)
        out.append(QString::fromLatin1(entry.second));
    return out;
}

int RuleCondition::testCount() const
{
    if (kind == Kind::Test)
        return 1;
    int n = 0;
    for (const RuleCondition &child : children)
        n += child.testCount();
    return n;
}

} // namespace mgreview
