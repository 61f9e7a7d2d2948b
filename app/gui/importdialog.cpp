#include "importdialog.h"

#include "importrecordsmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStringListModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace mgreview::gui {

namespace {

constexpr ImportFormat kFormats[] = { ImportFormat::Ris, ImportFormat::Bibtex, ImportFormat::Medline, ImportFormat::Csv,
    ImportFormat::PubmedXml, ImportFormat::Json, ImportFormat::Studies };

QString formatLabel(ImportFormat format)
{
    switch (format) {
    case ImportFormat::Ris: return QObject::tr("RIS (.ris, Zotero, EndNote, Ovid, Scopus…)");
    case ImportFormat::Bibtex: return QObject::tr("BibTeX (.bib)");
    case ImportFormat::Medline: return QObject::tr("PubMed MEDLINE (.nbib)");
    case ImportFormat::Csv: return QObject::tr("CSV or TSV (.csv, .tsv)");
    case ImportFormat::PubmedXml: return QObject::tr("PubMed XML (.xml)");
    case ImportFormat::Json: return QObject::tr("MgReview JSON export (.json)");
    case ImportFormat::Studies: return QObject::tr("studies/ TOML files");
    }
    return {};
}

} // namespace

ImportDialog::ImportDialog(QWidget *parent)
    : QDialog(parent),
      m_filesLabel(new QLabel(this)),
      m_format(new QComboBox(this)),
      m_status(new QLabel(this)),
      m_progress(new QProgressBar(this)),
      m_summary(new QLabel(this)),
      m_message(new QLabel(this)),
      m_records(new ImportRecordsModel(this)),
      m_table(new QTableView(this)),
      m_errors(new QStringListModel(this)),
      m_errorsLabel(new QLabel(this)),
      m_errorList(new QListView(this)),
      m_buttons(new QDialogButtonBox(this))
{
    setWindowTitle(tr("Import bibliography"));
    setObjectName(QStringLiteral("importDialog"));
    m_format->setObjectName(QStringLiteral("importFormat"));
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_message->setObjectName(QStringLiteral("importMessage"));
    m_table->setObjectName(QStringLiteral("importRecords"));
    m_errorList->setObjectName(QStringLiteral("importErrors"));

    m_format->addItem(tr("Detect from each file"), -1);
    for (const ImportFormat format : kFormats)
        m_format->addItem(formatLabel(format), int(format));
    connect(m_format, &QComboBox::currentIndexChanged, this, &ImportDialog::formatChanged);

    m_filesLabel->setWordWrap(true);
    m_filesLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *form = new QFormLayout;
    form->addRow(tr("Files:"), m_filesLabel);
    form->addRow(tr("&Format:"), m_format);

    m_progress->setTextVisible(false);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->hide();

    m_table->setModel(m_records);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // The title takes what the other columns leave: every column stays in view.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(ImportRecordsModel::TitleColumn, QHeaderView::Stretch);
    header->resizeSection(ImportRecordsModel::OutcomeColumn, 140);
    header->resizeSection(ImportRecordsModel::WhereColumn, 130);
    header->resizeSection(ImportRecordsModel::AuthorColumn, 110);
    header->resizeSection(ImportRecordsModel::YearColumn, 50);
    header->resizeSection(ImportRecordsModel::IdColumn, 160);
    header->resizeSection(ImportRecordsModel::MatchColumn, 220);

    m_errorList->setModel(m_errors);
    m_errorList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_errorList->setMaximumHeight(120);
    m_errorsLabel->setBuddy(m_errorList);

    m_import = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setEnabled(false);
    m_cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("importCancelButton"));
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::importRequested);
    connect(m_cancel, &QPushButton::clicked, this, &ImportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_errorsLabel);
    layout->addWidget(m_errorList);
    layout->addWidget(m_buttons);
    resize(1100, 640);
}

void ImportDialog::setFiles(const QStringList &files)
{
    QStringList names;
    for (const QString &file : files)
        names.append(QFileInfo(file).fileName());
    m_filesLabel->setText(names.join(QStringLiteral(", ")));
    m_filesLabel->setToolTip(files.join(u'\n'));
}

std::optional<ImportFormat> ImportDialog::format() const
{
    const int value = m_format->currentData().toInt();
    if (value < 0)
        return std::nullopt;
    return ImportFormat(value);
}

void ImportDialog::setFormat(std::optional<ImportFormat> format)
{
    const QSignalBlocker quiet(m_format); // set by the program: no second dry run
    m_format->setCurrentIndex(std::max(0, m_format->findData(format ? int(*format) : -1)));
}

void ImportDialog::setBusy(const QString &what)
{
    m_busy = true;
    m_status->setText(what);
    m_status->show();
    m_progress->setRange(0, 0); // busy until the first progress report
    m_progress->show();
    m_message->hide();
    m_format->setEnabled(false);
    m_import->setEnabled(false);
    m_cancel->setText(tr("Cancel"));
}

void ImportDialog::setProgress(int done, int total)
{
    if (total <= 0)
        return;
    m_progress->setRange(0, total);
    m_progress->setValue(done);
}

void ImportDialog::showPreview(std::shared_ptr<const ImportPlan> plan)
{
    m_busy = false;
    m_status->hide();
    m_progress->hide();
    m_format->setEnabled(true);
    m_cancel->setText(tr("Close"));
    const QLocale locale;
    const int errors = plan ? int(plan->issues.size()) : 0;
    if (plan) {
        m_summary->setText(tr("<b>%1</b> new · <b>%2</b> duplicate (skipped) · <b>%3</b> probable duplicate "
                              "(imported, listed for review) · <b>%4</b> error%5")
                               .arg(locale.toString(plan->newCount), locale.toString(plan->duplicateCount),
                                   locale.toString(plan->probableCount), locale.toString(errors),
                                   errors == 1 ? QString() : QStringLiteral("s")));
    } else {
        m_summary->clear();
    }
    QStringList lines;
    if (plan) {
        lines.reserve(plan->issues.size());
        for (const ImportIssue &issue : plan->issues)
            lines.append(issue.toString());
    }
    m_errors->setStringList(lines);
    m_errorsLabel->setText(errors == 0 ? tr("Every line could be read.")
                                       : tr("Could not be read (%1) — file:line: reason:").arg(locale.toString(errors)));
    m_errorList->setVisible(errors > 0);
    m_records->setPlan(plan);
    const bool anything = plan && plan->newCount + plan->probableCount > 0;
    m_import->setEnabled(anything);
    m_import->setDefault(anything);
    if (plan && !anything)
        m_import->setToolTip(tr("Nothing new to import"));
    else
        m_import->setToolTip(QString());
}

void ImportDialog::showError(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

QString ImportDialog::summaryText() const
{
    return m_summary->text().remove(QStringLiteral("<b>")).remove(QStringLiteral("</b>"));
}

void ImportDialog::reject()
{
    // While something runs, Cancel (and Esc, and the close button) stop it first; whoever
    // runs it closes the dialog or shows the preview again.
    if (m_busy) {
        Q_EMIT cancelRequested();
        return;
    }
    QDialog::reject();
}

} // namespace mgreview::gui
