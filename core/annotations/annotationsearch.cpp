#include "annotations/annotationsearch.h"

#include "annotations/annotationtags.h"
#include "store/database.h"
#include "store/studyrows.h"

#include <QSqlQuery>
#include <QVariant>

namespace mgreview {

bool appendAnnotationSearchText(QSqlDatabase &db, const QString &studyId, SearchableText *text, QString *error)
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
    if (!parts.isEmpty())
        text->other += u'\n' + parts.join(u'\n');
    return true;
}

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
    std::optional<IndexedStudyText> indexed;
    if (!studySearchText(db, studyId, &indexed, error))
        return false;
    return !indexed || database.fullText().upsert(db, indexed->studyKey, indexed->text, error);
}

} // namespace mgreview
