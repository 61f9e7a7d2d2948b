#include "pdfviewer.h"

#include "pdfpageview.h"
#include "pdfquotehighlighter.h"
#include "pdfpasswordpanel.h"
#include "pdfrenderer.h"
#include "pdfthumbnaildelegate.h"
#include "pdfthumbnailmodel.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

namespace mgreview::gui {

namespace {
enum StackPage { DocumentPage = 0, MessagePage = 1, PasswordPage = 2 };
} // namespace

PdfViewer::PdfViewer(QWidget *parent)
    : QWidget(parent),
      m_renderer(new PdfRenderer(this)),
      m_view(new PdfPageView(m_renderer)),
      m_quoteHighlighter(new PdfQuoteHighlighter(m_renderer, m_view, this)),
      m_thumbnailModel(new PdfThumbnailModel(m_renderer, this)),
      m_thumbnails(new QListView),
      m_splitter(new QSplitter(Qt::Horizontal)),
      m_stack(new QStackedWidget(this)),
      m_messageLabel(new QLabel),
      m_banner(new QLabel),
      m_passwordPanel(new PdfPasswordPanel)
{
    setObjectName(QStringLiteral("pdfViewer"));
    m_thumbnails->setObjectName(QStringLiteral("pdfThumbnails"));
    m_thumbnails->setModel(m_thumbnailModel);
    m_thumbnails->setItemDelegate(new PdfThumbnailDelegate(m_thumbnails));
    QPalette shelf = m_thumbnails->palette(); // The pages' grey, so white thumbnails stand out.
    shelf.setColor(QPalette::Base, QColor(0xd5, 0xd8, 0xdd));
    m_thumbnails->setPalette(shelf);
    m_thumbnails->setViewMode(QListView::IconMode);
    m_thumbnails->setFlow(QListView::TopToBottom);
    m_thumbnails->setWrapping(false);
    m_thumbnails->setMovement(QListView::Static);
    m_thumbnails->setResizeMode(QListView::Adjust);
    m_thumbnails->setSpacing(6);
    m_thumbnails->setIconSize(QSize(PdfThumbnailModel::kWidth, PdfThumbnailModel::kWidth * 3 / 2));
    m_thumbnails->setMinimumWidth(PdfThumbnailModel::kWidth + 36);
    m_thumbnailModel->setDevicePixelRatio(devicePixelRatioF());

    m_banner->setObjectName(QStringLiteral("pdfWarning"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("background:#fff4d6; color:#5a4300; padding:4px 8px;"
                                           "border-bottom:1px solid #e0c97a;"));
    m_banner->hide();
    auto *documentArea = new QWidget;
    auto *documentLayout = new QVBoxLayout(documentArea);
    documentLayout->setContentsMargins(0, 0, 0, 0);
    documentLayout->setSpacing(0);
    documentLayout->addWidget(m_banner);
    documentLayout->addWidget(m_view, 1);
    m_splitter->addWidget(m_thumbnails);
    m_splitter->addWidget(documentArea);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({ PdfThumbnailModel::kWidth + 40, 100'000 });

    m_messageLabel->setObjectName(QStringLiteral("pdfMessage"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setAlignment(Qt::AlignCenter);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messageLabel->setMargin(24);
    m_stack->addWidget(m_splitter);
    m_stack->addWidget(m_messageLabel);
    m_stack->addWidget(m_passwordPanel);

    buildToolBar();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolbar);
    layout->addWidget(m_stack, 1);
    showMessage(tr("No PDF open."));

    connect(m_renderer, &PdfRenderer::opened, this, &PdfViewer::onOpened);
    connect(m_renderer, &PdfRenderer::openFailed, this, &PdfViewer::onOpenFailed);
    connect(m_renderer, &PdfRenderer::searchHits, this, &PdfViewer::onSearchHits);
    connect(m_renderer, &PdfRenderer::searchFinished, this, &PdfViewer::onSearchFinished);
    connect(m_quoteHighlighter, &PdfQuoteHighlighter::finished, this, [this](int page, bool found) {
        if (found) {
            Q_EMIT highlightFinished(page + 1, true);
            return;
        }
        // Not in the text layer: the first words through Poppler's search, as a reader's
        // starting point.
        m_quoteFallback = true;
        highlight(page + 1, m_quoteHighlighter->quote().simplified().section(u' ', 0, 5));
    });
    connect(m_view, &PdfPageView::currentPageChanged, this, [this](int page) {
        updatePageBox(page);
        // The thumbnail of the page being read is marked and kept in sight.
        const QModelIndex thumbnail = m_thumbnailModel->index(page);
        m_thumbnails->setCurrentIndex(thumbnail);
        m_thumbnails->scrollTo(thumbnail);
        Q_EMIT currentPageChanged(page + 1);
    });
    connect(m_view, &PdfPageView::zoomChanged, this, &PdfViewer::updateZoomBox);
    connect(m_view, &PdfPageView::evidenceSelected, this, &PdfViewer::evidenceSelected);
    connect(m_view, &PdfPageView::annotateRequested, this, &PdfViewer::annotateRequested);
    const auto openThumbnail = [this](const QModelIndex &index) {
        m_view->goToPage(index.row());
        m_view->setFocus(Qt::OtherFocusReason);
    };
    connect(m_thumbnails, &QListView::clicked, this, openThumbnail);
    connect(m_thumbnails, &QListView::activated, this, openThumbnail); // Enter on a thumbnail.
    connect(m_passwordPanel, &PdfPasswordPanel::passwordEntered, this,
        [this](const QString &password) { openFile(m_path, password); });
    connect(m_passwordPanel, &PdfPasswordPanel::cancelled, this, [this] {
        showMessage(tr("%1 is protected by a password and was not opened.").arg(QFileInfo(m_path).fileName()));
    });
    // Ctrl+F means "find in this PDF" while the viewer has the focus, not the window's search.
    installEventFilter(this);
    m_view->installEventFilter(this);
}

PdfViewer::~PdfViewer() = default;

bool PdfViewer::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Find)) {
            event->accept(); // Delivered to us as a key press instead of the window's Find.
            return false;
        }
    } else if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Find)) {
        m_findField->setFocus(Qt::ShortcutFocusReason);
        m_findField->selectAll();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void PdfViewer::openFile(const QString &path, const QString &password)
{
    m_path = path;
    m_password = password;
    m_loading = true;
    // Wishes for the previous file do not carry over (openPdf() sets its own after this).
    m_pendingPage = 0;
    m_pendingFind.clear();
    m_pendingHighlightPage = -1;
    m_pendingHighlightText.clear();
    m_pendingRects = {};
    m_lastFind.clear();
    m_problem = PdfOpenProblem::None;
    m_message.clear();
    m_findRunning = false;
    m_quoteHighlighter->cancel();
    m_view->clearDocument();
    m_thumbnailModel->clear();
    m_banner->hide();
    updatePageBox(-1);
    updateHitLabel();
    showMessage(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    m_renderer->open(path, password);
}

void PdfViewer::closeFile()
{
    m_renderer->close();
    m_quoteHighlighter->cancel();
    m_path.clear();
    m_loading = false;
    m_problem = PdfOpenProblem::None;
    m_view->clearDocument();
    m_thumbnailModel->clear();
    showMessage(tr("No PDF open."));
}

void PdfViewer::onOpened(const PdfDocumentInfo &info)
{
    m_loading = false;
    m_problem = PdfOpenProblem::None;
    m_stack->setCurrentIndex(DocumentPage);
    m_toolbar->setEnabled(true);
    m_banner->setText(info.warning);
    m_banner->setVisible(!info.warning.isEmpty());
    m_thumbnailModel->setDocument(info);
    m_view->setDocument(info);
    m_pageBox->setRange(1, int(info.pageSizes.size()));
    m_pageTotal->setText(tr("of %1").arg(info.pageSizes.size()));
    updatePageBox(m_view->currentPage());
    updateZoomBox();
    applyPending();
    Q_EMIT documentOpened(m_path, int(info.pageSizes.size()));
}

void PdfViewer::onOpenFailed(PdfOpenProblem problem, const QString &message)
{
    m_loading = false;
    m_problem = problem;
    m_message = message;
    if (problem == PdfOpenProblem::PasswordNeeded || problem == PdfOpenProblem::WrongPassword) {
        m_passwordPanel->ask(QFileInfo(m_path).fileName(), problem == PdfOpenProblem::WrongPassword);
        m_stack->setCurrentIndex(PasswordPage);
        m_toolbar->setEnabled(false);
        Q_EMIT passwordRequired(m_path, problem == PdfOpenProblem::WrongPassword);
        return;
    }
    showMessage(tr("Cannot show this PDF.\n\n%1").arg(message));
    Q_EMIT openFailed(m_path, message);
}

void PdfViewer::showMessage(const QString &text)
{
    m_messageLabel->setText(text);
    m_stack->setCurrentIndex(MessagePage);
    m_toolbar->setEnabled(false); // Nothing to page, zoom or find in.
}

QString PdfViewer::warning() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

int PdfViewer::pageCount() const
{
    return m_view->pageCount();
}

int PdfViewer::currentPage() const
{
    return m_view->currentPage() + 1;
}

void PdfViewer::goToPage(int page)
{
    if (m_loading) {
        m_pendingPage = page;
        return;
    }
    m_view->goToPage(page - 1);
}

void PdfViewer::applyPending()
{
    if (m_pendingPage > 0)
        m_view->goToPage(std::exchange(m_pendingPage, 0) - 1);
    if (m_pendingRects.first > 0) {
        const auto [page, rects] = std::exchange(m_pendingRects, {});
        highlight(page, rects);
    }
    if (!m_pendingHighlightText.isEmpty()) {
        const int page = std::exchange(m_pendingHighlightPage, -1);
        highlight(page, std::exchange(m_pendingHighlightText, QString()));
    }
    else if (!m_pendingFind.isEmpty())
        find(std::exchange(m_pendingFind, QString()));
}

void PdfViewer::highlight(int page, const QVector<QRectF> &rects)
{
    if (m_loading) {
        m_pendingRects = { page, rects };
        return;
    }
    m_view->setHighlights(page - 1, rects);
    if (!rects.isEmpty())
        m_view->revealRect(page - 1, rects.constFirst());
    else
        m_view->goToPage(page - 1);
}

void PdfViewer::highlight(int page, const QString &text)
{
    if (m_loading) {
        m_pendingHighlightPage = page;
        m_pendingHighlightText = text;
        return;
    }
    m_view->setHighlights(-1, {});
    if (page > 0 && !m_quoteFallback) {
        // The whole quote from the page's text layer (PdfQuoteHighlighter); Poppler's search
        // below only when the text layer does not have it.
        m_quoteHighlighter->start(page - 1, text);
        return;
    }
    m_quoteFallback = false;
    m_highlightSearch = true;
    m_highlightPage = -1;
    m_findRunning = true;
    m_findSerial = page > 0 ? m_renderer->search(text, page - 1, page - 1, true) : m_renderer->search(text, 0, -1, true);
}

void PdfViewer::clearHighlight()
{
    m_view->setHighlights(-1, {});
}

void PdfViewer::find(const QString &text)
{
    if (m_loading) {
        m_pendingFind = text;
        return;
    }
    m_lastFind = text;
    m_view->clearHits();
    m_highlightSearch = false;
    if (m_findField->text() != text)
        m_findField->setText(text);
    if (text.trimmed().isEmpty() || m_view->pageCount() == 0) {
        m_renderer->cancelSearch();
        m_findRunning = false;
        updateHitLabel();
        return;
    }
    m_findStartPage = std::max(0, m_view->currentPage());
    m_findRunning = true;
    m_findSerial = m_renderer->search(text);
    updateHitLabel();
}

void PdfViewer::onSearchHits(quint64 serial, int page, const QVector<QRectF> &rects)
{
    if (serial != m_findSerial)
        return;
    if (m_highlightSearch) {
        if (m_highlightPage < 0) { // The first page with the text is where the quote is shown.
            m_highlightPage = page;
            m_view->setHighlights(page, rects);
            m_view->revealRect(page, rects.constFirst());
        }
        return;
    }
    const int before = m_view->hitCount();
    m_view->addHits(page, rects);
    // The first hit from where the reader is, not from page 1.
    if (m_view->currentHit() < 0 && page >= m_findStartPage)
        m_view->setCurrentHit(before);
    updateHitLabel();
}

void PdfViewer::onSearchFinished(quint64 serial)
{
    if (serial != m_findSerial)
        return;
    m_findRunning = false;
    if (m_highlightSearch) {
        m_highlightSearch = false;
        Q_EMIT highlightFinished(m_highlightPage + 1, m_highlightPage >= 0);
        return;
    }
    if (m_view->currentHit() < 0 && m_view->hitCount() > 0)
        m_view->setCurrentHit(0);
    updateHitLabel();
    Q_EMIT findFinished(m_view->hitCount());
}

void PdfViewer::findNext()
{
    if (m_view->hitCount() == 0)
        return;
    m_view->setCurrentHit((m_view->currentHit() + 1) % m_view->hitCount());
    updateHitLabel();
}

void PdfViewer::findPrevious()
{
    if (m_view->hitCount() == 0)
        return;
    const int count = m_view->hitCount();
    m_view->setCurrentHit((std::max(0, m_view->currentHit()) - 1 + count) % count);
    updateHitLabel();
}

int PdfViewer::hitCount() const
{
    return m_view->hitCount();
}

int PdfViewer::currentHit() const
{
    return m_view->currentHit() + 1;
}

void PdfViewer::updateHitLabel()
{
    const int count = m_view->hitCount();
    if (m_findField->text().trimmed().isEmpty())
        m_hitLabel->clear();
    else if (m_findRunning && !m_highlightSearch)
        m_hitLabel->setText(count == 0 ? tr("Searching…") : tr("%1 of %2…").arg(currentHit()).arg(count));
    else if (count == 0)
        m_hitLabel->setText(tr("Not found"));
    else
        m_hitLabel->setText(tr("%1 of %2").arg(currentHit()).arg(count));
}

void PdfViewer::updatePageBox(int page)
{
    const QSignalBlocker block(m_pageBox);
    if (page < 0) {
        m_pageBox->setRange(0, 0);
        m_pageTotal->clear();
        return;
    }
    m_pageBox->setValue(page + 1);
}

void PdfViewer::updateZoomBox()
{
    const QSignalBlocker block(m_zoomBox);
    switch (m_view->zoomMode()) {
    case PdfPageView::ZoomMode::FitWidth:
        m_zoomBox->setCurrentIndex(0);
        break;
    case PdfPageView::ZoomMode::FitPage:
        m_zoomBox->setCurrentIndex(1);
        break;
    case PdfPageView::ZoomMode::Fixed: {
        const int index = m_zoomBox->findData(m_view->zoom());
        if (index >= 0)
            m_zoomBox->setCurrentIndex(index);
        else
            m_zoomBox->setEditText(tr("%1 %").arg(int(std::lround(m_view->zoom() * 100))));
        break;
    }
    }
}

QString PdfViewer::selectedText() const
{
    return m_view->selectedText();
}

void PdfViewer::copySelection() const
{
    m_view->copySelection();
}

void PdfViewer::setCacheBudget(qint64 bytes)
{
    m_view->cache().setBudget(bytes);
}

bool PdfViewer::isSettled() const
{
    if (m_loading)
        return false;
    if (m_problem != PdfOpenProblem::None || m_path.isEmpty())
        return true;
    return m_view->isSettled() && !m_findRunning && !m_quoteHighlighter->isRunning() && m_thumbnailModel->isIdle();
}

} // namespace mgreview::gui
