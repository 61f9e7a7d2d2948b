#include "importexport/duplicatekeys.h"

#include "importexport/recordfields.h"
#include "model/study.h"

namespace mgreview {

DuplicateKeys duplicateKeys(const QString &doi, const QString &pmid, const QString &title,
                            const QString &firstAuthorSurname, int year)
{
    DuplicateKeys k;
    k.doi = cleanDoi(doi).toLower();
    for (QChar c : pmid) {
        if (c.isDigit())
            k.pmid += c;
    }
    k.title = asciiKey(title);
    k.surname = asciiKey(firstAuthorSurname);
    k.year = year;
    return k;
}

DuplicateKeys duplicateKeys(const Study &s)
{
    return duplicateKeys(s.ids.doi, s.ids.pmid, s.citation.title.isEmpty() ? s.citation.text : s.citation.title,
                         s.firstAuthor(), s.citation.year);
}

void DuplicateIndex::add(const QString &id, const DuplicateKeys &keys)
{
    if (!keys.doi.isEmpty() && !m_doi.contains(keys.doi))
        m_doi.insert(keys.doi, id);
    if (!keys.pmid.isEmpty() && !m_pmid.contains(keys.pmid))
        m_pmid.insert(keys.pmid, id);
    // A title of a few letters ("Editorial") says nothing about identity.
    if (keys.title.size() >= 10)
        m_titleAuthor[keys.title + u'|' + keys.surname].append({id, keys.year});
}

QString DuplicateIndex::exact(const DuplicateKeys &keys, QString *reason) const
{
    if (!keys.doi.isEmpty()) {
        if (const auto it = m_doi.constFind(keys.doi); it != m_doi.cend()) {
            *reason = QStringLiteral("same DOI %1").arg(keys.doi);
            return *it;
        }
    }
    if (!keys.pmid.isEmpty()) {
        if (const auto it = m_pmid.constFind(keys.pmid); it != m_pmid.cend()) {
            *reason = QStringLiteral("same PMID %1").arg(keys.pmid);
            return *it;
        }
    }
    return {};
}

QString DuplicateIndex::probable(const DuplicateKeys &keys, QString *reason) const
{
    if (keys.title.size() < 10)
        return {};
    const auto it = m_titleAuthor.constFind(keys.title + u'|' + keys.surname);
    if (it == m_titleAuthor.cend())
        return {};
    for (const Entry &e : *it) {
        // Unknown years (0) do not rule a match out: title and author already agree.
        if (keys.year == 0 || e.year == 0 || std::abs(e.year - keys.year) <= 1) {
            *reason = QStringLiteral("same title, first author and year (±1)");
            return e.id;
        }
    }
    return {};
}

} // namespace mgreview
