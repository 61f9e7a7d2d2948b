#include "importexport/bibtexreader.h"

#include "importexport/exportnotesreader.h"
#include "importexport/latextounicode.h"
#include "importexport/recordfields.h"

#include <QHash>
#include <QMap>

#include <algorithm>

namespace mgreview {

namespace {

struct BibEntry {
    QString type; ///< lower case
    QString key;
    QMap<QString, QString> fields; ///< lower-case name -> raw value (macros expanded, LaTeX kept)
    int line = 0;
};

class BibParser
{
public:
    BibParser(QStringView text, const QString &file) : m_text(text), m_file(file)
    {
        m_lineStarts.append(0);
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text.at(i) == u'\n' || (text.at(i) == u'\r' && (i + 1 >= text.size() || text.at(i + 1) != u'\n')))
                m_lineStarts.append(i + 1);
        }
        static const char *months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int m = 0; m < 12; ++m)
            m_macros.insert(QString::fromLatin1(months[m]), QString::number(m + 1));
    }

    QVector<BibEntry> entries;
    QVector<ImportIssue> issues;

    void parse()
    {
        while (true) {
            const qsizetype at = m_text.indexOf(u'@', m_pos);
            if (at < 0)
                return;
            m_pos = at + 1;
            const qsizetype start = at;
            QString type = identifier().toLower();
            if (type.isEmpty())
                continue; // an e-mail address in a comment
            skipSpace();
            if (type == u"comment" && (m_pos >= m_text.size() || m_text.at(m_pos) != u'{')) {
                // "@Comment text…": a comment to the end of the line.
                while (m_pos < m_text.size() && m_text.at(m_pos) != u'\n' && m_text.at(m_pos) != u'\r')
                    ++m_pos;
                continue;
            }
            if (m_pos >= m_text.size() || (m_text.at(m_pos) != u'{' && m_text.at(m_pos) != u'(')) {
                issue(start, QStringLiteral("'@%1' is not followed by '{' or '('; skipped").arg(type));
                continue;
            }
            const QChar close = m_text.at(m_pos) == u'{' ? u'}' : u')';
            ++m_pos;
            if (type == u"comment") {
                skipGroup(close);
                continue;
            }
            if (type == u"preamble") {
                skipGroup(close);
                continue;
            }
            if (!(type == u"string" ? parseString(start, close) : parseEntry(type, start, close))) {
                // Resynchronise at the next '@' that starts a line.
                qsizetype next = m_pos;
                while (true) {
                    next = m_text.indexOf(u'@', next);
                    if (next < 0 || next == 0 || m_text.at(next - 1) == u'\n' || m_text.at(next - 1) == u'\r')
                        break;
                    ++next;
                }
                m_pos = next < 0 ? m_text.size() : next;
            }
        }
    }

    int lineOf(qsizetype offset) const
    {
        return int(std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), offset) - m_lineStarts.cbegin());
    }

private:
    void issue(qsizetype offset, const QString &reason) { issues.append({m_file, lineOf(offset), reason}); }

    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }

    QString identifier()
    {
        skipSpace();
        const qsizetype start = m_pos;
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos);
            if (c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u':' || c == u'.' || c == u'+' || c == u'/')
                ++m_pos;
            else
                break;
        }
        return m_text.sliced(start, m_pos - start).toString();
    }

    void skipGroup(QChar close)
    {
        int depth = 1;
        while (m_pos < m_text.size() && depth > 0) {
            const QChar c = m_text.at(m_pos++);
            if (c == u'{' || (close == u')' && c == u'('))
                ++depth;
            else if (c == u'}' || (close == u')' && c == u')'))
                --depth;
        }
    }

    /// At a line break inside a value: does the next line start a new entry ("@article{")?
    /// Then the value was never closed; reading resumes at that entry.
    bool newEntryFollows(qsizetype lineBreak) const
    {
        qsizetype i = lineBreak + 1;
        while (i < m_text.size() && (m_text.at(i) == u' ' || m_text.at(i) == u'\t' || m_text.at(i) == u'\r' ||
                                     m_text.at(i) == u'\n'))
            ++i;
        if (i >= m_text.size() || m_text.at(i) != u'@')
            return false;
        ++i;
        const qsizetype nameStart = i;
        while (i < m_text.size() && m_text.at(i).isLetter())
            ++i;
        return i > nameStart && i < m_text.size() && (m_text.at(i) == u'{' || m_text.at(i) == u'(');
    }

    // A value: parts joined by '#'. Returns nullopt on a syntax error (reported).
    std::optional<QString> value(qsizetype entryStart)
    {
        QString out;
        while (true) {
            skipSpace();
            if (m_pos >= m_text.size()) {
                issue(entryStart, QStringLiteral("entry is not closed before the end of the file; skipped"));
                return std::nullopt;
            }
            const QChar c = m_text.at(m_pos);
            if (c == u'{') {
                const qsizetype start = ++m_pos;
                int depth = 1;
                while (m_pos < m_text.size() && depth > 0) {
                    const QChar d = m_text.at(m_pos);
                    if (d == u'\\') {
                        m_pos += 2;
                        continue;
                    }
                    if (d == u'{')
                        ++depth;
                    else if (d == u'}')
                        --depth;
                    else if (d == u'\n' && newEntryFollows(m_pos))
                        break;
                    ++m_pos;
                }
                if (depth > 0) {
                    issue(start - 1, QStringLiteral("unbalanced braces: '{' is never closed; entry skipped"));
                    return std::nullopt;
                }
                out += m_text.sliced(start, m_pos - 1 - start);
            } else if (c == u'"') {
                const qsizetype start = ++m_pos;
                int depth = 0;
                while (m_pos < m_text.size()) {
                    const QChar d = m_text.at(m_pos);
                    if (d == u'\\') {
                        m_pos += 2;
                        continue;
                    }
                    if (d == u'{')
                        ++depth;
                    else if (d == u'}')
                        --depth;
                    else if (d == u'"' && depth == 0)
                        break;
                    else if (d == u'\n' && newEntryFollows(m_pos)) {
                        m_pos = m_text.size() + 1; // reported below; resume at the next entry
                        break;
                    }
                    ++m_pos;
                }
                if (m_pos >= m_text.size()) {
                    if (m_pos > m_text.size())
                        m_pos = start; // the resynchronisation finds the next entry from here
                    issue(start - 1, QStringLiteral("a quoted value is never closed; entry skipped"));
                    return std::nullopt;
                }
                out += m_text.sliced(start, m_pos - start);
                ++m_pos;
            } else if (c.isDigit()) {
                const qsizetype start = m_pos;
                while (m_pos < m_text.size() && m_text.at(m_pos).isDigit())
                    ++m_pos;
                out += m_text.sliced(start, m_pos - start);
            } else {
                const qsizetype start = m_pos;
                const QString name = identifier();
                if (name.isEmpty()) {
                    issue(start, QStringLiteral("unexpected '%1' where a value should be; entry skipped").arg(c));
                    return std::nullopt;
                }
                const auto it = m_macros.constFind(name.toLower());
                if (it == m_macros.cend())
                    issue(start, QStringLiteral("undefined @string macro '%1' read as empty").arg(name));
                else
                    out += *it;
            }
            skipSpace();
            if (m_pos < m_text.size() && m_text.at(m_pos) == u'#') {
                ++m_pos;
                continue;
            }
            return out;
        }
    }

    bool parseString(qsizetype start, QChar close)
    {
        const QString name = identifier().toLower();
        skipSpace();
        if (name.isEmpty() || m_pos >= m_text.size() || m_text.at(m_pos) != u'=') {
            issue(start, QStringLiteral("@string needs 'name = value'; skipped"));
            return false;
        }
        ++m_pos;
        const std::optional<QString> v = value(start);
        if (!v)
            return false;
        m_macros.insert(name, *v);
        skipSpace();
        if (m_pos < m_text.size() && m_text.at(m_pos) == close)
            ++m_pos;
        return true;
    }

    bool parseEntry(const QString &type, qsizetype start, QChar close)
    {
        BibEntry entry;
        entry.type = type;
        entry.line = lineOf(start);
        skipSpace();
        // The key runs to the first comma (BibLaTeX keys may hold almost anything).
        const qsizetype keyStart = m_pos;
        while (m_pos < m_text.size() && m_text.at(m_pos) != u',' && m_text.at(m_pos) != close &&
               m_text.at(m_pos) != u'\n' && m_text.at(m_pos) != u'=')
            ++m_pos;
        if (m_pos < m_text.size() && m_text.at(m_pos) == u'=') {
            m_pos = keyStart; // no key: "@article{title = …"
        } else {
            entry.key = m_text.sliced(keyStart, m_pos - keyStart).trimmed().toString();
            skipSpace();
            if (m_pos < m_text.size() && m_text.at(m_pos) == u',')
                ++m_pos;
        }
        while (true) {
            skipSpace();
            if (m_pos >= m_text.size()) {
                issue(start, QStringLiteral("entry '%1' is not closed before the end of the file; skipped").arg(entry.key));
                return false;
            }
            if (m_text.at(m_pos) == close) {
                ++m_pos;
                break;
            }
            if (m_text.at(m_pos) == u'@') {
                issue(start, QStringLiteral("entry '%1' is not closed before the next '@' (line %2); skipped")
                                 .arg(entry.key)
                                 .arg(lineOf(m_pos)));
                return false;
            }
            const qsizetype fieldStart = m_pos;
            const QString name = identifier().toLower();
            skipSpace();
            if (name.isEmpty() || m_pos >= m_text.size() || m_text.at(m_pos) != u'=') {
                issue(fieldStart, QStringLiteral("expected 'field = value' in entry '%1'; entry skipped").arg(entry.key));
                return false;
            }
            ++m_pos;
            const std::optional<QString> v = value(start);
            if (!v)
                return false;
            if (entry.fields.contains(name))
                issue(fieldStart, QStringLiteral("second '%1' field in entry '%2'; the first was kept").arg(name, entry.key));
            else
                entry.fields.insert(name, *v);
            skipSpace();
            if (m_pos < m_text.size() && m_text.at(m_pos) == u',')
                ++m_pos;
        }
        entries.append(entry);
        return true;
    }

    QStringView m_text;
    QString m_file;
    qsizetype m_pos = 0;
    QVector<qsizetype> m_lineStarts;
    QHash<QString, QString> m_macros;
};

QStringList splitAuthors(const QString &value)
{
    // " and " at brace depth 0 separates names.
    QStringList out;
    int depth = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c == u'{')
            ++depth;
        else if (c == u'}')
            --depth;
        else if (depth == 0 && c.isSpace() && value.mid(i + 1, 4).compare(QStringLiteral("and "), Qt::CaseInsensitive) == 0) {
            out.append(value.mid(start, i - start));
            i += 4;
            start = i + 1;
        }
    }
    out.append(value.mid(start));
    return out;
}

QString typeName(const QString &type)
{
    static const QHash<QString, QString> names{
        {QStringLiteral("article"), QStringLiteral("Journal Article")},
        {QStringLiteral("book"), QStringLiteral("Book")},
        {QStringLiteral("inbook"), QStringLiteral("Book Chapter")},
        {QStringLiteral("incollection"), QStringLiteral("Book Chapter")},
        {QStringLiteral("inproceedings"), QStringLiteral("Conference Paper")},
        {QStringLiteral("conference"), QStringLiteral("Conference Paper")},
        {QStringLiteral("proceedings"), QStringLiteral("Conference Proceeding")},
        {QStringLiteral("phdthesis"), QStringLiteral("Thesis")},
        {QStringLiteral("mastersthesis"), QStringLiteral("Thesis")},
        {QStringLiteral("thesis"), QStringLiteral("Thesis")},
        {QStringLiteral("techreport"), QStringLiteral("Report")},
        {QStringLiteral("report"), QStringLiteral("Report")},
        {QStringLiteral("online"), QStringLiteral("Web Page")},
        {QStringLiteral("misc"), QStringLiteral("Generic")},
        {QStringLiteral("unpublished"), QStringLiteral("Unpublished Work")},
    };
    return names.value(type, type);
}

Study studyFromEntry(const BibEntry &e, const QString &file)
{
    auto field = [&](const char *name) { return latexToUnicode(e.fields.value(QString::fromLatin1(name))); };
    Study s;
    s.citation.title = field("title");
    // A collection or proceedings is named by its booktitle; an edited book by its editors.
    const bool titledByBook = s.citation.title.isEmpty();
    if (titledByBook)
        s.citation.title = field("booktitle");
    if (s.citation.title.isEmpty())
        s.citation.title = field("shorttitle");
    QString authors = e.fields.value(QStringLiteral("author"));
    if (authors.trimmed().isEmpty())
        authors = e.fields.value(QStringLiteral("editor"));
    if (!authors.trimmed().isEmpty()) {
        for (const QString &a : splitAuthors(authors)) {
            const QString raw = a.trimmed();
            // {Corporate Name} stays whole; the rest goes through LaTeX first.
            const bool corporate = raw.startsWith(u'{') && raw.endsWith(u'}') && raw.count(u'{') == 1;
            const QString name = corporate ? latexToUnicode(raw) : normaliseAuthorName(latexToUnicode(raw));
            if (!name.isEmpty() && name.compare(QStringLiteral("others"), Qt::CaseInsensitive) != 0)
                s.citation.authors.append(name);
        }
    }
    s.citation.journal = field("journal");
    if (s.citation.journal.isEmpty())
        s.citation.journal = field("journaltitle");
    if (s.citation.journal.isEmpty() && !titledByBook)
        s.citation.journal = field("booktitle");
    s.citation.year = yearFromText(field("year"));
    if (s.citation.year == 0)
        s.citation.year = yearFromText(field("date"));
    s.citation.volume = field("volume");
    s.citation.issue = field("number");
    if (s.citation.issue.isEmpty())
        s.citation.issue = field("issue");
    s.citation.pages = field("pages").replace(QChar(0x2013), u'-').replace(QChar(0x2014), u'-');
    s.ids.doi = cleanDoi(e.fields.value(QStringLiteral("doi")));
    s.ids.pmid = field("pmid");
    if (s.ids.pmid.isEmpty() && field("eprinttype").compare(QStringLiteral("pubmed"), Qt::CaseInsensitive) == 0)
        s.ids.pmid = field("eprint");
    s.ids.pmcid = field("pmcid");
    s.abstract = field("abstract");
    const QString keywords = field("keywords").isEmpty() ? field("keyword") : field("keywords");
    if (!keywords.isEmpty()) {
        const QChar separator = keywords.contains(u';') ? u';' : u',';
        for (const QString &k : keywords.split(separator, Qt::SkipEmptyParts))
            s.keywords.append(k.trimmed());
    }
    s.publicationTypes.append(typeName(e.type));
    const QString funding = field("funding");
    if (!funding.isEmpty())
        s.funding.statement = funding;
    // One note per line; our own exports label theirs (funding, conclusions, …): read them back.
    QStringList noteLines;
    for (const QString &line : e.fields.value(QStringLiteral("note")).split(u'\n')) {
        if (const QString text = latexToUnicode(line); !text.isEmpty())
            noteLines.append(text);
    }
    Study read = s;
    const ExportNotesReading notes = readExportNotes(noteLines, &read);
    if (notes.fromExport) {
        s = read;
        if (s.citation.journal.isEmpty())
            s.citation.journal = field("howpublished"); // our @misc entries name the journal there
        if (!notes.unread.isEmpty())
            s.extraFacts.append({QStringLiteral("Note (BibTeX)"), notes.unread.join(u'\n')});
    } else if (const QString note = field("note"); !note.isEmpty()) {
        s.extraFacts.append({QStringLiteral("Note (BibTeX)"), note}); // others wrap lines freely: one text
    }
    if (notes.fromExport && isStudyIdText(e.key))
        s.id = e.key; // our export's key is the study id
    else if (!e.key.isEmpty())
        s.extraFacts.append({QStringLiteral("BibTeX key"), e.key});
    s.sources.append(QStringLiteral("Imported from %1").arg(file));
    finishImportedStudy(s);
    return s;
}

} // namespace

ReadResult readBibtex(QStringView text, const QString &file)
{
    BibParser parser(text, file);
    parser.parse();
    ReadResult result;
    result.format = ImportFormat::Bibtex;
    result.issues = parser.issues;
    // crossref: an entry inherits the fields it lacks from the entry it names.
    QHash<QString, int> byKey;
    for (int i = 0; i < parser.entries.size(); ++i)
        byKey.insert(parser.entries.at(i).key.toLower(), i);
    for (BibEntry &e : parser.entries) {
        const QString ref = e.fields.value(QStringLiteral("crossref")).trimmed().toLower();
        if (ref.isEmpty())
            continue;
        const auto it = byKey.constFind(ref);
        if (it == byKey.cend()) {
            result.issues.append({file, e.line, QStringLiteral("crossref '%1' names no entry of this file").arg(ref)});
            continue;
        }
        const BibEntry &parent = parser.entries.at(*it);
        for (auto f = parent.fields.cbegin(); f != parent.fields.cend(); ++f) {
            if (!e.fields.contains(f.key()))
                e.fields.insert(f.key(), f.value());
        }
        // A proceedings' title is its child's booktitle.
        if (!e.fields.contains(QStringLiteral("booktitle")) && parent.fields.contains(QStringLiteral("title")))
            e.fields.insert(QStringLiteral("booktitle"), parent.fields.value(QStringLiteral("title")));
    }
    for (const BibEntry &e : std::as_const(parser.entries)) {
        Study s = studyFromEntry(e, file);
        if (s.citation.title.isEmpty() && s.citation.authors.isEmpty() && s.ids.doi.isEmpty() &&
            s.ids.pmid.isEmpty() && s.abstract.isEmpty()) {
            result.issues.append({file, e.line, QStringLiteral("entry '%1' has no title, author, abstract, DOI or PMID; "
                                                               "skipped")
                                                    .arg(e.key)});
            continue;
        }
        result.records.append({std::move(s), file, e.line});
    }
    return result;
}

} // namespace mgreview
