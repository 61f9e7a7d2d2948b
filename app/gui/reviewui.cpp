#include "reviewui.h"

#include "assessdialog.h"
#include "librarysession.h"
#include "mainwindow.h"
#include "profilecontroller.h"
#include "profiledialog.h"
#include "reviewcontroller.h"
#include "reviewdocks.h"
#include "reviewpanebar.h"
#include "reviewundo.h"

#include "model/vocabulary.h"

#include <QPlainTextEdit>
#include <QSpinBox>
#include <QAction>
#include <QActionGroup>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QUndoGroup>
#include <QUndoStack>

#include <algorithm>

namespace mgreview::gui {

namespace {

QString valueText(const QString &value, const QString &link)
{
    const Vocabularies &v = Vocabularies::builtin();
    QString text = v.independence.label(value);
    if (!link.isEmpty())
        text += QStringLiteral(" — ") + v.industryLink.label(link);
    return text;
}

} // namespace

ReviewUi::ReviewUi(const Parts &parts, QObject *parent)
    : QObject(parent),
      m_parts(parts),
      m_profiles(new ProfileController(parts.session, this)),
      m_controller(new ReviewController(parts.session, m_profiles, this)),
      m_docks(new ReviewDocks(parts.window, m_controller, m_profiles, parts.studies, this)),
      m_undo(new QUndoGroup(this))
{
    m_profiles->setRemember(parts.remember);
    m_profileLabel = new QLabel(parts.window->statusBar());
    m_profileLabel->setObjectName(QStringLiteral("profileStatus"));
    parts.window->statusBar()->addPermanentWidget(m_profileLabel);
    buildMenus();
    m_paneBar = new ReviewPaneBar(m_assessAction);

    connect(m_profiles, &ProfileController::profileChanged, this, &ReviewUi::onProfileChanged);
    connect(m_profiles, &ProfileController::profileNeeded, this, [this] { askForProfile(true); });
    connect(m_profiles, &ProfileController::message, this, [this](const QString &text) { showMessage(text); });
    connect(m_profiles, &ProfileController::resolveFinished, this, &ReviewUi::openPendingAssess);
    connect(m_controller, &ReviewController::rowsChanged, parts.window, &MainWindow::replaceStudyRows);
    connect(m_controller, &ReviewController::reviewChanged, this, [this] {
        m_docks->refresh();
        m_parts.window->reloadShownStudy();
    });
    connect(m_controller, &ReviewController::undoFailed, this, [this](const QString &actor, const QString &error) {
        // The stack no longer matches the library: start it afresh rather than undo the wrong thing.
        if (QUndoStack *stack = m_stacks.value(actor.toLower()))
            stack->clear();
        showMessage(tr("Undo failed: %1. The undo history was cleared.").arg(error), 15000);
    });
    connect(m_docks, &ReviewDocks::studyActivated, parts.window, &MainWindow::selectStudy);
    connect(m_docks, &ReviewDocks::changeRecorded, this, &ReviewUi::pushChange);
    connect(m_docks, &ReviewDocks::message, this, [this](const QString &text) { showMessage(text); });
    onProfileChanged();
}

ReviewUi::~ReviewUi()
{
    // Dialogs belong to the window; close them before the controllers they call go away.
    if (m_assess)
        delete m_assess.data();
}

void ReviewUi::buildMenus()
{
    QWidget *window = m_parts.window;
    m_assessAction = new QAction(tr("Assess &funding…"), this);
    m_assessAction->setObjectName(QStringLiteral("assessFunding"));
    m_assessAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    connect(m_assessAction, &QAction::triggered, this, [this] { openAssessForm(m_shownStudy); });
    m_studyMenu = new QMenu(tr("&Study"), window);
    m_studyMenu->setToolTipsVisible(true); // A disabled action says why in its tooltip.
    m_studyMenu->addAction(m_assessAction);

    m_undoAction = m_undo->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoReview"));
    m_undoAction->setShortcuts({ QKeySequence(Qt::CTRL | Qt::Key_Z) });
    m_redoAction = m_undo->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoReview"));
    m_redoAction->setShortcuts({ QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y) });

    m_reviewMenu = new QMenu(tr("Revie&w"), window);
    QAction *conflicts = m_docks->conflictsDock()->toggleViewAction();
    conflicts->setText(tr("&Conflicts"));
    conflicts->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_reviewMenu->addAction(conflicts);
    QAction *agreement = m_docks->agreementDock()->toggleViewAction();
    agreement->setText(tr("&Agreement (Cohen's kappa)"));
    m_reviewMenu->addAction(agreement);

    m_profileMenu = new QMenu(tr("&Profile"), window);
    m_switchMenu = m_profileMenu->addMenu(tr("&Switch profile"));
    m_switchMenu->setObjectName(QStringLiteral("switchProfileMenu"));
    connect(m_switchMenu, &QMenu::aboutToShow, this, &ReviewUi::fillSwitchMenu);
    QAction *add = m_profileMenu->addAction(tr("&Add profile…"));
    add->setObjectName(QStringLiteral("addProfile"));
    connect(add, &QAction::triggered, this, [this] { askForProfile(false); });

    m_exportMenu = new QMenu(tr("Export &review"), window);
    const std::pair<ReviewExportKind, QString> kinds[] = {
        { ReviewExportKind::Judgements, tr("&Judgements as CSV…") },
        { ReviewExportKind::Resolutions, tr("&Resolutions as CSV…") },
        { ReviewExportKind::AuditLog, tr("&Audit log as CSV…") },
    };
    for (const auto &[kind, text] : kinds) {
        QAction *action = m_exportMenu->addAction(text);
        connect(action, &QAction::triggered, this, [this, kind = kind] { exportReview(int(kind)); });
    }
}

void ReviewUi::libraryOpened()
{
    m_libraryOpen = true;
    m_profiles->libraryOpened();
    m_docks->refresh();
    updateAssessAction();
}

void ReviewUi::requestProfile(const QString &name, std::optional<Role> role)
{
    m_profiles->request(name, role);
}

void ReviewUi::onProfileChanged()
{
    m_profileLabel->setText(m_profiles->statusText());
    const std::optional<Profile> &current = m_profiles->current();
    m_undo->setActiveStack(current ? stackFor(current->name) : nullptr);
    updateAssessAction();
    m_docks->profileChanged();
    m_docks->refresh();
    // Blinding depends on who reads: show the pane again for this person.
    m_parts.window->reloadShownStudy();
}

QUndoStack *ReviewUi::stackFor(const QString &name)
{
    // One history per person: Ctrl+Z never undoes someone else's judgement (core refuses it).
    QUndoStack *&stack = m_stacks[name.toLower()];
    if (!stack) {
        stack = new QUndoStack(m_undo);
        m_undo->addStack(stack);
    }
    return stack;
}

void ReviewUi::setShownStudy(const QString &studyId)
{
    m_shownStudy = studyId;
    m_docks->setShownStudy(studyId);
    if (studyId.isEmpty())
        m_paneBar->setText(QString());
    updateAssessAction();
}

void ReviewUi::updateAssessAction()
{
    const bool may = m_profiles->may(Action::RecordJudgement);
    m_assessAction->setEnabled(m_libraryOpen && may && !m_shownStudy.isEmpty());
    if (!may)
        m_assessAction->setToolTip(m_profiles->refusal(Action::RecordJudgement));
    else if (m_shownStudy.isEmpty())
        m_assessAction->setToolTip(tr("Select a study to assess its funding."));
    else
        m_assessAction->setToolTip(
            tr("Record your judgement of this study's funding independence, with evidence (Ctrl+J)."));
}

void ReviewUi::loadStudyReview(const Study &study, const QVector<Suggestion> &suggestions)
{
    const quint64 generation = ++m_paneGeneration;
    m_paneLoading = true;
    m_controller->loadStudyReview(study.id, [this, generation, study, suggestions](const StudyReviewInfo &info) {
        if (generation != m_paneGeneration)
            return; // Another study was selected meanwhile.
        m_paneLoading = false;
        QString text;
        if (info.loaded && m_profiles->may(Action::RecordJudgement)) {
            const Judgement *own = nullptr;
            for (const Judgement &j : info.visible) {
                if (j.reviewer.compare(info.viewer, Qt::CaseInsensitive) == 0)
                    own = &j;
            }
            text = own ? tr("Your judgement: %1").arg(valueText(own->content.value, own->content.link))
                       : tr("Not assessed by you yet");
            if (info.blinded && info.hidden > 0)
                text += info.hidden == 1 ? tr(" · 1 other reviewer did (hidden)")
                                         : tr(" · %1 other reviewers did (hidden)").arg(info.hidden);
        } else if (info.loaded) {
            const int n = int(info.visible.size());
            text = n == 0 ? tr("No reviewer has assessed this study's funding yet")
                : n == 1  ? tr("1 reviewer judgement on this study's funding")
                          : tr("%1 reviewer judgements on this study's funding").arg(n);
        }
        m_paneBar->setText(text);
        Q_EMIT studyReviewLoaded(study, suggestions, info);
    });
}

void ReviewUi::openAssessForm(QString studyId, const QString &evidence, int page)
{
    if (studyId.isEmpty())
        return;
    if (!m_libraryOpen || m_profiles->isBusy()) {
        m_pendingAssess = studyId; // Opened once the library and the profile are ready.
        return;
    }
    m_pendingAssess.clear();
    if (!m_profiles->may(Action::RecordJudgement)) {
        showMessage(m_profiles->refusal(Action::RecordJudgement));
        return;
    }
    if (m_assess)
        m_assess->close();
    m_assess = new AssessDialog(m_parts.window);
    m_assess->setAttribute(Qt::WA_DeleteOnClose);
    m_assess->setLoading(studyId);
    connect(m_assess, &AssessDialog::saveRequested, this, &ReviewUi::saveJudgement);
    connect(m_assess, &AssessDialog::revealRequested, this, [this](const QString &id) {
        const QString reviewer = m_profiles->current()->name;
        m_controller->revealOthers(id, [this, reviewer, dialog = m_assess](const AssessmentData &data) {
            if (!dialog)
                return;
            if (!data.study) {
                dialog->showSaveError(data.error);
                return;
            }
            dialog->setData(data, reviewer);
            showMessage(tr("You chose to see the other reviewers' judgements; this is in the audit log."));
            m_parts.window->reloadShownStudy();
        });
    });
    const QString reviewer = m_profiles->current()->name;
    m_controller->loadAssessment(studyId, [reviewer, evidence, page, dialog = m_assess](const AssessmentData &data) {
        if (!dialog)
            return;
        dialog->setData(data, reviewer);
        if (!evidence.isEmpty()) {
            dialog->evidenceEdit()->setPlainText(evidence);
            if (page > 0)
                dialog->pageBox()->setValue(page);
        }
    });
    m_assess->show();
    m_assess->raise();
}

void ReviewUi::openPendingAssess()
{
    if (!m_pendingAssess.isEmpty() && m_libraryOpen && !m_profiles->isBusy())
        openAssessForm(m_pendingAssess);
}

void ReviewUi::saveJudgement(const QString &studyId, const JudgementContent &content)
{
    const QString actor = m_profiles->current() ? m_profiles->current()->name : QString();
    m_controller->recordJudgement(
        studyId, content, [this, actor, content, dialog = m_assess](const ChangeOutcome &outcome) {
            if (!outcome.ok()) {
                if (dialog)
                    dialog->showSaveError(outcome.error);
                return;
            }
            auto change = std::make_shared<UndoableChange>();
            change->studyId = outcome.studyId;
            change->actor = actor;
            change->change = outcome.changeId;
            pushChange(change, tr("judgement of %1: %2").arg(outcome.studyId, valueText(content.value, content.link)));
            QString text = tr("Judgement saved for %1 (change %2).").arg(outcome.studyId).arg(outcome.changeId);
            for (const QString &warning : outcome.warnings)
                text += u' ' + tr("Note: %1.").arg(warning);
            showMessage(text, outcome.warnings.isEmpty() ? 8000 : 20000);
            if (dialog)
                dialog->close();
        });
}

void ReviewUi::pushChange(const std::shared_ptr<UndoableChange> &change, const QString &text)
{
    stackFor(change->actor)->push(new ReviewUndoCommand(m_controller, change, text));
}

void ReviewUi::askForProfile(bool firstStart)
{
    if (m_profileDialog)
        return;
    m_profileDialog = new ProfileDialog(firstStart ? ProfileDialog::Purpose::FirstStart : ProfileDialog::Purpose::Add,
        m_profiles->profiles(), m_parts.window);
    m_profileDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_profileDialog, &ProfileDialog::submitted, this,
        [this, firstStart, dialog = m_profileDialog](const Profile &profile) {
            for (const Profile &known : m_profiles->profiles()) {
                if (firstStart && known.name.compare(profile.name, Qt::CaseInsensitive) == 0) {
                    m_profiles->switchTo(known.name);
                    dialog->close();
                    return;
                }
            }
            m_profiles->add(profile, true, [dialog](const QString &error) {
                if (!dialog)
                    return;
                if (error.isEmpty())
                    dialog->close();
                else
                    dialog->showError(error);
            });
        });
    m_profileDialog->open();
}

void ReviewUi::fillSwitchMenu()
{
    m_switchMenu->clear();
    auto *group = new QActionGroup(m_switchMenu);
    const std::optional<Profile> &current = m_profiles->current();
    for (const Profile &p : m_profiles->profiles()) {
        QAction *action = m_switchMenu->addAction(tr("%1 (%2)").arg(p.name, toString(p.role)));
        action->setCheckable(true);
        action->setChecked(current && current->name == p.name);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, name = p.name] { m_profiles->switchTo(name); });
    }
    if (m_profiles->profiles().isEmpty())
        m_switchMenu->addAction(tr("No profiles yet"))->setEnabled(false);
}

void ReviewUi::showConflicts()
{
    m_docks->showConflicts();
}

void ReviewUi::showAgreement()
{
    m_docks->showAgreement();
}

void ReviewUi::exportReview(int kind)
{
    if (!m_libraryOpen)
        return;
    static const char *const names[] = { "judgements.csv", "resolutions.csv", "audit-log.csv" };
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    auto *dialog = new QFileDialog(m_parts.window, tr("Export review"),
        QDir(folder).filePath(QString::fromLatin1(names[kind])), tr("CSV files (*.csv)"));
    dialog->setObjectName(QStringLiteral("exportReviewDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, kind](const QString &path) {
        m_controller->exportCsv(ReviewExportKind(kind), path, [this, path](const QString &error) {
            if (error.isEmpty()) {
                showMessage(tr("Exported to %1.").arg(QDir::toNativeSeparators(path)));
                return;
            }
            auto *box
                = new QMessageBox(QMessageBox::Warning, tr("Export failed"), error, QMessageBox::Ok, m_parts.window);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        });
    });
    dialog->open();
}

bool ReviewUi::isSettled() const
{
    return !m_profiles->isBusy() && !m_controller->isBusy() && !m_paneLoading && m_pendingAssess.isEmpty()
        && (!m_assess || m_assess->isAnswered()) && m_docks->isSettled();
}

AssessDialog *ReviewUi::assessDialog() const
{
    return m_assess;
}

ProfileDialog *ReviewUi::profileDialog() const
{
    return m_profileDialog;
}

void ReviewUi::showMessage(const QString &text, int timeoutMs)
{
    m_parts.window->statusBar()->showMessage(text, timeoutMs);
}

} // namespace mgreview::gui
