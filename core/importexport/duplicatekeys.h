#pragma once

#include <QHash>
#include <QString>
#include <QVector>

namespace mgreview {

struct Study;

/// The keys duplicates are found by (docs/formats/import.md#duplicates).
struct DuplicateKeys {
    QString doi;      ///< Lower case, without resolver prefix.
    QString pmid;     ///< Digits only.
    QString title;    ///< Letters and digits of the title, lower case, accents removed.
    QString surname;  ///< The first author's surname, the same way.
    int year = 0;
};

DuplicateKeys duplicateKeys(const Study &study);
DuplicateKeys duplicateKeys(const QString &doi, const QString &pmid, const QString &title,
                            const QString &firstAuthorSurname, int year);

/// An index of known studies by those keys.
class DuplicateIndex
{
public:
    void add(const QString &id, const DuplicateKeys &keys);
    /// The id of a study with the same DOI or PMID (reason in *reason), or empty.
    QString exact(const DuplicateKeys &keys, QString *reason) const;
    /// The id of a study with the same title and first author and a year within one, or empty.
    QString probable(const DuplicateKeys &keys, QString *reason) const;

private:
    QHash<QString, QString> m_doi, m_pmid;
    struct Entry {
        QString id;
        int year;
    };
    QHash<QString, QVector<Entry>> m_titleAuthor;
};

} // namespace mgreview
