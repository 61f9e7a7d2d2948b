#pragma once

#include "duplicatejob.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;

namespace mgreview::gui {

class DuplicatesDialog;
class LibrarySession;
class MainWindow;
class ReviewUi;
struct DuplicateMergeRecord;

/// Study ▸ Review duplicates… (issue 8): the probable duplicates an import listed, each
/// pair side by side (DuplicatesDialog). Merge and Keep both are core's (DuplicateReview),
/// one transaction each on the session's I/O thread. A merge goes on the window's undo
/// stack (Edit ▸ Undo) when someone is signed in, and the dialog's Undo merge button undoes
/// the last one either way; undo restores both records exactly and lists the pair again.
/// Keep both is stored in the library: the pair is not listed again.
class DuplicateUi : public QObject
{
    Q_OBJECT

public:
    struct Parts {
        MainWindow *window = nullptr;
        LibrarySession *session = nullptr;
        ReviewUi *review = nullptr; ///< Its undo group holds the merges.
    };
    explicit DuplicateUi(const Parts &parts, QObject *parent = nullptr);

    QAction *reviewAction() const { return m_action; }
    /// Opens (or raises) the dialog and reads the open pairs.
    void openDialog();
    DuplicatesDialog *dialog() const;
    /// Reads the open pairs again (after an import).
    void refresh();

    /// Merges `otherId` into `keepId`; false (nothing started) while a change runs.
    bool merge(const QString &keepId, const QString &otherId);
    bool keepBoth(const QString &studyId, const QString &otherId);
    /// Undoes the last merge of this window that is not undone (through the undo stack
    /// when it is on top there, so Edit ▸ Redo still fits).
    bool undoLastMerge();
    bool isBusy() const { return m_pending > 0; }

    // The undo command's halves.
    void undoMerge(const std::shared_ptr<DuplicateMergeRecord> &merge);
    void redoMerge(const std::shared_ptr<DuplicateMergeRecord> &merge);

Q_SIGNALS:
    /// The open pairs were read again (after opening, a change or an undo).
    void pairsChanged();
    /// A merge, keep-both, undo or redo ended.
    void changeFinished(bool ok, const QString &message);

private:
    template<typename Job> void runChange(Job job, std::function<void(const DuplicateOutcome &)> done);
    void apply(const DuplicateOutcome &outcome);
    bool hasUndoableMerge() const;
    void showMessage(const QString &text, bool error = false);

    Parts m_parts;
    QAction *m_action;
    QPointer<DuplicatesDialog> m_dialog;
    QVector<std::shared_ptr<DuplicateMergeRecord>> m_merges; ///< Made in this window, oldest first.
    int m_pending = 0;
};

} // namespace mgreview::gui
