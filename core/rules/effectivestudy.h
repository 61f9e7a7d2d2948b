#pragma once

#include "rules/rule.h"

#include <QJsonObject>
#include <QString>
#include <QVector>

#include <optional>

namespace mgreview {

/// Who decided each classified attribute of a study: "curated", "reviewer", "rule" or "none".
struct ClassificationSources {
    QString independence = QStringLiteral("none");
    QString design = QStringLiteral("none");
    QString direction = QStringLiteral("none");
    QString populations = QStringLiteral("none");
    QString crampTypes = QStringLiteral("none");

    QJsonObject toJson() const;
};

/// The study as people see it: every attribute that nobody coded is filled from the
/// winning rule suggestions (curated and reviewer values are kept as they are). When the
/// reviewers decide the study's independence (`reviewer`, source Reviewer), it replaces the
/// curated one. The record in the library is never changed; this is a view for display and output.
Study withRuleSuggestions(const Study &study, const QVector<Suggestion> &suggestions,
                          ClassificationSources *sources = nullptr,
                          const std::optional<Independence> &reviewer = std::nullopt);

} // namespace mgreview
