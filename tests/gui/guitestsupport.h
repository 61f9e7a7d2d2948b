#pragma once

#include "mainwindow.h"

#include "support/templibrary.h"

#include <QImage>
#include <QString>

#include <functional>
#include <memory>

namespace mgreview::testing {

/// Spins the event loop until `condition` holds or `timeoutMs` passes; true if it held.
bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 30'000);

/// A main window on a fresh temporary library seeded from the project's studies/.
/// No saved layout is read or written and errors show in the window only.
struct OpenWindow {
    TempLibrary library;
    std::unique_ptr<gui::MainWindow> window;
};
/// Opens the window and waits until the library is loaded; fails the test otherwise.
std::unique_ptr<OpenWindow> openSeededWindow();

/// Selects a study and waits until the pane shows it; the pane's plain text.
QString selectAndReadPane(gui::MainWindow &window, const QString &id);

/// The ids of the visible table rows, top to bottom.
QStringList visibleIds(const gui::MainWindow &window);

/// How many distinct colours an image has (a blank grab has one or two).
int distinctColours(const QImage &image);

} // namespace mgreview::testing
