// The studies/ files against ../shared/corpus: identifiers, verbatim conclusions and
// secondary-source claims equal the sheet and the documents exactly. Without ../shared
// (a fresh clone) these tests skip; everything else about studies/ is tested elsewhere.
#include "corehelpers.h"

#include "io/studyfile.h"
#include "model/vocabulary.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

QString corpusFile(const QString &name)
{
    return sharedFolder() + QStringLiteral("/corpus/") + name;
}

bool startsWithAny(const QString &text, std::initializer_list<const char *> prefixes)
{
    for (const char *prefix : prefixes) {
        if (text.startsWith(QString::fromUtf8(prefix)))
            return true;
    }
    return false;
}

class FactsheetTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (sharedFolder().isEmpty())
            GTEST_SKIP() << "../shared is not present beside the project: factsheet comparison skipped";
        QJsonParseError parseError;
        const QJsonDocument doc
            = QJsonDocument::fromJson(readFileBytes(corpusFile(QStringLiteral("factsheet.json"))), &parseError);
        ASSERT_TRUE(doc.isArray()) << str(parseError.errorString());
        for (const QJsonValue &value : doc.array())
            m_sheet.append(value.toObject());
        ASSERT_EQ(m_sheet.size(), 20);
    }

    // The study file for a sheet entry; fails the test when it is missing or invalid.
    std::optional<Study> studyFor(const QJsonObject &entry) const
    {
        const QString id = entry[u"id"].toString();
        const QString path = projectStudiesFolder() + u'/' + id + QStringLiteral(".toml");
        EXPECT_TRUE(QFile::exists(path)) << "no studies/ file for sheet id " << str(id);
        StudyFileResult result = readStudyFile(path, Vocabularies::builtin());
        EXPECT_TRUE(result.study) << str(result.errors.join(u'\n'));
        return result.study;
    }

    QVector<QJsonObject> m_sheet;
};

} // namespace

TEST_F(FactsheetTest, EverySheetStudyHasAFile)
{
    QStringList errors;
    QStringList fileIds;
    for (const Study &s : projectStudies(&errors))
        fileIds.append(s.id);
    QStringList sheetIds;
    for (const QJsonObject &entry : std::as_const(m_sheet)) {
        sheetIds.append(entry[u"id"].toString());
        EXPECT_TRUE(studyFor(entry).has_value());
    }
    sheetIds.sort();
    EXPECT_EQ(fileIds, sheetIds);
}

TEST_F(FactsheetTest, DoiEqualsTheSheet)
{
    static const QRegularExpression bareDoi(QStringLiteral("^10\\.\\S+$"));
    int bare = 0;
    for (const QJsonObject &entry : std::as_const(m_sheet)) {
        const std::optional<Study> s = studyFor(entry);
        if (!s)
            continue;
        const QString sheet = entry[u"doi"].toString();
        if (bareDoi.match(sheet).hasMatch()) {
            ++bare;
            EXPECT_EQ(s->ids.doi, sheet) << str(s->id);
        } else {
            // "unverified", "none", or a DOI with a remark: never copied into the field.
            EXPECT_TRUE(s->ids.doi.isEmpty())
                << str(s->id) << " holds '" << str(s->ids.doi) << "' for sheet '" << str(sheet) << "'";
            EXPECT_TRUE(s->notVerified.contains(QStringLiteral("doi"))) << str(s->id);
        }
    }
    EXPECT_GT(bare, 0);
}

TEST_F(FactsheetTest, PmidEqualsTheSheet)
{
    static const QRegularExpression bareDigits(QStringLiteral("^[0-9]+$"));
    static const QRegularExpression digitsWithRemark(QStringLiteral("^([0-9]+) \\("));
    int bare = 0;
    for (const QJsonObject &entry : std::as_const(m_sheet)) {
        const std::optional<Study> s = studyFor(entry);
        if (!s)
            continue;
        const QString sheet = entry[u"pmid"].toString();
        const QRegularExpressionMatch remark = digitsWithRemark.match(sheet);
        if (bareDigits.match(sheet).hasMatch()) {
            ++bare;
            EXPECT_EQ(s->ids.pmid, sheet) << str(s->id);
        } else if (remark.hasMatch() && !sheet.contains(QStringLiteral("unverified"))) {
            // A PMID with a remark on where it was seen: the digits, the remark kept elsewhere.
            EXPECT_EQ(s->ids.pmid, remark.captured(1)) << str(s->id);
        } else {
            EXPECT_TRUE(s->ids.pmid.isEmpty())
                << str(s->id) << " holds '" << str(s->ids.pmid) << "' for sheet '" << str(sheet) << "'";
            EXPECT_TRUE(s->notVerified.contains(QStringLiteral("pmid"))) << str(s->id);
        }
    }
    EXPECT_GT(bare, 0);
}

TEST_F(FactsheetTest, VerbatimConclusionsEqualTheSheet)
{
    int verbatim = 0;
    for (const QJsonObject &entry : std::as_const(m_sheet)) {
        const std::optional<Study> s = studyFor(entry);
        if (!s)
            continue;
        const QString sheet = entry[u"authors_conclusion_verbatim"].toString();
        ASSERT_FALSE(sheet.isEmpty()) << str(s->id);
        int equal = 0;
        for (const Conclusion &c : s->conclusions) {
            // Byte for byte, not merely equal after some normalisation.
            if (c.text.toUtf8() == sheet.toUtf8())
                ++equal;
        }
        if (startsWithAny(sheet, { "unverified", "not applicable", "Abstract 'Conclusions" })) {
            EXPECT_EQ(equal, 0) << str(s->id) << ": a remark was stored as a verbatim conclusion";
            EXPECT_TRUE(s->notVerified.contains(QStringLiteral("conclusions"))) << str(s->id);
        } else {
            ++verbatim;
            EXPECT_EQ(equal, 1) << str(s->id) << ": the sheet's verbatim conclusion is not in the record exactly once";
        }
    }
    EXPECT_GT(verbatim, 0);
}

TEST_F(FactsheetTest, ClaimsOccurVerbatimInTheirDocuments)
{
    const QString brief = QString::fromUtf8(readFileBytes(corpusFile(QStringLiteral("source-research-brief.txt"))));
    const QString article = QString::fromUtf8(readFileBytes(corpusFile(QStringLiteral("source-consumer-article.txt"))));
    ASSERT_FALSE(brief.isEmpty());
    ASSERT_FALSE(article.isEmpty());
    QStringList errors;
    int checked = 0;
    for (const Study &s : projectStudies(&errors)) {
        for (const Claim &c : s.claims) {
            const QString *document = c.by == u"research_brief" ? &brief
                : c.by == u"consumer_article"                   ? &article
                                                                : nullptr;
            ASSERT_NE(document, nullptr) << str(s.id) << ": claim by unknown document " << str(c.by);
            ++checked;
            EXPECT_TRUE(document->contains(c.text))
                << str(s.id) << ": the " << str(c.by) << " does not contain: " << str(c.text);
        }
    }
    EXPECT_GT(checked, 0);
    EXPECT_TRUE(errors.isEmpty()) << str(errors.join(u'\n'));
}
