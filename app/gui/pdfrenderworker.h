#pragma once

#include "pdftypes.h"

#include <QMutex>
#include <QObject>
#include <QSet>

#include <atomic>
#include <memory>
#include <optional>

namespace Poppler {
class Document;
}

namespace mgreview::gui {

/// Owns the one Poppler::Document of a viewer and does everything that touches it: open,
/// render, text layer, search. It lives on its own thread (PdfRenderer moves it there);
/// Poppler documents are not thread-safe, so nothing else may use the document.
///
/// The post…() and setViewRequests() functions are thread-safe: they put jobs in queues under
/// a mutex and wake the worker. The worker takes one job at a time (view renders first, then
/// text, search, thumbnails), so newer requests overtake older ones, and a view render that is
/// no longer wanted is aborted inside Poppler. Results leave as signals (queued to the GUI).
/// Every job carries the serial of the document it was asked for; jobs for an older document
/// are dropped.
class PdfRenderWorker : public QObject
{
    Q_OBJECT

public:
    struct RenderJob {
        int page = -1;
        int width = 0; ///< Device pixels.
        bool operator==(const RenderJob &other) const = default;
    };

    explicit PdfRenderWorker(QObject *parent = nullptr);
    ~PdfRenderWorker() override;

    /// Drops every queued job and opens `path` (a password may be empty).
    void postOpen(quint64 serial, const QString &path, const QString &password);
    /// Drops every queued job and closes the document.
    void postClose();
    /// Replaces the pages the view wants, most wanted first; a render in progress that is not
    /// among them is aborted.
    void setViewRequests(quint64 serial, const QVector<RenderJob> &jobs);
    void postThumbnail(quint64 serial, const RenderJob &job);
    void postText(quint64 serial, int page);
    /// Replaces the running search. Searches pages first..last (0-based, clamped); `acrossLines`
    /// finds text broken over lines (for quotes).
    void postSearch(quint64 serial, quint64 searchSerial, const QString &text, int first, int last, bool acrossLines);
    void cancelSearch();

    /// A page that takes longer than this to draw is given up (a malformed page can keep
    /// Poppler busy for minutes); it shows blank with a note. Default 15 s.
    void setRenderTimeLimit(int ms) { m_renderTimeLimit = ms; }
    /// How long the job in progress has run (0 when idle). Thread-safe.
    qint64 busyForMs() const;
    /// The page of the job in progress (render, text or search), -1 when none. Thread-safe.
    int busyPage() const;
    /// Pages a previous worker got stuck on: never drawn, read or searched again (they come
    /// back as failed renders with `note`, empty text, no hits). Thread-safe.
    void setGivenUpPages(const QSet<int> &pages, const QString &note);

    /// Test hook: keeps the worker busy for `ms`, as a page stuck inside Poppler would.
    void postStallForTest(int ms);

    /// Test hooks: view renders finished with an image, and view renders dropped or aborted.
    int finishedViewRenders() const { return m_finishedViewRenders.load(); }
    int droppedViewRenders() const { return m_droppedViewRenders.load(); }

Q_SIGNALS:
    void opened(quint64 serial, const mgreview::gui::PdfDocumentInfo &info);
    void openFailed(quint64 serial, mgreview::gui::PdfOpenProblem problem, const QString &message);
    void rendered(quint64 serial, const mgreview::gui::PdfRenderedPage &page);
    void textReady(quint64 serial, int page, const QVector<mgreview::gui::PdfWord> &words);
    void searchHits(quint64 serial, quint64 searchSerial, int page, const QVector<QRectF> &rects);
    void searchFinished(quint64 serial, quint64 searchSerial);

private:
    struct SearchJob {
        quint64 serial = 0;
        quint64 searchSerial = 0;
        QString text;
        int next = 0;
        int last = -1;
        bool acrossLines = false;
    };
    struct OpenJob {
        quint64 serial = 0;
        QString path;
        QString password;
    };
    enum class JobKind { None, Open, Close, View, Text, Search, Thumbnail, Stall };

    void schedule();
    void pump();
    void doOpen(const OpenJob &job);
    void doRender(quint64 serial, const RenderJob &job, bool thumbnail);
    void doText(quint64 serial, int page);
    void doSearchStep(SearchJob job);
    bool isGivenUp(int page) const;

    // Queues, guarded by m_mutex.
    mutable QMutex m_mutex;
    std::optional<OpenJob> m_openJob;
    bool m_closeJob = false;
    quint64 m_viewSerial = 0;
    QVector<RenderJob> m_viewJobs;
    QVector<QPair<quint64, RenderJob>> m_thumbnailJobs;
    QVector<QPair<quint64, int>> m_textJobs;
    std::optional<SearchJob> m_search;
    int m_stallMs = 0;
    bool m_scheduled = false;
    JobKind m_currentKind = JobKind::None;
    RenderJob m_currentRender;
    int m_currentPage = -1;
    QSet<int> m_givenUp;
    QString m_givenUpNote;

    std::atomic_bool m_abort { false };
    std::atomic_int m_renderTimeLimit { 15'000 };
    std::atomic<qint64> m_jobStarted { 0 }; ///< Monotonic ms when the job in progress started; 0: idle.
    std::atomic_int m_finishedViewRenders { 0 };
    std::atomic_int m_droppedViewRenders { 0 };

    // Worker-thread only.
    std::unique_ptr<Poppler::Document> m_document;
    quint64 m_serial = 0; ///< The serial of m_document.
    QString m_path;
};

} // namespace mgreview::gui
