#include "annotationundo.h"

#include "annotationcontroller.h"

namespace mgreview::gui {

AnnotationUndoCommand::AnnotationUndoCommand(
    AnnotationController *controller, std::shared_ptr<AnnotationUndoable> change, const QString &text)
    : m_controller(controller), m_change(std::move(change))
{
    setText(text);
}

void AnnotationUndoCommand::undo()
{
    m_controller->undoOrRedo(m_change, false);
}

void AnnotationUndoCommand::redo()
{
    // QUndoStack::push() calls redo() at once; the change is already saved then.
    if (!m_pushed) {
        m_pushed = true;
        return;
    }
    m_controller->undoOrRedo(m_change, true);
}

} // namespace mgreview::gui
