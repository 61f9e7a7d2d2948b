#pragma once

#include "pdf/attachment.h"
#include "pdf/quotecheck.h"

#include <QStringList>
#include <QTextBrowser>
#include <QVector>

namespace mgreview::gui {

/// What the pane's PDF section shows for one study: its PDFs and the stored quote checks.
struct StudyPdfState {
    QString studyId;
    QVector<Attachment> attachments;
    QVector<QuoteCheck> checks;  ///< Stored results (QuoteCheckService::stored or verify).
    QStringList conclusions;     ///< The study's verbatim conclusions, in order.
    QString error;               ///< Reading failed: why.
};

/// Where a study's PDF should open for its conclusion: the page of the first verified quote
/// (then the first partial one), else page 1 of the first PDF. Empty path: no PDF.
struct PdfTarget {
    QString path;
    int page = 1;
    QString highlight; ///< Text to highlight on that page (empty: none).
};
PdfTarget conclusionTarget(const StudyPdfState &state);

/// The "PDFs" section under the conclusion pane: each attached PDF (label, file name, pages,
/// text status) with Open and Detach, and for each verbatim conclusion the quote check per
/// PDF — verified (page, "go to page"), partial (similarity, closest passage), not found, or
/// not checked with "Check quotes". PDF files dropped on it are offered for attaching.
class PanePdfSection : public QTextBrowser
{
    Q_OBJECT

public:
    explicit PanePdfSection(QWidget *parent = nullptr);

    void setState(const StudyPdfState &state);
    const StudyPdfState &state() const { return m_state; }
    /// A transient line above the list (an attach error, "Attaching…"); empty clears it.
    void setNotice(const QString &text, bool error = false);
    void clear();
    QString noticeText() const { return m_notice; }

    /// Follows a link of the section ("pdf:open?a=0", "pdf:goto?c=1&a=0", "pdf:detach?a=0",
    /// "pdf:check") as a click would.
    void followLink(const QUrl &url);

    /// The PDF paths of a drag's or drop's data (only *.pdf files), empty when none.
    static QStringList pdfPaths(const class QMimeData *data);

Q_SIGNALS:
    void openRequested(const QString &path, int page, const QString &highlight);
    void detachRequested(const mgreview::Attachment &attachment);
    void checkRequested();
    void filesDropped(const QStringList &paths);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void render();
    StudyPdfState m_state;
    QString m_notice;
    bool m_noticeIsError = false;
    bool m_hasStudy = false;
};

} // namespace mgreview::gui
