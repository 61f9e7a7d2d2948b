#include "notesview.h"

#include "notesmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include <map>

namespace mgreview::gui {

namespace {

void refill(QComboBox *combo, const QString &allText, const std::map<QString, QString> &items)
{
    const QString current = combo->currentData().toString();
    const QSignalBlocker block(combo);
    combo->clear();
    combo->addItem(allText, QString());
    for (const auto &[key, label] : items)
        combo->addItem(label, key);
    const int index = combo->findData(current);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace

NotesView::NotesView(NotesModel *model, const AnnotationTags &tags, QWidget *parent)
    : QWidget(parent), m_model(model), m_tags(tags), m_filter(new NotesFilterModel(this))
{
    setObjectName(QStringLiteral("notesView"));
    m_filter->setSourceModel(model);
    m_author = new QComboBox(this);
    m_author->setObjectName(QStringLiteral("notesAuthor"));
    m_tag = new QComboBox(this);
    m_tag->setObjectName(QStringLiteral("notesTag"));
    m_study = new QComboBox(this);
    m_study->setObjectName(QStringLiteral("notesStudy"));
    m_count = new QLabel(this);
    for (QComboBox *combo : { m_author, m_tag, m_study }) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(combo, &QComboBox::currentIndexChanged, this, &NotesView::applyFilter);
    }

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("notesTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(NotesModel::StudyColumn, Qt::AscendingOrder);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(NotesModel::NoteColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(NotesModel::StudyColumn, 130);
    m_table->setColumnWidth(NotesModel::AuthorColumn, 70);
    m_table->setColumnWidth(NotesModel::TagColumn, 140);
    m_table->setColumnWidth(NotesModel::QuoteColumn, 300);
    m_table->setColumnWidth(NotesModel::StatusColumn, 80);

    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT annotationActivated(index.data(NotesModel::StudyIdRole).toString(), index.data(NotesModel::IdRole).toString());
    });
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        Q_EMIT annotationActivated(index.data(NotesModel::StudyIdRole).toString(), index.data(NotesModel::IdRole).toString());
    });
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_table->indexAt(pos);
        if (index.isValid())
            Q_EMIT contextMenuRequested(index.data(NotesModel::IdRole).toString(), m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &NotesView::refreshChoices);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Author:"), this));
    filters->addWidget(m_author);
    filters->addWidget(new QLabel(tr("Tag:"), this));
    filters->addWidget(m_tag);
    filters->addWidget(new QLabel(tr("Study:"), this));
    filters->addWidget(m_study);
    filters->addStretch(1);
    filters->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    refreshChoices();
}

void NotesView::refreshChoices()
{
    std::map<QString, QString> authors, tags, studies;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const ResolvedAnnotation &r = m_model->at(row);
        authors.emplace(r.annotation.author.toLower(), r.annotation.author);
        tags.emplace(r.annotation.tag, m_tags.label(r.annotation.tag));
        studies.emplace(r.annotation.studyId, r.studyLabel);
    }
    refill(m_author, tr("Everyone"), authors);
    refill(m_tag, tr("Any tag"), tags);
    refill(m_study, tr("All studies"), studies);
    applyFilter();
}

void NotesView::applyFilter()
{
    AnnotationFilter filter;
    filter.author = m_author->currentData().toString();
    filter.tag = m_tag->currentData().toString();
    filter.studyId = m_study->currentData().toString();
    m_filter->setFilter(filter);
    updateCount();
}

void NotesView::updateCount()
{
    const int shown = m_filter->rowCount();
    const int total = m_model->rowCount();
    m_count->setText(shown == total ? (total == 1 ? tr("1 note") : tr("%1 notes").arg(total))
                                    : tr("%1 of %2 notes").arg(shown).arg(total));
}

namespace {
void choose(QComboBox *combo, const QString &key)
{
    const int index = combo->findData(key);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}
} // namespace

void NotesView::setAuthorFilter(const QString &author)
{
    choose(m_author, author.toLower());
}

void NotesView::setTagFilter(const QString &tag)
{
    choose(m_tag, tag);
}

void NotesView::setStudyFilter(const QString &studyId)
{
    choose(m_study, studyId);
}

void NotesView::selectAnnotation(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (index.isValid()) {
        m_table->selectRow(index.row());
        m_table->scrollTo(index);
    }
}

QString NotesView::selectedAnnotation() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(NotesModel::IdRole).toString();
}

} // namespace mgreview::gui
