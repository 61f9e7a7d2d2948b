#pragma once

#include "library/studyfilter.h"
#include "review/profile.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mgreview::gui {

/// What `mgreview` was asked to do.
struct GuiOptions {
    QString library; ///< --library PATH (empty: the default library).
    QString studies; ///< --studies DIR (empty: the installed studies/).
    QString screenshot; ///< --screenshot FILE (empty: run interactively).
    QString select; ///< --select ID
    QString search; ///< --search TEXT
    std::optional<IndependenceFilter> filter; ///< --filter WORD
    QString rules; ///< --rules FILE (a user rules file for this run)
    bool showRules = false; ///< --show-rules
    QString rule; ///< --rule ID (select a rule in the Rules view)
    QString paneSection; ///< --pane-section ID (scroll the pane to a section)
    QString view; ///< --view studies|matrix (empty: the view shown last time)
    QString cellPopulation; ///< --cell POPULATION:CRAMP_TYPE (a matrix cell to list)
    QString cellCrampType;
    QString profile; ///< --profile NAME[:ROLE] (sign in for this run)
    std::optional<Role> profileRole; ///< The ROLE of --profile, used when the library has no such profile.
    QString assess; ///< --assess ID (open the Assess funding form)
    bool showConflicts = false; ///< --show-conflicts
    bool showNotes = false; ///< --show-notes
    bool showAgreement = false; ///< --show-agreement
    bool openFilter = false; ///< --open-filter (show the funding filter's list, for screenshots)
    QString openPdf; ///< --open-pdf FILE (show it in the PDF tab)
    int pdfPage = 0; ///< --page N (1-based; 0: the first page)
    QString pdfFind; ///< --find TEXT (find it in the PDF)
    bool help = false;
    bool version = false;
};

/// Parses the arguments (the first is the program). Returns nullopt and sets *error for
/// unknown options, missing values and bad filter words.
std::optional<GuiOptions> parseGuiArguments(const QStringList &arguments, QString *error);
QString guiUsage();

/// Whether the app can show a window, must render offscreen, or cannot run.
enum class DisplayPlan { Default, Offscreen, NoDisplay };
/// Decides from QT_QPA_PLATFORM, $DISPLAY and $WAYLAND_DISPLAY. With --screenshot and no
/// display the app renders offscreen; without it, it must not crash but explain.
DisplayPlan planDisplay(
    const QString &platform, const QString &display, const QString &waylandDisplay, bool screenshot);
/// What to tell a user who started the app without a display.
QString noDisplayMessage();

} // namespace mgreview::gui
