#include "linkpdfsdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QVBoxLayout>

namespace mgreview::gui {

LinkResultsModel::LinkResultsModel(QObject *parent) : QAbstractTableModel(parent) {}

void LinkResultsModel::setResults(const QVector<PdfLinkResult> &results)
{
    beginResetModel();
    m_results = results;
    endResetModel();
}

int LinkResultsModel::matchedCount() const
{
    return int(std::count_if(m_results.cbegin(), m_results.cend(),
        [](const PdfLinkResult &r) { return r.outcome == PdfLinkResult::Outcome::Matched; }));
}

int LinkResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int LinkResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LinkResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_results.size())
        return {};
    const PdfLinkResult &r = m_results[index.row()];
    if (role == Qt::ToolTipRole && index.column() == FileColumn)
        return QDir::toNativeSeparators(r.file);
    if (role == Qt::ToolTipRole && index.column() == DetailColumn)
        return r.message;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case FileColumn:
        return QFileInfo(r.file).fileName();
    case ResultColumn:
        switch (r.outcome) {
        case PdfLinkResult::Outcome::Matched:
            return r.attached ? tr("linked") : tr("matched");
        case PdfLinkResult::Outcome::Ambiguous:
            return tr("ambiguous — not linked");
        case PdfLinkResult::Outcome::Unmatched:
            return tr("unmatched");
        case PdfLinkResult::Outcome::Unreadable:
            return tr("unreadable");
        }
        return {};
    case StudyColumn:
        return r.outcome == PdfLinkResult::Outcome::Ambiguous ? r.candidates.join(QStringLiteral(", ")) : r.studyId;
    case DetailColumn:
        if (r.outcome == PdfLinkResult::Outcome::Matched)
            return r.doi.isEmpty() ? r.how : tr("%1: %2").arg(r.how, r.doi);
        // Messages start with the file's path, which the first column already names.
        return r.message.startsWith(r.file + QStringLiteral(": ")) ? r.message.mid(r.file.size() + 2) : r.message;
    }
    return {};
}

QVariant LinkResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FileColumn:
        return tr("PDF");
    case ResultColumn:
        return tr("Result");
    case StudyColumn:
        return tr("Study");
    case DetailColumn:
        return tr("How / why");
    }
    return {};
}

LinkPdfsDialog::LinkPdfsDialog(const QString &folder, const QVector<PdfLinkResult> &results, QWidget *parent)
    : QDialog(parent), m_model(new LinkResultsModel(this)), m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("linkPdfsDialog"));
    setWindowTitle(tr("Link PDFs from folder"));
    m_model->setResults(results);
    int counts[4] = {};
    for (const PdfLinkResult &r : results)
        ++counts[int(r.outcome)];
    auto *summary = new QLabel(
        tr("%1: %2 PDFs — %3 matched, %4 ambiguous, %5 unmatched, %6 unreadable. Only the matched PDFs are "
           "linked; attach ambiguous ones by hand (Study ▸ Attach PDF…).")
            .arg(QDir::toNativeSeparators(folder))
            .arg(results.size())
            .arg(counts[int(PdfLinkResult::Outcome::Matched)])
            .arg(counts[int(PdfLinkResult::Outcome::Ambiguous)])
            .arg(counts[int(PdfLinkResult::Outcome::Unmatched)])
            .arg(counts[int(PdfLinkResult::Outcome::Unreadable)]),
        this);
    summary->setWordWrap(true);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int column = LinkResultsModel::FileColumn; column < LinkResultsModel::DetailColumn; ++column)
        m_table->resizeColumnToContents(column);
    m_table->setWordWrap(false);
    auto *copy = new QRadioButton(tr("&Copy the PDFs into the library"), this);
    m_link = new QRadioButton(tr("&Link them in place (they stay in this folder)"), this);
    copy->setChecked(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    const int matched = m_model->matchedCount();
    buttons->button(QDialogButtonBox::Ok)->setText(matched == 1 ? tr("Link 1 PDF") : tr("Link %1 PDFs").arg(matched));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(matched > 0);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(copy);
    layout->addWidget(m_link);
    layout->addWidget(buttons);
    resize(820, 420);
}

AttachmentStorage LinkPdfsDialog::storage() const
{
    return m_link->isChecked() ? AttachmentStorage::Linked : AttachmentStorage::Stored;
}

} // namespace mgreview::gui
