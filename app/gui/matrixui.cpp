#include "matrixui.h"

#include "independencecombo.h"
#include "librarysession.h"
#include "matrixexporter.h"
#include "matrixpage.h"
#include "matrixview.h"
#include "searchcontroller.h"
#include "settings.h"
#include "studytableview.h"

#include "matrix/evidencematrixmodel.h"
#include "model/vocabulary.h"
#include "models/studytablemodel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>

namespace mgreview::gui {

namespace {

constexpr auto kStudiesView = "studies";
constexpr auto kMatrixView = "matrix";

struct FormatChoice {
    MatrixFormat format;
    const char *filter;
};
// Figures first: what a clinician prints or pastes into slides.
const FormatChoice kFormats[] = {
    { MatrixFormat::Pdf, QT_TRANSLATE_NOOP("MatrixUi", "PDF figure (*.pdf)") },
    { MatrixFormat::Png, QT_TRANSLATE_NOOP("MatrixUi", "PNG figure (*.png)") },
    { MatrixFormat::Svg, QT_TRANSLATE_NOOP("MatrixUi", "SVG figure (*.svg)") },
    { MatrixFormat::Html, QT_TRANSLATE_NOOP("MatrixUi", "HTML report with every study (*.html)") },
    { MatrixFormat::Csv, QT_TRANSLATE_NOOP("MatrixUi", "CSV table (*.csv)") },
    { MatrixFormat::Json, QT_TRANSLATE_NOOP("MatrixUi", "JSON data (*.json)") },
};

} // namespace

MatrixUi::MatrixUi(const Parts &parts, QObject *parent)
    : QObject(parent),
      m_parts(parts),
      m_model(new EvidenceMatrixModel(Vocabularies::builtin(), this)),
      m_unfiltered(new EvidenceMatrixModel(Vocabularies::builtin(), this)),
      m_tabs(new QTabWidget(parts.window)),
      m_page(new MatrixPage(m_model, m_unfiltered))
{
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(parts.table, tr("Studies"));
    m_tabs->addTab(m_page, tr("Evidence matrix"));
    m_tabs->setTabToolTip(0, tr("Every study, with search and the funding filter (Ctrl+1)"));
    m_tabs->setTabToolTip(1, tr("Populations × cramp types: where the evidence is and what it concludes (Ctrl+2)"));

    m_chip = new QToolButton(parts.toolbar);
    m_chip->setObjectName(QStringLiteral("cellFilterChip"));
    m_chip->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_chip->setStyleSheet(QStringLiteral("QToolButton#cellFilterChip { background-color: #e4ecf7; border: 1px solid "
                                         "#7d9cc4; border-radius: 9px; padding: 1px 8px; color: #1d3b5a; }"));
    m_chip->setToolTip(tr("The table shows only the studies of this matrix cell. Click to show every study again."));
    parts.toolbar->addSeparator();
    m_chipAction = parts.toolbar->addWidget(m_chip);
    m_chipAction->setVisible(false);
    connect(m_chip, &QToolButton::clicked, this, &MatrixUi::clearCellFilter);

    buildActions();

    // The matrix shows what the table is given: the same studies, funding filter and search.
    connect(parts.studies, &QAbstractItemModel::modelReset, this, &MatrixUi::syncStudies);
    connect(parts.studies, &StudyTableModel::visibleStudiesChanged, this, &MatrixUi::syncFilter);
    connect(parts.search, &SearchController::matchesApplied, this, &MatrixUi::onMatchesApplied);
    connect(m_page, &MatrixPage::filterChosen, parts.independence, &IndependenceCombo::setCurrentFilter);
    connect(m_page->view(), &MatrixView::cellOpened, this, &MatrixUi::onCellOpened);
    connect(parts.session, &LibrarySession::opened, m_export, [this] { m_export->setEnabled(true); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        const bool matrix = isMatrixShown();
        m_showMatrix->setChecked(matrix);
        m_showStudies->setChecked(!matrix);
        if (matrix)
            m_page->view()->setFocus(Qt::OtherFocusReason);
        rememberView();
    });
    // A double click on a cell switches to the table after its first click: the second must
    // not select whatever study lies under the pointer there.
    parts.table->viewport()->installEventFilter(this);

    syncStudies();
    syncFilter();
    if (m_parts.remember && Settings().mainView() == QLatin1String(kMatrixView))
        showMatrix();
}

MatrixView *MatrixUi::view() const
{
    return m_page->view();
}

void MatrixUi::buildActions()
{
    QMainWindow *window = m_parts.window;
    m_export = new QAction(tr("Export &matrix…"), window);
    m_export->setObjectName(QStringLiteral("exportMatrix"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_export->setStatusTip(tr("Save the evidence matrix as shown (funding filter and search) as a figure, a report "
                              "or data"));
    m_export->setEnabled(false); // Until the library is open.
    connect(m_export, &QAction::triggered, this, &MatrixUi::chooseExportFile);

    m_viewMenu = new QMenu(tr("&View"), window);
    auto *group = new QActionGroup(this);
    m_showStudies = m_viewMenu->addAction(tr("&Studies"));
    m_showStudies->setObjectName(QStringLiteral("showStudies"));
    m_showStudies->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_showStudies->setCheckable(true);
    m_showStudies->setChecked(true);
    group->addAction(m_showStudies);
    m_showMatrix = m_viewMenu->addAction(tr("Evidence &matrix"));
    m_showMatrix->setObjectName(QStringLiteral("showMatrix"));
    m_showMatrix->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_showMatrix->setCheckable(true);
    group->addAction(m_showMatrix);
    m_viewMenu->addSeparator();
    m_clearCell = m_viewMenu->addAction(tr("&Clear cell filter"));
    m_clearCell->setObjectName(QStringLiteral("clearCellFilter"));
    m_clearCell->setEnabled(false);
    connect(m_showStudies, &QAction::triggered, this, &MatrixUi::showStudies);
    connect(m_showMatrix, &QAction::triggered, this, &MatrixUi::showMatrix);
    connect(m_clearCell, &QAction::triggered, this, &MatrixUi::clearCellFilter);
}

void MatrixUi::showMatrix()
{
    m_tabs->setCurrentWidget(m_page);
}

void MatrixUi::showStudies()
{
    m_tabs->setCurrentWidget(m_parts.table);
}

bool MatrixUi::isMatrixShown() const
{
    return m_tabs->currentWidget() == m_page;
}

void MatrixUi::rememberView()
{
    if (m_parts.remember)
        Settings().setMainView(QString::fromLatin1(isMatrixShown() ? kMatrixView : kStudiesView));
}

void MatrixUi::syncStudies()
{
    // The table resets for every search and filter too; only a new study list concerns the
    // matrix (the rows are shared, not copied).
    const QVector<StudySummary> &studies = m_parts.studies->allStudies();
    if (studies.constData() == m_model->allStudies().constData() && studies.size() == m_model->allStudies().size())
        return;
    // The unfiltered twin costs a second pass over the studies: only kept while a funding
    // filter is in force (without one, the shown matrix is the unfiltered one).
    m_lastMatches.reset(); // The table dropped its text matches with the old studies too.
    m_unfilteredStale = true;
    if (m_model->filter().independence != IndependenceFilter::All)
        feedUnfiltered();
    else
        m_unfiltered->setStudies({});
    m_model->setStudies(studies);
    if (!m_pendingPopulation.isEmpty() && !studies.isEmpty()) {
        const QString population = std::exchange(m_pendingPopulation, QString());
        openCell(population, std::exchange(m_pendingCrampType, QString()), m_pendingShowTable);
    }
}

void MatrixUi::syncFilter()
{
    const StudyFilter &table = m_parts.studies->filter();
    if (table.independence != m_model->filter().independence) {
        if (table.independence != IndependenceFilter::All && m_unfilteredStale)
            feedUnfiltered(); // First, so the page reads "1 of 20" when the filter lands.
        StudyFilter filter;
        filter.independence = table.independence;
        m_model->setFilter(filter); // One pass over precomputed codes: no I/O, no strings.
    }
    m_page->setFilter(table.independence);
    if (table.population.isEmpty() && table.crampType.isEmpty() && !m_cellLabel.isEmpty())
        setCellChip(QString());
}

void MatrixUi::feedUnfiltered()
{
    const QVector<StudySummary> &studies = m_parts.studies->allStudies();
    if (studies.constData() != m_unfiltered->allStudies().constData()
        || studies.size() != m_unfiltered->allStudies().size())
        m_unfiltered->setStudies(studies);
    m_unfiltered->setTextMatches(
        m_lastMatches && m_lastMatches->size() == studies.size() ? m_lastMatches : std::nullopt);
    m_unfilteredStale = false;
}

void MatrixUi::onMatchesApplied(const std::optional<QBitArray> &rows)
{
    m_lastMatches = rows;
    m_unfilteredStale = true;
    if (m_model->filter().independence != IndependenceFilter::All)
        feedUnfiltered();
    m_model->setTextMatches(rows);
    const QString query = m_parts.search->appliedQuery();
    QString scope;
    if (!query.isEmpty() && m_parts.search->hasRestriction())
        scope = tr("Search “%1” and the rule filter apply.").arg(query);
    else if (!query.isEmpty())
        scope = tr("Search: “%1”.").arg(query);
    else if (rows)
        scope = tr("The rule filter in the toolbar applies.");
    m_page->setScope(scope);
}

void MatrixUi::onCellOpened(const QModelIndex &index)
{
    m_openedByMouse.start();
    openCell(index, true);
}

void MatrixUi::openCell(const QModelIndex &index, bool showTable)
{
    if (!m_model->cellAt(index))
        return;
    m_page->view()->setCurrentCell(index);
    StudyFilter filter = m_model->cellFilter(index);
    filter.independence = m_parts.studies->filter().independence;
    if (filter.population.isEmpty() && filter.crampType.isEmpty()) {
        // The grand total: every study, so no cell filter at all.
        clearCellFilter();
    } else {
        m_parts.studies->setFilter(filter);
        setCellChip(m_page->view()->cellName(index));
    }
    if (showTable) {
        showStudies();
        m_parts.table->focusResults();
    }
}

bool MatrixUi::openCell(const QString &populationId, const QString &crampTypeId, bool showTable)
{
    const QModelIndex index = m_model->indexOf(populationId, crampTypeId);
    if (!index.isValid())
        return false;
    if (m_model->allStudies().isEmpty()) {
        // Asked for at start (--cell): done once the library's studies are in.
        m_pendingPopulation = populationId;
        m_pendingCrampType = crampTypeId;
        m_pendingShowTable = showTable;
        return true;
    }
    openCell(index, showTable);
    return true;
}

void MatrixUi::clearCellFilter()
{
    m_pendingPopulation.clear();
    m_pendingCrampType.clear();
    StudyFilter filter = m_parts.studies->filter();
    const bool had = !filter.population.isEmpty() || !filter.crampType.isEmpty();
    setCellChip(QString());
    if (had) {
        filter.population.clear();
        filter.crampType.clear();
        m_parts.studies->setFilter(filter);
    }
}

bool MatrixUi::hasCellFilter() const
{
    return !m_cellLabel.isEmpty();
}

void MatrixUi::setCellChip(const QString &label)
{
    if (label == m_cellLabel)
        return;
    m_cellLabel = label;
    m_chip->setText(tr("Cell: %1  ✕").arg(label));
    m_chip->setAccessibleName(tr("Matrix cell filter %1; press to remove").arg(label));
    m_chipAction->setVisible(!label.isEmpty());
    m_clearCell->setEnabled(!label.isEmpty());
    Q_EMIT cellFilterChanged(label);
}

bool MatrixUi::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_parts.table->viewport() && m_openedByMouse.isValid()
        && m_openedByMouse.elapsed() < QApplication::doubleClickInterval()) {
        switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick:
            return true;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

void MatrixUi::chooseExportFile()
{
    auto *dialog = new QFileDialog(m_parts.window, tr("Export evidence matrix"));
    dialog->setObjectName(QStringLiteral("matrixExportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    QStringList filters;
    for (const FormatChoice &choice : kFormats)
        filters.append(tr(choice.filter));
    dialog->setNameFilters(filters);
    dialog->selectNameFilter(filters.constFirst());
    const IndependenceFilter filter = m_model->filter().independence;
    const QString folder = m_parts.remember ? Settings().matrixExportFolder() : QString();
    dialog->setDirectory(folder.isEmpty() ? QDir::homePath() : folder);
    dialog->setDefaultSuffix(matrixFormatSuffix(kFormats[0].format));
    dialog->selectFile(defaultMatrixExportName(filter, kFormats[0].format));
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog, filters, filter](const QString &chosen) {
        const qsizetype i = filters.indexOf(chosen);
        if (i < 0)
            return;
        dialog->setDefaultSuffix(matrixFormatSuffix(kFormats[i].format));
        dialog->selectFile(defaultMatrixExportName(filter, kFormats[i].format));
    });
    connect(dialog, &QFileDialog::fileSelected, this, [this, dialog, filters](const QString &path) {
        // A suffix the user typed wins over the list's choice ("matrix.csv" with "PDF" chosen).
        std::optional<MatrixFormat> format = matrixFormatFromString(QFileInfo(path).suffix().toLower());
        if (!format || *format == MatrixFormat::Table) {
            const qsizetype i = filters.indexOf(dialog->selectedNameFilter());
            format = kFormats[i < 0 ? 0 : i].format;
        }
        if (m_parts.remember)
            Settings().setMatrixExportFolder(QFileInfo(path).absolutePath());
        exportMatrix(path, *format);
    });
    dialog->open();
}

void MatrixUi::exportMatrix(const QString &path, MatrixFormat format)
{
    if (m_exporting)
        return;
    if (!m_parts.session->isOpen()) {
        Q_EMIT exportFinished(false, tr("The library is not open yet."));
        return;
    }
    MatrixExportJob job;
    job.path = path;
    job.format = format;
    job.studies = m_model->allStudies();
    job.filter = m_model->filter().independence;
    // Exactly what the matrix shows: a stale search result (older studies) is not used.
    job.textMatches = m_lastMatches && m_lastMatches->size() == job.studies.size() ? m_lastMatches : std::nullopt;
    m_exporting = true;
    m_export->setEnabled(false);
    m_parts.window->statusBar()->showMessage(tr("Exporting the evidence matrix to %1…").arg(path));
    startMatrixExport(m_parts.session, std::move(job)).then(this, [this](const MatrixExportOutcome &outcome) {
        m_exporting = false;
        m_export->setEnabled(true);
        m_parts.window->statusBar()->showMessage(outcome.message, outcome.ok ? 10'000 : 0);
        if (!outcome.ok && m_parts.errorDialogs) {
            auto *box = new QMessageBox(
                QMessageBox::Warning, tr("Cannot export the matrix"), outcome.message, QMessageBox::Ok, m_parts.window);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
        Q_EMIT exportFinished(outcome.ok, outcome.message);
    });
}

} // namespace mgreview::gui
