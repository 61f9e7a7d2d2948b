#pragma once

#include "pdf/attachment.h"
#include "pdf/pdflinker.h"

#include <QObject>
#include <QPointer>
#include <QVector>

class QAction;

namespace mgreview::gui {

class LibrarySession;
class LinkPdfsDialog;
class MainWindow;
class PdfIndexUi;

/// File ▸ Link PDFs from folder… (issue 6 §4): a folder dialog, a scan on the session's I/O
/// thread with progress and cancel, LinkPdfsDialog to confirm, then the matched PDFs are
/// attached and indexed. Each PDF is read in a child process with a time limit
/// (PdfIndexUi::extractionOptions()), so a hostile file shows as unreadable, not a hang.
class PdfFolderLinkUi : public QObject
{
    Q_OBJECT

public:
    PdfFolderLinkUi(MainWindow *window, LibrarySession *session, PdfIndexUi *indexing, QObject *parent = nullptr);

    QAction *linkAction() const { return m_link; }
    void chooseFolderAndLink();
    /// Scans a folder (progress with cancel), then shows LinkPdfsDialog; when the user
    /// confirms, the matched PDFs are attached and indexed.
    void scanFolder(const QString &folder);
    LinkPdfsDialog *linkDialog() const;
    bool isSettled() const { return m_pending == 0; }

Q_SIGNALS:
    /// A folder scan ended (error set when it failed or was cancelled).
    void scanFinished(const QVector<mgreview::PdfLinkResult> &results, const QString &error);
    /// Linking ended: the results with `attached` set.
    void linkFinished(const QVector<mgreview::PdfLinkResult> &results);
    /// For the status bar and the PDF section.
    void message(const QString &text, bool error);

private:
    void applyLinks(QVector<mgreview::PdfLinkResult> results, mgreview::AttachmentStorage storage);

    MainWindow *m_window;
    LibrarySession *m_session;
    PdfIndexUi *m_indexing;
    QAction *m_link;
    QPointer<LinkPdfsDialog> m_linkDialog;
    int m_pending = 0;
};

} // namespace mgreview::gui
