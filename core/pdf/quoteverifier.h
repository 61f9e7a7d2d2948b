#pragma once

#include <QString>
#include <QVector>

namespace mgreview {

class QuoteSearchText;

/// Outcome of looking for a verbatim quote in a PDF's text.
enum class QuoteStatus {
    Verified, ///< Found word for word (after normalisation, see quotenormalizer.h).
    Partial,  ///< Not word for word, but a passage is at least kPartialThreshold similar.
    NotFound,
};

QString toString(QuoteStatus status); ///< verified, partial, not-found
QuoteStatus quoteStatusFromString(const QString &text);

struct QuoteMatch {
    QuoteStatus status = QuoteStatus::NotFound;
    int page = 0;            ///< 1-based page where the (closest) passage starts; 0: none.
    qsizetype position = -1; ///< Offset of the passage in that page's extracted text.
    qsizetype length = 0;    ///< Length of the passage in the original text.
    double similarity = 0.0; ///< 1.0 when verified; token similarity of the closest passage otherwise.
    QString passage;         ///< The closest passage as the PDF has it (partial, not found).
};

/// Finds verbatim conclusions in a PDF's text.
///
/// Exact: the normalised quote occurs in the normalised text. Otherwise the closest passage
/// is the window of the PDF's words, as long as the quote, with the smallest word-level
/// edit distance to it among the windows sharing the most words with it; similarity is
/// 1 - distance / words. Partial from 0.8 up.
class QuoteVerifier
{
public:
    static constexpr double kPartialThreshold = 0.8;

    static QuoteMatch find(const QString &quote, const QuoteSearchText &text);
};

} // namespace mgreview
