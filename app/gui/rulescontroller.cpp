#include "rulescontroller.h"

#include "librarysession.h"

#include "model/vocabulary.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

namespace mgreview::gui {

namespace {

// Editors save in bursts (truncate, write, rename): read the file once they are done.
constexpr int kReloadDelayMs = 150;
constexpr int kProgressIntervalMs = 100;

QString fileStamp(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return {};
    return QStringLiteral("%1/%2").arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch());
}

RuleLoadResult loadRules(const QString &userFile)
{
    RuleLoadResult result;
    try {
        if (userFile.isEmpty())
            result.rules = defaultRules();
        else
            result = combineRules(defaultRules(), userFile, Vocabularies::builtin());
    } catch (const std::exception &e) {
        result = {};
        result.errors.append(QStringLiteral("%1: %2").arg(userFile, QString::fromUtf8(e.what())));
    }
    return result;
}

} // namespace

RulesController::RulesController(LibrarySession *session, QObject *parent) : QObject(parent), m_session(session)
{
    m_reloadDelay.setSingleShot(true);
    m_reloadDelay.setInterval(kReloadDelayMs);
    connect(&m_reloadDelay, &QTimer::timeout, this, [this] {
        watch(); // An editor that replaced the file left the watcher with the old one.
        load();
    });
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { m_reloadDelay.start(); });
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &RulesController::onPathChanged);
    m_progressTimer.setInterval(kProgressIntervalMs);
    connect(&m_progressTimer, &QTimer::timeout, this, &RulesController::pollProgress);
}

RulesController::~RulesController()
{
    cancelClassification();
}

const RuleSet &RulesController::rules() const
{
    static const RuleSet none;
    return m_engine ? m_engine->rules() : none;
}

bool RulesController::isBusy() const
{
    return m_loading || m_reloadDelay.isActive() || m_running || (m_wantRun && m_libraryOpen && m_engine);
}

void RulesController::setUserFile(const QString &path)
{
    m_userFile = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    watch();
    load();
}

void RulesController::watch()
{
    const QStringList watched = m_watcher.files() + m_watcher.directories();
    if (!watched.isEmpty())
        m_watcher.removePaths(watched);
    m_fileStamp = fileStamp(m_userFile);
    if (m_userFile.isEmpty())
        return;
    const QFileInfo info(m_userFile);
    if (info.exists())
        m_watcher.addPath(m_userFile);
    // The folder too: many editors save by writing a new file and renaming it over the old
    // one, which ends the watch on the file itself.
    if (QFileInfo(info.absolutePath()).isDir())
        m_watcher.addPath(info.absolutePath());
}

void RulesController::onPathChanged()
{
    // Other files in the folder change too; only a change of this file matters.
    if (fileStamp(m_userFile) != m_fileStamp || !m_watcher.files().contains(m_userFile))
        m_reloadDelay.start();
}

void RulesController::load()
{
    const quint64 generation = ++m_loadGeneration;
    m_loading = true;
    QtConcurrent::run(loadRules, m_userFile).then(this, [this, generation](const RuleLoadResult &result) {
        applyLoaded(generation, result);
    });
}

void RulesController::applyLoaded(quint64 generation, const RuleLoadResult &result)
{
    if (generation != m_loadGeneration)
        return; // A newer load (another file, another save) is on its way.
    m_loading = false;
    if (!result.errors.isEmpty()) {
        if (result.errors != m_errors) {
            m_errors = result.errors;
            Q_EMIT errorsChanged(m_errors);
        }
        if (m_engine)
            return; // The last good rules stay in force.
        // Nothing good loaded yet: the defaults are the last good rules.
        m_engine = std::make_shared<const RuleEngine>(defaultRules());
        m_fileInForce.clear();
        Q_EMIT rulesChanged();
        requestClassification(false, m_libraryOpen);
        return;
    }
    if (!m_errors.isEmpty()) {
        m_errors.clear();
        Q_EMIT errorsChanged(m_errors);
    }
    m_fileInForce = m_userFile;
    if (m_engine && m_engine->rules().hash == result.rules.hash)
        return; // Saved without a change.
    m_engine = std::make_shared<const RuleEngine>(result.rules);
    Q_EMIT rulesChanged();
    // New rules in an open library are news; the first rules at start are not.
    requestClassification(false, m_libraryOpen);
}

void RulesController::libraryOpened()
{
    m_libraryOpen = true;
    // Quietly: the reader wants to hear that the library opened, not that it was classified.
    requestClassification(false, false);
}

void RulesController::reclassify()
{
    requestClassification(true, true);
}

void RulesController::studiesChanged()
{
    requestClassification(false, false);
}

void RulesController::requestClassification(bool force, bool announce)
{
    m_wantRun = true;
    m_forceRun = m_forceRun || force;
    m_announceRun = m_announceRun || announce;
    if (m_running) {
        // One run at a time: stop the one with outdated rules; it restarts when it ends.
        m_running->cancel.store(true);
        return;
    }
    startClassification();
}

void RulesController::cancelClassification()
{
    m_wantRun = false;
    m_forceRun = false;
    m_runAnnounced = true; // The reader asked: say that it stopped.
    if (m_running)
        m_running->cancel.store(true);
}

void RulesController::startClassification()
{
    if (!m_wantRun || m_running || !m_libraryOpen || !m_engine || !m_session->isOpen())
        return;
    const bool force = m_forceRun;
    m_wantRun = false;
    m_forceRun = false;
    m_runAnnounced = m_announceRun;
    m_announceRun = false;
    auto progress = std::make_shared<ClassificationProgress>();
    m_running = progress;
    m_lastDone = -1;
    const quint64 generation = ++m_runGeneration;
    std::shared_ptr<const RuleEngine> engine = m_engine;
    const QVector<StudySummary> rows = m_rows ? m_rows() : QVector<StudySummary>();
    Q_EMIT classificationStarted();
    m_progressTimer.start();
    m_session
        ->run([engine, force, progress, rows](const Database &database) {
            return runClassification(database, *engine, force, progress.get(), rows);
        })
        .then(this,
            [this, generation](const ClassificationOutcome &outcome) { finishClassification(generation, outcome); });
}

void RulesController::pollProgress()
{
    if (!m_running)
        return;
    const int done = m_running->done.load();
    if (done == m_lastDone)
        return;
    m_lastDone = done;
    Q_EMIT classificationProgress(done, m_running->total.load());
}

void RulesController::finishClassification(quint64 generation, const ClassificationOutcome &outcome)
{
    if (generation != m_runGeneration)
        return;
    m_running.reset();
    m_progressTimer.stop();
    const bool completed = !outcome.skipped && !outcome.report.cancelled && outcome.error.isEmpty();
    if (completed) {
        const QLocale locale;
        m_lastRun = outcome.report.studies == 1
            ? tr("1 study, %1 suggestions").arg(locale.toString(outcome.report.suggestions))
            : tr("%1 studies, %2 suggestions")
                  .arg(locale.toString(outcome.report.studies), locale.toString(outcome.report.suggestions));
    }
    // Hit counts come with every run that was not cancelled, even when nothing was reclassified.
    if (!outcome.report.cancelled && outcome.error.isEmpty()) {
        m_hits = outcome.hitCounts;
        m_hitsKnown = true;
        Q_EMIT hitCountsChanged();
    }
    if (outcome.rows)
        Q_EMIT studiesReclassified(*outcome.rows, outcome.searchIndex);

    QString message;
    if (!outcome.error.isEmpty())
        message = tr("Classification failed: %1").arg(outcome.error);
    else if (outcome.report.cancelled && m_runAnnounced)
        message = tr("Classification cancelled; the earlier suggestions are kept.");
    else if (completed && m_runAnnounced)
        message = tr("Classified with the rules: %1.").arg(m_lastRun);
    else if (outcome.readOnly && m_runAnnounced)
        message = tr("This login may not store rule suggestions; the library's stored ones are shown.");
    if (m_wantRun) {
        // Superseded by newer rules or a "reclassify": no message about this one.
        startClassification();
        if (m_running)
            return;
    }
    Q_EMIT classificationFinished(message);
}

} // namespace mgreview::gui
