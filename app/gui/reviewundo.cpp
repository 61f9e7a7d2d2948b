#include "reviewundo.h"

#include "reviewcontroller.h"

namespace mgreview::gui {

ReviewUndoCommand::ReviewUndoCommand(
    ReviewController *controller, std::shared_ptr<UndoableChange> change, const QString &text)
    : m_controller(controller), m_change(std::move(change))
{
    setText(text);
}

void ReviewUndoCommand::undo()
{
    m_controller->undoOrRedo(m_change, false);
}

void ReviewUndoCommand::redo()
{
    // QUndoStack::push() calls redo() at once; the change is already saved then.
    if (!m_pushed) {
        m_pushed = true;
        return;
    }
    m_controller->undoOrRedo(m_change, true);
}

} // namespace mgreview::gui
