#pragma once

#include "library/studyfilter.h"
#include "library/studysummary.h"
#include "matrix/evidencematrix.h"

#include <QAbstractTableModel>
#include <QBitArray>
#include <QVector>

#include <optional>

namespace mgreview {

struct Vocabularies;

/// The evidence matrix as a table model: rows are populations, columns cramp types (in
/// vocabulary order), with an optional totals row and column (distinct studies).
///
/// It takes the same inputs as StudyTableModel (setStudies, setFilter, setTextMatches), so
/// one controller can drive both. Only the independence part of the filter applies:
/// population and cramp type are the matrix's own axes; cellFilter() turns a cell into the
/// filter that lists its studies in the table. A filter or text change recomputes the
/// matrix in one pass and emits dataChanged for the whole grid (no reset: the view keeps
/// its current cell).
class EvidenceMatrixModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        CountRole = Qt::UserRole + 1, ///< int: studies in the cell (distinct for totals).
        DirectionCountsRole,  ///< QVariantMap: direction id (and "not_coded") -> count, non-zero only.
        DesignCountsRole,     ///< QVariantMap: design id (and "not_coded") -> count, non-zero only.
        IndependenceCountsRole, ///< QVariantMap: independent / industry-linked / unclear -> count.
        CertaintyCountsRole,  ///< QVariantMap: certainty id -> count, graded certainties only.
        StrongestDesignRole,  ///< QString: design id of the strongest design present (empty if none).
        LeadStudyIdRole,      ///< QString: id of the strongest-design study.
        StudyIdsRole,         ///< QStringList: ids of the cell's studies, in library order.
        StudyIndicesRole,     ///< QList<int>: indices into allStudies().
        BottomLineRole,       ///< QString: matrixtext::bottomLine.
        SymbolSplitRole,      ///< QString: "3− 1+ 3○".
        IsGapRole,            ///< bool: no studies in the cell.
        IsTotalRole,          ///< bool: a totals row or column cell.
        PopulationIdRole,     ///< QString: the row's population id (empty in the totals row).
        CrampTypeIdRole,      ///< QString: the column's cramp-type id (empty in the totals column).
    };

    explicit EvidenceMatrixModel(const Vocabularies &vocabularies, QObject *parent = nullptr);

    /// Replaces all studies (resets the model). `certainties` optionally gives each study's
    /// overall certainty id, aligned with `studies` (summaries carry none).
    void setStudies(QVector<StudySummary> studies, QStringList certainties = {});
    const QVector<StudySummary> &allStudies() const { return m_studies; }

    /// Text matches per study (index into allStudies()); nullopt means "no text filter".
    /// A bit array of the wrong size (a stale search) is ignored.
    void setTextMatches(std::optional<QBitArray> matches);
    void setFilter(const StudyFilter &filter);
    const StudyFilter &filter() const { return m_filter; }

    /// Adds a totals row and column (default on).
    void setShowTotals(bool show);
    bool showsTotals() const { return m_showTotals; }

    /// The matrix currently shown.
    const EvidenceMatrix &matrix() const { return m_matrix; }
    /// The cell behind an index (a grid cell or a total).
    const MatrixCell *cellAt(const QModelIndex &index) const;
    /// The current filter narrowed to an index's population and cramp type (a totals cell
    /// leaves its open axis empty): give it to StudyTableModel to list the cell's studies.
    StudyFilter cellFilter(const QModelIndex &index) const;
    /// The index of a population × cramp-type cell, or an invalid index.
    QModelIndex indexOf(const QString &populationId, const QString &crampTypeId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    /// The matrix was recomputed (filter, text matches or studies changed).
    void matrixChanged();

private:
    void recompute();
    void emitAllChanged();
    bool isTotalRow(int row) const { return m_showTotals && row == m_matrix.rowCount(); }
    bool isTotalColumn(int column) const { return m_showTotals && column == m_matrix.columnCount(); }

    const Vocabularies &m_vocabularies;
    QVector<StudySummary> m_studies;
    MatrixStudyCodes m_codes;
    EvidenceMatrix m_matrix;
    std::optional<QBitArray> m_textMatches;
    StudyFilter m_filter;
    bool m_showTotals = true;
};

} // namespace mgreview
