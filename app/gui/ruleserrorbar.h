#pragma once

#include <QFrame>
#include <QStringList>

class QLabel;
class QToolButton;

namespace mgreview::gui {

/// A non-modal warning strip for a rules file with errors: what is wrong, each message as
/// "file:line:column: message", and that the last good rules stay in force. Hidden when
/// there is nothing to report.
class RulesErrorBar : public QFrame
{
    Q_OBJECT

public:
    explicit RulesErrorBar(bool dismissible, QWidget *parent = nullptr);

    /// Shows the messages (hides the bar when empty). A dismissed bar shows again for new messages.
    void setErrors(const QStringList &errors);
    QStringList errors() const { return m_errors; }
    /// The bar's text as the reader sees it.
    QString text() const;

private:
    QLabel *m_label;
    QToolButton *m_close = nullptr;
    QStringList m_errors;
};

} // namespace mgreview::gui
