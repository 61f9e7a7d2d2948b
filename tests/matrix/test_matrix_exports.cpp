// Every export of the evidence matrix, read back by an independent reader: CSV (RFC 4180
// reader), JSON, SVG and XHTML (QXmlStreamReader), PNG (QImage), PDF (Poppler).

#include "csvreader.h"
#include "exportcheck.h"
#include "matrixfixture.h"

#include "matrix/evidencematrix.h"
#include "matrix/matrixexport.h"
#include "matrix/matrixtext.h"
#include "model/vocabulary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <gtest/gtest.h>

namespace mgreview::testing {
namespace {

const QString kNygaardConclusion = QStringLiteral(
    "No significant effect on frequency or intensity of leg cramps in pregnant women of magnesium treatment with "
    "360mg daily could be detected in this trial.");
const QString kGarrison2020Start = QStringLiteral(
    "It is unlikely that magnesium supplementation provides clinically meaningful cramp prophylaxis to older adults "
    "experiencing skeletal muscle cramps.");

class MatrixExportTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_corpus = loadSeededCorpus();
        ASSERT_TRUE(m_corpus);
        compute(IndependenceFilter::All);
    }
    void compute(IndependenceFilter filter)
    {
        StudyFilter f;
        f.independence = filter;
        m_matrix = EvidenceMatrix::compute(m_corpus->summaries, f, std::nullopt, Vocabularies::builtin(),
                                           m_corpus->certainties());
    }
    MatrixExportInput input() const
    {
        return {m_matrix, m_corpus->summaries, Vocabularies::builtin(), m_corpus->lookup()};
    }

    std::unique_ptr<SeededCorpus> m_corpus;
    EvidenceMatrix m_matrix;
};

TEST_F(MatrixExportTest, CsvHasCrampTypesFirstRowPopulationsFirstColumnAndCountsFirst)
{
    QString error;
    const std::optional<QVector<QStringList>> rows = readCsv(matrixToCsv(input()), &error);
    ASSERT_TRUE(rows) << str(error);
    const Vocabularies &v = Vocabularies::builtin();
    ASSERT_EQ(rows->size(), 1 + 8 + 1);
    const QStringList &header = rows->first();
    ASSERT_EQ(header.size(), 1 + 6 + 1);
    for (int c = 0; c < 6; ++c)
        EXPECT_EQ(header.at(c + 1), v.crampType.terms().at(c).label);
    EXPECT_EQ(header.last(), QStringLiteral("Total"));
    EXPECT_TRUE(header.first().contains(QStringLiteral("all studies"))) << str(header.first());
    static const QRegularExpression countFirst(QStringLiteral("^(\\d+) \\("));
    for (int r = 0; r < 9; ++r) {
        const QStringList &row = rows->at(r + 1);
        ASSERT_EQ(row.size(), 8);
        EXPECT_EQ(row.first(), r < 8 ? v.population.terms().at(r).label : QStringLiteral("Total"));
        for (int c = 0; c < 7; ++c) {
            const MatrixCell &cell = r == 8 ? (c == 6 ? m_matrix.total() : m_matrix.columnTotal(c))
                                            : (c == 6 ? m_matrix.rowTotal(r) : m_matrix.cell(r, c));
            const QRegularExpressionMatch match = countFirst.match(row.at(c + 1));
            ASSERT_TRUE(match.hasMatch()) << str(row.at(c + 1));
            EXPECT_EQ(match.captured(1).toInt(), cell.count()) << r << ',' << c;
        }
    }
    // Spot checks, written out.
    EXPECT_EQ(rows->at(3).at(2), QStringLiteral("8 (4 no benefit; 2 benefit; 2 not coded)")); // pregnant × pregnancy
    EXPECT_EQ(rows->at(7).at(1), QStringLiteral("0 (no studies)"));                            // ALS × nocturnal
    EXPECT_EQ(rows->at(9).at(7), QStringLiteral("20 (6 no benefit; 5 benefit; 2 not about the intervention; 7 not coded)"));
}

TEST_F(MatrixExportTest, CsvFollowsTheIndependenceFilter)
{
    compute(IndependenceFilter::IndustryLinked);
    QString error;
    const std::optional<QVector<QStringList>> rows = readCsv(matrixToCsv(input()), &error);
    ASSERT_TRUE(rows) << str(error);
    EXPECT_TRUE(rows->first().first().contains(QStringLiteral("industry-linked studies only")));
    EXPECT_EQ(rows->at(3).at(2), QStringLiteral("2 (1 no benefit; 1 benefit)"));
    EXPECT_EQ(rows->last().last(), QStringLiteral("3 (2 benefit; 1 no benefit)"));
}

TEST_F(MatrixExportTest, JsonHasEveryCellWithIdsCountsAndBottomLine)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(matrixToJson(input()), &parseError);
    ASSERT_EQ(parseError.error, QJsonParseError::NoError) << str(parseError.errorString());
    const QJsonObject root = document.object();
    EXPECT_EQ(root.value(u"filter").toString(), QStringLiteral("all"));
    EXPECT_EQ(root.value(u"studies_in_grid").toInt(), 20);
    EXPECT_EQ(root.value(u"rows").toArray().size(), 8);
    EXPECT_EQ(root.value(u"columns").toArray().size(), 6);
    EXPECT_EQ(root.value(u"directions").toArray().size(), 6);
    const QJsonArray cells = root.value(u"cells").toArray();
    ASSERT_EQ(cells.size(), 48);
    int gaps = 0;
    for (const QJsonValue &value : cells) {
        const QJsonObject cell = value.toObject();
        const int count = cell.value(u"count").toInt();
        EXPECT_EQ(cell.value(u"study_ids").toArray().size(), count);
        int sum = 0;
        const QJsonObject directions = cell.value(u"direction_counts").toObject();
        for (auto it = directions.begin(); it != directions.end(); ++it)
            sum += it.value().toInt();
        EXPECT_EQ(sum, count);
        EXPECT_EQ(cell.value(u"gap").toBool(), count == 0);
        gaps += count == 0 ? 1 : 0;
        if (cell.value(u"population").toString() == u"pregnant_women" && cell.value(u"cramp_type").toString() == u"pregnancy") {
            EXPECT_EQ(count, 8);
            EXPECT_EQ(directions.value(u"no_benefit").toInt(), 4);
            EXPECT_EQ(directions.value(u"not_coded").toInt(), 2);
            EXPECT_EQ(cell.value(u"strongest_design").toString(), QStringLiteral("cochrane_review"));
            EXPECT_EQ(cell.value(u"lead_study").toString(), QStringLiteral("garrison2020_cochrane"));
            EXPECT_EQ(cell.value(u"independence_counts").toObject().value(u"industry-linked").toInt(), 2);
            EXPECT_TRUE(cell.value(u"bottom_line").toString().startsWith(QStringLiteral("No benefit (strongest study")));
            EXPECT_TRUE(cell.value(u"study_ids").toArray().contains(QStringLiteral("nygaard2008_rct")));
        }
    }
    EXPECT_EQ(gaps, 48 - 18);
    EXPECT_EQ(root.value(u"total").toObject().value(u"count").toInt(), 20);
    EXPECT_EQ(root.value(u"row_totals").toArray().at(0).toObject().value(u"count").toInt(), 8);
}

TEST_F(MatrixExportTest, SvgIsWellFormedAndShowsCountsLabelsAndLegend)
{
    const QByteArray svg = matrixToSvg(input());
    ASSERT_FALSE(svg.isEmpty());
    const XmlContent xml = readXml(svg);
    ASSERT_TRUE(xml.error.isEmpty()) << str(xml.error);
    EXPECT_EQ(xml.elements.value(0), QStringLiteral("svg"));
    EXPECT_GT(xml.elements.count(QStringLiteral("text")), 100);
    const QString &text = xml.text;
    for (const QString &expected :
         {QStringLiteral("Magnesium for muscle cramps: evidence matrix"), QStringLiteral("Funding filter: all studies"),
          QStringLiteral("Pregnant women"), QStringLiteral("no studies"), QStringLiteral("Strongest: Cochrane/SR+MA"),
          QStringLiteral("2 industry-linked"), QStringLiteral("evidence gap"), QStringLiteral("not about the intervention"),
          QStringLiteral("4 −"), QStringLiteral("2 +"), QStringLiteral("3 ○"), QStringLiteral("20")})
        EXPECT_TRUE(text.contains(expected)) << str(expected);
    // Thin spaces separate count and symbol in the chips.
    EXPECT_TRUE(svg.contains(QStringLiteral("4\u2009−").toUtf8()));
}

TEST_F(MatrixExportTest, HtmlIsSelfContainedWellFormedAndQuotesConclusionsVerbatim)
{
    const QString html = matrixToHtml(input());
    const XmlContent xml = readXml(html.toUtf8());
    ASSERT_TRUE(xml.error.isEmpty()) << str(xml.error);
    // No network and no scripts: nothing loads, links are in-page or DOI anchors.
    EXPECT_FALSE(xml.elements.contains(QStringLiteral("script")));
    EXPECT_FALSE(xml.elements.contains(QStringLiteral("link")));
    EXPECT_FALSE(xml.elements.contains(QStringLiteral("img")));
    EXPECT_FALSE(xml.elements.contains(QStringLiteral("iframe")));
    EXPECT_TRUE(xml.sources.isEmpty()) << str(xml.sources.join(u' '));
    EXPECT_FALSE(html.contains(QStringLiteral("url("))) << "CSS must not fetch anything";
    EXPECT_FALSE(html.contains(QStringLiteral("@import")));
    for (const QString &href : xml.hrefs)
        EXPECT_TRUE(href.startsWith(u'#') || href.startsWith(QStringLiteral("https://doi.org/"))) << str(href);
    // Every in-page link has its target.
    for (const QString &href : xml.hrefs) {
        if (href.startsWith(u'#')) {
            EXPECT_TRUE(html.contains(QStringLiteral("id=\"%1\"").arg(href.mid(1)))) << str(href);
        }
    }

    EXPECT_TRUE(xml.text.contains(kNygaardConclusion));
    EXPECT_TRUE(xml.text.contains(kGarrison2020Start));
    EXPECT_TRUE(xml.hrefs.contains(QStringLiteral("https://doi.org/10.1016/j.ejogrb.2008.07.005")));
    EXPECT_TRUE(xml.hrefs.contains(QStringLiteral("https://doi.org/10.1002/14651858.CD009402.pub3")));
    EXPECT_TRUE(xml.hrefs.contains(QStringLiteral("#cell-pregnant_women--pregnancy")));
    // Funding and independence, and honest gaps in what is known.
    EXPECT_TRUE(xml.text.contains(QStringLiteral(
        "1 author contributed in developing the magnesium tablet in 1985, and he received a compensation from Nycomed "
        "for this effort.")));
    EXPECT_TRUE(xml.text.contains(QStringLiteral("Funding independence: Industry-linked (Product or placebo supplied by a manufacturer)")));
    EXPECT_TRUE(xml.text.contains(QStringLiteral("not verified (")));
    // Empty cells are listed as gaps.
    EXPECT_TRUE(xml.text.contains(QStringLiteral("Evidence gaps")));
    EXPECT_TRUE(xml.text.contains(QStringLiteral("People with ALS/MND × Nocturnal / rest leg cramps (idiopathic)")));
    EXPECT_TRUE(xml.text.contains(QStringLiteral("Children × Delayed-onset muscle soreness (DOMS; not a cramp)")));
    EXPECT_TRUE(xml.text.contains(matrixtext::bottomLine(
        m_matrix.cell(2, 1), m_corpus->summaries, Vocabularies::builtin())));
}

TEST_F(MatrixExportTest, HtmlFollowsTheIndependenceFilter)
{
    compute(IndependenceFilter::IndustryLinked);
    const XmlContent xml = readXml(matrixToHtml(input()).toUtf8());
    ASSERT_TRUE(xml.error.isEmpty()) << str(xml.error);
    EXPECT_TRUE(xml.text.contains(QStringLiteral("industry-linked studies only")));
    EXPECT_TRUE(xml.text.contains(kNygaardConclusion));
    EXPECT_FALSE(xml.text.contains(kGarrison2020Start));
}

TEST(MatrixExportEscapingTest, HostileTextStaysTextInHtmlAndSvg)
{
    const Vocabularies &v = Vocabularies::builtin();
    const QString hostile = QStringLiteral("<script>alert(\"x\")</script> & <b>bold</b> 'quote' ]]>");
    StudySummary summary;
    summary.id = QStringLiteral("hostile");
    summary.firstAuthor = QStringLiteral("O'Brien & <Co>");
    summary.year = 2024;
    summary.title = hostile;
    summary.doi = QStringLiteral("10.1000/a<b>\"c\"#d?e");
    summary.design = QStringLiteral("rct");
    summary.direction = QStringLiteral("benefit");
    summary.populations = {QStringLiteral("children")};
    summary.crampTypes = {QStringLiteral("doms")};
    summary.independence = QStringLiteral("independent");
    summary.independenceReason = hostile;
    Study record;
    record.id = summary.id;
    record.design = summary.design;
    record.direction = summary.direction;
    record.conclusions.append({hostile + QStringLiteral("\n  second line"), QStringLiteral("abstract"), hostile, {}});
    record.funding.statement = hostile;
    const QVector<StudySummary> studies{summary};
    const EvidenceMatrix m = EvidenceMatrix::compute(studies, {}, std::nullopt, v);
    const MatrixExportInput in{m, studies, v, [&](const QString &) { return &record; }};

    const QString html = matrixToHtml(in);
    const XmlContent xml = readXml(html.toUtf8());
    ASSERT_TRUE(xml.error.isEmpty()) << str(xml.error);
    EXPECT_FALSE(xml.elements.contains(QStringLiteral("script")));
    EXPECT_FALSE(xml.elements.contains(QStringLiteral("b")));
    EXPECT_TRUE(xml.text.contains(simplified(hostile)));
    EXPECT_TRUE(xml.text.contains(QStringLiteral("O'Brien & <Co>")));
    // The conclusion keeps its line break (pre-wrap), exactly.
    EXPECT_TRUE(html.contains(hostile.toHtmlEscaped() + QStringLiteral("\n  second line")));
    // The DOI is percent-encoded inside the link.
    bool doiLink = false;
    for (const QString &href : xml.hrefs)
        doiLink |= href == QStringLiteral("https://doi.org/10.1000/a%3Cb%3E%22c%22%23d%3Fe");
    EXPECT_TRUE(doiLink) << str(xml.hrefs.join(u' '));

    const XmlContent svg = readXml(matrixToSvg(in));
    ASSERT_TRUE(svg.error.isEmpty()) << str(svg.error);
    EXPECT_FALSE(svg.elements.contains(QStringLiteral("script")));
}

TEST_F(MatrixExportTest, PngIsAFigureInColourNotABlankPage)
{
    const QByteArray png = matrixToPng(input(), 1.0);
    QSize size;
    const int colours = distinctPngColours(png, 64, &size);
    ASSERT_GE(colours, 0) << "the PNG does not load";
    EXPECT_GE(colours, 20);
    EXPECT_GT(size.width(), 1000);
    EXPECT_GT(size.height(), 800);
    // Each direction present in the corpus shows its colour somewhere (chips, bars, legend).
    for (const char *direction : {"benefit", "no_benefit", "not_about_intervention", "conflicting", "inconclusive"})
        EXPECT_TRUE(pngHasColour(png, matrixtext::directionColour(QString::fromLatin1(direction)).rgb())) << direction;
    // The default scale doubles the pixels, for print.
    QSize doubled;
    ASSERT_GE(distinctPngColours(matrixToPng(input()), 8, &doubled), 0);
    EXPECT_EQ(doubled, size * 2);
}

TEST_F(MatrixExportTest, PdfOpensInPopplerWithTheExpectedText)
{
    const QByteArray pdf = matrixToPdf(input());
    ASSERT_TRUE(pdf.startsWith("%PDF-"));
    int pages = 0;
    QString error;
    const std::optional<QString> text = pdfText(pdf, &pages, &error);
    ASSERT_TRUE(text) << str(error);
    EXPECT_EQ(pages, 1);
    for (const QString &expected :
         {QStringLiteral("Magnesium for muscle cramps: evidence matrix"), QStringLiteral("Pregnant women"),
          QStringLiteral("Liver cirrhosis patients"), QStringLiteral("no studies"), QStringLiteral("Strongest: Cochrane/SR+MA"),
          QStringLiteral("How to read a cell"), QStringLiteral("evidence gap"), QStringLiteral("industry-linked")})
        EXPECT_TRUE(text->contains(expected)) << str(expected) << "\n" << str(text->left(600));

    compute(IndependenceFilter::Independent);
    const std::optional<QString> independent = pdfText(matrixToPdf(input()), &pages, &error);
    ASSERT_TRUE(independent) << str(error);
    EXPECT_TRUE(independent->contains(QStringLiteral("independent studies only")));
    EXPECT_TRUE(independent->contains(QStringLiteral("1 study in the grid")));
}

TEST_F(MatrixExportTest, TableShowsGridLegendAndBottomLines)
{
    const QString table = matrixToTable(input(), 120);
    EXPECT_TRUE(table.contains(QStringLiteral("Pregnant women   3: 2− 1○          8: 4− 2+ 2○  gap"))) << str(table);
    EXPECT_TRUE(table.contains(QStringLiteral("All populations  9: 4− 2+ 3○")));
    EXPECT_TRUE(table.contains(QStringLiteral("gap: no studies (evidence gap)")));
    EXPECT_TRUE(table.contains(QStringLiteral("Athletes × DOMS: Benefit (strongest study: Tarsitano 2024")));
    // The seeded grid fits 120 columns, and the legend and bottom lines wrap to it.
    for (const QString &line : table.split(u'\n'))
        EXPECT_LE(line.size(), 120) << str(line);
}

TEST_F(MatrixExportTest, WriteErrorsNameTheFile)
{
    QString error;
    const QString path = QStringLiteral("/nonexistent-folder-for-mgreview/matrix.csv");
    EXPECT_FALSE(writeExportFile(path, "x", &error));
    EXPECT_TRUE(error.contains(path)) << str(error);
}

} // namespace
} // namespace mgreview::testing
