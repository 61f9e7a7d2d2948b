#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTextBrowser;

namespace mgreview {
class AnnotationTags;
}

namespace mgreview::gui {

/// The small form of "Highlight…" and "Edit note…": the quoted words, a tag (from the
/// vocabulary, or typed: a custom tag) and a note in Markdown with a rendered preview.
/// It only collects; the caller saves (and keeps the form open to show an error).
class HighlightDialog : public QDialog
{
    Q_OBJECT

public:
    HighlightDialog(const AnnotationTags &tags, QWidget *parent = nullptr);

    /// The words being annotated (shown, not editable) and where they are ("Conclusion 1").
    void setQuote(const QString &quote, const QString &where);
    /// The tag to preselect (a vocabulary id or a custom tag) and the note to edit.
    void setValues(const QString &tag, const QString &note);
    /// The tag as chosen or typed (a label; core normalises it).
    QString tag() const;
    QString note() const;
    void showError(const QString &error);

    // For tests.
    QComboBox *tagCombo() const { return m_tag; }
    QPlainTextEdit *noteEdit() const { return m_note; }
    QTextBrowser *preview() const { return m_preview; }

Q_SIGNALS:
    void saveRequested();

private:
    void updatePreview();

    const AnnotationTags &m_tags;
    QLabel *m_quote;
    QComboBox *m_tag;
    QPlainTextEdit *m_note;
    QTextBrowser *m_preview;
    QLabel *m_error;
};

} // namespace mgreview::gui
