#include "settings.h"

namespace mgreview::gui {

namespace {

// The keys, kept together so renaming one cannot miss a reader.
constexpr auto kWindowGeometry = "window/geometry";
constexpr auto kWindowState = "window/state";
constexpr auto kSplitterState = "window/splitter";
constexpr auto kTableHeaderState = "table/header";
constexpr auto kIndependenceFilter = "filter/independence";
constexpr auto kRulesFile = "rules/userFile";
constexpr auto kMainView = "window/view";
constexpr auto kMatrixExportFolder = "matrix/exportFolder";
constexpr auto kProfileName = "profile/name";
constexpr auto kProfileRole = "profile/role";

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

QByteArray Settings::windowGeometry() const
{
    return m_settings.value(key(kWindowGeometry)).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(key(kWindowGeometry), geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings.value(key(kWindowState)).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(key(kWindowState), state);
}

QByteArray Settings::splitterState() const
{
    return m_settings.value(key(kSplitterState)).toByteArray();
}

void Settings::setSplitterState(const QByteArray &state)
{
    m_settings.setValue(key(kSplitterState), state);
}

QByteArray Settings::tableHeaderState() const
{
    return m_settings.value(key(kTableHeaderState)).toByteArray();
}

void Settings::setTableHeaderState(const QByteArray &state)
{
    m_settings.setValue(key(kTableHeaderState), state);
}

IndependenceFilter Settings::independenceFilter() const
{
    // Stored as the CLI word, so the file stays readable and survives enum reordering.
    const QString word = m_settings.value(key(kIndependenceFilter), toString(IndependenceFilter::All)).toString();
    return independenceFilterFromString(word).value_or(IndependenceFilter::All);
}

void Settings::setIndependenceFilter(IndependenceFilter filter)
{
    m_settings.setValue(key(kIndependenceFilter), toString(filter));
}

QString Settings::rulesFile() const
{
    return m_settings.value(key(kRulesFile)).toString();
}

void Settings::setRulesFile(const QString &path)
{
    if (path.isEmpty())
        m_settings.remove(key(kRulesFile));
    else
        m_settings.setValue(key(kRulesFile), path);
}

QString Settings::currentProfile() const
{
    return m_settings.value(key(kProfileName)).toString();
}

QString Settings::currentProfileRole() const
{
    return m_settings.value(key(kProfileRole)).toString();
}

void Settings::setCurrentProfile(const QString &name, const QString &role)
{
    m_settings.setValue(key(kProfileName), name);
    m_settings.setValue(key(kProfileRole), role);
}

QString Settings::mainView() const
{
    return m_settings.value(key(kMainView), QStringLiteral("studies")).toString();
}

void Settings::setMainView(const QString &view)
{
    m_settings.setValue(key(kMainView), view);
}

QString Settings::matrixExportFolder() const
{
    return m_settings.value(key(kMatrixExportFolder)).toString();
}

void Settings::setMatrixExportFolder(const QString &folder)
{
    m_settings.setValue(key(kMatrixExportFolder), folder);
}

} // namespace mgreview::gui
