#pragma once

#include <QUndoCommand>

#include <memory>

namespace mgreview::gui {

class ReviewController;
struct UndoableChange;

/// One recorded judgement (or resolution) on the window's undo stack.
///
/// It is pushed after core saved the change, so the first redo() does nothing. undo() asks
/// core to append the inverse change and keeps its id; a later redo() undoes that undo
/// (docs/review.md, "Undo and redo"). Nothing is ever erased: each step is a new row and a
/// new audit-log entry. The work runs on the I/O thread; the table and pane refresh when
/// it is done.
class ReviewUndoCommand : public QUndoCommand
{
public:
    ReviewUndoCommand(ReviewController *controller, std::shared_ptr<UndoableChange> change, const QString &text);

    void undo() override;
    void redo() override;

private:
    ReviewController *m_controller;
    std::shared_ptr<UndoableChange> m_change;
    bool m_pushed = false;
};

} // namespace mgreview::gui
