#include "studyeditdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

namespace mgreview::gui {

StudyEditDialog::StudyEditDialog(const Study &study, QWidget *parent) : QDialog(parent), m_study(study)
{
    setWindowTitle(tr("Edit study %1").arg(study.id));
    auto *form = new QFormLayout(this);
    auto *note = new QLabel(tr("Correct what the record says; enter only what a source confirms. "
                               "If a colleague saves this study meanwhile, you will see both versions."),
                            this);
    note->setWordWrap(true);
    form->addRow(note);
    m_title = new QLineEdit(study.citation.title, this);
    m_authors = new QPlainTextEdit(study.citation.authors.join(u'\n'), this);
    m_authors->setToolTip(tr("One author per line, as “Surname Initials”."));
    m_authors->setTabChangesFocus(true);
    m_year = new QSpinBox(this);
    m_year->setRange(0, 2100);
    m_year->setSpecialValueText(tr("unknown"));
    m_year->setValue(study.citation.year);
    m_doi = new QLineEdit(study.ids.doi, this);
    m_doi->setPlaceholderText(tr("not known"));
    m_pmid = new QLineEdit(study.ids.pmid, this);
    m_pmid->setPlaceholderText(tr("not known"));
    m_abstract = new QPlainTextEdit(study.abstract, this);
    m_abstract->setTabChangesFocus(true);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Authors:"), m_authors);
    form->addRow(tr("&Year:"), m_year);
    form->addRow(tr("&DOI:"), m_doi);
    form->addRow(tr("&PMID:"), m_pmid);
    form->addRow(tr("A&bstract:"), m_abstract);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    resize(640, 480);
}

namespace {

/// The form's text, or the record's own when only surrounding spaces differ: an untouched
/// field must not count as an edit (it would meet a colleague's change as a conflict).
QString keptOrEdited(const QString &original, const QString &field)
{
    return field.trimmed() == original.trimmed() ? original : field.trimmed();
}

} // namespace

Study StudyEditDialog::edited() const
{
    Study out = m_study;
    out.citation.title = keptOrEdited(m_study.citation.title, m_title->text());
    QStringList authors;
    for (const QString &line : m_authors->toPlainText().split(u'\n')) {
        if (!line.trimmed().isEmpty())
            authors.append(line.trimmed());
    }
    if (authors.join(u'\n') != m_study.citation.authors.join(u'\n').trimmed())
        out.citation.authors = authors;
    out.citation.year = m_year->value();
    out.ids.doi = keptOrEdited(m_study.ids.doi, m_doi->text());
    out.ids.pmid = keptOrEdited(m_study.ids.pmid, m_pmid->text());
    out.abstract = keptOrEdited(m_study.abstract, m_abstract->toPlainText());
    return out;
}

} // namespace mgreview::gui
