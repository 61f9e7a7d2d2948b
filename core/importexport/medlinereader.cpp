#include "importexport/medlinereader.h"

#include "importexport/recordfields.h"
#include "importexport/textdecoding.h"

namespace mgreview {

namespace {

/// "FAU - Smith, John" -> ("FAU", "Smith, John"). Tags are 2-4 capitals, padded with spaces
/// before the dash; the space after the dash is sometimes missing.
bool splitMedlineTag(QStringView line, QStringView *tag, QStringView *value)
{
    qsizetype i = 0;
    while (i < line.size() && i < 4 && line.at(i) >= u'A' && line.at(i) <= u'Z')
        ++i;
    if (i < 2)
        return false;
    const qsizetype tagEnd = i;
    while (i < line.size() && i < 5 && line.at(i) == u' ')
        ++i;
    if (i >= line.size() || line.at(i) != u'-')
        return false;
    *tag = line.first(tagEnd);
    *value = line.sliced(i + 1).trimmed();
    return true;
}

struct MedlineRecord {
    int line = 0;
    QString pmid, title, bookTitle, abstract, journal, journalAbbrev, date, volume, issue, pages, doi, pmcid;
    QStringList fullAuthors, authors, corporate, types, mesh, otherTerms, grants;
    QString coi;
    bool any = false;
};

QString funderFromGrant(const QString &grant)
{
    // "R01 HL12345/HL/NHLBI NIH HHS/United States": agency before the country.
    const QStringList parts = grant.split(u'/', Qt::SkipEmptyParts);
    if (parts.size() >= 2)
        return parts.at(parts.size() - 2).trimmed();
    return {};
}

class MedlineParser
{
public:
    explicit MedlineParser(const QString &file) : m_file(file) {}

    ReadResult parse(QStringView text)
    {
        const QVector<QStringView> lines = splitLines(text);
        QString *last = nullptr;
        QStringList *lastList = nullptr;
        bool afterBlank = true;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const int lineNo = int(i) + 1;
            const QStringView line = lines.at(i);
            if (line.trimmed().isEmpty()) {
                afterBlank = true;
                continue;
            }
            if (line.at(0) == u' ' || line.at(0) == u'\t') {
                // Continuation of the previous field.
                if (m_open && (last || lastList)) {
                    QString &target = last ? *last : lastList->last();
                    if (!target.isEmpty())
                        target += u' ';
                    target += line.trimmed();
                } else if (!m_open || afterBlank) {
                    issue(lineNo, QStringLiteral("continuation line without a field was ignored"));
                } // else: it continues a field the record does not keep (AD, …)
                continue;
            }
            QStringView tag, value;
            if (!splitMedlineTag(line, &tag, &value)) {
                issue(lineNo, QStringLiteral("not a MEDLINE field line, ignored: '%1'").arg(line.left(40)));
                last = nullptr;
                lastList = nullptr;
                continue;
            }
            if (tag == u"PMID" || (afterBlank && m_open && m_record.any) || !m_open) {
                if (m_open && (tag == u"PMID" ? m_record.any : true))
                    finish();
                m_record = MedlineRecord();
                m_record.line = lineNo;
                m_open = true;
            }
            afterBlank = false;
            last = nullptr;
            lastList = nullptr;
            store(tag, value, &last, &lastList);
        }
        if (m_open)
            finish();
        return std::move(m_result);
    }

private:
    void store(QStringView tag, QStringView value, QString **last, QStringList **lastList)
    {
        MedlineRecord &r = m_record;
        if (!value.isEmpty())
            r.any = true;
        auto single = [&](QString *field) {
            if (field->isEmpty())
                *field = value.toString();
            *last = field;
        };
        auto list = [&](QStringList *field) {
            field->append(value.toString());
            *lastList = field;
        };
        if (tag == u"PMID")
            single(&r.pmid);
        else if (tag == u"TI")
            single(&r.title);
        else if (tag == u"BTI")
            single(&r.bookTitle);
        else if (tag == u"AB")
            single(&r.abstract);
        else if (tag == u"FAU")
            list(&r.fullAuthors);
        else if (tag == u"AU")
            list(&r.authors);
        else if (tag == u"CN")
            list(&r.corporate);
        else if (tag == u"JT")
            single(&r.journal);
        else if (tag == u"TA")
            single(&r.journalAbbrev);
        else if (tag == u"DP")
            single(&r.date);
        else if (tag == u"VI")
            single(&r.volume);
        else if (tag == u"IP")
            single(&r.issue);
        else if (tag == u"PG")
            single(&r.pages);
        else if (tag == u"PT")
            list(&r.types);
        else if (tag == u"MH")
            list(&r.mesh);
        else if (tag == u"OT")
            list(&r.otherTerms);
        else if (tag == u"GR")
            list(&r.grants);
        else if (tag == u"COIS")
            single(&r.coi);
        else if (tag == u"PMC")
            single(&r.pmcid);
        else if ((tag == u"AID" || tag == u"LID") && value.endsWith(QStringLiteral("[doi]")) && r.doi.isEmpty())
            r.doi = cleanDoi(value.chopped(5));
    }

    void finish()
    {
        MedlineRecord &r = m_record;
        m_open = false;
        if (!r.any)
            return;
        ImportedRecord out;
        out.file = m_file;
        out.line = r.line;
        Study &s = out.study;
        s.ids.pmid = r.pmid;
        s.ids.pmcid = r.pmcid;
        s.ids.doi = r.doi;
        s.citation.title = r.title.isEmpty() ? r.bookTitle : r.title;
        const QStringList &names = r.fullAuthors.isEmpty() ? r.authors : r.fullAuthors;
        for (const QString &n : names) {
            const QString name = normaliseAuthorName(n);
            if (!name.isEmpty())
                s.citation.authors.append(name);
        }
        s.citation.authors += r.corporate;
        s.citation.journal = r.journal.isEmpty() ? r.journalAbbrev : r.journal;
        s.citation.year = yearFromText(r.date);
        s.citation.volume = r.volume;
        s.citation.issue = r.issue;
        s.citation.pages = r.pages;
        s.abstract = r.abstract;
        s.publicationTypes = r.types;
        for (const QString &m : std::as_const(r.mesh)) {
            QString term = m;
            term.remove(u'*');
            s.keywords.append(term.section(u'/', 0, 0));
        }
        s.keywords += r.otherTerms;
        s.funding.coiStatement = r.coi;
        if (!r.grants.isEmpty()) {
            // GR lines name grants and agencies, not the funder's type: the type stays empty
            // ("not reported") for a person or a rule to decide.
            s.funding.notes = QStringLiteral("PubMed grant list (GR): ") + r.grants.join(QStringLiteral("; "));
            for (const QString &grant : std::as_const(r.grants)) {
                const QString name = funderFromGrant(grant);
                if (name.isEmpty())
                    continue;
                const bool known = std::any_of(s.funding.funders.cbegin(), s.funding.funders.cend(),
                                               [&](const Funder &f) { return f.name == name; });
                if (!known)
                    s.funding.funders.append({name, QString(), QStringLiteral("PubMed GR line")});
            }
        }
        s.sources.append(QStringLiteral("Imported from %1").arg(m_file));
        finishImportedStudy(s);
        if (s.citation.title.isEmpty() && s.ids.pmid.isEmpty() && s.ids.doi.isEmpty() && s.abstract.isEmpty()) {
            issue(r.line, QStringLiteral("record has no PMID, title, abstract or DOI; it was skipped"));
            return;
        }
        if (r.pmid.isEmpty())
            issue(r.line, QStringLiteral("record has no PMID line"));
        m_result.records.append(std::move(out));
    }

    void issue(int line, const QString &reason) { m_result.issues.append({m_file, line, reason}); }

    QString m_file;
    ReadResult m_result;
    MedlineRecord m_record;
    bool m_open = false;
};

} // namespace

ReadResult readMedline(QStringView text, const QString &file)
{
    ReadResult result = MedlineParser(file).parse(text);
    result.format = ImportFormat::Medline;
    return result;
}

} // namespace mgreview
