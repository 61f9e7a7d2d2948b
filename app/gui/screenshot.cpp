#include "screenshot.h"

#include "mainwindow.h"

#include <QApplication>
#include <QFileInfo>
#include <QImageWriter>
#include <QPainter>
#include <QPixmap>
#include <QWidget>

namespace mgreview::gui {

bool saveWidgetPng(QWidget *widget, const QString &path, QString *error)
{
    QPixmap pixmap = widget->grab();
    if (pixmap.isNull()) {
        *error = QObject::tr("%1: the window could not be rendered").arg(path);
        return false;
    }
    if (widget->isWindow()) {
        // The window's dialogs and pop-ups are windows of their own: paint them where they
        // are, so the picture shows what a person would see (e.g. the Assess funding form).
        QPainter painter(&pixmap);
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (top == widget || !top->isVisible() || !top->parentWidget() || top->parentWidget()->window() != widget)
                continue;
            const QPoint at = top->geometry().topLeft() - widget->geometry().topLeft();
            painter.drawPixmap(at, top->grab());
            // Offscreen windows have no frame: outline dialogs so they stand apart from the window.
            painter.setPen(QColor(0x70, 0x76, 0x80));
            painter.drawRect(QRect(at, top->size()).adjusted(-1, -1, 0, 0));
        }
    }
    QImageWriter writer(path, "png");
    if (!writer.write(pixmap.toImage())) {
        *error = QObject::tr("%1: cannot write the screenshot: %2").arg(path, writer.errorString());
        return false;
    }
    return true;
}

ScreenshotRunner::ScreenshotRunner(MainWindow *window, QString path, QString selectId, QObject *parent)
    : QObject(parent), m_window(window), m_path(std::move(path)), m_selectId(std::move(selectId))
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(120'000);
    connect(&m_timeout, &QTimer::timeout, this, [this] { finish(1, tr("timed out waiting for the library to load")); });
}

void ScreenshotRunner::start()
{
    m_timeout.start();
    connect(m_window, &MainWindow::libraryFailed, this, [this](const QString &error) { finish(1, error); });
    connect(
        m_window, &MainWindow::studyNotFound, this, [this](const QString &, const QString &why) { finish(1, why); });
    connect(m_window, &MainWindow::studyShown, this, [this](const QString &id) {
        if (id == m_selectId)
            capture();
    });
    if (m_window->isLibraryLoaded())
        onLoaded();
    else
        connect(m_window, &MainWindow::libraryLoaded, this, &ScreenshotRunner::onLoaded);
}

void ScreenshotRunner::onLoaded()
{
    if (m_selectId.isEmpty())
        capture();
    else if (m_window->shownStudyId() == m_selectId)
        capture();
    else
        m_window->selectStudy(m_selectId);
}

void ScreenshotRunner::capture()
{
    if (m_capturing)
        return; // Already waiting (the pane shows the study again after a classification).
    m_capturing = true;
    m_window->resize(m_size);
    settleThenGrab();
}

void ScreenshotRunner::settleThenGrab()
{
    // Let the resize and the pane's layout settle, a --search apply and the rules classify
    // the library, before grabbing.
    QTimer::singleShot(100, this, [this] {
        if (!m_window->isSettled()) {
            settleThenGrab();
            return;
        }
        m_window->scrollPaneToSection();
        QString error;
        if (!saveWidgetPng(m_window, m_path, &error))
            finish(1, error);
        else
            finish(0, tr("wrote %1").arg(QFileInfo(m_path).absoluteFilePath()));
    });
}

void ScreenshotRunner::finish(int exitCode, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    Q_EMIT finished(exitCode, message);
}

} // namespace mgreview::gui
