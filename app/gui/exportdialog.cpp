#include "exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace mgreview::gui {

namespace {

constexpr ExportFormat kFormats[] = {ExportFormat::Ris, ExportFormat::Bibtex, ExportFormat::Csv, ExportFormat::Json,
                                     ExportFormat::Studies};

QString formatLabel(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Ris: return QObject::tr("RIS — Zotero, EndNote, Mendeley, Rayyan, Covidence (.ris)");
    case ExportFormat::Bibtex: return QObject::tr("BibTeX — LaTeX, JabRef (.bib)");
    case ExportFormat::Csv: return QObject::tr("CSV — spreadsheets (.csv)");
    case ExportFormat::Json: return QObject::tr("JSON — full records, for scripts (.json)");
    case ExportFormat::Studies: break;
    }
    return QObject::tr("studies/ folder — one TOML file per study (a new folder)");
}

QString filterText(IndependenceFilter filter)
{
    switch (filter) {
    case IndependenceFilter::Independent: return QObject::tr("independent studies only");
    case IndependenceFilter::IndustryLinked: return QObject::tr("industry-linked studies only");
    case IndependenceFilter::Unclear: return QObject::tr("studies with unclear funding independence only");
    case IndependenceFilter::All: break;
    }
    return QObject::tr("all studies");
}

} // namespace

ExportDialog::ExportDialog(IndependenceFilter filter, const QString &search, const QString &folder, QWidget *parent)
    : QDialog(parent),
      m_format(new QComboBox(this)),
      m_path(new QLineEdit(this)),
      m_browse(new QPushButton(tr("Choose…"), this)),
      m_bom(new QCheckBox(tr("Start with a byte order mark (helps Excel read accents)"), this)),
      m_scope(new QLabel(this)),
      m_error(new QLabel(this)),
      m_progress(new QProgressBar(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Export studies"));
    setObjectName(QStringLiteral("exportStudiesDialog"));
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_bom->setObjectName(QStringLiteral("exportByteOrderMark"));
    for (const ExportFormat format : kFormats)
        m_format->addItem(formatLabel(format), int(format));

    // What will be written, in words: the export follows the toolbar, not a filter of its own.
    QString scope = tr("<b>Exports %1</b>").arg(filterText(filter));
    const QString query = search.trimmed();
    scope += query.isEmpty() ? tr("<b>, no search.</b>")
                             : tr("<b> matching the search \u201C%1\u201D.</b>").arg(query.toHtmlEscaped());
    scope += tr("<br><small>Change the funding filter or the search in the toolbar to export other studies. "
                "Citation formats carry the funding and conflict statements, the effective independence and the "
                "verbatim conclusions as notes.</small>");
    m_scope->setText(scope);
    m_scope->setWordWrap(true);
    m_scope->setObjectName(QStringLiteral("exportScope"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    m_progress->hide();
    m_progress->setObjectName(QStringLiteral("exportProgress"));

    m_export = m_buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setDefault(true);

    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    auto *pathLabel = new QLabel(tr("&Save to:"), this);
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);
    form->addRow(QString(), m_bom);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_scope);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);

    m_path->setText(QDir(folder.isEmpty() ? QDir::homePath() : folder)
                        .filePath(QStringLiteral("mgreview-studies.") + fileSuffix(ExportFormat::Ris)));
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updateForFormat);
    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::chooseFile);
    connect(m_path, &QLineEdit::textChanged, this, [this] { m_export->setEnabled(!m_path->text().trimmed().isEmpty()); });
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (!m_path->text().trimmed().isEmpty())
            Q_EMIT exportRequested();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    updateForFormat();
    resize(620, sizeHint().height());
}

ExportFormat ExportDialog::format() const
{
    return ExportFormat(m_format->currentData().toInt());
}

void ExportDialog::setFormat(ExportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

void ExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

bool ExportDialog::byteOrderMark() const
{
    return format() == ExportFormat::Csv && m_bom->isChecked();
}

void ExportDialog::updateForFormat()
{
    const ExportFormat chosen = format();
    m_bom->setVisible(chosen == ExportFormat::Csv);
    // Keep the name the user typed; change only what it ends with.
    const QFileInfo info(path());
    const QString base = info.completeBaseName().isEmpty() ? QStringLiteral("mgreview-studies") : info.completeBaseName();
    const QString dir = info.path();
    const QString suffix = fileSuffix(chosen);
    const QString name = suffix.isEmpty() ? base : base + u'.' + suffix;
    m_path->setText(QDir(dir).filePath(name));
    m_path->setPlaceholderText(writesFolder(chosen) ? tr("A new or empty folder") : tr("A file"));
}

void ExportDialog::chooseFile()
{
    const ExportFormat chosen = format();
    QString path;
    if (writesFolder(chosen))
        path = QFileDialog::getExistingDirectory(this, tr("Export into folder"), QFileInfo(this->path()).path());
    else
        path = QFileDialog::getSaveFileName(this, tr("Export studies"), this->path(),
                                            tr("%1 (*.%2)").arg(displayName(chosen), fileSuffix(chosen)));
    if (!path.isEmpty())
        m_path->setText(path);
}

void ExportDialog::setRunning(bool running)
{
    m_running = running;
    m_format->setEnabled(!running);
    m_path->setEnabled(!running);
    m_browse->setEnabled(!running);
    m_bom->setEnabled(!running);
    m_export->setEnabled(!running);
    m_progress->setVisible(running);
    if (running) {
        m_error->hide();
        m_progress->setRange(0, 0); // busy until the first count arrives
    }
}

void ExportDialog::setProgress(qint64 done, qint64 total)
{
    if (total <= 0)
        return;
    // QProgressBar counts in int: scale to per mille.
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(done * 1000 / total));
    m_progress->setFormat(tr("%1 of %2 studies").arg(done).arg(total));
}

void ExportDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void ExportDialog::reject()
{
    // While exporting, Cancel (and Esc) stop the export; the dialog closes when it has stopped.
    if (m_running) {
        Q_EMIT cancelRequested();
        return;
    }
    QDialog::reject();
}

} // namespace mgreview::gui
