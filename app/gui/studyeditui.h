#pragma once

#include "model/study.h"

#include <QObject>
#include <QPointer>

class QAction;

namespace mgreview::gui {

class LibrarySession;
class MainWindow;
class ProfileController;
class StudyConflictDialog;
class StudyEditDialog;
class TeamUi;

/// Study ▸ Edit study…: edits a study's record and saves it against the version it was read
/// at (StudyStore::update(study, expectedVersion)), so that a colleague's save in between is
/// never overwritten unseen. On a version conflict the StudyConflictDialog shows theirs and
/// mine; the chosen result is saved against their version (and a further conflict shows
/// the dialog again). Reads and writes run on the session's I/O thread; both dialogs are
/// window-modal and never block the event loop.
///
/// Enabled for people who may edit studies: the profile (core's may(EditStudies)) and, on a
/// team library, the database role (ProfileController's database limit).
class StudyEditUi : public QObject
{
    Q_OBJECT

public:
    struct Parts {
        MainWindow *window = nullptr;
        LibrarySession *session = nullptr;
        ProfileController *profiles = nullptr;
        TeamUi *team = nullptr; ///< Reads the rows again after a save.
        bool dialogs = true;    ///< Error message boxes (off for --screenshot and tests).
    };
    explicit StudyEditUi(const Parts &parts, QObject *parent = nullptr);

    QAction *editAction() const { return m_edit; }
    /// The pane shows this study now (empty: none).
    void setShownStudy(const QString &id);
    /// Reads the study with its version and opens the form.
    void editStudy(const QString &id);

    // For tests.
    StudyEditDialog *editor() const;
    StudyConflictDialog *conflictDialog() const;
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void editorShown(mgreview::gui::StudyEditDialog *dialog);
    void conflictShown(mgreview::gui::StudyConflictDialog *dialog);
    /// The study was saved (`version` is its new version).
    void saved(const QString &id, int version);
    /// An edit ended without a save: cancelled, kept theirs, or failed (`error` says why).
    void notSaved(const QString &id, const QString &error);

private:
    void updateAction();
    void save(const Study &base, const Study &mine, int expectedVersion);
    void showConflict(const Study &base, const Study &mine, const Study &theirs, int theirVersion);
    void finish(const QString &id, const QString &message, bool error);
    QString studyName(const Study &study) const;

    Parts m_parts;
    QAction *m_edit;
    QString m_shownStudy;
    bool m_busy = false;
    QPointer<StudyEditDialog> m_editor;
    QPointer<StudyConflictDialog> m_conflict;
};

} // namespace mgreview::gui
