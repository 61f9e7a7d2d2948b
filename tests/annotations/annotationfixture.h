#pragma once

// A library seeded from the project's studies/ with people who annotate: two students (Stu,
// Sue), a reviewer (Bea) and a clinician (Ann), who may only read.

#include "corehelpers.h"

#include "annotations/annotationservice.h"
#include "review/reviewservice.h"
#include "store/studystore.h"

#include <QSqlError>
#include <QSqlQuery>

namespace mgreview::testing {

/// The verbatim 2020 Cochrane conclusion (studies/garrison2020_cochrane.toml), conclusion 1.
inline const QString kCochrane = QStringLiteral("garrison2020_cochrane");

class AnnotationTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        Database &db = m_library.open();
        QStringList errors;
        ASSERT_EQ(seedProjectStudies(db, &errors), 20) << str(errors.join(u'\n'));
        QString error;
        for (const Profile &p : { Profile { QStringLiteral("Stu"), Role::Student },
                 Profile { QStringLiteral("Sue"), Role::Student }, Profile { QStringLiteral("Bea"), Role::Reviewer },
                 Profile { QStringLiteral("Ann"), Role::Clinician } })
            ASSERT_TRUE(ReviewService(db).addProfile(p, &error)) << str(error);
    }

    const Database &db() { return *m_library.database(); }
    AnnotationService service() { return AnnotationService(*m_library.database()); }

    /// Annotates a verbatim quote of a study's conclusions; must succeed.
    AnnotationResult annotate(const QString &study, const QString &quote, const QString &tag,
        const QString &author = QStringLiteral("Stu"), const QString &note = {})
    {
        QString error;
        const std::optional<AnnotationResult> r
            = service().createFromQuote(study, quote, std::nullopt, tag, note, author, &error);
        EXPECT_TRUE(r) << str(error);
        return r.value_or(AnnotationResult {});
    }

    std::optional<Annotation> current(const QString &id)
    {
        QString error;
        std::optional<Annotation> a = service().annotation(id, &error);
        EXPECT_TRUE(a) << str(error);
        return a;
    }

    /// The resolved (anchored) form of one annotation.
    ResolvedAnnotation resolvedOne(const QString &id)
    {
        QString error;
        const std::optional<Annotation> a = current(id);
        if (!a)
            return {};
        const std::optional<QVector<ResolvedAnnotation>> r = service().resolve({ *a }, &error);
        EXPECT_TRUE(r && r->size() == 1) << str(error);
        return r && !r->isEmpty() ? r->first() : ResolvedAnnotation {};
    }

    /// Replaces the text of a study's conclusion (as an editor of the record would).
    void editConclusion(const QString &study, int number, const QString &text)
    {
        QString error;
        std::optional<Study> s = StudyStore(db()).load(study, &error);
        ASSERT_TRUE(s) << str(error);
        ASSERT_GE(s->conclusions.size(), number);
        s->conclusions[number - 1].text = text;
        ASSERT_TRUE(StudyStore(db()).update(*s, &error)) << str(error);
    }

    QString conclusionText(const QString &study, int number)
    {
        QString error;
        const std::optional<Study> s = StudyStore(db()).load(study, &error);
        EXPECT_TRUE(s) << str(error);
        return s && s->conclusions.size() >= number ? s->conclusions.at(number - 1).text : QString();
    }

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

    /// Ids of the studies a full-text query finds (the store's FTS and the window's index).
    QStringList searchIds(const QString &query)
    {
        QString error;
        const std::optional<QVector<qint64>> keys = StudyStore(db()).search(query, &error);
        EXPECT_TRUE(keys) << str(error);
        QStringList ids;
        for (const qint64 key : keys.value_or(QVector<qint64>()))
            ids += column(QStringLiteral("SELECT id FROM studies WHERE pk = %1").arg(key));
        return ids;
    }

    TempLibrary m_library;
};

} // namespace mgreview::testing
