#include "review/permissions.h"

namespace mgreview {

bool may(const Profile &profile, Action action)
{
    switch (action) {
    case Action::RecordJudgement:
    case Action::ResolveConflict:
    case Action::EditStudies:
        return profile.role == Role::Reviewer;
    case Action::Annotate:
        return profile.role == Role::Student || profile.role == Role::Reviewer;
    case Action::ViewOthersJudgements:
    case Action::ReadAnnotations:
    case Action::ExportReviewData:
        return true;
    }
    return false;
}

QString describe(Action action)
{
    switch (action) {
    case Action::RecordJudgement:
        return QStringLiteral("record funding judgements");
    case Action::ResolveConflict:
        return QStringLiteral("resolve conflicts between reviewers");
    case Action::ViewOthersJudgements:
        return QStringLiteral("see other reviewers' judgements");
    case Action::Annotate:
        return QStringLiteral("annotate studies");
    case Action::ReadAnnotations:
        return QStringLiteral("read annotations");
    case Action::ExportReviewData:
        return QStringLiteral("export review data");
    case Action::EditStudies:
        return QStringLiteral("edit studies");
    }
    return QStringLiteral("do this");
}

QString refusal(const Profile &profile, Action action)
{
    return QStringLiteral("%1 '%2' may not %3").arg(toString(profile.role), profile.name, describe(action));
}

} // namespace mgreview
