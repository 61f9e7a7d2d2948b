#include "highlightdialog.h"

#include "annotations/annotationtags.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace mgreview::gui {

HighlightDialog::HighlightDialog(const AnnotationTags &tags, QWidget *parent) : QDialog(parent), m_tags(tags)
{
    setWindowTitle(tr("Highlight"));
    setObjectName(QStringLiteral("highlightDialog"));
    m_quote = new QLabel(this);
    m_quote->setWordWrap(true);
    m_quote->setTextFormat(Qt::PlainText);
    m_quote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_quote->setStyleSheet(QStringLiteral("QLabel { background: #eef4fb; padding: 6px; border-left: 3px solid #2f6db5; }"));

    m_tag = new QComboBox(this);
    m_tag->setObjectName(QStringLiteral("tagCombo"));
    m_tag->setEditable(true); // Any other text is a custom tag.
    m_tag->setInsertPolicy(QComboBox::NoInsert);
    for (const VocabularyTerm &term : tags.vocabulary().terms())
        m_tag->addItem(term.label, term.id);
    m_tag->setToolTip(tr("Choose a tag, or type your own."));

    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_note->setPlaceholderText(tr("Your note (Markdown: *emphasis*, **strong**, - lists, [links](https://…))"));
    m_note->setTabChangesFocus(true);
    m_preview = new QTextBrowser(this);
    m_preview->setObjectName(QStringLiteral("notePreview"));
    m_preview->setOpenExternalLinks(false);
    m_preview->setOpenLinks(false);
    auto *notes = new QSplitter(Qt::Horizontal, this);
    notes->addWidget(m_note);
    notes->addWidget(m_preview);
    notes->setChildrenCollapsible(false);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #9b1c1c; }"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (tag().trimmed().isEmpty()) {
            showError(tr("Choose or type a tag."));
            return;
        }
        m_error->hide();
        Q_EMIT saveRequested();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_note, &QPlainTextEdit::textChanged, this, &HighlightDialog::updatePreview);

    auto *form = new QFormLayout;
    form->addRow(tr("Tag:"), m_tag);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_quote);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Note (left) and how it will read (right):"), this));
    layout->addWidget(notes, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(640, 380);
    updatePreview();
}

void HighlightDialog::setQuote(const QString &quote, const QString &where)
{
    m_quote->setText(tr("%1: “%2”").arg(where, quote));
}

void HighlightDialog::setValues(const QString &tag, const QString &note)
{
    const int index = m_tag->findData(tag);
    if (index >= 0)
        m_tag->setCurrentIndex(index);
    else
        m_tag->setEditText(tag);
    m_note->setPlainText(note);
}

QString HighlightDialog::tag() const
{
    // A chosen item gives its id; typed text is a label or a custom tag (core normalises both).
    const int index = m_tag->currentIndex();
    if (index >= 0 && m_tag->itemText(index) == m_tag->currentText())
        return m_tag->itemData(index).toString();
    return m_tag->currentText();
}

QString HighlightDialog::note() const
{
    return m_note->toPlainText();
}

void HighlightDialog::showError(const QString &error)
{
    m_error->setText(error);
    m_error->show();
}

void HighlightDialog::updatePreview()
{
    const QString note = m_note->toPlainText();
    if (note.trimmed().isEmpty())
        m_preview->setHtml(tr("<p style=\"color:#5a6370;\">The rendered note shows here.</p>"));
    else
        m_preview->setMarkdown(note);
}

} // namespace mgreview::gui
