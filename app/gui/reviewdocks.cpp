#include "reviewdocks.h"

#include "agreementview.h"
#include "conflictsmodel.h"
#include "conflictsresolvedialog.h"
#include "conflictsview.h"
#include "profilecontroller.h"
#include "reviewcontroller.h"

#include "models/studytablemodel.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QSet>

namespace mgreview::gui {

namespace {

QDockWidget *dock(QMainWindow *window, const QString &title, const QString &name, QWidget *content)
{
    auto *d = new QDockWidget(title, window);
    d->setObjectName(name);
    d->setWidget(content);
    d->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::TopDockWidgetArea | Qt::RightDockWidgetArea);
    window->addDockWidget(Qt::BottomDockWidgetArea, d);
    // Opened on request: readers who do not review need the space for the table.
    d->hide();
    return d;
}

QString describeValue(const QString &value, const QString &link)
{
    return link.isEmpty() ? value : QStringLiteral("%1 (%2)").arg(value, link);
}

} // namespace

ReviewDocks::ReviewDocks(QMainWindow *window, ReviewController *controller, ProfileController *profiles,
    const StudyTableModel *studies, QObject *parent)
    : QObject(parent),
      m_window(window),
      m_controller(controller),
      m_profiles(profiles),
      m_studies(studies),
      m_conflicts(new ConflictsModel(this)),
      m_conflictsView(new ConflictsView(m_conflicts)),
      m_agreementView(new AgreementView)
{
    m_conflictsDock = dock(window, tr("Conflicts"), QStringLiteral("conflictsDock"), m_conflictsView);
    m_agreementDock = dock(window, tr("Agreement"), QStringLiteral("agreementDock"), m_agreementView);
    for (QDockWidget *d : { m_conflictsDock, m_agreementDock }) {
        connect(d, &QDockWidget::visibilityChanged, this, [this, d](bool visible) {
            if (!visible)
                return;
            if (!d->property("sized").toBool()) {
                // A list, not a second main area: leave the table most of the height.
                d->setProperty("sized", true);
                m_window->resizeDocks({ d }, { 230 }, Qt::Vertical);
            }
            if (d == m_conflictsDock && m_conflictsStale)
                refreshConflicts();
            if (d == m_agreementDock && m_agreementStale)
                refreshAgreement();
        });
    }
    connect(m_conflictsView, &ConflictsView::studyActivated, this, &ReviewDocks::studyActivated);
    connect(m_conflictsView, &ConflictsView::resolveRequested, this, &ReviewDocks::openResolve);
    profileChanged();
}

ConflictsResolveDialog *ReviewDocks::resolveDialog() const
{
    return m_resolve;
}

void ReviewDocks::showConflicts()
{
    m_conflictsDock->show();
    m_conflictsDock->raise();
    if (m_conflictsStale)
        refreshConflicts();
}

void ReviewDocks::showAgreement()
{
    m_agreementDock->show();
    m_agreementDock->raise();
    if (m_agreementStale)
        refreshAgreement();
}

void ReviewDocks::refresh()
{
    m_conflictsStale = true;
    m_agreementStale = true;
    if (m_conflictsDock->isVisible())
        refreshConflicts();
    if (m_agreementDock->isVisible())
        refreshAgreement();
}

void ReviewDocks::setShownStudy(const QString &studyId)
{
    m_shownStudy = studyId;
    if (m_conflictsView->selectedStudy() != studyId)
        m_conflictsView->selectStudy(studyId);
}

void ReviewDocks::profileChanged()
{
    m_conflictsView->setMayResolve(
        m_profiles->may(Action::ResolveConflict), m_profiles->refusal(Action::ResolveConflict));
}

void ReviewDocks::refreshConflicts()
{
    if (!m_controller->isReady())
        return; // Read when the library is open (ReviewUi::libraryOpened refreshes).
    m_conflictsStale = false;
    ++m_reading;
    m_controller->loadConflicts(
        [this](const QVector<Conflict> &conflicts, const QSet<QString> &blinded, const QString &error) {
            --m_reading;
            if (!error.isEmpty()) {
                m_conflictsView->setSummary(tr("The conflicts could not be read: %1").arg(error));
                return;
            }
            // Name the studies as the table does ("Roffe 2002"); a study no longer in the
            // library keeps its id (its review history outlives it).
            QSet<QString> wanted;
            for (const Conflict &c : conflicts)
                wanted.insert(c.studyId);
            QHash<QString, QString> citations;
            for (const StudySummary &s : m_studies->allStudies()) {
                if (wanted.contains(s.id))
                    citations.insert(
                        s.id, s.year > 0 ? QStringLiteral("%1 %2").arg(s.firstAuthor).arg(s.year) : s.firstAuthor);
            }
            const QString selected = m_conflictsView->selectedStudy();
            m_conflicts->setConflicts(conflicts, citations, blinded);
            if (!m_conflictsView->selectStudy(selected))
                m_conflictsView->selectStudy(m_shownStudy);
            m_conflictsView->setSummary(conflicts.isEmpty()
                    ? tr("No conflicts: wherever two or more reviewers judged a study, they agree or were resolved.")
                    : (conflicts.size() == 1 ? tr("1 study where reviewers disagree.")
                                             : tr("%1 studies where reviewers disagree.").arg(conflicts.size()))
                        + u' '
                        + tr("Until resolved, a disputed study never counts as independent. Select one and press "
                             "Resolve…"));
        });
}

void ReviewDocks::refreshAgreement()
{
    if (!m_controller->isReady())
        return;
    m_agreementStale = false;
    ++m_reading;
    m_controller->loadAgreement([this](const QVector<PairAgreement> &pairs, const QString &error) {
        --m_reading;
        if (!error.isEmpty())
            m_agreementView->setError(error);
        else
            m_agreementView->setPairs(pairs);
    });
}

void ReviewDocks::openResolve(const QString &studyId)
{
    const int row = m_conflicts->rowOf(studyId);
    if (row < 0 || !m_profiles->current())
        return;
    if (m_resolve)
        m_resolve->close();
    const QString citation = m_conflicts->index(row, ConflictsModel::StudyColumn).data().toString();
    m_resolve
        = new ConflictsResolveDialog(m_conflicts->conflictAt(row), citation, m_profiles->current()->name, m_window);
    m_resolve->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_resolve, &ConflictsResolveDialog::resolveRequested, this,
        [this, dialog = m_resolve](const QString &id, const ResolutionContent &content) {
            const QString actor = m_profiles->current() ? m_profiles->current()->name : QString();
            m_controller->recordResolution(id, content, [this, dialog, content, actor](const ChangeOutcome &outcome) {
                if (!outcome.ok()) {
                    if (dialog)
                        dialog->showSaveError(outcome.error);
                    return;
                }
                auto change = std::make_shared<UndoableChange>();
                change->studyId = outcome.studyId;
                change->actor = actor;
                change->change = outcome.changeId;
                Q_EMIT changeRecorded(change,
                    tr("resolution of %1: %2").arg(outcome.studyId, describeValue(content.value, content.link)));
                Q_EMIT message(
                    tr("Resolution recorded for %1 (change %2).").arg(outcome.studyId).arg(outcome.changeId));
                if (dialog)
                    dialog->close();
            });
        });
    m_resolve->show();
}

} // namespace mgreview::gui
