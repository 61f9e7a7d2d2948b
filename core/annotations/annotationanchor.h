#pragma once

#include "annotations/annotation.h"

#include <QString>

namespace mgreview {

/// Where an annotation's words are in the text as it is now.
enum class AnchorStatus {
    Exact,     ///< The quote is still at its recorded position.
    Moved,     ///< The quote was found elsewhere (the text around it changed).
    Fuzzy,     ///< Only an approximate match was found (the quoted words were edited a little).
    Orphaned,  ///< Not found: shown apart, with its quote, never dropped.
    Unchecked, ///< No text to check against (e.g. a PDF page whose text is not extracted).
};

/// "anchored", "moved", "fuzzy", "orphaned", "unchecked" (exports and the command line).
QString toString(AnchorStatus status);

struct AnchorResult {
    AnchorStatus status = AnchorStatus::Unchecked;
    int start = -1; ///< The span in the current text; -1 when orphaned or unchecked.
    int end = -1;
    bool isAnchored() const { return start >= 0; }
};

namespace AnnotationAnchor {

/// How many characters of context the quote selector keeps on each side.
constexpr int kContextLength = 32;

/// The selectors for the span [start, end) of `text` (the span is clamped to the text).
void makeSelectors(const QString &text, int start, int end, TextQuoteSelector *quote, TextPositionSelector *position);

/// Finds an annotation's words in `text`, in three steps:
/// 1. the recorded position still holds the quote exactly: Exact;
/// 2. the quote occurs elsewhere: the occurrence whose surroundings best match the recorded
///    prefix and suffix (then the nearest to the old position): Moved;
/// 3. the best approximate match (edit distance at most a fifth of the quote, quotes of at
///    least 8 characters): Fuzzy.
/// Otherwise Orphaned.
AnchorResult anchor(const TextQuoteSelector &quote, const TextPositionSelector &position, const QString &text);

/// Steps 1 and 2 only (used to look for a quote in the other conclusions of a study).
AnchorResult anchorExactly(const TextQuoteSelector &quote, const TextPositionSelector &position, const QString &text);

} // namespace AnnotationAnchor
} // namespace mgreview
