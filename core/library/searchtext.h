#pragma once

#include <QString>
#include <QStringList>

namespace mgreview {

/// Folds text for search: canonical decomposition, combining marks dropped, case folded.
/// "Araújo" and "ARAUJO" both become "araujo".
QString foldForSearch(const QString &text);

/// Folds text for the in-memory index: foldForSearch, then every character that is not
/// a letter or a number (punctuation, dashes, symbols, spaces) replaced by a space.
/// The result has the same length as foldForSearch(text).
QString foldForIndex(const QString &text);

/// Splits a query into folded search terms: runs of letters and digits, as a word
/// tokenizer would (FTS5 unicode61 does the same), so "CD009402.pub3" gives "cd009402", "pub3".
QStringList searchTerms(const QString &query);

} // namespace mgreview
