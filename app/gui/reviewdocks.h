#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

class QDockWidget;
class QMainWindow;

namespace mgreview {
class StudyTableModel;
}

namespace mgreview::gui {

class AgreementView;
class ConflictsModel;
class ConflictsResolveDialog;
class ConflictsView;
class ProfileController;
class ReviewController;
struct UndoableChange;

/// The Conflicts and Agreement docks of the main window. They read their data on the I/O
/// thread when shown and after every review change; a hidden dock only remembers that it
/// is out of date.
class ReviewDocks : public QObject
{
    Q_OBJECT

public:
    ReviewDocks(QMainWindow *window, ReviewController *controller, ProfileController *profiles,
        const StudyTableModel *studies, QObject *parent = nullptr);

    QDockWidget *conflictsDock() const { return m_conflictsDock; }
    QDockWidget *agreementDock() const { return m_agreementDock; }
    ConflictsView *conflictsView() const { return m_conflictsView; }
    ConflictsModel *conflictsModel() const { return m_conflicts; }
    AgreementView *agreementView() const { return m_agreementView; }
    ConflictsResolveDialog *resolveDialog() const;

    void showConflicts();
    void showAgreement();
    /// Something changed: read what the visible docks show again.
    void refresh();
    /// The signed-in profile changed (who may resolve).
    void profileChanged();
    /// The pane shows this study: select it in the Conflicts list when it is there.
    void setShownStudy(const QString &studyId);
    /// Nothing being read.
    bool isSettled() const { return m_reading == 0; }

Q_SIGNALS:
    void studyActivated(const QString &studyId);
    /// A resolution was saved: put it on the undo stack.
    void changeRecorded(const std::shared_ptr<mgreview::gui::UndoableChange> &change, const QString &text);
    void message(const QString &text);

private:
    void refreshConflicts();
    void refreshAgreement();
    void openResolve(const QString &studyId);

    QMainWindow *m_window;
    ReviewController *m_controller;
    ProfileController *m_profiles;
    const StudyTableModel *m_studies;
    ConflictsModel *m_conflicts;
    ConflictsView *m_conflictsView;
    QDockWidget *m_conflictsDock;
    AgreementView *m_agreementView;
    QDockWidget *m_agreementDock;
    QPointer<ConflictsResolveDialog> m_resolve;
    QString m_shownStudy;
    bool m_conflictsStale = true;
    bool m_agreementStale = true;
    int m_reading = 0;
};

} // namespace mgreview::gui
