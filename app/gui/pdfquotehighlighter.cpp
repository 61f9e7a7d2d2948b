#include "pdfquotehighlighter.h"

#include "pdfpageview.h"
#include "pdfquotespan.h"
#include "pdfrenderer.h"

namespace mgreview::gui {

PdfQuoteHighlighter::PdfQuoteHighlighter(PdfRenderer *renderer, PdfPageView *view, QObject *parent)
    : QObject(parent), m_renderer(renderer), m_view(view)
{
    connect(renderer, &PdfRenderer::textReady, this, &PdfQuoteHighlighter::onText);
}

void PdfQuoteHighlighter::start(int page, const QString &quote)
{
    cancel();
    m_quote = quote;
    if (page < 0 || page >= m_view->pageCount()) {
        Q_EMIT finished(page, false);
        return;
    }
    m_page = page;
    // The quote check names the page where the quote starts; it may end on the next one.
    m_wanted = { page };
    if (page + 1 < m_view->pageCount())
        m_wanted.append(page + 1);
    for (const int p : std::as_const(m_wanted)) {
        if (m_view->hasWords(p))
            m_words.insert(p, m_view->words(p));
        else
            m_renderer->requestText(p);
    }
    finishIfComplete();
}

void PdfQuoteHighlighter::cancel()
{
    m_wanted.clear();
    m_words.clear();
    m_page = -1;
}


void PdfQuoteHighlighter::onText(int page, const QVector<PdfWord> &words)
{
    if (m_wanted.contains(page)) {
        m_words.insert(page, words);
        finishIfComplete();
    }
}

void PdfQuoteHighlighter::finishIfComplete()
{
    for (const int p : std::as_const(m_wanted)) {
        if (!m_words.contains(p))
            return;
    }
    if (m_wanted.isEmpty())
        return;
    QVector<PdfPageText> pages;
    for (const int p : std::as_const(m_wanted))
        pages.append({ p, m_words.value(p) });
    const QMap<int, QVector<QRectF>> boxes = quoteBoxes(m_quote, pages);
    const int page = m_page;
    m_wanted.clear(); // Done; the quote stays readable for the caller's fallback.
    m_words.clear();
    m_page = -1;
    if (boxes.isEmpty()) {
        Q_EMIT finished(page, false);
        return;
    }
    m_view->setHighlights(boxes);
    m_view->revealRect(boxes.firstKey(), boxes.first().constFirst());
    Q_EMIT finished(boxes.firstKey(), true);
}

} // namespace mgreview::gui
