#include "annotations/annotationanchor.h"

#include <algorithm>
#include <climits>
#include <vector>

namespace mgreview {

QString toString(AnchorStatus status)
{
    switch (status) {
    case AnchorStatus::Exact: return QStringLiteral("anchored");
    case AnchorStatus::Moved: return QStringLiteral("moved");
    case AnchorStatus::Fuzzy: return QStringLiteral("fuzzy");
    case AnchorStatus::Orphaned: return QStringLiteral("orphaned");
    case AnchorStatus::Unchecked: break;
    }
    return QStringLiteral("unchecked");
}

namespace AnnotationAnchor {

namespace {

/// How many characters of `prefix` end right before `at` in `text` (compared backwards).
int prefixAgreement(const QString &text, int at, const QString &prefix)
{
    int n = 0;
    while (n < prefix.size() && at - 1 - n >= 0 && text.at(at - 1 - n) == prefix.at(prefix.size() - 1 - n))
        ++n;
    return n;
}

int suffixAgreement(const QString &text, int at, const QString &suffix)
{
    int n = 0;
    while (n < suffix.size() && at + n < text.size() && text.at(at + n) == suffix.at(n))
        ++n;
    return n;
}

/// Approximate matching (Sellers): the span of `text` with the smallest edit distance to
/// `pattern`, the match may start anywhere. Ties go to the span nearest `near`.
struct Approximate {
    int distance = INT_MAX;
    int start = -1;
    int end = -1;
};

Approximate approximateMatch(const QString &pattern, const QString &text, int near)
{
    const int m = int(pattern.size());
    const int n = int(text.size());
    // Column j of the DP: cost[i] = edit distance of pattern[0, i) to a suffix of text[0, j),
    // and from[i] = where in the text that suffix starts.
    std::vector<int> cost(m + 1), from(m + 1), prevCost(m + 1), prevFrom(m + 1);
    for (int i = 0; i <= m; ++i) {
        prevCost[i] = i;
        prevFrom[i] = 0;
    }
    Approximate best;
    for (int j = 1; j <= n; ++j) {
        cost[0] = 0;
        from[0] = j;
        for (int i = 1; i <= m; ++i) {
            const int substitute = prevCost[i - 1] + (pattern.at(i - 1) == text.at(j - 1) ? 0 : 1);
            const int skipText = prevCost[i] + 1;
            const int skipPattern = cost[i - 1] + 1;
            if (substitute <= skipText && substitute <= skipPattern) {
                cost[i] = substitute;
                from[i] = prevFrom[i - 1];
            } else if (skipText <= skipPattern) {
                cost[i] = skipText;
                from[i] = prevFrom[i];
            } else {
                cost[i] = skipPattern;
                from[i] = from[i - 1];
            }
        }
        const int d = cost[m];
        if (d < best.distance || (d == best.distance && std::abs(from[m] - near) < std::abs(best.start - near))) {
            best = { d, from[m], j };
        }
        std::swap(cost, prevCost);
        std::swap(from, prevFrom);
    }
    return best;
}

} // namespace

void makeSelectors(const QString &text, int start, int end, TextQuoteSelector *quote, TextPositionSelector *position)
{
    start = std::clamp(start, 0, int(text.size()));
    end = std::clamp(end, start, int(text.size()));
    quote->exact = text.mid(start, end - start);
    const int prefixStart = std::max(0, start - kContextLength);
    quote->prefix = text.mid(prefixStart, start - prefixStart);
    quote->suffix = text.mid(end, kContextLength);
    *position = { start, end };
}

AnchorResult anchorExactly(const TextQuoteSelector &quote, const TextPositionSelector &position, const QString &text)
{
    const QString &exact = quote.exact;
    if (exact.isEmpty())
        return { AnchorStatus::Orphaned };
    const int length = int(exact.size());
    if (position.start >= 0 && position.start + length <= text.size()
        && QStringView(text).mid(position.start, length) == exact)
        return { AnchorStatus::Exact, position.start, position.start + length };

    int bestAt = -1;
    int bestScore = -1;
    for (qsizetype at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
        const int score = prefixAgreement(text, int(at), quote.prefix) + suffixAgreement(text, int(at) + length, quote.suffix);
        if (score > bestScore
            || (score == bestScore && std::abs(int(at) - position.start) < std::abs(bestAt - position.start))) {
            bestScore = score;
            bestAt = int(at);
        }
    }
    if (bestAt >= 0)
        return { AnchorStatus::Moved, bestAt, bestAt + length };
    return { AnchorStatus::Orphaned };
}

AnchorResult anchor(const TextQuoteSelector &quote, const TextPositionSelector &position, const QString &text)
{
    AnchorResult exact = anchorExactly(quote, position, text);
    if (exact.isAnchored())
        return exact;
    const int length = int(quote.exact.size());
    const int allowed = length >= 8 ? length / 5 : 0;
    if (allowed == 0 || text.isEmpty())
        return { AnchorStatus::Orphaned };
    // Ties in distance go to the span nearest the recorded position.
    const Approximate match = approximateMatch(quote.exact, text, position.start);
    if (match.distance > allowed || match.start < 0 || match.end <= match.start)
        return { AnchorStatus::Orphaned };
    return { AnchorStatus::Fuzzy, match.start, match.end };
}

} // namespace AnnotationAnchor
} // namespace mgreview
