#include "importexport/risreader.h"

#include "importexport/exportnotesreader.h"
#include "importexport/recordfields.h"
#include "importexport/textdecoding.h"

#include <QtConcurrent/QtConcurrentMap>
#include <QRegularExpression>
#include <QThread>

namespace mgreview {

namespace {

/// "TY  - JOUR" -> ("TY", "JOUR"). Lenient: one or two spaces before the dash, no value.
bool splitTagLine(QStringView line, QStringView *tag, QStringView *value)
{
    if (line.size() < 4)
        return false;
    const QChar a = line.at(0), b = line.at(1);
    if (!(a >= u'A' && a <= u'Z') || !((b >= u'A' && b <= u'Z') || (b >= u'0' && b <= u'9')))
        return false;
    qsizetype i = 2;
    int spaces = 0;
    while (i < line.size() && line.at(i) == u' ' && spaces < 3) {
        ++i;
        ++spaces;
    }
    if (spaces < 1 || i >= line.size() || line.at(i) != u'-')
        return false;
    ++i;
    if (i < line.size() && line.at(i) != u' ')
        return false; // "AB -text" is prose, not a tag
    *tag = line.first(2);
    *value = i < line.size() ? line.sliced(i).trimmed() : QStringView();
    return true;
}

bool isOvidNumberLine(QStringView line)
{
    // "1." or "12. " — Ovid numbers its records on a line of their own.
    const QStringView t = line.trimmed();
    if (t.size() < 2 || !t.endsWith(u'.'))
        return false;
    for (qsizetype i = 0; i + 1 < t.size(); ++i) {
        if (!t.at(i).isDigit())
            return false;
    }
    return true;
}

QString typeName(QStringView code)
{
    static const QHash<QString, QString> names{
        {QStringLiteral("JOUR"), QStringLiteral("Journal Article")},
        {QStringLiteral("EJOUR"), QStringLiteral("Journal Article")},
        {QStringLiteral("ABST"), QStringLiteral("Abstract")},
        {QStringLiteral("BOOK"), QStringLiteral("Book")},
        {QStringLiteral("CHAP"), QStringLiteral("Book Chapter")},
        {QStringLiteral("CONF"), QStringLiteral("Conference Proceeding")},
        {QStringLiteral("CPAPER"), QStringLiteral("Conference Paper")},
        {QStringLiteral("THES"), QStringLiteral("Thesis")},
        {QStringLiteral("RPRT"), QStringLiteral("Report")},
        {QStringLiteral("ELEC"), QStringLiteral("Web Page")},
        {QStringLiteral("GEN"), QStringLiteral("Generic")},
        {QStringLiteral("NEWS"), QStringLiteral("Newspaper Article")},
        {QStringLiteral("MGZN"), QStringLiteral("Magazine Article")},
        {QStringLiteral("SER"), QStringLiteral("Serial")},
        {QStringLiteral("UNPB"), QStringLiteral("Unpublished Work")},
    };
    return names.value(code.toString(), code.toString());
}

/// Fields of the record being read, kept raw until the record ends.
struct RisRecord {
    int line = 0;       ///< Where it starts.
    bool hasType = false;
    QString type;
    QString title, secondaryTitle, bookTitle;
    QStringList authors;
    QString journalFull, journalOther, journalAbbrev;
    QString year, date;
    QString volume, issue, startPage, endPage;
    QString abstract, abstractN2;
    QStringList keywords;
    QString doi, doiElsewhere;
    QString accession, database;
    QString pmid, pmcid, id; ///< id: the ID tag, the study id in our own exports
    QStringList notes;
    QString language;
    bool empty = true;
};

class RisParser
{
public:
    RisParser(const QString &file, int firstLine) : m_file(file), m_firstLine(firstLine) {}

    ReadResult parse(QStringView text)
    {
        const QVector<QStringView> lines = splitLines(text);
        QString *lastValue = nullptr;  // where an untagged continuation line goes
        QStringList *lastList = nullptr;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const int lineNo = m_firstLine + int(i);
            const QStringView line = lines.at(i);
            QStringView tag, value;
            if (!splitTagLine(line, &tag, &value)) {
                if (line.trimmed().isEmpty()) {
                    flushJunk();
                    continue;
                }
                if (isOvidNumberLine(line) && (!m_open || !m_record.hasType)) {
                    m_ovid = true;
                    continue;
                }
                if (m_open && m_record.hasType) {
                    // Rayyan, EndNote: an untagged line continues the previous tag (tags the
                    // record does not keep, such as AD, drop their continuations too).
                    if (lastList) {
                        lastList->append(line.trimmed().toString());
                    } else if (lastValue) {
                        if (!lastValue->isEmpty())
                            *lastValue += u' ';
                        *lastValue += line.trimmed();
                    }
                    continue;
                }
                if (line.startsWith(QStringLiteral("Link to the ")) && m_ovid)
                    continue; // Ovid prints its links after each record
                junk(lineNo, line);
                continue;
            }
            flushJunk();
            if (tag == u"TY") {
                if (m_open && m_record.hasType && !m_record.empty) {
                    issue(m_record.line, QStringLiteral("record has no ER line before the next TY (line %1); "
                                                        "read up to there")
                                             .arg(lineNo));
                    finishRecord();
                } else if (m_open && !m_record.hasType && !m_ovid) {
                    // Tags outside a record followed by TY: junk. (Ovid prints an "NL  -" line
                    // after each ER: part of the dialect, not worth a message.)
                    issue(m_record.line, QStringLiteral("tag lines outside a record (no TY before them) were ignored"));
                }
                m_record = RisRecord();
                m_record.line = lineNo;
                m_record.hasType = true;
                m_record.type = value.toString();
                m_open = true;
                lastValue = nullptr;
                lastList = nullptr;
                continue;
            }
            if (tag == u"ER") {
                if (!m_open) {
                    issue(lineNo, QStringLiteral("ER line outside a record was ignored"));
                    continue;
                }
                if (!m_record.hasType && !m_record.empty)
                    issue(m_record.line, QStringLiteral("record has no TY line; read as a journal article"));
                finishRecord();
                lastValue = nullptr;
                lastList = nullptr;
                continue;
            }
            if (!m_open) {
                // A tag without TY: keep it; an ER makes it a record, a TY makes it junk.
                m_record = RisRecord();
                m_record.line = lineNo;
                m_open = true;
            }
            lastValue = nullptr;
            lastList = nullptr;
            store(tag, value, lineNo, &lastValue, &lastList);
        }
        flushJunk();
        if (m_open && m_record.hasType && !m_record.empty) {
            issue(m_record.line, QStringLiteral("record has no ER line before the end of the file; read up to there"));
            finishRecord();
        } else if (m_open && !m_record.hasType && !m_ovid) {
            issue(m_record.line, QStringLiteral("tag lines outside a record (no TY before them) were ignored"));
        }
        return std::move(m_result);
    }

private:
    void setOnce(QString *field, QStringView value, QStringView tag, int lineNo, QString **lastValue)
    {
        if (!field->isEmpty()) {
            if (QStringView(*field) != value && !value.isEmpty())
                issue(lineNo, QStringLiteral("second %1 in one record; the first was kept").arg(tag));
            *lastValue = nullptr;
            return;
        }
        *field = value.toString();
        *lastValue = field;
    }

    void store(QStringView tag, QStringView value, int lineNo, QString **lastValue, QStringList **lastList)
    {
        RisRecord &r = m_record;
        if (!value.isEmpty())
            r.empty = false;
        const char16_t a = tag.at(0).unicode(), b = tag.at(1).unicode();
        auto is = [&](char16_t x, char16_t y) { return a == x && b == y; };
        if (is(u'A', u'U') || is(u'A', u'1')) {
            if (!value.isEmpty()) {
                r.authors.append(value.toString());
                *lastValue = &r.authors.last();
            }
        } else if (is(u'T', u'I') || is(u'T', u'1')) {
            setOnce(&r.title, value, tag, lineNo, lastValue);
        } else if (is(u'C', u'T')) {
            if (r.title.isEmpty())
                setOnce(&r.title, value, tag, lineNo, lastValue);
        } else if (is(u'B', u'T')) {
            setOnce(&r.bookTitle, value, tag, lineNo, lastValue);
        } else if (is(u'J', u'F')) {
            setOnce(&r.journalFull, value, tag, lineNo, lastValue);
        } else if (is(u'J', u'O') || is(u'T', u'2')) {
            if (r.journalOther.isEmpty())
                setOnce(&r.journalOther, value, tag, lineNo, lastValue);
        } else if (is(u'J', u'A') || is(u'J', u'2') || is(u'J', u'1')) {
            if (r.journalAbbrev.isEmpty())
                setOnce(&r.journalAbbrev, value, tag, lineNo, lastValue);
        } else if (is(u'P', u'Y') || is(u'Y', u'1')) {
            // The first value that holds a year wins ("PY  - 99" then "PY  - 2001/09/01/").
            if (r.year.isEmpty() || yearFromText(r.year) == 0)
                r.year = value.toString();
        } else if (is(u'D', u'A') || is(u'Y', u'2')) {
            if (r.date.isEmpty())
                r.date = value.toString();
        } else if (is(u'V', u'L')) {
            setOnce(&r.volume, value, tag, lineNo, lastValue);
        } else if (is(u'I', u'S')) {
            setOnce(&r.issue, value, tag, lineNo, lastValue);
        } else if (is(u'S', u'P')) {
            setOnce(&r.startPage, value, tag, lineNo, lastValue);
        } else if (is(u'E', u'P')) {
            setOnce(&r.endPage, value, tag, lineNo, lastValue);
        } else if (is(u'A', u'B')) {
            if (!r.abstract.isEmpty() && !value.isEmpty())
                r.abstract += u' ';
            r.abstract += value;
            *lastValue = &r.abstract;
        } else if (is(u'N', u'2')) {
            if (!r.abstractN2.isEmpty() && !value.isEmpty())
                r.abstractN2 += u' ';
            r.abstractN2 += value;
            *lastValue = &r.abstractN2;
        } else if (is(u'K', u'W')) {
            if (!value.isEmpty())
                r.keywords.append(value.toString());
            *lastList = &r.keywords;
        } else if (is(u'D', u'O')) {
            const QString doi = cleanDoi(value);
            if (r.doi.isEmpty())
                r.doi = doi;
        } else if (is(u'U', u'R') || is(u'L', u'3') || is(u'M', u'3') || is(u'L', u'2')) {
            if (r.doiElsewhere.isEmpty() && value.contains(QStringLiteral("10.")))
                r.doiElsewhere = cleanDoi(value);
        } else if (is(u'A', u'N')) {
            r.accession = value.toString();
        } else if (is(u'D', u'B') || is(u'D', u'P')) {
            r.database += value.toString() + u' ';
        } else if (is(u'I', u'D')) {
            r.id = value.toString();
        } else if (is(u'C', u'2') && value.startsWith(QStringLiteral("PMC"))) {
            r.pmcid = value.toString(); // PubMed's RIS and ours put the PMCID in C2
        } else if (is(u'N', u'1') || is(u'C', u'2') || is(u'M', u'1')) {
            if (!value.isEmpty()) {
                if (r.pmid.isEmpty())
                    r.pmid = pmidIn(value);
                if (a == u'N') {
                    r.notes.append(value.toString());
                    *lastValue = &r.notes.last();
                }
            }
        } else if (is(u'L', u'A')) {
            r.language = value.toString();
        }
        // Other tags (SN, PB, CY, AD, ID, L1, C1-C8, …) carry nothing a study record keeps.
    }

    static QString pmidIn(QStringView text)
    {
        static const QRegularExpression pmid(QStringLiteral("\\bPMID:?\\s*(\\d{1,9})\\b"));
        const QRegularExpressionMatch m = pmid.match(text.toString());
        return m.hasMatch() ? m.captured(1) : QString();
    }

    void finishRecord()
    {
        RisRecord &r = m_record;
        m_open = false;
        if (r.empty) {
            if (r.hasType)
                issue(r.line, QStringLiteral("empty record (TY without fields) was skipped"));
            return;
        }
        ImportedRecord out;
        out.file = m_file;
        out.line = r.line;
        Study &s = out.study;
        s.citation.title = !r.title.isEmpty() ? r.title : r.bookTitle;
        for (const QString &a : std::as_const(r.authors))
            s.citation.authors.append(normaliseAuthorName(a));
        s.citation.journal = !r.journalFull.isEmpty() ? r.journalFull
                             : !r.journalOther.isEmpty() ? r.journalOther
                                                         : r.journalAbbrev;
        s.citation.year = yearFromText(r.year);
        if (s.citation.year == 0)
            s.citation.year = yearFromText(r.date);
        if (s.citation.year == 0 && !r.year.isEmpty())
            issue(r.line, QStringLiteral("no year in '%1'; the year is left empty").arg(r.year));
        s.citation.volume = r.volume;
        s.citation.issue = r.issue;
        s.citation.pages = r.startPage;
        if (!r.endPage.isEmpty() && r.endPage != r.startPage)
            s.citation.pages += (s.citation.pages.isEmpty() ? QString() : QStringLiteral("-")) + r.endPage;
        s.abstract = !r.abstract.isEmpty() ? r.abstract : r.abstractN2;
        s.keywords = r.keywords;
        s.ids.doi = !r.doi.isEmpty() ? r.doi : r.doiElsewhere;
        s.ids.pmid = r.pmid;
        const bool pubmed = r.database.contains(QStringLiteral("PubMed"), Qt::CaseInsensitive) ||
                            r.database.contains(QStringLiteral("MEDLINE"), Qt::CaseInsensitive) ||
                            r.database.contains(QStringLiteral("NLM"));
        const bool numericAccession = !r.accession.isEmpty() &&
            std::all_of(r.accession.cbegin(), r.accession.cend(), [](QChar c) { return c.isDigit(); });
        if (s.ids.pmid.isEmpty() && pubmed && numericAccession)
            s.ids.pmid = r.accession;
        if (!r.type.isEmpty())
            s.publicationTypes.append(typeName(r.type));
        s.ids.pmcid = r.pmcid;
        // Our own exports label their N1 lines (funding, conclusions, …): read them back. In
        // ours AN is the PMID (no DB line says PubMed) and ID the study id.
        const ExportNotesReading notes = readExportNotes(r.notes, &s);
        if (notes.fromExport) {
            s.ids.pmid = numericAccession ? r.accession : QString();
            s.id = isStudyIdText(r.id) ? r.id : QString();
        }
        if (!notes.unread.isEmpty())
            s.extraFacts.append({QStringLiteral("Notes (RIS N1)"), notes.unread.join(u'\n')});
        if (!r.language.isEmpty())
            s.extraFacts.append({QStringLiteral("Language"), r.language});
        s.sources.append(QStringLiteral("Imported from %1").arg(m_file));
        finishImportedStudy(s);
        if (s.citation.title.isEmpty() && s.citation.authors.isEmpty() && s.ids.doi.isEmpty() &&
            s.ids.pmid.isEmpty() && s.abstract.isEmpty()) {
            issue(r.line, QStringLiteral("record has no title, authors, abstract, DOI or PMID; it was skipped"));
            return;
        }
        m_result.records.append(std::move(out));
    }

    void junk(int lineNo, QStringView line)
    {
        if (m_junkCount++ == 0) {
            m_junkLine = lineNo;
            m_junkText = line.trimmed().left(40).toString();
        }
    }

    void flushJunk()
    {
        if (m_junkCount == 0)
            return;
        issue(m_junkLine, m_junkCount == 1
                              ? QStringLiteral("line outside a record was ignored: '%1'").arg(m_junkText)
                              : QStringLiteral("%1 lines outside a record were ignored, from '%2'")
                                    .arg(m_junkCount)
                                    .arg(m_junkText));
        m_junkCount = 0;
    }

    void issue(int line, const QString &reason) { m_result.issues.append({m_file, line, reason}); }

    QString m_file;
    int m_firstLine;
    ReadResult m_result;
    RisRecord m_record;
    bool m_open = false;
    bool m_ovid = false; ///< "1." numbering lines seen: Ovid's trailers are expected
    int m_junkCount = 0, m_junkLine = 0;
    QString m_junkText;
};

/// Offsets just past an "ER  -" line near each of `parts` equal slices of the bytes.
QVector<qsizetype> splitPoints(QByteArrayView text, int parts)
{
    QVector<qsizetype> points{0};
    for (int p = 1; p < parts; ++p) {
        qsizetype from = std::max(points.constLast(), text.size() * p / parts);
        qsizetype at = -1;
        while (true) {
            at = text.indexOf(QByteArrayView("ER  -"), from);
            if (at < 0)
                break;
            if (at == 0 || text.at(at - 1) == '\n' || text.at(at - 1) == '\r')
                break;
            from = at + 1;
        }
        if (at < 0)
            break;
        qsizetype end = at;
        while (end < text.size() && text.at(end) != '\n' && text.at(end) != '\r')
            ++end;
        if (end < text.size() && text.at(end) == '\r')
            ++end;
        if (end < text.size() && text.at(end) == '\n')
            ++end;
        if (end >= text.size())
            break;
        points.append(end);
    }
    points.append(text.size());
    return points;
}

int countLines(QByteArrayView part)
{
    int n = 0;
    for (qsizetype i = 0; i < part.size(); ++i) {
        const char c = part.at(i);
        if (c == '\n' || (c == '\r' && (i + 1 >= part.size() || part.at(i + 1) != '\n')))
            ++n;
    }
    return n;
}

} // namespace

ReadResult readRis(QStringView text, const QString &file, int firstLine)
{
    ReadResult result = RisParser(file, firstLine).parse(text);
    result.format = ImportFormat::Ris;
    return result;
}

ReadResult readRisBytes(const QByteArray &bytes, const QString &file)
{
    const int threads = std::max(1, QThread::idealThreadCount());
    const bool unicodeMark = bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF");
    QVector<ImportIssue> issues;
    if (bytes.size() < 4 * 1024 * 1024 || threads == 1 || unicodeMark || bytes.left(4096).contains('\0')) {
        const DecodedText decoded = decodeImportText(bytes, file, &issues);
        ReadResult result = readRis(decoded.text, file);
        result.issues = issues + result.issues;
        result.encoding = decoded.encoding;
        return result;
    }
    QByteArrayView view(bytes);
    if (view.startsWith("\xEF\xBB\xBF"))
        view = view.sliced(3);
    const QVector<qsizetype> points = splitPoints(view, threads * 8);
    struct Part {
        QByteArrayView bytes;
        int firstLine = 1;
        ReadResult result;
    };
    QVector<Part> parts;
    for (qsizetype i = 0; i + 1 < points.size(); ++i)
        parts.append({view.sliced(points[i], points[i + 1] - points[i]), 0, {}});
    QtConcurrent::blockingMap(parts, [](Part &part) { part.firstLine = countLines(part.bytes); });
    int line = 1;
    for (Part &part : parts) {
        const int lines = part.firstLine;
        part.firstLine = line;
        line += lines;
    }
    QtConcurrent::blockingMap(parts, [&file](Part &part) {
        QVector<ImportIssue> decodeIssues;
        const DecodedText decoded = decodeImportText(part.bytes.toByteArray(), file, &decodeIssues);
        for (ImportIssue &issue : decodeIssues)
            issue.line += part.firstLine - 1;
        part.result = readRis(decoded.text, file, part.firstLine);
        part.result.issues = decodeIssues + part.result.issues;
        part.result.encoding = decoded.encoding;
    });
    ReadResult all;
    all.format = ImportFormat::Ris;
    all.encoding = QStringLiteral("UTF-8");
    qsizetype total = 0;
    for (const Part &part : std::as_const(parts))
        total += part.result.records.size();
    all.records.reserve(total);
    for (Part &part : parts) {
        for (ImportedRecord &r : part.result.records)
            all.records.append(std::move(r));
        all.issues += part.result.issues;
        if (part.result.encoding != u"UTF-8")
            all.encoding = part.result.encoding;
        part.result = ReadResult();
    }
    return all;
}

} // namespace mgreview
