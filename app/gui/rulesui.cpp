#include "rulesui.h"

#include "librarysession.h"
#include "rulescontroller.h"
#include "ruleserrorbar.h"
#include "rulestablemodel.h"
#include "rulesview.h"
#include "searchcontroller.h"
#include "settings.h"

#include "model/vocabulary.h"
#include "models/studytablemodel.h"
#include "rules/suggestionstore.h"

#include <QAction>
#include <QBitArray>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QShortcut>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

#include <algorithm>
#include <utility>

namespace mgreview::gui {

namespace {

struct MatchedStudies {
    QBitArray rows; ///< By position in the table's studies.
    QString error;
};

/// On the I/O thread: the rows of `studies` a rule matched (building the mask there keeps
/// 100,000 id look-ups off the GUI thread).
MatchedStudies matchedRows(const Database &database, const QString &ruleId, const QVector<StudySummary> &studies)
{
    MatchedStudies matched;
    const std::optional<QStringList> ids = SuggestionStore(database).studiesMatchedBy(ruleId, &matched.error);
    if (!ids)
        return matched;
    const QSet<QString> wanted(ids->cbegin(), ids->cend());
    matched.rows = QBitArray(studies.size());
    for (qsizetype i = 0; i < studies.size(); ++i) {
        if (wanted.contains(studies.at(i).id))
            matched.rows.setBit(i);
    }
    return matched;
}

} // namespace

RulesUi::RulesUi(const Parts &parts, QObject *parent)
    : QObject(parent),
      m_parts(parts),
      m_controller(new RulesController(parts.session, this)),
      m_model(new RulesTableModel(Vocabularies::builtin(), this)),
      m_view(new RulesView(m_model)),
      m_dock(new QDockWidget(tr("Rules"), parts.window)),
      m_warning(new RulesErrorBar(true, parts.window))
{
    m_dock->setObjectName(QStringLiteral("rulesDock"));
    m_dock->setWidget(m_view);
    m_dock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::TopDockWidgetArea);
    parts.window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    // Readers who never classify need the space for the table: the view opens on request.
    m_dock->hide();

    m_chip = new QToolButton(parts.toolbar);
    m_chip->setObjectName(QStringLiteral("ruleFilterChip"));
    m_chip->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_chip->setStyleSheet(QStringLiteral("QToolButton#ruleFilterChip { background-color: #e4ecf7; border: 1px solid "
                                         "#7d9cc4; border-radius: 9px; padding: 1px 8px; color: #1d3b5a; }"));
    m_chip->setToolTip(tr("The table shows only the studies this rule matched. Click to show every study again."));
    parts.toolbar->addSeparator();
    m_chipAction = parts.toolbar->addWidget(m_chip);
    m_chipAction->setVisible(false);
    connect(m_chip, &QToolButton::clicked, this, &RulesUi::clearRuleFilter);

    buildStatusWidgets();
    buildMenu();

    m_controller->setRowsProvider([studies = parts.studies] { return studies->allStudies(); });
    connect(m_controller, &RulesController::rulesChanged, this, [this] {
        m_model->setRules(m_controller->rules().rules);
        updateSummary();
        if (!m_pendingRule.isEmpty())
            selectRule(std::exchange(m_pendingRule, QString()));
    });
    connect(m_controller, &RulesController::hitCountsChanged, this, [this] {
        m_model->setHitCounts(m_controller->hitCounts());
        updateSummary();
    });
    connect(m_controller, &RulesController::errorsChanged, this, [this](const QStringList &errors) {
        m_view->setErrors(errors);
        m_warning->setErrors(errors);
        updateSummary();
    });
    connect(m_controller, &RulesController::classificationStarted, this, &RulesUi::onClassificationStarted);
    connect(m_controller, &RulesController::classificationProgress, this, &RulesUi::onClassificationProgress);
    connect(m_controller, &RulesController::classificationFinished, this, &RulesUi::onClassificationFinished);
    connect(m_view, &RulesView::ruleSelected, this, &RulesUi::onRuleSelected);
    updateSummary();
}

void RulesUi::buildMenu()
{
    m_menu = new QMenu(tr("&Rules"), m_parts.window);
    QAction *use = m_menu->addAction(tr("&Use rules file…"));
    use->setObjectName(QStringLiteral("useRulesFile"));
    connect(use, &QAction::triggered, this, &RulesUi::chooseRulesFile);
    QAction *stop = m_menu->addAction(tr("&Stop using rules file"));
    stop->setObjectName(QStringLiteral("stopUsingRulesFile"));
    connect(stop, &QAction::triggered, this, [this] { useRulesFile(QString(), m_parts.rememberRulesFile); });
    connect(m_menu, &QMenu::aboutToShow, this, [this, stop] {
        stop->setEnabled(!m_controller->userFile().isEmpty());
        stop->setText(m_controller->userFile().isEmpty()
                ? tr("&Stop using rules file")
                : tr("&Stop using %1").arg(QFileInfo(m_controller->userFile()).fileName()));
    });
    QAction *again = m_menu->addAction(tr("&Reclassify now"));
    again->setObjectName(QStringLiteral("reclassifyNow"));
    connect(again, &QAction::triggered, m_controller, &RulesController::reclassify);
    m_menu->addSeparator();
    QAction *toggle = m_dock->toggleViewAction();
    toggle->setText(tr("Rules &view"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_menu->addAction(toggle);
}

void RulesUi::buildStatusWidgets()
{
    QStatusBar *status = m_parts.window->statusBar();
    m_progress = new QLabel(status);
    m_cancel = new QToolButton(status);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop classifying (Esc); the earlier suggestions are kept"));
    status->addPermanentWidget(m_progress);
    status->addPermanentWidget(m_cancel);
    m_progress->hide();
    m_cancel->hide();
    connect(m_cancel, &QToolButton::clicked, m_controller, &RulesController::cancelClassification);
    // Esc cancels only while a run is going; the search field keeps Esc when it has text.
    m_escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_parts.window);
    m_escape->setContext(Qt::WindowShortcut);
    m_escape->setEnabled(false);
    connect(m_escape, &QShortcut::activated, m_controller, &RulesController::cancelClassification);
}

void RulesUi::useRulesFile(const QString &path, bool remember)
{
    if (remember) {
        Settings settings;
        settings.setRulesFile(path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath());
    }
    m_controller->setUserFile(path);
    updateSummary();
}

void RulesUi::chooseRulesFile()
{
    // Non-modal to the app: the window keeps running while the dialog is open.
    auto *dialog = new QFileDialog(m_parts.window, tr("Use rules file"));
    dialog->setObjectName(QStringLiteral("rulesFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({ tr("Rules files (*.toml)"), tr("All files (*)") });
    if (!m_controller->userFile().isEmpty())
        dialog->selectFile(m_controller->userFile());
    connect(dialog, &QFileDialog::fileSelected, this,
        [this](const QString &path) { useRulesFile(path, m_parts.rememberRulesFile); });
    dialog->open();
}

void RulesUi::showView()
{
    m_dock->show();
    m_dock->raise();
}

void RulesUi::selectRule(const QString &id)
{
    if (m_model->rowOf(id) < 0 && !m_controller->hasRules()) {
        m_pendingRule = id; // Selected once the rules are loaded.
        return;
    }
    if (!m_view->selectRule(id))
        m_parts.window->statusBar()->showMessage(tr("No rule with id “%1”.").arg(id));
}

void RulesUi::onRuleSelected(QString id)
{
    if (id.isEmpty()) {
        clearRuleFilter();
        return;
    }
    if (!m_parts.session->isOpen()) {
        // Chosen before the library is open (--rule): applied after its first classification.
        m_waitingRule = id;
        return;
    }
    m_waitingRule.clear();
    const quint64 generation = ++m_filterGeneration;
    m_filterPending = true;
    // A shallow copy: the table's rows are shared with the I/O thread, not copied.
    const QVector<StudySummary> studies = m_parts.studies->allStudies();
    m_parts.session->run([id, studies](const Database &database) { return matchedRows(database, id, studies); })
        .then(this, [this, generation, id](const MatchedStudies &matched) {
            if (generation != m_filterGeneration)
                return; // Another rule was selected meanwhile.
            m_filterPending = false;
            if (!matched.error.isEmpty()) {
                m_parts.window->statusBar()->showMessage(matched.error);
                return;
            }
            if (matched.rows.size() != m_parts.studies->allStudies().size()) {
                onRuleSelected(id); // The table got other studies meanwhile: ask again.
                return;
            }
            m_filterRule = id;
            m_filterRows = matched.rows;
            applyRestriction();
            m_chip->setText(tr("Rule: %1  ✕").arg(id));
            m_chip->setAccessibleName(tr("Rule filter %1; press to remove").arg(id));
            Q_EMIT ruleFilterApplied(id);
        });
}

void RulesUi::applyRestriction()
{
    if (m_filterRule.isEmpty()) {
        m_parts.search->setRestriction(std::nullopt);
        return;
    }
    m_parts.search->setRestriction(m_filterRows);
    m_chipAction->setVisible(true);
}

void RulesUi::clearRuleFilter()
{
    ++m_filterGeneration;
    m_filterPending = false;
    m_waitingRule.clear();
    const bool had = !m_filterRule.isEmpty();
    m_filterRule.clear();
    m_filterRows.clear();
    m_chipAction->setVisible(false);
    m_view->clearSelection();
    if (had) {
        m_parts.search->setRestriction(std::nullopt);
        Q_EMIT ruleFilterApplied(QString());
    }
}

void RulesUi::studiesReplaced()
{
    // The rows moved: find the rule's studies among the new ones.
    if (!m_filterRule.isEmpty())
        onRuleSelected(m_filterRule);
}

bool RulesUi::isSettled() const
{
    return !m_controller->isBusy() && !m_filterPending && m_pendingRule.isEmpty() && m_waitingRule.isEmpty();
}

void RulesUi::updateSummary()
{
    const QVector<Rule> &rules = m_controller->rules().rules;
    const auto off = std::count_if(rules.cbegin(), rules.cend(), [](const Rule &r) { return !r.enabled; });
    QString text;
    if (!m_controller->hasRules())
        text = tr("Loading the rules…");
    else {
        text = off > 0 ? tr("%1 rules in force (%2 switched off)").arg(rules.size()).arg(off)
                       : tr("%1 rules in force").arg(rules.size());
        const QString inForce = m_controller->fileInForce();
        text += inForce.isEmpty() ? tr(": the default rules.") : tr(": the default rules and %1.").arg(inForce);
        const QString file = m_controller->userFile();
        if (!m_controller->errors().isEmpty())
            text += u' '
                + (file == inForce ? tr("The file's last good version stays in force until its errors are fixed.")
                                   : tr("%1 is not used until its errors are fixed.").arg(file));
        if (!m_controller->lastRun().isEmpty())
            text += u' ' + tr("Last classified: %1.").arg(m_controller->lastRun());
        text += u' ' + tr("Hits: studies each rule matched. Select a rule to list them.");
    }
    m_view->setSummary(text);
}

void RulesUi::onClassificationStarted()
{
    m_progress->setText(tr("Classifying… reading the studies"));
    m_progress->show();
    m_cancel->show();
    m_escape->setEnabled(true);
}

void RulesUi::onClassificationProgress(int done, int total)
{
    if (total > 0)
        m_progress->setText(tr("Classifying… %1/%2").arg(QLocale().toString(done), QLocale().toString(total)));
}

void RulesUi::onClassificationFinished(const QString &message)
{
    m_progress->hide();
    m_cancel->hide();
    m_escape->setEnabled(false);
    if (!message.isEmpty())
        m_parts.window->statusBar()->showMessage(message, 8000);
    // The rule's studies may have changed with the new suggestions.
    if (!m_waitingRule.isEmpty())
        onRuleSelected(m_waitingRule);
    else if (!m_filterRule.isEmpty())
        onRuleSelected(m_filterRule);
}

} // namespace mgreview::gui
