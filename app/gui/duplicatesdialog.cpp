#include "duplicatesdialog.h"

#include "duplicatecomparemodel.h"
#include "duplicatepairsmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace mgreview::gui {

DuplicatesDialog::DuplicatesDialog(QWidget *parent)
    : QDialog(parent),
      m_pairs(new DuplicatePairsModel(this)),
      m_compare(new DuplicateCompareModel(this)),
      m_pairView(new QTableView(this)),
      m_compareView(new QTableView(this)),
      m_count(new QLabel(this)),
      m_message(new QLabel(this)),
      m_keep(new QComboBox(this)),
      m_merge(new QPushButton(tr("&Merge"), this)),
      m_keepBoth(new QPushButton(tr("&Keep both"), this)),
      m_undo(new QPushButton(tr("&Undo merge"), this))
{
    setWindowTitle(tr("Review duplicates"));
    setObjectName(QStringLiteral("duplicatesDialog"));
    m_pairView->setObjectName(QStringLiteral("duplicatePairs"));
    m_compareView->setObjectName(QStringLiteral("duplicateCompare"));
    m_keep->setObjectName(QStringLiteral("keepChoice"));
    m_merge->setObjectName(QStringLiteral("mergeButton"));
    m_keepBoth->setObjectName(QStringLiteral("keepBothButton"));
    m_undo->setObjectName(QStringLiteral("undoMergeButton"));
    m_merge->setToolTip(tr("Keep the chosen record and take every field of the other into it (a value both have "
                           "and that differs is kept as a note); the other record is removed. Undoable."));
    m_keepBoth->setToolTip(tr("They are different studies: keep both; the pair is not listed again"));
    m_undo->setToolTip(tr("Restore both records of the last merge exactly as they were"));

    for (QTableView *view : { m_pairView, m_compareView }) {
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->setSelectionMode(QAbstractItemView::SingleSelection);
        view->verticalHeader()->hide();
        view->setAlternatingRowColors(true);
    }
    m_pairView->setModel(m_pairs);
    m_pairView->setWordWrap(false);
    m_pairView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_compareView->setModel(m_compare);
    m_compareView->setWordWrap(true);
    m_compareView->horizontalHeader()->setSectionResizeMode(DuplicateCompareModel::FieldColumn, QHeaderView::ResizeToContents);
    m_compareView->horizontalHeader()->setSectionResizeMode(DuplicateCompareModel::LeftColumn, QHeaderView::Stretch);
    m_compareView->horizontalHeader()->setSectionResizeMode(DuplicateCompareModel::RightColumn, QHeaderView::Stretch);
    m_compareView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_pairView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &DuplicatesDialog::showCurrent);

    m_message->setWordWrap(true);
    m_message->hide();

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_pairView);
    split->addWidget(m_compareView);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);

    auto *actions = new QHBoxLayout;
    auto *keepLabel = new QLabel(tr("Keep:"), this);
    keepLabel->setBuddy(m_keep);
    actions->addWidget(keepLabel);
    actions->addWidget(m_keep, 1);
    actions->addWidget(m_merge);
    actions->addWidget(m_keepBoth);
    actions->addSpacing(16);
    actions->addWidget(m_undo);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_count);
    layout->addWidget(split, 1);
    layout->addWidget(m_message);
    layout->addLayout(actions);
    layout->addWidget(close);
    resize(1100, 700);

    connect(m_merge, &QPushButton::clicked, this, [this] {
        const DuplicatePair *pair = current();
        if (!pair)
            return;
        const QString keep = keepId();
        const QString other = keep == pair->candidate.otherId ? pair->candidate.studyId : pair->candidate.otherId;
        Q_EMIT mergeRequested(keep, other);
    });
    connect(m_keepBoth, &QPushButton::clicked, this, [this] {
        if (const DuplicatePair *pair = current())
            Q_EMIT keepBothRequested(pair->candidate.studyId, pair->candidate.otherId);
    });
    connect(m_undo, &QPushButton::clicked, this, &DuplicatesDialog::undoRequested);
    setPairs({});
}

void DuplicatesDialog::setPairs(const QVector<DuplicatePair> &pairs)
{
    const DuplicatePair *before = current();
    const QString studyId = before ? before->candidate.studyId : QString();
    const QString otherId = before ? before->candidate.otherId : QString();
    const int oldRow = currentRow();
    m_pairs->setPairs(pairs);
    m_count->setText(pairs.isEmpty() ? tr("No probable duplicates are waiting for review.")
                   : pairs.size() == 1 ? tr("1 probable duplicate pair to review.")
                                       : tr("%1 probable duplicate pairs to review.").arg(pairs.size()));
    int row = m_pairs->rowOf(studyId, otherId);
    if (row < 0 && !pairs.isEmpty())
        row = std::clamp(oldRow, 0, int(pairs.size()) - 1); // the next pair after one that was settled
    selectRow(row);
    if (row < 0)
        showCurrent();
}

void DuplicatesDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void DuplicatesDialog::setUndoAvailable(bool available)
{
    m_undoAvailable = available;
    updateButtons();
}

void DuplicatesDialog::showMessage(const QString &message, bool error)
{
    m_message->setText(message);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    m_message->setVisible(!message.isEmpty());
}

int DuplicatesDialog::currentRow() const
{
    const QModelIndex index = m_pairView->currentIndex();
    return index.isValid() ? index.row() : -1;
}

void DuplicatesDialog::selectRow(int row)
{
    if (row < 0 || row >= m_pairs->rowCount()) {
        m_pairView->setCurrentIndex({});
        return;
    }
    m_pairView->setCurrentIndex(m_pairs->index(row, 0));
    m_pairView->selectRow(row);
}

QString DuplicatesDialog::keepId() const
{
    return m_keep->currentData().toString();
}

void DuplicatesDialog::setKeepId(const QString &id)
{
    const int index = m_keep->findData(id);
    if (index >= 0)
        m_keep->setCurrentIndex(index);
}

const DuplicatePair *DuplicatesDialog::current() const
{
    const int row = currentRow();
    return row >= 0 && row < m_pairs->pairs().size() ? &m_pairs->pairs().at(row) : nullptr;
}

void DuplicatesDialog::showCurrent()
{
    m_keep->clear();
    const DuplicatePair *pair = current();
    if (!pair) {
        m_compare->clear();
        updateButtons();
        return;
    }
    const DuplicateCandidate &c = pair->candidate;
    m_compare->setStudies(pair->other, c.otherId, pair->study, c.studyId);
    // The earlier record is kept unless the reviewer says otherwise: it may carry curated coding.
    if (pair->other)
        m_keep->addItem(tr("%1 (earlier record)").arg(c.otherId), c.otherId);
    if (pair->study)
        m_keep->addItem(tr("%1 (imported record)").arg(c.studyId), c.studyId);
    updateButtons();
}

void DuplicatesDialog::updateButtons()
{
    const DuplicatePair *pair = current();
    const bool both = pair && pair->study && pair->other;
    m_merge->setEnabled(!m_busy && both);
    m_keep->setEnabled(!m_busy && both);
    m_keepBoth->setEnabled(!m_busy && pair);
    m_undo->setEnabled(!m_busy && m_undoAvailable);
}

} // namespace mgreview::gui
