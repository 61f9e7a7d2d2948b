// The command-line parser: commands, options in any position, values, and usage errors.
#include "arguments.h"

#include "corehelpers.h"

using namespace mgreview;
using namespace mgreview::cli;
using namespace mgreview::testing;

namespace {

QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(u' ', Qt::SkipEmptyParts);
}

Arguments parsed(const char *text)
{
    const ParseResult result = parseArguments(words(text));
    EXPECT_TRUE(result.arguments) << text << ": " << str(result.error);
    return result.arguments.value_or(Arguments{});
}

QString errorOf(const QStringList &arguments)
{
    const ParseResult result = parseArguments(arguments);
    EXPECT_FALSE(result.arguments);
    return result.error;
}

TEST(CliArguments, ListDefaults)
{
    const Arguments a = parsed("list");
    EXPECT_EQ(a.command, Command::List);
    EXPECT_EQ(a.format, OutputFormat::Table);
    EXPECT_EQ(a.filter, IndependenceFilter::All);
    EXPECT_TRUE(a.library.isEmpty());
    EXPECT_TRUE(a.studies.isEmpty());
    EXPECT_TRUE(a.seed);
}

TEST(CliArguments, GlobalOptionsBeforeOrAfterTheCommand)
{
    const Arguments before = parsed("--library /x/lib.sqlite --no-seed list --format json --filter independent");
    const Arguments after = parsed("list --filter=independent --library=/x/lib.sqlite --format=json --no-seed");
    for (const Arguments &a : {before, after}) {
        EXPECT_EQ(a.command, Command::List);
        EXPECT_EQ(a.library, QStringLiteral("/x/lib.sqlite"));
        EXPECT_FALSE(a.seed);
        EXPECT_EQ(a.format, OutputFormat::Json);
        EXPECT_EQ(a.filter, IndependenceFilter::Independent);
    }
    EXPECT_EQ(parsed("--studies /s list").studies, QStringLiteral("/s"));
}

TEST(CliArguments, ShowTakesOneIdAndSearchJoinsWords)
{
    const Arguments show = parsed("show garrison2020_cochrane --format csv");
    EXPECT_EQ(show.command, Command::Show);
    EXPECT_EQ(show.id, QStringLiteral("garrison2020_cochrane"));
    EXPECT_EQ(show.format, OutputFormat::Csv);

    EXPECT_EQ(parsed("search magnesium pregnancy --filter unclear").text, QStringLiteral("magnesium pregnancy"));
    // After "--" even words that look like options are search text.
    const ParseResult dashed = parseArguments({QStringLiteral("search"), QStringLiteral("--"), QStringLiteral("--x")});
    ASSERT_TRUE(dashed.arguments);
    EXPECT_EQ(dashed.arguments->text, QStringLiteral("--x"));
}

TEST(CliArguments, HelpAndVersionWinOverEverythingElse)
{
    EXPECT_EQ(parsed("--help").command, Command::Help);
    EXPECT_EQ(parsed("list -h").command, Command::Help);
    EXPECT_EQ(parsed("help").command, Command::Help);
    EXPECT_EQ(parsed("--version").command, Command::Version);
    EXPECT_EQ(parsed("frob -v").command, Command::Version);
}

TEST(CliArguments, UsageErrorsSayWhatIsWrong)
{
    EXPECT_EQ(errorOf({}), QStringLiteral("no command given"));
    EXPECT_EQ(errorOf(words("frob")), QStringLiteral("unknown command 'frob'"));
    EXPECT_EQ(errorOf(words("list --bogus")), QStringLiteral("unknown option '--bogus'"));
    EXPECT_EQ(errorOf(words("list -x")), QStringLiteral("unknown option '-x'"));
    EXPECT_EQ(errorOf(words("list --library")), QStringLiteral("option '--library' needs a value"));
    EXPECT_EQ(errorOf(words("list --library=")), QStringLiteral("option '--library' needs a value"));
    EXPECT_EQ(errorOf(words("list --no-seed=yes")), QStringLiteral("option '--no-seed' takes no value"));
    EXPECT_TRUE(errorOf(words("list --format xml")).startsWith(QStringLiteral("invalid format 'xml'")));
    EXPECT_TRUE(errorOf(words("list --filter pharma")).startsWith(QStringLiteral("invalid filter 'pharma'")));
    EXPECT_EQ(errorOf(words("show")), QStringLiteral("'show' needs a study ID"));
    EXPECT_EQ(errorOf(words("show a b")), QStringLiteral("unexpected argument 'b' for 'show'"));
    EXPECT_EQ(errorOf(words("list extra")), QStringLiteral("unexpected argument 'extra' for 'list'"));
    EXPECT_EQ(errorOf(words("search")), QStringLiteral("'search' needs the text to search for"));
    EXPECT_EQ(errorOf(words("show x --filter all")), QStringLiteral("option '--filter' does not apply to 'show'"));
}

} // namespace
