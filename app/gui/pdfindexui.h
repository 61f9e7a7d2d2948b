#pragma once

#include "pdf/attachment.h"
#include "pdf/pdfextraction.h"

#include <QObject>
#include <QVector>

class QAction;
class QLabel;
class QMainWindow;
class QProgressBar;
class QToolButton;

namespace mgreview {
class Database;
class PdfIndexer;
} // namespace mgreview

namespace mgreview::gui {

class LibrarySession;

/// Background PDF text indexing for the window (issue 6 §3): File ▸ Index PDFs and the
/// indexing of newly attached PDFs, with a progress bar and a cancel button in the status
/// bar. The PdfIndexer works on its own thread (and reads each PDF in a child process,
/// mgreview-cli, when it is installed beside the app), so the window never waits.
/// PDFs asked for while a run goes on are queued and indexed after it.
class PdfIndexUi : public QObject
{
    Q_OBJECT

public:
    /// How the app reads PDFs: each in a child process (mgreview-cli, installed beside
    /// mgreview) limited in time and memory, so a hostile file fails alone; in this process
    /// only when the helper is missing. Shared by indexing, quote checks and folder linking.
    static PdfExtractionOptions extractionOptions();

    PdfIndexUi(QMainWindow *window, LibrarySession *session, QObject *parent = nullptr);
    ~PdfIndexUi() override;

    QAction *indexAction() const { return m_indexAll; }
    void libraryOpened();
    /// Indexes these attachments (those not indexed yet).
    void index(const QVector<mgreview::Attachment> &attachments);
    /// File ▸ Index PDFs: every PDF not indexed yet, and those that failed before.
    void indexPending();
    void cancel();
    bool isRunning() const;
    QProgressBar *progressBar() const { return m_bar; }
    QToolButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    /// A run ended; the PDFs' text status changed.
    void finished(int indexed, int failed, bool cancelled);

private:
    void startNext();
    void showRunning(bool running);

    QMainWindow *m_window;
    LibrarySession *m_session;
    QAction *m_indexAll;
    QProgressBar *m_bar;
    QToolButton *m_cancel;
    QLabel *m_label;
    mgreview::PdfIndexer *m_indexer = nullptr;
    QVector<mgreview::Attachment> m_queue;
    bool m_pendingAll = false;
};

} // namespace mgreview::gui
