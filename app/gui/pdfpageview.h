#pragma once

#include "pdfpagecache.h"
#include "pdfpagelayout.h"
#include "pdftypes.h"

#include <QAbstractScrollArea>
#include <QHash>
#include <QMap>
#include <QSet>

class QAction;

namespace mgreview::gui {

class PdfRenderer;

/// The pages of one PDF in a continuous, scrollable column. Paints what the render worker
/// delivered (a placeholder until then), find hits, highlights and the text selection; asks
/// the renderer for exactly the pages in view (plus one ahead) whenever they change.
/// (Input handling — keys, wheel, mouse selection, context menu — is in pdfpageviewinput.cpp.)
class PdfPageView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    enum class ZoomMode { FitWidth, FitPage, Fixed };
    /// The zoom steps of Ctrl+wheel, Ctrl+plus/minus and the zoom box.
    static const QVector<double> &zoomSteps();

    explicit PdfPageView(PdfRenderer *renderer, QWidget *parent = nullptr);

    void setDocument(const PdfDocumentInfo &info);
    void clearDocument();
    int pageCount() const { return m_layout.pageCount(); }

    void setZoomMode(ZoomMode mode);
    void setZoom(double zoom); ///< Fixed zoom (1.0 = 100 %).
    void zoomIn();
    void zoomOut();
    ZoomMode zoomMode() const { return m_mode; }
    double zoom() const { return m_layout.zoom(); }

    /// 0-based page at the top of the view.
    int currentPage() const;
    /// Scrolls so that `page` (0-based) starts at the top; or so that a rectangle (points) of it is in view.
    void goToPage(int page);
    void revealRect(int page, const QRectF &points);

    /// Find hits in page points, kept in page order; `current` is drawn stronger.
    void clearHits();
    void addHits(int page, const QVector<QRectF> &rects);
    void setCurrentHit(int index);
    int hitCount() const { return int(m_hits.size()); }
    int currentHit() const { return m_currentHit; }
    QPair<int, QRectF> hit(int index) const { return m_hits.value(index); }

    /// Highlights that are not find hits (a verified quote, evidence); replaces earlier ones.
    void setHighlights(int page, const QVector<QRectF> &rects);
    /// The same for highlights on several pages (0-based page → rectangles).
    void setHighlights(const QMap<int, QVector<QRectF>> &byPage);
    QVector<QRectF> highlights(int page) const { return m_highlights.value(page); }

    /// The selected text (a line break per line), its page (0-based, -1 without a selection).
    QString selectedText() const;
    QString selectedEvidenceText() const;
    int selectionPage() const { return m_selection.page; }
    /// Selects words first..last of a page (tests and "select the hit").
    void selectWords(int page, int first, int last);
    void clearSelection();
    QVector<PdfWord> words(int page) const { return m_words.value(page); }
    bool hasWords(int page) const { return m_words.contains(page); }
    void copySelection() const;
    /// The context menu's actions, enabled while text is selected (also for tests).
    QAction *copyAction() const { return m_copyAction; }
    QAction *evidenceAction() const { return m_evidenceAction; }
    QAction *annotateAction() const { return m_annotateAction; }

    /// True when every page in view is drawn (or known to be broken).
    bool isSettled() const;
    /// The note a page shows instead of its picture, or empty while it is (or can be) drawn.
    QString pageNote(int page) const;
    PdfPageCache &cache() { return m_cache; }
    const PdfPageLayout &layout() const { return m_layout; }
    /// The pixel width asked of the worker for a page at the current zoom and screen.
    int renderWidth(int page) const;

Q_SIGNALS:
    void currentPageChanged(int page);
    void zoomChanged(double zoom);
    void selectionChanged(bool hasSelection);
    void pageShown(int page); ///< A rendered page image arrived for a page in view.
    void evidenceSelected(const QString &text, int page); ///< 1-based page.
    void annotateRequested(const QString &text, int page, const QVector<QRectF> &rects); ///< 1-based page.

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    struct Selection {
        int page = -1;
        int anchor = -1;
        int focus = -1;
    };

    void buildActions();
    void applyZoom(double zoom, bool keepPlace = true);
    void updateScrollBars();
    void requestVisible();
    QRect visibleContent() const;
    QPoint toContent(const QPoint &viewportPoint) const;
    void onRendered(const PdfRenderedPage &page);
    void onText(int page, const QVector<PdfWord> &words);
    void paintPage(QPainter &painter, int page, const QRect &rect);
    void emitCurrentPage();

    PdfRenderer *m_renderer;
    PdfPageLayout m_layout;
    PdfPageCache m_cache;
    ZoomMode m_mode = ZoomMode::FitWidth;
    QHash<int, QImage> m_shown; ///< Images of the pages in view, even when the cache could not keep them.
    QHash<int, QString> m_failed; ///< Pages Poppler could not draw, with the reason (may be empty).
    QSet<int> m_broken; ///< Pages Poppler could not parse at all.
    QHash<int, QString> m_partial; ///< Pages drawn in part only (absurd size), with the reason.
    QHash<int, QVector<PdfWord>> m_words;
    QSet<int> m_textAsked;
    QVector<QPair<int, QRectF>> m_hits;
    int m_currentHit = -1;
    QHash<int, QVector<QRectF>> m_highlights;
    Selection m_selection;
    int m_lastCurrentPage = -1;
    QAction *m_copyAction = nullptr;
    QAction *m_evidenceAction = nullptr;
    QAction *m_annotateAction = nullptr;
};

} // namespace mgreview::gui
