#include "review/profile.h"

namespace mgreview {

QString toString(Role role)
{
    switch (role) {
    case Role::Clinician:
        return QStringLiteral("clinician");
    case Role::Student:
        return QStringLiteral("student");
    case Role::Reviewer:
        return QStringLiteral("reviewer");
    }
    return QStringLiteral("clinician");
}

std::optional<Role> roleFromString(const QString &text)
{
    if (text == u"clinician")
        return Role::Clinician;
    if (text == u"student")
        return Role::Student;
    if (text == u"reviewer")
        return Role::Reviewer;
    return std::nullopt;
}

QStringList roleNames()
{
    return { QStringLiteral("clinician"), QStringLiteral("student"), QStringLiteral("reviewer") };
}

QString validateProfileName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return QStringLiteral("a profile needs a name");
    if (trimmed != name)
        return QStringLiteral("a profile name must not start or end with spaces");
    if (name.size() > 80)
        return QStringLiteral("a profile name must be at most 80 characters");
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return QStringLiteral("a profile name must not hold control characters");
    }
    // `agreement --reviewers A,B` splits on commas.
    if (name.contains(u','))
        return QStringLiteral("a profile name must not hold a comma");
    return {};
}

} // namespace mgreview
