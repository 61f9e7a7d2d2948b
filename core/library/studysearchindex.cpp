#include "library/studysearchindex.h"

#include "library/searchtext.h"

#include <QtEndian>

#include <algorithm>
#include <array>
#include <cstring>

namespace mgreview {

namespace {

/// Which bytes belong to words: ASCII letters and digits, and every byte of a multi-byte
/// UTF-8 sequence (non-ASCII punctuation was already turned into spaces by folding).
constexpr std::array<bool, 256> kWordBytes = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 256; ++c)
        table[size_t(c)] = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return table;
}();

bool isWordByte(char c)
{
    return kWordBytes[static_cast<unsigned char>(c)];
}

/// Appends the folded text as UTF-8. Most text is ASCII, where folding is plain
/// lower-casing (NFKD changes nothing and no marks exist): that case is done in place,
/// without the normalisation and two temporary strings, which dominate opening a large
/// library otherwise.
void appendFolded(QByteArray &buffer, const QString &text)
{
    const qsizetype size = text.size();
    const char16_t *chars = reinterpret_cast<const char16_t *>(text.utf16());
    char16_t any = 0;
    for (qsizetype i = 0; i < size; ++i)
        any |= chars[i];
    if (any >= 0x80) {
        // foldForIndex turns non-ASCII punctuation (dashes, curly quotes, U+2010) into
        // spaces: in UTF-8 those are bytes >= 0x80, which isWordByte() counts as letters.
        buffer += foldForIndex(text).toUtf8();
        return;
    }
    const qsizetype start = buffer.size();
    buffer.resize(start + size);
    char *out = buffer.data() + start;
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = chars[i];
        out[i] = char(c >= u'A' && c <= u'Z' ? c + (u'a' - u'A') : c);
    }
}

/// FNV-1a: words are short, so a byte loop is as fast as anything cleverer. The final
/// mix spreads the low bits, which pick the hash slot.
constexpr quint64 kHashStart = 0xcbf29ce484222325ull;
inline quint64 hashStep(quint64 h, char c)
{
    return (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
}
inline quint64 hashFinish(quint64 h)
{
    return h ^ (h >> 29);
}
quint64 hashBytes(const char *bytes, quint32 length)
{
    quint64 h = kHashStart;
    for (quint32 i = 0; i < length; ++i)
        h = hashStep(h, bytes[i]);
    return hashFinish(h);
}

/// Up to the first four bytes, big-endian, zero-padded: comparing two heads under a mask
/// compares prefixes. Words and terms never contain a zero byte.
quint32 headOf(const char *bytes, quint32 length)
{
    quint32 head = 0;
    for (quint32 i = 0; i < 4; ++i)
        head |= quint32(i < length ? static_cast<unsigned char>(bytes[i]) : 0u) << (24 - 8 * i);
    return head;
}

} // namespace

void StudySearchIndex::reserve(qsizetype rows, qsizetype bytes)
{
    // Distinct words grow much more slowly than text: a small share of the text is a
    // fair guess for the vocabulary.
    m_words.reserve(std::min<qsizetype>(bytes / 16, 64 << 20));
    Q_UNUSED(rows);
}

void StudySearchIndex::rehash(size_t slotCount)
{
    m_slots.assign(slotCount, 0);
    const size_t mask = slotCount - 1;
    for (quint32 id = 0; id < m_wordSpans.size(); ++id) {
        const Word &word = m_wordSpans[id];
        const quint64 hash = hashBytes(m_words.constData() + word.offset, word.length);
        size_t slot = hash & mask;
        while (m_slots[slot] != 0)
            slot = (slot + 1) & mask;
        m_slots[slot] = (hash & ~quint64(0xffffffffu)) | (id + 1);
    }
}

quint32 StudySearchIndex::wordId(const char *bytes, quint32 length, quint64 hash)
{
    if ((m_wordSpans.size() + 1) * 2 > m_slots.size())
        rehash(std::max<size_t>(1024, m_slots.size() * 2));
    const size_t mask = m_slots.size() - 1;
    size_t slot = hash & mask;
    // A slot holds the word's hash (high half) and id + 1 (low half): the hash rules out
    // almost every other word without touching its bytes.
    while (const quint64 entry = m_slots[slot]) {
        if ((entry >> 32) == (hash >> 32)) {
            const auto id = quint32(entry) - 1;
            const Word &word = m_wordSpans[id];
            if (word.length == length && std::memcmp(m_words.constData() + word.offset, bytes, length) == 0)
                return id;
        }
        slot = (slot + 1) & mask;
    }
    const auto id = quint32(m_wordSpans.size());
    m_slots[slot] = (hash & ~quint64(0xffffffffu)) | (id + 1);
    m_wordSpans.push_back({quint32(m_words.size()), length});
    m_words.append(bytes, length);
    m_postings.emplace_back();
    m_byFirstByte[static_cast<unsigned char>(bytes[0])].push_back({id, headOf(bytes, length)});
    return id;
}

namespace {

/// Calls fn(bytes, length, hash) for every folded word of a study's text, in order (a word
/// may come more than once).
template<typename Fn> void forEachWord(const SearchableText &text, Fn fn)
{
    // A separator between fields stops a term from spanning two of them.
    QByteArray folded;
    folded.reserve(text.title.size() + text.authors.size() + text.conclusions.size() + text.other.size() + 8);
    appendFolded(folded, text.title);
    folded += ' ';
    appendFolded(folded, text.authors);
    folded += ' ';
    appendFolded(folded, text.conclusions);
    folded += ' ';
    appendFolded(folded, text.other);

    // Words are maximal runs of word bytes: a term "starts a word" exactly when it is a
    // prefix of one of them, because terms are made of word bytes only.
    const char *data = folded.constData();
    const qsizetype size = folded.size();
    for (qsizetype i = 0; i < size;) {
        if (!isWordByte(data[i])) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        quint64 hash = kHashStart;
        while (i < size && isWordByte(data[i]))
            hash = hashStep(hash, data[i++]);
        fn(data + start, quint32(i - start), hashFinish(hash));
    }
}

} // namespace

void StudySearchIndex::append(const SearchableText &text)
{
    const auto row = quint32(m_rows++);
    forEachWord(text, [&](const char *bytes, quint32 length, quint64 hash) {
        std::vector<quint32> &rows = m_postings[wordId(bytes, length, hash)];
        if (rows.empty() || rows.back() != row)
            rows.push_back(row);
    });
}

bool StudySearchIndex::replaceRow(qsizetype rowIndex, const SearchableText &text)
{
    if (rowIndex < 0 || rowIndex >= m_rows)
        return false;
    const auto row = quint32(rowIndex);
    // The row leaves every posting list that holds it. The old text is not kept (that would
    // double the memory of the index); a binary search per distinct word costs a few
    // milliseconds even for a large vocabulary, far less than building the index again.
    for (std::vector<quint32> &rows : m_postings) {
        const auto at = std::lower_bound(rows.begin(), rows.end(), row);
        if (at != rows.end() && *at == row)
            rows.erase(at);
    }
    // Words that no row holds any more stay in the vocabulary with no rows: they match nothing.
    forEachWord(text, [&](const char *bytes, quint32 length, quint64 hash) {
        std::vector<quint32> &rows = m_postings[wordId(bytes, length, hash)];
        const auto at = std::lower_bound(rows.begin(), rows.end(), row);
        if (at == rows.end() || *at != row)
            rows.insert(at, row);
    });
    return true;
}

qsizetype StudySearchIndex::byteSize() const
{
    qsizetype bytes = m_words.capacity() + qsizetype(m_wordSpans.capacity() * sizeof(Word)) +
        qsizetype(m_slots.capacity() * sizeof(quint64));
    for (const std::vector<quint32> &rows : m_postings)
        bytes += qsizetype(sizeof(rows) + rows.capacity() * sizeof(quint32));
    for (const std::vector<Head> &heads : m_byFirstByte)
        bytes += qsizetype(sizeof(heads) + heads.capacity() * sizeof(Head));
    return bytes;
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

QBitArray StudySearchIndex::match(const QString &query, const QBitArray *restrictTo,
                                  const std::atomic_bool *cancel) const
{
    const qsizetype rows = m_rows;
    const auto cancelled = [cancel] { return cancel && cancel->load(std::memory_order_relaxed); };
    const QStringList termList = searchTerms(query);
    if (termList.isEmpty())
        return QBitArray(rows, true);

    // Rows as 64-bit words: setting bits by the million is the whole cost of a query.
    const size_t wordCount = size_t(rows + 63) / 64;
    std::vector<quint64> result(wordCount, ~quint64(0));
    if (restrictTo && wordCount > 0) {
        std::fill(result.begin(), result.end(), 0);
        std::memcpy(result.data(), restrictTo->bits(), size_t(std::min(restrictTo->size(), rows) + 7) / 8);
        for (quint64 &word : result)
            word = qFromLittleEndian(word); // QBitArray keeps bit i in byte i / 8.
    }
    std::vector<quint64> termRows(wordCount);
    for (const QString &termText : termList) {
        if (cancelled())
            return QBitArray(rows);
        const QByteArray term = termText.toUtf8();
        const auto length = quint32(term.size());
        std::fill(termRows.begin(), termRows.end(), 0);
        // Words the term starts: same first bytes (compared in place), then the rest.
        const quint32 head = headOf(term.constData(), length);
        const quint32 headMask = length >= 4 ? ~0u : ~(~0u >> (8 * length));
        for (const Head &candidate : m_byFirstByte[static_cast<unsigned char>(term.at(0))]) {
            if ((candidate.bytes & headMask) != head)
                continue;
            if (length > 4) {
                const Word &word = m_wordSpans[candidate.id];
                if (word.length < length ||
                    std::memcmp(m_words.constData() + word.offset + 4, term.constData() + 4, length - 4) != 0)
                    continue;
            }
            for (const quint32 row : m_postings[candidate.id])
                termRows[row >> 6] |= quint64(1) << (row & 63);
        }
        quint64 any = 0;
        for (size_t i = 0; i < wordCount; ++i)
            any |= (result[i] &= termRows[i]);
        if (!any)
            break; // Nothing left for further terms to narrow.
    }
    if (cancelled())
        return QBitArray(rows);
    // Bits past the last row (from the all-ones start) must not leak into the result.
    if (rows % 64 != 0)
        result.back() &= (quint64(1) << (rows % 64)) - 1;
    for (quint64 &word : result)
        word = qToLittleEndian(word);
    return QBitArray::fromBits(reinterpret_cast<const char *>(result.data()), rows);
}

} // namespace mgreview
