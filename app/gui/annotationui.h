#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QAction;
class QDockWidget;
class QMenu;
class QPoint;

namespace mgreview {
struct Annotation;
}

namespace mgreview::gui {

class AnnotationController;
class AnnotationPane;
class ConclusionPane;
class HighlightDialog;
class LibrarySession;
class MainWindow;
class NotesModel;
class NotesView;
class ReviewUi;
class SearchIndexUpdater;
struct AnnotationOutcome;
struct AnnotationUndoable;

/// Everything annotations add to the main window (issue 7): "Highlight…" on a selection in
/// the conclusion pane (Study menu, the pane's context menu, Ctrl+Shift+H) with its form,
/// the highlights drawn in the pane, the Notes dock (View menu) and the undo of every
/// change on the window's undo stack (Edit ▸ Undo/Redo, per person like review changes).
///
/// Permissions come from core: the actions are disabled for clinicians and say why, and
/// core refuses anyway. Every read and write runs on the session's I/O thread.
class AnnotationUi : public QObject
{
    Q_OBJECT

public:
    struct Parts {
        MainWindow *window = nullptr;
        LibrarySession *session = nullptr;
        ConclusionPane *pane = nullptr;
        ReviewUi *review = nullptr; ///< The signed-in profile, the Study menu and the undo stacks.
    };
    explicit AnnotationUi(const Parts &parts, QObject *parent = nullptr);
    ~AnnotationUi() override;

    QAction *highlightAction() const { return m_highlight; }
    QDockWidget *notesDock() const { return m_dock; }
    /// File ▸ Annotations: export (Markdown handout of your notes, all as CSV or JSON-LD) and import.
    QMenu *fileMenu() const { return m_fileMenu; }

    void libraryOpened();
    /// The pane shows this study now: draw its highlights (and scroll to a pending one).
    void setShownStudy(const QString &studyId);
    /// Opens the Highlight form for the pane's selection.
    void highlightSelection();

    /// Words of a PDF page to annotate, located in the page's extracted text.
    struct PdfSpan {
        QString studyId;
        QString pdfSha256;
        int page = 0; ///< 1-based.
        QString pageText;
        int start = 0;
        int end = 0;
    };
    /// The viewer's "Annotate…": opens the same form as "Highlight…" with the words and the
    /// page; on Save the annotation is created (and put on the undo stack), then `saved` runs.
    /// Cancel creates nothing.
    void annotatePdfSpan(const PdfSpan &span, std::function<void(const mgreview::Annotation &)> saved = {});
    /// Opens the form to change an annotation's tag and note.
    void editAnnotation(const QString &id);
    void deleteAnnotation(const QString &id);
    void showNotes();
    /// Opens the study of an annotation and scrolls the pane to its span; a note on a PDF
    /// page also asks for that page (pdfPageRequested).
    void openAnnotation(const QString &studyId, const QString &annotationId);
    /// Nothing pending: no read or write under way, no scroll waiting for its study.
    bool isSettled() const;

    // For tests.
    AnnotationController *controller() const { return m_controller; }
    AnnotationPane *paneOverlay() const { return m_overlay; }
    NotesModel *notesModel() const { return m_model; }
    NotesView *notesView() const { return m_notes; }
    HighlightDialog *dialog() const;

Q_SIGNALS:
    /// A PDF-page annotation was opened: show that PDF of the study at `page`, `quote` marked.
    void pdfPageRequested(const QString &studyId, const QString &pdfSha256, int page, const QString &quote);

private:
    using Saved = std::function<void(const AnnotationOutcome &)>;
    /// Creates the annotation with the form's tag and note; calls the Saved it is given.
    using Create = std::function<void(const QString &tag, const QString &note, const Saved &saved)>;
    void openCreateForm(const QString &quote, const QString &where, const Create &create,
        std::function<void(const mgreview::Annotation &)> saved);
    void updateActions();
    void showPaneMenu(const QPoint &pos);
    void showNotesMenu(const QString &id, const QPoint &globalPos);
    void onAnnotationsChanged();
    QString author() const;
    void push(qint64 event, const QString &text);
    void showMessage(const QString &text, int timeoutMs = 8000);
    void exportAnnotations(int format, bool mineOnly);
    void importAnnotations();

    Parts m_parts;
    AnnotationController *m_controller;
    AnnotationPane *m_overlay;
    NotesModel *m_model;
    NotesView *m_notes;
    QDockWidget *m_dock;
    QAction *m_highlight;
    QMenu *m_fileMenu;
    SearchIndexUpdater *m_searchUpdater = nullptr;
    QPointer<HighlightDialog> m_dialog;
    bool m_libraryOpen = false;
    QString m_shownStudy;
    QString m_pendingScroll;
};

} // namespace mgreview::gui
