#include "pdftestsupport.h"

#include "support/templibrary.h"

#include <QDir>
#include <QFile>
#include <QFont>
#include <QFontMetrics>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
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

namespace {

/// A PDF file from its objects (numbered from 1; the first is the catalog), with a correct
/// cross-reference table.
QByteArray assemblePdf(const QVector<QByteArray> &objects)
{
    QByteArray out = "%PDF-1.4\n";
    QVector<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(out.size());
        out += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = out.size();
    out += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype offset : std::as_const(offsets))
        out += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
           + QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

QByteArray flateStream(const QByteArray &data)
{
    // qCompress: a 4-byte length, then a zlib stream, which is what /FlateDecode reads.
    const QByteArray zlib = qCompress(data, 9).mid(4);
    return "<< /Length " + QByteArray::number(zlib.size()) + " /Filter /FlateDecode >>\nstream\n" + zlib
           + "\nendstream";
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

const QByteArray kHelvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

} // namespace

bool writeTextBombPdf(const QString &path, qint64 operations)
{
    // Nested forms, each drawing the one below ten times ("billion laughs"): a few
    // kilobytes that cost Poppler `operations` text operators, however fast it gets. The
    // text is off the page, so a reader keeps none of it (CPU, not memory).
    constexpr int kLeafOperations = 1000;
    QByteArray leaf = "BT /F1 1 Tf -5000 -5000 Td ";
    for (int i = 0; i < kLeafOperations; ++i)
        leaf += "(ab) Tj ";
    leaf += "ET";
    int levels = 0;
    for (qint64 total = kLeafOperations; total < operations; total *= 10)
        ++levels;
    // Objects: 1 catalog, 2 pages, 3 page, 4 font, 5 page content, 6 the leaf form, 7… levels.
    auto form = [](const QByteArray &content, const QByteArray &resources) -> QByteArray {
        const QByteArray zlib = qCompress(content, 9).mid(4);
        return "<< /Type /XObject /Subtype /Form /BBox [-10000 -10000 10000 10000] /Resources << /Font << /F1 4 0 R >> "
               + resources + " >> /Length " + QByteArray::number(zlib.size()) + " /Filter /FlateDecode >>\nstream\n" + zlib
               + "\nendstream";
    };
    QVector<QByteArray> objects{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources "
                                "<< /Font << /F1 4 0 R >> /XObject << /X 0 R >> >> >>",
                                kHelvetica, flateStream("/X Do"), form(leaf, {})};
    for (int level = 1; level <= levels; ++level) {
        const QByteArray below = QByteArray::number(6 + level - 1);
        objects.append(form(QByteArray("/X Do ").repeated(10), "/XObject << /X " + below + " 0 R >>"));
    }
    const QByteArray top = QByteArray::number(objects.size());
    objects[2].replace(QByteArray("/X 0 R"), QByteArray("/X " + top + " 0 R"));
    return writeBytes(path, assemblePdf(objects));
}

bool writeGiantPagePdf(const QString &path, double width, double height, const QString &text)
{
    const QByteArray w = QByteArray::number(width, 'f', 0);
    const QByteArray h = QByteArray::number(height, 'f', 0);
    const QByteArray content = "BT /F1 24 Tf 36 " + QByteArray::number(height - 60, 'f', 0) + " Td (" + text.toLatin1()
                               + ") Tj ET";
    return writeBytes(path, assemblePdf({
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + w + " " + h
            + "] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        flateStream(content),
        kHelvetica,
    }));
}

bool writeManyPagesPdf(const QString &path, int pages)
{
    // Objects: 1 catalog, 2 pages, 3 content, 4 font, then one object per page.
    QVector<QByteArray> objects{"<< /Type /Catalog /Pages 2 0 R >>", {}, flateStream("BT /F1 12 Tf 72 720 Td (p) Tj ET"),
                                kHelvetica};
    QByteArray kids;
    for (int i = 0; i < pages; ++i) {
        kids += QByteArray::number(5 + i) + " 0 R ";
        objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
                       "/Resources << /Font << /F1 4 0 R >> >> >>");
    }
    objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + QByteArray::number(pages) + " >>";
    return writeBytes(path, assemblePdf(objects));
}

bool encryptWithQpdf(const QString &in, const QString &out, const QByteArray &userPassword, int bits, QString *error)
{
    const QString qpdf = QStandardPaths::findExecutable(QStringLiteral("qpdf"));
    if (qpdf.isEmpty()) {
        *error = QStringLiteral("qpdf is not installed (scripts/setup.sh installs it)");
        return false;
    }
    // Hex, so that the exact bytes (Latin-1 or UTF-8) reach qpdf whatever the locale.
    QStringList arguments{QStringLiteral("--password-mode=hex-bytes"), QStringLiteral("--encrypt"),
                          QString::fromLatin1(userPassword.toHex()), QString::fromLatin1(QByteArray("owner-secret").toHex()),
                          QString::number(bits)};
    if (bits == 128)
        arguments << QStringLiteral("--use-aes=y"); // AES-128 (revision 4), not RC4
    arguments << QStringLiteral("--") << in << out;
    QProcess process;
    process.start(qpdf, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("qpdf failed: %1").arg(QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    }
    return true;
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
