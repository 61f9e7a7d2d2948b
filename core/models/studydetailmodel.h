#pragma once

#include "model/study.h"
#include "review/reviewoutcome.h"
#include "rules/rule.h"

#include <QAbstractItemModel>
#include <QUrl>
#include <QVector>

#include <optional>

namespace mgreview {

struct Vocabularies;

/// The reviewers' part of the pane, as far as the person reading may see it (blinding:
/// ReviewService::visibleJudgements).
struct StudyReviewInfo {
    bool loaded = false; ///< False: no review data was read; the pane has no reviewers' section.
    ReviewOutcome outcome; ///< What the reviewers' judgements amount to (decides independence unless None).
    QVector<Judgement> visible; ///< Standing judgements the reader may see, their own first.
    int hidden = 0; ///< Other reviewers' judgements held back until the reader records their own.
    bool blinded = false; ///< The reader is a reviewer who has neither judged the study nor chosen to look.
    QString viewer; ///< The reader's profile name (empty: nobody signed in).
};

/// Everything the conclusion pane shows about one study, as a two-level tree:
/// sections (Citation, Conclusions, …) holding entries (label in column 0, value in
/// column 1). Views render it; they never read the Study themselves.
class StudyDetailModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { LabelColumn, ValueColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, ///< EntryKind of an entry (int), or Section for sections.
        NotVerifiedRole,             ///< bool: the fact is not verified.
        NotVerifiedReasonRole,       ///< Why it is not verified.
        UrlRole,                     ///< QUrl to open for links (DOI, PMID, sources).
        SourceRole,                  ///< Where a conclusion or claim came from.
        NoteRole,                    ///< A note attached to the entry.
        SectionIdRole,               ///< Stable section id ("citation", "conclusions", …).
        MatchBeforeRole,             ///< For rule suggestions: text before the matched span.
        MatchTextRole,               ///< The matched span, exactly as in the record.
        MatchAfterRole,              ///< Text after the matched span.
        MatchFieldRole,              ///< The field the rule matched in ("funding", "title", …).
        WinningRole,                 ///< bool: this suggestion decides its attribute.
    };
    enum EntryKind { Section, Text, Link, Conclusion, Claim, Effect, Classification, Warning };
    Q_ENUM(EntryKind)

    explicit StudyDetailModel(const Vocabularies &vocabularies, QObject *parent = nullptr);

    /// Shows a study; `suggestions` are its stored rule suggestions (they fill attributes
    /// nobody coded, and are all listed with their rule, reason and matched text). With
    /// `review` loaded, the reviewers' outcome outranks curated and rule values and their
    /// judgements are listed (a blinded reader sees neither names nor reasons of others).
    void setStudy(const Study &study, const QVector<Suggestion> &suggestions = {}, const StudyReviewInfo &review = {});
    void clear();
    bool hasStudy() const { return m_study.has_value(); }
    const std::optional<Study> &study() const { return m_study; }
    /// Row of a section by id, or -1.
    int sectionRow(const QString &sectionId) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Entry {
        EntryKind kind = Text;
        QString label;
        QString value;
        QUrl url;
        QString source;
        QString note;
        QString notVerifiedReason; ///< Non-empty: not verified.
        QString matchBefore = {}, matchText = {}, matchAfter = {}, matchField = {};
        bool winning = true;
    };
    struct SectionData {
        QString id;
        QString title;
        QVector<Entry> entries;
    };
    QVector<SectionData> build(const Study &study, const QVector<Suggestion> &suggestions) const;

    const Vocabularies &m_vocabularies;
    std::optional<Study> m_study;
    QVector<Suggestion> m_suggestions;
    StudyReviewInfo m_review;
    QVector<SectionData> m_sections;
};

} // namespace mgreview
