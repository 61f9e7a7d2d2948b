#include "annotationui.h"

#include "annotationcontroller.h"
#include "annotationpane.h"
#include "annotationundo.h"
#include "conclusionpane.h"
#include "highlightdialog.h"
#include "librarysession.h"
#include "mainwindow.h"
#include "matrixui.h"
#include "notesmodel.h"
#include "notesview.h"
#include "profilecontroller.h"
#include "reviewui.h"
#include "searchindexupdater.h"

#include "models/studytablemodel.h"

#include "review/permissions.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QMessageBox>
#include <QStandardPaths>
#include <QMenu>
#include <QStatusBar>
#include <QUndoGroup>
#include <QUndoStack>

namespace mgreview::gui {

AnnotationUi::AnnotationUi(const Parts &parts, QObject *parent)
    : QObject(parent),
      m_parts(parts),
      m_controller(new AnnotationController(parts.session, this)),
      m_overlay(new AnnotationPane(parts.pane, AnnotationTags::builtin(), this)),
      m_model(new NotesModel(AnnotationTags::builtin(), this))
{
    m_highlight = new QAction(tr("&Highlight…"), this);
    m_highlight->setObjectName(QStringLiteral("highlightSelection"));
    m_highlight->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_highlight->setShortcutContext(Qt::WindowShortcut);
    connect(m_highlight, &QAction::triggered, this, &AnnotationUi::highlightSelection);
    parts.review->studyMenu()->addSeparator();
    parts.review->studyMenu()->addAction(m_highlight);

    m_notes = new NotesView(m_model, AnnotationTags::builtin());
    m_dock = new QDockWidget(tr("Notes"), parts.window);
    m_dock->setObjectName(QStringLiteral("notesDock"));
    m_dock->setWidget(m_notes);
    m_dock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::TopDockWidgetArea | Qt::RightDockWidgetArea);
    parts.window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_dock->hide();
    QAction *toggle = m_dock->toggleViewAction();
    toggle->setText(tr("&Notes (annotations)"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    parts.window->matrix()->viewMenu()->addSeparator();
    parts.window->matrix()->viewMenu()->addAction(toggle);

    m_fileMenu = new QMenu(tr("&Annotations"), parts.window);
    m_fileMenu->setObjectName(QStringLiteral("annotationsFileMenu"));
    m_fileMenu->addAction(tr("Export &my notes as a Markdown handout…"), this,
        [this] { exportAnnotations(int(AnnotationFormat::Markdown), true); });
    m_fileMenu->addAction(tr("Export all as &CSV…"), this, [this] { exportAnnotations(int(AnnotationFormat::Csv), false); });
    m_fileMenu->addAction(tr("Export all as W3C &JSON-LD…"), this,
        [this] { exportAnnotations(int(AnnotationFormat::JsonLd), false); });
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(tr("&Import JSON-LD…"), this, &AnnotationUi::importAnnotations);

    parts.pane->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(parts.pane, &QWidget::customContextMenuRequested, this, &AnnotationUi::showPaneMenu);
    connect(parts.pane, &QTextEdit::selectionChanged, this, &AnnotationUi::updateActions);
    connect(m_overlay, &AnnotationPane::annotationClicked, this, [this](const QString &id) {
        m_notes->selectAnnotation(id);
    });
    connect(m_controller, &AnnotationController::annotationsChanged, this, &AnnotationUi::onAnnotationsChanged);
    connect(m_controller, &AnnotationController::searchIndexChanged, parts.window, &MainWindow::replaceSearchIndex);
    // After a single change only that study's row of the search index is replaced.
    MainWindow *window = parts.window;
    m_searchUpdater = new SearchIndexUpdater(
        { [window] { return window->searchIndex(); },
            [window](const QString &studyId) {
                const QVector<StudySummary> &studies = window->tableModel()->allStudies();
                for (int row = 0; row < studies.size(); ++row) {
                    if (studies.at(row).id == studyId)
                        return row;
                }
                return -1;
            },
            [window](std::shared_ptr<const StudySearchIndex> index) { window->setSearchIndex(std::move(index)); } },
        this);
    connect(m_controller, &AnnotationController::studySearchTextChanged, m_searchUpdater, &SearchIndexUpdater::update);
    connect(m_controller, &AnnotationController::undoFailed, this, [this](const QString &actor, const QString &error) {
        Q_UNUSED(actor)
        // The stack no longer matches the library: start afresh rather than undo the wrong thing.
        if (QUndoStack *stack = m_parts.review->undoGroup()->activeStack())
            stack->clear();
        showMessage(tr("Undo failed: %1. The undo history was cleared.").arg(error), 15000);
    });
    connect(m_notes, &NotesView::annotationActivated, this, &AnnotationUi::openAnnotation);
    connect(m_notes, &NotesView::contextMenuRequested, this, &AnnotationUi::showNotesMenu);
    connect(parts.review->profiles(), &ProfileController::profileChanged, this, &AnnotationUi::updateActions);
    updateActions();
}

AnnotationUi::~AnnotationUi()
{
    if (m_dialog)
        delete m_dialog.data();
}

void AnnotationUi::libraryOpened()
{
    m_libraryOpen = true;
    m_searchUpdater->clear();
    m_controller->reload();
    updateActions();
}

QString AnnotationUi::author() const
{
    const std::optional<Profile> &current = m_parts.review->profiles()->current();
    return current ? current->name : QString();
}

void AnnotationUi::updateActions()
{
    ProfileController *profiles = m_parts.review->profiles();
    const bool may = profiles->may(Action::Annotate);
    const bool selected = m_overlay->selectedSpan().has_value();
    m_highlight->setEnabled(m_libraryOpen && may && !m_shownStudy.isEmpty() && selected);
    if (!may)
        m_highlight->setToolTip(profiles->refusal(Action::Annotate));
    else if (!selected)
        m_highlight->setToolTip(tr("Select words of a conclusion in the pane to highlight them."));
    else
        m_highlight->setToolTip(tr("Highlight the selected words with a tag and a note (Ctrl+Shift+H)."));
}

void AnnotationUi::setShownStudy(const QString &studyId)
{
    m_shownStudy = studyId;
    m_overlay->setAnnotations(studyId, m_controller->forStudy(studyId));
    if (!m_pendingScroll.isEmpty() && m_controller->find(m_pendingScroll)
        && m_controller->find(m_pendingScroll)->annotation.studyId == studyId) {
        m_overlay->scrollTo(m_pendingScroll);
        m_pendingScroll.clear();
    }
    updateActions();
}

void AnnotationUi::onAnnotationsChanged()
{
    m_model->setAnnotations(m_controller->annotations());
    if (!m_shownStudy.isEmpty())
        m_overlay->setAnnotations(m_shownStudy, m_controller->forStudy(m_shownStudy));
}

void AnnotationUi::push(qint64 event, const QString &text)
{
    QUndoStack *stack = m_parts.review->undoGroup()->activeStack();
    if (!stack)
        return;
    auto change = std::make_shared<AnnotationUndoable>();
    change->actor = author();
    change->event = event;
    stack->push(new AnnotationUndoCommand(m_controller, change, text));
}

void AnnotationUi::highlightSelection()
{
    ProfileController *profiles = m_parts.review->profiles();
    if (!profiles->may(Action::Annotate)) {
        showMessage(profiles->refusal(Action::Annotate));
        return;
    }
    const std::optional<AnnotationPane::Span> span = m_overlay->selectedSpan();
    if (!span || m_shownStudy.isEmpty()) {
        showMessage(tr("Select words of a conclusion in the pane first."));
        return;
    }
    const QString studyId = m_shownStudy;
    const QString who = author();
    openCreateForm(span->text, tr("Conclusion %1").arg(span->conclusion),
        [this, studyId, who, span = *span](const QString &tag, const QString &note, const Saved &saved) {
            m_controller->create(studyId, span.conclusion, span.start, span.end, tag, note, who, saved);
        },
        [this](const Annotation &a) { showMessage(tr("Highlight saved in %1.").arg(a.studyId)); });
}

void AnnotationUi::annotatePdfSpan(const PdfSpan &span, std::function<void(const Annotation &)> saved)
{
    ProfileController *profiles = m_parts.review->profiles();
    if (!profiles->may(Action::Annotate)) {
        showMessage(profiles->refusal(Action::Annotate));
        return;
    }
    // Shown on one line; what is stored is the page text's own words, line breaks and all.
    const QString quote = span.pageText.mid(span.start, span.end - span.start).simplified();
    const QString who = author();
    openCreateForm(quote, tr("Page %1 of the PDF").arg(span.page),
        [this, span, who](const QString &tag, const QString &note, const Saved &done) {
            m_controller->createOnPdfPage(
                span.studyId, span.pdfSha256, span.page, span.pageText, span.start, span.end, tag, note, who, done);
        },
        std::move(saved));
}

void AnnotationUi::openCreateForm(
    const QString &quote, const QString &where, const Create &create, std::function<void(const Annotation &)> saved)
{
    if (m_dialog)
        m_dialog->close();
    m_dialog = new HighlightDialog(AnnotationTags::builtin(), m_parts.window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setQuote(quote, where);
    // Nothing is written until Save: Cancel leaves the library (and the undo stack) as it was.
    connect(m_dialog, &HighlightDialog::saveRequested, this, [this, create, saved, dialog = m_dialog] {
        create(dialog->tag(), dialog->note(), [this, dialog, saved](const AnnotationOutcome &outcome) {
            if (!outcome.ok()) {
                if (dialog)
                    dialog->showError(outcome.error);
                return;
            }
            const Annotation &a = outcome.result->annotation;
            push(outcome.result->eventId,
                tr("highlight “%1” (%2)").arg(a.quote.exact.left(30), AnnotationTags::builtin().label(a.tag)));
            if (saved)
                saved(a);
            if (dialog)
                dialog->close();
        });
    });
    m_dialog->open();
}

void AnnotationUi::editAnnotation(const QString &id)
{
    const ResolvedAnnotation *found = m_controller->find(id);
    if (!found)
        return;
    const Annotation a = found->annotation;
    if (m_dialog)
        m_dialog->close();
    m_dialog = new HighlightDialog(AnnotationTags::builtin(), m_parts.window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setWindowTitle(tr("Edit note"));
    m_dialog->setQuote(a.quote.exact, a.target.kind == AnnotationTarget::Kind::Conclusion
            ? tr("Conclusion %1").arg(a.target.conclusion)
            : tr("Page %1").arg(a.target.page));
    m_dialog->setValues(a.tag, a.note);
    const QString who = author();
    connect(m_dialog, &HighlightDialog::saveRequested, this, [this, a, who, dialog = m_dialog] {
        const QString tag = AnnotationTags::builtin().normalize(dialog->tag());
        const QString note = dialog->note();
        if (tag == a.tag && note == a.note) {
            dialog->close(); // Nothing changed: nothing to save or undo.
            return;
        }
        m_controller->edit(a.id, who, tag, note, [this, dialog](const AnnotationOutcome &outcome) {
            if (!outcome.ok()) {
                if (dialog)
                    dialog->showError(outcome.error);
                return;
            }
            push(outcome.result->eventId, tr("edit note on “%1”").arg(outcome.result->annotation.quote.exact.left(30)));
            showMessage(tr("Note saved."));
            if (dialog)
                dialog->close();
        });
    });
    m_dialog->open();
}

void AnnotationUi::deleteAnnotation(const QString &id)
{
    m_controller->remove(id, author(), [this](const AnnotationOutcome &outcome) {
        if (!outcome.ok()) {
            showMessage(outcome.error);
            return;
        }
        push(outcome.result->eventId, tr("delete highlight “%1”").arg(outcome.result->annotation.quote.exact.left(30)));
        showMessage(tr("Highlight deleted (Ctrl+Z brings it back)."));
    });
}

void AnnotationUi::showPaneMenu(const QPoint &pos)
{
    QMenu *menu = m_parts.pane->createStandardContextMenu();
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addSeparator();
    updateActions();
    menu->addAction(m_highlight);
    const QString id = m_overlay->annotationAt(pos);
    const ResolvedAnnotation *found = id.isEmpty() ? nullptr : m_controller->find(id);
    if (found) {
        const bool own = found->annotation.author.compare(author(), Qt::CaseInsensitive) == 0
            && m_parts.review->profiles()->may(Action::Annotate);
        QAction *edit = menu->addAction(tr("Edit note…"), this, [this, id] { editAnnotation(id); });
        QAction *remove = menu->addAction(tr("Delete highlight"), this, [this, id] { deleteAnnotation(id); });
        edit->setEnabled(own);
        remove->setEnabled(own);
    }
    menu->popup(m_parts.pane->viewport()->mapToGlobal(pos));
}

void AnnotationUi::showNotesMenu(const QString &id, const QPoint &globalPos)
{
    const ResolvedAnnotation *found = m_controller->find(id);
    if (!found)
        return;
    const bool own = found->annotation.author.compare(author(), Qt::CaseInsensitive) == 0
        && m_parts.review->profiles()->may(Action::Annotate);
    auto *menu = new QMenu(m_notes);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("Open in the pane"), this, [this, id, study = found->annotation.studyId] { openAnnotation(study, id); });
    menu->addAction(tr("Edit note…"), this, [this, id] { editAnnotation(id); })->setEnabled(own);
    menu->addAction(tr("Delete"), this, [this, id] { deleteAnnotation(id); })->setEnabled(own);
    menu->popup(globalPos);
}

void AnnotationUi::showNotes()
{
    m_dock->show();
    m_dock->raise();
}

void AnnotationUi::openAnnotation(const QString &studyId, const QString &annotationId)
{
    // A note made on a PDF page opens that page too (the study is selected all the same, so
    // the pane shows whose paper it is).
    if (const ResolvedAnnotation *found = m_controller->find(annotationId);
        found && found->annotation.target.kind == AnnotationTarget::Kind::PdfPage) {
        const Annotation &a = found->annotation;
        Q_EMIT pdfPageRequested(studyId, a.target.pdfSha256, a.target.page, a.quote.exact);
    }
    if (studyId == m_shownStudy) {
        m_overlay->scrollTo(annotationId);
        return;
    }
    m_pendingScroll = annotationId;
    m_parts.window->selectStudy(studyId);
}

void AnnotationUi::exportAnnotations(int formatValue, bool mineOnly)
{
    if (!m_libraryOpen)
        return;
    const auto format = AnnotationFormat(formatValue);
    AnnotationFilter filter;
    QString title = tr("Annotations");
    if (mineOnly) {
        if (author().isEmpty()) {
            showMessage(tr("Sign in (Profile menu) to export your own notes."));
            return;
        }
        filter.author = author();
        title = tr("Annotations by %1").arg(author());
    }
    static const char *const names[] = { "annotations.md", "annotations.csv", "annotations.jsonld" };
    static const char *const suffixes[] = { "md", "csv", "jsonld" };
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    auto *dialog = new QFileDialog(m_parts.window, tr("Export annotations"),
        QDir(folder).filePath(QString::fromLatin1(names[formatValue])));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QString::fromLatin1(suffixes[formatValue]));
    connect(dialog, &QFileDialog::fileSelected, this, [this, format, filter, title](const QString &path) {
        m_controller->exportFile(format, filter, title, path, [this, path](int written, const QString &error) {
            if (!error.isEmpty()) {
                auto *box = new QMessageBox(QMessageBox::Warning, tr("Export failed"), error, QMessageBox::Ok, m_parts.window);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
                return;
            }
            showMessage(tr("%n annotation(s) exported to %1.", nullptr, written).arg(QDir::toNativeSeparators(path)));
        });
    });
    dialog->open();
}

void AnnotationUi::importAnnotations()
{
    if (!m_libraryOpen)
        return;
    ProfileController *profiles = m_parts.review->profiles();
    if (!profiles->may(Action::Annotate)) {
        showMessage(profiles->refusal(Action::Annotate));
        return;
    }
    auto *dialog = new QFileDialog(m_parts.window, tr("Import annotations"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("W3C Web Annotation JSON-LD (*.jsonld *.json)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        m_controller->importFile(path, author(), [this](const AnnotationImportReport &report, const QString &error) {
            if (!error.isEmpty()) {
                auto *box = new QMessageBox(QMessageBox::Warning, tr("Import failed"),
                    tr("Nothing was imported.\n%1").arg(error), QMessageBox::Ok, m_parts.window);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
                return;
            }
            QString text = tr("Annotations imported: %1 added, %2 updated, %3 unchanged.")
                               .arg(report.added)
                               .arg(report.updated)
                               .arg(report.unchanged);
            for (const QString &warning : report.warnings)
                text += u' ' + warning + u'.';
            showMessage(text, 15000);
        });
    });
    dialog->open();
}

HighlightDialog *AnnotationUi::dialog() const
{
    return m_dialog;
}

bool AnnotationUi::isSettled() const
{
    return !m_controller->isBusy() && !m_searchUpdater->isBusy() && m_pendingScroll.isEmpty();
}

void AnnotationUi::showMessage(const QString &text, int timeoutMs)
{
    m_parts.window->statusBar()->showMessage(text, timeoutMs);
}

} // namespace mgreview::gui
