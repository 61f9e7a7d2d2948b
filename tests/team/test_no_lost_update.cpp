// No lost update: saves against a stale version are refused and reported, every accepted
// save is in the library — with two connections to one library, on SQLite and PostgreSQL.
#include "corehelpers.h"

#include "store/studymerge.h"
#include "store/studystore.h"

#include <QRandomGenerator>
#include <QSet>
#include <QThread>

#include <memory>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

const QStringList kIds = {QStringLiteral("s1"), QStringLiteral("s2"), QStringLiteral("s3"), QStringLiteral("s4"),
                          QStringLiteral("s5")};

class NoLostUpdateTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        MGREVIEW_REQUIRE_BACKEND(GetParam());
        m_library.useBackend(GetParam());
        Database &db = m_library.open();
        QVector<Study> studies;
        for (const QString &id : kIds) {
            Study s = fullStudy(id);
            s.keywords.clear(); // each accepted edit appends its tag here
            studies.append(s);
        }
        QString error;
        ASSERT_TRUE(StudyStore(db).insertMany(studies, &error)) << str(error);
    }

    std::unique_ptr<Database> secondClient()
    {
        QString error;
        std::unique_ptr<Database> db = Database::open(m_library.location(), &error);
        EXPECT_TRUE(db) << str(error);
        return db;
    }

    VersionedStudy current(const QString &id)
    {
        QString error;
        const std::optional<VersionedStudy> v = StudyStore(*m_library.database()).loadVersioned(id, &error);
        EXPECT_TRUE(v) << str(id) << ": " << str(error);
        return v.value_or(VersionedStudy());
    }

    TempLibrary m_library;
};

} // namespace

TEST_P(NoLostUpdateTest, StaleSaveIsAConflictWithTheirStudy)
{
    std::unique_ptr<Database> other = secondClient();
    ASSERT_TRUE(other);
    StudyStore mine(*m_library.database());
    StudyStore theirs(*other);
    QString error;
    const VersionedStudy base = *mine.loadVersioned(QStringLiteral("s1"), &error);
    ASSERT_EQ(base.version, 1);

    Study theirEdit = theirs.loadVersioned(QStringLiteral("s1"), &error)->study;
    theirEdit.citation.title = QStringLiteral("Their title");
    const SaveResult theirSave = theirs.update(theirEdit, 1);
    ASSERT_TRUE(theirSave.saved()) << str(theirSave.error);
    EXPECT_EQ(theirSave.version, 2);

    Study myEdit = base.study;
    myEdit.funding.statement = QStringLiteral("My funding statement");
    const SaveResult mySave = mine.update(myEdit, base.version);
    EXPECT_EQ(mySave.status, SaveResult::Status::Conflict);
    EXPECT_EQ(mySave.version, 2);
    ASSERT_TRUE(mySave.current);
    EXPECT_TRUE(sameStudy(theirEdit, *mySave.current));
    EXPECT_TRUE(mySave.error.contains(QStringLiteral("changed by someone else"))) << str(mySave.error);
    EXPECT_TRUE(sameStudy(theirEdit, current(QStringLiteral("s1")).study)); // nothing of mine was written
    EXPECT_EQ(current(QStringLiteral("s1")).version, 2);

    // Merge field by field: their title and my funding statement do not collide.
    const std::optional<StudyMerge> merge = mergeStudies(base.study, myEdit, *mySave.current, &error);
    ASSERT_TRUE(merge) << str(error);
    EXPECT_TRUE(merge->conflicting.isEmpty()) << str(merge->conflicting.join(u','));
    EXPECT_EQ(merge->takenFromTheirs, QStringList{QStringLiteral("title")});
    const SaveResult merged = mine.update(merge->merged, mySave.version);
    ASSERT_TRUE(merged.saved()) << str(merged.error);
    const Study now = current(QStringLiteral("s1")).study;
    EXPECT_EQ(now.citation.title, QStringLiteral("Their title"));
    EXPECT_EQ(now.funding.statement, QStringLiteral("My funding statement"));
    EXPECT_EQ(current(QStringLiteral("s1")).version, 3);

    // A removed study is a conflict without a current study.
    ASSERT_TRUE(theirs.remove(QStringLiteral("s2"), &error)) << str(error);
    const SaveResult gone = mine.update(fullStudy(QStringLiteral("s2")), 1);
    EXPECT_EQ(gone.status, SaveResult::Status::Conflict);
    EXPECT_FALSE(gone.current);
    EXPECT_TRUE(gone.error.contains(QStringLiteral("removed"))) << str(gone.error);
    EXPECT_FALSE(mine.contains(QStringLiteral("s2")));
}

TEST_P(NoLostUpdateTest, BothChangingOneFieldIsAConflictToChoose)
{
    const Study base = current(QStringLiteral("s3")).study;
    Study mine = base;
    Study theirs = base;
    mine.citation.title = QStringLiteral("Mine");
    theirs.citation.title = QStringLiteral("Theirs");
    theirs.direction = QStringLiteral("no_benefit");
    QString error;
    const std::optional<StudyMerge> merge = mergeStudies(base, mine, theirs, &error);
    ASSERT_TRUE(merge) << str(error);
    EXPECT_EQ(merge->conflicting, QStringList{QStringLiteral("title")});
    EXPECT_EQ(merge->merged.citation.title, QStringLiteral("Mine"));
    EXPECT_EQ(merge->merged.direction, QStringLiteral("no_benefit"));
    const std::optional<Study> chosen = withFields(merge->merged, theirs, merge->conflicting, &error);
    ASSERT_TRUE(chosen) << str(error);
    EXPECT_EQ(chosen->citation.title, QStringLiteral("Theirs"));
    EXPECT_TRUE(differingFields(*chosen, theirs).isEmpty());
}

// Two clients take turns at random on five studies; each edits from what it last read and
// only re-reads when told its copy is stale. 1,000 saves: every accepted one is in the
// library in order, every stale one was refused, and the versions count the accepted ones.
TEST_P(NoLostUpdateTest, ThousandInterleavedEditsLoseNothing)
{
    std::unique_ptr<Database> other = secondClient();
    ASSERT_TRUE(other);
    StudyStore stores[2] = {StudyStore(*m_library.database()), StudyStore(*other)};
    QHash<QString, VersionedStudy> copies[2];
    QHash<QString, QStringList> accepted;
    int saved = 0;
    int conflicts = 0;
    QRandomGenerator random(20261202);
    for (int i = 0; i < 1000; ++i) {
        const int client = int(random.bounded(2));
        const QString id = kIds.at(int(random.bounded(kIds.size())));
        QString error;
        if (!copies[client].contains(id)) {
            const std::optional<VersionedStudy> read = stores[client].loadVersioned(id, &error);
            ASSERT_TRUE(read) << str(error);
            copies[client].insert(id, *read);
        }
        VersionedStudy &copy = copies[client][id];
        Study edit = copy.study;
        const QString tag = QStringLiteral("e%1c%2").arg(i).arg(client);
        edit.keywords.append(tag);
        const SaveResult result = stores[client].update(edit, copy.version);
        if (result.saved()) {
            ASSERT_EQ(result.version, copy.version + 1) << i;
            copy = {edit, result.version};
            accepted[id].append(tag);
            ++saved;
        } else {
            ASSERT_EQ(result.status, SaveResult::Status::Conflict) << i << ": " << str(result.error);
            ASSERT_TRUE(result.current) << i;
            ASSERT_GT(result.version, copy.version) << i;
            copy = {*result.current, result.version};
            ++conflicts;
        }
    }
    EXPECT_EQ(saved + conflicts, 1000);
    EXPECT_GT(saved, 100);
    EXPECT_GT(conflicts, 100);
    for (const QString &id : kIds) {
        const VersionedStudy now = current(id);
        EXPECT_EQ(now.study.keywords, accepted.value(id)) << str(id);
        EXPECT_EQ(now.version, 1 + accepted.value(id).size()) << str(id);
    }
}

// The same with real concurrency: two threads, each with its own connection, save as fast
// as they can; the database decides which of two simultaneous saves wins.
TEST_P(NoLostUpdateTest, ConcurrentClientsLoseNothing)
{
    const LibraryLocation location = m_library.location();
    struct Outcome {
        QStringList accepted; // "id/tag"
        int conflicts = 0;
        QString failure;
    };
    Outcome outcomes[2];
    auto run = [&location](int client, Outcome *out) {
        QString error;
        {
            std::unique_ptr<Database> db = Database::open(location, &error);
            if (!db) {
                out->failure = error;
                return;
            }
            StudyStore store(*db);
            QHash<QString, VersionedStudy> copies;
            QRandomGenerator random(quint32(7 + client));
            for (int i = 0; i < 250 && out->failure.isEmpty(); ++i) {
                const QString id = kIds.at(int(random.bounded(2))); // two studies: many collisions
                if (!copies.contains(id))
                    copies.insert(id, *store.loadVersioned(id, &error));
                VersionedStudy &copy = copies[id];
                Study edit = copy.study;
                const QString tag = QStringLiteral("t%1c%2").arg(i).arg(client);
                edit.keywords.append(tag);
                const SaveResult result = store.update(edit, copy.version);
                if (result.saved()) {
                    copy = {edit, result.version};
                    out->accepted.append(id + u'/' + tag);
                } else if (result.status == SaveResult::Status::Conflict && result.current) {
                    copy = {*result.current, result.version};
                    ++out->conflicts;
                } else {
                    out->failure = QStringLiteral("save %1: %2").arg(i).arg(result.error);
                }
            }
        }
    };
    std::unique_ptr<QThread> first(QThread::create(run, 0, &outcomes[0]));
    std::unique_ptr<QThread> second(QThread::create(run, 1, &outcomes[1]));
    first->start();
    second->start();
    ASSERT_TRUE(first->wait(QDeadlineTimer(300000)));
    ASSERT_TRUE(second->wait(QDeadlineTimer(300000)));
    ASSERT_TRUE(outcomes[0].failure.isEmpty()) << str(outcomes[0].failure);
    ASSERT_TRUE(outcomes[1].failure.isEmpty()) << str(outcomes[1].failure);
    EXPECT_EQ(outcomes[0].accepted.size() + outcomes[0].conflicts, 250);
    EXPECT_EQ(outcomes[1].accepted.size() + outcomes[1].conflicts, 250);

    for (const QString &id : {kIds.at(0), kIds.at(1)}) {
        QSet<QString> expected;
        for (const Outcome &o : outcomes) {
            for (const QString &entry : o.accepted) {
                if (entry.startsWith(id + u'/'))
                    expected.insert(entry.section(u'/', 1));
            }
        }
        const VersionedStudy now = current(id);
        const QSet<QString> stored(now.study.keywords.cbegin(), now.study.keywords.cend());
        EXPECT_EQ(now.study.keywords.size(), stored.size()) << str(id) << ": a save was applied twice";
        EXPECT_TRUE(stored == expected) << str(id) << ": " << stored.size() << " tags stored, " << expected.size()
                                        << " saves accepted";
        EXPECT_EQ(now.version, 1 + expected.size()) << str(id);
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, NoLostUpdateTest, kAllBackends, backendName);
