#include "importexport/bibtexexport.h"

#include "importexport/bibtexescape.h"
#include "importexport/exportfields.h"

namespace mgreview {

namespace {

void field(QString *out, const char *name, const QString &escapedValue)
{
    if (escapedValue.isEmpty())
        return;
    *out += QStringLiteral(",\n  ") + QLatin1StringView(name) + QStringLiteral(" = {") + escapedValue + u'}';
}

QString bibtexAuthors(const QStringList &authors)
{
    QStringList names;
    names.reserve(authors.size());
    for (const QString &author : authors) {
        const AuthorName name = splitAuthor(author);
        // A group author in braces, or BibTeX would take its last word for a surname.
        if (name.isPerson())
            names.append(bibtexEscape(name.surname) + QStringLiteral(", ") + name.dottedInitials());
        else
            names.append(u'{' + bibtexEscape(name.surname) + u'}');
    }
    return names.join(QStringLiteral(" and "));
}

// Identifiers are printed through \url or \href by most styles: escaping them would change
// them. Only braces, which would unbalance the entry, are removed.
QString identifier(const QString &value)
{
    QString out = value;
    out.remove(u'{').remove(u'}');
    return out;
}

} // namespace

QString BibtexKeys::keyFor(const QString &studyId)
{
    QString key;
    key.reserve(studyId.size());
    for (const QChar c : studyId) {
        const bool allowed = (c.unicode() < 128 && c.isLetterOrNumber()) || c == u'_' || c == u'-' || c == u':'
                             || c == u'.';
        key += allowed ? c : u'_';
    }
    if (key.isEmpty())
        key = QStringLiteral("study");
    if (!m_used.contains(key)) {
        m_used.insert(key);
        return key;
    }
    for (int n = 0;; ++n) {
        // a, b, …, z, aa, ab, …
        QString suffix;
        for (int v = n; v >= 0; v = v / 26 - 1)
            suffix.prepend(QChar(u'a' + v % 26));
        const QString candidate = key + suffix;
        if (!m_used.contains(candidate)) {
            m_used.insert(candidate);
            return candidate;
        }
    }
}

QByteArray bibtexHeader()
{
    return QByteArrayLiteral("% Encoding: UTF-8\n% Exported by MgReview (docs/formats/export.md).\n\n");
}

QByteArray bibtexEntry(const Study &s, const QString &key)
{
    const bool article = referenceKind(s) == ReferenceKind::JournalArticle;
    QString out = (article ? QStringLiteral("@article{") : QStringLiteral("@misc{")) + key;
    field(&out, "author", bibtexAuthors(s.citation.authors));
    field(&out, "title", bibtexTitle(singleLine(s.citation.title)));
    field(&out, article ? "journal" : "howpublished", bibtexEscape(singleLine(s.citation.journal)));
    if (s.citation.year > 0)
        field(&out, "year", QString::number(s.citation.year));
    field(&out, "volume", bibtexEscape(s.citation.volume));
    field(&out, "number", bibtexEscape(s.citation.issue));
    if (exportablePages(s)) {
        QString pages = s.citation.pages;
        pages.replace(QChar(0x2013), u'-');
        const qsizetype dash = pages.indexOf(u'-');
        if (dash > 0 && pages.indexOf(QStringLiteral("--")) < 0)
            pages.replace(dash, 1, QStringLiteral("--"));
        // The range's "--" is meant as LaTeX's dash: not the protected "-{}-" of plain text.
        field(&out, "pages", bibtexEscape(pages).replace(QStringLiteral("-{}-"), QStringLiteral("--")));
    }
    field(&out, "doi", identifier(s.ids.doi));
    field(&out, "pmid", identifier(s.ids.pmid));
    field(&out, "pmcid", identifier(s.ids.pmcid));
    field(&out, "abstract", bibtexEscape(s.abstract));
    field(&out, "keywords", bibtexEscape(s.keywords.join(QStringLiteral(", "))));
    field(&out, "note", bibtexEscape(exportNotes(s).join(u'\n')));
    out += QStringLiteral("\n}\n\n");
    return out.toUtf8();
}

} // namespace mgreview
