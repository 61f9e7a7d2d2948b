#pragma once

#include "store/fulltextindex.h"

#include <QBitArray>
#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVector>

#include <atomic>

namespace mgreview {

/// In-memory search-as-you-type over every study's title, authors and conclusions.
///
/// Same semantics as FullTextIndex::match (each query term must start a word, case and
/// accents ignored) but answered in milliseconds at 100,000 studies: the folded text of
/// all studies sits in one contiguous buffer scanned with memmem on all cores, and a
/// query that extends the previous one only re-checks the rows that matched before.
/// Building and querying are thread-safe against each other only through copies: build
/// on a worker, then move the index to where it is queried.
class StudySearchIndex
{
public:
    /// Adds a row's text (rows are numbered in the order they are added).
    void append(const SearchableText &text);
    void reserve(qsizetype rows, qsizetype bytes);
    qsizetype rowCount() const { return m_offsets.size(); }
    qsizetype byteSize() const { return m_buffer.size(); }

    /// Rows matching every term of the query. `restrictTo` (optional) limits the scan to
    /// rows already known to match a narrower query. `cancel` aborts early (result empty).
    QBitArray match(const QString &query, const QBitArray *restrictTo = nullptr,
                    const std::atomic_bool *cancel = nullptr) const;

    /// Builds an index from a text-by-key map, in the given key order.
    static StudySearchIndex build(const QVector<qint64> &keysInRowOrder, const QHash<qint64, SearchableText> &texts);

private:
    void matchRange(const QVector<QByteArray> &terms, qsizetype firstRow, qsizetype endRow,
                    const QBitArray *restrictTo, QBitArray *out, const std::atomic_bool *cancel) const;

    QByteArray m_buffer;          ///< Folded UTF-8 text, rows separated by '\n'.
    QVector<qsizetype> m_offsets; ///< Start of each row in m_buffer.
};

} // namespace mgreview
