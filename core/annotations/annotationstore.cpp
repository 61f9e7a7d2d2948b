#include "annotations/annotationstore.h"

#include "store/database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

#include <tuple>

namespace mgreview {

namespace {

const QString kColumns = QStringLiteral(
    "id, study_id, target_kind, conclusion, pdf_sha256, page, exact, prefix, suffix, position_start, position_end, "
    "tag, note, author, created_at, modified_at, deleted");

Annotation readAnnotation(const QSqlQuery &q)
{
    Annotation a;
    a.id = q.value(0).toString();
    a.studyId = q.value(1).toString();
    if (q.value(2).toString() == u"pdf")
        a.target = AnnotationTarget::onPdfPage(q.value(4).toString(), q.value(5).toInt());
    else
        a.target = AnnotationTarget::onConclusion(q.value(3).toInt());
    a.quote = { q.value(6).toString(), q.value(7).toString(), q.value(8).toString() };
    a.position = { q.value(9).toInt(), q.value(10).toInt() };
    a.tag = q.value(11).toString();
    a.note = q.value(12).toString();
    a.author = q.value(13).toString();
    a.created = parseAnnotationTime(q.value(14).toString());
    a.modified = parseAnnotationTime(q.value(15).toString());
    a.deleted = q.value(16).toInt() != 0;
    return a;
}

QString stateText(const Annotation &a)
{
    return QString::fromUtf8(QJsonDocument(annotationToJson(a)).toJson(QJsonDocument::Compact));
}

std::optional<Annotation> stateFromText(const QString &text, QString *error)
{
    return annotationFromJson(QJsonDocument::fromJson(text.toUtf8()).object(), error);
}

const QString kEventColumns
    = QStringLiteral("id, annotation_id, study_id, action, actor, at, before_json, after_json, undoes");

bool readEvent(const QSqlQuery &q, AnnotationEvent *e, QString *error)
{
    e->id = q.value(0).toLongLong();
    e->annotationId = q.value(1).toString();
    e->studyId = q.value(2).toString();
    e->action = q.value(3).toString();
    e->actor = q.value(4).toString();
    e->at = parseAnnotationTime(q.value(5).toString());
    if (!q.value(6).isNull()) {
        e->before = stateFromText(q.value(6).toString(), error);
        if (!e->before)
            return false;
    }
    const std::optional<Annotation> after = stateFromText(q.value(7).toString(), error);
    if (!after)
        return false;
    e->after = *after;
    if (!q.value(8).isNull())
        e->undoes = q.value(8).toLongLong();
    return true;
}

} // namespace

bool annotationMatches(const Annotation &a, const AnnotationFilter &filter)
{
    return (filter.includeDeleted || !a.deleted)
        && (filter.author.isEmpty() || a.author.compare(filter.author, Qt::CaseInsensitive) == 0)
        && (filter.tag.isEmpty() || a.tag == filter.tag) && (filter.studyId.isEmpty() || a.studyId == filter.studyId);
}

AnnotationStore::AnnotationStore(QSqlDatabase db) : m_db(std::move(db)) { }

std::optional<qint64> AnnotationStore::appendEvent(const AnnotationEvent &e, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO annotation_events(annotation_id, study_id, action, actor, at, before_json, "
                             "after_json, undoes) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    q.addBindValue(e.annotationId);
    q.addBindValue(e.studyId);
    q.addBindValue(e.action);
    q.addBindValue(e.actor);
    q.addBindValue(annotationTime(e.at));
    q.addBindValue(e.before ? QVariant(stateText(*e.before)) : QVariant(QMetaType::fromType<QString>()));
    q.addBindValue(stateText(e.after));
    q.addBindValue(e.undoes ? QVariant(*e.undoes) : QVariant(QMetaType::fromType<qlonglong>()));
    if (!q.exec() || !q.next()) {
        *error = describeSqlError(QStringLiteral("recording the annotation change"), q);
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

bool AnnotationStore::writeCurrent(const Annotation &a, qint64 lastEvent, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO annotations(") + kColumns
        + QStringLiteral(", last_event) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                         "ON CONFLICT(id) DO UPDATE SET study_id = excluded.study_id, "
                         "target_kind = excluded.target_kind, conclusion = excluded.conclusion, "
                         "pdf_sha256 = excluded.pdf_sha256, page = excluded.page, exact = excluded.exact, "
                         "prefix = excluded.prefix, suffix = excluded.suffix, "
                         "position_start = excluded.position_start, position_end = excluded.position_end, "
                         "tag = excluded.tag, note = excluded.note, author = excluded.author, "
                         "created_at = excluded.created_at, modified_at = excluded.modified_at, "
                         "deleted = excluded.deleted, last_event = excluded.last_event"));
    const bool pdf = a.target.kind == AnnotationTarget::Kind::PdfPage;
    const QVariant nullInt(QMetaType::fromType<int>());
    q.addBindValue(a.id);
    q.addBindValue(a.studyId);
    q.addBindValue(pdf ? QStringLiteral("pdf") : QStringLiteral("conclusion"));
    q.addBindValue(pdf ? nullInt : QVariant(a.target.conclusion));
    q.addBindValue(sqlText(pdf ? a.target.pdfSha256 : QString()));
    q.addBindValue(pdf ? QVariant(a.target.page) : nullInt);
    q.addBindValue(a.quote.exact);
    q.addBindValue(sqlText(a.quote.prefix));
    q.addBindValue(sqlText(a.quote.suffix));
    q.addBindValue(a.position.start);
    q.addBindValue(a.position.end);
    q.addBindValue(a.tag);
    q.addBindValue(sqlText(a.note));
    q.addBindValue(a.author);
    q.addBindValue(annotationTime(a.created));
    q.addBindValue(annotationTime(a.modified));
    q.addBindValue(a.deleted ? 1 : 0);
    q.addBindValue(lastEvent);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("saving annotation %1").arg(a.id), q);
        return false;
    }
    return true;
}

bool AnnotationStore::annotation(const QString &id, std::optional<Annotation> *out, qint64 *lastEvent,
    QString *error) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(", last_event FROM annotations WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("reading annotation %1").arg(id), q);
        return false;
    }
    out->reset();
    if (q.next()) {
        *out = readAnnotation(q);
        if (lastEvent)
            *lastEvent = q.value(17).toLongLong();
    }
    return true;
}

bool listedBefore(const Annotation &a, const Annotation &b)
{
    // The ORDER BY of list(): study_id, target_kind ('conclusion' < 'pdf'), conclusion,
    // pdf_sha256, page, position_start, created_at, id. Ids and hashes are ASCII, so
    // QString order is SQLite's byte order.
    const auto key = [](const Annotation &x) {
        const bool pdf = x.target.kind == AnnotationTarget::Kind::PdfPage;
        return std::make_tuple(x.studyId, pdf, pdf ? 0 : x.target.conclusion, x.target.pdfSha256, pdf ? x.target.page : 0,
            x.position.start, x.created.toMSecsSinceEpoch(), x.id);
    };
    return key(a) < key(b);
}

bool AnnotationStore::list(const AnnotationFilter &filter, QVector<Annotation> *out, QString *error) const
{
    QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM annotations WHERE 1 = 1");
    QVariantList values;
    if (!filter.includeDeleted)
        sql += QStringLiteral(" AND deleted = 0");
    if (!filter.author.isEmpty()) {
        sql += QStringLiteral(" AND lower(author) = lower(?)");
        values.append(filter.author);
    }
    if (!filter.tag.isEmpty()) {
        sql += QStringLiteral(" AND tag = ?");
        values.append(filter.tag);
    }
    if (!filter.studyId.isEmpty()) {
        sql += QStringLiteral(" AND study_id = ?");
        values.append(filter.studyId);
    }
    sql += QStringLiteral(" ORDER BY study_id, target_kind, conclusion, pdf_sha256, page, position_start, created_at, id");
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        q.addBindValue(value);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("listing annotations"), q);
        return false;
    }
    out->clear();
    while (q.next())
        out->append(readAnnotation(q));
    return true;
}

bool AnnotationStore::event(qint64 id, std::optional<AnnotationEvent> *out, QString *error) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + kEventColumns + QStringLiteral(" FROM annotation_events WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("reading annotation change %1").arg(id), q);
        return false;
    }
    out->reset();
    if (!q.next())
        return true;
    AnnotationEvent e;
    if (!readEvent(q, &e, error))
        return false;
    *out = e;
    return true;
}

bool AnnotationStore::history(const QString &annotationId, QVector<AnnotationEvent> *out, QString *error) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (annotationId.isEmpty()) {
        q.prepare(QStringLiteral("SELECT ") + kEventColumns + QStringLiteral(" FROM annotation_events ORDER BY id"));
    } else {
        q.prepare(QStringLiteral("SELECT ") + kEventColumns
            + QStringLiteral(" FROM annotation_events WHERE annotation_id = ? ORDER BY id"));
        q.addBindValue(annotationId);
    }
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("reading the annotation history"), q);
        return false;
    }
    out->clear();
    while (q.next()) {
        AnnotationEvent e;
        if (!readEvent(q, &e, error))
            return false;
        out->append(e);
    }
    return true;
}

} // namespace mgreview
