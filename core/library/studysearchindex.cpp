#include "library/studysearchindex.h"

#include "library/searchtext.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cstring>

namespace mgreview {

namespace {

bool isWordByte(char c)
{
    const auto u = static_cast<unsigned char>(c);
    // Bytes of multi-byte UTF-8 sequences belong to (non-ASCII) letters after folding.
    return u >= 0x80 || std::isalnum(u);
}

} // namespace

void StudySearchIndex::reserve(qsizetype rows, qsizetype bytes)
{
    m_offsets.reserve(rows);
    m_buffer.reserve(bytes);
}

void StudySearchIndex::append(const SearchableText &text)
{
    m_offsets.append(m_buffer.size());
    // A separator between fields stops a term from spanning two of them.
    m_buffer += foldForSearch(text.title).toUtf8();
    m_buffer += ' ';
    m_buffer += foldForSearch(text.authors).toUtf8();
    m_buffer += ' ';
    m_buffer += foldForSearch(text.conclusions).toUtf8();
    m_buffer += ' ';
    m_buffer += foldForSearch(text.other).toUtf8();
    m_buffer += '\n';
}

StudySearchIndex StudySearchIndex::build(const QVector<qint64> &keysInRowOrder,
                                         const QHash<qint64, SearchableText> &texts)
{
    StudySearchIndex index;
    index.reserve(keysInRowOrder.size(), keysInRowOrder.size() * 256);
    for (const qint64 key : keysInRowOrder)
        index.append(texts.value(key));
    return index;
}

void StudySearchIndex::matchRange(const QVector<QByteArray> &terms, qsizetype firstRow, qsizetype endRow,
                                  const QBitArray *restrictTo, QBitArray *out, const std::atomic_bool *cancel) const
{
    if (firstRow >= endRow)
        return;
    const char *base = m_buffer.constData();
    const qsizetype rangeBegin = m_offsets.at(firstRow);
    const qsizetype rangeEnd = endRow < m_offsets.size() ? m_offsets.at(endRow) : m_buffer.size();

    // Rows where each term starts a word; the first term scans the range, the others
    // check the candidate rows only.
    QBitArray hits(int(endRow - firstRow));
    const QByteArray &first = terms.constFirst();
    if (restrictTo) {
        for (qsizetype row = firstRow; row < endRow; ++row)
            hits.setBit(int(row - firstRow), restrictTo->testBit(int(row)));
    } else {
        const char *cursor = base + rangeBegin;
        const char *end = base + rangeEnd;
        qsizetype row = firstRow;
        while (cursor < end) {
            if (cancel && cancel->load(std::memory_order_relaxed))
                return;
            const void *found = memmem(cursor, size_t(end - cursor), first.constData(), size_t(first.size()));
            if (!found)
                break;
            const char *at = static_cast<const char *>(found);
            const qsizetype offset = at - base;
            // Rows are ascending: advance to the row holding this offset.
            while (row + 1 < endRow && m_offsets.at(row + 1) <= offset)
                ++row;
            if (at == base + m_offsets.at(row) || !isWordByte(at[-1])) {
                hits.setBit(int(row - firstRow));
                // Jump to the next row: one hit per row is enough.
                cursor = base + (row + 1 < m_offsets.size() ? m_offsets.at(row + 1) : m_buffer.size());
                ++row;
                if (row >= endRow)
                    break;
            } else {
                cursor = at + 1;
            }
        }
    }

    const qsizetype termsToCheck = restrictTo ? 0 : 1;
    for (qsizetype row = firstRow; row < endRow; ++row) {
        const int bit = int(row - firstRow);
        if (!hits.testBit(bit))
            continue;
        const char *rowBegin = base + m_offsets.at(row);
        const char *rowEnd = base + (row + 1 < m_offsets.size() ? m_offsets.at(row + 1) : m_buffer.size());
        for (qsizetype t = termsToCheck; t < terms.size(); ++t) {
            const QByteArray &term = terms.at(t);
            bool found = false;
            const char *cursor = rowBegin;
            while (cursor < rowEnd) {
                const void *hit = memmem(cursor, size_t(rowEnd - cursor), term.constData(), size_t(term.size()));
                if (!hit)
                    break;
                const char *at = static_cast<const char *>(hit);
                if (at == rowBegin || !isWordByte(at[-1])) {
                    found = true;
                    break;
                }
                cursor = at + 1;
            }
            if (!found) {
                hits.clearBit(bit);
                break;
            }
        }
        if (hits.testBit(bit))
            out->setBit(int(row));
    }
}

QBitArray StudySearchIndex::match(const QString &query, const QBitArray *restrictTo,
                                  const std::atomic_bool *cancel) const
{
    const qsizetype rows = m_offsets.size();
    QBitArray result(rows);
    const QStringList termList = searchTerms(query);
    if (termList.isEmpty()) {
        result.fill(true);
        return result;
    }
    QVector<QByteArray> terms;
    for (const QString &term : termList)
        terms.append(term.toUtf8());
    // Longest term first: it is the most selective, so later terms check fewer rows.
    std::sort(terms.begin(), terms.end(), [](const QByteArray &a, const QByteArray &b) { return a.size() > b.size(); });

    // Chunks on row boundaries, one result array each (QBitArray is not safe to share).
    const qsizetype chunkCount = rows < 4096 ? 1 : 8;
    struct Chunk {
        qsizetype first, end;
        QBitArray bits;
    };
    QVector<Chunk> chunks;
    for (qsizetype c = 0; c < chunkCount; ++c)
        chunks.append({rows * c / chunkCount, rows * (c + 1) / chunkCount, QBitArray(rows)});
    const auto work = [&](Chunk &chunk) {
        matchRange(terms, chunk.first, chunk.end, restrictTo, &chunk.bits, cancel);
    };
    if (chunkCount == 1)
        work(chunks.first());
    else
        QtConcurrent::blockingMap(chunks, work);
    if (cancel && cancel->load())
        return QBitArray(rows);
    for (const Chunk &chunk : std::as_const(chunks))
        result |= chunk.bits;
    return result;
}

} // namespace mgreview
