// The controlled vocabularies: the built-in set is complete and loading reports located errors.
#include "corehelpers.h"

#include "model/vocabulary.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

const QStringList kNames = { QStringLiteral("population"), QStringLiteral("cramp_type"), QStringLiteral("design"),
    QStringLiteral("direction"), QStringLiteral("certainty"), QStringLiteral("funder_type"),
    QStringLiteral("independence"), QStringLiteral("industry_link"), QStringLiteral("conclusion_source"),
    QStringLiteral("claim_source") };

// A copy of resources/vocabularies in a temporary folder, to break one file at a time.
bool copyVocabularies(const QString &target)
{
    const QString source = QStringLiteral(MGREVIEW_SOURCE_DIR "/resources/vocabularies");
    for (const QString &name : kNames) {
        const QString file = name + QStringLiteral(".toml");
        if (!QFile::copy(source + u'/' + file, target + u'/' + file))
            return false;
    }
    return true;
}

} // namespace

TEST(Vocabulary, BuiltinHasTheProductGuideTerms)
{
    const Vocabularies &v = Vocabularies::builtin();
    EXPECT_EQ(v.population.ids(),
        QStringList({ QStringLiteral("older_adults"), QStringLiteral("general_adults"),
            QStringLiteral("pregnant_women"), QStringLiteral("hemodialysis"), QStringLiteral("cirrhosis"),
            QStringLiteral("athletes"), QStringLiteral("als_mnd"), QStringLiteral("children") }));
    EXPECT_EQ(v.crampType.ids(),
        QStringList({ QStringLiteral("nocturnal_idiopathic"), QStringLiteral("pregnancy"),
            QStringLiteral("exercise_associated"), QStringLiteral("disease_state"), QStringLiteral("doms"),
            QStringLiteral("mg_deficiency") }));
    EXPECT_EQ(v.direction.ids(),
        QStringList({ QStringLiteral("benefit"), QStringLiteral("no_benefit"), QStringLiteral("conflicting"),
            QStringLiteral("inconclusive"), QStringLiteral("not_about_intervention") }));
    EXPECT_EQ(v.certainty.ids(),
        QStringList({ QStringLiteral("high"), QStringLiteral("moderate"), QStringLiteral("low"),
            QStringLiteral("very_low"), QStringLiteral("not_graded") }));
    EXPECT_EQ(v.independence.ids(),
        QStringList({ QStringLiteral("independent"), QStringLiteral("industry-linked"), QStringLiteral("unclear") }));
    EXPECT_EQ(v.industryLink.ids(),
        QStringList({ QStringLiteral("funded"), QStringLiteral("product-supplied"), QStringLiteral("author-paid"),
            QStringLiteral("company-run") }));
    EXPECT_EQ(v.funderType.terms().size(), 8);
    EXPECT_TRUE(v.conclusionSource.contains(QStringLiteral("secondary_page")));
    EXPECT_TRUE(v.claimSource.contains(QStringLiteral("research_brief")));
    EXPECT_TRUE(v.claimSource.contains(QStringLiteral("consumer_article")));
}

TEST(Vocabulary, DesignsAreInEvidenceOrder)
{
    const Vocabulary &design = Vocabularies::builtin().design;
    ASSERT_FALSE(design.terms().isEmpty());
    EXPECT_EQ(design.terms().constFirst().id, QStringLiteral("cochrane_review"));
    EXPECT_EQ(design.terms().constFirst().rank, 1);
    int previous = 0;
    for (const VocabularyTerm &term : design.terms()) {
        EXPECT_GE(term.rank, previous) << str(term.id);
        EXPECT_GT(term.rank, 0) << str(term.id);
        previous = term.rank;
    }
}

TEST(Vocabulary, EveryTermHasIdLabelAndUniqueId)
{
    const Vocabularies &v = Vocabularies::builtin();
    for (const Vocabulary *vocabulary : { &v.population, &v.crampType, &v.design, &v.direction, &v.certainty,
             &v.funderType, &v.independence, &v.industryLink, &v.conclusionSource, &v.claimSource }) {
        EXPECT_FALSE(vocabulary->terms().isEmpty()) << str(vocabulary->name());
        QStringList ids = vocabulary->ids();
        const qsizetype count = ids.size();
        ids.removeDuplicates();
        EXPECT_EQ(ids.size(), count) << str(vocabulary->name());
        for (int i = 0; i < vocabulary->terms().size(); ++i) {
            const VocabularyTerm &term = vocabulary->terms().at(i);
            EXPECT_FALSE(term.label.isEmpty()) << str(term.id);
            EXPECT_EQ(vocabulary->indexOf(term.id), i);
            EXPECT_EQ(vocabulary->term(term.id), &term);
        }
    }
}

TEST(Vocabulary, LabelsNeverHideAnUnknownId)
{
    const Vocabulary &design = Vocabularies::builtin().design;
    EXPECT_EQ(design.label(QStringLiteral("cochrane_review")),
        QStringLiteral("Cochrane / systematic review with meta-analysis"));
    EXPECT_EQ(design.shortLabel(QStringLiteral("cochrane_review")), QStringLiteral("Cochrane/SR+MA"));
    EXPECT_EQ(design.label(QStringLiteral("made_up")), QStringLiteral("made_up"));
    EXPECT_EQ(design.shortLabel(QStringLiteral("made_up")), QStringLiteral("made_up"));
    EXPECT_EQ(design.term(QStringLiteral("made_up")), nullptr);
    EXPECT_EQ(design.indexOf(QStringLiteral("made_up")), -1);
}

TEST(Vocabulary, LoadsFromAFolder)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ASSERT_TRUE(copyVocabularies(dir.path()));
    Vocabularies v;
    QStringList errors;
    EXPECT_TRUE(v.load(dir.path(), &errors)) << str(errors.join(u'\n'));
    EXPECT_EQ(v.design.ids(), Vocabularies::builtin().design.ids());
}

TEST(Vocabulary, ErrorsAreLocated)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ASSERT_TRUE(copyVocabularies(dir.path()));
    const QString path = dir.filePath(QStringLiteral("direction.toml"));
    ASSERT_TRUE(QFile::remove(path));
    ASSERT_TRUE(writeFileBytes(path,
        "[[term]]\nid = \"benefit\"\nlabel = \"Benefit\"\n\n"
        "[[term]]\nid = \"benefit\"\nlabel = \"Again\"\n\n"
        "[[term]]\nid = \"x\"\nlable = \"typo\"\n"));
    Vocabularies v;
    QStringList errors;
    EXPECT_FALSE(v.load(dir.path(), &errors));
    ASSERT_EQ(errors.size(), 3) << str(errors.join(u'\n'));
    EXPECT_TRUE(errors.at(0).startsWith(path + QStringLiteral(":5:1: duplicate term id 'benefit'")))
        << str(errors.at(0));
    EXPECT_TRUE(errors.at(1).startsWith(path + QStringLiteral(":11:1: unknown key 'lable'"))) << str(errors.at(1));
    EXPECT_TRUE(errors.at(2).startsWith(path + QStringLiteral(":9:1: a term needs an id and a label")))
        << str(errors.at(2));
}

TEST(Vocabulary, RankMustBeANumber)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ASSERT_TRUE(copyVocabularies(dir.path()));
    const QString path = dir.filePath(QStringLiteral("design.toml"));
    ASSERT_TRUE(QFile::remove(path));
    ASSERT_TRUE(writeFileBytes(path, "[[term]]\nid = \"rct\"\nlabel = \"RCT\"\nrank = \"1\"\n"));
    Vocabularies v;
    QStringList errors;
    EXPECT_FALSE(v.load(dir.path(), &errors));
    ASSERT_EQ(errors.size(), 1) << str(errors.join(u'\n'));
    EXPECT_TRUE(errors.at(0).startsWith(path + QStringLiteral(":4:8: 'rank' must be a whole number")))
        << str(errors.at(0));
}

TEST(Vocabulary, SyntaxErrorAndMissingFileNameThePath)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ASSERT_TRUE(copyVocabularies(dir.path()));
    const QString broken = dir.filePath(QStringLiteral("certainty.toml"));
    ASSERT_TRUE(QFile::remove(broken));
    ASSERT_TRUE(writeFileBytes(broken, "[[term]\nid = \"high\"\n"));
    ASSERT_TRUE(QFile::remove(dir.filePath(QStringLiteral("population.toml"))));
    Vocabularies v;
    QStringList errors;
    EXPECT_FALSE(v.load(dir.path(), &errors));
    ASSERT_EQ(errors.size(), 2) << str(errors.join(u'\n'));
    EXPECT_TRUE(
        errors.at(0).startsWith(dir.filePath(QStringLiteral("population.toml")) + QStringLiteral(": cannot read")))
        << str(errors.at(0));
    static const QRegularExpression located(QStringLiteral("^.*/certainty\\.toml:1:\\d+: "));
    EXPECT_TRUE(located.match(errors.at(1)).hasMatch()) << str(errors.at(1));
}
