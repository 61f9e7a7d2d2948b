#pragma once

#include <QString>
#include <QUndoCommand>

#include <atomic>
#include <memory>

namespace mgreview::gui {

class DuplicateUi;

/// A merge made in this window: which record was kept, which merged into it, and the
/// library's merge number (a redo makes a new merge, with a new number). The number is
/// written on the I/O thread by the job that merges and read there by the job that undoes
/// it; jobs run in order, so an undo always sees the merge before it.
struct DuplicateMergeRecord {
    QString keepId;
    QString otherId;
    std::atomic<qint64> mergeId { 0 };
    bool undone = false; ///< GUI thread only.
};

/// One merge on the window's undo stack (Edit ▸ Undo). Pushed after core merged, so the
/// first redo() does nothing; undo() restores both records exactly (core keeps them) and
/// reopens the pair; redo() merges again.
class DuplicateMergeCommand : public QUndoCommand
{
public:
    DuplicateMergeCommand(DuplicateUi *ui, std::shared_ptr<DuplicateMergeRecord> merge, const QString &text);

    void undo() override;
    void redo() override;
    const std::shared_ptr<DuplicateMergeRecord> &merge() const { return m_merge; }

private:
    DuplicateUi *m_ui;
    std::shared_ptr<DuplicateMergeRecord> m_merge;
    bool m_pushed = false;
};

} // namespace mgreview::gui
