#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace mgreview {

/// Bibliographic parts of a study's citation.
struct Citation {
    QString text;        ///< The full citation string as the source gives it.
    QStringList authors; ///< "Surname Initials", in the order of the source.
    QString title;
    QString journal;
    int year = 0;         ///< 0 when unknown.
    QString yearNote;     ///< E.g. "2009 registration (Cochrane 2012 labels it Rosenbaum 2011)".
    QString volume;
    QString issue;
    QString pages;

    bool operator==(const Citation &) const = default;
};

/// Identifiers. An empty string means "not known or not verified"; see Study::notVerified.
struct Identifiers {
    QString doi;
    QString pmid;
    QString pmcid;
    QString registration; ///< Trial or review registration (NCT…, ISRCTN…, PROSPERO…).

    bool operator==(const Identifiers &) const = default;
};

/// What was given, to whom, for how long.
struct Intervention {
    QString text; ///< Description as the source gives it.
    QString agent;
    QString salt;
    QString route;
    QString dose;
    QString duration;
    QString comparator;

    bool operator==(const Intervention &) const = default;
};

/// One effect estimate with its confidence interval and certainty.
struct EffectEstimate {
    QString outcome;  ///< What was measured, e.g. "cramps per week at 4 weeks".
    QString measure;  ///< MD, RR, OR, …
    std::optional<double> value;
    std::optional<double> ciLow;
    std::optional<double> ciHigh;
    QString unit;
    QString certainty; ///< Certainty vocabulary id (high, moderate, low, very_low, not_graded).
    QString text;      ///< The estimate as the source states it.

    bool operator==(const EffectEstimate &) const = default;
};

/// An author's conclusion, quoted verbatim, with where it was read.
struct Conclusion {
    QString text;    ///< Exact text; never paraphrased.
    QString source;  ///< abstract, full_text, key_points, secondary_page.
    QString where;   ///< Free text: the page or document it was read from.
    QString note;

    bool operator==(const Conclusion &) const = default;
};

/// What a secondary document (research brief, consumer article) says about a study.
struct Claim {
    QString by;   ///< Document id, e.g. "research_brief", "consumer_article".
    QString kind; ///< conclusion, summary, citation, date.
    QString text; ///< Exactly as the document says it.
    QString note;

    bool operator==(const Claim &) const = default;
};

/// A funder named for a study.
struct Funder {
    QString name;
    QString type;   ///< Funder type vocabulary id.
    QString source; ///< Where the funder was found.

    bool operator==(const Funder &) const = default;
};

/// Funding and conflict-of-interest facts.
struct Funding {
    QString statement;     ///< The study's funding statement, verbatim, or empty when not retrieved.
    QString coiStatement;  ///< The conflict-of-interest statement, verbatim, or empty.
    QString notes;         ///< Everything else known, with sources named.
    QVector<Funder> funders;

    bool operator==(const Funding &) const = default;
};

/// Who or what made a classification.
enum class ClassificationSource { None, Curated, Rule, Reviewer };

QString toString(ClassificationSource source);
ClassificationSource classificationSourceFromString(const QString &text);

/// A judgement of funding independence, with its provenance.
struct Independence {
    QString value;  ///< independent, industry-linked, unclear (empty when none).
    QString link;   ///< For industry-linked: funded, product-supplied, author-paid, company-run.
    QString reason;
    ClassificationSource source = ClassificationSource::None;

    bool operator==(const Independence &) const = default;
};

/// A labelled fact that has no field of its own (search date, main result, …).
struct ExtraFact {
    QString label;
    QString text;

    bool operator==(const ExtraFact &) const = default;
};

/// A study record: everything the library knows about one study.
///
/// Coded attributes (design, populations, cramp types, direction) hold vocabulary ids;
/// the matching `…Text` fields keep the source's own wording. A field whose key is in
/// notVerified could not be confirmed from a primary source: its value is empty or a
/// best reading, and the note explains why. The UI shows such fields as "not verified".
struct Study {
    QString id;
    Citation citation;
    Identifiers ids;

    QString design;       ///< Design vocabulary id.
    QString designText;
    QStringList populations; ///< Population vocabulary ids.
    QString populationText;
    QStringList crampTypes;  ///< Cramp type vocabulary ids.
    QStringList crampTypeText;
    Intervention intervention;
    std::optional<int> sampleSize; ///< Participants, when a single number applies.
    QString sampleText;
    QString abstract;             ///< Abstract text (imported records); empty for most seeded studies.
    QStringList keywords;         ///< Keywords / MeSH terms (imported records).
    QStringList publicationTypes; ///< E.g. "Randomized Controlled Trial" (PubMed PT).
    QString direction;   ///< Direction vocabulary id of the authors' conclusion.
    QString certainty;   ///< Overall certainty where graded.

    QVector<EffectEstimate> effects;
    QVector<Conclusion> conclusions;
    QVector<Claim> claims;
    Funding funding;
    Independence independence; ///< The curated classification (the studies/ file).
    QString openAccess;
    QStringList sources;
    QVector<ExtraFact> extraFacts;
    QMap<QString, QString> notVerified; ///< Field key -> why it is not verified.

    bool isVerified(const QString &field) const { return !notVerified.contains(field); }
    bool isVerified(const char *field) const { return isVerified(QString::fromLatin1(field)); }
    QString firstAuthor() const;

    bool operator==(const Study &) const = default;
};

/// Field keys used in Study::notVerified.
namespace Field {
inline constexpr auto Doi = "doi";
inline constexpr auto Pmid = "pmid";
inline constexpr auto Pmcid = "pmcid";
inline constexpr auto Conclusions = "conclusions";
inline constexpr auto Funding = "funding";
inline constexpr auto Independence = "independence";
inline constexpr auto Authors = "authors";
inline constexpr auto Journal = "journal";
inline constexpr auto Pages = "pages";
inline constexpr auto Title = "title";
inline constexpr auto Intervention = "intervention";
inline constexpr auto SampleSize = "sample_size";
inline constexpr auto OpenAccess = "open_access";
inline constexpr auto Registration = "registration";
} // namespace Field

} // namespace mgreview
