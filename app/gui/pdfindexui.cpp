#include "pdfindexui.h"

#include "librarysession.h"

#include "pdf/pdfindexer.h"
#include "pdf/pdfindexing.h"

#include <QAction>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLabel>
#include <QMainWindow>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

#include <utility>

namespace mgreview::gui {

PdfIndexUi::PdfIndexUi(QMainWindow *window, LibrarySession *session, QObject *parent)
    : QObject(parent), m_window(window), m_session(session)
{
    m_indexAll = new QAction(tr("&Index PDFs"), this);
    m_indexAll->setObjectName(QStringLiteral("indexPdfs"));
    m_indexAll->setToolTip(tr("Extract the text of every PDF not indexed yet, in the background"));
    m_indexAll->setEnabled(false);
    connect(m_indexAll, &QAction::triggered, this, &PdfIndexUi::indexPending);

    m_label = new QLabel(window);
    m_bar = new QProgressBar(window);
    m_bar->setObjectName(QStringLiteral("pdfIndexProgress"));
    m_bar->setMaximumWidth(180);
    m_bar->setFormat(tr("%v of %m PDFs"));
    m_cancel = new QToolButton(window);
    m_cancel->setObjectName(QStringLiteral("pdfIndexCancel"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop indexing PDFs (nothing half done is stored)"));
    connect(m_cancel, &QToolButton::clicked, this, &PdfIndexUi::cancel);
    window->statusBar()->addPermanentWidget(m_label);
    window->statusBar()->addPermanentWidget(m_bar);
    window->statusBar()->addPermanentWidget(m_cancel);
    showRunning(false);
}

PdfExtractionOptions PdfIndexUi::extractionOptions()
{
    PdfExtractionOptions options;
    // Installed beside mgreview; in a build tree in ../cli; MGREVIEW_CLI names it elsewhere.
    const QString dir = QCoreApplication::applicationDirPath();
    const QStringList candidates { qEnvironmentVariable("MGREVIEW_CLI"), dir + QStringLiteral("/mgreview-cli"),
        dir + QStringLiteral("/../cli/mgreview-cli") };
    for (const QString &cli : candidates) {
        if (!cli.isEmpty() && QFileInfo(cli).isExecutable()) {
            options.helperProgram = QFileInfo(cli).absoluteFilePath();
            return options;
        }
    }
    static bool warned = false;
    if (!std::exchange(warned, true))
        qWarning("mgreview-cli is not beside mgreview: PDFs are read in this process, without a time limit");
    return options;
}

PdfIndexUi::~PdfIndexUi()
{
    delete m_indexer; // Cancels and waits, before the session closes the library.
}

void PdfIndexUi::libraryOpened()
{
    // PdfIndexer keeps a reference to the Database, which lives as long as the session is open.
    m_session->run([](const Database &database) { return &database; }).then(this, [this](const Database *database) {
        m_indexer = new PdfIndexer(*database);
        m_indexer->setExtractionOptions(extractionOptions());
        connect(m_indexer, &PdfIndexer::started, this, [this](int total) {
            m_bar->setRange(0, std::max(total, 1));
            m_bar->setValue(0);
            showRunning(true);
        });
        connect(m_indexer, &PdfIndexer::progress, this, [this](int done, int total, const QString &file) {
            m_bar->setRange(0, std::max(total, 1));
            m_bar->setValue(done);
            m_label->setText(tr("Indexing PDFs: %1").arg(QFileInfo(file).fileName()));
        });
        connect(m_indexer, &PdfIndexer::finished, this, [this](int indexed, int failed, bool cancelled) {
            showRunning(false);
            QString text = cancelled ? tr("PDF indexing cancelled: %1 indexed.").arg(indexed)
                                     : tr("PDF indexing done: %1 indexed.").arg(indexed);
            if (failed > 0)
                text += u' ' + tr("%1 could not be read (see each study's PDFs).").arg(failed);
            m_window->statusBar()->showMessage(text, 10000);
            Q_EMIT finished(indexed, failed, cancelled);
            if (!cancelled)
                startNext();
            else
                m_queue.clear(), m_pendingAll = false;
        });
        connect(m_indexer, &PdfIndexer::failed, this, [this](const QString &message) {
            showRunning(false);
            m_window->statusBar()->showMessage(tr("PDF indexing could not start: %1").arg(message), 15000);
            Q_EMIT finished(0, 0, false);
        });
        m_indexAll->setEnabled(true);
        startNext();
    });
}

void PdfIndexUi::index(const QVector<Attachment> &attachments)
{
    for (const Attachment &a : attachments)
        if (a.textStatus != u"indexed")
            m_queue.append(a);
    startNext();
}

void PdfIndexUi::indexPending()
{
    m_pendingAll = true;
    startNext();
}

void PdfIndexUi::cancel()
{
    if (m_indexer)
        m_indexer->cancel();
}

bool PdfIndexUi::isRunning() const
{
    return (m_indexer && m_indexer->isRunning()) || !m_queue.isEmpty() || m_pendingAll;
}

void PdfIndexUi::startNext()
{
    if (!m_indexer || m_indexer->isRunning())
        return;
    if (m_pendingAll) {
        m_pendingAll = false;
        m_queue.clear(); // Every pending PDF is in this run.
        m_indexer->startPending(true);
    } else if (!m_queue.isEmpty()) {
        m_indexer->start(std::exchange(m_queue, {}));
    }
}

void PdfIndexUi::showRunning(bool running)
{
    m_label->setVisible(running);
    m_bar->setVisible(running);
    m_cancel->setVisible(running);
    if (running)
        m_label->setText(tr("Indexing PDFs…"));
}

} // namespace mgreview::gui
