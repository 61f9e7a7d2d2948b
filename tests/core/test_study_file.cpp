// The studies/ file format: exact round trips and precise, located errors.
#include "corehelpers.h"

#include "io/studyfile.h"
#include "model/vocabulary.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

const QString kName = QStringLiteral("studies/demo_study.toml");

// A small valid file. Cases below replace one numbered line (1-based) to break it.
QStringList baseLines()
{
    return {
        QStringLiteral("id = \"demo_study\""), // 1
        QStringLiteral("sources = [\"https://example.org/a\"]"), // 2
        QString(), // 3
        QStringLiteral("[citation]"), // 4
        QStringLiteral("text = \"Demo D. A demo. J Demo. 2000.\""), // 5
        QStringLiteral("title = \"A demo\""), // 6
        QStringLiteral("year = 2000"), // 7
        QString(), // 8
        QStringLiteral("[identifiers]"), // 9
        QStringLiteral("doi = \"10.1000/demo\""), // 10
        QStringLiteral("pmid = \"123\""), // 11
        QString(), // 12
        QStringLiteral("[design]"), // 13
        QStringLiteral("code = \"rct\""), // 14
        QString(), // 15
        QStringLiteral("[population]"), // 16
        QStringLiteral("codes = [\"older_adults\"]"), // 17
        QString(), // 18
        QStringLiteral("[cramp_types]"), // 19
        QStringLiteral("codes = [\"nocturnal_idiopathic\"]"), // 20
        QString(), // 21
        QStringLiteral("[[conclusions]]"), // 22
        QStringLiteral("text = \"It works.\""), // 23
        QStringLiteral("source = \"abstract\""), // 24
    };
}

QByteArray withLine(int line, const QString &replacement)
{
    QStringList lines = baseLines();
    lines[line - 1] = replacement;
    return lines.join(u'\n').toUtf8() + '\n';
}

StudyFileResult read(const QByteArray &text)
{
    return readStudyText(text, kName, Vocabularies::builtin());
}

// Exactly one error, at file:line:column, whose message contains `what`.
::testing::AssertionResult oneErrorAt(const StudyFileResult &result, int line, int column, const QString &what)
{
    if (result.study)
        return ::testing::AssertionFailure() << "the invalid text was accepted";
    if (result.errors.size() != 1)
        return ::testing::AssertionFailure() << "expected one error, got: " << str(result.errors.join(u'\n'));
    const QString prefix = QStringLiteral("%1:%2:%3: ").arg(kName).arg(line).arg(column);
    const QString &error = result.errors.constFirst();
    if (!error.startsWith(prefix) || !error.contains(what))
        return ::testing::AssertionFailure()
            << "expected \"" << str(prefix) << "…" << str(what) << "…\", got \"" << str(error) << '"';
    return ::testing::AssertionSuccess();
}

} // namespace

TEST(StudyFile, TheBaseTextIsValid)
{
    const StudyFileResult result = read(baseLines().join(u'\n').toUtf8());
    ASSERT_TRUE(result.study) << str(result.errors.join(u'\n'));
    EXPECT_TRUE(result.errors.isEmpty());
    EXPECT_EQ(result.study->id, QStringLiteral("demo_study"));
    EXPECT_EQ(result.study->citation.year, 2000);
    EXPECT_EQ(result.study->ids.doi, QStringLiteral("10.1000/demo"));
    EXPECT_EQ(result.study->conclusions.size(), 1);
}

TEST(StudyFile, RoundTripOfEveryProjectStudy)
{
    QStringList errors;
    const QVector<Study> studies = projectStudies(&errors);
    ASSERT_TRUE(errors.isEmpty()) << str(errors.join(u'\n'));
    ASSERT_EQ(studies.size(), 20);
    for (const Study &study : studies) {
        const QByteArray text = writeStudyText(study);
        const StudyFileResult back = readStudyText(text, study.id + QStringLiteral(".toml"), Vocabularies::builtin());
        ASSERT_TRUE(back.study) << str(back.errors.join(u'\n'));
        EXPECT_TRUE(sameStudy(study, *back.study));
        // Writing is deterministic: the same record gives the same bytes.
        EXPECT_EQ(writeStudyText(*back.study), text) << str(study.id);
    }
}

TEST(StudyFile, RoundTripOfAFullRecord)
{
    const Study full = fullStudy();
    const QByteArray text = writeStudyText(full);
    const StudyFileResult back = readStudyText(
        text, QStringLiteral("synthetic_full.toml"), Vocabularies::builtin(), QStringLiteral("synthetic_full"));
    ASSERT_TRUE(back.study) << str(back.errors.join(u'\n')) << "\n" << text.toStdString();
    EXPECT_TRUE(sameStudy(full, *back.study));
}

TEST(StudyFile, RoundTripOfAnAlmostEmptyRecord)
{
    Study s;
    s.id = QStringLiteral("bare");
    const StudyFileResult back = readStudyText(writeStudyText(s), QStringLiteral("bare.toml"), Vocabularies::builtin());
    ASSERT_TRUE(back.study) << str(back.errors.join(u'\n'));
    EXPECT_TRUE(sameStudy(s, *back.study));
    EXPECT_FALSE(back.study->sampleSize.has_value());
}

TEST(StudyFile, SyntaxError)
{
    // An unterminated string: the parser stops at the line break after "A demo" (column 16).
    EXPECT_TRUE(
        oneErrorAt(read(withLine(6, QStringLiteral("title = \"A demo"))), 6, 16, QStringLiteral("parsing string")));
    // A key without a value.
    EXPECT_TRUE(oneErrorAt(read(withLine(7, QStringLiteral("year ="))), 7, 7, QString()));
}

TEST(StudyFile, UnknownKey)
{
    EXPECT_TRUE(oneErrorAt(
        read(withLine(6, QStringLiteral("titel = \"A demo\""))), 6, 1, QStringLiteral("unknown key 'titel'")));
    EXPECT_TRUE(oneErrorAt(
        read(withLine(3, QStringLiteral("colour = \"red\""))), 3, 1, QStringLiteral("unknown key 'colour'")));
}

TEST(StudyFile, UnknownVocabularyId)
{
    EXPECT_TRUE(oneErrorAt(
        read(withLine(14, QStringLiteral("code = \"rtc\""))), 14, 8, QStringLiteral("unknown design 'rtc'")));
    // In a list, the error points at the element itself.
    EXPECT_TRUE(oneErrorAt(read(withLine(17, QStringLiteral("codes = [\"older_adults\", \"elderly\"]"))), 17, 26,
        QStringLiteral("unknown population 'elderly'")));
    EXPECT_TRUE(oneErrorAt(read(withLine(24, QStringLiteral("source = \"blog\""))), 24, 10,
        QStringLiteral("unknown conclusion_source 'blog'")));
}

TEST(StudyFile, WrongType)
{
    EXPECT_TRUE(oneErrorAt(
        read(withLine(7, QStringLiteral("year = \"2000\""))), 7, 8, QStringLiteral("'year' must be a whole number")));
    EXPECT_TRUE(
        oneErrorAt(read(withLine(6, QStringLiteral("title = 5"))), 6, 9, QStringLiteral("'title' must be a string")));
    EXPECT_TRUE(oneErrorAt(read(withLine(20, QStringLiteral("codes = \"nocturnal_idiopathic\""))), 20, 9,
        QStringLiteral("'codes' must be an array of strings")));
    EXPECT_TRUE(oneErrorAt(read(withLine(3, QStringLiteral("outcome = \"benefit\""))), 3, 11,
        QStringLiteral("'outcome' must be a table")));
}

TEST(StudyFile, BadIdentifiers)
{
    EXPECT_TRUE(
        oneErrorAt(read(withLine(10, QStringLiteral("doi = \"doi:10.1000/demo\""))), 10, 7, QStringLiteral("DOI")));
    // A remark inside the value is not a DOI: it belongs in [not_verified].
    EXPECT_TRUE(oneErrorAt(
        read(withLine(10, QStringLiteral("doi = \"10.1000/demo (unverified)\""))), 10, 7, QStringLiteral("DOI")));
    EXPECT_TRUE(
        oneErrorAt(read(withLine(11, QStringLiteral("pmid = \"123 (mirror)\""))), 11, 8, QStringLiteral("PMID")));
    EXPECT_TRUE(oneErrorAt(read(withLine(11, QStringLiteral("pmcid = \"8094171\""))), 11, 9, QStringLiteral("PMCID")));
}

TEST(StudyFile, IdMustMatchTheFileName)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    // A comment first, so the id is not at 1:1 and the position is really the id's.
    QByteArray text = "# a comment\n" + baseLines().join(u'\n').toUtf8() + '\n';
    const QString path = dir.filePath(QStringLiteral("other_name.toml"));
    ASSERT_TRUE(writeFileBytes(path, text));
    const StudyFileResult result = readStudyFile(path, Vocabularies::builtin());
    EXPECT_FALSE(result.study);
    ASSERT_EQ(result.errors.size(), 1) << str(result.errors.join(u'\n'));
    EXPECT_TRUE(result.errors.constFirst().startsWith(path + QStringLiteral(":2:6: id 'demo_study' does not match")))
        << str(result.errors.constFirst());

    // The same text under its own name is fine.
    const QString good = dir.filePath(QStringLiteral("demo_study.toml"));
    ASSERT_TRUE(writeFileBytes(good, text));
    const StudyFileResult ok = readStudyFile(good, Vocabularies::builtin());
    EXPECT_TRUE(ok.study) << str(ok.errors.join(u'\n'));

    // The folder reader applies the same rule and keeps the valid file.
    QStringList errors;
    const QVector<LoadedStudy> loaded = readStudyFolder(dir.path(), Vocabularies::builtin(), &errors);
    ASSERT_EQ(loaded.size(), 1);
    EXPECT_EQ(loaded.constFirst().path, good);
    ASSERT_EQ(errors.size(), 1);
    EXPECT_TRUE(errors.constFirst().startsWith(path + QStringLiteral(":2:6: "))) << str(errors.constFirst());
}

TEST(StudyFile, MalformedIdIsLocated)
{
    EXPECT_TRUE(oneErrorAt(
        read(withLine(1, QStringLiteral("id = \"Demo Study\""))), 1, 6, QStringLiteral("'id' must be lowercase")));
}

TEST(StudyFile, MissingCitation)
{
    QStringList lines = baseLines();
    lines.remove(3, 4); // [citation] with its three keys
    const StudyFileResult result = read(lines.join(u'\n').toUtf8());
    EXPECT_TRUE(oneErrorAt(result, 1, 1, QStringLiteral("missing required table [citation]")));
}

TEST(StudyFile, EveryErrorIsReportedNotOnlyTheFirst)
{
    QStringList lines = baseLines();
    lines[5] = QStringLiteral("titel = \"A demo\"");
    lines[13] = QStringLiteral("code = \"rtc\"");
    lines[9] = QStringLiteral("doi = \"x\"");
    const StudyFileResult result = read(lines.join(u'\n').toUtf8());
    EXPECT_FALSE(result.study);
    ASSERT_EQ(result.errors.size(), 3) << str(result.errors.join(u'\n'));
    static const QRegularExpression located(QStringLiteral("^studies/demo_study\\.toml:\\d+:\\d+: \\S"));
    for (const QString &error : result.errors)
        EXPECT_TRUE(located.match(error).hasMatch()) << str(error);
}

TEST(StudyFile, ConclusionNeedsTextAndClassificationNeedsReason)
{
    EXPECT_TRUE(
        oneErrorAt(read(withLine(23, QStringLiteral("where = \"p. 1\""))), 22, 1, QStringLiteral("verbatim text")));
    QByteArray text = baseLines().join(u'\n').toUtf8() + "\n\n[independence]\nvalue = \"independent\"\n";
    EXPECT_TRUE(oneErrorAt(read(text), 26, 1, QStringLiteral("needs its reason")));
}

TEST(StudyFile, UnreadableFileNamesThePath)
{
    const QString path = QStringLiteral("/nonexistent/folder/x.toml");
    const StudyFileResult result = readStudyFile(path, Vocabularies::builtin());
    EXPECT_FALSE(result.study);
    ASSERT_EQ(result.errors.size(), 1);
    EXPECT_TRUE(result.errors.constFirst().startsWith(path + QStringLiteral(": cannot read")));
}
