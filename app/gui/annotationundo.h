#pragma once

#include <QUndoCommand>

#include <memory>

namespace mgreview::gui {

class AnnotationController;
struct AnnotationUndoable;

/// One annotation change (create, edit, retag, delete) on the window's undo stack.
///
/// Pushed after core saved the change, so the first redo() does nothing. undo() asks core
/// to append the compensating event; redo() undoes that undo. Each step is committed to
/// the library at once (docs/annotations.md, "Undo and redo").
class AnnotationUndoCommand : public QUndoCommand
{
public:
    AnnotationUndoCommand(AnnotationController *controller, std::shared_ptr<AnnotationUndoable> change, const QString &text);

    void undo() override;
    void redo() override;

private:
    AnnotationController *m_controller;
    std::shared_ptr<AnnotationUndoable> m_change;
    bool m_pushed = false;
};

} // namespace mgreview::gui
