#pragma once

#include "library/libraryloader.h"
#include "library/studyfilter.h"

#include <QMainWindow>

class QLabel;
class QSplitter;

namespace mgreview {
class StudyDetailModel;
class StudyTableModel;
struct Study;
} // namespace mgreview

namespace mgreview::gui {

class ConclusionPane;
class IndependenceCombo;
class LibrarySession;
class SearchController;
class SearchField;
class StudyTableView;

/// How a window behaves beyond what the user sees.
struct WindowOptions {
    bool persistLayout = true; ///< Restore and save geometry, splitter, columns and filter.
    bool errorDialogs = true; ///< Show errors in a message box too (off for --screenshot).
};

/// The main window: search and filter toolbar, the study table and the conclusion pane.
///
/// It only wires widgets to models and to the LibrarySession; the library is opened and
/// studies are loaded off the GUI thread, so the window shows at once.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const WindowOptions &options = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Starts opening a library; the window fills in when it is ready.
    void openLibrary(const LibraryLocation &location, const OpenOptions &options = {});
    bool isLibraryLoaded() const { return m_loaded; }

    /// Selects a study (once the library is loaded); emits studyShown() when the pane shows
    /// it, or studyNotFound() when no visible study has that id.
    void selectStudy(const QString &id);
    /// The id of the study the pane shows, or empty.
    QString shownStudyId() const { return m_shownId; }
    void setSearchText(const QString &text);
    /// True when the table shows the result of the current search text.
    bool isSearchSettled() const;
    void setIndependenceFilter(IndependenceFilter filter);

    // For tests and the screenshot runner.
    StudyTableModel *tableModel() const { return m_tableModel; }
    StudyTableView *tableView() const { return m_table; }
    SearchField *searchField() const { return m_search; }
    IndependenceCombo *independenceCombo() const { return m_independence; }
    ConclusionPane *pane() const { return m_pane; }
    QSplitter *splitter() const { return m_splitter; }

Q_SIGNALS:
    void libraryLoaded();
    void libraryFailed(const QString &error);
    void studyShown(const QString &id);
    void studyNotFound(const QString &id, const QString &why);
    /// The table shows the result of this search text.
    void searchApplied(const QString &query);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void onLibraryOpened();
    void onLibraryFailed(const QString &error);
    void onStudyLoaded(const Study &study);
    void onStudyLoadFailed(const QString &id, const QString &error);
    void updateCount();
    void restoreLayout();
    void saveLayout();
    void showError(const QString &title, const QString &text);

    WindowOptions m_options;
    StudyTableModel *m_tableModel;
    StudyDetailModel *m_detailModel;
    LibrarySession *m_session;
    SearchController *m_searchController;
    SearchField *m_search;
    IndependenceCombo *m_independence;
    StudyTableView *m_table;
    ConclusionPane *m_pane;
    QSplitter *m_splitter;
    QLabel *m_countLabel;
    bool m_loaded = false;
    QString m_pendingSelect;
    QString m_shownId;
};

} // namespace mgreview::gui
