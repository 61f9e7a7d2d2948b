#include "librarysession.h"

#include "rules/suggestionstore.h"
#include "store/studystore.h"

#include <QSemaphore>
#include <QtConcurrent/QtConcurrentRun>

namespace mgreview::gui {

LibrarySession::LibrarySession(QObject *parent) : QObject(parent)
{
    m_io.setMaxThreadCount(1);
    // A pool thread that expired could hand its id to a new thread that would then find a
    // connection it does not own; keep the one I/O thread alive for the session's life.
    m_io.setExpiryTimeout(-1);
    connect(&m_openWatcher, &QFutureWatcherBase::finished, this, &LibrarySession::finishOpen);
    connect(&m_loadWatcher, &QFutureWatcherBase::finished, this, &LibrarySession::finishLoad);
}

LibrarySession::~LibrarySession()
{
    // Close the library on the I/O thread, after everything queued before (one thread,
    // first in first out). Neither QFuture::waitForFinished (it may run a queued task here,
    // on the GUI thread) nor QThreadPool::waitForDone (it ends the thread that owns the
    // connection) may come first.
    QSemaphore closed;
    m_io.start([this, &closed] {
        std::unique_ptr<Database> database = std::move(m_database);
        if (!database && m_openWatcher.future().resultCount() > 0) {
            // Destroyed while opening: the result never reached finishOpen().
            if (const std::shared_ptr<LoadedLibrary> loaded = m_openWatcher.future().result(); loaded)
                database = std::move(loaded->database);
        }
        database.reset();
        closed.release();
    });
    closed.acquire();
    m_io.waitForDone();
}

void LibrarySession::open(const LibraryLocation &location, const OpenOptions &options)
{
    if (m_opening || m_database)
        return; // One library per session.
    m_location = location;
    m_opening = true;
    m_openWatcher.setFuture(QtConcurrent::run(&m_io, [location, options] {
        auto loaded = std::make_shared<LoadedLibrary>();
        try {
            *loaded = openLibrary(location, options);
        } catch (const std::exception &e) {
            loaded->database.reset();
            loaded->error = QStringLiteral("%1: %2").arg(location.displayName(), QString::fromUtf8(e.what()));
        }
        return loaded;
    }));
}

void LibrarySession::finishOpen()
{
    if (!m_opening || m_openWatcher.future().resultCount() == 0)
        return;
    m_opening = false;
    // Taken out of the future, so the watcher no longer holds the database.
    std::shared_ptr<LoadedLibrary> loaded = m_openWatcher.result();
    if (!loaded || !loaded->database) {
        Q_EMIT openFailed(loaded && !loaded->error.isEmpty()
                ? loaded->error
                : tr("%1: the library could not be opened").arg(m_location.displayName()));
        return;
    }
    m_database = std::move(loaded->database);
    m_summaries = std::move(loaded->summaries);
    m_searchIndex = std::make_shared<const StudySearchIndex>(std::move(loaded->searchIndex));
    m_seed = loaded->seed;
    Q_EMIT opened();
}

void LibrarySession::loadStudy(const QString &id)
{
    if (!m_database)
        return;
    const quint64 generation = ++m_loadGeneration;
    m_loadPending = true;
    const Database *database = m_database.get();
    m_loadWatcher.setFuture(QtConcurrent::run(&m_io, [database, id, generation] {
        LoadResult result;
        result.generation = generation;
        result.id = id;
        try {
            result.study = StudyStore(*database).load(id, &result.error);
            // The pane explains every rule suggestion; without them it still shows the study.
            QString suggestionError;
            if (result.study) {
                if (auto suggestions = SuggestionStore(*database).forStudy(id, &suggestionError))
                    result.suggestions = std::move(*suggestions);
                else
                    qWarning("%s", qUtf8Printable(suggestionError));
            }
        } catch (const std::exception &e) {
            result.error = QString::fromUtf8(e.what());
        }
        return result;
    }));
}

void LibrarySession::finishLoad()
{
    if (m_loadWatcher.future().resultCount() == 0)
        return;
    const LoadResult result = m_loadWatcher.result();
    if (result.generation != m_loadGeneration)
        return; // The user has moved on to another study.
    m_loadPending = false;
    if (result.study)
        Q_EMIT studyLoaded(*result.study, result.suggestions);
    else
        Q_EMIT studyLoadFailed(
            result.id, result.error.isEmpty() ? tr("no study with id “%1”").arg(result.id) : result.error);
}

} // namespace mgreview::gui
