#include "guitestsupport.h"

#include "conclusionpane.h"
#include "models/studytablemodel.h"

#include <QSet>
#include <QTest>

#include <gtest/gtest.h>

namespace mgreview::testing {

bool waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

std::unique_ptr<OpenWindow> openSeededWindow()
{
    auto open = std::make_unique<OpenWindow>();
    gui::WindowOptions options;
    options.persistLayout = false;
    options.errorDialogs = false;
    open->window = std::make_unique<gui::MainWindow>(options);
    open->window->show();
    LibraryLocation location;
    location.sqlitePath = open->library.path();
    OpenOptions openOptions;
    openOptions.studiesFolder = projectStudiesFolder();
    open->window->openLibrary(location, openOptions);
    EXPECT_TRUE(waitUntil([&] { return open->window->isLibraryLoaded(); })) << "the library did not load";
    return open;
}

QString selectAndReadPane(gui::MainWindow &window, const QString &id)
{
    window.selectStudy(id);
    EXPECT_TRUE(waitUntil([&] { return window.shownStudyId() == id; })) << "the pane never showed " << id.toStdString();
    return window.pane()->toPlainText();
}

QStringList visibleIds(const gui::MainWindow &window)
{
    QStringList ids;
    const StudyTableModel *model = window.tableModel();
    for (int row = 0; row < model->rowCount(); ++row)
        ids.append(model->index(row, 0).data(StudyTableModel::StudyIdRole).toString());
    return ids;
}

int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    // Every 3rd pixel is plenty to tell a real window from a blank one.
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

} // namespace mgreview::testing
