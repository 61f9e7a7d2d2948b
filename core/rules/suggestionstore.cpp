#include "rules/suggestionstore.h"

#include "rules/suggestionrows.h"
#include "store/database.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace mgreview {

bool createRuleSuggestionSchema(QSqlDatabase &db, QString *error)
{
    const QStringList statements = {
        QStringLiteral("CREATE TABLE rule_suggestions ("
                       " study_id TEXT NOT NULL REFERENCES studies(id) ON DELETE CASCADE,"
                       " target TEXT NOT NULL,"
                       " value TEXT NOT NULL,"
                       " link TEXT NOT NULL DEFAULT '',"
                       " rule_id TEXT NOT NULL,"
                       " priority INTEGER NOT NULL,"
                       " specificity INTEGER NOT NULL,"
                       " winning INTEGER NOT NULL,"
                       " field TEXT NOT NULL DEFAULT '',"
                       " text_index INTEGER NOT NULL DEFAULT 0,"
                       " match_start INTEGER NOT NULL DEFAULT -1,"
                       " match_length INTEGER NOT NULL DEFAULT 0,"
                       " matched_text TEXT NOT NULL DEFAULT '',"
                       " reason TEXT NOT NULL,"
                       " rules_hash TEXT NOT NULL,"
                       " created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX rule_suggestions_study ON rule_suggestions(study_id)"),
        QStringLiteral("CREATE INDEX rule_suggestions_rule ON rule_suggestions(rule_id)"),
        // The winning rule values, next to (never instead of) the curated ones.
        QStringLiteral("ALTER TABLE studies ADD COLUMN rule_independence TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE studies ADD COLUMN rule_independence_link TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE studies ADD COLUMN rule_independence_reason TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE studies ADD COLUMN rule_design TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE studies ADD COLUMN rule_direction TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE studies ADD COLUMN rule_populations TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE studies ADD COLUMN rule_cramp_types TEXT NOT NULL DEFAULT ''"),
    };
    QSqlQuery q(db);
    for (const QString &sql : statements) {
        if (!q.exec(sql)) {
            *error = describeSqlError(QStringLiteral("adding rule suggestions to the library"), q);
            return false;
        }
    }
    return true;
}

SuggestionStore::SuggestionStore(const Database &database) : m_database(database) {}

namespace {

QString joined(const QStringList &codes)
{
    return codes.isEmpty() ? QString() : u'|' + codes.join(u'|') + u'|';
}

/// The rows of SuggestionStore::replace through Qt (PostgreSQL).
bool writeRows(QSqlDatabase &db, const QStringList &studyIds, const QVector<QVector<Suggestion>> &suggestions,
               const QString &hash, const QString &now, QString *error)
{
    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM rule_suggestions WHERE study_id = ?"));
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO rule_suggestions(study_id, target, value, link, rule_id, priority, specificity, winning, field, "
        "text_index, match_start, match_length, matched_text, reason, rules_hash, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery project(db);
    project.prepare(QStringLiteral(
        "UPDATE studies SET rule_independence = ?, rule_independence_link = ?, rule_independence_reason = ?, "
        "rule_design = ?, rule_direction = ?, rule_populations = ?, rule_cramp_types = ? WHERE id = ?"));
    for (int i = 0; i < studyIds.size(); ++i) {
        const QString &id = studyIds.at(i);
        remove.addBindValue(id);
        if (!remove.exec()) {
            *error = describeSqlError(QStringLiteral("replacing suggestions of '%1'").arg(id), remove);
            return false;
        }
        WinningValues winning;
        for (const Suggestion &s : suggestions.at(i)) {
            const QVariantList values = {id, ruleTargetName(s.target), sqlText(s.value), sqlText(s.link), s.ruleId,
                                         s.priority, s.specificity, s.winning ? 1 : 0,
                                         sqlText(s.match.start >= 0 ? ruleFieldName(s.match.field) : QString()),
                                         s.match.textIndex, qint64(s.match.start), qint64(s.match.length),
                                         sqlText(s.match.text), sqlText(s.reason), sqlText(hash), now};
            for (const QVariant &v : values)
                insert.addBindValue(v);
            if (!insert.exec()) {
                *error = describeSqlError(QStringLiteral("saving suggestions of '%1'").arg(id), insert);
                return false;
            }
            winning.take(s);
        }
        for (const QVariant &v : QVariantList{sqlText(winning.independence), sqlText(winning.link),
                                              sqlText(winning.reason), sqlText(winning.design),
                                              sqlText(winning.direction), sqlText(joined(winning.populations)),
                                              sqlText(joined(winning.crampTypes)), id})
            project.addBindValue(v);
        if (!project.exec()) {
            *error = describeSqlError(QStringLiteral("saving rule values of '%1'").arg(id), project);
            return false;
        }
    }
    return true;
}

} // namespace

bool SuggestionStore::replace(const QStringList &studyIds, const QVector<QVector<Suggestion>> &suggestions,
                              const QByteArray &rulesHash, QString *error)
{
    Q_ASSERT(studyIds.size() == suggestions.size());
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (!transaction.isActive()) {
        *error = QStringLiteral("cannot write to the library: %1").arg(transaction.beginError());
        return false;
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QString hash = QString::fromLatin1(rulesHash);
    if (m_database.dialect() == SqlDialect::Sqlite) {
        // Hundreds of thousands of rows after a big import: bound through SQLite's own API.
        if (!sqliteWriteSuggestions(db, studyIds, suggestions, hash, now, error))
            return false;
    } else if (!writeRows(db, studyIds, suggestions, hash, now, error)) {
        return false;
    }
    QSqlQuery meta(db);
    meta.prepare(QStringLiteral("DELETE FROM library_meta WHERE key = 'rules_hash'"));
    if (!meta.exec()) {
        *error = describeSqlError(QStringLiteral("recording the rules version"), meta);
        return false;
    }
    meta.prepare(QStringLiteral("INSERT INTO library_meta(key, value) VALUES ('rules_hash', ?)"));
    meta.addBindValue(sqlText(hash));
    if (!meta.exec()) {
        *error = describeSqlError(QStringLiteral("recording the rules version"), meta);
        return false;
    }
    return transaction.commit(error);
}

namespace {

const QString kSuggestionColumns = QStringLiteral(
    "study_id, target, value, link, rule_id, priority, specificity, winning, field, text_index, match_start, "
    "match_length, matched_text, reason");

Suggestion suggestionFromRow(const QSqlQuery &q)
{
    Suggestion s;
    s.studyId = q.value(0).toString();
    s.target = ruleTargetFromName(q.value(1).toString()).value_or(RuleTarget::Independence);
    s.value = q.value(2).toString();
    s.link = q.value(3).toString();
    s.ruleId = q.value(4).toString();
    s.priority = q.value(5).toInt();
    s.specificity = q.value(6).toInt();
    s.winning = q.value(7).toInt() != 0;
    s.match.field = ruleFieldFromName(q.value(8).toString()).value_or(RuleField::Title);
    s.match.textIndex = q.value(9).toInt();
    s.match.start = q.value(10).toLongLong();
    s.match.length = q.value(11).toLongLong();
    s.match.text = q.value(12).toString();
    s.reason = q.value(13).toString();
    return s;
}

void sortByPrecedence(QVector<Suggestion> *list)
{
    // Same order as the engine produces: by target, then precedence.
    std::stable_sort(list->begin(), list->end(), [](const Suggestion &a, const Suggestion &b) {
        if (a.target != b.target)
            return int(a.target) < int(b.target);
        if (a.priority != b.priority)
            return a.priority > b.priority;
        if (a.specificity != b.specificity)
            return a.specificity > b.specificity;
        return a.ruleId < b.ruleId;
    });
}

} // namespace

std::optional<QVector<Suggestion>> SuggestionStore::forStudy(const QString &studyId, QString *error) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT ") + kSuggestionColumns + QStringLiteral(" FROM rule_suggestions WHERE study_id = ?"));
    q.addBindValue(studyId);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("reading suggestions of '%1'").arg(studyId), q);
        return std::nullopt;
    }
    QVector<Suggestion> out;
    while (q.next())
        out.append(suggestionFromRow(q));
    sortByPrecedence(&out);
    return out;
}

std::optional<QHash<QString, QVector<Suggestion>>> SuggestionStore::winningByStudy(QString *error) const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT ") + kSuggestionColumns + QStringLiteral(" FROM rule_suggestions WHERE winning = 1"))) {
        *error = describeSqlError(QStringLiteral("reading rule suggestions"), q);
        return std::nullopt;
    }
    QHash<QString, QVector<Suggestion>> out;
    while (q.next()) {
        Suggestion s = suggestionFromRow(q);
        out[s.studyId].append(std::move(s));
    }
    for (auto it = out.begin(); it != out.end(); ++it)
        sortByPrecedence(&it.value());
    return out;
}

std::optional<QHash<QString, int>> SuggestionStore::hitCounts(QString *error) const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT rule_id, COUNT(DISTINCT study_id) FROM rule_suggestions GROUP BY rule_id"))) {
        *error = describeSqlError(QStringLiteral("counting rule hits"), q);
        return std::nullopt;
    }
    QHash<QString, int> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toInt());
    return out;
}

std::optional<QStringList> SuggestionStore::studiesMatchedBy(const QString &ruleId, QString *error) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT DISTINCT study_id FROM rule_suggestions WHERE rule_id = ? ORDER BY study_id"));
    q.addBindValue(ruleId);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("finding the studies of rule '%1'").arg(ruleId), q);
        return std::nullopt;
    }
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

QString SuggestionStore::storedRulesHash() const
{
    QSqlQuery q(m_database.connection());
    if (q.exec(QStringLiteral("SELECT value FROM library_meta WHERE key = 'rules_hash'")) && q.next())
        return q.value(0).toString();
    return {};
}

} // namespace mgreview
