#pragma once

#include "classificationrun.h"
#include "rules/ruleengine.h"

#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

namespace mgreview::gui {

class LibrarySession;

/// The window's classification rules: which rules are in force, the user rules file and
/// its errors, and classification runs over the library.
///
/// Rules files are read and parsed on a pool thread and classification runs on the
/// session's I/O thread; the GUI thread only swaps results in. A rules file with errors
/// never replaces the rules in force: its messages are published and the last good rules
/// stay. The file is watched, so saving it reloads it.
class RulesController : public QObject
{
    Q_OBJECT

public:
    explicit RulesController(LibrarySession *session, QObject *parent = nullptr);
    ~RulesController() override;

    /// Uses the defaults plus `path` (empty: the defaults only) and loads them in the background.
    void setUserFile(const QString &path);
    QString userFile() const { return m_userFile; }
    /// The user file whose rules are in force (its last good version), or empty when only
    /// the defaults are: a file that never loaded without errors is not in force.
    QString fileInForce() const { return m_fileInForce; }

    /// The rules in force (empty until the first load finished).
    const RuleSet &rules() const;
    bool hasRules() const { return m_engine != nullptr; }
    /// The engine of the rules in force (null until the first load finished), for work
    /// that classifies records itself (an import classifies the records it adds).
    std::shared_ptr<const RuleEngine> engine() const { return m_engine; }
    /// Messages ("file:line:column: message") of the last load of the user file; empty when it is valid.
    QStringList errors() const { return m_errors; }
    /// Studies matched per rule id, from the stored suggestions.
    const QHash<QString, int> &hitCounts() const { return m_hits; }
    bool hitCountsKnown() const { return m_hitsKnown; }
    /// What the last finished run did ("20 studies, 123 suggestions"), or empty.
    QString lastRun() const { return m_lastRun; }

    /// The table's current rows (read on the GUI thread when a run starts).
    void setRowsProvider(std::function<QVector<StudySummary>()> provider) { m_rows = std::move(provider); }
    /// The library is open: classify it if its suggestions were made with other rules.
    void libraryOpened();
    /// Classifies every study again with the rules in force.
    void reclassify();
    /// Studies were added or removed (an import, a merge): reads the hit counts again, quietly
    /// (and classifies, as at opening, if the stored suggestions were made with other rules).
    void studiesChanged();
    void cancelClassification();
    bool isClassifying() const { return m_running != nullptr; }
    /// True while rules load or a classification runs (or waits to start).
    bool isBusy() const;

Q_SIGNALS:
    /// Another rule set is in force.
    void rulesChanged();
    /// The user file's messages changed (empty: it is valid again).
    void errorsChanged(const QStringList &errors);
    void hitCountsChanged();
    void classificationStarted();
    void classificationProgress(int done, int total);
    /// A run ended (finished, skipped, cancelled or failed); `message` says how, for the
    /// status bar (empty when there is nothing worth interrupting the reader for: a run
    /// that found the suggestions up to date, or the quiet run when the library opens).
    void classificationFinished(const QString &message);
    /// A run stored new suggestions: the table rows to show (and a new search index when the
    /// studies changed, else null).
    void studiesReclassified(const QVector<mgreview::StudySummary> &rows,
        const std::shared_ptr<const mgreview::StudySearchIndex> &searchIndex);

private:
    void load();
    void applyLoaded(quint64 generation, const RuleLoadResult &result);
    void watch();
    void onPathChanged();
    void requestClassification(bool force, bool announce);
    void startClassification();
    void finishClassification(quint64 generation, const ClassificationOutcome &outcome);
    void pollProgress();

    LibrarySession *m_session;
    std::function<QVector<StudySummary>()> m_rows;
    QString m_userFile;
    QString m_fileInForce;
    std::shared_ptr<const RuleEngine> m_engine;
    QStringList m_errors;
    QHash<QString, int> m_hits;
    bool m_hitsKnown = false;
    QString m_lastRun;

    QFileSystemWatcher m_watcher;
    QTimer m_reloadDelay;
    QString m_fileStamp; ///< Size and time of the user file when last seen, to ignore unrelated folder changes.
    quint64 m_loadGeneration = 0;
    bool m_loading = false;

    bool m_libraryOpen = false;
    bool m_wantRun = false;
    bool m_forceRun = false;
    bool m_announceRun = false;
    bool m_runAnnounced = false; ///< The running run reports how it ended.
    std::shared_ptr<ClassificationProgress> m_running;
    quint64 m_runGeneration = 0;
    QTimer m_progressTimer;
    int m_lastDone = -1;
};

} // namespace mgreview::gui
