#pragma once

#include "library/studysummary.h"
#include "model/study.h"
#include "store/fulltextindex.h"

#include <QString>
#include <QVector>

#include <functional>
#include <optional>

namespace mgreview {

class Database;

/// Reads and writes studies. Every write runs in a transaction: it is saved whole or not
/// at all. Only prepared statements are used. Methods report failures in *error in words
/// a user can act on.
class StudyStore
{
public:
    explicit StudyStore(const Database &database);

    /// Adds a new study. Fails if a study with the same id exists.
    bool insert(const Study &study, QString *error);
    /// Further writes that must be saved together with a batch of studies.
    using ExtraWrite = std::function<bool(QSqlDatabase &db, QString *error)>;

    /// Adds many studies in one transaction (all or none). `progress(done)` may return
    /// false to cancel, which rolls everything back; `extra` runs inside the same transaction.
    bool insertMany(const QVector<Study> &studies, QString *error,
                    const std::function<bool(int done)> &progress = {}, const ExtraWrite &extra = {});
    /// Replaces a study's record (matched by id) and bumps its version.
    bool update(const Study &study, QString *error);
    bool remove(const QString &id, QString *error);
    /// Several writes saved together or not at all: `updates` replace existing records (by id),
    /// `inserts` add new ones, `removals` delete by id, then `extra` runs in the same
    /// transaction. Merging duplicates and undoing a merge need this.
    bool applyChanges(const QVector<Study> &updates, const QVector<Study> &inserts, const QStringList &removals,
                      QString *error, const ExtraWrite &extra = {});

    /// The study, or nullopt: with *error empty when there is no such id.
    std::optional<Study> load(const QString &id, QString *error) const;
    /// Every study in storage order.
    std::optional<QVector<Study>> loadAll(QString *error) const;
    /// Table rows for every study, in storage order.
    std::optional<QVector<StudySummary>> summaries(QString *error) const;
    /// Keys of the studies matching a full-text query (see FullTextIndex::match).
    std::optional<QVector<qint64>> search(const QString &query, QString *error) const;
    /// The indexed text of every study.
    bool forEachSearchText(const std::function<void(qint64, const SearchableText &)> &fn, QString *error) const;
    int count(QString *error) const;
    bool contains(const QString &id) const;

private:
    bool insertRows(QSqlDatabase &db, const QVector<Study> &studies, const QString &now, QString *error,
                    const std::function<bool(int done)> &progress);
    bool updateOne(QSqlDatabase &db, const Study &study, const QString &now, QString *error);
    bool removeOne(QSqlDatabase &db, const QString &id, QString *error);

    const Database &m_database;
};

} // namespace mgreview
