#include "importexport/csvimportreader.h"

#include "importexport/csvownexport.h"
#include "importexport/recordfields.h"

#include <QHash>

namespace mgreview {

namespace {

enum class Column { None, Title, Abstract, Authors, AuthorsFull, Year, Date, Doi, Pmid, Journal, Volume, Issue,
                    Pages, StartPage, EndPage, Keywords, Type, FundingText, FundingDetails };

Column columnFor(const QString &header)
{
    QString h = header.trimmed().toLower();
    h.replace(u'_', u' ');
    h = h.simplified();
    static const QHash<QString, Column> names{
        {QStringLiteral("title"), Column::Title},
        {QStringLiteral("article title"), Column::Title},
        {QStringLiteral("document title"), Column::Title},
        {QStringLiteral("primary title"), Column::Title},
        {QStringLiteral("ti"), Column::Title},
        {QStringLiteral("abstract"), Column::Abstract},
        {QStringLiteral("abstract note"), Column::Abstract},
        {QStringLiteral("abstract text"), Column::Abstract},
        {QStringLiteral("ab"), Column::Abstract},
        {QStringLiteral("authors"), Column::Authors},
        {QStringLiteral("author"), Column::Authors},
        {QStringLiteral("author names"), Column::Authors},
        {QStringLiteral("first authors"), Column::Authors},
        {QStringLiteral("au"), Column::Authors},
        {QStringLiteral("author full names"), Column::AuthorsFull},
        {QStringLiteral("year"), Column::Year},
        {QStringLiteral("publication year"), Column::Year},
        {QStringLiteral("py"), Column::Year},
        {QStringLiteral("date"), Column::Date},
        {QStringLiteral("publication date"), Column::Date},
        {QStringLiteral("doi"), Column::Doi},
        {QStringLiteral("pmid"), Column::Pmid},
        {QStringLiteral("pubmed id"), Column::Pmid},
        {QStringLiteral("medline pmid"), Column::Pmid},
        {QStringLiteral("journal"), Column::Journal},
        {QStringLiteral("publication title"), Column::Journal},
        {QStringLiteral("source title"), Column::Journal},
        {QStringLiteral("source"), Column::Journal},
        {QStringLiteral("secondary title"), Column::Journal},
        {QStringLiteral("journal title"), Column::Journal},
        {QStringLiteral("journal/book"), Column::Journal},
        {QStringLiteral("so"), Column::Journal},
        {QStringLiteral("volume"), Column::Volume},
        {QStringLiteral("vl"), Column::Volume},
        {QStringLiteral("issue"), Column::Issue},
        {QStringLiteral("number"), Column::Issue},
        {QStringLiteral("is"), Column::Issue},
        {QStringLiteral("pages"), Column::Pages},
        {QStringLiteral("page"), Column::Pages},
        {QStringLiteral("start page"), Column::StartPage},
        {QStringLiteral("page start"), Column::StartPage},
        {QStringLiteral("end page"), Column::EndPage},
        {QStringLiteral("page end"), Column::EndPage},
        {QStringLiteral("keywords"), Column::Keywords},
        {QStringLiteral("manual tags"), Column::Keywords},
        {QStringLiteral("author keywords"), Column::Keywords},
        {QStringLiteral("index keywords"), Column::Keywords},
        {QStringLiteral("kw"), Column::Keywords},
        {QStringLiteral("item type"), Column::Type},
        {QStringLiteral("document type"), Column::Type},
        {QStringLiteral("publication type"), Column::Type},
        {QStringLiteral("type of reference"), Column::Type},
        {QStringLiteral("funding text 1"), Column::FundingText},
        {QStringLiteral("funding text"), Column::FundingText},
        {QStringLiteral("funding details"), Column::FundingDetails},
    };
    return names.value(h, Column::None);
}

QChar detectDelimiter(QStringView text)
{
    // Count candidates in the first line, outside quotes.
    int comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && (c == u'\n' || c == u'\r'))
            break;
        else if (!quoted && c == u',')
            ++comma;
        else if (!quoted && c == u';')
            ++semicolon;
        else if (!quoted && c == u'\t')
            ++tab;
    }
    if (tab >= comma && tab >= semicolon && tab > 0)
        return u'\t';
    if (semicolon > comma)
        return u';';
    return u',';
}

/// RFC 4180 rows with the line each starts on.
struct CsvRow {
    QStringList fields;
    int line = 0;
};

class CsvScanner
{
public:
    CsvScanner(QStringView text, QChar delimiter) : m_text(text), m_delimiter(delimiter) {}

    bool next(CsvRow *row)
    {
        if (m_pos >= m_text.size())
            return false;
        row->fields.clear();
        row->line = m_line;
        QString field;
        bool quoted = false;
        bool wasQuoted = false;
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos++);
            if (quoted) {
                if (c == u'"') {
                    if (m_pos < m_text.size() && m_text.at(m_pos) == u'"') {
                        field += u'"';
                        ++m_pos;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == u'\n' || (c == u'\r' && (m_pos >= m_text.size() || m_text.at(m_pos) != u'\n')))
                        ++m_line;
                    field += c;
                }
                continue;
            }
            if (c == u'"' && field.isEmpty() && !wasQuoted) {
                quoted = wasQuoted = true;
            } else if (c == m_delimiter) {
                row->fields.append(field);
                field.clear();
                wasQuoted = false;
            } else if (c == u'\n' || c == u'\r') {
                if (c == u'\r' && m_pos < m_text.size() && m_text.at(m_pos) == u'\n')
                    ++m_pos;
                ++m_line;
                break;
            } else {
                field += c;
            }
        }
        row->fields.append(field);
        if (quoted)
            unclosedQuote = row->line;
        return true;
    }

    int unclosedQuote = 0;

private:
    QStringView m_text;
    QChar m_delimiter;
    qsizetype m_pos = 0;
    int m_line = 1;
};

QStringList splitCsvAuthors(const QString &value)
{
    QString v = value.trimmed();
    if (v.isEmpty())
        return {};
    QStringList parts;
    if (v.contains(u';'))
        parts = v.split(u';', Qt::SkipEmptyParts);
    else if (v.contains(QStringLiteral(" and ")))
        parts = v.split(QStringLiteral(" and "), Qt::SkipEmptyParts);
    else if (v.contains(u'\n'))
        parts = v.split(u'\n', Qt::SkipEmptyParts);
    else if (v.contains(u',')) {
        const QStringList pieces = v.split(u',', Qt::SkipEmptyParts);
        // Scopus/Embase "Smith J., Doe J.A.": every piece is a whole name with initials.
        const bool wholeNames = std::all_of(pieces.cbegin(), pieces.cend(), [](const QString &p) {
            return p.trimmed().contains(u' ');
        });
        parts = (wholeNames && pieces.size() > 1) ? pieces : QStringList{v};
    } else {
        parts = {v};
    }
    QStringList out;
    for (const QString &p : std::as_const(parts)) {
        QString name = p.trimmed();
        // Scopus "Author full names": "Smith, John (57190000000)".
        const qsizetype paren = name.indexOf(QStringLiteral(" ("));
        if (paren > 0 && name.endsWith(u')'))
            name.truncate(paren);
        name = normaliseAuthorName(name);
        if (!name.isEmpty())
            out.append(name);
    }
    return out;
}

} // namespace

ReadResult readCsv(QStringView text, const QString &file)
{
    ReadResult result;
    result.format = ImportFormat::Csv;
    if (text.trimmed().isEmpty()) {
        result.issues.append({file, 0, QStringLiteral("the file is empty")});
        return result;
    }
    CsvScanner scanner(text, detectDelimiter(text));
    CsvRow header;
    scanner.next(&header);
    QVector<Column> columns;
    bool useful = false;
    for (const QString &name : std::as_const(header.fields)) {
        columns.append(columnFor(name));
        useful = useful || columns.constLast() == Column::Title || columns.constLast() == Column::Abstract ||
                 columns.constLast() == Column::Doi || columns.constLast() == Column::Pmid;
    }
    if (!useful) {
        result.issues.append({file, header.line, QStringLiteral("no title, abstract, DOI or PMID column in the header; "
                                                                "nothing was read (see docs/formats/import.md#csv)")});
        return result;
    }
    const bool ownExport = isOwnCsvExportHeader(header.fields); // ours: read every column we write
    CsvRow row;
    while (scanner.next(&row)) {
        if (row.fields.size() == 1 && row.fields.constFirst().trimmed().isEmpty())
            continue; // blank line
        if (row.fields.size() != columns.size())
            result.issues.append({file, row.line, QStringLiteral("row has %1 fields, the header %2; read as far as "
                                                                 "they match")
                                                      .arg(row.fields.size())
                                                      .arg(columns.size())});
        Study s;
        QString startPage, endPage, date;
        QStringList fullAuthors;
        for (qsizetype i = 0; i < row.fields.size() && i < columns.size(); ++i) {
            const QString value = row.fields.at(i).trimmed();
            if (value.isEmpty())
                continue;
            switch (columns.at(i)) {
            case Column::None: break;
            case Column::Title: if (s.citation.title.isEmpty()) s.citation.title = value; break;
            case Column::Abstract: if (s.abstract.isEmpty()) s.abstract = value; break;
            case Column::Authors: if (s.citation.authors.isEmpty()) s.citation.authors = splitCsvAuthors(value); break;
            case Column::AuthorsFull: fullAuthors = splitCsvAuthors(value); break;
            case Column::Year: if (!s.citation.year) s.citation.year = yearFromText(value); break;
            case Column::Date: date = value; break;
            case Column::Doi: if (s.ids.doi.isEmpty()) s.ids.doi = cleanDoi(value); break;
            case Column::Pmid: if (s.ids.pmid.isEmpty()) s.ids.pmid = value; break;
            case Column::Journal: if (s.citation.journal.isEmpty()) s.citation.journal = value; break;
            case Column::Volume: s.citation.volume = value; break;
            case Column::Issue: if (s.citation.issue.isEmpty()) s.citation.issue = value; break;
            case Column::Pages: s.citation.pages = value; break;
            case Column::StartPage: startPage = value; break;
            case Column::EndPage: endPage = value; break;
            case Column::Keywords:
                for (const QString &k : value.split(value.contains(u';') ? u';' : u',', Qt::SkipEmptyParts))
                    s.keywords.append(k.trimmed());
                break;
            case Column::Type: s.publicationTypes.append(value); break;
            case Column::FundingText: if (s.funding.statement.isEmpty()) s.funding.statement = value; break;
            case Column::FundingDetails: s.funding.notes = QStringLiteral("Funding details (export): ") + value; break;
            }
        }
        if (s.citation.authors.isEmpty())
            s.citation.authors = fullAuthors;
        if (!s.citation.year)
            s.citation.year = yearFromText(date);
        if (s.citation.pages.isEmpty()) {
            s.citation.pages = startPage;
            if (!endPage.isEmpty() && endPage != startPage)
                s.citation.pages += (startPage.isEmpty() ? QString() : QStringLiteral("-")) + endPage;
        }
        if (ownExport)
            readOwnCsvRow(header.fields, row.fields, &s);
        s.sources.append(QStringLiteral("Imported from %1").arg(file));
        finishImportedStudy(s);
        if (s.citation.title.isEmpty() && s.citation.authors.isEmpty() && s.ids.doi.isEmpty() && s.ids.pmid.isEmpty() &&
            s.abstract.isEmpty()) {
            result.issues.append({file, row.line, QStringLiteral("row has no title, authors, abstract, DOI or PMID; "
                                                                 "skipped")});
            continue;
        }
        result.records.append({std::move(s), file, row.line});
    }
    if (scanner.unclosedQuote)
        result.issues.append({file, scanner.unclosedQuote, QStringLiteral("a quoted field is never closed; the row "
                                                                          "runs to the end of the file")});
    return result;
}

} // namespace mgreview
