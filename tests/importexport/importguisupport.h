#pragma once

// Helpers for the import and duplicate-review GUI suites: fixtures built from the seeded
// library (so the expected outcome follows from how the fixture was made, not from a
// hard-coded answer), drops, and a direct look at what the library holds.

#include "guitestsupport.h"
#include "test_review_support.h" // str(), signIn(), openDirect()

#include "importdialog.h"
#include "importui.h"

#include "models/studytablemodel.h"
#include "store/database.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QFile>
#include <QMimeData>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStringList>
#include <QUrl>

#include <gtest/gtest.h>

namespace mgreview::testing {

inline bool writeText(const QString &path, const QString &text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(text.toUtf8()) > 0;
}

/// A RIS file made from the seeded library: what importing it must do is known by construction.
struct RisFixture {
    QString text;
    QString duplicateOf; ///< Seeded study whose DOI the duplicate record carries.
    QString probableOf;  ///< Seeded study whose title, first author and year the probable record carries.
    int newRecords = 2;
    int duplicates = 1;
    int probables = 1;
    int errorLine = 0; ///< The line of the junk text outside any record (one error).
};

/// Two new records (the first says it is randomised: the design rule must suggest an RCT), one with the DOI of a seeded study (duplicate), one with the title,
/// first author and year of another that has a DOI (probable duplicate: no DOI, another
/// journal), and one
/// junk line between records (an error at a known line).
inline RisFixture makeRisFixture(const gui::MainWindow &window)
{
    RisFixture f;
    const StudySummary *withDoi = nullptr;
    const StudySummary *probable = nullptr;
    for (const StudySummary &s : window.tableModel()->allStudies()) {
        if (!withDoi && !s.doi.isEmpty())
            withDoi = &s;
        else if (!probable && s.title.size() >= 20 && !s.firstAuthor.isEmpty() && s.year > 0 && !s.doi.isEmpty())
            probable = &s;
    }
    EXPECT_TRUE(withDoi && probable) << "the seeded library has no studies to build the fixture from";
    if (!withDoi || !probable)
        return f;
    f.duplicateOf = withDoi->id;
    f.probableOf = probable->id;
    QStringList lines = {
        QStringLiteral("TY  - JOUR"),
        QStringLiteral("TI  - Zymotic night cramps in retired lighthouse keepers: a pilot survey"),
        QStringLiteral("AU  - Quillfeather, Anna B."),
        QStringLiteral("PY  - 2019"),
        QStringLiteral("JO  - Journal of Imaginary Fixtures"),
        QStringLiteral("AB  - Forty keepers were randomised to magnesium or placebo."),
        QStringLiteral("ER  - "),
        QStringLiteral("TY  - JOUR"),
        QStringLiteral("TI  - Second invented fixture record about calf cramps and tide tables"),
        QStringLiteral("AU  - Marrowby, Cedric"),
        QStringLiteral("PY  - 2018"),
        QStringLiteral("ER  - "),
        QStringLiteral("this junk line sits outside any record"),
        QStringLiteral("TY  - JOUR"),
        QStringLiteral("TI  - A copy carrying a seeded study's DOI"),
        QStringLiteral("DO  - ") + withDoi->doi,
        QStringLiteral("ER  - "),
        QStringLiteral("TY  - JOUR"),
        QStringLiteral("TI  - ") + probable->title,
        QStringLiteral("AU  - ") + probable->firstAuthor,
        QStringLiteral("PY  - ") + QString::number(probable->year),
        QStringLiteral("JO  - A Journal The Seeded Record Does Not Name"),
        QStringLiteral("ER  - "),
    };
    f.errorLine = int(lines.indexOf(QStringLiteral("this junk line sits outside any record"))) + 1;
    f.text = lines.join(u'\n') + u'\n';
    return f;
}

/// Sends a drag-enter and a drop of `paths` to `target`, as a file manager would.
inline void dropFiles(QWidget *target, const QStringList &paths, QPoint pos = QPoint(20, 20))
{
    QMimeData data;
    QList<QUrl> urls;
    for (const QString &p : paths)
        urls.append(QUrl::fromLocalFile(p));
    data.setUrls(urls);
    QDragEnterEvent enter(pos, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
}

/// What the library holds, read through its own connection: every study id and the rows
/// an import or a merge writes besides studies.
struct LibraryState {
    QStringList ids;
    int batches = -1;
    int candidates = -1;
    int merges = -1;
    bool operator==(const LibraryState &) const = default;
};

inline int countRows(const Database &database, const QString &table)
{
    QSqlQuery q(database.connection());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !q.next())
        return -1;
    return q.value(0).toInt();
}

inline LibraryState libraryState(OpenWindow &open)
{
    LibraryLocation location;
    location.sqlitePath = open.library.path();
    QString error;
    std::unique_ptr<Database> db = Database::open(location, &error);
    EXPECT_TRUE(db) << str(error);
    LibraryState state;
    if (!db)
        return state;
    QSqlQuery q(db->connection());
    EXPECT_TRUE(q.exec(QStringLiteral("SELECT id FROM studies ORDER BY id")));
    while (q.next())
        state.ids.append(q.value(0).toString());
    state.batches = countRows(*db, QStringLiteral("import_batches"));
    state.candidates = countRows(*db, QStringLiteral("duplicate_candidates"));
    state.merges = countRows(*db, QStringLiteral("study_merges"));
    return state;
}

/// Previews `files` through the window's importer and waits for the dry run.
inline gui::ImportDialog *previewFiles(gui::MainWindow &window, const QStringList &files)
{
    QSignalSpy done(window.importer(), &gui::ImportUi::previewFinished);
    EXPECT_TRUE(window.importer()->preview(files));
    EXPECT_TRUE(waitUntil([&] { return done.count() >= 1; })) << "the dry run did not finish";
    if (done.count() >= 1) {
        EXPECT_TRUE(done.first().at(0).toBool()) << str(done.first().at(2).toString());
    }
    return window.importer()->dialog();
}

/// The table's ids, all studies (not only those shown).
inline QStringList allTableIds(const gui::MainWindow &window)
{
    QStringList ids;
    for (const StudySummary &s : window.tableModel()->allStudies())
        ids.append(s.id);
    ids.sort();
    return ids;
}

} // namespace mgreview::testing
