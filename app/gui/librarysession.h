#pragma once

#include "library/libraryloader.h"
#include "model/study.h"
#include "rules/rule.h"

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <type_traits>
#include <utility>

namespace mgreview::gui {

/// The open library of a window, and every database access the window makes.
///
/// All database work runs on one private I/O thread that never expires: Qt SQL connections
/// belong to the thread that made them, so opening, reading and finally closing the
/// library all happen on the same thread and the GUI thread never waits for the disk.
class LibrarySession : public QObject
{
    Q_OBJECT

public:
    explicit LibrarySession(QObject *parent = nullptr);
    /// Waits for running work, then closes the library on its own thread.
    ~LibrarySession() override;

    /// Opens, migrates and seeds the library in the background; emits opened() or openFailed().
    void open(const LibraryLocation &location, const OpenOptions &options);
    bool isOpening() const { return m_opening; }
    bool isOpen() const { return m_database != nullptr; }
    const LibraryLocation &location() const { return m_location; }
    /// The open library (nullptr until opened()); use it on the I/O thread only (run()),
    /// except for what needs no connection: dialect(), location(), author().
    const Database *database() const { return m_database.get(); }

    /// After opened(): the rows, the search index (shared with search workers) and the seed report.
    QVector<StudySummary> takeSummaries() { return std::exchange(m_summaries, {}); }
    std::shared_ptr<const StudySearchIndex> searchIndex() const { return m_searchIndex; }
    const SeedReport &seedReport() const { return m_seed; }

    /// Loads one full study and its rule suggestions in the background; only the latest
    /// request is answered.
    void loadStudy(const QString &id);
    /// True from loadStudy() until its answer (or a newer request's) has been emitted.
    bool isLoadingStudy() const { return m_loadPending; }

    /// Runs `function(database)` on the I/O thread, after everything queued before it;
    /// only while isOpen(). Continue on the GUI thread with `.then(context, …)`.
    template<typename Function> auto run(Function function) -> QFuture<std::invoke_result_t<Function, const Database &>>
    {
        Q_ASSERT(m_database);
        const Database *database = m_database.get();
        return QtConcurrent::run(&m_io, [database, function = std::move(function)] { return function(*database); });
    }

Q_SIGNALS:
    void opened();
    void openFailed(const QString &error);
    void studyLoaded(const mgreview::Study &study, const QVector<mgreview::Suggestion> &suggestions);
    void studyLoadFailed(const QString &id, const QString &error);

private:
    struct LoadResult {
        quint64 generation = 0;
        QString id;
        std::optional<Study> study;
        QVector<Suggestion> suggestions;
        QString error;
    };
    void finishOpen();
    void finishLoad();

    QThreadPool m_io;
    LibraryLocation m_location;
    bool m_opening = false;
    std::unique_ptr<Database> m_database;
    QVector<StudySummary> m_summaries;
    std::shared_ptr<const StudySearchIndex> m_searchIndex;
    SeedReport m_seed;

    QFutureWatcher<std::shared_ptr<LoadedLibrary>> m_openWatcher;
    QFutureWatcher<LoadResult> m_loadWatcher;
    quint64 m_loadGeneration = 0;
    bool m_loadPending = false;
};

} // namespace mgreview::gui
