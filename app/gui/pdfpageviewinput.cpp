// PdfPageView's keyboard, wheel and mouse handling: selection, context menu, keys.
#include "pdfpageview.h"

#include "pdftextselection.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QMenu>
#include <QScrollBar>

namespace mgreview::gui {

void PdfPageView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        if (event->angleDelta().y() > 0)
            zoomIn();
        else if (event->angleDelta().y() < 0)
            zoomOut();
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void PdfPageView::keyPressEvent(QKeyEvent *event)
{
    const int page = currentPage();
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
    } else if (event->matches(QKeySequence::ZoomIn)
        || (event->modifiers() & Qt::ControlModifier && event->key() == Qt::Key_Equal)) {
        zoomIn();
    } else if (event->matches(QKeySequence::ZoomOut)) {
        zoomOut();
    } else if (event->key() == Qt::Key_Home || event->matches(QKeySequence::MoveToStartOfDocument)) {
        goToPage(0);
    } else if (event->key() == Qt::Key_End || event->matches(QKeySequence::MoveToEndOfDocument)) {
        goToPage(pageCount() - 1);
    } else if (event->key() == Qt::Key_PageDown || event->key() == Qt::Key_Space) {
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepAdd);
    } else if (event->key() == Qt::Key_PageUp) {
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepSub);
    } else if (event->key() == Qt::Key_Right && horizontalScrollBar()->maximum() == 0) {
        goToPage(page + 1);
    } else if (event->key() == Qt::Key_Left && horizontalScrollBar()->maximum() == 0) {
        goToPage(page - 1);
    } else if (event->key() == Qt::Key_Escape && m_selection.focus >= 0) {
        clearSelection();
    } else {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

void PdfPageView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    setFocus(Qt::MouseFocusReason);
    clearSelection();
    const QPoint content = toContent(event->position().toPoint());
    const int page = m_layout.pageAtY(content.y());
    if (page < 0 || !m_layout.pageRect(page).adjusted(-8, -8, 8, 8).contains(content))
        return;
    // The drag selects from the word under the press; words come from the worker (asked for
    // when the page came into view).
    const int word = pdfselection::wordAt(m_words.value(page), m_layout.toPagePoints(page, content));
    m_selection = { page, word, -1 };
}

void PdfPageView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || m_selection.page < 0 || m_selection.anchor < 0)
        return QAbstractScrollArea::mouseMoveEvent(event);
    const QPoint content = toContent(event->position().toPoint());
    const int word = pdfselection::wordAt(
        m_words.value(m_selection.page), m_layout.toPagePoints(m_selection.page, content));
    if (word != m_selection.focus) {
        m_selection.focus = word;
        viewport()->update();
        Q_EMIT selectionChanged(word >= 0);
    }
}

void PdfPageView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QPoint content = toContent(event->position().toPoint());
    const int page = m_layout.pageAtY(content.y());
    if (page < 0 || !m_layout.pageRect(page).contains(content))
        return;
    const int word = pdfselection::wordAt(m_words.value(page), m_layout.toPagePoints(page, content));
    if (word >= 0)
        selectWords(page, word, word);
}

void PdfPageView::buildActions()
{
    m_copyAction = new QAction(tr("&Copy"), this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    connect(m_copyAction, &QAction::triggered, this, &PdfPageView::copySelection);
    m_evidenceAction = new QAction(tr("Use as funding &evidence"), this);
    m_evidenceAction->setObjectName(QStringLiteral("pdfUseAsEvidence"));
    m_evidenceAction->setStatusTip(tr("Send the selected text and its page to the funding assessment"));
    connect(m_evidenceAction, &QAction::triggered, this, [this] {
        if (m_selection.focus >= 0)
            Q_EMIT evidenceSelected(selectedEvidenceText(), m_selection.page + 1);
    });
    m_annotateAction = new QAction(tr("&Annotate…"), this);
    m_annotateAction->setObjectName(QStringLiteral("pdfAnnotate"));
    connect(m_annotateAction, &QAction::triggered, this, [this] {
        if (m_selection.focus >= 0)
            Q_EMIT annotateRequested(selectedEvidenceText(), m_selection.page + 1,
                pdfselection::boxes(m_words.value(m_selection.page), m_selection.anchor, m_selection.focus));
    });
    const auto sync = [this](bool has) {
        for (QAction *action : { m_copyAction, m_evidenceAction, m_annotateAction })
            action->setEnabled(has);
    };
    connect(this, &PdfPageView::selectionChanged, this, sync);
    sync(false);
}

void PdfPageView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(m_copyAction);
    menu.addSeparator();
    menu.addAction(m_evidenceAction);
    menu.addAction(m_annotateAction);
    menu.exec(event->globalPos());
}

} // namespace mgreview::gui
