#pragma once

#include "pdf/pdfindexing.h"

#include <QFutureWatcher>
#include <QObject>

#include <memory>

namespace mgreview {

class Database;

/// Extracts and indexes PDF text in the background, for the GUI.
///
/// start() returns at once; the work runs on a QThreadPool thread with its own Poppler
/// documents and its own database connection (Database::connection()), so indexing a
/// thousand PDFs never blocks the thread that owns the indexer. Signals arrive on the
/// indexer's thread (queued). cancel() stops after the current page; nothing half-indexed
/// is stored. The Database must outlive the indexer; destroying it cancels and waits.
class PdfIndexer : public QObject
{
    Q_OBJECT
public:
    explicit PdfIndexer(const Database &database, QObject *parent = nullptr);
    ~PdfIndexer() override;

    bool isRunning() const;
    /// Read each PDF in a child process (recommended for the app: pass the path of
    /// mgreview-cli, installed beside mgreview). Takes effect at the next start.
    void setExtractionOptions(const PdfExtractionOptions &options) { m_options = options; }

public slots:
    /// Indexes every attachment whose text is pending (and, with `retryFailed`, those that
    /// failed before). Does nothing while a run is going on.
    void startPending(bool retryFailed = false);
    /// Indexes the given attachments.
    void start(const QVector<mgreview::Attachment> &attachments);
    void cancel();

signals:
    void started(int total);
    /// After each file: how many are done out of how many, and the file just done.
    void progress(int done, int total, const QString &fileName);
    void fileIndexed(const mgreview::PdfIndexOutcome &outcome);
    /// The run ended: indexed files, failed files, and whether it was cancelled.
    void finished(int indexed, int failed, bool cancelled);
    /// A run could not start (the library could not be read).
    void failed(const QString &message);

private:
    struct Run;
    void onResultReady(int index);
    void onFinished();

    const Database &m_database;
    std::shared_ptr<Run> m_run;
    PdfExtractionOptions m_options;
    QFutureWatcher<PdfIndexOutcome> m_watcher;
};

} // namespace mgreview
