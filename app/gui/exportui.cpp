#include "exportui.h"

#include "exportdialog.h"
#include "independencecombo.h"
#include "librarysession.h"
#include "searchcontroller.h"

#include "importexport/studyexport.h"

#include <QAction>
#include <QFileInfo>
#include <QMainWindow>
#include <QStatusBar>

namespace mgreview::gui {

ExportUi::ExportUi(const Parts &parts, QObject *parent)
    : QObject(parent), m_parts(parts), m_action(new QAction(tr("&Export studies…"), this))
{
    m_action->setObjectName(QStringLiteral("exportStudies"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_action->setStatusTip(tr("Save the studies the funding filter and search show as RIS, BibTeX, CSV, JSON or a "
                              "studies/ folder"));
    m_action->setEnabled(false);
    connect(parts.session, &LibrarySession::opened, m_action, [this] { m_action->setEnabled(true); });
    connect(m_action, &QAction::triggered, this, &ExportUi::openDialog);
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &ExportUi::pollProgress);
}

ExportUi::~ExportUi()
{
    // The session waits for its I/O thread when the window closes: make that short.
    if (m_running)
        m_running->cancel = true;
}

ExportDialog *ExportUi::dialog() const
{
    return m_dialog.data();
}

void ExportUi::openDialog()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new ExportDialog(m_parts.independence->currentFilter(), m_parts.search->appliedQuery(), QString(),
                                m_parts.window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &ExportDialog::exportRequested, this, [this] {
        startExport(m_dialog->path(), m_dialog->format(), m_dialog->byteOrderMark());
    });
    connect(m_dialog, &ExportDialog::cancelRequested, this, &ExportUi::cancelExport);
    m_dialog->open();
}

bool ExportUi::startExport(const QString &path, ExportFormat format, bool byteOrderMark)
{
    if (m_running || !m_parts.session->isOpen())
        return false;
    ExportOptions options;
    // Exactly what the toolbar applies to the table: its funding filter and the search in force.
    options.filter = m_parts.independence->currentFilter();
    options.search = m_parts.search->appliedQuery();
    options.csvByteOrderMark = byteOrderMark;

    auto running = std::make_shared<Running>();
    m_running = running;
    if (m_dialog)
        m_dialog->setRunning(true);
    m_action->setEnabled(false);
    m_parts.window->statusBar()->showMessage(tr("Exporting studies to %1…").arg(path));
    m_poll.start();
    Q_EMIT exportStarted();

    m_parts.session
        ->run([running, path, format, options](const Database &database) {
            try {
                return exportStudiesToPath(database, format, options, path, [running](qint64 done, qint64 total) {
                    running->total.store(total, std::memory_order_relaxed);
                    running->done.store(done, std::memory_order_relaxed);
                    return !running->cancel.load(std::memory_order_relaxed);
                });
            } catch (const std::exception &e) {
                ExportResult result;
                result.error = QStringLiteral("%1: export failed: %2").arg(path, QString::fromUtf8(e.what()));
                return result;
            }
        })
        .then(this, [this, path, format, options](const ExportResult &result) {
            m_poll.stop();
            m_running.reset();
            m_action->setEnabled(true);
            QString message;
            if (result.ok) {
                message = tr("Exported %n studies as %1 to %2.", nullptr, int(result.exported))
                              .arg(displayName(format), QFileInfo(path).absoluteFilePath());
            } else if (result.cancelled) {
                message = tr("Export cancelled; nothing was written.");
            } else {
                message = result.error;
            }
            m_parts.window->statusBar()->showMessage(message, result.ok ? 10'000 : 0);
            if (m_dialog) {
                m_dialog->setRunning(false);
                if (result.ok)
                    m_dialog->accept();
                else
                    m_dialog->showError(message);
            }
            Q_EMIT exportFinished(result.ok, result.cancelled, message);
        });
    return true;
}

void ExportUi::cancelExport()
{
    if (m_running)
        m_running->cancel = true;
}

void ExportUi::pollProgress()
{
    if (m_running && m_dialog)
        m_dialog->setProgress(m_running->done.load(std::memory_order_relaxed),
                              m_running->total.load(std::memory_order_relaxed));
}

} // namespace mgreview::gui
