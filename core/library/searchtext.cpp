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

QStringList searchTerms(const QString &query)
{
    const QString folded = foldForSearch(query);
    QStringList terms;
    QString current;
    for (const QChar ch : folded) {
        if (ch.isLetterOrNumber()) {
            current.append(ch);
        } else if (!current.isEmpty()) {
            terms.append(current);
            current.clear();
        }
    }
    if (!current.isEmpty())
        terms.append(current);
    terms.removeDuplicates();
    return terms;
}

} // namespace mgreview
