#include "pdfquotespan.h"

#include "pdftextselection.h"

#include "pdf/quotenormalizer.h"

namespace mgreview::gui {

namespace {

/// A word of the joined text: where it is in it, and which page and box it has.
struct Placed {
    qsizetype start = 0;
    qsizetype end = 0;
    int page = -1;
    QRectF box;
};

} // namespace

QMap<int, QVector<QRectF>> quoteBoxes(const QString &quote, const QVector<PdfPageText> &pages)
{
    const QString wanted = NormalizedText::from(quote).text.trimmed();
    if (wanted.isEmpty())
        return {};
    // The pages' words as one text, laid out as a reader sees them: a line break between
    // lines (so "magne-" at a line end joins "sium"), a space between words, nothing where
    // the text layer split one word without a space.
    QString joined;
    QVector<Placed> placed;
    for (const PdfPageText &page : pages) {
        for (qsizetype i = 0; i < page.words.size(); ++i) {
            const PdfWord &word = page.words[i];
            if (!placed.isEmpty()) {
                const bool samePage = placed.constLast().page == page.page;
                const bool onLine = samePage && pdfselection::sameLine(placed.constLast().box, word.box);
                if (!onLine)
                    joined += u'\n';
                else if (page.words[i - 1].spaceAfter)
                    joined += u' ';
            }
            placed.append({ joined.size(), joined.size() + word.text.size(), page.page, word.box });
            joined += word.text;
        }
    }
    const NormalizedText text = NormalizedText::from(joined);
    // Whole words only: "cramp" is not found inside "cramps".
    const auto boundary = [&](qsizetype i) { return i <= 0 || i >= text.text.size() || text.text.at(i) == u' '; };
    qsizetype at = text.text.indexOf(wanted);
    while (at >= 0 && !(boundary(at - 1) && boundary(at + wanted.size())))
        at = text.text.indexOf(wanted, at + 1);
    if (at < 0)
        return {};
    // Back to the joined text: from the first matched character to the last.
    const qsizetype from = text.source.value(at);
    const qsizetype to = text.source.value(at + wanted.size() - 1);
    QMap<int, QVector<QRectF>> boxes;
    for (const Placed &word : std::as_const(placed)) {
        if (word.start <= to && word.end > from)
            boxes[word.page].append(word.box);
    }
    return boxes;
}

} // namespace mgreview::gui
