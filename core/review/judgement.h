#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace mgreview {

struct Study;

/// The words of a funding-independence judgement (product.md §2; also the CLI words and
/// the values of `independence.value` in JSON output).
namespace ReviewWords {
inline constexpr auto Independent = "independent";
inline constexpr auto IndustryLinked = "industry-linked";
inline constexpr auto Unclear = "unclear";
/// Marks "no judgement" in the append-only tables: a withdrawal, or the undo of a first flag.
inline constexpr auto Withdrawn = "withdrawn";
/// independent, industry-linked, unclear.
QStringList values();
/// funded, product-supplied, author-paid, company-run.
QStringList links();
/// consensus, third-reviewer.
QStringList methods();
} // namespace ReviewWords

/// Where a judgement's evidence quote was found (JudgementContent::evidenceSource).
namespace EvidenceSource {
inline constexpr auto FundingStatement = "funding_statement";
inline constexpr auto CoiStatement = "coi_statement";
inline constexpr auto FundingNotes = "funding_notes";
/// Not in the statements, but given with a page: a PDF quote (not checked until PDFs exist).
inline constexpr auto Page = "page";
/// Not found in the funding statement, COI statement or funding notes.
inline constexpr auto NotFound = "not_found";
} // namespace EvidenceSource

/// What a reviewer decided about a study's funding independence, and why.
struct JudgementContent {
    QString value; ///< independent, industry-linked, unclear; or withdrawn (no judgement).
    QString link; ///< Required for industry-linked (funded, product-supplied, author-paid, company-run); else empty.
    QString reason; ///< Required.
    QString evidence; ///< A verbatim quote, or empty.
    QString evidenceSource; ///< EvidenceSource word; empty when there is no quote. Set by the service.
    std::optional<int> page; ///< Page of the quote, when given (1-based).

    bool isWithdrawn() const { return value == QLatin1String(ReviewWords::Withdrawn); }
    QJsonObject toJson() const;
    static JudgementContent fromJson(const QJsonObject &object);
    bool operator==(const JudgementContent &) const = default;
};

/// A stored judgement: one row of the append-only `review_judgements` table.
struct Judgement {
    qint64 id = 0;
    QString studyId;
    QString reviewer;
    JudgementContent content;
    QDateTime recordedAt; ///< UTC.
    qint64 changeId = 0; ///< The audit-log entry that wrote it.
    std::optional<qint64> supersedes; ///< The reviewer's previous row for the study.
};

/// How reviewers settled a disagreement.
struct ResolutionContent {
    QString value; ///< independent, industry-linked, unclear; or withdrawn (undone).
    QString link;
    QString reason;
    QString method; ///< consensus, third-reviewer (empty only when withdrawn).

    bool isWithdrawn() const { return value == QLatin1String(ReviewWords::Withdrawn); }
    QJsonObject toJson() const;
    static ResolutionContent fromJson(const QJsonObject &object);
    bool operator==(const ResolutionContent &) const = default;
};

/// A stored resolution: one row of the append-only `review_resolutions` table.
struct Resolution {
    qint64 id = 0;
    QString studyId;
    QString resolver;
    ResolutionContent content;
    QDateTime recordedAt;
    qint64 changeId = 0;
    std::optional<qint64> supersedes;
};

/// One entry of the append-only audit log: who did what to which study, before and after.
struct AuditEntry {
    qint64 id = 0; ///< Also the change id that undo() takes.
    QDateTime at;
    QString actor;
    QString action; ///< profile, judgement, resolution, undo, reveal.
    QString studyId; ///< Empty for profile changes.
    QString before; ///< Compact JSON of the state before, or empty (none).
    QString after; ///< Compact JSON of the state after, or empty (none).
    QString reason;
    std::optional<qint64> undoes; ///< For action undo: the change it reverses.
};

/// Empty when a judgement's words fit together; otherwise what is wrong. Withdrawn rows
/// are not accepted here (they are written by withdraw and undo only).
QString validateJudgement(const JudgementContent &content);
/// Same for a resolution (method required).
QString validateResolution(const ResolutionContent &content);

/// "industry-linked (funded)", "independent", "no judgement".
QString describeJudgement(const QString &value, const QString &link);

/// Where `quote` occurs verbatim in the study's funding statement, COI statement or funding
/// notes (in that order): an EvidenceSource word, or empty when it occurs in none. Runs of
/// white space count as one space, since statements are often copied across line breaks.
QString findEvidence(const Study &study, const QString &quote);

} // namespace mgreview
