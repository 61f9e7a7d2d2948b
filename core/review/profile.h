#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace mgreview {

/// What a person does with the library; decides what they may do (review/permissions.h).
enum class Role { Clinician, Student, Reviewer };

/// "clinician", "student", "reviewer" (the stored and command-line words).
QString toString(Role role);
/// Parses the words of toString(Role); nullopt for anything else.
std::optional<Role> roleFromString(const QString &text);
/// Every role word, in the order above.
QStringList roleNames();

/// A local person: a name unique in the library (compared without case) and a role.
struct Profile {
    QString name;
    Role role = Role::Clinician;

    bool operator==(const Profile &) const = default;
};

/// Empty when `name` can be a profile name; otherwise why not (empty, too long, control
/// characters, or a comma, which separates names on the command line).
QString validateProfileName(const QString &name);

} // namespace mgreview
