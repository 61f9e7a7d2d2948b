#include "rules/suggestionrows.h"

#include "rules/rulefields.h"
#include "store/sqlitestatement.h"

#include <sqlite3.h>

namespace mgreview {

void WinningValues::take(const Suggestion &s)
{
    if (!s.winning)
        return;
    switch (s.target) {
    case RuleTarget::Independence:
        independence = s.value;
        link = s.link;
        reason = s.reason;
        break;
    case RuleTarget::Design: design = s.value; break;
    case RuleTarget::Direction: direction = s.value; break;
    case RuleTarget::Population: populations.append(s.value); break;
    case RuleTarget::CrampType: crampTypes.append(s.value); break;
    }
}

namespace {

QByteArray joinedUtf8(const QStringList &codes)
{
    return codes.isEmpty() ? QByteArray() : (u'|' + codes.join(u'|') + u'|').toUtf8();
}

} // namespace

bool sqliteWriteSuggestions(QSqlDatabase &db, const QStringList &studyIds,
                            const QVector<QVector<Suggestion>> &suggestions, const QString &rulesHash,
                            const QString &now, QString *error)
{
    sqlite3 *handle = sqliteHandle(db);
    if (!handle) {
        *error = QStringLiteral("saving suggestions failed: the library's SQLite connection is not available");
        return false;
    }
    SqliteStatement remove(handle, "DELETE FROM rule_suggestions WHERE study_id = ?");
    SqliteStatement insert(handle,
                           "INSERT INTO rule_suggestions(study_id, target, value, link, rule_id, priority, "
                           "specificity, winning, field, text_index, match_start, match_length, matched_text, "
                           "reason, rules_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SqliteStatement project(handle,
                            "UPDATE studies SET rule_independence = ?, rule_independence_link = ?, "
                            "rule_independence_reason = ?, rule_design = ?, rule_direction = ?, "
                            "rule_populations = ?, rule_cramp_types = ? WHERE id = ?");
    for (const SqliteStatement *s : {&remove, &insert, &project}) {
        if (!s->ok()) {
            *error = s->error(QStringLiteral("preparing to save suggestions"));
            return false;
        }
    }
    // After a big import the study_id index takes hundreds of thousands of keys in no
    // particular order: with SQLite's default 2 MB cache its pages would be spilled to the
    // WAL and read back again and again. The cache is raised for the batch, as the bulk
    // insert of the studies does (studystore.cpp).
    struct CacheSize {
        sqlite3 *db;
        bool raised;
        ~CacheSize()
        {
            if (raised)
                sqlite3_exec(db, "PRAGMA cache_size = -2000", nullptr, nullptr, nullptr);
        }
    } cacheSize{handle, studyIds.size() > 2000 &&
                            sqlite3_exec(handle, "PRAGMA cache_size = -131072", nullptr, nullptr, nullptr) == SQLITE_OK};
    const QByteArray hash = rulesHash.toUtf8(), created = now.toUtf8();
    insert.text(15, hash);
    insert.text(16, created);
    for (qsizetype i = 0; i < studyIds.size(); ++i) {
        const QString &id = studyIds.at(i);
        const QByteArray idUtf8 = id.toUtf8();
        remove.text(1, idUtf8);
        if (remove.run() != SQLITE_DONE) {
            *error = remove.error(QStringLiteral("replacing suggestions of '%1'").arg(id));
            return false;
        }
        WinningValues winning;
        insert.text(1, idUtf8);
        for (const Suggestion &s : suggestions.at(i)) {
            const QByteArray target = ruleTargetName(s.target).toUtf8(), value = s.value.toUtf8(),
                             link = s.link.toUtf8(), rule = s.ruleId.toUtf8(),
                             field = s.match.start >= 0 ? ruleFieldName(s.match.field).toUtf8() : QByteArray(),
                             matched = s.match.text.toUtf8(), reason = s.reason.toUtf8();
            insert.text(2, target);
            insert.text(3, value);
            insert.text(4, link);
            insert.text(5, rule);
            insert.integer(6, s.priority);
            insert.integer(7, s.specificity);
            insert.integer(8, s.winning ? 1 : 0);
            insert.text(9, field);
            insert.integer(10, s.match.textIndex);
            insert.integer(11, s.match.start);
            insert.integer(12, s.match.length);
            insert.text(13, matched);
            insert.text(14, reason);
            if (insert.run() != SQLITE_DONE) {
                *error = insert.error(QStringLiteral("saving suggestions of '%1'").arg(id));
                return false;
            }
            winning.take(s);
        }
        const QByteArray values[] = {winning.independence.toUtf8(), winning.link.toUtf8(), winning.reason.toUtf8(),
                                     winning.design.toUtf8(),       winning.direction.toUtf8(),
                                     joinedUtf8(winning.populations), joinedUtf8(winning.crampTypes)};
        for (int v = 0; v < int(std::size(values)); ++v)
            project.text(v + 1, values[v]);
        project.text(8, idUtf8);
        if (project.run() != SQLITE_DONE) {
            *error = project.error(QStringLiteral("saving rule values of '%1'").arg(id));
            return false;
        }
    }
    return true;
}

} // namespace mgreview
