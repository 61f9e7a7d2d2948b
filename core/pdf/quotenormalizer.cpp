#include "pdf/quotenormalizer.h"

#include <algorithm>

namespace mgreview {

namespace {

bool isHyphenOrDash(char16_t c)
{
    switch (c) {
    case u'-': case 0x00AD: case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        return true;
    default:
        return false;
    }
}

bool isLineBreak(char16_t c)
{
    return c == u'\n' || c == u'\r' || c == 0x2028 || c == 0x2029 || c == u'\f' || c == 0x0B;
}

/// What lies between two words: decides between joining them and one space.
struct Gap {
    qsizetype start = -1; ///< Original index of the gap's first character; -1: no gap.
    bool hyphen = false;
    bool softHyphen = false;
    bool spaceBeforeHyphen = false;
    bool spaceAfterHyphen = false;
    bool lineBreakAfterHyphen = false;
    bool other = false; ///< Punctuation or spaces not around a hyphen.

    void reset() { *this = Gap(); }
    bool joins() const
    {
        if (softHyphen && !other && !spaceBeforeHyphen)
            return true;
        if (!hyphen || other || spaceBeforeHyphen)
            return false;
        // "double-blind" and "magne-\nsium" join; "cramps - but" does not.
        return !spaceAfterHyphen || lineBreakAfterHyphen;
    }
};

} // namespace

NormalizedText NormalizedText::from(const QString &original)
{
    NormalizedText out;
    out.text.reserve(original.size());
    out.source.reserve(original.size());
    Gap gap;
    bool haveWord = false;

    auto emitWordChar = [&](QChar c, qsizetype index) {
        if (haveWord && gap.start >= 0 && !gap.joins()) {
            out.text.append(u' ');
            out.source.append(gap.start);
        }
        gap.reset();
        out.text.append(c);
        out.source.append(index);
        haveWord = true;
    };
    auto emitSeparator = [&](char16_t c, qsizetype index) {
        if (gap.start < 0)
            gap.start = index;
        if (c == 0x00AD) {
            gap.softHyphen = true;
        } else if (isHyphenOrDash(c)) {
            if (gap.hyphen || gap.softHyphen)
                gap.other = true; // "--" or "- -": a dash, not a hyphen
            gap.hyphen = true;
        } else if (QChar::isSpace(c) || isLineBreak(c)) {
            if (gap.hyphen) {
                gap.spaceAfterHyphen = true;
                if (isLineBreak(c))
                    gap.lineBreakAfterHyphen = true;
            } else {
                gap.spaceBeforeHyphen = true;
            }
        } else {
            gap.other = true;
        }
    };

    QString unfolded;
    for (qsizetype i = 0; i < original.size(); ++i) {
        const QChar c = original.at(i);
        const char16_t u = c.unicode();
        if (u < 0x80) {
            if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9'))
                emitWordChar(c, i);
            else if (u >= u'A' && u <= u'Z')
                emitWordChar(QChar(char16_t(u + 32)), i);
            else
                emitSeparator(u, i);
            continue;
        }
        if (isHyphenOrDash(u) || c.isSpace() || isLineBreak(u)) {
            emitSeparator(u, i);
            continue;
        }
        // Ligatures, full-width forms and accented letters: unfold (NFKD), drop the marks.
        unfolded = QString(c).normalized(QString::NormalizationForm_KD);
        for (const QChar d : std::as_const(unfolded)) {
            if (d.category() == QChar::Mark_NonSpacing || d.category() == QChar::Mark_Enclosing
                || d.category() == QChar::Mark_SpacingCombining)
                continue;
            if (d.isLetterOrNumber())
                emitWordChar(d.toCaseFolded(), i);
            else
                emitSeparator(d.unicode(), i);
        }
    }
    return out;
}

QuoteSearchText::QuoteSearchText(const QVector<QString> &pages)
{
    qsizetype total = 0;
    for (const QString &page : pages)
        total += page.size() + 1;
    m_original.reserve(total);
    for (const QString &page : pages) {
        m_pageStarts.append(m_original.size());
        m_original.append(page);
        // A page break reads like a line break: a word hyphenated across pages joins.
        m_original.append(u'\n');
    }
    m_normalized = NormalizedText::from(m_original);
}

std::pair<int, qsizetype> QuoteSearchText::locate(qsizetype originalIndex) const
{
    if (m_pageStarts.isEmpty())
        return {0, 0};
    const auto it = std::upper_bound(m_pageStarts.cbegin(), m_pageStarts.cend(), originalIndex);
    const qsizetype page = std::max<qsizetype>(0, (it - m_pageStarts.cbegin()) - 1);
    return {int(page + 1), originalIndex - m_pageStarts.at(page)};
}

qsizetype QuoteSearchText::originalEnd(qsizetype normalizedTo) const
{
    if (normalizedTo <= 0 || m_normalized.source.isEmpty())
        return 0;
    return m_normalized.source.at(std::min(normalizedTo, m_normalized.source.size()) - 1) + 1;
}

QString QuoteSearchText::originalBetween(qsizetype normalizedFrom, qsizetype normalizedTo) const
{
    if (normalizedFrom >= normalizedTo || normalizedFrom >= m_normalized.source.size())
        return {};
    const qsizetype from = m_normalized.source.at(normalizedFrom);
    return m_original.mid(from, originalEnd(normalizedTo) - from).simplified();
}

} // namespace mgreview
