// Search and the Notes list after annotation changes in the window (issue 7 §3): only the
// changed study's row of the search index and the changed annotation are updated, and the
// window then answers as one that read the whole library again.
#include "test_review_support.h"

#include "annotationcontroller.h"
#include "annotationui.h"
#include "conclusionpane.h"
#include "highlightdialog.h"

#include "annotations/annotationservice.h"

#include <QTextCursor>
#include <QUndoGroup>
#include <QUndoStack>

using namespace mgreview;
using namespace mgreview::gui;
using namespace mgreview::testing;

namespace {

const QString kCochrane = QStringLiteral("garrison2020_cochrane");
const QString kQuote = QStringLiteral("the literature is conflicting");
const QString kSecondQuote = QStringLiteral("further research in this population is needed");

/// The live annotations of the library as another program reads them, in list order.
QStringList storedIds(OpenWindow &open)
{
    LibraryLocation location;
    location.sqlitePath = open.library.path();
    QString error;
    const std::unique_ptr<Database> db = Database::open(location, &error);
    EXPECT_TRUE(db) << str(error);
    const std::optional<QVector<Annotation>> list = db ? AnnotationService(*db).list({}, &error) : std::nullopt;
    QStringList ids;
    for (const Annotation &a : list.value_or(QVector<Annotation>()))
        ids.append(a.id);
    return ids;
}

QStringList shownIds(MainWindow &window)
{
    QStringList ids;
    for (const ResolvedAnnotation &r : window.annotations()->controller()->annotations())
        ids.append(r.annotation.id);
    return ids;
}

/// The studies the window's search shows for `query`.
QStringList searchFor(MainWindow &window, const QString &query)
{
    window.setSearchText(query);
    EXPECT_TRUE(waitUntil([&] { return window.isSettled(); }));
    const QStringList ids = visibleIds(window);
    window.setSearchText(QString());
    EXPECT_TRUE(waitUntil([&] { return window.isSettled(); }));
    return ids;
}

/// Creates a highlight through the window's controller and waits for it to be shown.
QString create(MainWindow &window, const QString &quote, const QString &tag, const QString &note)
{
    QTextCursor found = window.pane()->document()->find(quote);
    EXPECT_FALSE(found.isNull()) << str(quote);
    window.pane()->setTextCursor(found);
    QString id;
    // The pane's selection → the form → Save, as a reader does it.
    window.annotations()->highlightSelection();
    EXPECT_TRUE(waitUntil([&] { return window.annotations()->dialog(); }));
    if (HighlightDialog *form = window.annotations()->dialog()) {
        form->setValues(tag, note);
        Q_EMIT form->saveRequested();
    }
    EXPECT_TRUE(waitUntil([&] { return !window.annotations()->dialog() && window.isSettled(); }));
    for (const ResolvedAnnotation &r : window.annotations()->controller()->annotations()) {
        if (r.annotation.quote.exact == quote)
            id = r.annotation.id;
    }
    return id;
}

} // namespace

TEST(AnnotationSearch, CreateEditDeleteAndUndoAreFoundAsInAFreshlyReadLibrary)
{
    auto open = openSignedIn(QStringLiteral("Stu"), Role::Student);
    MainWindow &window = *open->window;
    selectAndReadPane(window, kCochrane);
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    const auto indexBefore = window.searchIndex();
    ASSERT_TRUE(indexBefore);
    const int rowsBefore = window.tableModel()->rowCount();
    EXPECT_TRUE(searchFor(window, QStringLiteral("quixotic")).isEmpty());

    // Two highlights; the list equals the library's own order, the note is searchable.
    const QString second = create(window, kSecondQuote, QStringLiteral("key_finding"), QStringLiteral("later words"));
    const QString first = create(window, kQuote, QStringLiteral("overstated"), QStringLiteral("a quixotic claim"));
    ASSERT_FALSE(first.isEmpty());
    ASSERT_FALSE(second.isEmpty());
    EXPECT_EQ(shownIds(window), storedIds(*open));
    EXPECT_EQ(searchFor(window, QStringLiteral("quixotic")), QStringList { kCochrane });
    // The same studies, a new index: one row was replaced, nothing read again.
    EXPECT_NE(window.searchIndex(), indexBefore);
    EXPECT_EQ(window.tableModel()->rowCount(), rowsBefore);

    // Edit the note: the old word no longer finds the study, the new one does.
    AnnotationController *controller = window.annotations()->controller();
    bool edited = false;
    controller->edit(first, QStringLiteral("Stu"), std::nullopt, QStringLiteral("a zephyrous claim"),
        [&](const AnnotationOutcome &outcome) { edited = outcome.ok(); });
    ASSERT_TRUE(waitUntil([&] { return edited && window.isSettled(); }));
    EXPECT_TRUE(searchFor(window, QStringLiteral("quixotic")).isEmpty());
    EXPECT_EQ(searchFor(window, QStringLiteral("zephyrous")), QStringList { kCochrane });
    EXPECT_EQ(shownIds(window), storedIds(*open));

    // Delete through the window: gone from search and from the list.
    window.annotations()->deleteAnnotation(first);
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && shownIds(window).size() == 1; }));
    EXPECT_TRUE(searchFor(window, QStringLiteral("zephyrous")).isEmpty());
    EXPECT_EQ(searchFor(window, QStringLiteral("later")), QStringList { kCochrane }); // The other note stays.
    EXPECT_EQ(shownIds(window), storedIds(*open));

    // Undo the delete: found again, in its place in the list.
    QUndoStack *stack = window.review()->undoGroup()->activeStack();
    ASSERT_NE(stack, nullptr);
    stack->undo();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && shownIds(window).size() == 2; }));
    EXPECT_EQ(searchFor(window, QStringLiteral("zephyrous")), QStringList { kCochrane });
    EXPECT_EQ(shownIds(window), storedIds(*open));
}
