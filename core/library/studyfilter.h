#pragma once

#include "library/studysummary.h"

#include <QString>

namespace mgreview {

/// The funding-independence filter: one control, everywhere.
enum class IndependenceFilter { All, Independent, IndustryLinked, Unclear };

/// "all", "independent", "industry-linked", "unclear" (the CLI words).
QString toString(IndependenceFilter filter);
/// Parses the CLI words; nullopt for anything else.
std::optional<IndependenceFilter> independenceFilterFromString(const QString &text);

/// Everything but the search text that narrows the study list. The text part is matched
/// by StudySearchIndex and passed in as a flag, so this predicate stays O(1) per study.
struct StudyFilter {
    IndependenceFilter independence = IndependenceFilter::All;
    QString population; ///< Population id, or empty for any.
    QString crampType;  ///< Cramp-type id, or empty for any.

    bool accepts(const StudySummary &study) const;
    bool acceptsIndependence(const QString &value) const;
    bool isEmpty() const
    {
        return independence == IndependenceFilter::All && population.isEmpty() && crampType.isEmpty();
    }
};

} // namespace mgreview
