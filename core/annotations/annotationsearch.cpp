#include "annotations/annotationsearch.h"

#include "annotations/annotationtags.h"
#include "store/database.h"
#include "library/searchtext.h"
#include "store/studyrows.h"
#include "store/notesseparator.h"
#include "store/teamsql.h"

#include <QSqlQuery>
#include <QVariant>

namespace mgreview {

bool annotationSearchText(QSqlDatabase &db, const QString &studyId, QString *notes, QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT tag, note FROM annotations WHERE study_id = ? AND deleted = 0 ORDER BY id"));
    q.addBindValue(studyId);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("reading annotations to index"), q);
        return false;
    }
    const AnnotationTags &tags = AnnotationTags::builtin();
    QStringList parts;
    while (q.next())
        parts << tags.label(q.value(0).toString()) << q.value(1).toString();
    *notes = parts.join(u'\n');
    return true;
}

bool appendAnnotationSearchText(QSqlDatabase &db, const QString &studyId, SearchableText *text, QString *error)
{
    QString notes;
    if (!annotationSearchText(db, studyId, &notes, error))
        return false;
    if (!notes.isEmpty())
        text->other += QChar(kNotesSeparator) + notes;
    return true;
}

namespace {

/// Whether the library has the team's notes re-indexing function (store/teamsql.h).
bool hasIndexNotesFunction(QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT to_regprocedure('%1(text, text, text)') IS NOT NULL")
                      .arg(QLatin1String(TeamSql::kIndexNotesFunction)))
        && q.next() && q.value(0).toBool();
}

bool indexNotesOnly(QSqlDatabase &db, const QString &studyId, QString *error)
{
    QString notes;
    if (!annotationSearchText(db, studyId, &notes, error))
        return false;
    QStringList words = searchTerms(notes);
    words.removeIf([](const QString &word) { return word.toUtf8().size() >= 2000; }); // PostgreSQL's lexeme limit
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1(?, ?, ?)").arg(QLatin1String(TeamSql::kIndexNotesFunction)));
    q.addBindValue(studyId);
    q.addBindValue(sqlText(notes));
    q.addBindValue(words.join(u' '));
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("indexing the annotations of study '%1'").arg(studyId), q);
        return false;
    }
    return true;
}

} // namespace

bool studySearchText(QSqlDatabase &db, const QString &studyId, std::optional<IndexedStudyText> *out, QString *error)
{
    out->reset();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT pk, record FROM studies WHERE id = ?"));
    q.addBindValue(studyId);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("reading study '%1' to index").arg(studyId), q);
        return false;
    }
    if (!q.next())
        return true;
    const qint64 key = q.value(0).toLongLong();
    const std::optional<Study> study = studyFromRecordJson(q.value(1).toByteArray(), error);
    q.finish();
    if (!study)
        return false;
    SearchableText text = searchableText(*study);
    if (!appendAnnotationSearchText(db, studyId, &text, error))
        return false;
    *out = IndexedStudyText { key, std::move(text) };
    return true;
}

bool reindexStudyWithAnnotations(const Database &database, QSqlDatabase &db, const QString &studyId, QString *error)
{
    // A team library re-indexes only the notes' words, through a function students may call
    // (they may not write study_text itself; docs/team-mode.md).
    if (database.dialect() == SqlDialect::Postgres && hasIndexNotesFunction(db))
        return indexNotesOnly(db, studyId, error);
    std::optional<IndexedStudyText> indexed;
    if (!studySearchText(db, studyId, &indexed, error))
        return false;
    return !indexed || database.fullText().upsert(db, indexed->studyKey, indexed->text, error);
}

} // namespace mgreview
