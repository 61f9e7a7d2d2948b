#pragma once

#include <optional>

#include "panepdfsection.h"
#include "pdf/attachment.h"
#include "pdf/pdflinker.h"

#include <QObject>
#include <QPointer>
#include <QRectF>
#include <QStringList>
#include <QVector>

class QAction;
class QMenu;

namespace mgreview::gui {

class AnnotationUi;
class ConclusionPane;
class LibrarySession;
class MainWindow;
class PdfIndexUi;
class LinkPdfsDialog;
class PdfFolderLinkUi;
class PdfQuoteCheckUi;
class PdfUi;
class ReviewUi;
class StudyTableView;

/// The PDFs of a study in the main window (issue 6 §1, §5; issue 5 §4): Study ▸ Attach PDF…,
/// drag and drop of PDF files on a table row, the conclusion pane or its PDF section, detach,
/// the PDF section with the quote checks ("Check quotes", "go to page"), the viewer's evidence
/// and annotation requests, and "Open PDF at its conclusion" (also for studies reached from
/// the evidence matrix). Every file and database access runs on the session's I/O thread;
/// newly attached PDFs are indexed in the background by PdfIndexUi.
class PdfStudyUi : public QObject
{
    Q_OBJECT

public:
    struct Parts {
        MainWindow *window = nullptr;
        LibrarySession *session = nullptr;
        StudyTableView *table = nullptr;
        ConclusionPane *pane = nullptr;
        PdfUi *pdf = nullptr;
        ReviewUi *review = nullptr;
        AnnotationUi *annotations = nullptr;
        PdfIndexUi *indexing = nullptr;
        bool errorDialogs = true;
    };
    explicit PdfStudyUi(const Parts &parts, QObject *parent = nullptr);

    PanePdfSection *section() const { return m_section; }
    QAction *attachAction() const { return m_attach; }
    QAction *openAtConclusionAction() const { return m_openAtConclusion; }
    /// File ▸ Link PDFs from folder… (PdfFolderLinkUi)
    QAction *linkAction() const;
    PdfFolderLinkUi *folderLinking() const { return m_folderLink; }
    PdfQuoteCheckUi *quoteChecking() const { return m_quoteCheck; }

    /// The pane shows this study now (empty: none).
    void setShownStudy(const QString &studyId);
    /// Reads the shown study's PDFs and stored quote checks again.
    void refresh();

    /// Attaches files to a study in the background; errors name each file.
    void attachFiles(const QString &studyId, const QStringList &paths, const QString &label = QStringLiteral("full text"),
        AttachmentStorage storage = AttachmentStorage::Stored);
    /// Study ▸ Attach PDF…: file dialog, then label and storage, then attachFiles().
    void chooseAndAttach();
    /// Detaches (after asking when `confirm`); the study is untouched.
    void detach(const Attachment &attachment, bool confirm = false);
    /// "Check quotes" for the shown study (PdfQuoteCheckUi: asks for the password of an
    /// encrypted PDF).
    void checkQuotes();
    /// Opens the shown study's PDF at the page of its verified conclusion (page 1 without one).
    void openAtConclusion();
    /// File ▸ Link PDFs from folder…: a folder dialog, then scanFolder().
    void chooseFolderAndLink();
    /// Scans a folder on the I/O thread (progress with cancel), then shows LinkPdfsDialog;
    /// when the user confirms, the matched PDFs are attached and indexed.
    void scanFolder(const QString &folder);
    LinkPdfsDialog *linkDialog() const;
    /// Opens a PDF at a page and highlights `text` there.
    void openPdfAt(const QString &path, int page, const QString &text);
    /// Opens the study's attachment with this SHA-256 at `page`, highlighting `text` (the
    /// Notes view's PDF-page annotations). The study must be, or be about to be, the shown
    /// one: the request waits for its PDF list and is dropped when another study is shown.
    void openAttachmentAt(const QString &studyId, const QString &sha256, int page, const QString &text);

    /// No attach, detach, read, check or folder scan under way.
    bool isSettled() const;
    /// The last attach or check message (for tests).
    QString lastMessage() const { return m_lastMessage; }

Q_SIGNALS:
    /// Attaching ended: the attachments made and one message per file that failed.
    void attachFinished(const QVector<mgreview::Attachment> &attached, const QStringList &errors);
    void stateChanged();
    /// A folder scan ended (error set when it failed or was cancelled).
    void scanFinished(const QVector<mgreview::PdfLinkResult> &results, const QString &error);
    /// Linking ended: the results with `attached` set.
    void linkFinished(const QVector<mgreview::PdfLinkResult> &results);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onEvidence(const QString &path, const QString &text, int page);
    void onAnnotate(const QString &path, const QString &text, int page);
    void message(const QString &text, bool error = false);
    void updateActions();

    Parts m_parts;
    PanePdfSection *m_section;
    QAction *m_attach;
    QAction *m_openAtConclusion;
    PdfFolderLinkUi *m_folderLink;
    PdfQuoteCheckUi *m_quoteCheck;
    QString m_shownStudy;
    struct PendingOpen {
        QString studyId, sha256, text;
        int page = 1;
    };
    std::optional<PendingOpen> m_pendingOpen; ///< openAttachmentAt() waiting for the PDF list.
    void openPending();
    quint64 m_generation = 0;
    int m_pending = 0;
    QString m_lastMessage;
};

} // namespace mgreview::gui
