#pragma once

#include "model/study.h"

#include <QByteArray>
#include <QSet>
#include <QString>

namespace mgreview {

/// Citation keys for one BibTeX file: unique within the file and stable across exports.
///
/// The key is the study id (ids are unique and already made of letters, digits and '_'),
/// with any other character replaced by '_'. Only when two ids clean up to the same key does
/// the later one (in library order) get a suffix "a", "b", … so every key stays unique.
class BibtexKeys
{
public:
    QString keyFor(const QString &studyId);

private:
    QSet<QString> m_used;
};

/// The first lines of a BibTeX export ("% Encoding: UTF-8", which JabRef reads).
QByteArray bibtexHeader();

/// One BibTeX entry (docs/formats/export.md#bibtex), UTF-8, ending with a blank line.
///
/// @article for journal articles, @misc for web pages and references without a journal
/// (referenceKind()). Fields, in this order, each only when not empty: author ("Surname, S. R."
/// joined by " and "; group names in braces), title (capitals protected: bibtexTitle()),
/// journal (@misc: howpublished), year, volume, number (issue), pages ("123--129"; left out
/// when not verified), doi and pmid and pmcid (as they are: identifiers are not escaped),
/// abstract, keywords (joined by ", "), note (exportNotes() joined by line breaks).
/// Every other value goes through bibtexEscape().
QByteArray bibtexEntry(const Study &study, const QString &key);

} // namespace mgreview
