#include "importexport/risexport.h"

#include "importexport/exportfields.h"

namespace mgreview {

namespace {

// "TY  - JOUR\r\n": two letters, two spaces, a hyphen, a space (RIS spec).
void tag(QByteArray *out, const char *name, const QString &value)
{
    if (value.isEmpty())
        return;
    out->append(name);
    out->append("  - ");
    out->append(singleLine(value).toUtf8());
    out->append("\r\n");
}

const char *risType(ReferenceKind kind)
{
    switch (kind) {
    case ReferenceKind::JournalArticle: return "JOUR";
    case ReferenceKind::WebPage: return "ELEC";
    case ReferenceKind::Generic: break;
    }
    return "GEN";
}

QString risAuthor(const QString &author)
{
    const AuthorName name = splitAuthor(author);
    if (name.isPerson())
        return name.surname + QStringLiteral(", ") + name.dottedInitials();
    // A group of several words ends with a comma: RIS readers (EndNote's convention, ours)
    // then keep it whole instead of taking its last word for a surname.
    return name.surname.contains(u' ') && !name.surname.endsWith(u',') ? name.surname + u',' : name.surname;
}

} // namespace

QByteArray risRecord(const Study &s)
{
    QByteArray out;
    out.reserve(1024 + s.abstract.size() * 2);
    tag(&out, "TY", QString::fromLatin1(risType(referenceKind(s))));
    tag(&out, "ID", s.id);
    for (const QString &author : s.citation.authors)
        tag(&out, "AU", risAuthor(author));
    tag(&out, "TI", s.citation.title);
    tag(&out, "T2", s.citation.journal);
    tag(&out, "JO", s.citation.journal);
    if (s.citation.year > 0)
        tag(&out, "PY", QString::number(s.citation.year));
    tag(&out, "VL", s.citation.volume);
    tag(&out, "IS", s.citation.issue);
    if (exportablePages(s)) {
        const QString &pages = s.citation.pages;
        qsizetype dash = pages.indexOf(u'-');
        if (const qsizetype en = pages.indexOf(QChar(0x2013)); en >= 0 && (dash < 0 || en < dash))
            dash = en;
        if (dash > 0) {
            tag(&out, "SP", pages.left(dash).trimmed());
            tag(&out, "EP", pages.mid(dash + 1).trimmed());
        } else {
            tag(&out, "SP", pages);
        }
    }
    tag(&out, "DO", s.ids.doi);
    tag(&out, "AN", s.ids.pmid);
    tag(&out, "C2", s.ids.pmcid);
    tag(&out, "AB", s.abstract);
    for (const QString &keyword : s.keywords)
        tag(&out, "KW", keyword);
    for (const QString &note : exportNotes(s))
        tag(&out, "N1", note);
    out.append("ER  - \r\n\r\n");
    return out;
}

} // namespace mgreview
