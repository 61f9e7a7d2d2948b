#include "importexport/textdecoding.h"

#include <QStringDecoder>

#include <cstring>

namespace mgreview {

namespace {

// Length of the valid UTF-8 sequence at p (1-4), or 0 when it is invalid.
int utf8SequenceLength(const unsigned char *p, const unsigned char *end)
{
    const unsigned char c = p[0];
    if (c < 0x80)
        return 1;
    auto cont = [&](int i) { return p + i < end && (p[i] & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF)
        return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(1) || !cont(2))
            return 0;
        if (c == 0xE0 && p[1] < 0xA0)
            return 0; // overlong
        if (c == 0xED && p[1] >= 0xA0)
            return 0; // surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3))
            return 0;
        if (c == 0xF0 && p[1] < 0x90)
            return 0;
        if (c == 0xF4 && p[1] >= 0x90)
            return 0;
        return 4;
    }
    return 0;
}

// Offset of the first byte that is not valid UTF-8, or -1.
qsizetype firstInvalidUtf8(QByteArrayView bytes, qsizetype from = 0)
{
    const auto *begin = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = begin + bytes.size();
    const unsigned char *p = begin + from;
    while (p < end) {
        // ASCII fast path, eight bytes at a time.
        while (end - p >= 8) {
            quint64 word;
            std::memcpy(&word, p, 8);
            if (word & 0x8080808080808080ULL)
                break;
            p += 8;
        }
        if (p >= end)
            break;
        const int n = utf8SequenceLength(p, end);
        if (n == 0)
            return p - begin;
        p += n;
    }
    return -1;
}

// UTF-16 without a byte-order mark: ASCII-heavy text has a zero in every other byte.
std::optional<QStringConverter::Encoding> guessUtf16(QByteArrayView bytes)
{
    const qsizetype n = std::min<qsizetype>(bytes.size(), 4096) & ~qsizetype(1);
    if (n < 4)
        return std::nullopt;
    int evenZeros = 0, oddZeros = 0;
    for (qsizetype i = 0; i < n; i += 2) {
        evenZeros += bytes[i] == 0;
        oddZeros += bytes[i + 1] == 0;
    }
    const int pairs = int(n / 2);
    if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05)
        return QStringConverter::Utf16BE;
    if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05)
        return QStringConverter::Utf16LE;
    return std::nullopt;
}

QString decodeWith(QStringConverter::Encoding encoding, QByteArrayView bytes)
{
    QStringDecoder decoder(encoding, QStringDecoder::Flag::Stateless);
    return decoder.decode(bytes);
}

} // namespace

QString fromWindows1252(QByteArrayView bytes)
{
    static const char16_t high[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                      0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    QString out(bytes.size(), Qt::Uninitialized);
    QChar *d = out.data();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        d[i] = (c >= 0x80 && c < 0xA0) ? QChar(high[c - 0x80]) : QChar(char16_t(c));
    }
    return out;
}

DecodedText decodeImportText(const QByteArray &bytes, const QString &file, QVector<ImportIssue> *issues,
                             bool latin1Fallback)
{
    // A byte-order mark says it all.
    if (const std::optional<QStringConverter::Encoding> bom = QStringConverter::encodingForData(bytes)) {
        if (*bom != QStringConverter::Utf8 || bytes.startsWith("\xEF\xBB\xBF")) {
            if (*bom != QStringConverter::Utf8) {
                QString text = decodeWith(*bom, bytes);
                if (text.startsWith(QChar(0xFEFF)))
                    text.remove(0, 1);
                return {text, QString::fromLatin1(QStringConverter::nameForEncoding(*bom))};
            }
        }
    }
    if (const std::optional<QStringConverter::Encoding> utf16 = guessUtf16(bytes))
        return {decodeWith(*utf16, bytes), QString::fromLatin1(QStringConverter::nameForEncoding(*utf16))};

    QByteArrayView view(bytes);
    if (view.startsWith("\xEF\xBB\xBF"))
        view = view.sliced(3);
    qsizetype bad = firstInvalidUtf8(view);
    if (bad < 0)
        return {QString::fromUtf8(view), QStringLiteral("UTF-8")};
    if (latin1Fallback)
        return {fromWindows1252(view), QStringLiteral("Windows-1252")};

    // Mostly UTF-8 with broken lines: read each broken line as Windows-1252 and say so.
    QString text;
    text.reserve(view.size());
    qsizetype lineStart = 0;
    int line = 1;
    qsizetype scanned = 0; // bytes before this offset are counted in `line`
    while (bad >= 0) {
        // The line holding `bad`.
        qsizetype start = bad;
        while (start > lineStart && view[start - 1] != '\n' && view[start - 1] != '\r')
            --start;
        qsizetype end = bad;
        while (end < view.size() && view[end] != '\n' && view[end] != '\r')
            ++end;
        for (qsizetype i = scanned; i < start; ++i) {
            if (view[i] == '\n' || (view[i] == '\r' && (i + 1 >= view.size() || view[i + 1] != '\n')))
                ++line;
        }
        scanned = start;
        text += QString::fromUtf8(view.sliced(lineStart, start - lineStart));
        text += fromWindows1252(view.sliced(start, end - start));
        if (issues)
            issues->append({file, line, QStringLiteral("invalid UTF-8 (byte 0x%1 at column %2); the line was read as "
                                                       "Windows-1252")
                                            .arg(static_cast<unsigned char>(view[bad]), 2, 16, QChar(u'0'))
                                            .arg(bad - start + 1)});
        lineStart = end;
        bad = firstInvalidUtf8(view, end);
    }
    text += QString::fromUtf8(view.sliced(lineStart));
    return {text, QStringLiteral("UTF-8 (some lines Windows-1252)")};
}

QVector<QStringView> splitLines(QStringView text)
{
    QVector<QStringView> lines;
    lines.reserve(text.size() / 40 + 1);
    qsizetype start = 0;
    const qsizetype n = text.size();
    const QChar *d = text.data();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = d[i].unicode();
        if (c == u'\n' || c == u'\r') {
            lines.append(text.sliced(start, i - start));
            if (c == u'\r' && i + 1 < n && d[i + 1] == u'\n')
                ++i;
            start = i + 1;
        }
    }
    if (start < n)
        lines.append(text.sliced(start));
    return lines;
}

} // namespace mgreview
