#pragma once

#include "library/studyfilter.h"
#include "library/studysummary.h"

#include <QAbstractTableModel>
#include <QBitArray>
#include <QHash>
#include <QVector>

#include <array>
#include <optional>

namespace mgreview {

struct Vocabularies;

/// The study table: every study of the library, filtered and sorted in the model itself.
///
/// At 100,000 studies a QSortFilterProxyModel re-sorts through virtual calls and QVariants;
/// this model instead keeps precomputed sort keys and a vector of visible rows, so a new
/// search or filter costs one linear pass and a sort of integers.
class StudyTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FirstAuthor, Year, Title, Design, Population, CrampType, Direction, Independence, ColumnCount };
    enum Role {
        StudyIdRole = Qt::UserRole + 1, ///< QString id.
        StudyKeyRole,                   ///< qint64 storage key.
        SortKeyRole,                    ///< The value sorting uses for this cell.
        IndependenceRole,               ///< Effective independence value.
        IndependenceReasonRole,
        IndependenceSourceRole,
    };

    explicit StudyTableModel(const Vocabularies &vocabularies, QObject *parent = nullptr);

    /// Replaces all studies (resets the model).
    void setStudies(QVector<StudySummary> studies);
    const QVector<StudySummary> &allStudies() const { return m_studies; }

    /// Text matches per study (index into allStudies()); nullopt means "no text filter".
    void setTextMatches(std::optional<QBitArray> matches);
    void setFilter(const StudyFilter &filter);
    const StudyFilter &filter() const { return m_filter; }

    /// How many studies pass the text and population/cramp filters, per independence
    /// state (the counts shown beside the independence filter).
    struct IndependenceCounts {
        int all = 0, independent = 0, industryLinked = 0, unclear = 0;
    };
    IndependenceCounts independenceCounts() const;

    /// The visible row showing a study id, or -1.
    int rowOfId(const QString &id) const;
    /// The study shown at a visible row.
    const StudySummary &studyAt(int row) const { return m_studies.at(m_visible.at(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    /// The visible set changed (search, filter, new studies).
    void visibleStudiesChanged();

private:
    QString displayText(const StudySummary &study, int column) const;
    void rebuildSortKeys();
    void rebuildOrder();
    void rebuildVisible();
    bool passesText(int studyIndex) const;

    const Vocabularies &m_vocabularies;
    QVector<StudySummary> m_studies;
    /// Per column, a collation rank per study: sorting compares integers only.
    std::array<QVector<int>, ColumnCount> m_sortRanks;
    QVector<int> m_order;   ///< All studies in the current sort order.
    QVector<int> m_visible; ///< The filtered subset of m_order.
    std::optional<QBitArray> m_textMatches;
    StudyFilter m_filter;
    int m_sortColumn = FirstAuthor;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace mgreview
