#include "searchfield.h"

#include <QKeyEvent>

namespace mgreview::gui {

SearchField::SearchField(QWidget *parent) : QLineEdit(parent)
{
    setClearButtonEnabled(true);
    setPlaceholderText(tr("Search title, authors, conclusions…  (Ctrl+F)"));
    setAccessibleName(tr("Search studies"));
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
