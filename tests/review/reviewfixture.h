#pragma once

// A library seeded from the project's studies/ with a cast of people: two reviewers (Bea,
// Carl), a third reviewer (Dan), a clinician (Ann) and a student (Stu).

#include "corehelpers.h"

#include "review/reviewservice.h"
#include "store/studystore.h"

#include <QSqlError>
#include <QSqlQuery>

namespace mgreview::testing {

/// Runs on SQLite and on PostgreSQL: every suite built on it is instantiated for both
/// (INSTANTIATE_TEST_SUITE_P(Backends, Suite, kAllBackends, backendName)).
class ReviewTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        MGREVIEW_REQUIRE_BACKEND(GetParam());
        m_library.useBackend(GetParam());
        Database &db = m_library.open();
        QStringList errors;
        ASSERT_EQ(seedProjectStudies(db, &errors), 20) << str(errors.join(u'\n'));
        QString error;
        for (const Profile &p : { Profile { QStringLiteral("Bea"), Role::Reviewer },
                 Profile { QStringLiteral("Carl"), Role::Reviewer }, Profile { QStringLiteral("Dan"), Role::Reviewer },
                 Profile { QStringLiteral("Ann"), Role::Clinician }, Profile { QStringLiteral("Stu"), Role::Student } })
            ASSERT_TRUE(service().addProfile(p, &error)) << str(error);
    }

    const Database &db() { return *m_library.database(); }
    ReviewService service() { return ReviewService(*m_library.database()); }

    static JudgementContent judgement(const char *value, const char *link = "", const char *reason = "because")
    {
        return { QString::fromUtf8(value), QString::fromUtf8(link), QString::fromUtf8(reason), {}, {}, std::nullopt };
    }

    /// Records a judgement that must succeed; returns its change id.
    qint64 flag(const QString &study, const QString &reviewer, const JudgementContent &content)
    {
        QString error;
        const std::optional<ChangeResult> result = service().recordJudgement(study, reviewer, content, &error);
        EXPECT_TRUE(result) << str(error);
        return result ? result->changeId : 0;
    }

    /// The first column of every row of a query.
    QStringList column(const QString &sql)
    {
        QSqlQuery q(db().connection());
        QStringList out;
        if (!q.exec(sql)) {
            ADD_FAILURE() << str(sql) << ": " << str(q.lastError().text());
            return out;
        }
        while (q.next())
            out.append(q.value(0).toString());
        return out;
    }
    int count(const QString &table) { return column(QStringLiteral("SELECT count(*) FROM ") + table).value(0).toInt(); }

    /// The table row of a study, as the window and the CLI list show it.
    StudySummary row(const QString &id)
    {
        QString error;
        const std::optional<QVector<StudySummary>> rows = StudyStore(db()).summaries(&error);
        EXPECT_TRUE(rows) << str(error);
        for (const StudySummary &s : rows.value_or(QVector<StudySummary>())) {
            if (s.id == id)
                return s;
        }
        ADD_FAILURE() << "no row " << str(id);
        return {};
    }

    TempLibrary m_library;
};

} // namespace mgreview::testing
