// The same through the real mgreview-cli: annotate, list, export to files, import back.
#include "clifixture.h"

#include "csvreader.h"

#include <QFile>
#include <QJsonDocument>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

class AnnotationCliTest : public CliProcessTest
{
protected:
    void SetUp() override
    {
        for (const auto &[name, role] : { std::pair { "Stu", "student" }, std::pair { "Ann", "clinician" } }) {
            const CliResult r = cli({ QStringLiteral("profile"), QStringLiteral("add"), QString::fromLatin1(name),
                QStringLiteral("--role"), QString::fromLatin1(role) });
            ASSERT_EQ(r.exitCode, 0) << str(r.errText());
        }
    }
    CliResult annotate(const QString &quote, const QString &tag, const QString &author, const QString &note = {})
    {
        QStringList args { QStringLiteral("annotate"), QStringLiteral("garrison2020_cochrane"), QStringLiteral("--quote"),
            quote, QStringLiteral("--tag"), tag, QStringLiteral("--author"), author };
        if (!note.isEmpty())
            args << QStringLiteral("--note") << note;
        return cli(args);
    }
    QString file(const QString &name) const { return m_scratch.filePath(name); }
};

} // namespace

TEST_F(AnnotationCliTest, AnnotateListExportImport)
{
    const CliResult made = annotate(QStringLiteral("the literature is conflicting"), QStringLiteral("overstated"),
        QStringLiteral("Stu"), QStringLiteral("Two small trials, *opposite* results"));
    ASSERT_EQ(made.exitCode, 0) << str(made.errText());
    EXPECT_TRUE(made.outText().startsWith(QStringLiteral("change 1: annotation "))) << str(made.outText());
    EXPECT_TRUE(made.outText().contains(QStringLiteral("on garrison2020_cochrane conclusion 1"))) << str(made.outText());

    const CliResult listed = cli({ QStringLiteral("annotations"), QStringLiteral("list"), QStringLiteral("--format"),
        QStringLiteral("json") });
    ASSERT_EQ(listed.exitCode, 0) << str(listed.errText());
    QString error;
    const std::optional<QJsonArray> array = jsonArray(listed, &error);
    ASSERT_TRUE(array && array->size() == 1) << str(error);
    const QJsonObject a = array->first().toObject();
    EXPECT_EQ(a.value(QStringLiteral("exact")).toString(), QStringLiteral("the literature is conflicting"));
    EXPECT_EQ(a.value(QStringLiteral("tag")).toString(), QStringLiteral("overstated"));
    EXPECT_EQ(a.value(QStringLiteral("author")).toString(), QStringLiteral("Stu"));
    EXPECT_EQ(a.value(QStringLiteral("status")).toString(), QStringLiteral("anchored"));

    // Search finds the study by a word of the note.
    const CliResult found = cli({ QStringLiteral("search"), QStringLiteral("opposite"), QStringLiteral("--format"),
        QStringLiteral("json") });
    ASSERT_EQ(found.exitCode, 0) << str(found.errText());
    EXPECT_EQ(idsOf(*jsonArray(found, &error)), QStringList { QStringLiteral("garrison2020_cochrane") });

    // Every export format, to files, read back.
    const QString md = file(QStringLiteral("stu.md")), csv = file(QStringLiteral("all.csv")),
                  jsonld = file(QStringLiteral("all.jsonld"));
    for (const QStringList &args : { QStringList { QStringLiteral("markdown"), md, QStringLiteral("--author"), QStringLiteral("Stu") },
             QStringList { QStringLiteral("csv"), csv }, QStringList { QStringLiteral("jsonld"), jsonld } }) {
        const CliResult r = cli(QStringList { QStringLiteral("annotations"), QStringLiteral("export"),
                                    QStringLiteral("--format"), args.at(0), QStringLiteral("-o"), args.at(1) }
            + args.mid(2));
        ASSERT_EQ(r.exitCode, 0) << str(r.errText());
        EXPECT_TRUE(r.errText().contains(QStringLiteral("1 annotation written to"))) << str(r.errText());
    }
    const QString markdown = QString::fromUtf8(readFileBytes(md));
    EXPECT_TRUE(markdown.startsWith(QStringLiteral("# Annotations by Stu\n"))) << str(markdown);
    EXPECT_TRUE(markdown.contains(QStringLiteral("> the literature is conflicting\n\n**Overstated** · Stu")));
    EXPECT_TRUE(markdown.contains(QStringLiteral("Two small trials, *opposite* results")));
    const std::optional<QVector<QStringList>> rows = readCsv(QString::fromUtf8(readFileBytes(csv)), &error);
    ASSERT_TRUE(rows && rows->size() == 2) << str(error);
    EXPECT_EQ(rows->at(1).at(9), QStringLiteral("the literature is conflicting"));
    const QJsonObject collection = QJsonDocument::fromJson(readFileBytes(jsonld)).object();
    EXPECT_EQ(collection.value(QStringLiteral("@context")).toString(), QStringLiteral("http://www.w3.org/ns/anno.jsonld"));

    // Import into a fresh library, export again: the same file.
    TempLibrary other;
    const QStringList otherLibrary { QStringLiteral("--library"), other.path(), QStringLiteral("--studies"), projectStudiesFolder() };
    ASSERT_EQ(m_runner.run(otherLibrary + QStringList { QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Stu"),
                                              QStringLiteral("--role"), QStringLiteral("student") }).exitCode, 0);
    const CliResult imported = m_runner.run(otherLibrary + QStringList { QStringLiteral("annotations"), QStringLiteral("import"), jsonld });
    ASSERT_EQ(imported.exitCode, 0) << str(imported.errText());
    EXPECT_TRUE(imported.outText().endsWith(QStringLiteral(": 1 added, 0 updated, 0 unchanged\n"))) << str(imported.outText());
    const QString again = file(QStringLiteral("again.jsonld"));
    ASSERT_EQ(m_runner.run(otherLibrary + QStringList { QStringLiteral("annotations"), QStringLiteral("export"),
                                              QStringLiteral("--format"), QStringLiteral("jsonld"), QStringLiteral("-o"), again }).exitCode, 0);
    EXPECT_EQ(readFileBytes(again), readFileBytes(jsonld));
}

TEST_F(AnnotationCliTest, DeleteUndoRedoByChangeNumber)
{
    ASSERT_EQ(annotate(QStringLiteral("the literature is conflicting"), QStringLiteral("overstated"), QStringLiteral("Stu")).exitCode, 0);
    const QJsonArray listed = *jsonArray(cli({ QStringLiteral("annotations"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json") }), nullptr);
    const QString id = listed.first().toObject().value(QStringLiteral("id")).toString();
    const CliResult deleted = cli({ QStringLiteral("annotations"), QStringLiteral("delete"), id, QStringLiteral("--author"), QStringLiteral("Stu") });
    ASSERT_EQ(deleted.exitCode, 0) << str(deleted.errText());
    EXPECT_EQ(deleted.outText(), QStringLiteral("change 2: deleted annotation %1 (now deleted)\n").arg(id));
    EXPECT_TRUE(cli({ QStringLiteral("annotations"), QStringLiteral("list") }).outText().endsWith(QStringLiteral("0 annotations\n")));
    const CliResult undone = cli({ QStringLiteral("annotations"), QStringLiteral("undo"), QStringLiteral("2"), QStringLiteral("--author"), QStringLiteral("Stu") });
    ASSERT_EQ(undone.exitCode, 0) << str(undone.errText());
    EXPECT_TRUE(cli({ QStringLiteral("annotations"), QStringLiteral("list") }).outText().endsWith(QStringLiteral("1 annotation\n")));
    const CliResult history = cli({ QStringLiteral("annotations"), QStringLiteral("history"), id });
    EXPECT_EQ(history.outText().count(u'\n'), 3) << str(history.outText());
    EXPECT_TRUE(history.outText().contains(QStringLiteral("undo  ") + id + QStringLiteral("  (undoes 2)"))) << str(history.outText());
}

TEST_F(AnnotationCliTest, CliniciansAreRefusedAndUsageErrorsAreClear)
{
    const CliResult refused = annotate(QStringLiteral("the literature is conflicting"), QStringLiteral("overstated"), QStringLiteral("Ann"));
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_EQ(refused.errText(), QStringLiteral("mgreview-cli: clinician 'Ann' may not annotate studies\n"));
    const CliResult unknown = annotate(QStringLiteral("the literature is conflicting"), QStringLiteral("overstated"), QStringLiteral("Zed"));
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.errText().contains(QStringLiteral("profile add 'Zed' --role student"))) << str(unknown.errText());

    expectUsageError(cli({ QStringLiteral("annotate"), QStringLiteral("garrison2020_cochrane"), QStringLiteral("--tag"),
                         QStringLiteral("overstated"), QStringLiteral("--author"), QStringLiteral("Stu") }),
        QStringLiteral("'annotate' needs --quote TEXT"));
    expectUsageError(cli({ QStringLiteral("annotations"), QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("pdf") }),
        QStringLiteral("invalid format 'pdf' for 'annotations export' (expected markdown, csv or jsonld)"));
    expectUsageError(cli({ QStringLiteral("annotations") }), QStringLiteral("'annotations' needs a subcommand"));
    expectUsageError(cli({ QStringLiteral("annotate"), QStringLiteral("x"), QStringLiteral("--quote"), QStringLiteral("q"),
                         QStringLiteral("--tag"), QStringLiteral("t"), QStringLiteral("--author"), QStringLiteral("Stu"),
                         QStringLiteral("--conclusion"), QStringLiteral("0") }),
        QStringLiteral("invalid conclusion '0'"));
    const CliResult help = cli({ QStringLiteral("--help") });
    EXPECT_TRUE(help.outText().contains(QStringLiteral("annotations export --format markdown|csv|jsonld")));
}
