// File ▸ Export studies… in a real window (offscreen): the action opens the dialog, the export
// follows the toolbar's funding filter and search, runs in the background and can be cancelled.
// With MGREVIEW_EXPORT_SCREENSHOT=FILE the dialog test also saves the window with the dialog.
#include "csvreader.h"
#include "guitestsupport.h"

#include "exportdialog.h"
#include "exportui.h"
#include "independencecombo.h"
#include "screenshot.h"

#include "importexport/csvexport.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

QVector<QStringList> readCsvFile(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    QString error;
    const std::optional<QVector<QStringList>> rows = readCsv(QString::fromUtf8(file.readAll()), &error);
    EXPECT_TRUE(rows) << error.toStdString();
    return rows.value_or(QVector<QStringList>());
}

TEST(ExportGui, ExportThroughTheActionFollowsTheIndependentFilter)
{
    auto open = openSeededWindow();
    ASSERT_TRUE(open);
    gui::MainWindow &window = *open->window;
    // Rules classify the library after it opens: export what the table shows once it is done.
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    window.setIndependenceFilter(IndependenceFilter::Independent);
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    ASSERT_EQ(window.independenceCombo()->currentFilter(), IndependenceFilter::Independent);

    QAction *action = window.findChild<QAction *>(QStringLiteral("exportStudies"));
    ASSERT_TRUE(action);
    ASSERT_TRUE(action->isEnabled());
    action->trigger();
    gui::ExportDialog *dialog = window.exporter()->dialog();
    ASSERT_TRUE(dialog);
    ASSERT_TRUE(waitUntil([&] { return dialog->isVisible(); }));

    QTemporaryDir scratch;
    const QString path = scratch.filePath(QStringLiteral("independent.csv"));
    auto *format = dialog->findChild<QComboBox *>(QStringLiteral("exportFormat"));
    ASSERT_TRUE(format);
    format->setCurrentIndex(format->findData(int(ExportFormat::Csv)));
    auto *pathEdit = dialog->findChild<QLineEdit *>(QStringLiteral("exportPath"));
    ASSERT_TRUE(pathEdit);
    if (const QString shot = qEnvironmentVariable("MGREVIEW_EXPORT_SCREENSHOT"); !shot.isEmpty()) {
        // A path as a person would choose it, not the test's temporary folder.
        pathEdit->setText(QStringLiteral("/home/reviewer/Documents/magnesium-independent.csv"));
        QString error;
        EXPECT_TRUE(gui::saveWidgetPng(&window, shot, &error)) << error.toStdString();
    }
    pathEdit->setText(path);

    QSignalSpy finished(window.exporter(), &gui::ExportUi::exportFinished);
    dialog->findChild<QPushButton *>(QStringLiteral("exportButton"))->click();
    ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }));
    EXPECT_TRUE(finished.at(0).at(0).toBool()) << finished.at(0).at(2).toString().toStdString();
    EXPECT_FALSE(window.exporter()->dialog()) << "the dialog closes after a successful export";

    const QVector<QStringList> rows = readCsvFile(path);
    ASSERT_GT(rows.size(), 1);
    EXPECT_EQ(rows.first(), exportCsvColumns());
    const qsizetype independence = exportCsvColumns().indexOf(QStringLiteral("independence"));
    QSet<QString> ids;
    for (const QStringList &row : rows.mid(1)) {
        EXPECT_EQ(row.at(independence), QStringLiteral("independent")) << row.first().toStdString();
        ids.insert(row.first());
    }
    // Exactly the studies the table shows with the filter: none of the industry-linked trials.
    for (const char *id : {"dahle1995_rct", "nygaard2008_rct", "barna2021_rct"})
        EXPECT_FALSE(ids.contains(QLatin1StringView(id))) << id;
    const QStringList shown = visibleIds(window);
    EXPECT_EQ(ids, QSet<QString>(shown.cbegin(), shown.cend()));
}

TEST(ExportGui, ExportFollowsTheSearchAndWritesAStudiesFolder)
{
    auto open = openSeededWindow();
    ASSERT_TRUE(open);
    gui::MainWindow &window = *open->window;
    // Rules classify the library after it opens: export what the table shows once it is done.
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    window.setSearchText(QStringLiteral("Cochrane"));
    ASSERT_TRUE(waitUntil([&] { return window.isSearchSettled(); }));
    const QStringList shown = visibleIds(window);
    ASSERT_FALSE(shown.isEmpty());

    QTemporaryDir scratch;
    const QString folder = scratch.filePath(QStringLiteral("studies"));
    QSignalSpy finished(window.exporter(), &gui::ExportUi::exportFinished);
    ASSERT_TRUE(window.exporter()->startExport(folder, ExportFormat::Studies));
    ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }));
    ASSERT_TRUE(finished.at(0).at(0).toBool()) << finished.at(0).at(2).toString().toStdString();
    QStringList written = QDir(folder).entryList({QStringLiteral("*.toml")}, QDir::Files, QDir::Name);
    for (QString &name : written)
        name.chop(5);
    QStringList expected = shown;
    expected.sort();
    EXPECT_EQ(written, expected);
}

TEST(ExportGui, CancelLeavesNoFileAndAFailureKeepsTheDialogOpen)
{
    auto open = openSeededWindow();
    ASSERT_TRUE(open);
    gui::MainWindow &window = *open->window;
    // Rules classify the library after it opens: export what the table shows once it is done.
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    QTemporaryDir scratch;

    // Cancelled before the I/O thread gets to it: the export stops at its first step.
    const QString path = scratch.filePath(QStringLiteral("cancelled.ris"));
    QSignalSpy finished(window.exporter(), &gui::ExportUi::exportFinished);
    ASSERT_TRUE(window.exporter()->startExport(path, ExportFormat::Ris));
    EXPECT_FALSE(window.exporter()->startExport(path, ExportFormat::Ris)) << "one export at a time";
    window.exporter()->cancelExport();
    ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }));
    EXPECT_FALSE(finished.at(0).at(0).toBool());
    EXPECT_TRUE(finished.at(0).at(1).toBool());
    EXPECT_FALSE(QFileInfo::exists(path));
    EXPECT_TRUE(QDir(scratch.path()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));

    // An unwritable path: the dialog stays open and says why.
    window.exporter()->openDialog();
    gui::ExportDialog *dialog = window.exporter()->dialog();
    ASSERT_TRUE(dialog);
    dialog->setFormat(ExportFormat::Bibtex);
    const QString bad = scratch.filePath(QStringLiteral("missing/folder/out.bib"));
    dialog->setPath(bad);
    dialog->findChild<QPushButton *>(QStringLiteral("exportButton"))->click();
    ASSERT_TRUE(waitUntil([&] { return finished.count() == 2; }));
    EXPECT_FALSE(finished.at(1).at(0).toBool());
    EXPECT_TRUE(finished.at(1).at(2).toString().startsWith(bad)) << finished.at(1).at(2).toString().toStdString();
    EXPECT_TRUE(window.exporter()->dialog());
    EXPECT_TRUE(dialog->isVisible());
    dialog->reject();
}

} // namespace
