#pragma once

#include <QObject>
#include <QSize>
#include <QTimer>

class QWidget;

namespace mgreview::gui {

class MainWindow;

/// Grabs a widget into a PNG file. Returns false and sets *error when that fails.
bool saveWidgetPng(QWidget *widget, const QString &path, QString *error);

/// `mgreview --screenshot FILE [--select ID]`: waits until the library is loaded, the
/// selected study is in the pane and nothing is pending (search, classification, rule
/// filter), then writes the window to a PNG and reports the outcome.
class ScreenshotRunner : public QObject
{
    Q_OBJECT

public:
    ScreenshotRunner(MainWindow *window, QString path, QString selectId, QObject *parent = nullptr);

    /// Starts waiting; call after MainWindow::openLibrary(). Emits finished() exactly once.
    void start();
    void setSize(const QSize &size) { m_size = size; }
    void setTimeout(int ms) { m_timeout.setInterval(ms); }

    static constexpr QSize kDefaultSize { 1400, 860 };

Q_SIGNALS:
    /// exitCode 0 on success; message says what was written or what went wrong.
    void finished(int exitCode, const QString &message);

private:
    void onLoaded();
    void capture();
    void settleThenGrab();
    void finish(int exitCode, const QString &message);

    MainWindow *m_window;
    QString m_path;
    QString m_selectId;
    QSize m_size = kDefaultSize;
    QTimer m_timeout;
    bool m_done = false;
    bool m_capturing = false;
};

} // namespace mgreview::gui
