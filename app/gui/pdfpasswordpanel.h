#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace mgreview::gui {

/// The viewer's inline password prompt for an encrypted PDF: not a modal dialog, so the rest
/// of the window keeps working while it waits.
class PdfPasswordPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PdfPasswordPanel(QWidget *parent = nullptr);

    /// Shows the prompt for a file; `wrong`: the last password did not open it.
    void ask(const QString &fileName, bool wrong);
    QLineEdit *passwordField() const { return m_password; }

Q_SIGNALS:
    void passwordEntered(const QString &password);
    void cancelled();

private:
    QLabel *m_title;
    QLabel *m_note;
    QLineEdit *m_password;
    QPushButton *m_open;
};

} // namespace mgreview::gui
