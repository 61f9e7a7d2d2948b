#include "importui.h"

#include "importdialog.h"
#include "importjob.h"
#include "librarysession.h"
#include "mainwindow.h"
#include "rulescontroller.h"

#include "rules/ruleengine.h"
#include "rules/ruleloader.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMimeData>
#include <QStandardPaths>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace mgreview::gui {

namespace {

/// What a dropped file may be; other files (PDFs above all) are not the import's.
bool isBibliographyName(const QString &path)
{
    static const QStringList suffixes = { QStringLiteral("ris"), QStringLiteral("bib"), QStringLiteral("bibtex"),
        QStringLiteral("nbib"), QStringLiteral("medline"), QStringLiteral("txt"), QStringLiteral("csv"),
        QStringLiteral("tsv"), QStringLiteral("tab"), QStringLiteral("xml"), QStringLiteral("json"),
        QStringLiteral("toml") };
    return suffixes.contains(QFileInfo(path).suffix().toLower());
}

} // namespace

ImportUi::ImportUi(const Parts &parts, QObject *parent)
    : QObject(parent), m_parts(parts), m_action(new QAction(tr("&Import bibliography…"), this))
{
    m_action->setObjectName(QStringLiteral("importBibliography"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_action->setStatusTip(tr("Add studies from RIS, BibTeX, PubMed (.nbib, XML) or CSV files; a preview shows "
                              "what is new, what is a duplicate and what could not be read"));
    m_action->setEnabled(false);
    connect(parts.session, &LibrarySession::opened, m_action, [this] { m_action->setEnabled(true); });
    connect(m_action, &QAction::triggered, this, &ImportUi::chooseFiles);
    m_readers.setMaxThreadCount(1);
    m_readers.setObjectName(QStringLiteral("mgreview-import-read"));
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &ImportUi::pollProgress);
    // Bibliography files dropped anywhere on the window (that nothing else took) are imported.
    m_parts.window->setAcceptDrops(true);
    m_parts.window->installEventFilter(this);
}

ImportUi::~ImportUi()
{
    // The readers' pool and the session wait for their work: make that short.
    if (m_running)
        m_running->cancel = true;
}

ImportDialog *ImportUi::dialog() const
{
    return m_dialog.data();
}

void ImportUi::chooseFiles()
{
    if (!m_parts.session->isOpen())
        return;
    auto *files = new QFileDialog(m_parts.window, tr("Import bibliography"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("Bibliographies (*.ris *.bib *.nbib *.txt *.csv *.tsv *.xml *.toml);;All files (*)"));
    files->setAttribute(Qt::WA_DeleteOnClose);
    files->setFileMode(QFileDialog::ExistingFiles);
    connect(files, &QFileDialog::filesSelected, this, [this](const QStringList &paths) { preview(paths); });
    files->open();
}

bool ImportUi::preview(const QStringList &files, std::optional<ImportFormat> format)
{
    if (files.isEmpty() || !m_parts.session->isOpen() || m_writing)
        return false;
    if (m_dialog && m_dialog->isBusy() && m_running) {
        showMessage(tr("Another import is being previewed; finish or cancel it first."), 8000);
        return false;
    }
    m_files = files;
    if (!m_dialog) {
        m_dialog = new ImportDialog(m_parts.window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &ImportDialog::formatChanged, this, &ImportUi::startDryRun);
        connect(m_dialog, &ImportDialog::importRequested, this, &ImportUi::confirmImport);
        connect(m_dialog, &ImportDialog::cancelRequested, this, &ImportUi::cancel);
        connect(m_dialog, &QObject::destroyed, this, [this] { m_plan.reset(); });
    }
    m_dialog->setFiles(files);
    m_dialog->setFormat(format);
    m_dialog->open();
    startDryRun();
    return true;
}

void ImportUi::startDryRun()
{
    if (!m_dialog || m_writing)
        return;
    if (m_running)
        m_running->cancel = true; // an older dry run (another format): its answer is dropped
    const quint64 generation = ++m_generation;
    auto running = std::make_shared<ImportProgress>();
    m_running = running;
    m_plan.reset();
    m_dialog->showPreview(nullptr);
    m_dialog->setBusy(m_files.size() == 1 ? tr("Reading %1…").arg(QFileInfo(m_files.first()).fileName())
                                          : tr("Reading %1 files…").arg(m_files.size()));
    m_poll.start();
    const QStringList files = m_files;
    const std::optional<ImportFormat> format = m_dialog->format();
    QtConcurrent::run(&m_readers, [files, format, running] { return readImportFiles(files, format, running.get()); })
        .then(this, [this, generation, files, running](QVector<ReadResult> results) {
            if (generation != m_generation)
                return;
            if (running->cancel.load()) {
                finishDryRun(generation, ImportPreview { nullptr, true, {} });
                return;
            }
            if (m_dialog)
                m_dialog->setBusy(tr("Comparing with the library…"));
            m_parts.session
                ->run([results = std::move(results), files, running](const Database &database) {
                    return planReadFiles(database, results, files, running.get());
                })
                .then(this, [this, generation](const ImportPreview &preview) { finishDryRun(generation, preview); });
        });
}

void ImportUi::finishDryRun(quint64 generation, const ImportPreview &preview)
{
    if (generation != m_generation)
        return;
    m_poll.stop();
    m_running.reset();
    QString message;
    if (preview.plan) {
        m_plan = preview.plan;
        if (m_dialog)
            m_dialog->showPreview(m_plan);
        message = tr("Preview: %1 new, %2 duplicate, %3 probable duplicate, %4 errors.")
                      .arg(m_plan->newCount)
                      .arg(m_plan->duplicateCount)
                      .arg(m_plan->probableCount)
                      .arg(m_plan->issues.size());
    } else if (preview.cancelled) {
        message = tr("Import cancelled; nothing was imported.");
        if (m_dialog)
            m_dialog->close();
        showMessage(message, 8000);
    } else {
        message = tr("The files could not be compared with the library: %1").arg(preview.error);
        if (m_dialog) {
            m_dialog->showPreview(nullptr);
            m_dialog->showError(message);
        }
    }
    Q_EMIT previewFinished(preview.plan != nullptr, preview.cancelled, message);
}

bool ImportUi::confirmImport()
{
    if (!m_plan || m_running || !m_parts.session->isOpen())
        return false;
    auto running = std::make_shared<ImportProgress>();
    m_running = running;
    m_writing = true;
    m_action->setEnabled(false);
    if (m_dialog)
        m_dialog->setBusy(tr("Importing %n studies…", nullptr, m_plan->newCount + m_plan->probableCount));
    m_poll.start();
    // The rules in force classify the new records, as a run over the library would.
    std::shared_ptr<const RuleEngine> engine = m_parts.rules ? m_parts.rules->engine() : nullptr;
    if (!engine)
        engine = std::make_shared<const RuleEngine>(defaultRules());
    const std::shared_ptr<const ImportPlan> plan = m_plan;
    const std::function<void()> hook = m_writeStepHook;
    m_parts.session
        ->run([plan, engine, running, hook](const Database &database) {
            return commitImportPlan(database, *plan, engine.get(), running.get(), hook);
        })
        .then(this, [this](const ImportCommit &commit) { finishImport(commit); });
    return true;
}

void ImportUi::finishImport(const ImportCommit &commit)
{
    m_poll.stop();
    m_running.reset();
    m_writing = false;
    m_action->setEnabled(true);
    const ImportOutcome &outcome = commit.outcome;
    QString message;
    if (outcome.ok) {
        const QLocale locale;
        message = tr("Imported %n studies.", nullptr, outcome.inserted);
        if (outcome.candidates > 0)
            message += u' '
                + tr("%n probable duplicates to review (Study ▸ Review duplicates…).", nullptr, outcome.candidates);
        if (!outcome.classification.error.isEmpty())
            message += u' ' + tr("The rules did not run: %1").arg(outcome.classification.error);
        if (commit.searchIndex)
            m_parts.window->replaceStudies(commit.rows, commit.searchIndex);
        else
            message += u' ' + tr("The table could not be read again (%1); reopen the library.").arg(commit.refreshError);
        showMessage(message, 15000);
        if (m_dialog)
            m_dialog->accept();
    } else {
        message = outcome.cancelled ? tr("Import cancelled; nothing was imported.")
                                    : tr("The import failed; nothing was imported: %1").arg(outcome.error);
        showMessage(message, outcome.cancelled ? 8000 : 0);
        if (m_dialog) {
            m_dialog->showPreview(m_plan);
            m_dialog->showError(message);
        }
    }
    Q_EMIT importFinished(outcome.ok, outcome.cancelled, message);
}

void ImportUi::cancel()
{
    if (!m_running)
        return;
    m_running->cancel = true;
    if (!m_writing && m_dialog) {
        // The dry run writes nothing: close now, its answer is dropped.
        ++m_generation;
        m_poll.stop();
        m_running.reset();
        m_dialog->showPreview(nullptr);
        m_dialog->close();
        const QString message = tr("Import cancelled; nothing was imported.");
        showMessage(message, 8000);
        Q_EMIT previewFinished(false, true, message);
    }
}

void ImportUi::pollProgress()
{
    if (m_running && m_dialog)
        m_dialog->setProgress(m_running->done.load(std::memory_order_relaxed),
            m_running->total.load(std::memory_order_relaxed));
}

void ImportUi::showMessage(const QString &text, int timeoutMs)
{
    m_parts.window->statusBar()->showMessage(text, timeoutMs);
}

QStringList ImportUi::bibliographyPaths(const QMimeData *data)
{
    QStringList paths;
    if (!data || !data->hasUrls())
        return paths;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile() && isBibliographyName(url.toLocalFile()))
            paths.append(url.toLocalFile());
    }
    return paths;
}

bool ImportUi::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if (watched != m_parts.window || (type != QEvent::DragEnter && type != QEvent::DragMove && type != QEvent::Drop))
        return QObject::eventFilter(watched, event);
    auto *drop = static_cast<QDropEvent *>(event);
    const QStringList paths = bibliographyPaths(drop->mimeData());
    if (paths.isEmpty() || !m_parts.session->isOpen() || m_writing) {
        drop->ignore();
        return true;
    }
    drop->setDropAction(Qt::CopyAction);
    drop->accept();
    if (type == QEvent::Drop && preview(paths) && drop->mimeData()->urls().size() > paths.size())
        showMessage(tr("Only the bibliography files are previewed; drop PDFs on a study to attach them."), 10000);
    return true;
}

} // namespace mgreview::gui
