#include "importexport/pubmedxmlreader.h"

#include "importexport/recordfields.h"

#include <QXmlStreamReader>

namespace mgreview {

namespace {

class PubmedXmlParser
{
public:
    PubmedXmlParser(const QByteArray &bytes, const QString &file) : m_xml(bytes), m_file(file) {}

    ReadResult parse()
    {
        ReadResult result;
        result.format = ImportFormat::PubmedXml;
        bool sawRoot = false;
        while (!m_xml.atEnd()) {
            m_xml.readNext();
            if (!m_xml.isStartElement())
                continue;
            const auto name = m_xml.name();
            if (!sawRoot) {
                sawRoot = true;
                if (name != u"PubmedArticleSet" && name != u"PubmedBookArticleSet" && name != u"PubmedArticle" &&
                    name != u"PubmedBookArticle" && name != u"MedlineCitationSet") {
                    result.issues.append({m_file, int(m_xml.lineNumber()),
                                          QStringLiteral("not PubMed XML (root element <%1>)").arg(name)});
                    return result;
                }
            }
            if (name == u"PubmedArticle" || name == u"PubmedBookArticle" || name == u"MedlineCitation") {
                const int line = int(m_xml.lineNumber());
                Study s = article(name.toString());
                if (m_xml.hasError())
                    break; // a half-read article is not a record
                s.sources.append(QStringLiteral("Imported from %1").arg(m_file));
                finishImportedStudy(s);
                if (s.citation.title.isEmpty() && s.ids.pmid.isEmpty() && s.ids.doi.isEmpty())
                    result.issues.append({m_file, line, QStringLiteral("article has no PMID, title or DOI; skipped")});
                else
                    result.records.append({std::move(s), m_file, line});
            }
        }
        if (m_xml.hasError())
            result.issues.append({m_file, int(m_xml.lineNumber()),
                                  QStringLiteral("XML error: %1; the rest of the file was not read").arg(m_xml.errorString())});
        else if (!sawRoot)
            result.issues.append({m_file, 0, QStringLiteral("the file holds no XML elements")});
        return result;
    }

private:
    QString text() { return m_xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified(); }

    Study article(const QString &element)
    {
        Study s;
        QString year, medlineDate, lastName, initials, foreName, collective;
        QStringList abstractParts;
        bool inAuthor = false;
        int depth = 1;
        while (!m_xml.atEnd() && depth > 0) {
            m_xml.readNext();
            if (m_xml.isEndElement()) {
                --depth;
                if (m_xml.name() == u"Author" && inAuthor) {
                    inAuthor = false;
                    if (!collective.isEmpty())
                        s.citation.authors.append(collective);
                    else if (!lastName.isEmpty())
                        s.citation.authors.append(
                            initials.isEmpty() ? normaliseAuthorName(QString(lastName + QStringLiteral(", ") + foreName))
                                               : lastName + u' ' + initials);
                }
                continue;
            }
            if (!m_xml.isStartElement())
                continue;
            ++depth;
            const auto name = m_xml.name();
            bool consumed = true; // readElementText ends on the end element
            if (name == u"PMID" && s.ids.pmid.isEmpty()) {
                s.ids.pmid = text();
            } else if (name == u"ArticleTitle" || name == u"BookTitle") {
                const QString t = text();
                if (s.citation.title.isEmpty() || name == u"ArticleTitle")
                    s.citation.title = t;
            } else if (name == u"AbstractText") {
                const QString label = m_xml.attributes().value(QStringLiteral("Label")).toString();
                const QString t = text();
                abstractParts.append(label.isEmpty() ? t : label + QStringLiteral(": ") + t);
            } else if (name == u"Author") {
                inAuthor = true;
                lastName.clear();
                initials.clear();
                foreName.clear();
                collective.clear();
                consumed = false;
            } else if (inAuthor && name == u"LastName") {
                lastName = text();
            } else if (inAuthor && name == u"ForeName") {
                foreName = text();
            } else if (inAuthor && name == u"Initials") {
                initials = text();
            } else if (inAuthor && name == u"CollectiveName") {
                collective = text();
            } else if (name == u"Title" && s.citation.journal.isEmpty()) {
                s.citation.journal = text();
            } else if (name == u"Volume") {
                s.citation.volume = text();
            } else if (name == u"Issue") {
                s.citation.issue = text();
            } else if (name == u"PubDate" && year.isEmpty() && medlineDate.isEmpty()) {
                // Only the publication date: DateCompleted and DateRevised come earlier.
                while (!m_xml.atEnd()) {
                    m_xml.readNext();
                    if (m_xml.isEndElement() && m_xml.name() == u"PubDate")
                        break;
                    if (m_xml.isStartElement() && m_xml.name() == u"Year")
                        year = text();
                    else if (m_xml.isStartElement() && m_xml.name() == u"MedlineDate")
                        medlineDate = text();
                }
            } else if (name == u"MedlinePgn") {
                s.citation.pages = text();
            } else if (name == u"ELocationID" || name == u"ArticleId") {
                const QString type = (name == u"ELocationID" ? m_xml.attributes().value(QStringLiteral("EIdType"))
                                                             : m_xml.attributes().value(QStringLiteral("IdType")))
                                         .toString();
                const QString value = text();
                if (type == u"doi" && s.ids.doi.isEmpty())
                    s.ids.doi = cleanDoi(value);
                else if (type == u"pmc" && s.ids.pmcid.isEmpty())
                    s.ids.pmcid = value;
                else if (type == u"pubmed" && s.ids.pmid.isEmpty())
                    s.ids.pmid = value;
            } else if (name == u"PublicationType") {
                s.publicationTypes.append(text());
            } else if (name == u"DescriptorName" || name == u"Keyword") {
                s.keywords.append(text());
            } else if (name == u"CoiStatement") {
                s.funding.coiStatement = text();
            } else if (name == u"Agency") {
                const QString agency = text();
                const bool known = std::any_of(s.funding.funders.cbegin(), s.funding.funders.cend(),
                                               [&](const Funder &f) { return f.name == agency; });
                if (!agency.isEmpty() && !known)
                    s.funding.funders.append({agency, QString(), QStringLiteral("PubMed GrantList")});
            } else {
                consumed = false;
            }
            if (consumed)
                --depth;
        }
        Q_UNUSED(element);
        s.abstract = abstractParts.join(u' ');
        s.citation.year = yearFromText(year);
        if (s.citation.year == 0)
            s.citation.year = yearFromText(medlineDate);
        if (!s.funding.funders.isEmpty()) {
            QStringList names;
            for (const Funder &f : std::as_const(s.funding.funders))
                names.append(f.name);
            s.funding.notes = QStringLiteral("PubMed grant list: ") + names.join(QStringLiteral("; "));
        }
        return s;
    }

    QXmlStreamReader m_xml;
    QString m_file;
};

} // namespace

ReadResult readPubmedXml(const QByteArray &bytes, const QString &file)
{
    return PubmedXmlParser(bytes, file).parse();
}

} // namespace mgreview
