#include "rules/rulefields.h"

#include <array>
#include <utility>

namespace mgreview {

namespace {

constexpr std::array<std::pair<RuleField, const char *>, 18> kNames{{
    {RuleField::Title, "title"},
    {RuleField::Abstract, "abstract"},
    {RuleField::Conclusions, "conclusions"},
    {RuleField::Funding, "funding"},
    {RuleField::Coi, "coi"},
    {RuleField::FundingNotes, "funding_notes"},
    {RuleField::Funders, "funders"},
    {RuleField::FunderTypes, "funder_types"},
    {RuleField::PublicationTypes, "publication_types"},
    {RuleField::Keywords, "keywords"},
    {RuleField::Journal, "journal"},
    {RuleField::DesignText, "design_text"},
    {RuleField::PopulationText, "population_text"},
    {RuleField::CrampTypeText, "cramp_type_text"},
    {RuleField::Intervention, "intervention"},
    {RuleField::Design, "design"},
    {RuleField::Populations, "populations"},
    {RuleField::CrampTypes, "cramp_types"},
}};

} // namespace

std::optional<RuleField> ruleFieldFromName(const QString &name)
{
    for (const auto &[field, text] : kNames) {
        if (name == QLatin1StringView(text))
            return field;
    }
    return std::nullopt;
}

QString ruleFieldName(RuleField field)
{
    for (const auto &[f, text] : kNames) {
        if (f == field)
            return QString::fromLatin1(text);
    }
    return {};
}

QStringList ruleFieldNames()
{
    QStringList out;
    for (const auto &entry : kNames)
        out.append(QString::fromLatin1(entry.second));
    return out;
}

QStringList ruleFieldTexts(const Study &s, RuleField field)
{
    switch (field) {
    case RuleField::Title: return {s.citation.title.isEmpty() ? s.citation.text : s.citation.title};
    case RuleField::Abstract: return {s.abstract};
    case RuleField::Conclusions: {
        QStringList out;
        for (const Conclusion &c : s.conclusions)
            out.append(c.text);
        return out;
    }
    case RuleField::Funding: return {s.funding.statement};
    case RuleField::Coi: return {s.funding.coiStatement};
    case RuleField::FundingNotes: return {s.funding.notes};
    case RuleField::Funders: {
        QStringList out;
        for (const Funder &f : s.funding.funders)
            out.append(f.name);
        return out;
    }
    case RuleField::FunderTypes: {
        QStringList out;
        for (const Funder &f : s.funding.funders)
            out.append(f.type);
        return out;
    }
    case RuleField::PublicationTypes: return s.publicationTypes;
    case RuleField::Keywords: return s.keywords;
    case RuleField::Journal: return {s.citation.journal};
    case RuleField::DesignText: return {s.designText};
    case RuleField::PopulationText: return {s.populationText};
    case RuleField::CrampTypeText: return s.crampTypeText;
    case RuleField::Intervention: return {s.intervention.text};
    case RuleField::Design: return {s.design};
    case RuleField::Populations: return s.populations;
    case RuleField::CrampTypes: return s.crampTypes;
    }
    return {};
}

} // namespace mgreview
