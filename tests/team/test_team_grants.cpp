// Every table of a team library has exactly the rights intended for each team role. The
// test walks ALL tables of the library's schema: a table added later without a decision
// about its rights (in store/teamroles.cpp and here) fails it.
#include "corehelpers.h"

#include "store/teamroles.h"

#include <QMap>
#include <QSqlError>
#include <QSqlQuery>

#include <array>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

// Beyond SELECT, which every role has on every table. Order: clinician, student, reviewer, editor.
using Rights = std::array<const char *, 4>;
const char *const kEditor = "INSERT UPDATE DELETE";
const Rights kEditorOnly = {"", "", "", kEditor};
const Rights kReadOnly = {"", "", "", ""};
const Rights kJudgements = {"", "", "INSERT", "INSERT"};

const QMap<QString, Rights> &intended()
{
    static const QMap<QString, Rights> rights = {
        {QStringLiteral("schema_version"), kReadOnly},
        {QStringLiteral("profiles"), kReadOnly}, // the owner adds profiles
        {QStringLiteral("studies"), kEditorOnly},
        // Students re-index annotation words only through mgreview_index_notes().
        {QStringLiteral("study_text"), kEditorOnly},
        {QStringLiteral("library_meta"), kEditorOnly},
        {QStringLiteral("seed_log"), kEditorOnly},
        {QStringLiteral("rule_suggestions"), kEditorOnly},
        {QStringLiteral("audit_log"), kJudgements},
        {QStringLiteral("review_judgements"), kJudgements},
        {QStringLiteral("review_resolutions"), kJudgements},
        {QStringLiteral("pdf_files"), kEditorOnly},
        {QStringLiteral("pdf_attachments"), kEditorOnly},
        {QStringLiteral("pdf_pages"), kEditorOnly},
        {QStringLiteral("quote_checks"), kEditorOnly},
        {QStringLiteral("annotation_events"), {"", "INSERT", "INSERT", "INSERT"}},
        {QStringLiteral("annotations"), {"", "INSERT UPDATE", "INSERT UPDATE", "INSERT UPDATE"}},
        {QStringLiteral("import_batches"), kEditorOnly},
        {QStringLiteral("duplicate_candidates"), kEditorOnly},
        {QStringLiteral("study_merges"), kEditorOnly},
    };
    return rights;
}

class TeamGrantsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        MGREVIEW_REQUIRE_BACKEND(Backend::Postgres);
        m_library.useBackend(Backend::Postgres);
        QStringList log;
        QString error;
        ASSERT_TRUE(initTeamLibrary(m_library.open(), &log, &error)) << str(error);
    }

    QSqlQuery query(const QString &sql)
    {
        QSqlQuery q(m_library.database()->connection());
        EXPECT_TRUE(q.exec(sql)) << str(q.lastError().text()) << " in " << str(sql);
        return q;
    }

    TempLibrary m_library;
};

} // namespace

TEST_F(TeamGrantsTest, EveryTableHasExactlyTheIntendedRights)
{
    QSqlQuery tables = query(QStringLiteral("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
                                            "ORDER BY table_name"));
    QStringList seen;
    while (tables.next())
        seen.append(tables.value(0).toString());
    ASSERT_FALSE(seen.isEmpty());
    const QStringList roles = teamRoleNames();
    const QStringList privileges = {QStringLiteral("SELECT"), QStringLiteral("INSERT"), QStringLiteral("UPDATE"),
                                    QStringLiteral("DELETE"), QStringLiteral("TRUNCATE")};
    for (const QString &table : std::as_const(seen)) {
        const auto it = intended().constFind(table);
        if (it == intended().cend()) {
            ADD_FAILURE() << "table " << str(table) << " has no intended team rights: decide them in "
                          << "core/store/teamroles.cpp and list them in this test";
            continue;
        }
        for (int r = 0; r < roles.size(); ++r) {
            const QStringList writes = QString::fromLatin1(it->at(r)).split(u' ', Qt::SkipEmptyParts);
            for (const QString &privilege : privileges) {
                QSqlQuery q = query(QStringLiteral("SELECT has_table_privilege('mgreview_%1', '%2', '%3')")
                                        .arg(roles.at(r), table, privilege));
                ASSERT_TRUE(q.next());
                const bool expected = privilege == u"SELECT" || writes.contains(privilege);
                EXPECT_EQ(q.value(0).toBool(), expected)
                    << str(roles.at(r)) << " " << str(privilege) << " on " << str(table);
            }
        }
    }
    // And the list names no table the library lacks (it keeps up with the schema both ways).
    for (auto it = intended().cbegin(); it != intended().cend(); ++it)
        EXPECT_TRUE(seen.contains(it.key())) << "no table " << str(it.key());
}

TEST_F(TeamGrantsTest, OnlyThoseWhoAnnotateMayReindexNotes)
{
    const QString function = QStringLiteral("mgreview_index_notes(text, text, text)");
    const QStringList roles = teamRoleNames();
    for (const QString &role : roles) {
        QSqlQuery q = query(QStringLiteral("SELECT has_function_privilege('mgreview_%1', '%2', 'EXECUTE')")
                                .arg(role, function));
        ASSERT_TRUE(q.next());
        EXPECT_EQ(q.value(0).toBool(), role != u"clinician") << str(role);
    }
    QSqlQuery pub = query(QStringLiteral("SELECT has_function_privilege('public', '%1', 'EXECUTE')").arg(function));
    ASSERT_TRUE(pub.next());
    EXPECT_FALSE(pub.value(0).toBool());
}
