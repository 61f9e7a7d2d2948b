// mgreview-cli matrix, end to end: the real executable against a temporary library seeded
// from studies/, every format written and read back, the filter, and its usage errors.

#include "clifixture.h"
#include "csvreader.h"
#include "exportcheck.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

class MatrixCliTest : public CliProcessTest
{
protected:
    QString outputPath(const QString &name) const { return m_scratch.filePath(name); }
    /// Runs `matrix` writing to a file; returns its bytes (empty on failure, with the test failed).
    QByteArray exportTo(const QString &format, const QStringList &extra = {})
    {
        const QString path = outputPath(QStringLiteral("matrix.") + format);
        const CliResult result = cli(QStringList{QStringLiteral("matrix"), QStringLiteral("--format"), format,
                                                 QStringLiteral("-o"), path}
                                     + extra);
        EXPECT_TRUE(result.finished);
        EXPECT_EQ(result.exitCode, 0) << str(result.errText());
        EXPECT_TRUE(result.out.isEmpty()) << "with -o nothing goes to stdout: " << str(result.outText().left(200));
        EXPECT_TRUE(result.err.isEmpty()) << str(result.errText());
        return readFileBytes(path);
    }
};

TEST_F(MatrixCliTest, TablePrintsTheGridLegendAndBottomLines)
{
    const CliResult result = cli({QStringLiteral("matrix")});
    ASSERT_TRUE(result.finished);
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    EXPECT_TRUE(result.err.isEmpty()) << str(result.errText());
    const QString out = result.outText();
    EXPECT_TRUE(out.startsWith(QStringLiteral("Evidence matrix: populations × cramp types (all studies)\n")));
    EXPECT_TRUE(out.contains(QStringLiteral("Older adults     7: 3− 1+ 3○"))) << str(out);
    EXPECT_TRUE(out.contains(QStringLiteral("20: 6− 5+ 2∅ 7○")));
    EXPECT_TRUE(out.contains(QStringLiteral("Legend: ")));
    EXPECT_TRUE(out.contains(QStringLiteral("Pregnant women × Pregnancy: No benefit (strongest study: Garrison 2020")));
}

TEST_F(MatrixCliTest, CsvGoesToStdoutOrAFileAndFollowsTheFilter)
{
    const CliResult result = cli({QStringLiteral("matrix"), QStringLiteral("--format"), QStringLiteral("csv"),
                                  QStringLiteral("--filter"), QStringLiteral("industry-linked")});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    QString error;
    const std::optional<QVector<QStringList>> rows = readCsv(result.outText(), &error);
    ASSERT_TRUE(rows) << str(error);
    ASSERT_EQ(rows->size(), 10);
    EXPECT_EQ(rows->first().at(1), QStringLiteral("Nocturnal / rest leg cramps (idiopathic)"));
    EXPECT_EQ(rows->at(1).first(), QStringLiteral("Older adults (idiopathic/rest cramps)"));
    EXPECT_EQ(rows->at(3).at(2), QStringLiteral("2 (1 no benefit; 1 benefit)"));
    EXPECT_EQ(rows->last().last(), QStringLiteral("3 (2 benefit; 1 no benefit)"));

    const QByteArray file = exportTo(QStringLiteral("csv"));
    const std::optional<QVector<QStringList>> all = readCsv(QString::fromUtf8(file), &error);
    ASSERT_TRUE(all) << str(error);
    EXPECT_EQ(all->last().last().section(u' ', 0, 0), QStringLiteral("20"));
}

TEST_F(MatrixCliTest, JsonFileHoldsCellsWithIds)
{
    const QByteArray bytes = exportTo(QStringLiteral("json"), {QStringLiteral("--filter"), QStringLiteral("independent")});
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    EXPECT_EQ(root.value(u"filter").toString(), QStringLiteral("independent"));
    EXPECT_EQ(root.value(u"total").toObject().value(u"count").toInt(), 1);
    EXPECT_EQ(root.value(u"total").toObject().value(u"study_ids").toArray(),
              QJsonArray{QStringLiteral("varghese2020_dialysate_review")});
}

TEST_F(MatrixCliTest, HtmlFileIsSelfContainedWithConclusionsAndDoiLinks)
{
    const QByteArray bytes = exportTo(QStringLiteral("html"));
    const XmlContent xml = readXml(bytes);
    ASSERT_TRUE(xml.error.isEmpty()) << str(xml.error);
    EXPECT_FALSE(xml.elements.contains(QStringLiteral("script")));
    EXPECT_TRUE(xml.sources.isEmpty());
    EXPECT_TRUE(xml.text.contains(kGarrisonConclusion));
    EXPECT_TRUE(xml.hrefs.contains(QStringLiteral("https://doi.org/10.1186/s12967-024-05434-x")));
}

TEST_F(MatrixCliTest, SvgGoesToStdout)
{
    const CliResult result = cli({QStringLiteral("matrix"), QStringLiteral("--format"), QStringLiteral("svg")});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    const XmlContent xml = readXml(result.out);
    ASSERT_TRUE(xml.error.isEmpty()) << str(xml.error);
    EXPECT_TRUE(xml.text.contains(QStringLiteral("Funding filter: all studies")));
}

TEST_F(MatrixCliTest, PngAndPdfFilesAreFigures)
{
    const QByteArray png = exportTo(QStringLiteral("png"));
    EXPECT_GE(distinctPngColours(png), 20);

    const QByteArray pdf = exportTo(QStringLiteral("pdf"), {QStringLiteral("--filter"), QStringLiteral("unclear")});
    int pages = 0;
    QString error;
    const std::optional<QString> text = pdfText(pdf, &pages, &error);
    ASSERT_TRUE(text) << str(error);
    EXPECT_EQ(pages, 1);
    EXPECT_TRUE(text->contains(QStringLiteral("studies with unclear funding independence only")));
    EXPECT_TRUE(text->contains(QStringLiteral("16 studies in the grid")));
}

TEST_F(MatrixCliTest, BinaryFormatsNeedAnOutputFile)
{
    expectUsageError(cli({QStringLiteral("matrix"), QStringLiteral("--format"), QStringLiteral("png")}),
                     QStringLiteral("'matrix --format png' writes a binary file: give it with -o FILE"));
    expectUsageError(cli({QStringLiteral("matrix"), QStringLiteral("--format=pdf")}),
                     QStringLiteral("'matrix --format pdf' writes a binary file: give it with -o FILE"));
    expectUsageError(cli({QStringLiteral("matrix"), QStringLiteral("--format"), QStringLiteral("pdf"),
                          QStringLiteral("-o"), QStringLiteral("-")}),
                     QStringLiteral("'matrix --format pdf' writes a binary file: give it with -o FILE"));
}

TEST_F(MatrixCliTest, OtherUsageErrors)
{
    expectUsageError(cli({QStringLiteral("matrix"), QStringLiteral("--format"), QStringLiteral("xlsx")}),
                     QStringLiteral("invalid format 'xlsx' (expected table, csv, json, svg, png, pdf or html)"));
    expectUsageError(cli({QStringLiteral("matrix"), QStringLiteral("--filter"), QStringLiteral("sponsored")}),
                     QStringLiteral("invalid filter 'sponsored'"));
    expectUsageError(cli({QStringLiteral("matrix"), QStringLiteral("rows")}),
                     QStringLiteral("unexpected argument 'rows' for 'matrix'"));
    expectUsageError(cli({QStringLiteral("matrix"), QStringLiteral("-o")}),
                     QStringLiteral("option '--output' needs a value"));
    expectUsageError(cli({QStringLiteral("list"), QStringLiteral("-o"), outputPath(QStringLiteral("x"))}),
                     QStringLiteral("option '--output' does not apply to 'list'"));
}

TEST_F(MatrixCliTest, WriteErrorsExitOneAndNameTheFile)
{
    for (const QString &format : {QStringLiteral("csv"), QStringLiteral("png")}) {
        const QString path = outputPath(QStringLiteral("no-such-folder/matrix.") + format);
        const CliResult result = cli({QStringLiteral("matrix"), QStringLiteral("--format"), format, QStringLiteral("-o"), path});
        ASSERT_TRUE(result.finished);
        EXPECT_EQ(result.exitCode, 1) << str(result.errText());
        EXPECT_TRUE(result.out.isEmpty());
        EXPECT_TRUE(result.errText().startsWith(QStringLiteral("mgreview-cli: cannot write ") + path))
            << str(result.errText());
        EXPECT_FALSE(QFile::exists(path));
    }
}

} // namespace
