#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace mgreview {

/// Text reduced to what a quote comparison should look at, with a map back to the source.
///
/// Rules (docs/pdfs.md, "Quote verification"): compatibility forms are unfolded (ligatures
/// ﬁ ﬂ ﬀ ﬃ ﬄ become fi fl ff ffi ffl, full-width letters become ASCII), accents and case
/// are dropped, letters and digits are kept; every run of spaces, line breaks,
/// punctuation and quote marks (straight or curly) becomes one space; hyphens and dashes
/// (- ‐ ‑ ‒ – — − soft hyphen) between two words are dropped, joining them — so a word
/// hyphenated at a line end ("magne-\nsium") and a compound ("double-blind") read the same
/// as their unbroken forms on both sides of the comparison.
struct NormalizedText {
    QString text;            ///< Normalised text: words of [letters digits] separated by one space.
    QVector<qsizetype> source; ///< For every character of `text`, its index in the original.

    static NormalizedText from(const QString &original);
};

/// The pages of a PDF as one searchable text: normalised, with a map from any position back
/// to its page (1-based) and the offset in that page's own text.
class QuoteSearchText
{
public:
    explicit QuoteSearchText(const QVector<QString> &pages);

    const NormalizedText &normalized() const { return m_normalized; }
    /// Page (1-based) and offset within that page's text of an original position.
    std::pair<int, qsizetype> locate(qsizetype originalIndex) const;
    /// The original text between two normalised positions [from, to), spaces simplified.
    QString originalBetween(qsizetype normalizedFrom, qsizetype normalizedTo) const;
    /// Original index just past the normalised character before `normalizedTo`.
    qsizetype originalEnd(qsizetype normalizedTo) const;

private:
    QString m_original;            ///< Pages joined by '\n'.
    QVector<qsizetype> m_pageStarts; ///< Start of every page in m_original.
    NormalizedText m_normalized;
};

} // namespace mgreview
