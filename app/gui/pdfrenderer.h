#pragma once

#include "pdfrenderworker.h"

#include <QObject>
#include <QSet>

class QTimer;

class QThread;

namespace mgreview::gui {

/// The GUI thread's handle on a PdfRenderWorker: starts its thread, forwards requests, and
/// passes on only the results that belong to the document opened last (each open() gets a
/// new serial; late results of an earlier file are dropped here).
class PdfRenderer : public QObject
{
    Q_OBJECT

public:
    explicit PdfRenderer(QObject *parent = nullptr);
    ~PdfRenderer() override; ///< Aborts the job in progress and waits for the thread.

    /// Opens a file; emits opened() or openFailed() later. Returns the new document serial.
    quint64 open(const QString &path, const QString &password = {});
    void close();
    quint64 serial() const { return m_serial; }

    /// The pages the view wants now (most wanted first); replaces the previous wish.
    void requestView(const QVector<PdfRenderWorker::RenderJob> &jobs);
    void requestThumbnail(int page, int width);
    void requestText(int page);
    /// Starts a search over pages first..last (0-based; last < 0: to the end). Returns its serial.
    quint64 search(const QString &text, int first = 0, int last = -1, bool acrossLines = false);
    void cancelSearch();

    PdfRenderWorker *worker() const { return m_worker; }

    /// See PdfRenderWorker::setRenderTimeLimit(); kept for the workers that follow.
    void setRenderTimeLimit(int ms);
    /// A worker busy in Poppler long past the time limit (a page whose single drawing operation
    /// never ends, e.g. a JBIG2 "bomb" that decodes to gigabytes). A watchdog then leaves the
    /// stuck worker to end by itself, gives the page up (a failed render whose note names the
    /// file and the page), and starts a fresh worker on the same document for the other pages.
    bool isWorkerStuck() const;
    /// Pages of the open document given up that way (0-based).
    QSet<int> givenUpPages() const { return m_givenUp; }
    /// Test hook: how many stuck workers were left behind.
    int abandonedWorkers() const { return m_abandonedWorkers; }

Q_SIGNALS:
    void opened(const mgreview::gui::PdfDocumentInfo &info);
    void openFailed(mgreview::gui::PdfOpenProblem problem, const QString &message);
    void rendered(const mgreview::gui::PdfRenderedPage &page);
    void textReady(int page, const QVector<mgreview::gui::PdfWord> &words);
    void searchHits(quint64 searchSerial, int page, const QVector<QRectF> &rects);
    void searchFinished(quint64 searchSerial);

private:
    void startWorker();
    void abandonWorker();
    void checkWorker();
    QString givenUpNote() const;

    QThread *m_thread = nullptr;
    PdfRenderWorker *m_worker = nullptr;
    int m_renderTimeLimit = 15'000;
    int m_abandonedWorkers = 0;
    quint64 m_serial = 0;
    quint64 m_searchSerial = 0;
    // What the open document needs again when a stuck worker is replaced.
    QString m_path;
    QString m_password;
    bool m_reopening = false;
    quint64 m_openedSerial = 0; ///< The last serial the worker opened.
    QSet<int> m_givenUp;
    QVector<PdfRenderWorker::RenderJob> m_viewJobs;
    QSet<int> m_textPages;
    QTimer *m_watchdog;
};

} // namespace mgreview::gui
