#pragma once

#include "pdftypes.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QSpinBox;
class QSplitter;
class QStackedWidget;
class QToolBar;

namespace mgreview::gui {

class PdfPageView;
class PdfPasswordPanel;
class PdfQuoteHighlighter;
class PdfRenderer;
class PdfThumbnailModel;

/// A PDF reader widget that works on its own, given a file path: pages in a scrollable column,
/// thumbnails, zoom, find with highlighted hits, word selection and copy, and a password
/// prompt for encrypted files. Everything Poppler does happens on the viewer's render worker
/// (PdfRenderer); this widget only paints images and text boxes it gets back.
///
/// Pages are 1-based in this API (as the user sees them). A file that cannot be read shows a
/// message naming the file and the problem instead of pages; nothing here blocks or throws.
class PdfViewer : public QWidget
{
    Q_OBJECT

public:
    explicit PdfViewer(QWidget *parent = nullptr);
    ~PdfViewer() override;

    /// Opens a file (replacing the one shown); emits documentOpened(), openFailed() or
    /// passwordRequired() when the worker has tried.
    void openFile(const QString &path, const QString &password = {});
    void closeFile();
    QString filePath() const { return m_path; }
    /// True from openFile() until the worker answered.
    bool isLoading() const { return m_loading; }
    /// None when the file is shown; otherwise why not, with errorMessage() naming the file.
    PdfOpenProblem problem() const { return m_problem; }
    QString errorMessage() const { return m_message; }
    /// A note shown above the pages for a file that opened but is damaged; else empty.
    QString warning() const;

    int pageCount() const;
    int currentPage() const; ///< 1-based; 0 without a document.
    /// Goes to a page (1-based, clamped); before the file is open, once it is.
    void goToPage(int page);

    /// Highlights rectangles of a page (points, 72 dpi, top left origin) and shows them;
    /// called while a file opens, once it is open.
    void highlight(int page, const QVector<QRectF> &rects);
    /// Finds `text` on `page` (1-based; 0: any page), highlights it and goes there; emits
    /// highlightFinished(page, found) — e.g. for "go to the quote". On a given page every
    /// word of the text is highlighted, across line breaks, hyphenation and on to the next
    /// page (PdfQuoteHighlighter); failing that, and for "any page", Poppler finds its start.
    void highlight(int page, const QString &text);
    void clearHighlight();

    /// Finds every occurrence (case-insensitive) in the background; hits show as they come.
    void find(const QString &text);
    void findNext();
    void findPrevious();
    int hitCount() const;
    int currentHit() const; ///< 1-based; 0 without hits.
    bool isFindRunning() const { return m_findRunning; }

    QString selectedText() const;
    void copySelection() const;

    /// The memory budget of rendered pages (default 256 MB).
    void setCacheBudget(qint64 bytes);
    /// True when nothing is pending: opened (or failed), pages in view drawn, find done.
    bool isSettled() const;

    PdfPageView *pageView() const { return m_view; }
    PdfRenderer *renderer() const { return m_renderer; }
    PdfThumbnailModel *thumbnailModel() const { return m_thumbnailModel; }
    QListView *thumbnailView() const { return m_thumbnails; }
    PdfPasswordPanel *passwordPanel() const { return m_passwordPanel; }
    QLineEdit *findField() const { return m_findField; }
    QLabel *messageLabel() const { return m_messageLabel; }
    QToolBar *toolBar() const { return m_toolbar; }

Q_SIGNALS:
    void documentOpened(const QString &path, int pageCount);
    void openFailed(const QString &path, const QString &message);
    void passwordRequired(const QString &path, bool wrongPassword);
    void currentPageChanged(int page);
    void findFinished(int hits);
    void highlightFinished(int page, bool found);
    /// "Use as funding evidence" on a selection: the text (lines joined) and its 1-based page.
    void evidenceSelected(const QString &text, int page);
    /// "Annotate…" on a selection: text, 1-based page and the words' boxes in points.
    void annotateRequested(const QString &text, int page, const QVector<QRectF> &rects);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildToolBar();
    void onOpened(const PdfDocumentInfo &info);
    void onOpenFailed(PdfOpenProblem problem, const QString &message);
    void onSearchHits(quint64 serial, int page, const QVector<QRectF> &rects);
    void onSearchFinished(quint64 serial);
    void showMessage(const QString &text);
    void updatePageBox(int page);
    void updateZoomBox();
    void updateHitLabel();
    void applyPending();

    PdfRenderer *m_renderer;
    PdfPageView *m_view;
    PdfQuoteHighlighter *m_quoteHighlighter;
    bool m_quoteFallback = false; ///< The next highlight(page, text) goes straight to Poppler's search.
    PdfThumbnailModel *m_thumbnailModel;
    QListView *m_thumbnails;
    QSplitter *m_splitter;
    QStackedWidget *m_stack;
    QLabel *m_messageLabel;
    QLabel *m_banner;
    PdfPasswordPanel *m_passwordPanel;
    QToolBar *m_toolbar = nullptr;
    QSpinBox *m_pageBox = nullptr;
    QLabel *m_pageTotal = nullptr;
    QComboBox *m_zoomBox = nullptr;
    QLineEdit *m_findField = nullptr;
    QLabel *m_hitLabel = nullptr;
    QAction *m_showThumbnails = nullptr;

    QString m_path;
    QString m_password;
    bool m_loading = false;
    PdfOpenProblem m_problem = PdfOpenProblem::None;
    QString m_message;
    int m_pendingPage = 0;
    QString m_pendingFind;
    int m_pendingHighlightPage = -1;
    QString m_pendingHighlightText;
    QPair<int, QVector<QRectF>> m_pendingRects { 0, {} };
    QString m_lastFind; ///< The text of the hits shown (Enter on it again: next hit).
    quint64 m_findSerial = 0;
    bool m_findRunning = false;
    bool m_highlightSearch = false; ///< The running search is highlight(text), not find().
    int m_findStartPage = 0;
    int m_highlightPage = -1;
};

} // namespace mgreview::gui
