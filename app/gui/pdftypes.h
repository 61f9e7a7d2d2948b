#pragma once

#include <QImage>
#include <QMetaType>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QVector>

namespace mgreview::gui {

/// One word of a page's text layer, in page points (72 dpi, origin top left).
struct PdfWord {
    QString text;
    QRectF box;
    bool spaceAfter = true;
};

/// What the render worker learnt when a document opened.
struct PdfDocumentInfo {
    QString path;
    QVector<QSizeF> pageSizes; ///< In points; a page Poppler cannot parse gets A4 and is flagged broken.
    QVector<int> brokenPages; ///< 0-based pages that Poppler could not parse.
    QString warning; ///< E.g. "the file is damaged: …"; empty when it opened cleanly.
    QString title;
};

/// Why a document did not open. PasswordNeeded/WrongPassword are not failures of the file.
enum class PdfOpenProblem { None, Missing, Unreadable, Empty, NotPdf, Damaged, NoPages, PasswordNeeded, WrongPassword };

/// A finished page image: `page` is 0-based; `width` the pixel width it was asked for.
struct PdfRenderedPage {
    int page = -1;
    int width = 0;
    bool thumbnail = false;
    bool failed = false; ///< No image: the view paints a blank page with a note.
    QImage image;
    QString note; ///< Why it failed, for the page's note (empty: "it is damaged").
};

} // namespace mgreview::gui

Q_DECLARE_METATYPE(mgreview::gui::PdfDocumentInfo)
Q_DECLARE_METATYPE(mgreview::gui::PdfOpenProblem)
Q_DECLARE_METATYPE(mgreview::gui::PdfRenderedPage)
Q_DECLARE_METATYPE(mgreview::gui::PdfWord)
