// The study record: equality, derived values, provenance words and the JSON form.
#include "corehelpers.h"

#include "format/studyjson.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace mgreview;
using namespace mgreview::testing;

TEST(StudyRecord, EqualityCoversEveryPart)
{
    const Study full = fullStudy();
    EXPECT_EQ(full, fullStudy());

    // A change in any part makes two records differ, so "round trip equals" tests mean something.
    const std::vector<std::function<void(Study &)>> edits = {
        [](Study &s) { s.citation.authors.append(QStringLiteral("New A")); },
        [](Study &s) { s.citation.yearNote.clear(); },
        [](Study &s) { s.ids.pmcid.clear(); },
        [](Study &s) { s.intervention.comparator = QStringLiteral("none"); },
        [](Study &s) { s.sampleSize.reset(); },
        [](Study &s) { s.abstract.clear(); },
        [](Study &s) { s.keywords.removeLast(); },
        [](Study &s) { s.publicationTypes.clear(); },
        [](Study &s) { s.effects[0].ciHigh = 3.98; },
        [](Study &s) { s.effects[2].value = 0.0; },
        [](Study &s) { s.conclusions[0].text += u' '; },
        [](Study &s) { s.conclusions[1].source = QStringLiteral("abstract"); },
        [](Study &s) { s.claims[0].by = QStringLiteral("consumer_article"); },
        [](Study &s) { s.funding.funders[1].type = QStringLiteral("pharma_industry"); },
        [](Study &s) { s.independence.source = ClassificationSource::Reviewer; },
        [](Study &s) { s.extraFacts.clear(); },
        [](Study &s) { s.notVerified.insert(QStringLiteral("doi"), QStringLiteral("unverified")); },
    };
    for (size_t i = 0; i < edits.size(); ++i) {
        Study edited = fullStudy();
        edits[i](edited);
        EXPECT_NE(edited, full) << "edit " << i;
    }
}

TEST(StudyRecord, FirstAuthorIsTheSurname)
{
    Study s;
    EXPECT_EQ(s.firstAuthor(), QString());
    const QList<std::pair<QString, QString>> cases = {
        { QStringLiteral("Garrison SR"), QStringLiteral("Garrison") },
        { QStringLiteral("Cohen-Hagai K"), QStringLiteral("Cohen-Hagai") },
        { QStringLiteral("Roguin Maor N"), QStringLiteral("Roguin Maor") },
        { QStringLiteral("Dugré N"), QStringLiteral("Dugré") },
        { QStringLiteral("Smith J."), QStringLiteral("Smith") },
        { QStringLiteral("Cochrane Neuromuscular Group"), QStringLiteral("Cochrane Neuromuscular Group") },
        { QStringLiteral("WHO"), QStringLiteral("WHO") },
    };
    for (const auto &[author, surname] : cases) {
        s.citation.authors = { author, QStringLiteral("Second B") };
        EXPECT_EQ(s.firstAuthor(), surname) << str(author);
    }
}

TEST(StudyRecord, NotVerifiedMarks)
{
    Study s;
    EXPECT_TRUE(s.isVerified(Field::Pmid));
    s.notVerified.insert(QString::fromLatin1(Field::Pmid), QStringLiteral("unverified"));
    EXPECT_FALSE(s.isVerified(Field::Pmid));
    EXPECT_FALSE(s.isVerified(QStringLiteral("pmid")));
    EXPECT_TRUE(s.isVerified(Field::Doi));
}

TEST(StudyRecord, ClassificationSourceWords)
{
    for (const ClassificationSource source : { ClassificationSource::None, ClassificationSource::Curated,
             ClassificationSource::Rule, ClassificationSource::Reviewer })
        EXPECT_EQ(classificationSourceFromString(toString(source)), source);
    EXPECT_EQ(toString(ClassificationSource::Curated), QStringLiteral("curated"));
    EXPECT_EQ(toString(ClassificationSource::Rule), QStringLiteral("rule"));
    EXPECT_EQ(toString(ClassificationSource::Reviewer), QStringLiteral("reviewer"));
    EXPECT_EQ(toString(ClassificationSource::None), QStringLiteral("none"));
    EXPECT_EQ(classificationSourceFromString(QStringLiteral("Curated")), ClassificationSource::None);
}

TEST(StudyRecord, JsonRoundTripOfAFullRecord)
{
    const Study full = fullStudy();
    // Through text, as the store keeps it.
    const QByteArray text = QJsonDocument(studyToJson(full)).toJson(QJsonDocument::Compact);
    QString error;
    const std::optional<Study> back = studyFromJson(QJsonDocument::fromJson(text).object(), &error);
    ASSERT_TRUE(back) << str(error);
    EXPECT_TRUE(sameStudy(full, *back));
    EXPECT_EQ(*back->effects[1].value, 0.1 + 0.2); // bit-exact, not merely close
}

TEST(StudyRecord, JsonRoundTripOfEveryProjectStudy)
{
    QStringList errors;
    const QVector<Study> studies = projectStudies(&errors);
    ASSERT_TRUE(errors.isEmpty()) << str(errors.join(u'\n'));
    ASSERT_EQ(studies.size(), 20);
    for (const Study &study : studies) {
        const QByteArray text = QJsonDocument(studyToJson(study)).toJson(QJsonDocument::Compact);
        QString error;
        const std::optional<Study> back = studyFromJson(QJsonDocument::fromJson(text).object(), &error);
        ASSERT_TRUE(back) << str(error);
        EXPECT_TRUE(sameStudy(study, *back));
    }
}

TEST(StudyRecord, JsonCarriesTheDocumentedKeys)
{
    const QJsonObject o = studyToJson(fullStudy());
    for (const char *key : { "id", "title", "authors", "year", "doi", "pmid", "pmcid", "design", "populations",
             "cramp_types", "direction", "independence", "conclusions" })
        EXPECT_TRUE(o.contains(QString::fromLatin1(key))) << key;
    EXPECT_EQ(o[u"title"].toString(), fullStudy().citation.title);
    EXPECT_EQ(o[u"year"].toInt(), 2001);
    EXPECT_EQ(o[u"authors"].toArray().size(), 3);
    const QJsonObject independence = o[u"independence"].toObject();
    EXPECT_EQ(independence[u"value"].toString(), QStringLiteral("industry-linked"));
    EXPECT_EQ(independence[u"link"].toString(), QStringLiteral("product-supplied"));
    EXPECT_EQ(independence[u"source"].toString(), QStringLiteral("curated"));
    EXPECT_EQ(independence[u"reason"].toString(), QStringLiteral("manufacturer supplied product and placebo"));
    const QJsonArray conclusions = o[u"conclusions"].toArray();
    ASSERT_EQ(conclusions.size(), 2);
    EXPECT_EQ(conclusions[0].toObject()[u"text"].toString(), fullStudy().conclusions[0].text);
    EXPECT_EQ(conclusions[0].toObject()[u"source"].toString(), QStringLiteral("abstract"));
    // Unknown numbers are null, never 0.
    EXPECT_TRUE(o[u"effects"].toArray()[2].toObject()[u"value"].isNull());
    Study noSample = fullStudy();
    noSample.sampleSize.reset();
    EXPECT_TRUE(studyToJson(noSample)[u"sample_size"].isNull());
}

TEST(StudyRecord, JsonWithoutIdIsRefused)
{
    QJsonObject o = studyToJson(fullStudy());
    o.remove(QStringLiteral("id"));
    QString error;
    EXPECT_FALSE(studyFromJson(o, &error));
    EXPECT_FALSE(error.isEmpty());
}

TEST(StudyRecord, JsonIgnoresUnknownKeys)
{
    QJsonObject o = studyToJson(fullStudy());
    o.insert(QStringLiteral("added_by_a_newer_version"), 42);
    QString error;
    const std::optional<Study> back = studyFromJson(o, &error);
    ASSERT_TRUE(back) << str(error);
    EXPECT_TRUE(sameStudy(fullStudy(), *back));
}
