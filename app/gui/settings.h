#pragma once

#include "library/studyfilter.h"

#include <QByteArray>
#include <QSettings>

namespace mgreview::gui {

/// Every setting the window keeps, with its key, type and default, in one place.
/// Widgets read and write through these accessors only; no key strings elsewhere.
class Settings
{
public:
    /// Uses the application's default QSettings (organization/application names).
    Settings() = default;

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);

    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);

    QByteArray tableHeaderState() const;
    void setTableHeaderState(const QByteArray &state);

    /// The funding-independence filter last chosen; All by default.
    IndependenceFilter independenceFilter() const;
    void setIndependenceFilter(IndependenceFilter filter);

    /// The user rules file (Rules ▸ Use rules file…); empty: the default rules only.
    QString rulesFile() const;
    void setRulesFile(const QString &path);

    /// The profile signed in last (its name in the library) and its role word, used to add
    /// it to a library that does not have it; empty: ask at first start.
    QString currentProfile() const;
    QString currentProfileRole() const;
    void setCurrentProfile(const QString &name, const QString &role);

    /// The view shown at start: "studies" (default) or "matrix".
    QString mainView() const;
    void setMainView(const QString &view);

    /// The folder of the last evidence-matrix export; empty: the home folder.
    QString matrixExportFolder() const;
    void setMatrixExportFolder(const QString &folder);

    void sync() { m_settings.sync(); }

private:
    QSettings m_settings;
};

} // namespace mgreview::gui
