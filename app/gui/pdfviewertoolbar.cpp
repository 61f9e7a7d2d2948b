// PdfViewer's toolbar: pages, zoom, thumbnails, find.
#include "pdfviewer.h"

#include "pdfpageview.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSpinBox>
#include <QStyle>
#include <QToolBar>

#include <cmath>

namespace mgreview::gui {

void PdfViewer::buildToolBar()
{
    m_toolbar = new QToolBar(tr("PDF"), this);
    m_toolbar->setObjectName(QStringLiteral("pdfToolBar"));
    m_toolbar->setIconSize(QSize(18, 18));
    QStyle *s = style();
    const auto add = [this](const QIcon &icon, const QString &text, const QKeySequence &key, auto slot) {
        QAction *action = m_toolbar->addAction(icon, text, this, slot);
        if (!key.isEmpty()) {
            addAction(action); // The shortcut works wherever the focus is inside the viewer.
            action->setShortcut(key);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            action->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        }
        return action;
    };
    add(s->standardIcon(QStyle::SP_ArrowUp), tr("Previous page"), QKeySequence(),
        [this] { m_view->goToPage(m_view->currentPage() - 1); });
    add(s->standardIcon(QStyle::SP_ArrowDown), tr("Next page"), QKeySequence(),
        [this] { m_view->goToPage(m_view->currentPage() + 1); });
    m_pageBox = new QSpinBox(m_toolbar);
    m_pageBox->setObjectName(QStringLiteral("pdfPageBox"));
    m_pageBox->setRange(0, 0);
    m_pageBox->setSpecialValueText(QStringLiteral(" ")); // No "0" without a document.
    m_pageBox->setButtonSymbols(QAbstractSpinBox::NoButtons);
    m_pageBox->setAlignment(Qt::AlignRight);
    m_pageBox->setKeyboardTracking(false);
    m_pageBox->setToolTip(tr("Page number: type one and press Enter"));
    m_toolbar->addWidget(m_pageBox);
    m_pageTotal = new QLabel(m_toolbar);
    m_pageTotal->setContentsMargins(4, 0, 8, 0);
    m_toolbar->addWidget(m_pageTotal);
    connect(m_pageBox, &QSpinBox::valueChanged, this, [this](int page) {
        if (page > 0)
            m_view->goToPage(page - 1);
    });
    m_toolbar->addSeparator();

    QAction *zoomOut = add(QIcon::fromTheme(QStringLiteral("zoom-out")), tr("Zoom out"), QKeySequence::ZoomOut,
        [this] { m_view->zoomOut(); });
    m_zoomBox = new QComboBox(m_toolbar);
    m_zoomBox->setObjectName(QStringLiteral("pdfZoomBox"));
    m_zoomBox->addItem(tr("Fit width"));
    m_zoomBox->addItem(tr("Fit page"));
    for (double step : PdfPageView::zoomSteps())
        m_zoomBox->addItem(tr("%1 %").arg(int(std::lround(step * 100))), step);
    m_zoomBox->setToolTip(tr("Zoom (Ctrl+wheel, Ctrl+plus, Ctrl+minus)"));
    m_toolbar->addWidget(m_zoomBox);
    connect(m_zoomBox, &QComboBox::activated, this, [this](int index) {
        if (index == 0)
            m_view->setZoomMode(PdfPageView::ZoomMode::FitWidth);
        else if (index == 1)
            m_view->setZoomMode(PdfPageView::ZoomMode::FitPage);
        else
            m_view->setZoom(m_zoomBox->itemData(index).toDouble());
        updateZoomBox();
    });
    QAction *zoomIn = add(QIcon::fromTheme(QStringLiteral("zoom-in")), tr("Zoom in"), QKeySequence::ZoomIn,
        [this] { m_view->zoomIn(); });
    // Without an icon theme a plain sign reads better than the words.
    if (zoomOut->icon().isNull())
        zoomOut->setIconText(QStringLiteral("−"));
    if (zoomIn->icon().isNull())
        zoomIn->setIconText(QStringLiteral("+"));
    m_toolbar->addSeparator();
    m_showThumbnails = add(s->standardIcon(QStyle::SP_FileDialogListView), tr("Thumbnails"), QKeySequence(),
        [this](bool on) { m_thumbnails->setVisible(on); });
    m_showThumbnails->setCheckable(true);
    m_showThumbnails->setChecked(true);
    m_toolbar->addSeparator();

    m_findField = new QLineEdit(m_toolbar);
    m_findField->setObjectName(QStringLiteral("pdfFind"));
    m_findField->setPlaceholderText(tr("Find in PDF (Ctrl+F)"));
    m_findField->setClearButtonEnabled(true);
    m_findField->setMaximumWidth(220);
    m_toolbar->addWidget(m_findField);
    connect(m_findField, &QLineEdit::returnPressed, this, [this] {
        // Enter again on the same text goes to the next hit, as in a browser.
        if (m_view->hitCount() > 0 && !m_highlightSearch && m_findField->text() == m_lastFind)
            findNext();
        else
            find(m_findField->text());
    });
    add(s->standardIcon(QStyle::SP_ArrowLeft), tr("Previous hit"), QKeySequence(Qt::SHIFT | Qt::Key_F3),
        [this] { findPrevious(); });
    add(s->standardIcon(QStyle::SP_ArrowRight), tr("Next hit"), QKeySequence(Qt::Key_F3), [this] { findNext(); });
    m_hitLabel = new QLabel(m_toolbar);
    m_hitLabel->setObjectName(QStringLiteral("pdfHitCount"));
    m_hitLabel->setContentsMargins(6, 0, 6, 0);
    m_toolbar->addWidget(m_hitLabel);
}

} // namespace mgreview::gui
