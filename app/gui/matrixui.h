#pragma once

#include "matrix/matrixexport.h"

#include <QBitArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPersistentModelIndex>

#include <optional>

class QAction;
class QMainWindow;
class QMenu;
class QTabWidget;
class QToolBar;
class QToolButton;

namespace mgreview {
class EvidenceMatrixModel;
class StudyTableModel;
} // namespace mgreview

namespace mgreview::gui {

class IndependenceCombo;
class LibrarySession;
class MatrixPage;
class MatrixView;
class SearchController;
class StudyTableView;

/// Everything the evidence matrix adds to the main window: the "Studies | Evidence matrix"
/// tabs, the matrix models fed with the table's studies, funding filter and search, the
/// "Cell: …" chip in the toolbar, File ▸ Export matrix… and the View menu.
///
/// Opening a cell (Enter, a click) narrows the study table to the cell's population and cramp
/// type and switches to it; a study there opens its conclusion pane as usual. (PDFs are not
/// part of the library yet; once they are, a study will open at the page of its conclusion.)
class MatrixUi : public QObject
{
    Q_OBJECT

public:
    struct Parts {
        QMainWindow *window = nullptr;
        QToolBar *toolbar = nullptr;
        LibrarySession *session = nullptr;
        StudyTableModel *studies = nullptr;
        StudyTableView *table = nullptr;
        SearchController *search = nullptr;
        IndependenceCombo *independence = nullptr;
        bool remember = true; ///< Restore and store the view shown and the export folder.
        bool errorDialogs = true; ///< Report a failed export in a message box too.
    };
    explicit MatrixUi(const Parts &parts, QObject *parent = nullptr);

    /// The left side of the window: the study table and the matrix page as tabs.
    QTabWidget *tabs() const { return m_tabs; }
    MatrixPage *page() const { return m_page; }
    MatrixView *view() const;
    EvidenceMatrixModel *model() const { return m_model; }
    /// The same studies and search without the funding filter (what the filter hides).
    const EvidenceMatrixModel *unfilteredModel() const { return m_unfiltered; }
    QAction *exportAction() const { return m_export; }
    QMenu *viewMenu() const { return m_viewMenu; }
    QToolButton *cellChip() const { return m_chip; }

    void showMatrix();
    void showStudies();
    bool isMatrixShown() const;

    /// Lists a cell's studies in the table and shows the "Cell: …" chip; switches to the
    /// table when `showTable`.
    void openCell(const QModelIndex &index, bool showTable = true);
    /// The same by ids; before the library is loaded it is done once the studies are in.
    /// False for an id that is not in the vocabularies.
    bool openCell(const QString &populationId, const QString &crampTypeId, bool showTable = true);
    /// Removes the cell filter from the table.
    void clearCellFilter();
    bool hasCellFilter() const;
    /// "Pregnant women × Pregnancy" while a cell filter is in force, else empty.
    QString cellFilterLabel() const { return m_cellLabel; }

    /// Writes the matrix as on screen (funding filter, search) in the background; emits
    /// exportFinished(). Ignored while another export runs.
    void exportMatrix(const QString &path, MatrixFormat format);
    bool isExporting() const { return m_exporting; }
    /// File ▸ Export matrix…: a file dialog, then exportMatrix().
    void chooseExportFile();

Q_SIGNALS:
    /// The table is now limited to a cell (its label), or no longer (empty).
    void cellFilterChanged(const QString &label);
    void exportFinished(bool ok, const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildActions();
    void syncStudies();
    void syncFilter();
    void feedUnfiltered();
    void onMatchesApplied(const std::optional<QBitArray> &rows);
    void onCellOpened(const QModelIndex &index);
    void setCellChip(const QString &label);
    void rememberView();

    Parts m_parts;
    EvidenceMatrixModel *m_model;
    EvidenceMatrixModel *m_unfiltered;
    QTabWidget *m_tabs;
    MatrixPage *m_page;
    QToolButton *m_chip;
    QAction *m_chipAction;
    QAction *m_export;
    QAction *m_showStudies;
    QAction *m_showMatrix;
    QAction *m_clearCell;
    QMenu *m_viewMenu;
    QString m_cellLabel;
    std::optional<QBitArray> m_lastMatches; ///< The search (and rule filter) the table shows.
    QString m_pendingPopulation, m_pendingCrampType;
    bool m_pendingShowTable = true;
    bool m_exporting = false;
    bool m_unfilteredStale = true; ///< m_unfiltered lags the table's studies or search.
    QElapsedTimer m_openedByMouse; ///< When the grid last opened a cell (see eventFilter).
};

} // namespace mgreview::gui
