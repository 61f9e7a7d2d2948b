#pragma once

#include "model/study.h"

#include <QString>
#include <QStringList>

namespace mgreview {

/// An author as the library stores it ("Garrison SR", "Dugré N"), split for citation formats.
struct AuthorName {
    QString surname;  ///< "Garrison"; the whole name when it could not be split.
    QString initials; ///< "SR"; empty when the name is not "Surname INITIALS" (e.g. a group).

    bool isPerson() const { return !initials.isEmpty(); }
    /// "S. R." (each initial followed by a dot, separated by spaces).
    QString dottedInitials() const;
};

/// Splits "Surname INITIALS" (1–4 capital letters after the last space). Anything else
/// ("Cochrane Collaboration", "World Health Organization") is kept whole as the surname.
AuthorName splitAuthor(const QString &author);

/// The coarse kind of reference, for RIS TY and the BibTeX entry type.
enum class ReferenceKind {
    JournalArticle, ///< RIS JOUR, BibTeX @article: any design published in a journal.
    WebPage,        ///< RIS ELEC, BibTeX @misc: a consumer or secondary source.
    Generic,        ///< RIS GEN, BibTeX @misc: no journal known.
};
/// Consumer / secondary sources are web pages; any other study with a journal is a journal
/// article; the rest is generic.
ReferenceKind referenceKind(const Study &study);

/// Whether a citation field may be exported as a value. Pages marked not verified hold an
/// explanation instead of page numbers, so they are left out (the note says why).
bool exportablePages(const Study &study);

/// The free-text notes every citation format carries (RIS N1, BibTeX note), one per line,
/// each starting with a fixed label so that a reader can tell them apart:
///   "Funding statement: …", "Conflicts of interest: …", "Funders: A (type); B (type)",
///   "Funding independence: VALUE[ (LINK)]; source: SOURCE; reason: REASON",
///   "Registration: …", "Conclusion (SOURCE[, WHERE]): …" (verbatim, one per conclusion),
///   "Not verified: FIELD: REASON" (one per entry of Study::notVerified).
/// Statements and conclusions are verbatim; line breaks inside them become spaces.
QStringList exportNotes(const Study &study);

/// Line breaks (CR, LF, CRLF) and tabs replaced by single spaces: for one-line formats.
QString singleLine(const QString &text);

} // namespace mgreview
