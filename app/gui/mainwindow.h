#pragma once

#include "library/libraryloader.h"
#include "library/studyfilter.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QSplitter;

namespace mgreview {
class StudyDetailModel;
struct StudyReviewInfo;
class StudySearchIndex;
class StudyTableModel;
struct StudySummary;
struct Study;
struct Suggestion;
} // namespace mgreview

namespace mgreview::gui {

class AnnotationUi;
class ConclusionPane;
class IndependenceCombo;
class LibrarySession;
class DuplicateUi;
class ExportUi;
class ImportUi;
class MatrixUi;
class PdfIndexUi;
class PdfSearchUi;
class PdfStudyUi;
class PdfUi;
class ReviewUi;
class RulesUi;
class SearchController;
class SearchField;
class StudyEditUi;
class TeamUi;
class StudyTableView;

/// How a window behaves beyond what the user sees.
struct WindowOptions {
    /// Restore and save geometry, splitter, columns and filter, and use the rules file of the settings.
    bool persistLayout = true;
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
    /// True when nothing is pending: search applied, rules loaded, no classification
    /// running, the rule filter applied, the pane up to date, no import or duplicate change under way.
    bool isSettled() const;
    void setIndependenceFilter(IndependenceFilter filter);

    /// Uses a user rules file for this window (empty: the default rules only); not stored
    /// in the settings (Rules ▸ Use rules file… does that).
    void setRulesFile(const QString &path);
    /// Shows the Rules view.
    void showRulesView();
    /// Selects a rule in the Rules view, limiting the table to the studies it matched.
    void selectRule(const QString &id);
    /// After each study is shown, scroll the pane to this section ("rules", "funding", …);
    /// empty: to the top.
    void setPaneSection(const QString &sectionId);
    void scrollPaneToSection();

    // For tests and the screenshot runner.
    StudyTableModel *tableModel() const { return m_tableModel; }
    StudyTableView *tableView() const { return m_table; }
    SearchField *searchField() const { return m_search; }
    IndependenceCombo *independenceCombo() const { return m_independence; }
    ConclusionPane *pane() const { return m_pane; }
    QSplitter *splitter() const { return m_splitter; }
    RulesUi *rules() const { return m_rules; }
    /// The evidence matrix: its tab, models, cell filter and export.
    MatrixUi *matrix() const { return m_matrix; }
    /// Funding review: profile, Assess funding…, undo stack, conflicts, agreement, exports.
    ReviewUi *review() const { return m_review; }
    /// Team mode: Connect to team library…, live changes of a PostgreSQL library.
    TeamUi *team() const { return m_team; }
    /// Study ▸ Edit study…: saves against the version read, with the conflict dialog.
    StudyEditUi *studyEdit() const { return m_studyEdit; }
    /// File ▸ Export studies… (RIS, BibTeX, CSV, JSON, studies/ folder).
    ExportUi *exporter() const { return m_export; }
    /// File ▸ Import bibliography… and bibliography files dropped on the window.
    ImportUi *importer() const { return m_import; }
    /// Study ▸ Review duplicates…: probable duplicates side by side, merge (undoable) or keep both.
    DuplicateUi *duplicates() const { return m_duplicates; }
    /// Annotations: Highlight…, the highlights in the pane, the Notes view.
    AnnotationUi *annotations() const { return m_annotations; }
    /// The PDF tab: viewer, File ▸ Open PDF…, evidence and annotation requests.
    PdfUi *pdf() const { return m_pdf; }
    /// The open library and its I/O thread (tests queue work behind the window's own).
    LibrarySession *session() const { return m_session; }
    /// The study's PDFs: attach, detach, the pane's PDF section, quote checks, evidence wiring.
    PdfStudyUi *pdfStudy() const { return m_pdfStudy; }
    /// Background PDF indexing with its status-bar progress.
    PdfIndexUi *pdfIndexing() const { return m_pdfIndex; }
    /// "Found in PDFs": the PDF pages holding the search words.
    PdfSearchUi *pdfSearch() const { return m_pdfSearch; }

    /// New rows for the same studies in the same order (e.g. after a review change): the
    /// search, filters and selection stay; the pane shows the study again.
    void replaceStudyRows(const QVector<mgreview::StudySummary> &rows);
    /// New rows that may add or remove studies (colleagues' changes), with their search index.
    void replaceStudies(const QVector<mgreview::StudySummary> &rows,
                        const std::shared_ptr<const mgreview::StudySearchIndex> &searchIndex);
    /// Reads the shown study again (its review or who is reading changed).
    void reloadShownStudy();
    /// New rows and a new search index for the same studies (e.g. after a note changed, so
    /// search finds it): the search runs again, the selection stays.
    void replaceSearchIndex(const QVector<mgreview::StudySummary> &rows,
        const std::shared_ptr<const mgreview::StudySearchIndex> &searchIndex);
    /// The search index of the table's studies (rows in the order of the model's studies).
    std::shared_ptr<const mgreview::StudySearchIndex> searchIndex() const;
    /// The same studies, some rows' text updated (SearchIndexUpdater): the search runs again.
    void setSearchIndex(std::shared_ptr<const mgreview::StudySearchIndex> searchIndex);

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
    void onStudyLoaded(const Study &study, const QVector<Suggestion> &suggestions);
    void showStudy(const Study &study, const QVector<Suggestion> &suggestions, const StudyReviewInfo &review);
    void onStudiesReclassified(
        const QVector<StudySummary> &rows, const std::shared_ptr<const StudySearchIndex> &searchIndex);
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
    RulesUi *m_rules = nullptr;
    MatrixUi *m_matrix = nullptr;
    ExportUi *m_export = nullptr;
    ImportUi *m_import = nullptr;
    DuplicateUi *m_duplicates = nullptr;
    ReviewUi *m_review = nullptr;
    TeamUi *m_team = nullptr;
    StudyEditUi *m_studyEdit = nullptr;
    AnnotationUi *m_annotations = nullptr;
    PdfUi *m_pdf = nullptr;
    PdfIndexUi *m_pdfIndex = nullptr;
    PdfStudyUi *m_pdfStudy = nullptr;
    PdfSearchUi *m_pdfSearch = nullptr;
    SearchField *m_search;
    IndependenceCombo *m_independence;
    StudyTableView *m_table;
    ConclusionPane *m_pane;
    QSplitter *m_splitter;
    QLabel *m_countLabel;
    bool m_loaded = false;
    QString m_pendingSelect;
    QString m_shownId;
    QString m_paneSection;
};

} // namespace mgreview::gui
