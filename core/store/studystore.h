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

/// A study as read from the library, with the version of its row at that moment.
struct VersionedStudy {
    Study study;
    int version = 0;
};

/// What a save against a known version did (StudyStore::update(study, expectedVersion)).
struct SaveResult {
    enum class Status {
        Saved,    ///< Written; `version` is the new version.
        Conflict, ///< Someone saved first: nothing was written; `current` is their study.
        Failed,   ///< Not written (no such study, database error): see `error`.
    };
    Status status = Status::Failed;
    /// Saved: the new version. Conflict: the version now in the library (0: it was removed).
    int version = 0;
    /// Conflict: the study as it is in the library now; nullopt when it was removed.
    std::optional<Study> current;
    /// Conflict and Failed: what happened, in words a user can act on.
    QString error;

    bool saved() const { return status == Status::Saved; }
};

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
    /// Replaces a study's record (matched by id) and bumps its version, whatever the version
    /// is: last writer wins. Editors use the overload below.
    bool update(const Study &study, QString *error);
    /// Replaces a study's record only if its row still has `expectedVersion` (the version it
    /// was read at, from loadVersioned()); otherwise writes nothing and reports a Conflict
    /// with the current study, so the user can see theirs, keep mine, or merge field by
    /// field (studymerge.h) and save again against the new version. No update is ever lost,
    /// on SQLite as on PostgreSQL with any number of clients.
    SaveResult update(const Study &study, int expectedVersion);
    bool remove(const QString &id, QString *error);
    /// Several writes saved together or not at all: `updates` replace existing records (by id),
    /// `inserts` add new ones, `removals` delete by id, then `extra` runs in the same
    /// transaction. Merging duplicates and undoing a merge need this.
    bool applyChanges(const QVector<Study> &updates, const QVector<Study> &inserts, const QStringList &removals,
                      QString *error, const ExtraWrite &extra = {});

    /// The study, or nullopt: with *error empty when there is no such id.
    std::optional<Study> load(const QString &id, QString *error) const;
    /// The study and its row version, or nullopt (with *error empty when there is no such id).
    std::optional<VersionedStudy> loadVersioned(const QString &id, QString *error) const;
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
