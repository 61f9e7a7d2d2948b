#pragma once

#include <QBitArray>
#include <QObject>
#include <QString>

class QAction;
class QDockWidget;
class QLabel;
class QMainWindow;
class QMenu;
class QShortcut;
class QToolBar;
class QToolButton;

namespace mgreview {
class StudyTableModel;
}

namespace mgreview::gui {

class LibrarySession;
class RulesController;
class RulesErrorBar;
class RulesTableModel;
class RulesView;
class SearchController;

/// Everything the classification rules add to the main window: the Rules view (a dock),
/// the Rules menu, the rules-file warning bar, the "Rule: …" filter chip in the toolbar and
/// the classification progress in the status bar.
///
/// Selecting a rule filters the study table to the studies it matched: their ids are read
/// on the I/O thread and applied as a restriction of the search (search AND rule).
class RulesUi : public QObject
{
    Q_OBJECT

public:
    struct Parts {
        QMainWindow *window = nullptr;
        QToolBar *toolbar = nullptr;
        LibrarySession *session = nullptr;
        StudyTableModel *studies = nullptr;
        SearchController *search = nullptr;
        bool rememberRulesFile = true; ///< Store the chosen rules file in the settings.
    };
    explicit RulesUi(const Parts &parts, QObject *parent = nullptr);

    RulesController *controller() const { return m_controller; }
    RulesView *view() const { return m_view; }
    QDockWidget *dock() const { return m_dock; }
    /// The warning bar the window shows above the table.
    RulesErrorBar *warningBar() const { return m_warning; }
    QMenu *menu() const { return m_menu; }

    /// Uses a user rules file (empty: the defaults only); `remember` stores it in the settings.
    void useRulesFile(const QString &path, bool remember);
    void showView();
    /// Selects a rule in the view (once the rules are loaded) and so filters the table.
    void selectRule(const QString &id);
    /// The rule whose studies the table is limited to, or empty.
    QString filterRuleId() const { return m_filterRule; }
    /// Removes the rule filter (and the view's selection).
    void clearRuleFilter();
    /// Nothing pending: rules loaded, no classification running, the rule filter applied.
    bool isSettled() const;
    /// The table got a different list of studies: rebuild the rule filter for it.
    void studiesReplaced();

Q_SIGNALS:
    /// The table is now limited to the studies of `ruleId` (empty: no rule filter).
    void ruleFilterApplied(const QString &ruleId);

private:
    void buildMenu();
    void buildStatusWidgets();
    void onRuleSelected(QString id); // A copy: callers pass members it clears.
    void applyRestriction();
    void updateSummary();
    void chooseRulesFile();
    void onClassificationStarted();
    void onClassificationProgress(int done, int total);
    void onClassificationFinished(const QString &message);

    Parts m_parts;
    RulesController *m_controller;
    RulesTableModel *m_model;
    RulesView *m_view;
    QDockWidget *m_dock;
    RulesErrorBar *m_warning;
    QMenu *m_menu = nullptr;
    QToolButton *m_chip;
    QAction *m_chipAction; ///< Shows and hides the chip inside the toolbar.
    QLabel *m_progress;
    QToolButton *m_cancel;
    QShortcut *m_escape;

    QString m_pendingRule; ///< Asked for before the rules were loaded.
    QString m_waitingRule; ///< Selected before the library was open.
    QString m_filterRule; ///< The rule filter in force.
    QBitArray m_filterRows; ///< The rule's studies, by position in the table's studies.
    quint64 m_filterGeneration = 0;
    bool m_filterPending = false;
};

} // namespace mgreview::gui
