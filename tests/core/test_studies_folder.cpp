// Every file in studies/ is valid and complete enough to stand on.
#include "corehelpers.h"

#include "io/studyfile.h"
#include "model/vocabulary.h"

#include <QDir>
#include <QRegularExpression>
#include <QSet>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

QVector<LoadedStudy> loadAll(QStringList *errors)
{
    return readStudyFolder(projectStudiesFolder(), Vocabularies::builtin(), errors);
}

} // namespace

TEST(StudiesFolder, EveryFileLoadsWithoutErrors)
{
    const QStringList files = QDir(projectStudiesFolder()).entryList({ QStringLiteral("*.toml") }, QDir::Files);
    EXPECT_EQ(files.size(), 20);
    for (const QString &file : files) {
        const StudyFileResult result = readStudyFile(projectStudiesFolder() + u'/' + file, Vocabularies::builtin());
        EXPECT_TRUE(result.study) << str(file);
        EXPECT_TRUE(result.errors.isEmpty()) << str(result.errors.join(u'\n'));
    }
    QStringList errors;
    EXPECT_EQ(loadAll(&errors).size(), 20);
    EXPECT_TRUE(errors.isEmpty()) << str(errors.join(u'\n'));
}

TEST(StudiesFolder, IdsAreUniqueAndMatchFileNames)
{
    QStringList errors;
    QSet<QString> ids;
    for (const LoadedStudy &loaded : loadAll(&errors)) {
        EXPECT_FALSE(ids.contains(loaded.study.id)) << str(loaded.study.id);
        ids.insert(loaded.study.id);
        EXPECT_EQ(QFileInfo(loaded.path).fileName(), loaded.study.id + QStringLiteral(".toml"));
    }
    EXPECT_EQ(ids.size(), 20);
    EXPECT_TRUE(ids.contains(QStringLiteral("garrison2020_cochrane")));
}

TEST(StudiesFolder, EveryStudyIsSourcedAndCited)
{
    QStringList errors;
    static const QRegularExpression address(QStringLiteral("^https?://\\S+"));
    for (const LoadedStudy &loaded : loadAll(&errors)) {
        const Study &s = loaded.study;
        EXPECT_GE(s.sources.size(), 1) << str(s.id);
        for (const QString &source : s.sources)
            EXPECT_TRUE(address.match(source).hasMatch()) << str(s.id) << ": " << str(source);
        EXPECT_FALSE(s.citation.text.isEmpty()) << str(s.id);
        EXPECT_FALSE(s.design.isEmpty()) << str(s.id);
        EXPECT_FALSE(s.populations.isEmpty()) << str(s.id);
        EXPECT_FALSE(s.crampTypes.isEmpty()) << str(s.id);
        EXPECT_GT(s.citation.year, 1900) << str(s.id);
        // The independence filter needs a value and a reason for every seeded study.
        EXPECT_TRUE(Vocabularies::builtin().independence.contains(s.independence.value)) << str(s.id);
        EXPECT_FALSE(s.independence.reason.isEmpty()) << str(s.id);
        EXPECT_EQ(s.independence.source, ClassificationSource::Curated) << str(s.id);
    }
}

TEST(StudiesFolder, ConclusionsAndClaimsAreAttributed)
{
    QStringList errors;
    const Vocabularies &v = Vocabularies::builtin();
    for (const LoadedStudy &loaded : loadAll(&errors)) {
        const Study &s = loaded.study;
        for (const Conclusion &c : s.conclusions) {
            EXPECT_TRUE(v.conclusionSource.contains(c.source)) << str(s.id) << ": " << str(c.source);
            EXPECT_FALSE(c.text.trimmed().isEmpty()) << str(s.id);
            EXPECT_EQ(c.text, c.text.trimmed()) << str(s.id) << ": stray white space around a verbatim quote";
        }
        // A study without a verified conclusion says so instead of staying silent.
        if (s.conclusions.isEmpty()) {
            EXPECT_FALSE(s.isVerified(Field::Conclusions)) << str(s.id);
        }
        for (const Claim &c : s.claims) {
            EXPECT_TRUE(v.claimSource.contains(c.by)) << str(s.id) << ": " << str(c.by);
            EXPECT_FALSE(c.text.isEmpty()) << str(s.id);
        }
    }
}

TEST(StudiesFolder, IdentifiersAreBareOrMarkedNotVerified)
{
    QStringList errors;
    static const QRegularExpression doi(QStringLiteral("^10\\.[0-9]{4,9}/\\S+$"));
    static const QRegularExpression pmid(QStringLiteral("^[0-9]+$"));
    for (const LoadedStudy &loaded : loadAll(&errors)) {
        const Study &s = loaded.study;
        if (s.ids.doi.isEmpty()) {
            EXPECT_FALSE(s.isVerified(Field::Doi)) << str(s.id) << ": empty DOI without a not-verified note";
        } else {
            EXPECT_TRUE(doi.match(s.ids.doi).hasMatch()) << str(s.id);
        }
        if (s.ids.pmid.isEmpty()) {
            EXPECT_FALSE(s.isVerified(Field::Pmid)) << str(s.id) << ": empty PMID without a not-verified note";
        } else {
            EXPECT_TRUE(pmid.match(s.ids.pmid).hasMatch()) << str(s.id);
        }
        for (auto it = s.notVerified.cbegin(); it != s.notVerified.cend(); ++it)
            EXPECT_FALSE(it.value().isEmpty()) << str(s.id) << ": not_verified." << str(it.key()) << " has no reason";
    }
}

TEST(StudiesFolder, FilesAreInTheWriterForm)
{
    // The checked-in files read back to the same record after a write: nothing in them is
    // silently dropped by the reader (a dropped key would be an unknown-key error anyway).
    QStringList errors;
    for (const LoadedStudy &loaded : loadAll(&errors)) {
        const StudyFileResult again
            = readStudyText(writeStudyText(loaded.study), loaded.path, Vocabularies::builtin(), loaded.study.id);
        ASSERT_TRUE(again.study) << str(again.errors.join(u'\n'));
        EXPECT_TRUE(sameStudy(loaded.study, *again.study));
    }
}
