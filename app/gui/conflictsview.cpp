#include "conflictsview.h"

#include "conflictsmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace mgreview::gui {

ConflictsView::ConflictsView(ConflictsModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    auto *top = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("conflictsSummary"));
    m_summary->setWordWrap(true);
    top->addWidget(m_summary, 1);
    m_resolve = new QPushButton(tr("&Resolve…"), this);
    m_resolve->setObjectName(QStringLiteral("resolveConflict"));
    top->addWidget(m_resolve, 0, Qt::AlignTop);
    layout->addLayout(top);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("conflictsTable"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setColumnWidth(ConflictsModel::StudyColumn, 300);
    m_table->setColumnWidth(ConflictsModel::ReviewersColumn, 140);
    m_table->setAccessibleName(tr("Studies where reviewers disagree"));
    layout->addWidget(m_table, 1);

    connect(m_resolve, &QPushButton::clicked, this, [this] {
        if (const QString id = selectedStudy(); !id.isEmpty())
            Q_EMIT resolveRequested(id);
    });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT studyActivated(index.data(ConflictsModel::StudyIdRole).toString());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateButtons();
        if (const QString id = selectedStudy(); !id.isEmpty())
            Q_EMIT studyActivated(id);
    });
    connect(model, &QAbstractItemModel::modelReset, this, &ConflictsView::updateButtons);
    updateButtons();
}

void ConflictsView::setMayResolve(bool may, const QString &refusal)
{
    m_mayResolve = may;
    m_refusal = refusal;
    updateButtons();
}

void ConflictsView::setSummary(const QString &text)
{
    m_summary->setText(text);
}

QString ConflictsView::selectedStudy() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(ConflictsModel::StudyIdRole).toString() : QString();
}

bool ConflictsView::selectStudy(const QString &studyId)
{
    const int row = m_model->rowOf(studyId);
    if (row < 0)
        return false;
    m_table->setCurrentIndex(m_model->index(row, 0));
    return true;
}

void ConflictsView::updateButtons()
{
    const QModelIndex current = m_table->currentIndex();
    const bool selected = current.isValid();
    // Resolving means reading what the others said: a blinded reviewer judges or looks first.
    const bool blinded = selected && m_model->isBlinded(current.row());
    m_resolve->setEnabled(m_mayResolve && selected && !blinded);
    if (!m_mayResolve)
        m_resolve->setToolTip(m_refusal);
    else if (!selected)
        m_resolve->setToolTip(tr("Select a study in the list first."));
    else if (blinded)
        m_resolve->setToolTip(tr("You have not judged this study: record your own judgement, or choose to look, "
                                 "in Assess funding… (Ctrl+J) first."));
    else
        m_resolve->setToolTip(tr("Record how the reviewers' disagreement was settled."));
}

} // namespace mgreview::gui
