#pragma once

#include "model/study.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mgreview {

/// The parts of a study record a rule can test.
enum class RuleField {
    Title,
    Abstract,
    Conclusions,
    Funding,        ///< The funding statement.
    Coi,            ///< The conflict-of-interest statement.
    FundingNotes,   ///< Everything else known about funding.
    Funders,        ///< Funder names.
    FunderTypes,    ///< Funder type ids.
    PublicationTypes,
    Keywords,
    Journal,
    DesignText,     ///< The source's wording of the design.
    PopulationText,
    CrampTypeText,
    Intervention,
    Design,         ///< Coded design id.
    Populations,    ///< Coded population ids.
    CrampTypes,     ///< Coded cramp-type ids.
};

/// "title", "abstract", … as written in rules files; nullopt for an unknown name.
std::optional<RuleField> ruleFieldFromName(const QString &name);
QString ruleFieldName(RuleField field);
QStringList ruleFieldNames();

/// The texts of a field (one per value: each conclusion, each funder, …).
QStringList ruleFieldTexts(const Study &study, RuleField field);

} // namespace mgreview
