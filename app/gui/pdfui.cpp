#include "pdfui.h"

#include "pdfviewer.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>
#include <QTabWidget>

namespace mgreview::gui {

PdfUi::PdfUi(const Parts &parts, QObject *parent) : QObject(parent), m_parts(parts), m_viewer(new PdfViewer)
{
    parts.tabs->addTab(m_viewer, tr("PDF"));
    parts.tabs->setTabToolTip(parts.tabs->indexOf(m_viewer), tr("Read a PDF beside the conclusion pane (Ctrl+3)"));

    m_open = new QAction(tr("Open &PDF…"), parts.window);
    m_open->setObjectName(QStringLiteral("openPdf"));
    m_open->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_open->setStatusTip(tr("Read a PDF file in the PDF tab"));
    connect(m_open, &QAction::triggered, this, &PdfUi::chooseFile);

    m_show = new QAction(tr("&PDF"), parts.window);
    m_show->setObjectName(QStringLiteral("showPdf"));
    m_show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    connect(m_show, &QAction::triggered, this, &PdfUi::showViewer);
    if (parts.viewMenu)
        parts.viewMenu->addAction(m_show);
    else
        parts.window->addAction(m_show);

    connect(m_viewer, &PdfViewer::documentOpened, this, [this](const QString &path, int pages) {
        m_parts.window->statusBar()->showMessage(
            tr("%1 opened: %n page(s).", nullptr, pages).arg(QFileInfo(path).fileName()), 10'000);
    });
    connect(m_viewer, &PdfViewer::openFailed, this, [this](const QString &, const QString &message) {
        m_parts.window->statusBar()->showMessage(message);
    });
    connect(m_viewer, &PdfViewer::evidenceSelected, this,
        [this](const QString &text, int page) { Q_EMIT evidenceSelected(m_viewer->filePath(), text, page); });
    connect(m_viewer, &PdfViewer::annotateRequested, this,
        [this](const QString &text, int page, const QVector<QRectF> &rects) {
            Q_EMIT annotateRequested(m_viewer->filePath(), text, page, rects);
        });
}

void PdfUi::openPdf(const QString &path, int page, const QString &find, const QString &password)
{
    m_viewer->openFile(path, password);
    // The tab names the file even when it cannot be shown: the message below says why.
    const int tab = m_parts.tabs->indexOf(m_viewer);
    m_parts.tabs->setTabText(tab, tr("PDF: %1").arg(QFileInfo(path).fileName()));
    m_parts.tabs->setTabToolTip(tab, QDir::toNativeSeparators(path));
    if (page > 0)
        m_viewer->goToPage(page);
    if (!find.isEmpty())
        m_viewer->find(find);
    showViewer();
}

void PdfUi::showViewer()
{
    m_parts.tabs->setCurrentWidget(m_viewer);
}

bool PdfUi::isViewerShown() const
{
    return m_parts.tabs->currentWidget() == m_viewer;
}

bool PdfUi::isSettled() const
{
    return m_viewer->isSettled();
}

void PdfUi::chooseFile()
{
    auto *dialog = new QFileDialog(m_parts.window, tr("Open PDF"));
    dialog->setObjectName(QStringLiteral("openPdfDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({ tr("PDF files (*.pdf *.PDF)"), tr("All files (*)") });
    const QString current = m_viewer->filePath();
    dialog->setDirectory(current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath());
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { openPdf(path); });
    dialog->open();
}

} // namespace mgreview::gui
