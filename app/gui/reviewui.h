#pragma once

#include "model/study.h"
#include "models/studydetailmodel.h"
#include "review/profile.h"
#include "rules/rule.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QMenu;
class QUndoGroup;
class QUndoStack;

namespace mgreview {
class StudyTableModel;
}

namespace mgreview::gui {

class AssessDialog;
class LibrarySession;
class MainWindow;
class ProfileController;
class ProfileDialog;
class ReviewController;
class ReviewDocks;
class ReviewPaneBar;
struct UndoableChange;

/// Everything funding review adds to the main window (issue 4): the signed-in profile
/// (status bar, Profile menu, the first-start dialog), "Assess funding…" (Study menu, the
/// bar above the pane, Ctrl+J), the undo stack of review changes (Edit ▸ Undo/Redo), the
/// Conflicts and Agreement docks (Review menu) and File ▸ Export review.
///
/// Permissions come from core (may(), refusal()): an action someone may not use is disabled
/// and its tooltip says why. Every read and write runs on the session's I/O thread.
class ReviewUi : public QObject
{
    Q_OBJECT

public:
    struct Parts {
        MainWindow *window = nullptr;
        LibrarySession *session = nullptr;
        StudyTableModel *studies = nullptr;
        bool remember = true; ///< Use the settings for the profile (and ask at first start).
    };
    explicit ReviewUi(const Parts &parts, QObject *parent = nullptr);
    ~ReviewUi() override;

    QMenu *studyMenu() const { return m_studyMenu; }
    QMenu *reviewMenu() const { return m_reviewMenu; }
    QMenu *profileMenu() const { return m_profileMenu; }
    QMenu *exportMenu() const { return m_exportMenu; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    QAction *assessAction() const { return m_assessAction; }
    /// The bar the window shows above the pane.
    ReviewPaneBar *paneBar() const { return m_paneBar; }

    void libraryOpened();
    /// Reads the reviewers' part of the pane; emits studyReviewLoaded() (latest request only).
    void loadStudyReview(const Study &study, const QVector<Suggestion> &suggestions);
    /// The pane shows this study now (or none).
    void setShownStudy(const QString &studyId);

    /// --profile NAME[:role]: sign in for this run.
    void requestProfile(const QString &name, std::optional<Role> role);
    /// Opens the Assess funding form for a study (once the library and profile are ready).
    /// With `evidence` (e.g. text selected in a PDF) and its `page`, the form's evidence
    /// fields start filled in.
    void openAssessForm(QString studyId, const QString &evidence = {}, int page = 0); // A copy: callers pass the pending id it clears.
    void showConflicts();
    void showAgreement();
    /// Nothing pending: profile resolved, no review read or write under way, forms loaded.
    bool isSettled() const;

    // For tests.
    ProfileController *profiles() const { return m_profiles; }
    ReviewController *controller() const { return m_controller; }
    ReviewDocks *docks() const { return m_docks; }
    QUndoGroup *undoGroup() const { return m_undo; }
    AssessDialog *assessDialog() const;
    ProfileDialog *profileDialog() const;

Q_SIGNALS:
    void studyReviewLoaded(const mgreview::Study &study, const QVector<mgreview::Suggestion> &suggestions,
        const mgreview::StudyReviewInfo &review);

private:
    void buildMenus();
    void onProfileChanged();
    void updateAssessAction();
    void askForProfile(bool firstStart);
    void fillSwitchMenu();
    void openPendingAssess();
    void saveJudgement(const QString &studyId, const JudgementContent &content);
    void pushChange(const std::shared_ptr<UndoableChange> &change, const QString &text);
    QUndoStack *stackFor(const QString &name);
    void exportReview(int kind);
    void showMessage(const QString &text, int timeoutMs = 8000);

    Parts m_parts;
    ProfileController *m_profiles;
    ReviewController *m_controller;
    ReviewDocks *m_docks;
    QUndoGroup *m_undo;
    QHash<QString, QUndoStack *> m_stacks; ///< One per profile (by name, lower case).
    QMenu *m_studyMenu = nullptr;
    QMenu *m_reviewMenu = nullptr;
    QMenu *m_profileMenu = nullptr;
    QMenu *m_switchMenu = nullptr;
    QMenu *m_exportMenu = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_assessAction = nullptr;
    QLabel *m_profileLabel;
    ReviewPaneBar *m_paneBar;
    QPointer<AssessDialog> m_assess;
    QPointer<ProfileDialog> m_profileDialog;
    bool m_libraryOpen = false;
    QString m_shownStudy;
    QString m_pendingAssess;
    quint64 m_paneGeneration = 0;
    bool m_paneLoading = false;
};

} // namespace mgreview::gui
