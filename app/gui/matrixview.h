#pragma once

#include <QElapsedTimer>
#include <QPersistentModelIndex>
#include <QTableView>

#include <utility>

namespace mgreview {
class EvidenceMatrixModel;
}

namespace mgreview::gui {

class MatrixCellDelegate;

/// The evidence matrix grid: populations down, cramp types across, totals last, each cell
/// painted by MatrixCellDelegate. Arrow keys, Home/End and Page Up/Down move between cells;
/// Enter or a click opens a cell (lists its studies); Tab leaves the grid.
class MatrixView : public QTableView
{
    Q_OBJECT

public:
    /// `unfiltered`: the same studies without the funding filter, for what the filter hides.
    MatrixView(EvidenceMatrixModel *model, const EvidenceMatrixModel *unfiltered, QWidget *parent = nullptr);

    EvidenceMatrixModel *matrixModel() const { return m_model; }
    MatrixCellDelegate *cellDelegate() const { return m_delegate; }

    /// What a cell says, as rich text: its population × cramp type, its bottom line and
    /// what the funding filter hides there (tooltips and the line under the grid).
    QString describe(const QModelIndex &index) const;
    /// "Pregnant women × Pregnancy" (short labels; the totals read "All populations" …).
    QString cellName(const QModelIndex &index) const;

    /// Makes a cell the current one (no opening).
    void setCurrentCell(const QModelIndex &index);

Q_SIGNALS:
    /// The user opened a cell: Enter, a click or a double click (reported once).
    void cellOpened(const QModelIndex &index);
    /// The current cell moved (keyboard or mouse).
    void currentCellChanged(const QModelIndex &index);

protected:
    bool viewportEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void open(const QModelIndex &index);
    void fitSections();

    EvidenceMatrixModel *m_model;
    const EvidenceMatrixModel *m_unfiltered;
    MatrixCellDelegate *m_delegate;
    std::pair<int, int> m_cellBeforeReset { -1, -1 };
    QPersistentModelIndex m_lastOpened;
    QElapsedTimer m_lastOpenedAt;
};

} // namespace mgreview::gui
