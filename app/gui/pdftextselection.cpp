#include "pdftextselection.h"

#include <cmath>
#include <limits>

namespace mgreview::gui::pdfselection {

namespace {

double distance(const QRectF &box, const QPointF &point)
{
    const double dx = std::max({ box.left() - point.x(), 0.0, point.x() - box.right() });
    const double dy = std::max({ box.top() - point.y(), 0.0, point.y() - box.bottom() });
    return std::hypot(dx, dy);
}

} // namespace

bool sameLine(const QRectF &a, const QRectF &b)
{
    const double overlap = std::min(a.bottom(), b.bottom()) - std::max(a.top(), b.top());
    return overlap > 0.5 * std::min(a.height(), b.height());
}

int wordAt(const QVector<PdfWord> &words, const QPointF &point)
{
    int best = -1;
    double bestDistance = std::numeric_limits<double>::max();
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QRectF &box = words[i].box;
        if (box.contains(point))
            return int(i);
        // Prefer a word on the pointer's line: dragging past a line's end selects to its end.
        const bool onLine = point.y() >= box.top() && point.y() <= box.bottom();
        const double d = distance(box, point) + (onLine ? 0.0 : 1000.0);
        if (d < bestDistance) {
            bestDistance = d;
            best = int(i);
        }
    }
    return best;
}

QString text(const QVector<PdfWord> &words, int first, int last, bool forEvidence)
{
    if (first > last)
        std::swap(first, last);
    first = std::max(first, 0);
    last = std::min(last, int(words.size()) - 1);
    QString out;
    for (int i = first; i <= last; ++i) {
        out += words[i].text;
        if (i == last)
            break;
        const bool lineBreak = !sameLine(words[i].box, words[i + 1].box);
        if (lineBreak && forEvidence)
            out += words[i].text.endsWith(u'-') ? QString() : QStringLiteral(" ");
        else if (lineBreak)
            out += u'\n';
        else if (words[i].spaceAfter)
            out += u' ';
    }
    return out;
}

QVector<QRectF> boxes(const QVector<PdfWord> &words, int first, int last)
{
    if (first > last)
        std::swap(first, last);
    QVector<QRectF> result;
    for (int i = std::max(first, 0); i <= last && i < words.size(); ++i)
        result.append(words[i].box);
    return result;
}

} // namespace mgreview::gui::pdfselection
