#include "pdf/quoteverifier.h"

#include "pdf/quotenormalizer.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace mgreview {

namespace {

struct Tokens {
    std::vector<int> ids;             ///< Word ids (shared dictionary).
    std::vector<qsizetype> starts;    ///< Start of each word in the normalised text.
    std::vector<qsizetype> ends;
};

Tokens tokenize(const QString &normalized, QHash<QStringView, int> &dictionary)
{
    Tokens out;
    qsizetype i = 0;
    const qsizetype n = normalized.size();
    while (i < n) {
        while (i < n && normalized.at(i) == u' ')
            ++i;
        if (i >= n)
            break;
        qsizetype j = i;
        while (j < n && normalized.at(j) != u' ')
            ++j;
        const QStringView word = QStringView(normalized).mid(i, j - i);
        auto it = dictionary.find(word);
        if (it == dictionary.end())
            it = dictionary.insert(word, int(dictionary.size()));
        out.ids.push_back(it.value());
        out.starts.push_back(i);
        out.ends.push_back(j);
        i = j;
    }
    return out;
}

/// Word-level Levenshtein distance.
int editDistance(const std::vector<int> &a, const int *b, size_t bSize)
{
    std::vector<int> previous(bSize + 1), current(bSize + 1);
    for (size_t j = 0; j <= bSize; ++j)
        previous[j] = int(j);
    for (size_t i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (size_t j = 1; j <= bSize; ++j) {
            const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[bSize];
}

} // namespace

QString toString(QuoteStatus status)
{
    switch (status) {
    case QuoteStatus::Verified: return QStringLiteral("verified");
    case QuoteStatus::Partial: return QStringLiteral("partial");
    case QuoteStatus::NotFound: break;
    }
    return QStringLiteral("not-found");
}

QuoteStatus quoteStatusFromString(const QString &text)
{
    if (text == u"verified")
        return QuoteStatus::Verified;
    if (text == u"partial")
        return QuoteStatus::Partial;
    return QuoteStatus::NotFound;
}

QuoteMatch QuoteVerifier::find(const QString &quote, const QuoteSearchText &text)
{
    QuoteMatch match;
    const NormalizedText needle = NormalizedText::from(quote);
    const NormalizedText &haystack = text.normalized();
    if (needle.text.isEmpty() || haystack.text.isEmpty())
        return match;

    auto describe = [&](qsizetype from, qsizetype to) {
        const qsizetype originalFrom = haystack.source.at(from);
        const auto [page, offset] = text.locate(originalFrom);
        match.page = page;
        match.position = offset;
        match.length = text.originalEnd(to) - originalFrom;
    };

    const qsizetype exact = haystack.text.indexOf(needle.text);
    if (exact >= 0) {
        match.status = QuoteStatus::Verified;
        match.similarity = 1.0;
        describe(exact, exact + needle.text.size());
        match.passage = text.originalBetween(exact, exact + needle.text.size());
        return match;
    }

    QHash<QStringView, int> dictionary;
    const Tokens quoteTokens = tokenize(needle.text, dictionary);
    const Tokens docTokens = tokenize(haystack.text, dictionary);
    const size_t n = quoteTokens.ids.size();
    const size_t total = docTokens.ids.size();
    if (n == 0 || total == 0)
        return match;
    const size_t window = std::min(n, total);

    // Pass 1: slide a window as long as the quote and count the words it shares with it.
    std::vector<int> wanted(dictionary.size(), 0);
    for (int id : quoteTokens.ids)
        ++wanted[size_t(id)];
    std::vector<int> have(dictionary.size(), 0);
    int shared = 0;
    auto add = [&](int id) {
        if (have[size_t(id)]++ < wanted[size_t(id)])
            ++shared;
    };
    auto drop = [&](int id) {
        if (--have[size_t(id)] < wanted[size_t(id)])
            --shared;
    };
    for (size_t i = 0; i < window; ++i)
        add(docTokens.ids[i]);
    std::vector<std::pair<int, size_t>> scored; // (shared words, window start)
    scored.reserve(total - window + 1);
    scored.emplace_back(shared, 0);
    for (size_t start = 1; start + window <= total; ++start) {
        drop(docTokens.ids[start - 1]);
        add(docTokens.ids[start + window - 1]);
        scored.emplace_back(shared, start);
    }
    // Pass 2: among the best windows (and their neighbours) take the smallest edit distance.
    const size_t keep = std::min<size_t>(12, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + qsizetype(keep), scored.end(),
                      [](const auto &a, const auto &b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    double best = -1.0;
    size_t bestStart = 0;
    size_t bestLength = window;
    const size_t slack = std::max<size_t>(1, n / 10);
    for (size_t k = 0; k < keep; ++k) {
        if (scored[k].first == 0)
            break;
        const size_t centre = scored[k].second;
        const size_t from = centre > slack ? centre - slack : 0;
        // A few starts and lengths around the window keep this cheap for long quotes.
        const size_t step = std::max<size_t>(1, slack / 4);
        for (size_t start = from; start <= centre + slack && start < total; start += step) {
            for (size_t length : {window > slack ? window - slack : size_t(1), window, window + slack}) {
                if (start + length > total)
                    continue;
                const int distance = editDistance(quoteTokens.ids, docTokens.ids.data() + start, length);
                const double similarity = 1.0 - double(distance) / double(std::max(n, length));
                if (similarity > best) {
                    best = similarity;
                    bestStart = start;
                    bestLength = length;
                }
            }
        }
    }
    if (best <= 0.0)
        return match;
    const qsizetype from = docTokens.starts[bestStart];
    const qsizetype to = docTokens.ends[bestStart + bestLength - 1];
    match.similarity = best;
    match.status = best >= kPartialThreshold ? QuoteStatus::Partial : QuoteStatus::NotFound;
    describe(from, to);
    match.passage = text.originalBetween(from, to);
    return match;
}

} // namespace mgreview
