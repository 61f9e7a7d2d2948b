#pragma once

// Helpers for the funding-review GUI suites: sign in, open the Assess funding form, fill it
// in with real widget events, and read the library through a second connection.

#include "guitestsupport.h"

#include "assessdialog.h"
#include "independencecombo.h"
#include "profilecontroller.h"
#include "reviewui.h"
#include "reviewvaluefields.h"
#include "studytableview.h"

#include "models/studytablemodel.h"
#include "review/reviewservice.h"
#include "store/database.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

#include <gtest/gtest.h>

namespace mgreview::testing {

inline std::string str(const QString &text)
{
    return text.toStdString();
}

/// Signs in and waits until the window shows it (and the pane follows the new reader).
inline void signIn(gui::MainWindow &window, const QString &name, Role role)
{
    window.review()->requestProfile(name, role);
    ASSERT_TRUE(waitUntil([&] {
        const auto &current = window.review()->profiles()->current();
        return current && current->name == name && window.isSettled();
    })) << "could not sign in as "
        << str(name);
}

/// A window on a fresh seeded library with `name` signed in.
inline std::unique_ptr<OpenWindow> openSignedIn(const QString &name, Role role)
{
    auto open = openSeededWindow();
    signIn(*open->window, name, role);
    return open;
}

/// Selects a study, presses Ctrl+J (Assess funding…) and waits for the form to be filled.
inline gui::AssessDialog *openAssessForm(gui::MainWindow &window, const QString &id)
{
    selectAndReadPane(window, id);
    EXPECT_TRUE(waitUntil([&] { return window.isSettled(); }));
    EXPECT_TRUE(window.review()->assessAction()->isEnabled()) << str(window.review()->assessAction()->toolTip());
    window.activateWindow();
    EXPECT_TRUE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(window.tableView(), Qt::Key_J, Qt::ControlModifier);
    EXPECT_TRUE(waitUntil([&] {
        gui::AssessDialog *form = window.review()->assessDialog();
        return form && form->isLoaded() && form->studyId() == id;
    })) << "the Assess funding form did not open for "
        << str(id);
    return window.review()->assessDialog();
}

/// Chooses a value (and link), types the reason (and evidence) and presses Save.
inline void fillAndSave(gui::MainWindow &window, gui::AssessDialog *form, const QString &value, const QString &link,
    const QString &reason, const QString &evidence = {})
{
    ASSERT_NE(form, nullptr);
    auto *radio = form->findChild<QRadioButton *>(QStringLiteral("value-") + value);
    ASSERT_NE(radio, nullptr) << str(value);
    QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(6, radio->height() / 2));
    ASSERT_TRUE(radio->isChecked());
    QComboBox *links = form->valueFields()->linkBox();
    EXPECT_EQ(links->isEnabled(), value == u"industry-linked");
    if (!link.isEmpty())
        links->setCurrentIndex(links->findData(link));
    QTest::keyClicks(form->reasonEdit(), reason);
    if (!evidence.isEmpty())
        QTest::keyClicks(form->evidenceEdit(), evidence);
    ASSERT_TRUE(form->saveButton()->isEnabled()) << str(form->problem());
    QTest::mouseClick(form->saveButton(), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return window.review()->assessDialog() == nullptr && window.isSettled(); }))
        << "the judgement was not saved";
}

/// A second connection to the window's library, for checking what core stored.
inline std::unique_ptr<Database> openDirect(const TempLibrary &library)
{
    LibraryLocation location;
    location.sqlitePath = library.path();
    QString error;
    std::unique_ptr<Database> db = Database::open(location, &error);
    EXPECT_TRUE(db) << str(error);
    return db;
}

/// The text of one choice of the funding filter ("Industry-linked only (4)").
inline QString filterText(const gui::MainWindow &window, IndependenceFilter filter)
{
    gui::IndependenceCombo *combo = window.independenceCombo();
    return combo->itemText(combo->findData(int(filter)));
}

/// The table row of a study as the window shows it.
inline StudySummary rowOf(const gui::MainWindow &window, const QString &id)
{
    for (const StudySummary &s : window.tableModel()->allStudies()) {
        if (s.id == id)
            return s;
    }
    ADD_FAILURE() << "no row " << str(id);
    return {};
}

/// The Independence cell of a study in the visible table, as displayed.
inline QString independenceCell(const gui::MainWindow &window, const QString &id)
{
    const StudyTableModel *model = window.tableModel();
    const int row = model->rowOfId(id);
    return row < 0 ? QString() : model->index(row, StudyTableModel::Independence).data().toString();
}

} // namespace mgreview::testing
