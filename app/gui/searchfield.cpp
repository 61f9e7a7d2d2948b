#include "searchfield.h"

#include <QKeyEvent>

namespace mgreview::gui {

SearchField::SearchField(QWidget *parent) : QLineEdit(parent)
{
    setClearButtonEnabled(true);
    setPlaceholderText(tr("Search title, authors, conclusions…  (Ctrl+F)"));
    setAccessibleName(tr("Search studies"));
}

bool SearchField::event(QEvent *event)
{
    // Esc clears the text here before any window shortcut on Esc (cancel classifying) sees it.
    if (event->type() == QEvent::ShortcutOverride && !text().isEmpty()
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        event->accept();
        return true;
    }
    return QLineEdit::event(event);
}

void SearchField::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
        if (!text().isEmpty()) {
            clear();
            return;
        }
        break;
    case Qt::Key_Down:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        Q_EMIT leaveToResults();
        return;
    default:
        break;
    }
    QLineEdit::keyPressEvent(event);
}

} // namespace mgreview::gui
