#include "importexport/importreader.h"

#include "importexport/bibtexreader.h"
#include "importexport/csvimportreader.h"
#include "importexport/jsonimportreader.h"
#include "importexport/medlinereader.h"
#include "importexport/pubmedxmlreader.h"
#include "importexport/risreader.h"
#include "importexport/textdecoding.h"
#include "io/studyfile.h"
#include "model/vocabulary.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace mgreview {

QString toString(ImportFormat format)
{
    switch (format) {
    case ImportFormat::Ris: return QStringLiteral("ris");
    case ImportFormat::Bibtex: return QStringLiteral("bibtex");
    case ImportFormat::Medline: return QStringLiteral("medline");
    case ImportFormat::Csv: return QStringLiteral("csv");
    case ImportFormat::PubmedXml: return QStringLiteral("pubmed-xml");
    case ImportFormat::Studies: return QStringLiteral("studies");
    case ImportFormat::Json: return QStringLiteral("json");
    }
    return {};
}

std::optional<ImportFormat> importFormatFromString(const QString &name)
{
    const QString n = name.toLower();
    if (n == u"ris")
        return ImportFormat::Ris;
    if (n == u"bibtex" || n == u"bib" || n == u"biblatex")
        return ImportFormat::Bibtex;
    if (n == u"medline" || n == u"nbib" || n == u"pubmed")
        return ImportFormat::Medline;
    if (n == u"csv" || n == u"tsv")
        return ImportFormat::Csv;
    if (n == u"pubmed-xml" || n == u"xml")
        return ImportFormat::PubmedXml;
    if (n == u"studies" || n == u"toml")
        return ImportFormat::Studies;
    if (n == u"json")
        return ImportFormat::Json;
    return std::nullopt;
}

QString ImportIssue::toString() const
{
    return line > 0 ? QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(reason)
                    : QStringLiteral("%1: %2").arg(file, reason);
}

std::optional<ImportFormat> detectImportFormat(const QString &path, const QByteArray &head)
{
    const QFileInfo info(path);
    if (info.isDir())
        return ImportFormat::Studies;
    const QString suffix = info.suffix().toLower();
    if (suffix == u"ris")
        return ImportFormat::Ris;
    if (suffix == u"nbib" || suffix == u"medline")
        return ImportFormat::Medline;
    if (suffix == u"bib" || suffix == u"bibtex")
        return ImportFormat::Bibtex;
    if (suffix == u"csv" || suffix == u"tsv" || suffix == u"tab")
        return ImportFormat::Csv;
    if (suffix == u"toml")
        return ImportFormat::Studies;
    if (suffix == u"json")
        return ImportFormat::Json;
    // By content: decode the head (it may be UTF-16) and look at the first lines.
    const QString text = decodeImportText(head, path, nullptr, true).text;
    if (suffix == u"xml" || text.trimmed().startsWith(u'<'))
        return ImportFormat::PubmedXml;
    if (text.trimmed().startsWith(u'['))
        return ImportFormat::Json;
    static const QRegularExpression ris(QStringLiteral("(^|[\\r\\n])TY  ?-"));
    static const QRegularExpression medline(
        QStringLiteral("(^|[\\r\\n])(PMID- ?\\d|FAU - |OWN - |STAT- |PMC - ?|JT  - |TA  - )"));
    static const QRegularExpression bib(QStringLiteral("(^|[\\r\\n])\\s*@[A-Za-z]+\\s*[{(]"));
    if (ris.match(text).hasMatch())
        return ImportFormat::Ris;
    if (medline.match(text).hasMatch())
        return ImportFormat::Medline;
    if (bib.match(text).hasMatch())
        return ImportFormat::Bibtex;
    const QString firstLine = text.section(u'\n', 0, 0);
    if (firstLine.count(u',') + firstLine.count(u';') + firstLine.count(u'\t') >= 1)
        return ImportFormat::Csv;
    return std::nullopt;
}

namespace {

ImportIssue issueFromMessage(const QString &message, const QString &fallbackFile)
{
    // "file:line:column: message" from the studies reader.
    static const QRegularExpression located(QStringLiteral("^(.*?):(\\d+):(?:\\d+:)?\\s*(.*)$"));
    const QRegularExpressionMatch m = located.match(message);
    if (m.hasMatch())
        return {m.captured(1), m.captured(2).toInt(), m.captured(3)};
    return {fallbackFile, 0, message};
}

ReadResult readStudies(const QString &path)
{
    ReadResult result;
    result.format = ImportFormat::Studies;
    result.encoding = QStringLiteral("UTF-8");
    const Vocabularies &vocabularies = Vocabularies::builtin();
    if (QFileInfo(path).isDir()) {
        QStringList errors;
        const QVector<LoadedStudy> loaded = readStudyFolder(path, vocabularies, &errors);
        for (const LoadedStudy &l : loaded)
            result.records.append({l.study, l.path, 1});
        for (const QString &e : std::as_const(errors))
            result.issues.append(issueFromMessage(e, path));
        return result;
    }
    const StudyFileResult file = readStudyFile(path, vocabularies);
    if (file.study)
        result.records.append({*file.study, path, 1});
    for (const QString &e : file.errors)
        result.issues.append(issueFromMessage(e, path));
    return result;
}

} // namespace

ReadResult readImportBytes(QByteArray bytes, const QString &displayName, ImportFormat format)
{
    ReadResult result;
    result.format = format;
    if (bytes.isEmpty()) {
        result.issues.append({displayName, 0, QStringLiteral("the file is empty")});
        return result;
    }
    if (format == ImportFormat::PubmedXml) {
        result = readPubmedXml(bytes, displayName);
        result.encoding = QStringLiteral("XML");
        return result;
    }
    if (format == ImportFormat::Studies) {
        const StudyFileResult file = readStudyText(bytes, displayName, Vocabularies::builtin());
        if (file.study)
            result.records.append({*file.study, displayName, 1});
        for (const QString &e : file.errors)
            result.issues.append(issueFromMessage(e, displayName));
        return result;
    }
    if (format == ImportFormat::Json) {
        const bool bom = bytes.startsWith("\xEF\xBB\xBF");
        return readStudyJson(bom ? bytes.sliced(3) : bytes, displayName);
    }
    if (format == ImportFormat::Ris) {
        result = readRisBytes(bytes, displayName);
        if (result.records.isEmpty() && result.issues.isEmpty())
            result.issues.append({displayName, 0, QStringLiteral("no ris records found")});
        return result;
    }
    QVector<ImportIssue> decodeIssues;
    // BibTeX files are often Latin-1 as a whole; elsewhere a broken line is an error to report.
    const DecodedText decoded = decodeImportText(bytes, displayName, &decodeIssues, format == ImportFormat::Bibtex);
    bytes = QByteArray();
    if (decoded.text.trimmed().isEmpty()) {
        result.issues.append({displayName, 0, QStringLiteral("the file holds no text")});
        return result;
    }
    switch (format) {
    case ImportFormat::Ris: break; // read above, from the bytes
    case ImportFormat::Medline: result = readMedline(decoded.text, displayName); break;
    case ImportFormat::Bibtex: result = readBibtex(decoded.text, displayName); break;
    case ImportFormat::Csv: result = readCsv(decoded.text, displayName); break;
    case ImportFormat::PubmedXml:
    case ImportFormat::Studies:
    case ImportFormat::Json: break;
    }
    result.issues = decodeIssues + result.issues;
    result.encoding = decoded.encoding;
    if (result.records.isEmpty() && result.issues.isEmpty())
        result.issues.append({displayName, 0, QStringLiteral("no %1 records found").arg(toString(format))});
    return result;
}

ReadResult readImportFile(const QString &path, std::optional<ImportFormat> format)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        ReadResult result;
        result.issues.append({path, 0, QStringLiteral("no such file")});
        return result;
    }
    if (info.isDir()) {
        if (format && *format != ImportFormat::Studies) {
            ReadResult result;
            result.issues.append({path, 0, QStringLiteral("is a folder; only the studies format reads folders")});
            return result;
        }
        return readStudies(path);
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ReadResult result;
        result.issues.append({path, 0, QStringLiteral("cannot read: %1").arg(file.errorString())});
        return result;
    }
    QByteArray bytes = file.readAll();
    file.close();
    if (!format)
        format = detectImportFormat(path, bytes.left(8192));
    if (!format) {
        ReadResult result;
        result.issues.append({path, 0, bytes.isEmpty() ? QStringLiteral("the file is empty")
                                                       : QStringLiteral("unknown format (give it with --format)")});
        return result;
    }
    if (*format == ImportFormat::Studies)
        return readStudies(path);
    return readImportBytes(std::move(bytes), path, *format);
}

} // namespace mgreview
