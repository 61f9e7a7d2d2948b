#pragma once

#include "pdftypes.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QVector>

namespace mgreview::gui {

class PdfPageView;
class PdfRenderer;

/// Highlights a whole quote on its page ("go to page" from a verified quote): fetches the
/// text layer of the page and the next one from the render worker (or takes what the view
/// already has), finds the quote there with quoteBoxes() — across line breaks, hyphenation
/// and a page break — and highlights every word of it in the view.
class PdfQuoteHighlighter : public QObject
{
    Q_OBJECT

public:
    PdfQuoteHighlighter(PdfRenderer *renderer, PdfPageView *view, QObject *parent = nullptr);

    /// Looks for `quote` starting on `page` (0-based) of the open document; replaces a
    /// search in progress. Ends with finished().
    void start(int page, const QString &quote);
    /// Forgets the search in progress (another document opens); finished() is not emitted.
    void cancel();
    bool isRunning() const { return !m_wanted.isEmpty(); }
    /// The quote of the last start().
    QString quote() const { return m_quote; }

Q_SIGNALS:
    /// The quote was highlighted, starting on `page` (0-based); or not found (`found` false).
    void finished(int page, bool found);

private:
    void onText(int page, const QVector<mgreview::gui::PdfWord> &words);
    void finishIfComplete();

    PdfRenderer *m_renderer;
    PdfPageView *m_view;
    int m_page = -1;
    QString m_quote;
    QVector<int> m_wanted; ///< Pages whose words are needed; empty when idle.
    QHash<int, QVector<PdfWord>> m_words;
};

} // namespace mgreview::gui
