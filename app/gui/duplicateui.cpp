#include "duplicateui.h"

#include "duplicatesdialog.h"
#include "duplicateundo.h"
#include "librarysession.h"
#include "mainwindow.h"
#include "reviewui.h"

#include <QAction>
#include <QStatusBar>
#include <QUndoGroup>
#include <QUndoStack>

#include <algorithm>

namespace mgreview::gui {

DuplicateUi::DuplicateUi(const Parts &parts, QObject *parent)
    : QObject(parent), m_parts(parts), m_action(new QAction(tr("Review &duplicates…"), this))
{
    m_action->setObjectName(QStringLiteral("reviewDuplicates"));
    m_action->setStatusTip(tr("Compare the probable duplicates an import found, side by side: merge them or keep both"));
    m_action->setEnabled(false);
    connect(parts.session, &LibrarySession::opened, m_action, [this] { m_action->setEnabled(true); });
    connect(m_action, &QAction::triggered, this, &DuplicateUi::openDialog);
}

DuplicatesDialog *DuplicateUi::dialog() const
{
    return m_dialog.data();
}

void DuplicateUi::openDialog()
{
    if (!m_parts.session->isOpen())
        return;
    if (!m_dialog) {
        m_dialog = new DuplicatesDialog(m_parts.window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &DuplicatesDialog::mergeRequested, this, &DuplicateUi::merge);
        connect(m_dialog, &DuplicatesDialog::keepBothRequested, this, &DuplicateUi::keepBoth);
        connect(m_dialog, &DuplicatesDialog::undoRequested, this, &DuplicateUi::undoLastMerge);
        m_dialog->setUndoAvailable(hasUndoableMerge());
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    refresh();
}

void DuplicateUi::refresh()
{
    if (!m_dialog || !m_parts.session->isOpen())
        return;
    ++m_pending;
    m_dialog->setBusy(true);
    m_parts.session->run([](const Database &database) { return readOpenPairs(database); })
        .then(this, [this](const DuplicateOutcome &outcome) {
            --m_pending;
            if (!outcome.ok)
                showMessage(tr("The duplicate review list could not be read: %1").arg(outcome.error), true);
            apply(outcome);
        });
}

template<typename Job> void DuplicateUi::runChange(Job job, std::function<void(const DuplicateOutcome &)> done)
{
    ++m_pending;
    if (m_dialog)
        m_dialog->setBusy(true);
    m_parts.session->run(std::move(job)).then(this, [this, done = std::move(done)](const DuplicateOutcome &outcome) {
        --m_pending;
        done(outcome);
        apply(outcome);
    });
}

void DuplicateUi::apply(const DuplicateOutcome &outcome)
{
    if (outcome.searchIndex)
        m_parts.window->replaceStudies(outcome.rows, outcome.searchIndex);
    if (m_dialog) {
        if (outcome.ok)
            m_dialog->setPairs(outcome.pairs);
        m_dialog->setBusy(m_pending > 0);
        m_dialog->setUndoAvailable(hasUndoableMerge());
    }
    if (outcome.ok)
        Q_EMIT pairsChanged();
}

bool DuplicateUi::merge(const QString &keepId, const QString &otherId)
{
    if (m_pending > 0 || !m_parts.session->isOpen())
        return false;
    auto record = std::make_shared<DuplicateMergeRecord>();
    record->keepId = keepId;
    record->otherId = otherId;
    runChange(
        [record](const Database &database) {
            DuplicateOutcome outcome = mergePair(database, record->keepId, record->otherId);
            record->mergeId.store(outcome.mergeId);
            return outcome;
        },
        [this, record](const DuplicateOutcome &outcome) {
            if (!outcome.mergeId) {
                showMessage(tr("Not merged: %1").arg(outcome.error), true);
                Q_EMIT changeFinished(false, outcome.error);
                return;
            }
            m_merges.append(record);
            const QString text = tr("merge %1 into %2").arg(record->otherId, record->keepId);
            if (QUndoStack *stack = m_parts.review ? m_parts.review->undoGroup()->activeStack() : nullptr)
                stack->push(new DuplicateMergeCommand(this, record, text));
            const QString message = tr("Merged %1 into %2 (Undo merge restores both).").arg(record->otherId, record->keepId);
            showMessage(message);
            Q_EMIT changeFinished(true, message);
        });
    return true;
}

bool DuplicateUi::keepBoth(const QString &studyId, const QString &otherId)
{
    if (m_pending > 0 || !m_parts.session->isOpen())
        return false;
    runChange([studyId, otherId](const Database &database) { return keepPair(database, studyId, otherId); },
        [this, studyId, otherId](const DuplicateOutcome &outcome) {
            const QString message = outcome.ok
                ? tr("Kept both %1 and %2 as different studies.").arg(otherId, studyId)
                : tr("Could not keep both: %1").arg(outcome.error);
            showMessage(message, !outcome.ok);
            Q_EMIT changeFinished(outcome.ok, message);
        });
    return true;
}

bool DuplicateUi::hasUndoableMerge() const
{
    return std::any_of(m_merges.cbegin(), m_merges.cend(), [](const auto &m) { return !m->undone; });
}

bool DuplicateUi::undoLastMerge()
{
    if (m_pending > 0)
        return false;
    std::shared_ptr<DuplicateMergeRecord> last;
    for (auto it = m_merges.crbegin(); it != m_merges.crend() && !last; ++it) {
        if (!(*it)->undone)
            last = *it;
    }
    if (!last)
        return false;
    // On top of the undo stack: undo it there, so Edit ▸ Redo can merge it again.
    if (QUndoStack *stack = m_parts.review ? m_parts.review->undoGroup()->activeStack() : nullptr;
        stack && stack->index() > 0) {
        const auto *top = dynamic_cast<const DuplicateMergeCommand *>(stack->command(stack->index() - 1));
        if (top && top->merge() == last) {
            stack->undo();
            return true;
        }
    }
    undoMerge(last);
    return true;
}

void DuplicateUi::undoMerge(const std::shared_ptr<DuplicateMergeRecord> &merge)
{
    if (!m_parts.session->isOpen())
        return;
    merge->undone = true;
    runChange([merge](const Database &database) { return undoPairMerge(database, merge->mergeId.load()); },
        [this, merge](const DuplicateOutcome &outcome) {
            if (!outcome.ok)
                merge->undone = false;
            const QString message = outcome.ok
                ? tr("Merge undone: %1 and %2 are back as they were.").arg(merge->keepId, merge->otherId)
                : tr("The merge could not be undone: %1").arg(outcome.error);
            showMessage(message, !outcome.ok);
            Q_EMIT changeFinished(outcome.ok, message);
        });
}

void DuplicateUi::redoMerge(const std::shared_ptr<DuplicateMergeRecord> &merge)
{
    if (!m_parts.session->isOpen())
        return;
    merge->undone = false;
    runChange(
        [merge](const Database &database) {
            DuplicateOutcome outcome = mergePair(database, merge->keepId, merge->otherId);
            if (outcome.mergeId)
                merge->mergeId.store(outcome.mergeId);
            return outcome;
        },
        [this, merge](const DuplicateOutcome &outcome) {
            if (!outcome.mergeId)
                merge->undone = true;
            const QString message = outcome.mergeId
                ? tr("Merged %1 into %2 again.").arg(merge->otherId, merge->keepId)
                : tr("Not merged: %1").arg(outcome.error);
            showMessage(message, !outcome.mergeId);
            Q_EMIT changeFinished(outcome.mergeId != 0, message);
        });
}

void DuplicateUi::showMessage(const QString &text, bool error)
{
    m_parts.window->statusBar()->showMessage(text, error ? 0 : 10000);
    if (m_dialog)
        m_dialog->showMessage(text, error);
}

} // namespace mgreview::gui
