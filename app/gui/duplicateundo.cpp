#include "duplicateundo.h"

#include "duplicateui.h"

namespace mgreview::gui {

DuplicateMergeCommand::DuplicateMergeCommand(
    DuplicateUi *ui, std::shared_ptr<DuplicateMergeRecord> merge, const QString &text)
    : m_ui(ui), m_merge(std::move(merge))
{
    setText(text);
}

void DuplicateMergeCommand::undo()
{
    m_ui->undoMerge(m_merge);
}

void DuplicateMergeCommand::redo()
{
    // QUndoStack::push() calls redo() at once; the merge is already saved then.
    if (!m_pushed) {
        m_pushed = true;
        return;
    }
    m_ui->redoMerge(m_merge);
}

} // namespace mgreview::gui
