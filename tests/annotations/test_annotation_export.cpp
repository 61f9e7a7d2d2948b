// Exports read back: Markdown handout, CSV (strict RFC 4180 reader), W3C JSON-LD; and the
// JSON-LD round trip through a second library.
#include "annotationfixture.h"

#include "annotations/annotationexport.h"
#include "annotations/annotationjsonld.h"
#include "csvreader.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

const QString kSha = QStringLiteral("ab") + QString(62, u'7');

class AnnotationExportTest : public AnnotationTest
{
protected:
    void SetUp() override
    {
        AnnotationTest::SetUp();
        if (HasFatalFailure())
            return;
        m_key = annotate(kCochrane, QStringLiteral("unlikely that magnesium supplementation provides clinically meaningful"),
            QStringLiteral("key finding"), QStringLiteral("Stu"),
            QStringLiteral("Main answer, *older adults* only.\n\n- no benefit\n- \"quoted\", with comma"));
        m_orphan = annotate(kCochrane, QStringLiteral("only some of whom suffered cramps"), QStringLiteral("small sample"),
            QStringLiteral("Stu"), QStringLiteral("Few had cramps at all."));
        m_other = annotate(QStringLiteral("roffe2002_rct"), QStringLiteral("magnesium may be effective"),
            QStringLiteral("overstated"), QStringLiteral("Sue"), QStringLiteral("\"may\" is doing a lot of work"));
        QString error;
        const std::optional<AnnotationResult> pdf = service().createOnPdfPage(kCochrane, kSha, 3,
            QStringLiteral("Page three text with a surrogate endpoint here."), 24, 42, QStringLiteral("surrogate outcome"),
            {}, QStringLiteral("Stu"), &error);
        ASSERT_TRUE(pdf) << str(error);
        m_pdf = *pdf;
        // The last clause of the conclusion is rewritten: one annotation is orphaned.
        QString text = conclusionText(kCochrane, 1);
        text.replace(QStringLiteral(", only some of whom suffered cramps."), QStringLiteral("."));
        editConclusion(kCochrane, 1, text);
    }

    QVector<ResolvedAnnotation> resolvedAll(const AnnotationFilter &filter = {})
    {
        QString error;
        const std::optional<QVector<ResolvedAnnotation>> r = service().resolved(filter, &error);
        EXPECT_TRUE(r) << str(error);
        return r.value_or(QVector<ResolvedAnnotation>());
    }

    AnnotationResult m_key, m_orphan, m_other, m_pdf;
};

} // namespace

TEST_F(AnnotationExportTest, MarkdownHandoutOfOneStudent)
{
    AnnotationFilter f;
    f.author = QStringLiteral("Stu");
    const QString md = annotationsToMarkdown(resolvedAll(f), QStringLiteral("Annotations by Stu"));
    EXPECT_TRUE(md.startsWith(QStringLiteral("# Annotations by Stu\n\n3 annotations on 1 study."))) << str(md);
    EXPECT_TRUE(md.contains(QStringLiteral("\n## Garrison 2020: Magnesium for skeletal muscle cramps"))) << str(md);
    EXPECT_TRUE(md.contains(QStringLiteral("\n### Conclusion 1\n")));
    EXPECT_TRUE(md.contains(QStringLiteral("\n### PDF ab7777777777…, page 3\n"))) << str(md);
    EXPECT_TRUE(md.contains(
        QStringLiteral("> unlikely that magnesium supplementation provides clinically meaningful\n\n**Key finding** · Stu · ")));
    // The note is Markdown and goes in as written.
    EXPECT_TRUE(md.contains(QStringLiteral("Main answer, *older adults* only.\n\n- no benefit\n")));
    EXPECT_TRUE(md.contains(QStringLiteral("**Orphaned:** the text no longer contains these words")));
    EXPECT_TRUE(md.contains(QStringLiteral("> only some of whom suffered cramps")));
    EXPECT_TRUE(md.contains(QStringLiteral("*Not checked against the PDF text.*")));
    EXPECT_FALSE(md.contains(QStringLiteral("Sue"))); // Another student's notes stay out.
}

TEST_F(AnnotationExportTest, CsvReadsBackWithEveryField)
{
    const QVector<ResolvedAnnotation> all = resolvedAll();
    ASSERT_EQ(all.size(), 4);
    QString error;
    const std::optional<QVector<QStringList>> rows = readCsv(annotationsToCsv(all), &error);
    ASSERT_TRUE(rows) << str(error);
    ASSERT_EQ(rows->size(), 5);
    EXPECT_EQ(rows->at(0), annotationCsvColumns());
    const QStringList header = rows->at(0);
    const auto field = [&](const QStringList &row, const char *name) { return row.value(header.indexOf(QString::fromLatin1(name))); };
    QHash<QString, QStringList> byId;
    for (int i = 1; i < rows->size(); ++i)
        byId.insert(field(rows->at(i), "id"), rows->at(i));

    const QStringList key = byId.value(m_key.annotation.id);
    EXPECT_EQ(field(key, "study_id"), kCochrane);
    EXPECT_EQ(field(key, "target"), QStringLiteral("conclusion"));
    EXPECT_EQ(field(key, "conclusion"), QStringLiteral("1"));
    EXPECT_EQ(field(key, "tag"), QStringLiteral("key_finding"));
    EXPECT_EQ(field(key, "tag_label"), QStringLiteral("Key finding"));
    EXPECT_EQ(field(key, "exact"), m_key.annotation.quote.exact);
    EXPECT_EQ(field(key, "prefix"), QStringLiteral("It is "));
    EXPECT_EQ(field(key, "note"), m_key.annotation.note); // Newlines, quotes and commas survive.
    EXPECT_EQ(field(key, "start"), QString::number(m_key.annotation.position.start));
    EXPECT_EQ(field(key, "author"), QStringLiteral("Stu"));
    EXPECT_EQ(field(key, "created"), annotationTime(m_key.annotation.created));
    EXPECT_EQ(field(key, "status"), QStringLiteral("anchored"));

    EXPECT_EQ(field(byId.value(m_orphan.annotation.id), "status"), QStringLiteral("orphaned"));
    EXPECT_EQ(field(byId.value(m_orphan.annotation.id), "current_start"), QString());
    const QStringList pdf = byId.value(m_pdf.annotation.id);
    EXPECT_EQ(field(pdf, "target"), QStringLiteral("pdf"));
    EXPECT_EQ(field(pdf, "pdf_sha256"), kSha);
    EXPECT_EQ(field(pdf, "page"), QStringLiteral("3"));
    EXPECT_EQ(field(pdf, "conclusion"), QString());
    EXPECT_EQ(field(pdf, "status"), QStringLiteral("unchecked"));
}

TEST_F(AnnotationExportTest, JsonLdFollowsTheW3CModel)
{
    QVector<Annotation> plain;
    for (const ResolvedAnnotation &r : resolvedAll())
        plain.append(r.annotation);
    const QJsonObject collection = QJsonDocument::fromJson(AnnotationJsonLd::collectionText(plain, QStringLiteral("All"))).object();
    EXPECT_EQ(collection.value(QStringLiteral("@context")).toString(), QStringLiteral("http://www.w3.org/ns/anno.jsonld"));
    EXPECT_EQ(collection.value(QStringLiteral("type")).toString(), QStringLiteral("AnnotationCollection"));
    EXPECT_EQ(collection.value(QStringLiteral("total")).toInt(), 4);
    const QJsonArray items = collection.value(QStringLiteral("first")).toObject().value(QStringLiteral("items")).toArray();
    ASSERT_EQ(items.size(), 4);
    QJsonObject key;
    for (const QJsonValue &item : items) {
        if (item.toObject().value(QStringLiteral("id")).toString() == QStringLiteral("urn:uuid:") + m_key.annotation.id)
            key = item.toObject();
    }
    ASSERT_FALSE(key.isEmpty());
    EXPECT_EQ(key.value(QStringLiteral("type")).toString(), QStringLiteral("Annotation"));
    EXPECT_EQ(key.value(QStringLiteral("creator")).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Stu"));
    const QJsonArray body = key.value(QStringLiteral("body")).toArray();
    ASSERT_EQ(body.size(), 2);
    EXPECT_EQ(body.at(0).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("TextualBody"));
    EXPECT_EQ(body.at(0).toObject().value(QStringLiteral("purpose")).toString(), QStringLiteral("commenting"));
    EXPECT_EQ(body.at(0).toObject().value(QStringLiteral("value")).toString(), m_key.annotation.note);
    EXPECT_EQ(body.at(1).toObject().value(QStringLiteral("purpose")).toString(), QStringLiteral("tagging"));
    EXPECT_EQ(body.at(1).toObject().value(QStringLiteral("value")).toString(), QStringLiteral("key_finding"));
    const QJsonObject target = key.value(QStringLiteral("target")).toObject();
    EXPECT_EQ(target.value(QStringLiteral("source")).toString(),
        QStringLiteral("urn:mgreview:study:garrison2020_cochrane:conclusion:1"));
    const QJsonArray selectors = target.value(QStringLiteral("selector")).toArray();
    ASSERT_EQ(selectors.size(), 2);
    EXPECT_EQ(selectors.at(0).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("TextQuoteSelector"));
    EXPECT_EQ(selectors.at(0).toObject().value(QStringLiteral("exact")).toString(), m_key.annotation.quote.exact);
    EXPECT_EQ(selectors.at(1).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("TextPositionSelector"));
    EXPECT_EQ(selectors.at(1).toObject().value(QStringLiteral("start")).toInt(), m_key.annotation.position.start);

    const QJsonObject pdf = AnnotationJsonLd::toJson(m_pdf.annotation);
    const QJsonObject pdfTarget = pdf.value(QStringLiteral("target")).toObject();
    EXPECT_EQ(pdfTarget.value(QStringLiteral("source")).toString(), QStringLiteral("urn:sha256:") + kSha);
    EXPECT_EQ(pdfTarget.value(QStringLiteral("selector")).toArray().at(2).toObject().value(QStringLiteral("value")).toString(),
        QStringLiteral("page=3"));
}

TEST_F(AnnotationExportTest, JsonLdRoundTripThroughAnotherLibrary)
{
    QString error;
    const std::optional<QVector<Annotation>> before = service().list({}, &error);
    ASSERT_TRUE(before && before->size() == 4) << str(error);
    const QByteArray exported = AnnotationJsonLd::collectionText(*before, QStringLiteral("All annotations"));

    // A second library with the same people (who may annotate) imports the file.
    TempLibrary second;
    Database &db2 = second.open();
    QStringList errors;
    ASSERT_EQ(seedProjectStudies(db2, &errors), 20);
    ASSERT_TRUE(ReviewService(db2).addProfile({ QStringLiteral("Stu"), Role::Student }, &error));
    ASSERT_TRUE(ReviewService(db2).addProfile({ QStringLiteral("Sue"), Role::Student }, &error));
    const std::optional<QVector<Annotation>> parsed = AnnotationJsonLd::parse(exported, &error);
    ASSERT_TRUE(parsed) << str(error);
    EXPECT_EQ(*parsed, *before);
    AnnotationService service2(db2);
    const std::optional<AnnotationImportReport> report = service2.importAnnotations(*parsed, {}, &error);
    ASSERT_TRUE(report) << str(error);
    EXPECT_EQ(report->added, 4);

    // Equal annotations, and a byte-identical export.
    const std::optional<QVector<Annotation>> after = service2.list({}, &error);
    ASSERT_TRUE(after) << str(error);
    EXPECT_EQ(*after, *before);
    EXPECT_EQ(AnnotationJsonLd::collectionText(*after, QStringLiteral("All annotations")), exported);

    // Importing again changes nothing; the note is searchable in the second library too.
    const std::optional<AnnotationImportReport> again = service2.importAnnotations(*parsed, {}, &error);
    ASSERT_TRUE(again) << str(error);
    EXPECT_EQ(again->unchanged, 4);
    EXPECT_EQ(again->added + again->updated, 0);
    const std::optional<QVector<qint64>> found = StudyStore(db2).search(QStringLiteral("doing a lot of work"), &error);
    ASSERT_TRUE(found) << str(error);
    EXPECT_EQ(found->size(), 1);
}

TEST_F(AnnotationExportTest, ImportRefusesBadFilesAndClinicians)
{
    QString error;
    EXPECT_FALSE(AnnotationJsonLd::parse("{ not json", &error));
    EXPECT_TRUE(error.startsWith(QStringLiteral("not JSON"))) << str(error);

    QJsonObject broken = AnnotationJsonLd::toJson(m_key.annotation);
    broken.remove(QStringLiteral("target"));
    QJsonArray two { AnnotationJsonLd::toJson(m_other.annotation), broken };
    EXPECT_FALSE(AnnotationJsonLd::parse(QJsonDocument(two).toJson(), &error));
    EXPECT_TRUE(error.startsWith(QStringLiteral("annotation 2 (urn:uuid:") + m_key.annotation.id)) << str(error);

    // Importing as a clinician is refused, and nothing is written (one transaction).
    Annotation fresh = m_other.annotation;
    fresh.id = QStringLiteral("00000000-0000-4000-8000-000000000001");
    const int events = column(QStringLiteral("SELECT count(*) FROM annotation_events")).value(0).toInt();
    EXPECT_FALSE(service().importAnnotations({ fresh }, QStringLiteral("Ann"), &error));
    EXPECT_EQ(error, QStringLiteral("clinician 'Ann' may not annotate studies"));
    EXPECT_EQ(column(QStringLiteral("SELECT count(*) FROM annotation_events")).value(0).toInt(), events);
}
