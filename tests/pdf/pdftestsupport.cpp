#include "pdftestsupport.h"

#include "support/templibrary.h"

#include <QDir>
#include <QFile>
#include <QFont>
#include <QFontMetrics>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>

namespace mgreview::testing {

bool writeTestPdf(const QString &path, const TestPdf &pdf)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(300);
    writer.setCreator(QStringLiteral("MgReview tests"));
    if (!pdf.title.isEmpty())
        writer.setTitle(pdf.title);
    if (!pdf.xmp.isEmpty())
        writer.setDocumentXmpMetadata(pdf.xmp);
    QPainter painter;
    if (!painter.begin(&writer))
        return false;
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(10);
    painter.setFont(font);
    const int lineHeight = QFontMetrics(font, &writer).height() + 10;
    for (qsizetype p = 0; p < pdf.pages.size(); ++p) {
        if (p > 0 && !writer.newPage())
            return false;
        int y = 200;
        for (const QString &line : pdf.pages.at(p)) {
            painter.drawText(200, y, line);
            y += lineHeight;
        }
    }
    return painter.end();
}

QByteArray xmpWithDoi(const QString &doi)
{
    return QStringLiteral(
               "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
               "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
               "<rdf:Description rdf:about=\"\" xmlns:prism=\"http://prismstandard.org/namespaces/basic/2.0/\" "
               "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><prism:doi>%1</prism:doi>"
               "<dc:identifier>doi:%1</dc:identifier></rdf:Description>\n"
               "</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>")
        .arg(doi)
        .toUtf8();
}

QStringList wrapLines(const QString &text, int width)
{
    QStringList lines;
    QString line;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            lines.append(line);
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        lines.append(line);
    return lines;
}

QVector<SharedPdf> sharedPdfs(QString *error)
{
    QVector<SharedPdf> out;
    const QString shared = sharedFolder();
    if (shared.isEmpty())
        return out;
    const QString testdata = QDir(shared).filePath(QStringLiteral("testdata"));
    QFile manifest(QDir(testdata).filePath(QStringLiteral("MANIFEST.md")));
    if (!manifest.open(QIODevice::ReadOnly)) {
        *error = manifest.fileName() + QStringLiteral(": cannot read");
        return out;
    }
    // | `file` | `repo path` | licence | format | pages | behaviour | case [password: `P`] |
    static const QRegularExpression row(QStringLiteral("^\\| `([^`]+\\.pdf)` \\|[^|]*\\|[^|]*\\| PDF \\| ([^|]*) \\| ([^|]*) \\| (.*) \\|\\s*$"));
    static const QRegularExpression password(QStringLiteral("\\[password: `([^`]*)`\\]"));
    static const QRegularExpression pageCount(QStringLiteral("^(\\d+) pp$"));
    const QStringList lines = QString::fromUtf8(manifest.readAll()).split(u'\n');
    for (const QString &line : lines) {
        const QRegularExpressionMatch m = row.match(line);
        if (!m.hasMatch())
            continue;
        SharedPdf pdf;
        pdf.relativePath = m.captured(1);
        pdf.path = QDir(testdata).filePath(pdf.relativePath);
        const QRegularExpressionMatch pages = pageCount.match(m.captured(2).trimmed());
        if (pages.hasMatch())
            pdf.pages = pages.captured(1).toInt();
        pdf.behaviour = m.captured(3).trimmed();
        pdf.description = m.captured(4).trimmed();
        const QRegularExpressionMatch pw = password.match(pdf.description);
        if (pw.hasMatch())
            pdf.password = pw.captured(1);
        out.append(pdf);
    }
    return out;
}

} // namespace mgreview::testing
