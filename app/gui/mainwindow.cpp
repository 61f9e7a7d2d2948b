#include "mainwindow.h"

#include "annotationui.h"
#include "conclusionpane.h"
#include "duplicateui.h"
#include "exportui.h"
#include "importui.h"
#include "independencecombo.h"
#include "librarysession.h"
#include "matrixui.h"
#include "pdfindexui.h"
#include "pdfsearchui.h"
#include "pdfstudyui.h"
#include "pdfui.h"
#include "reviewpanebar.h"
#include "reviewui.h"
#include "rulescontroller.h"
#include "ruleserrorbar.h"
#include "rulesui.h"
#include "searchcontroller.h"
#include "searchfield.h"
#include "settings.h"
#include "studytableview.h"
#include "studyeditui.h"
#include "teamui.h"

#include "model/vocabulary.h"
#include "models/studydetailmodel.h"
#include "models/studytablemodel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace mgreview::gui {

MainWindow::MainWindow(const WindowOptions &options, QWidget *parent)
    : QMainWindow(parent),
      m_options(options),
      m_tableModel(new StudyTableModel(Vocabularies::builtin(), this)),
      m_detailModel(new StudyDetailModel(Vocabularies::builtin(), this)),
      m_session(new LibrarySession(this)),
      m_searchController(new SearchController(m_tableModel, this))
{
    setWindowTitle(tr("MgReview"));

    auto *toolbar = addToolBar(tr("Search and filter"));
    toolbar->setObjectName(QStringLiteral("searchToolbar"));
    toolbar->setMovable(false);
    m_search = new SearchField(toolbar);
    m_search->setMinimumWidth(fontMetrics().horizontalAdvance(u'M') * 26);
    toolbar->addWidget(m_search);
    toolbar->addSeparator();
    auto *filterLabel = new QLabel(tr("Funding:"), toolbar);
    filterLabel->setContentsMargins(6, 0, 4, 0);
    toolbar->addWidget(filterLabel);
    m_independence = new IndependenceCombo(m_tableModel, toolbar);
    filterLabel->setBuddy(m_independence);
    toolbar->addWidget(m_independence);

    m_table = new StudyTableView(m_tableModel);
    m_pane = new ConclusionPane(m_detailModel);
    m_pane->showMessage(tr("Opening library…"));
    ReviewUi::Parts reviewParts;
    reviewParts.window = this;
    reviewParts.session = m_session;
    reviewParts.studies = m_tableModel;
    reviewParts.remember = m_options.persistLayout;
    m_review = new ReviewUi(reviewParts, this);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    MatrixUi::Parts matrixParts;
    matrixParts.window = this;
    matrixParts.toolbar = toolbar;
    matrixParts.session = m_session;
    matrixParts.studies = m_tableModel;
    matrixParts.table = m_table;
    matrixParts.search = m_searchController;
    matrixParts.independence = m_independence;
    matrixParts.remember = m_options.persistLayout;
    matrixParts.errorDialogs = m_options.errorDialogs;
    m_matrix = new MatrixUi(matrixParts, this);
    // The table and the evidence matrix share the left side as tabs; the pane stays right.
    m_splitter->addWidget(m_matrix->tabs());
    m_pdf = new PdfUi({ this, m_matrix->tabs(), m_matrix->viewMenu() }, this);
    // The review bar ("Assess funding…") sits on top of the pane it is about.
    auto *paneBox = new QWidget(m_splitter);
    auto *paneLayout = new QVBoxLayout(paneBox);
    paneLayout->setContentsMargins(0, 0, 0, 0);
    paneLayout->setSpacing(0);
    paneLayout->addWidget(m_review->paneBar());
    paneLayout->addWidget(m_pane, 1);
    m_splitter->addWidget(paneBox);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 5);
    m_splitter->setStretchFactor(1, 4);
    m_splitter->setSizes({ 860, 540 });

    m_countLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->showMessage(tr("Opening library…"));

    RulesUi::Parts rulesParts;
    rulesParts.window = this;
    rulesParts.toolbar = toolbar;
    rulesParts.session = m_session;
    rulesParts.studies = m_tableModel;
    rulesParts.search = m_searchController;
    rulesParts.rememberRulesFile = m_options.persistLayout;
    m_rules = new RulesUi(rulesParts, this);
    m_team = new TeamUi({this, m_session, m_options.errorDialogs}, this);
    m_studyEdit = new StudyEditUi({this, m_session, m_review->profiles(), m_team, m_options.errorDialogs}, this);

    ExportUi::Parts exportParts;
    exportParts.window = this;
    exportParts.session = m_session;
    exportParts.independence = m_independence;
    exportParts.search = m_searchController;
    m_export = new ExportUi(exportParts, this);
    m_import = new ImportUi({ this, m_session, m_rules->controller() }, this);
    m_duplicates = new DuplicateUi({ this, m_session, m_review }, this);
    // Pairs an import listed appear in an open review at once.
    connect(m_import, &ImportUi::importFinished, m_duplicates, [this](bool ok) {
        if (ok) {
            m_duplicates->refresh();
            m_rules->controller()->studiesChanged(); // the Rules view's counts include the new records
        }
    });
    connect(m_duplicates, &DuplicateUi::changeFinished, this, [this](bool ok) {
        if (ok)
            m_rules->controller()->studiesChanged();
    });

    AnnotationUi::Parts annotationParts;
    annotationParts.window = this;
    annotationParts.session = m_session;
    annotationParts.pane = m_pane;
    annotationParts.review = m_review;
    m_annotations = new AnnotationUi(annotationParts, this);

    // The study's PDFs: a section under the pane, attach/detach, indexing in the status bar.
    m_pdfIndex = new PdfIndexUi(this, m_session, this);
    PdfStudyUi::Parts pdfParts { this, m_session, m_table, m_pane, m_pdf, m_review, m_annotations, m_pdfIndex,
        m_options.errorDialogs };
    m_pdfStudy = new PdfStudyUi(pdfParts, this);
    paneLayout->addWidget(m_pdfStudy->section());
    m_pdfSearch = new PdfSearchUi(this, m_session, m_pdfStudy, this);
    m_matrix->viewMenu()->addAction(m_pdfSearch->dock()->toggleViewAction());

    // The rules file's errors sit right above the table they affect, without blocking anything.
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_rules->warningBar());
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    buildActions();

    connect(m_search, &QLineEdit::textChanged, m_searchController, &SearchController::setQuery);
    connect(m_search, &SearchField::leaveToResults, m_table, &StudyTableView::focusResults);
    connect(m_searchController, &SearchController::applied, this, &MainWindow::searchApplied);
    connect(m_tableModel, &StudyTableModel::visibleStudiesChanged, this, &MainWindow::updateCount);
    connect(m_table, &StudyTableView::currentStudyChanged, m_session, &LibrarySession::loadStudy);
    connect(m_session, &LibrarySession::opened, this, &MainWindow::onLibraryOpened);
    connect(m_session, &LibrarySession::openFailed, this, &MainWindow::onLibraryFailed);
    connect(m_session, &LibrarySession::studyLoaded, this, &MainWindow::onStudyLoaded);
    connect(m_review, &ReviewUi::studyReviewLoaded, this, &MainWindow::showStudy);
    connect(m_session, &LibrarySession::studyLoadFailed, this, &MainWindow::onStudyLoadFailed);
    connect(m_rules->controller(), &RulesController::studiesReclassified, this, &MainWindow::onStudiesReclassified);
    connect(this, &MainWindow::studyShown, m_annotations, &AnnotationUi::setShownStudy);
    connect(this, &MainWindow::studyShown, m_pdfStudy, &PdfStudyUi::setShownStudy);
    connect(m_annotations, &AnnotationUi::pdfPageRequested, m_pdfStudy, &PdfStudyUi::openAttachmentAt);
    connect(this, &MainWindow::studyShown, m_studyEdit, &StudyEditUi::setShownStudy);
    connect(m_searchController, &SearchController::applied, m_pdfSearch, &PdfSearchUi::search);
    connect(m_pdfIndex, &PdfIndexUi::finished, this, [this] { m_pdfSearch->search(m_searchController->appliedQuery()); });

    resize(1400, 860);
    if (m_options.persistLayout)
        restoreLayout();
    updateCount();
    m_rules->useRulesFile(m_options.persistLayout ? Settings().rulesFile() : QString(), false);
}

MainWindow::~MainWindow()
{
    // Before the session (a child made earlier) waits for its I/O thread: stop a run.
    m_rules->controller()->cancelClassification();
    delete m_pdfIndex; // Its indexer uses the library the session closes.
    delete m_import; // Cancels a running import (nothing is written) before the session waits for it.
    m_import = nullptr;
}

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_import->importAction());
    file->addAction(m_export->exportAction());
    file->addAction(m_pdf->openAction());
    file->addAction(m_pdfIndex->indexAction());
    file->addAction(m_pdfStudy->linkAction());
    file->addSeparator();
    file->addAction(m_matrix->exportAction());
    file->addMenu(m_review->exportMenu());
    file->addMenu(m_annotations->fileMenu());
    file->addSeparator();
    file->addAction(m_team->connectAction());
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_review->undoAction());
    edit->addAction(m_review->redoAction());
    edit->addSeparator();
    QAction *find = edit->addAction(tr("&Find…"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    menuBar()->addMenu(m_matrix->viewMenu());
    m_review->studyMenu()->addAction(m_studyEdit->editAction());
    m_review->studyMenu()->addAction(m_pdfStudy->attachAction());
    m_review->studyMenu()->addAction(m_pdfStudy->openAtConclusionAction());
    m_review->studyMenu()->addSeparator();
    m_review->studyMenu()->addAction(m_duplicates->reviewAction());
    menuBar()->addMenu(m_review->studyMenu());
    menuBar()->addMenu(m_review->reviewMenu());
    menuBar()->addMenu(m_rules->menu());
    menuBar()->addMenu(m_review->profileMenu());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About MgReview"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About MgReview"),
            tr("<b>MgReview %1</b><p>A literature-review workbench for magnesium and muscle "
               "cramps: each study's own conclusion, its design and its funding.</p>")
                .arg(QApplication::applicationVersion().toHtmlEscaped()));
    });
}

void MainWindow::openLibrary(const LibraryLocation &location, const OpenOptions &options)
{
    setWindowTitle(tr("MgReview — %1").arg(location.displayName()));
    statusBar()->showMessage(tr("Opening library %1…").arg(location.displayName()));
    m_session->open(location, options);
}

void MainWindow::onLibraryOpened()
{
    m_tableModel->setStudies(m_session->takeSummaries());
    m_searchController->setIndex(m_session->searchIndex());
    m_loaded = true;

    const SeedReport &seed = m_session->seedReport();
    QString message = tr("Library %1 opened.").arg(m_session->location().displayName());
    if (seed.added > 0)
        message += u' '
            + (seed.added == 1 ? tr("1 study added from studies/.")
                               : tr("%1 studies added from studies/.").arg(seed.added));
    if (!seed.errors.isEmpty()) {
        message += u' ' + tr("%1 of the studies/ files could not be read (see the log).").arg(seed.errors.size());
        for (const QString &error : seed.errors)
            qWarning("%s", qUtf8Printable(error));
    }
    statusBar()->showMessage(message);
    m_pane->showMessage(tr("Select a study to read its conclusions."));
    m_rules->controller()->libraryOpened();
    m_review->libraryOpened();
    m_team->libraryOpened();
    m_annotations->libraryOpened();
    m_pdfIndex->libraryOpened();
    Q_EMIT libraryLoaded();

    if (!m_pendingSelect.isEmpty())
        selectStudy(std::exchange(m_pendingSelect, QString()));
}

void MainWindow::onLibraryFailed(const QString &error)
{
    statusBar()->showMessage(tr("The library could not be opened."));
    m_pane->showMessage(tr("The library could not be opened:\n%1").arg(error));
    showError(tr("Cannot open the library"), error);
    Q_EMIT libraryFailed(error);
}

void MainWindow::selectStudy(const QString &id)
{
    if (!m_loaded) {
        m_pendingSelect = id;
        return;
    }
    if (m_table->selectStudy(id))
        return;
    const bool exists = std::any_of(m_tableModel->allStudies().cbegin(), m_tableModel->allStudies().cend(),
        [&](const StudySummary &s) { return s.id == id; });
    const QString why = exists ? tr("study “%1” is hidden by the current search or filter").arg(id)
                               : tr("no study with id “%1” in this library").arg(id);
    statusBar()->showMessage(why);
    Q_EMIT studyNotFound(id, why);
}

void MainWindow::onStudyLoaded(const Study &study, const QVector<Suggestion> &suggestions)
{
    // What reviewers decided (and what the signed-in person may see of it) is read next, so
    // the pane changes once, with both.
    m_review->loadStudyReview(study, suggestions);
}

void MainWindow::showStudy(const Study &study, const QVector<Suggestion> &suggestions, const StudyReviewInfo &review)
{
    // The same study again (new suggestions after a classification): keep the reader's place.
    const bool refresh = study.id == m_shownId;
    const int scroll = m_pane->verticalScrollBar()->value();
    m_detailModel->setStudy(study, suggestions, review);
    m_shownId = study.id;
    m_review->setShownStudy(study.id);
    if (refresh)
        m_pane->verticalScrollBar()->setValue(scroll);
    else
        scrollPaneToSection();
    Q_EMIT studyShown(study.id);
}

void MainWindow::onStudiesReclassified(
    const QVector<StudySummary> &rows, const std::shared_ptr<const StudySearchIndex> &searchIndex)
{
    // New rule values in the rows; the view keeps the current study selected across the reset.
    m_tableModel->setStudies(rows);
    if (searchIndex) {
        // Other studies than before: search again with a matching index.
        m_searchController->setIndex(searchIndex);
        m_rules->studiesReplaced();
    } else {
        // The same studies in the same order: the search and rule filter still fit, at once.
        m_searchController->reapply();
    }
    if (!m_shownId.isEmpty())
        m_session->loadStudy(m_shownId);
}

void MainWindow::replaceStudyRows(const QVector<StudySummary> &rows)
{
    onStudiesReclassified(rows, nullptr);
}

void MainWindow::replaceStudies(
    const QVector<StudySummary> &rows, const std::shared_ptr<const StudySearchIndex> &searchIndex)
{
    onStudiesReclassified(rows, searchIndex);
}

void MainWindow::replaceSearchIndex(
    const QVector<StudySummary> &rows, const std::shared_ptr<const StudySearchIndex> &searchIndex)
{
    onStudiesReclassified(rows, searchIndex);
}

std::shared_ptr<const StudySearchIndex> MainWindow::searchIndex() const
{
    return m_searchController->index();
}

void MainWindow::setSearchIndex(std::shared_ptr<const StudySearchIndex> searchIndex)
{
    m_searchController->setIndex(std::move(searchIndex));
}

void MainWindow::reloadShownStudy()
{
    if (m_loaded && !m_shownId.isEmpty())
        m_session->loadStudy(m_shownId);
}

void MainWindow::setRulesFile(const QString &path)
{
    m_rules->useRulesFile(path, false);
}

void MainWindow::showRulesView()
{
    m_rules->showView();
}

void MainWindow::selectRule(const QString &id)
{
    m_rules->showView();
    m_rules->selectRule(id);
}

void MainWindow::setPaneSection(const QString &sectionId)
{
    m_paneSection = sectionId;
}

void MainWindow::scrollPaneToSection()
{
    if (m_paneSection.isEmpty() || !m_pane->scrollToSection(m_paneSection))
        m_pane->verticalScrollBar()->setValue(0);
}

void MainWindow::onStudyLoadFailed(const QString &id, const QString &error)
{
    m_detailModel->clear();
    m_shownId.clear();
    m_review->setShownStudy(QString());
    m_pane->showMessage(tr("Study “%1” could not be loaded:\n%2").arg(id, error));
    statusBar()->showMessage(error);
    Q_EMIT studyNotFound(id, error);
}

void MainWindow::setSearchText(const QString &text)
{
    m_search->setText(text);
}

bool MainWindow::isSearchSettled() const
{
    return m_searchController->isSettled();
}

bool MainWindow::isSettled() const
{
    return isSearchSettled() && m_rules->isSettled() && !m_session->isLoadingStudy() && m_review->isSettled()
        && m_annotations->isSettled()
        && m_pdf->isSettled() && m_pdfStudy->isSettled()
        && m_pdfSearch->isSettled()
        && (!m_import || !m_import->isBusy()) && !m_duplicates->isBusy();
}

void MainWindow::setIndependenceFilter(IndependenceFilter filter)
{
    m_independence->setCurrentFilter(filter);
}

void MainWindow::updateCount()
{
    const int total = int(m_tableModel->allStudies().size());
    const int shown = m_tableModel->rowCount();
    const QLocale locale;
    if (shown == total)
        m_countLabel->setText(total == 1 ? tr("1 study") : tr("%1 studies").arg(locale.toString(total)));
    else
        m_countLabel->setText(tr("%1 of %2 studies shown").arg(locale.toString(shown), locale.toString(total)));
}

void MainWindow::showError(const QString &title, const QString &text)
{
    if (!m_options.errorDialogs)
        return;
    // Window-modal and non-blocking: the app keeps running behind it.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::restoreLayout()
{
    const Settings settings;
    if (const QByteArray geometry = settings.windowGeometry(); !geometry.isEmpty())
        restoreGeometry(geometry);
    if (const QByteArray state = settings.windowState(); !state.isEmpty())
        restoreState(state);
    if (const QByteArray state = settings.splitterState(); !state.isEmpty())
        m_splitter->restoreState(state);
    if (const QByteArray state = settings.tableHeaderState(); !state.isEmpty()) {
        QHeaderView *header = m_table->horizontalHeader();
        if (header->restoreState(state))
            m_tableModel->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    }
    m_independence->setCurrentFilter(settings.independenceFilter());
}

void MainWindow::saveLayout()
{
    Settings settings;
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(saveState());
    settings.setSplitterState(m_splitter->saveState());
    settings.setTableHeaderState(m_table->horizontalHeader()->saveState());
    settings.setIndependenceFilter(m_independence->currentFilter());
    settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_options.persistLayout)
        saveLayout();
    QMainWindow::closeEvent(event);
}

} // namespace mgreview::gui
