#include "library/searchtext.h"

namespace mgreview {

QString foldForSearch(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar ch : decomposed) {
        const QChar::Category category = ch.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
            category == QChar::Mark_Enclosing)
            continue;
        out.append(ch);
    }
    return out.toCaseFolded();
}

QString foldForIndex(const QString &text)
{
    QString folded = foldForSearch(text);
    // Everything that is not part of a word becomes a space, in place. Word characters
    // are letters and numbers, whole code points (a surrogate pair is one character):
    // the same rule as FTS5's unicode61 tokenizer ("L* N*"), so that a dash, a curly
    // quote or a non-breaking hyphen (all multi-byte in UTF-8) still ends a word.
    QChar *data = folded.data();
    const qsizetype size = folded.size();
    for (qsizetype i = 0; i < size;) {
        char32_t codePoint = data[i].unicode();
        qsizetype length = 1;
        if (data[i].isHighSurrogate() && i + 1 < size && data[i + 1].isLowSurrogate()) {
            codePoint = QChar::surrogateToUcs4(data[i], data[i + 1]);
            length = 2;
        }
        if (!QChar::isLetterOrNumber(codePoint)) {
            for (qsizetype j = i; j < i + length; ++j)
                data[j] = u' ';
        }
        i += length;
    }
    return folded;
}

QStringList searchTerms(const QString &query)
{
    QStringList terms = foldForIndex(query).split(u' ', Qt::SkipEmptyParts);
    terms.removeDuplicates();
    return terms;
}

} // namespace mgreview
