#pragma once

#include "library/studyfilter.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace mgreview {
class EvidenceMatrix;
class EvidenceMatrixModel;
} // namespace mgreview

namespace mgreview::gui {

class MatrixLegend;
class MatrixView;

/// The "Evidence matrix" page: a title with the funding filter right on it, the grid, the
/// current cell's bottom line under the grid, and the legend.
///
/// The page only shows: its funding list reports the user's choice (filterChosen) and is
/// set back from the window's one filter state, so it never disagrees with the toolbar.
class MatrixPage : public QWidget
{
    Q_OBJECT

public:
    MatrixPage(EvidenceMatrixModel *model, const EvidenceMatrixModel *unfiltered, QWidget *parent = nullptr);

    MatrixView *view() const { return m_view; }
    QComboBox *filterCombo() const { return m_filter; }
    MatrixLegend *legend() const { return m_legend; }
    /// The line under the title: how many studies the grid holds under the filter.
    QString summary() const;
    /// The current cell's description under the grid (plain text).
    QString details() const;

    /// Shows the filter in force (does not emit filterChosen).
    void setFilter(IndependenceFilter filter);
    /// What else narrows the studies, e.g. "Search: “nyg”." (empty: nothing).
    void setScope(const QString &scope);

Q_SIGNALS:
    /// The user chose a funding filter in the page's list.
    void filterChosen(mgreview::IndependenceFilter filter);

private:
    void updateCounts();
    void updateSummary();
    void updateDetails();
    /// The matrix without the funding filter: the shown one when no filter is in force
    /// (the unfiltered model is only kept up to date while a filter is).
    const EvidenceMatrix &unfilteredMatrix() const;

    EvidenceMatrixModel *m_model;
    const EvidenceMatrixModel *m_unfiltered;
    MatrixView *m_view;
    QComboBox *m_filter;
    QLabel *m_summary;
    QLabel *m_details;
    MatrixLegend *m_legend;
    QString m_scope;
};

} // namespace mgreview::gui
