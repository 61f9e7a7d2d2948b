#pragma once

#include <QObject>
#include <QRectF>
#include <QVector>

class QAction;
class QMainWindow;
class QMenu;
class QTabWidget;

namespace mgreview::gui {

class PdfViewer;

/// What the PDF viewer adds to the main window: a "PDF" tab beside Studies and Evidence
/// matrix (so the conclusion pane stays in view while reading), File ▸ Open PDF… and
/// View ▸ PDF. The viewer's evidence and annotation requests are passed on with the file.
class PdfUi : public QObject
{
    Q_OBJECT

public:
    struct Parts {
        QMainWindow *window = nullptr;
        QTabWidget *tabs = nullptr; ///< The main tabs; the viewer becomes the last one.
        QMenu *viewMenu = nullptr; ///< Gets "PDF" (Ctrl+3); may be null.
    };
    explicit PdfUi(const Parts &parts, QObject *parent = nullptr);

    PdfViewer *viewer() const { return m_viewer; }
    QAction *openAction() const { return m_open; }

    /// Opens a file in the viewer and shows its tab; then goes to `page` (1-based, 0: the
    /// first) and finds `find` when given.
    void openPdf(const QString &path, int page = 0, const QString &find = {}, const QString &password = {});
    void showViewer();
    bool isViewerShown() const;
    /// No PDF opening, rendering or search pending (for screenshots).
    bool isSettled() const;
    /// File ▸ Open PDF…: a file dialog, then openPdf().
    void chooseFile();

Q_SIGNALS:
    void evidenceSelected(const QString &path, const QString &text, int page);
    void annotateRequested(const QString &path, const QString &text, int page, const QVector<QRectF> &rects);

private:
    Parts m_parts;
    PdfViewer *m_viewer;
    QAction *m_open;
    QAction *m_show;
};

} // namespace mgreview::gui
