#include "studyconflictdialog.h"

#include "studyconflictmodel.h"

#include "store/studymerge.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace mgreview::gui {

StudyConflictDialog::StudyConflictDialog(const QString &who, const Study &base, const Study &mine,
                                         const Study &theirs, int theirVersion, QWidget *parent)
    : QDialog(parent), m_mine(mine), m_theirs(theirs), m_theirVersion(theirVersion)
{
    setWindowTitle(tr("Someone else saved %1").arg(who));
    m_model = new StudyConflictModel(this);
    m_model->setStudies(base, mine, theirs);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    const int both = int(m_model->conflicting().size());
    intro->setText(tr("<p><b>%1 was changed and saved by someone else</b> after you opened it "
                      "(now version %2). Nothing of yours has been saved yet.</p>"
                      "<p>Keep their version, keep yours over it, or choose field by field. %3</p>")
                       .arg(who.toHtmlEscaped())
                       .arg(theirVersion)
                       .arg(both == 0 ? tr("No field was changed by both of you.")
                                      : tr("Fields in bold were changed by both of you (%n).", nullptr, both)));
    layout->addWidget(intro);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(StudyConflictModel::FieldColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(StudyConflictModel::TheirsColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(StudyConflictModel::MineColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(StudyConflictModel::ChangedByColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->setAccessibleName(tr("Fields that differ"));
    layout->addWidget(m_table, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_keepTheirs = buttons->addButton(tr("Keep &theirs"), QDialogButtonBox::RejectRole);
    m_keepTheirs->setToolTip(tr("Drop your edit: the library keeps their version."));
    m_keepMine = buttons->addButton(tr("Keep &mine"), QDialogButtonBox::AcceptRole);
    m_keepMine->setToolTip(tr("Save your edit over theirs: every field as you left it."));
    m_merge = buttons->addButton(tr("&Merge field by field"), QDialogButtonBox::AcceptRole);
    m_merge->setToolTip(tr("Save with the value checked in each row of the table."));
    m_merge->setDefault(true);
    connect(m_keepTheirs, &QPushButton::clicked, this, [this] { choose(Choice::KeepTheirs); });
    connect(m_keepMine, &QPushButton::clicked, this, [this] { choose(Choice::KeepMine); });
    connect(m_merge, &QPushButton::clicked, this, [this] { choose(Choice::Merge); });
    layout->addWidget(buttons);
    resize(860, 340);
}

void StudyConflictDialog::choose(Choice choice)
{
    m_choice = choice;
    if (choice == Choice::KeepTheirs)
        reject();
    else
        accept();
}

std::optional<Study> StudyConflictDialog::result() const
{
    switch (m_choice) {
    case Choice::KeepMine:
        return m_mine;
    case Choice::Merge:
        return withFields(m_mine, m_theirs, m_model->theirsChosen(), &m_error);
    case Choice::KeepTheirs:
    case Choice::None:
        break;
    }
    return std::nullopt;
}

} // namespace mgreview::gui
